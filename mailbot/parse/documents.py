"""Text and tables out of the attachments secretaries send: Word, PDF, Excel, ODF, RTF,
plain text, HTML.

Public API
----------
`extract_document(filename, content_type, data, limits)` is the production path: it never
raises, and returns a `DocumentText` whose `problem` says in plain words why a document
was not (fully) read: over a limit, encrypted, a scan without text, damaged, too slow.
`extract_document_inline` does the same work in the calling process (unit tests, and the
worker itself). `detect_kind` names the format from the bytes, then the file name and
content type. `DocumentWorker` is the reader process behind `extract_document`, for a
caller that wants its own (a second thread of extraction, a different memory limit).

Why a persistent worker process
-------------------------------
Attachments are untrusted and the readers include C libraries (PDFium, libxml2): a
pathological PDF can loop inside C, where no Python thread timeout can stop it, and a
document can ask for gigabytes. So every document is parsed in a child process that can
be killed: the parent waits at most `limits.max_document_seconds` for the answer, then
SIGKILLs the child and starts a replacement in the background (the next document waits
for it to boot). The child puts an address-space limit (`RLIMIT_AS`, 1 GiB by default,
`memory_limit_bytes=`) on itself for each document, so a bomb ends in a MemoryError or
a dead child, never in a swapping machine, and a CPU-time limit as a backstop should
the parent itself die mid-document.

A process per document would be simplest, but booting Python and importing the readers
costs about 0.3-0.4 s here, several times the whole budget for a mail. Reusing one warm
child costs about 0.2 ms per document for the pipe round trip plus the copying of bytes
and text (about 1 ms per 100 000 characters). Medians on this 2-core machine, warm
(bench/bench_documents.py): a 3-page .docx 7-10 ms through the worker against 7 ms
in-process, a 10-page PDF 9 against 7 ms (about 40 ms since its columns are measured,
`_pdf_columns`), a 300-row .xlsx 27-33 against 26 ms (openpyxl itself). That is cheap
enough to send every format through the worker rather than keep a list of "safe" formats
in-process: even html.parser has had quadratic inputs. Only the
checks that decide whether a document is read at all run in the parent: the size limit,
the kind from magic bytes, and the zip central directory (declared sizes and ratio,
bounded work). The zip limits are enforced on declared sizes, which is sound because
`zipfile`, which python-docx, openpyxl and odfpy all read through, never inflates an entry
beyond its declared size.

The child is started with `subprocess` rather than `multiprocessing`: it needs nothing from
the parent's `__main__`, is safe to start from a threaded daemon, and talks over two
private pipes, so a library that prints cannot corrupt the answer or a CLI's JSON. Jobs go
as JSON plus raw bytes, answers as JSON, so the parent never unpickles anything produced
while parsing hostile input. One worker serves one document at a time (a lock). A child
is retired after running out of memory, after a document that took over half its memory
limit, and after 500 documents, so a bloated or fragmented heap does not linger.

Reading prefixes: a PDF longer than `max_pages`, a sheet over `max_cells` or a text over
`max_text_chars` is read up to the limit without a problem being set, because what
matters (member lists, dates, protocol headings) sits at the start; a document yielding
nothing useful says so.
"""

from __future__ import annotations

import atexit
import codecs
import csv
import io
import json
import logging
import math
import os
import re
import resource
import signal
import struct
import subprocess
import sys
import threading
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, time, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from mailbot.parse.types import DocumentText, Limits

__all__ = [
    "DEFAULT_MEMORY_LIMIT_BYTES",
    "DocumentWorker",
    "default_worker",
    "detect_kind",
    "extract_document",
    "extract_document_inline",
]

log = logging.getLogger(__name__)

DEFAULT_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
"""Address space of the reader process while it reads one document (`RLIMIT_AS`)."""

# lxml and odfpy ship no type information; their elements are handled as Any.
_Xml = Any

# ---------------------------------------------------------------------------------------
# Kinds: magic bytes first, then the file name, then the content type
# ---------------------------------------------------------------------------------------

_EXTENSIONS = {
    "docx": "docx", "docm": "docx", "dotx": "docx", "dotm": "docx",
    "xlsx": "xlsx", "xlsm": "xlsx", "xltx": "xlsx", "xltm": "xlsx",
    "pdf": "pdf", "odt": "odt", "ott": "odt", "ods": "ods", "ots": "ods", "rtf": "rtf",
    "txt": "txt", "text": "txt", "csv": "csv", "tsv": "csv",
    "htm": "html", "html": "html", "xhtml": "html",
    "doc": "doc", "dot": "doc", "xls": "xls", "xlt": "xls",
}  # fmt: skip

_OOXML = "application/vnd.openxmlformats-officedocument."
_CONTENT_TYPES = {
    "application/pdf": "pdf",
    _OOXML + "wordprocessingml.document": "docx",
    _OOXML + "spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "text/plain": "txt",
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
}

_ZIP_KINDS = frozenset({"docx", "xlsx", "odt", "ods"})
_MEDIA_TYPES = ("image/", "audio/", "video/", "font/", "model/")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.text-template": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.spreadsheet-template": "ods",
}
# Main-part content types in [Content_Types].xml, for packages named unusually.
_OOXML_MAIN_TYPES = {
    b"wordprocessingml.document.main+xml": "docx",
    b"wordprocessingml.template.main+xml": "docx",
    b"ms-word.document.macroEnabled.main+xml": "docx",
    b"ms-word.template.macroEnabledTemplate.main+xml": "docx",
    b"spreadsheetml.sheet.main+xml": "xlsx",
    b"spreadsheetml.template.main+xml": "xlsx",
    b"ms-excel.sheet.macroEnabled.main+xml": "xlsx",
}

LEGACY_DOC = "legacy Word 97-2003 .doc is not supported; ask for .docx or PDF"
LEGACY_XLS = "legacy Excel 97-2003 .xls is not supported; ask for .xlsx or PDF"
ENCRYPTED = "encrypted"
NO_TEXT_LAYER = "no text layer (a scanned PDF?)"

# A real Office document has tens to hundreds of parts; the cap stops a central directory
# of a million tiny entries from costing the parent hundreds of MB of ZipInfo objects.
_MAX_ZIP_ENTRIES = 10_000
# Tiny XML parts compress 300:1 and harm nobody: the ratio is judged only above this.
_RATIO_FLOOR_BYTES = 1024 * 1024


@dataclass(frozen=True)
class _Inspection:
    """What the parent learnt without parsing: which reader, or why none is run."""

    reader: str  # a key of _READERS, or doc / xls / unknown
    problem: str | None = None

    @property
    def kind(self) -> str:
        return "txt" if self.reader == "csv" else self.reader


def detect_kind(filename: str | None, content_type: str | None, data: bytes) -> str:
    """The `DocumentText.kind` this document would get (docx, pdf, ..., unknown)."""
    try:
        return _inspect(filename, content_type, data, Limits()).kind
    except Exception:  # detection must never break a caller that only asks
        return "unknown"


def _hint(filename: str | None, content_type: str | None) -> str | None:
    """The kind the sender claims: the file name wins over the often generic type."""
    if filename and "." in filename:
        by_name = _EXTENSIONS.get(filename.rsplit(".", 1)[1].strip().lower())
        if by_name:
            return by_name
    if content_type:
        return _CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())
    return None


def _inspect(
    filename: str | None, content_type: str | None, data: bytes, limits: Limits
) -> _Inspection:
    hint = _hint(filename, content_type)
    if len(data) > limits.max_attachment_bytes:
        size, limit = _size(len(data)), _size(limits.max_attachment_bytes)
        return _Inspection(hint or "unknown", f"{size}, over the limit of {limit}; not read")
    if not data.strip():
        return _Inspection(hint or "unknown", "empty file")
    if data.startswith(_ZIP_MAGIC):
        return _inspect_zip(data, hint, limits)
    if data.startswith(_OLE_MAGIC):
        return _inspect_ole(data, hint)
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header
        return _Inspection("pdf")
    for magic, what in _IMAGE_MAGIC.items():
        if data.startswith(magic):
            return _Inspection("unknown", f"{what}, not a text document")
    if hint is None and (content_type or "").lower().startswith(_MEDIA_TYPES):
        return _Inspection("unknown", f"{content_type}, not a text document")
    return _inspect_text(data, hint)


def _inspect_text(data: bytes, hint: str | None) -> _Inspection:
    """Formats without magic bytes: sniff RTF and HTML, else trust a hint or plain text."""
    head = _decode_text(data[:4096]).lstrip("\ufeff \t\r\n").lower()
    if head.startswith("{\\rtf"):
        return _Inspection("rtf")
    if hint == "html" or _looks_like_html(head):
        return _Inspection("html")
    if hint in _ZIP_KINDS:
        return _Inspection(hint, f"damaged {hint}: not a zip archive")
    if hint == "pdf":
        return _Inspection("pdf")  # let PDFium judge a PDF without its header
    if hint == "doc":
        return _Inspection("doc", LEGACY_DOC)
    if hint == "xls":
        return _Inspection("xls", LEGACY_XLS)
    reader = "csv" if hint == "csv" else "txt"
    if _looks_like_text(data) or hint in ("txt", "csv"):
        return _Inspection(reader)
    return _Inspection(hint or "unknown", "unrecognised file type")


def _looks_like_html(head: str) -> bool:
    if head.startswith(("<!doctype html", "<html")):
        return True
    markers = ("<html", "<body", "<head>", "<table", "<div", "<p>", "<p ", "<br")
    return head.startswith("<") and any(marker in head for marker in markers)


_ASCII = bytes(range(128))


def _looks_like_text(data: bytes) -> bool:
    """Few control characters once decoded, and not mostly high bytes unless UTF-8:
    Windows-1252 Swedish has an å here and there, audio and images have them all over."""
    head = data[:4096]
    text = _decode_text(head)
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    if controls > len(text) // 50:
        return False
    high = len(head.translate(None, _ASCII))  # the bytes left once ASCII is deleted
    return high <= len(head) * 0.3 or _is_utf8_prefix(head)


def _is_utf8_prefix(head: bytes) -> bool:
    """Valid UTF-8 as far as it goes (the sample may end mid-character)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _inspect_ole(data: bytes, hint: str | None) -> _Inspection:
    """OLE2 holds legacy .doc/.xls and also password-protected .docx/.xlsx.

    The stream names are read from the directory entries directly (128-byte records of a
    UTF-16 name and its length) instead of a full OLE parser: that is all we need.
    """
    if _ole_has_stream(data, "EncryptionInfo"):
        return _Inspection(hint if hint in ("docx", "xlsx") else "unknown", ENCRYPTED)
    if _ole_has_stream(data, "WordDocument"):
        return _Inspection("doc", LEGACY_DOC)
    if _ole_has_stream(data, "Workbook") or _ole_has_stream(data, "Book"):
        return _Inspection("xls", LEGACY_XLS)
    if hint == "doc":
        return _Inspection("doc", LEGACY_DOC)
    if hint == "xls":
        return _Inspection("xls", LEGACY_XLS)
    return _Inspection("unknown", "an Office 97-2003 file that is not a document")


def _ole_has_stream(data: bytes, name: str) -> bool:
    """True when a directory entry names this stream.

    Entries sit at offsets divisible by 128 (sectors are 512 or 4096 bytes after a
    512-byte header) and store the name length at +64, which rules out the same words
    appearing in the document's own UTF-16 text.
    """
    needle = name.encode("utf-16-le") + b"\x00\x00"
    length = struct.pack("<H", len(needle))
    start = data.find(needle, 512)
    while start != -1:
        if start % 128 == 0 and data[start + 64 : start + 66] == length:
            return True
        start = data.find(needle, start + 1)
    return False


def _inspect_zip(data: bytes, hint: str | None, limits: Limits) -> _Inspection:
    """Limits from the central directory (no entry unpacked), then the kind."""
    entries = _zip_entry_count(data)
    if entries is not None and entries > _MAX_ZIP_ENTRIES:
        too_many = f"a zip with {entries} files, over the limit of {_MAX_ZIP_ENTRIES}"
        return _Inspection(hint or "unknown", too_many)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            over = _zip_limit_problem(infos, limits)
            if over:
                return _Inspection(_ooxml_kind(names) or hint or "unknown", over)
            kind = _zip_kind(archive, names)
            if kind in ("odt", "ods") and _odf_encrypted(archive):
                return _Inspection(kind, ENCRYPTED)
    except Exception as exc:  # BadZipFile, but also odd headers raising ValueError etc.
        label = hint if hint in _ZIP_KINDS else "zip"
        return _Inspection(hint or "unknown", f"damaged {label}: {_describe(exc)}")
    if kind is None:
        if hint in _ZIP_KINDS:
            return _Inspection(hint, f"damaged {hint}: no document inside the zip")
        return _Inspection("unknown", "a zip archive, not a document")
    return _Inspection(kind)


def _zip_entry_count(data: bytes) -> int | None:
    """Entries declared by the end-of-central-directory record (0xFFFF means zip64)."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if eocd == -1 or eocd + 12 > len(data):
        return None
    return int(struct.unpack_from("<H", data, eocd + 10)[0])


def _zip_limit_problem(infos: list[zipfile.ZipInfo], limits: Limits) -> str | None:
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unpacked > limits.max_uncompressed_bytes:
        limit = _size(limits.max_uncompressed_bytes)
        return f"unpacks to {_size(unpacked)}, over the limit of {limit} (a zip bomb?)"
    ratio = unpacked / max(packed, 1)
    if unpacked > _RATIO_FLOOR_BYTES and ratio > limits.max_compression_ratio:
        limit = f"{limits.max_compression_ratio:g}"
        return f"compressed {ratio:.0f}:1, over the limit of {limit}:1 (a zip bomb?)"
    return None


def _ooxml_kind(names: set[str]) -> str | None:
    """Word or Excel by their usual part names: free, nothing is unpacked."""
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    if _ooxml_kind(names):
        return _ooxml_kind(names)
    if "mimetype" in names:
        mimetype = _read_prefix(archive, "mimetype", 200).decode("ascii", "replace").strip()
        if mimetype in _ODF_MIMETYPES:
            return _ODF_MIMETYPES[mimetype]
    if "[Content_Types].xml" in names:
        types = _read_prefix(archive, "[Content_Types].xml", 256 * 1024)
        for marker, kind in _OOXML_MAIN_TYPES.items():
            if marker in types:
                return kind
    return None


def _odf_encrypted(archive: zipfile.ZipFile) -> bool:
    manifest = _read_prefix(archive, "META-INF/manifest.xml", 1024 * 1024)
    return b"encryption-data" in manifest


def _read_prefix(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """At most `limit` unpacked bytes of one entry, whatever it claims to hold."""
    try:
        with archive.open(name) as entry:
            return entry.read(limit)
    except KeyError:
        return b""


# ---------------------------------------------------------------------------------------
# Text helpers shared by the readers
# ---------------------------------------------------------------------------------------


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252: one stray byte in a UTF-8 file
    (or a whole file from Outlook on Windows) keeps its å, ä and ö."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", "replace"), error.end


codecs.register_error("mailbot-cp1252", _cp1252_fallback)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes of unknown encoding to text: BOM, BOM-less UTF-16, declared, UTF-8, cp1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, "replace")
    if declared:
        try:
            return data.decode(_whatwg_codec(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", "mailbot-cp1252")


def _whatwg_codec(declared: str) -> str:
    """Browsers read latin-1 and ascii labels as Windows-1252; so do the mails."""
    name = codecs.lookup(declared).name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _utf16_without_bom(data: bytes) -> str | None:
    """Notepad's "Unicode" files: every other byte of Latin text is zero."""
    sample = data[:4000]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros > pairs * 0.4 and even_zeros < pairs * 0.05:
        return "utf-16-le"
    if even_zeros > pairs * 0.4 and odd_zeros < pairs * 0.05:
        return "utf-16-be"
    return None


_SPACES = "\xa0\u2007\u202f\u2060"  # no-break spaces a reader means as plain spaces
_DROPPED = "\u200b\u200c\u200d\ufeff\xad"  # zero-width characters and soft hyphens
_CONTROLS = [c for c in range(32) if chr(c) not in "\t\n\f"] + list(range(0x7F, 0xA0))
# Lone surrogates (an RTF "\\u-10000") cannot be stored or sent as UTF-8.
_SURROGATES = range(0xD800, 0xE000)
_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_DROPPED, ""),
    **dict.fromkeys(map(chr, _CONTROLS), ""),
    **dict.fromkeys(map(chr, _SURROGATES), "\ufffd"),
}
# A regex finds the rare odd characters at C speed; str.translate with a dict would look
# up every character in Python (seconds for a long text).
_ODD_CHARS = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")


def _replace_odd(text: str) -> str:
    return _ODD_CHARS.sub(lambda match: _REPLACEMENTS[match.group()], text)


_BLANK_RUNS = re.compile(r"\n{4,}")


def _normalise_text(text: str, max_chars: int) -> str:
    """NFC, plain spaces, no trailing blanks, at most two blank lines in a row, capped."""
    text = text[: max_chars * 2]  # bound the work below; the final cap comes last
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_odd(unicodedata.normalize("NFC", text))
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n\n", text).strip("\n")[:max_chars]


def _normalise_cell(cell: str) -> str:
    cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return _replace_odd(unicodedata.normalize("NFC", cell)).strip()


def _normalise_tables(tables: list[list[list[str]]], max_chars: int) -> list[list[list[str]]]:
    """Normalised cells; whole rows are dropped once `max_chars` of cells are kept."""
    budget = max_chars
    result: list[list[list[str]]] = []
    for table in tables:
        rows: list[list[str]] = []
        for row in table:
            cells = [_normalise_cell(cell) for cell in row]
            budget -= sum(len(cell) for cell in cells)
            if budget < 0:
                break
            rows.append(cells)
        if rows:
            result.append(rows)
        if budget < 0:
            break
    return result


def _finish(document: DocumentText, limits: Limits) -> DocumentText:
    text = _normalise_text(document.text, limits.max_text_chars)
    tables = _normalise_tables(document.tables, limits.max_text_chars)
    return replace(document, text=text, tables=tables)


def _flat(cell: str) -> str:
    """A cell on one line of `text`: its own line breaks become "; " (so that a cell of
    names, one per line, stays a list of names, not one long name), tabs spaces."""
    lines = [line.strip() for line in cell.replace("\t", " ").split("\n")]
    return "; ".join(line for line in lines if line)


def _row_line(row: list[str]) -> str:
    return "\t".join(_flat(cell) for cell in row)


def _rectangular(rows: list[list[str]]) -> list[list[str]]:
    """Trailing empty rows and columns dropped, every row as wide as the widest."""
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((_used_width(row) for row in rows), default=0)
    return [row[:width] + [""] * (width - len(row)) for row in rows]


def _used_width(row: list[str]) -> int:
    for index in range(len(row), 0, -1):
        if row[index - 1]:
            return index
    return 0


@dataclass
class _Sink:
    """Lines of text and the document's tables, filled in reading order."""

    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)

    def for_cell(self) -> _Sink:
        """Lines of a table cell, whose nested tables still join the document's list."""
        return _Sink(lines=[], tables=self.tables)

    def add_table(self, rows: list[list[str]], slot: int) -> None:
        """Table into the slot reserved when it started (before its nested tables), and
        its rows as tab-separated lines where it stands."""
        self.tables[slot] = rows
        self.lines.extend(_row_line(row) for row in rows)

    def reserve_table(self) -> int:
        self.tables.append([])
        return len(self.tables) - 1

    def document(self, kind: str) -> DocumentText:
        tables = [table for table in self.tables if table]  # empty ones left no lines
        return DocumentText(kind=kind, text="\n".join(self.lines), tables=tables)


@dataclass
class _Budget:
    """Spreadsheet cells still allowed (`Limits.max_cells`)."""

    left: int

    def take(self, cells: int) -> bool:
        self.left -= max(cells, 1)
        return self.left >= 0


def _cell_text(value: object) -> str:
    """A spreadsheet value as a person reads it: ISO dates, HH:MM, 12 rather than 12.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {value:%H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    return str(value)


def _bounded_int(value: object, default: int, low: int, high: int) -> int:
    """An integer attribute from a hostile file: garbage gives the default, and repeats
    or spans are clamped so one attribute cannot ask for a billion cells."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, low), high)


# ---------------------------------------------------------------------------------------
# docx
# ---------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_BODY, _W_P, _W_TBL, _W_TR, _W_TC = (_W + tag for tag in ("body", "p", "tbl", "tr", "tc"))
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
_W_T, _W_TXBX, _W_VAL = _W + "t", _W + "txbxContent", _W + "val"
_W_TABS = frozenset({_W + "tab", _W + "ptab"})
_W_BREAKS = frozenset({_W + "br", _W + "cr"})
_W_HYPHEN = _W + "noBreakHyphen"
# Subtrees without reading text: properties, deleted or moved-away text, field codes,
# and the legacy copy of a text box (its modern copy is read instead).
_W_SKIP = frozenset(
    {_W + name for name in ("pPr", "rPr", "del", "moveFrom", "instrText")}
    | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
)
_W_WRAPPERS = frozenset({_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML})
_WORD_MAIN_TYPES = frozenset(
    "application/vnd." + suffix
    for suffix in (
        "openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "ms-word.document.macroEnabled.main+xml",
        "ms-word.template.macroEnabledTemplate.main+xml",
    )
)


def _read_docx(data: bytes, limits: Limits) -> DocumentText:
    """Body paragraphs and tables in document order, from python-docx's XML tree.

    The body is walked directly rather than through `Paragraph.text`, which misses runs
    inside content controls, tracked insertions and text boxes, all common in the
    templates municipalities use.
    """
    from docx.oxml.parser import parse_xml
    from docx.package import Package

    part = Package.open(io.BytesIO(data)).main_document_part
    if part.content_type not in _WORD_MAIN_TYPES:
        raise ValueError(f"not a Word document ({part.content_type})")
    # python-docx parses only plain .docx; templates and macro documents stay a blob.
    root = getattr(part, "element", None)
    if root is None:
        root = parse_xml(part.blob)
    sink = _Sink()
    body = root.find(_W_BODY)
    if body is not None:
        _docx_blocks(body, sink)
    return sink.document("docx")


def _docx_blocks(container: _Xml, sink: _Sink) -> None:
    for child in container:
        if child.tag == _W_P:
            _docx_paragraph(child, sink)
        elif child.tag == _W_TBL:
            _docx_table(child, sink)
        elif child.tag in _W_WRAPPERS:
            _docx_blocks(child, sink)


def _docx_paragraph(paragraph: _Xml, sink: _Sink) -> None:
    parts: list[str] = []
    boxes: list[_Xml] = []
    _docx_runs(paragraph, parts, boxes)
    sink.lines.append("".join(parts))
    for box in boxes:  # text boxes read as lines after the paragraph anchoring them
        _docx_blocks(box, sink)


def _docx_runs(element: _Xml, parts: list[str], boxes: list[_Xml]) -> None:
    for child in element:
        tag = child.tag
        if tag == _W_T:
            parts.append(child.text or "")
        elif tag in _W_TABS:
            parts.append("\t")
        elif tag in _W_BREAKS:
            parts.append("\n")
        elif tag == _W_HYPHEN:
            parts.append("-")
        elif tag == _W_TXBX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _W_SKIP:  # comments have no str tag
            _docx_runs(child, parts, boxes)


def _docx_table(table: _Xml, sink: _Sink) -> None:
    """Grid-aligned rows: a horizontally merged cell leaves "" in the columns it spans,
    a vertically merged one repeats its text (a municipality merged over its members)."""
    slot = sink.reserve_table()
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for row in _docx_unwrap(table, _W_TR):
        cells = [""] * _bounded_int(_docx_property(row, "trPr", "gridBefore"), 0, 0, 64)
        for cell in _docx_unwrap(row, _W_TC):
            column = len(cells)
            merge = _docx_property(cell, "tcPr", "vMerge", missing="")
            if merge not in ("", "restart"):  # continuation of the cell above
                text = above.get(column, "")
            else:
                text = _docx_cell_text(cell, sink)
            span = _bounded_int(_docx_property(cell, "tcPr", "gridSpan"), 1, 1, 64)
            cells.extend([text] + [""] * (span - 1))
            above[column] = text
        rows.append(cells)
    sink.add_table(_rectangular(rows), slot)


def _docx_cell_text(cell: _Xml, sink: _Sink) -> str:
    inner = sink.for_cell()
    _docx_blocks(cell, inner)
    return "\n".join(inner.lines).strip()


def _docx_unwrap(parent: _Xml, tag: str) -> Iterator[_Xml]:
    """Children with `tag`, also when wrapped in content controls or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _W_WRAPPERS:
            yield from _docx_unwrap(child, tag)


def _docx_property(element: _Xml, group: str, name: str, missing: str | None = None) -> str:
    """`w:val` of a property element; `missing` when the element is absent, and "continue"
    for a present element without a value (how Word writes a merge continuation)."""
    found = element.find(f"{_W}{group}/{_W}{name}")
    if found is None:
        return "" if missing is None else missing
    return str(found.get(_W_VAL, "continue"))


# ---------------------------------------------------------------------------------------
# pdf
# ---------------------------------------------------------------------------------------

# Fewer visible characters than this per page on average: a scan, perhaps with a
# stamped page number, not a document with a text layer.
_MIN_CHARS_PER_PAGE = 10


def _read_pdf(data: bytes, limits: Limits) -> DocumentText:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (
            pdfium_c.FPDF_ERR_PASSWORD,
            pdfium_c.FPDF_ERR_SECURITY,
        ):
            return DocumentText(kind="pdf", problem=ENCRYPTED)
        raise
    try:
        pages = len(pdf)
        texts = _pdf_page_texts(pdf, min(pages, limits.max_pages), limits.max_text_chars)
    finally:
        pdf.close()
    visible = sum(len("".join(text.split())) for text, _ in texts)
    problem = NO_TEXT_LAYER if visible < _MIN_CHARS_PER_PAGE * max(len(texts), 1) else None
    tables = [table for text, starts in texts for table in _pdf_tables(text, starts)]
    return DocumentText(
        kind="pdf",
        text="\n\f\n".join(text for text, _ in texts),
        tables=tables,
        problem=problem,
        pages=pages,
    )


def _pdf_tables(text: str, starts: list[list[float]] | None = None) -> list[list[list[str]]]:
    """Runs of at least two lines split into columns by `_pdf_columns`' tabs: a table,
    in the shape every other format gives. With the cells' positions, each cell goes in
    the column it stands in: the columns are where the header rows' cells begin (the
    rows before the first one with as many cells as the widest header), so an empty
    cell leaves its column empty instead of shifting the rest left."""
    lines = text.replace("\r", "").split("\n")
    positions = starts if starts is not None and len(starts) == len(lines) else None
    tables: list[list[list[str]]] = []
    run: list[tuple[list[str], list[float]]] = []

    def close() -> None:
        if len(run) >= 2:
            tables.append(_place_cells(run))

    for index, line in enumerate([*lines, ""]):
        cells = [c.strip() for c in line.split("\t")] if "\t" in line else []
        xs = positions[index] if positions is not None and index < len(lines) else []
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        if not cells and run and 0 < len(line.strip()) <= 40 and "\t" in nxt:
            cells = [line.strip()]  # a section row inside the table ("LEDAMÖTER")
        if cells and (not run or len(cells) <= len(run[0][0])):
            run.append((cells, xs if len(xs) == len(cells) else []))
            continue
        close()
        run = [(cells, xs if len(xs) == len(cells) else [])] if cells else []
    return tables


def _place_cells(run: list[tuple[list[str], list[float]]]) -> list[list[str]]:
    width = len(run[0][0])
    if not all(xs for _, xs in run[:2]):
        # No positions: pad the shorter rows at the end (an empty cell leaves no tab).
        return [cells + [""] * (max(len(r) for r, _ in run) - len(cells)) for cells, _ in run]
    columns: list[float] = []
    for _cells, xs in run[:3]:  # the header rows
        for x in xs:
            if all(abs(x - c) > 3.0 for c in columns):
                columns.append(x)
    columns.sort()
    width = max(width, len(columns))
    rows: list[list[str]] = []
    for cells, xs in run:
        row = [""] * len(columns)
        if not xs:
            rows.append((cells + [""] * len(columns))[: len(columns)])
            continue
        for cell, x in zip(cells, xs, strict=True):
            at = max((i for i, c in enumerate(columns) if c <= x + 3.0), default=0)
            row[at] = f"{row[at]} {cell}".strip() if row[at] else cell
        rows.append(row)
    return rows


def _pdf_page_texts(pdf: Any, count: int, max_chars: int) -> list[tuple[str, list[list[float]]]]:
    """Text (and cell positions) of the first `count` pages, stopping early once enough
    text is in hand."""
    texts: list[tuple[str, list[list[float]]]] = []
    total = 0
    for index in range(count):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                texts.append(_pdf_columns(textpage))
            finally:
                textpage.close()
        finally:
            page.close()
        total += len(texts[-1][0])
        if total > max_chars:
            break
    return texts


def _pdf_columns(textpage: Any) -> tuple[str, list[list[float]]]:
    """A page's text with its columns kept apart, and where each cell starts.

    Where the gap at a space between two characters on one line is wider than a few
    characters (a table's next cell, a two-column front page "Beslutande      Anna
    Berg"), a tab stands there instead of the run-together text PDFium gives ("Essunga
    Lisa Vik" stays "Essunga<TAB>Lisa Vik"). For each line, the x of each cell's first
    character is returned too, so a table's cells can be put in the columns they stand
    in (an x under "Nej" is not an x under "Ja"). Only the characters that begin a line
    or sit beside a space are measured (about 30 ms for ten full pages). Falls back to
    PDFium's text, without positions, if its characters and boxes do not line up."""
    text = str(textpage.get_text_range())
    if textpage.count_chars() != len(text):
        return text, []
    lines: list[str] = []
    starts: list[list[float]] = []
    bottoms: list[float | None] = []
    offset = 0
    for raw in text.split("\r\n"):
        cells: list[str] = []
        xs: list[float] = []
        done = 0
        first = len(raw) - len(raw.lstrip(" "))
        bottom: float | None = None
        if first < len(raw):
            box = textpage.get_charbox(offset + first)
            xs.append(float(box[0]))
            bottom = float(box[1])
        for gap in _SPACES_RE.finditer(raw):
            before, after = gap.start() - 1, gap.end()
            if before < 0 or after >= len(raw):
                continue
            left_box = textpage.get_charbox(offset + before)
            right_box = textpage.get_charbox(offset + after)
            height = max(left_box[3] - left_box[1], right_box[3] - right_box[1], 4.0)
            same_line = abs(left_box[1] - right_box[1]) < height * 0.6
            if same_line and right_box[0] - left_box[2] > max(height * 1.6, 6.0):
                cells.append(raw[done : gap.start()])
                xs.append(float(right_box[0]))
                done = gap.end()
        cells.append(raw[done:])
        offset += len(raw) + 2
        same_row = (
            bottom is not None
            and bottoms
            and bottoms[-1] is not None
            and abs(bottom - bottoms[-1]) < 1.5
            and starts[-1]
            and len(xs) == len(cells)
            and xs[0] > starts[-1][-1]
        )
        if same_row:
            # PDFium broke a table row at a wide gap ("Anna Berg  Hjo" ... "x"): one row.
            lines[-1] += "\t" + "\t".join(cells)
            starts[-1] += xs
            continue
        lines.append("\t".join(cells))
        starts.append(xs if len(xs) == len(cells) else [])
        bottoms.append(bottom)
    return "\r\n".join(lines), starts


_SPACES_RE = re.compile(r" +")


# ---------------------------------------------------------------------------------------
# xlsx
# ---------------------------------------------------------------------------------------


def _read_xlsx(data: bytes, limits: Limits) -> DocumentText:
    import openpyxl  # type: ignore[import-untyped]

    with warnings.catch_warnings():  # "no default style" and the like: noise for us
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sink = _Sink()
            budget = _Budget(limits.max_cells)
            for sheet in book.worksheets:
                _add_named_table(sink, str(sheet.title), _xlsx_rows(sheet, budget))
                if budget.left <= 0:
                    break
        finally:
            book.close()
    return sink.document("xlsx")


def _xlsx_rows(sheet: Any, budget: _Budget) -> list[list[str]]:
    # Declared dimensions are often "A1:XFD1048576" (whole sheet formatted): forgetting
    # them stops openpyxl padding every row to 16384 empty cells.
    sheet.reset_dimensions()
    rows: list[list[str]] = []
    for values in sheet.iter_rows(values_only=True):
        if not budget.take(len(values)):
            break
        rows.append([_cell_text(value) for value in values])
    return _rectangular(rows)


def _add_named_table(sink: _Sink, name: str, rows: list[list[str]]) -> None:
    """A sheet: its name on a line, its rows, a blank line; empty sheets leave nothing."""
    if not rows:
        return
    sink.lines.append(name)
    sink.add_table(rows, sink.reserve_table())
    sink.lines.append("")


# ---------------------------------------------------------------------------------------
# odt / ods
# ---------------------------------------------------------------------------------------

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ODF_PARAGRAPHS = frozenset({(_TEXT_NS, "p"), (_TEXT_NS, "h")})
_ODF_TABLE = (_TABLE_NS, "table")
_ODF_ROW = (_TABLE_NS, "table-row")
_ODF_CELLS = frozenset({(_TABLE_NS, "table-cell"), (_TABLE_NS, "covered-table-cell")})
_ODF_TEXT_BOX = (_DRAW_NS, "text-box")
_ODF_SKIP = frozenset(
    {(_OFFICE_NS, name) for name in ("annotation", "annotation-end", "forms", "scripts")}
    | {(_TEXT_NS, name) for name in ("note", "tracked-changes", "table-of-content")}
    | {(_TEXT_NS, name) for name in ("sequence-decls", "variable-decls")}
    | {(_TABLE_NS, name) for name in ("table-columns", "table-column", "named-expressions")}
)
_ELEMENT_NODE, _TEXT_NODE = 1, 3


def _read_odf(data: bytes, limits: Limits, kind: str) -> DocumentText:
    from odf.opendocument import load  # type: ignore[import-untyped]

    sink = _Sink()
    _odf_blocks(load(io.BytesIO(data)).body, sink, _Budget(limits.max_cells), kind == "ods")
    return sink.document(kind)


def _read_odt(data: bytes, limits: Limits) -> DocumentText:
    return _read_odf(data, limits, "odt")


def _read_ods(data: bytes, limits: Limits) -> DocumentText:
    return _read_odf(data, limits, "ods")


def _odf_blocks(element: _Xml, sink: _Sink, budget: _Budget, sheets: bool) -> None:
    for child in element.childNodes:
        if child.nodeType != _ELEMENT_NODE or child.qname in _ODF_SKIP:
            continue
        if child.qname in _ODF_PARAGRAPHS:
            _odf_paragraph(child, sink, budget)
        elif child.qname == _ODF_TABLE:
            _odf_table(child, sink, budget, sheets)
        else:  # lists, list items, sections, the office:text body itself
            _odf_blocks(child, sink, budget, sheets)


def _odf_paragraph(paragraph: _Xml, sink: _Sink, budget: _Budget) -> None:
    parts: list[str] = []
    boxes: list[_Xml] = []
    _odf_inline(paragraph, parts, boxes)
    sink.lines.append("".join(parts))
    for box in boxes:
        _odf_blocks(box, sink, budget, False)


def _odf_inline(element: _Xml, parts: list[str], boxes: list[_Xml]) -> None:
    """Like odfpy's teletype.extractText, but `text:s c=` is clamped (a billion spaces is
    one attribute away) and text boxes become lines of their own."""
    for child in element.childNodes:
        if child.nodeType == _TEXT_NODE:
            parts.append(str(child.data))
        elif child.nodeType != _ELEMENT_NODE or child.qname in _ODF_SKIP:
            continue
        elif child.qname == (_TEXT_NS, "s"):
            parts.append(" " * _bounded_int(child.attributes.get((_TEXT_NS, "c"), 1), 1, 1, 64))
        elif child.qname == (_TEXT_NS, "tab"):
            parts.append("\t")
        elif child.qname == (_TEXT_NS, "line-break"):
            parts.append("\n")
        elif child.qname == _ODF_TEXT_BOX:
            boxes.append(child)
        else:
            _odf_inline(child, parts, boxes)


def _odf_table(table: _Xml, sink: _Sink, budget: _Budget, sheets: bool) -> None:
    """Rows with their repeats expanded, lazily: spreadsheets end in rows "repeated
    1048000 times" which cost nothing unless real content follows them."""
    slot = None if sheets else sink.reserve_table()  # a sheet is added with its name
    rows: list[list[str]] = []
    pending_empty = 0
    for row in _odf_rows(table):
        repeat = _bounded_int(
            row.attributes.get((_TABLE_NS, "number-rows-repeated"), 1), 1, 1, 1 << 20
        )
        cells = _odf_row_cells(row, sink, budget)
        if not cells:
            pending_empty += repeat
            continue
        for _ in range(pending_empty):
            if not budget.take(1):
                break
            rows.append([])
        pending_empty = 0
        for _ in range(repeat):
            if not budget.take(len(cells)):
                break
            rows.append(list(cells))
        if budget.left <= 0:
            break
    rows = _rectangular(rows)
    if slot is None:
        _add_named_table(sink, str(table.attributes.get((_TABLE_NS, "name"), "")), rows)
    else:
        sink.add_table(rows, slot)


def _odf_rows(element: _Xml) -> Iterator[_Xml]:
    """Rows of a table, also those grouped in header-rows, row-groups and rows."""
    for child in element.childNodes:
        if child.nodeType != _ELEMENT_NODE or child.qname == _ODF_TABLE:
            continue
        if child.qname == _ODF_ROW:
            yield child
        elif child.qname[0] == _TABLE_NS:
            yield from _odf_rows(child)


# Spreadsheets have at most 16384 columns; a row claiming more is hostile.
_MAX_COLUMNS = 1 << 14


def _odf_row_cells(row: _Xml, sink: _Sink, budget: _Budget) -> list[str]:
    cells: list[str] = []
    pending_empty = 0
    for cell in row.childNodes:
        if cell.nodeType != _ELEMENT_NODE or cell.qname not in _ODF_CELLS:
            continue
        repeated = cell.attributes.get((_TABLE_NS, "number-columns-repeated"), 1)
        repeat = _bounded_int(repeated, 1, 1, _MAX_COLUMNS)
        value = _odf_cell_value(cell, sink, budget)
        if not value:
            pending_empty += repeat
            continue
        cells.extend([""] * min(pending_empty, _MAX_COLUMNS - len(cells)))
        cells.extend([value] * min(repeat, _MAX_COLUMNS - len(cells)))
        pending_empty = 0
        if len(cells) >= _MAX_COLUMNS:
            break
    return cells


def _odf_cell_value(cell: _Xml, sink: _Sink, budget: _Budget) -> str:
    """Typed values as in xlsx (ISO dates, HH:MM, plain numbers), else the cell's text."""
    attributes = cell.attributes
    value_type = attributes.get((_OFFICE_NS, "value-type"))
    typed: str | None = None
    if value_type in ("float", "percentage", "currency"):
        typed = _odf_number(attributes.get((_OFFICE_NS, "value")))
    elif value_type == "date":
        typed = _odf_date(attributes.get((_OFFICE_NS, "date-value")))
    elif value_type == "time":
        typed = _odf_time(attributes.get((_OFFICE_NS, "time-value")))
    elif value_type == "boolean":
        typed = "TRUE" if attributes.get((_OFFICE_NS, "boolean-value")) == "true" else "FALSE"
    if typed is not None:
        return typed
    inner = sink.for_cell()
    _odf_blocks(cell, inner, budget, False)
    return "\n".join(inner.lines).strip()


def _odf_number(value: object) -> str | None:
    try:
        return _cell_text(float(str(value)))
    except ValueError:
        return None


def _odf_date(value: object) -> str | None:
    try:
        return _cell_text(datetime.fromisoformat(str(value)))
    except ValueError:
        return None


_ODF_DURATION = re.compile(r"^-?PT?(?:(\d+)H)?(?:(\d+)M)?(?:[\d.]+S)?$")


def _odf_time(value: object) -> str | None:
    match = _ODF_DURATION.match(str(value))
    if not match:
        return None
    return f"{int(match.group(1) or 0):02d}:{int(match.group(2) or 0):02d}"


# ---------------------------------------------------------------------------------------
# rtf, txt, csv, html
# ---------------------------------------------------------------------------------------


def _read_rtf(data: bytes, limits: Limits) -> DocumentText:
    """striprtf ends every table cell with "|" and every row with a line break; such
    lines are turned back into tables."""
    from striprtf.striprtf import rtf_to_text

    sink = _Sink()
    block: list[list[str]] = []
    text = rtf_to_text(_decode_text(data), errors="replace")
    for line in text.split("\n"):
        if line.endswith("|"):
            block.append(line[:-1].split("|"))
            continue
        if block:
            sink.add_table(_rectangular(block), sink.reserve_table())
            block = []
        sink.lines.append(line)
    if block:
        sink.add_table(_rectangular(block), sink.reserve_table())
    return sink.document("rtf")


def _read_txt(data: bytes, limits: Limits) -> DocumentText:
    text = _decode_text(data)
    problem = None if _looks_like_text(data) else "binary data, not text"
    return DocumentText(kind="txt", text=text, problem=problem)


def _read_csv(data: bytes, limits: Limits) -> DocumentText:
    """A list exported from a member register: a table, delimiter guessed from the header
    (Swedish Excel writes ";")."""
    text = _decode_text(data)
    header = text.split("\n", 1)[0]
    delimiter = max("\t;,", key=header.count)
    if not header.count(delimiter):
        return DocumentText(kind="txt", text=text)
    budget = _Budget(limits.max_cells)
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if not budget.take(len(row)):
            break
        rows.append(row)
    sink = _Sink()
    sink.add_table(_rectangular(rows), sink.reserve_table())
    return sink.document("txt")


_HTML_DROP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "object", "iframe"}
)
_HTML_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt"),
        *("fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_HTML_PARAGRAPHS = frozenset({"p", "div"})  # an empty one is a blank line people see
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _read_html(data: bytes, limits: Limits) -> DocumentText:
    from bs4 import BeautifulSoup

    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else None
    soup = BeautifulSoup(_decode_text(data, declared), "html.parser")
    sink = _Sink()
    _HtmlText(sink).walk(soup)
    return sink.document("html")


@dataclass
class _Close:
    """Marks the end of a block element on the walk stack."""

    name: str
    lines_before: int


class _HtmlText:
    """Text of an HTML tree with line breaks at block elements, tables as tables.

    Iterative (an explicit stack) because mail HTML can nest thousands deep, which would
    exhaust Python's recursion limit; only table nesting recurses.
    """

    def __init__(self, sink: _Sink) -> None:
        self.sink = sink
        self.parts: list[str] = []

    def walk(self, root: Any) -> None:
        from bs4.element import NavigableString, PreformattedString, Tag

        stack: list[Any] = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, _Close):
                self._close_block(node)
            elif isinstance(node, NavigableString):
                if not isinstance(node, PreformattedString):  # comments, doctypes, CDATA
                    self.parts.append(_HTML_SPACE.sub(" ", str(node)))
            elif isinstance(node, Tag) and not _html_hidden(node):
                self._open(node, stack)
        self._break()

    def _open(self, tag: Any, stack: list[Any]) -> None:
        name = tag.name
        if name == "br":
            self._break(blank_allowed=True)
        elif name == "table":
            self._break()
            _html_table(tag, self.sink)
        elif name in _HTML_BLOCKS:
            self._break()
            stack.append(_Close(name, len(self.sink.lines)))
            stack.extend(reversed(tag.contents))
        else:
            stack.extend(reversed(tag.contents))

    def _close_block(self, close: _Close) -> None:
        self._break()
        if close.name in _HTML_PARAGRAPHS and len(self.sink.lines) == close.lines_before:
            self.sink.lines.append("")  # <p>&nbsp;</p>: the blank line the sender typed

    def _break(self, blank_allowed: bool = False) -> None:
        line = re.sub(" {2,}", " ", "".join(self.parts)).strip(" ")
        self.parts = []
        if line.strip() or blank_allowed:
            self.sink.lines.append(line)


def _html_hidden(tag: Any) -> bool:
    """Dropped elements, and Outlook's hidden preheaders (display:none)."""
    if tag.name in _HTML_DROP or tag.has_attr("hidden"):
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _html_table(table: Any, sink: _Sink) -> None:
    slot = sink.reserve_table()
    rows: list[list[str]] = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue  # a row of a nested table, read with its own table
        cells: list[str] = []
        for cell in row.find_all(["td", "th"], recursive=False):
            inner = sink.for_cell()
            _HtmlText(inner).walk(cell)
            span = _bounded_int(cell.get("colspan") or 1, 1, 1, 64)
            cells.extend(["\n".join(inner.lines).strip()] + [""] * (span - 1))
        rows.append(cells)
    sink.add_table(_rectangular(rows), slot)


# ---------------------------------------------------------------------------------------
# In-process extraction
# ---------------------------------------------------------------------------------------

_READERS: dict[str, Callable[[bytes, Limits], DocumentText]] = {
    "docx": _read_docx,
    "pdf": _read_pdf,
    "xlsx": _read_xlsx,
    "odt": _read_odt,
    "ods": _read_ods,
    "rtf": _read_rtf,
    "txt": _read_txt,
    "csv": _read_csv,
    "html": _read_html,
}


def extract_document_inline(
    filename: str | None, content_type: str | None, data: bytes, limits: Limits
) -> DocumentText:
    """`extract_document` in the calling process: no time or memory limit, and a crash
    in a C library takes the caller with it. For tests and for the worker itself.

    PDFium is not thread-safe: do not call this for PDFs from several threads at once.
    """
    try:
        inspection = _inspect(filename, content_type, data, limits)
    except Exception as exc:
        return DocumentText(kind="unknown", problem=f"could not inspect: {_describe(exc)}")
    return _extract_inspected(inspection, data, limits)[0]


def _extract_inspected(
    inspection: _Inspection, data: bytes, limits: Limits
) -> tuple[DocumentText, bool]:
    """The document read by its reader, and whether memory ran out (the worker then
    retires: after a MemoryError the heap is not to be trusted)."""
    kind = inspection.kind
    reader = _READERS.get(inspection.reader)
    if inspection.problem or reader is None:
        problem = inspection.problem or "unrecognised file type"
        return DocumentText(kind=kind, problem=problem), False
    try:
        return _finish(reader(data, limits), limits), False
    except MemoryError:
        return DocumentText(kind=kind, problem="ran out of memory; not read"), True
    except RecursionError:
        return DocumentText(kind=kind, problem=f"damaged {kind}: nested too deeply"), False
    except Exception as exc:
        return DocumentText(kind=kind, problem=f"damaged {kind}: {_describe(exc)}"), False


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _size(count: float) -> str:
    """Bytes for people, in binary units written the everyday way ("100 MB")."""
    unit = "bytes"
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if count < 1024 or unit == "TB":
            break
        count /= 1024
    if unit == "bytes":
        return f"{int(count)} bytes"
    figure = f"{count:.1f}" if count < 10 else f"{count:.0f}"
    return f"{figure.removesuffix('.0')} {unit}"


# ---------------------------------------------------------------------------------------
# The worker process
# ---------------------------------------------------------------------------------------

_READY = b"ready"
_BOOT = "\n".join(
    (
        "import sys",
        "from mailbot.parse.documents import _serve",
        "_serve(int(sys.argv[1]), int(sys.argv[2]))",
    )
)
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def _serve(job_fd: int, reply_fd: int) -> None:
    """The worker's loop: a JSON header and the document's bytes in, JSON out.

    Returns (and the process exits) when the parent closes its end, or after a document
    that ran out of memory.
    """
    jobs = Connection(job_fd, writable=False)
    replies = Connection(reply_fd, readable=False)
    _import_readers()
    replies.send_bytes(_READY)
    while True:
        try:
            header, data = jobs.recv_bytes(), jobs.recv_bytes()
        except (EOFError, OSError):
            return
        reply, retire = _serve_one(header, data)
        replies.send_bytes(reply)
        if retire:
            return


def _import_readers() -> None:
    """Import every reader once at boot, so no document pays for it against its time."""
    import bs4  # noqa: F401
    import docx  # noqa: F401
    import odf.opendocument  # type: ignore[import-untyped]  # noqa: F401
    import openpyxl  # noqa: F401
    import pypdfium2  # noqa: F401
    import striprtf.striprtf  # noqa: F401


def _serve_one(header: bytes, data: bytes) -> tuple[bytes, bool]:
    """One document under its limits: the reply, and whether this worker should retire."""
    job = json.loads(header)
    limits = Limits(**job["limits"])
    memory: int | None = job["memory"]
    _limit_resources(memory, limits.max_document_seconds)
    try:
        document, out_of_memory = _extract_inspected(_Inspection(job["reader"]), data, limits)
    finally:
        _limit_resources(None, limits.max_document_seconds)  # room to send the answer
    retire = out_of_memory
    if memory is not None:
        peak = _peak_address_space()
        # C libraries report a failed malloc in their own words ("unknown error" from
        # libxml2): a failure close to the limit is taken as a lack of memory.
        out_of_memory = out_of_memory or bool(document.problem and peak >= memory * 0.9)
        # A fresh process after a big document, so the next one gets its memory back
        # and the peak above measures that document alone.
        retire = out_of_memory or peak >= memory // 2
        if out_of_memory:
            problem = f"needs more than {_size(memory)} of memory; not read"
            document = DocumentText(kind=document.kind, problem=problem)
    return _encode_reply(document, retire), retire


def _peak_address_space() -> int:
    """VmPeak of this process in bytes (Linux), 0 when unknown."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _limit_resources(memory: int | None, seconds: float) -> None:
    """Address space for this document, and a CPU-time backstop that ends the worker by
    itself should the parent die and never kill it."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = resource.RLIM_INFINITY if memory is None else memory
    if hard != resource.RLIM_INFINITY:
        soft = hard if soft == resource.RLIM_INFINITY else min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_soft = int(usage.ru_utime + usage.ru_stime + 3 * min(seconds, 3600) + 10)
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    if cpu_hard == resource.RLIM_INFINITY or cpu_soft <= cpu_hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))


def _encode_reply(document: DocumentText, retire: bool) -> bytes:
    fields = asdict(document)
    fields["retire"] = retire
    try:
        return json.dumps(fields, ensure_ascii=False).encode()
    except Exception as exc:  # not expected; the parent must still get an answer
        failed = {"kind": document.kind, "problem": f"could not send the text: {exc}"}
        return json.dumps({**failed, "retire": True}).encode()


def _decode_reply(payload: bytes, kind: str) -> tuple[DocumentText, bool]:
    """The worker's answer, checked: a confused worker must not hand on garbage."""
    fields = json.loads(payload)
    tables = fields.get("tables", [])
    valid_tables = isinstance(tables, list) and all(
        isinstance(table, list)
        and all(isinstance(row, list) and all(isinstance(c, str) for c in row) for row in table)
        for table in tables
    )
    text, problem, pages = fields.get("text", ""), fields.get("problem"), fields.get("pages")
    if not (
        valid_tables
        and isinstance(fields.get("kind"), str)
        and isinstance(text, str)
        and (problem is None or isinstance(problem, str))
        and (pages is None or isinstance(pages, int))
    ):
        return DocumentText(kind=kind, problem="the document reader gave a malformed answer"), True
    document = DocumentText(fields["kind"], text, tables, problem, pages)
    return document, bool(fields.get("retire"))


class _Child:
    """One worker process and the two pipes to it."""

    def __init__(self) -> None:
        job_read, self._job_write = os.pipe()
        self._reply_read, reply_write = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _BOOT, str(job_read), str(reply_write)],
                pass_fds=(job_read, reply_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,  # a printing library must not reach our stdout
                env=_worker_environment(),
                start_new_session=True,  # Ctrl-C in a terminal stops the parent only
            )
        except BaseException:
            os.close(self._job_write)
            os.close(self._reply_read)
            raise
        finally:
            os.close(job_read)
            os.close(reply_write)
        self.jobs = Connection(self._job_write, readable=False)
        self.replies = Connection(self._reply_read, writable=False)
        self.ready = False
        self.served = 0

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.replies.poll(timeout):
            try:
                self.ready = self.replies.recv_bytes() == _READY
            except (EOFError, OSError):
                return False
        return self.ready

    def ask(self, header: bytes, data: bytes, seconds: float) -> bytes | None:
        """The answer, or None when `seconds` passed first. OSError/EOFError: it died."""
        self.jobs.send_bytes(header)
        self.jobs.send_bytes(data)
        self.served += 1
        wait = max(seconds, 0.0) if math.isfinite(seconds) else None  # None: no limit
        if not self.replies.poll(wait):
            return None
        return self.replies.recv_bytes()

    def death(self) -> str:
        """How the process ended, for the problem shown to people."""
        try:
            code = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with status {code}"

    def stop(self) -> None:
        self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("document worker %s did not die", self.process.pid)
        self.jobs.close()
        self.replies.close()


def _worker_environment() -> dict[str, str]:
    """The parent's environment with this very copy of mailbot first on the path."""
    environment = dict(os.environ)
    paths = [_PACKAGE_ROOT, environment.get("PYTHONPATH", "")]
    environment["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    return environment


class DocumentWorker:
    """A persistent reader process: one document at a time, killed and replaced when a
    document takes longer than `limits.max_document_seconds` or crashes it.

    Falls back to in-process reading (logged) only when no worker can be started at all,
    so documents are still read where subprocesses are forbidden.
    """

    def __init__(self, *, boot_seconds: float = 60.0, documents_per_worker: int = 500) -> None:
        self._boot_seconds = boot_seconds
        self._documents_per_worker = documents_per_worker
        self._lock = threading.Lock()
        self._child: _Child | None = None
        self._successor: _Child | None = None  # booting to replace a worn-out child
        self._broken = False

    def start(self) -> None:
        """Boot the process now rather than on the first document (it takes ~0.4 s)."""
        with self._lock:
            self._ready_child()

    def close(self) -> None:
        with self._lock:
            for child in (self._child, self._successor):
                if child is not None:
                    child.stop()
            self._child = self._successor = None

    def __enter__(self) -> DocumentWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def extract(
        self,
        filename: str | None,
        content_type: str | None,
        data: bytes,
        limits: Limits,
        *,
        memory_limit_bytes: int | None = DEFAULT_MEMORY_LIMIT_BYTES,
    ) -> DocumentText:
        """As `extract_document`, through this worker."""
        try:
            inspection = _inspect(filename, content_type, data, limits)
            if inspection.problem or inspection.reader not in _READERS:
                return _extract_inspected(inspection, data, limits)[0]
            with self._lock:
                return self._extract_locked(inspection, data, limits, memory_limit_bytes)
        except Exception as exc:  # a bug here must not cost the mail
            log.exception("document extraction failed")
            return DocumentText(kind="unknown", problem=f"could not read: {_describe(exc)}")

    def _extract_locked(
        self, inspection: _Inspection, data: bytes, limits: Limits, memory: int | None
    ) -> DocumentText:
        child = self._ready_child()
        if child is None:
            return _extract_inspected(inspection, data, limits)[0]
        header = json.dumps(
            {"reader": inspection.reader, "limits": asdict(limits), "memory": memory}
        ).encode()
        kind = inspection.kind
        try:
            payload = child.ask(header, data, limits.max_document_seconds)
        except (OSError, EOFError):
            return self._retire(child, f"the document reader crashed ({child.death()})", kind)
        if payload is None:
            seconds = f"{limits.max_document_seconds:g}"
            return self._retire(child, f"took too long (over {seconds} s); reading stopped", kind)
        document, retire = _decode_reply(payload, kind)
        if retire:
            self._retire(child, None, kind)
        elif child.served >= self._documents_per_worker:
            self._prepare_successor()
        return document

    def _retire(self, child: _Child, problem: str | None, kind: str) -> DocumentText:
        """Kill this worker and boot its successor now, so it is warm for the next mail."""
        child.stop()
        self._prepare_successor()
        self._child, self._successor = self._successor, None
        return DocumentText(kind=kind, problem=problem)

    def _prepare_successor(self) -> None:
        """Boot a replacement in the background; a worn-out child serves meanwhile, so
        routine recycling never makes a document wait for a boot."""
        if self._successor is None:
            try:
                self._successor = _Child()
            except OSError:
                log.exception("could not start a new document worker")

    def _promote_successor(self) -> None:
        if self._successor is None:
            return
        if self._child is None or self._successor.wait_ready(0):
            if self._child is not None:
                self._child.stop()
            self._child, self._successor = self._successor, None

    def _ready_child(self) -> _Child | None:
        if self._broken:
            return None
        self._promote_successor()
        if self._child is not None and self._child.process.poll() is not None:
            log.warning("document worker died while idle (%s)", self._child.death())
            self._child.stop()  # killed by the OOM killer, say: replace it quietly
            self._child = None
        if self._child is None:
            try:
                self._child = _Child()
            except OSError:
                log.exception("cannot start a document worker; reading in-process")
                self._broken = True
                return None
        if self._child.wait_ready(self._boot_seconds):
            return self._child
        log.error("document worker did not start (%s); reading in-process", self._child.death())
        self._child.stop()
        self._child = None
        self._broken = True
        return None


_default_lock = threading.Lock()
_default: DocumentWorker | None = None


def default_worker() -> DocumentWorker:
    """The process-wide worker behind `extract_document`, closed at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = DocumentWorker()
            atexit.register(_default.close)
        return _default


def extract_document(
    filename: str | None,
    content_type: str | None,
    data: bytes,
    limits: Limits,
    *,
    memory_limit_bytes: int | None = DEFAULT_MEMORY_LIMIT_BYTES,
) -> DocumentText:
    """Text and tables of one attachment. Never raises.

    The kind comes from the bytes first, then from `filename` and `content_type`.
    Reading happens in the worker process under `limits.max_document_seconds` and
    `memory_limit_bytes` of address space (None: no memory limit); over any limit, or
    when the document is encrypted, a scan, damaged or unsupported, `problem` says so.
    """
    return default_worker().extract(
        filename, content_type, data, limits, memory_limit_bytes=memory_limit_bytes
    )
