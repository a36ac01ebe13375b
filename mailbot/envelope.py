"""What intake needs from a mail's header block, read defensively.

Pure functions on bytes: no I/O, never raise on malformed input. Full MIME parsing
is a later stage; intake only needs enough to identify, deduplicate and list a mail.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.header import decode_header, make_header
from email.message import Message as EmailMessage
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime

from mailbot.addresses import read_from
from mailbot.oneline import fix_surrogates

# A header field name (RFC 5322 ftext) followed by a colon, or an mbox "From " line.
_FIRST_LINE = re.compile(rb"^(?:[\x21-\x39\x3b-\x7e]+[ \t]*:|From )")
_WS = re.compile(r"\s+")
_LEADING_BLANK = re.compile(rb"(?:[ \t]*\r?\n)+")
# A Date header this far in the future of the arrival, or before this year, is absurd.
_FUTURE_SLACK = timedelta(days=2)
_EARLIEST_YEAR = 1990
MAX_TEXT = 2000  # characters kept of a subject or From header in the index


@dataclass(frozen=True)
class Envelope:
    looks_like_mail: bool
    message_id: str | None
    from_addr: str | None
    subject: str | None
    date: datetime | None  # UTC
    content_digest: str


def _split(raw: bytes) -> tuple[bytes, bytes]:
    """Header block and body, at the first empty line (CRLF or LF, whichever is first)."""
    found = [(i, len(sep)) for sep in (b"\r\n\r\n", b"\n\n") if (i := raw.find(sep)) >= 0]
    if not found:
        return raw, b""
    idx, width = min(found)
    return raw[:idx], raw[idx + width :]


def decode_text(value: str | None) -> str | None:
    """RFC 2047-decode a header value; fall back to the raw text on any error."""
    if value is None:
        return None
    text = fix_surrogates(str(value))
    with contextlib.suppress(Exception):  # malformed encodings are everyday input
        text = str(make_header(decode_header(text)))
    text = _WS.sub(" ", text).strip()
    return text[:MAX_TEXT] if text else None


def raw_values(msg: EmailMessage, name: str) -> list[str]:
    """Every value of header `name`, undecoded (8-bit bytes as surrogate escapes)."""
    try:
        return [str(value) for key, value in msg.raw_items() if key.lower() == name.lower()]
    except Exception:  # a malformed header must not stop intake
        return []


def _first(msg: EmailMessage, name: str) -> str | None:
    values = raw_values(msg, name)
    return values[0] if values else None


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except Exception:  # invalid dates (hour 27, words) are everyday input
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def normalize_message_id(value: str | None) -> str | None:
    if not value:
        return None
    text = _WS.sub("", value)
    match = re.search(r"<[^<>]+>", text)
    mid = match.group(0) if match else text
    return mid[:998] if mid else None


def strip_leading_blank_lines(raw: bytes) -> bytes:
    """Drop whitespace-only lines before the first header (seen in real mail)."""
    match = _LEADING_BLANK.match(raw)
    return raw[match.end() :] if match else raw


def read_envelope(raw: bytes) -> Envelope:
    raw = strip_leading_blank_lines(raw)
    head, body = _split(raw)
    looks = bool(_FIRST_LINE.match(raw[:1000]))
    try:
        msg = BytesHeaderParser(policy=compat32).parsebytes(head + b"\n\n")
    except Exception:  # never crash intake; the mail is stored either way
        msg = EmailMessage()
    message_id = normalize_message_id(_first(msg, "Message-ID"))
    from_raw = _first(msg, "From")
    subject = decode_text(_first(msg, "Subject"))
    date_raw = _first(msg, "Date")
    # Identify the mail by what its author wrote, not by what transport added, so the
    # same mail delivered twice (different Received: headers) has the same digest.
    digest = hashlib.sha256()
    for part in (message_id, from_raw, date_raw, _first(msg, "Subject")):
        digest.update(_WS.sub(" ", part or "").strip().encode("utf-8", "surrogateescape"))
        digest.update(b"\x00")
    digest.update(body.replace(b"\r\n", b"\n"))
    return Envelope(
        looks_like_mail=looks,
        # NUL is legal in a header byte stream but not in PostgreSQL text.
        message_id=_no_nul(message_id),
        # The one address of From as RFC 5322 reads it, or None (mailbot/addresses.py).
        from_addr=read_from(raw_values(msg, "From")).address,
        subject=_no_nul(subject),
        date=parse_date(date_raw),
        content_digest=digest.hexdigest(),
    )


def _no_nul(text: str | None) -> str | None:
    return text.replace("\x00", "") if text else text


def effective_sent_at(date: datetime | None, arrived: datetime) -> datetime:
    """When a mail counts as sent: its Date header unless missing or absurd."""
    if date is None or date.year < _EARLIEST_YEAR or date > arrived + _FUTURE_SLACK:
        return arrived
    return date
