"""Data shared by the parsing modules. Plain frozen dataclasses: easy to test, to
serialise, and to keep (extracted text is stored so nothing is parsed twice)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, time
from typing import Protocol


@dataclass(frozen=True)
class Limits:
    """Explicit limits on untrusted input; every one is configurable.

    Over a limit a document is not read and says why (`DocumentText.problem`); the
    mail then goes to review or quarantine, never crashes anything.
    """

    max_message_bytes: int = 64 * 1024 * 1024
    max_parts: int = 500  # MIME parts walked in one mail
    max_depth: int = 20  # nesting of multiparts / attached mails
    max_attachment_bytes: int = 25 * 1024 * 1024  # one attachment, decoded
    max_uncompressed_bytes: int = 100 * 1024 * 1024  # a zip-based document, unpacked
    max_compression_ratio: float = 200.0  # unpacked / packed, per zip (zip bombs)
    max_document_seconds: float = 10.0  # wall time to extract one document
    max_pages: int = 200  # PDF pages read
    max_cells: int = 200_000  # spreadsheet cells read
    max_text_chars: int = 2_000_000  # text kept per document


@dataclass(frozen=True)
class DocumentText:
    """What a document says, as text and tables.

    `text` holds the paragraphs in reading order, one per line; table contents are in
    `tables` (a list of tables, each a list of rows, each a list of cell strings) and
    also rendered into `text` as tab-separated lines where they stand, so a reader of
    `text` alone misses nothing. `problem` is None when the document was read, else a
    short English reason for people ("encrypted", "no text layer (a scanned PDF?)",
    "unpacks to 900 MB, over the limit of 100 MB"); then `text` may be partial or empty.
    """

    kind: str  # docx, pdf, xlsx, xls, odt, ods, rtf, txt, html, doc, unknown
    text: str = ""
    tables: list[list[list[str]]] = field(default_factory=list)
    problem: str | None = None
    pages: int | None = None


@dataclass(frozen=True)
class DateMention:
    """One calendar date found in Swedish text, with the times written next to it.

    `span` is the (start, end) character offsets in the text searched, covering the
    date and any time range attached to it. `year_given` is False when the year was
    inferred from the reference date. `weekday` is the weekday word written next to the
    date, if any ("fredag"), and `weekday_mismatch` is True when it disagrees with the
    calendar (a typo to show a person, not to guess around).
    """

    date: date
    start: time | None
    end: time | None
    span: tuple[int, int]
    text: str
    year_given: bool
    weekday: str | None = None
    weekday_mismatch: bool = False
    end_date: dt.date | None = None  # for ranges across days: "14-15 mars"


class DocumentReader(Protocol):
    """What reads an attachment's text: `extract_document`, or a caller's own
    `DocumentWorker.extract` (the app builds one worker and passes it in, so that
    `parse_mail` holds no process of its own)."""

    def __call__(
        self, filename: str | None, content_type: str | None, data: bytes, limits: Limits
    ) -> DocumentText: ...
