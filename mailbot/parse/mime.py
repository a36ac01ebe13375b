"""MIME as it really comes: one walk over a mail, within explicit limits.

`parse_mail(raw, limits)` turns raw bytes into a `ParsedMail`: decoded headers, the
body as text (text/plain preferred, HTML converted, tables kept), and every attachment
with its extracted text. Forwarded mails (message/rfc822 parts, Outlook .msg files)
and Outlook's winmail.dat (TNEF) are opened and become nested `ParsedMail`s.

Pure: bytes in, data out, no I/O. Never raises on malformed input; what could not be
read is listed in `problems`, for a person to see.
"""

from __future__ import annotations

import contextlib
import email
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import Message
from email.policy import compat32
from email.utils import parseaddr
from typing import Any
from zoneinfo import ZoneInfo

from mailbot.addresses import (
    FromProblem,
    Misalignment,
    alignment_problem,
    is_mailbox_address,
    mailbox_addresses,
    read_from,
)
from mailbot.envelope import (
    decode_text,
    normalize_message_id,
    parse_date,
    raw_values,
    strip_leading_blank_lines,
)
from mailbot.oneline import one_line
from mailbot.parse.html import html_to_text
from mailbot.parse.types import DocumentReader, DocumentText, Limits

# Parts that are the mail's own text when they are not attachments.
_TEXT_TYPES = {"text/plain", "text/html"}
# Attachments worth reading for text; everything else (images, signatures) is listed only.
_SKIP_TYPES = re.compile(r"^(image|audio|video)/|pkcs7-signature|pgp-signature|ms-tnef-sig")
_CHARSET_ALIASES = {
    # Latin-1 as declared is nearly always Windows-1252 in practice (curly quotes, dashes).
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "unicode-1-1-utf-7": "utf-7",
    "utf8": "utf-8",
}


@dataclass(frozen=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int
    inline: bool  # marked inline (or no disposition) but still a file
    document: DocumentText | None = None  # extracted text; None when not a document
    mail: ParsedMail | None = None  # a forwarded or attached mail
    # The file's bytes: only from `attachment_files` (downloads), never in the pipeline.
    payload: bytes | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class ParsedMail:
    message_id: str | None
    from_addr: str | None
    from_name: str | None
    to: list[str]
    cc: list[str]
    subject: str
    date: datetime | None
    headers: dict[str, list[str]]  # lower-case names; values decoded
    text: str  # the body: text/plain, or HTML turned into text
    html_tables: list[list[list[str]]]  # tables of an HTML body, as rows of cells
    attachments: list[Attachment]
    content_type: str
    problems: list[str] = field(default_factory=list)
    parts: int = 0
    # Why From does not name one sender (then from_addr is None), and a Sender or
    # Return-Path on another domain than From's (mailbot/addresses.py).
    from_problem: FromProblem | None = None
    misalignment: Misalignment | None = None

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None

    def all_attachments(self) -> list[Attachment]:
        """Attachments of this mail and of the mails attached to it, depth first."""
        found: list[Attachment] = []
        for att in self.attachments:
            found.append(att)
            if att.mail is not None:
                found.extend(att.mail.all_attachments())
        return found


@dataclass
class _Walk:
    limits: Limits
    parts: int = 0
    problems: list[str] = field(default_factory=list)
    stopped: bool = False
    # False: files are only walked and kept (attachment_files), never read as documents.
    extract: bool = True
    # Reads a document's text (None: the process-wide `extract_document`).
    reader: DocumentReader | None = None

    def count(self) -> bool:
        """Count one part; False when the part limit is reached (stop walking)."""
        self.parts += 1
        if self.parts > self.limits.max_parts:
            if not self.stopped:
                self.problems.append(
                    f"more than {self.limits.max_parts} MIME parts; only the first "
                    f"{self.limits.max_parts} were read (limits.max_parts)"
                )
            self.stopped = True
            return False
        return True


def parse_mail(
    raw: bytes, limits: Limits | None = None, *, reader: DocumentReader | None = None
) -> ParsedMail:
    """Read one RFC 5322 message. Never raises. `reader` reads the attachments' text
    (the app passes the worker it built; None: the process-wide one)."""
    limits = limits or Limits()
    walk = _Walk(limits, reader=reader)
    if len(raw) > limits.max_message_bytes:
        walk.problems.append(
            f"message is {len(raw) / 1_048_576:.1f} MB, over the limit of "
            f"{limits.max_message_bytes / 1_048_576:.0f} MB"
        )
        raw = raw[: limits.max_message_bytes]
    try:
        msg = email.message_from_bytes(strip_leading_blank_lines(raw), policy=compat32)
    except Exception as exc:  # the stdlib parser is lenient; this is a last resort
        return _empty(f"cannot parse the message: {exc}")
    return _parse_message(msg, walk, depth=0)


def attachment_files(raw: bytes, limits: Limits | None = None) -> list[Attachment]:
    """The mail's files with their bytes, in the order of `ParsedMail.all_attachments`
    (so `attachment_text.position` names the same file), without reading any document:
    for downloads."""
    limits = limits or Limits()
    walk = _Walk(limits, extract=False)
    try:
        msg = email.message_from_bytes(
            strip_leading_blank_lines(raw[: limits.max_message_bytes]), policy=compat32
        )
    except Exception:
        return []
    return _parse_message(msg, walk, depth=0).all_attachments()


def _empty(problem: str) -> ParsedMail:
    return ParsedMail(None, None, None, [], [], "", None, {}, "", [], [], "", [problem])


def _headers(msg: Message) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    try:
        # raw_items: 8-bit header bytes as surrogate escapes (decoded by decode_text),
        # where items() would already have replaced them with U+FFFD.
        items = list(msg.raw_items())
    except Exception:  # a broken header block: keep what the other fields give
        return out
    for name, value in items[:500]:
        decoded = decode_text(str(value)) or ""
        out.setdefault(str(name).lower(), []).append(decoded[:5000])
    return out


def _addresses(msg: Message, name: str) -> list[str]:
    return mailbox_addresses(raw_values(msg, name))


def _parse_message(msg: Message, walk: _Walk, depth: int) -> ParsedMail:
    headers = _headers(msg)
    # The sender from the undecoded header: an encoded word is never an address.
    sender = read_from(raw_values(msg, "From"))
    misaligned = alignment_problem(
        sender.address, raw_values(msg, "Sender"), raw_values(msg, "Return-Path")
    )
    texts: list[str] = []
    html_parts: list[str] = []
    attachments: list[Attachment] = []
    start_problems = len(walk.problems)
    _walk_part(msg, walk, depth, texts, html_parts, attachments)
    text = "\n\n".join(t for t in texts if t.strip())
    tables: list[list[list[str]]] = []
    for html in html_parts:
        html_text, html_tables = html_to_text(html)
        tables.extend(html_tables)
        if not text.strip():
            text = html_text  # HTML-only mail: its text is the body
    problems = walk.problems[start_problems:] if depth else walk.problems
    return ParsedMail(
        message_id=normalize_message_id(headers.get("message-id", [None])[0]),
        from_addr=sender.address,
        from_name=sender.name,
        to=_addresses(msg, "to"),
        cc=_addresses(msg, "cc"),
        subject=headers.get("subject", [""])[0],
        date=parse_date(headers.get("date", [None])[0]),
        headers=headers,
        text=text,
        html_tables=tables,
        attachments=attachments,
        content_type=_ctype(msg),
        problems=list(problems),
        parts=walk.parts,
        from_problem=sender.problem,
        misalignment=misaligned,
    )


def _ctype(part: Message) -> str:
    try:
        return part.get_content_type().lower()
    except Exception:  # a broken Content-Type reads as plain text (RFC 2045)
        return "text/plain"


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # malformed RFC 2231 parameters
        name = None
    if not name:
        return None
    if isinstance(name, tuple):  # RFC 2231 value not collapsed
        name = email.utils.collapse_rfc2231_value(name)
    return decode_text(str(name)) or None


def _disposition(part: Message) -> str | None:
    try:
        value = part.get_content_disposition()
    except Exception:
        return None
    return value.lower() if isinstance(value, str) else None


def _walk_part(
    part: Message,
    walk: _Walk,
    depth: int,
    texts: list[str],
    html_parts: list[str],
    attachments: list[Attachment],
) -> None:
    if not walk.count():
        return
    if depth > walk.limits.max_depth:
        walk.problems.append(
            f"nested deeper than {walk.limits.max_depth} levels; the rest was not read "
            "(limits.max_depth)"
        )
        walk.stopped = True
        return
    ctype = _ctype(part)
    if ctype == "message/rfc822" or (ctype.startswith("message/") and part.is_multipart()):
        _attached_mail(part, walk, depth, attachments)
        return
    if part.is_multipart():
        payload = part.get_payload()
        if not isinstance(payload, list):
            return
        subparts: list[Message] = [p for p in payload if isinstance(p, Message)]
        if ctype == "multipart/alternative":
            subparts = _prefer_alternative(subparts)
        for sub in subparts:
            if walk.stopped:
                return
            _walk_part(sub, walk, depth + 1, texts, html_parts, attachments)
        return
    filename = _filename(part)
    disposition = _disposition(part)
    is_body = ctype in _TEXT_TYPES and disposition != "attachment" and not filename
    data = _payload(part)
    if is_body:
        decoded = _decode(data, _charset(part))
        (html_parts if ctype == "text/html" else texts).append(decoded)
        return
    attachments.append(_attachment(part, ctype, filename, disposition, data, walk, depth))


def _prefer_alternative(parts: list[Message]) -> list[Message]:
    """Of text/plain and text/html alternatives keep the plain one; keep the rest.

    The plain alternative is what the author's client wrote as text; HTML tables are
    still read when the HTML is the only body.
    """
    types = [_ctype(p) for p in parts]
    if "text/plain" in types and "text/html" in types:
        plain = parts[types.index("text/plain")]
        if _decode(_payload(plain), _charset(plain)).strip():
            # Keep the HTML too, but only for its tables (Outlook member lists).
            return [p for p in parts if _ctype(p) != "text/html"] + [
                p for p in parts if _ctype(p) == "text/html"
            ][:1]
    return parts


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # broken base64 / quoted-printable: keep what decodes
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _charset(part: Message) -> str | None:
    try:
        charset = part.get_content_charset()
    except Exception:
        return None
    return charset.lower() if charset else None


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Bytes to text: the declared charset if it works, else UTF-8, else Windows-1252.

    Swedish mail without a declared charset is nearly always UTF-8 or Windows-1252;
    a strict UTF-8 decode that succeeds is almost never wrong.
    """
    if charset:
        codec = _CHARSET_ALIASES.get(charset, charset)
        if codec == "cp1252":
            with contextlib.suppress(UnicodeDecodeError):
                return data.decode("utf-8")  # "latin-1" that is really UTF-8
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _decode(data: bytes, charset: str | None) -> str:
    text = decode_bytes(data, charset)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _attachment(
    part: Message,
    ctype: str,
    filename: str | None,
    disposition: str | None,
    data: bytes,
    walk: _Walk,
    depth: int,
) -> Attachment:
    inline = disposition != "attachment"
    name_lower = (filename or "").lower()
    if ctype == "application/ms-tnef" or name_lower == "winmail.dat":
        return Attachment(
            filename,
            ctype,
            len(data),
            inline,
            payload=_keep(data, walk),
            mail=_tnef(data, walk, depth),
        )
    if name_lower.endswith(".msg") or ctype in ("application/vnd.ms-outlook",):
        return Attachment(
            filename,
            ctype,
            len(data),
            inline,
            payload=_keep(data, walk),
            mail=_outlook_msg(data, walk, depth),
        )
    if name_lower.endswith(".eml"):
        nested = _parse_nested_bytes(data, walk, depth)
        return Attachment(
            filename, ctype, len(data), inline, payload=_keep(data, walk), mail=nested
        )
    if ctype == "text/calendar" or name_lower.endswith(".ics"):
        calendar = _calendar(data) if walk.extract else None
        return Attachment(
            filename, ctype, len(data), inline, document=calendar, payload=_keep(data, walk)
        )
    if _SKIP_TYPES.search(ctype) and not _looks_like_document(name_lower):
        return Attachment(filename, ctype, len(data), inline, payload=_keep(data, walk))
    return Attachment(
        filename,
        ctype,
        len(data),
        inline,
        document=_document(filename, ctype, data, walk),
        payload=_keep(data, walk),
    )


_DOC_EXT = re.compile(r"\.(docx?|pdf|xlsx?|xlsm|odt|ods|rtf|txt|html?|csv)$")


def _looks_like_document(name: str) -> bool:
    return bool(_DOC_EXT.search(name))


_STOCKHOLM = ZoneInfo("Europe/Stockholm")
_WEEKDAYS_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
_MONTHS_SV = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip


def _calendar(data: bytes) -> DocumentText | None:
    """An invitation (text/calendar, .ics): each event written out as the line a person
    would write, so the meeting reader takes its DTSTART as the meeting ("Inbjudan:
    Nätverksträff", with the date only in the calendar part). A cancellation (METHOD:
    CANCEL, STATUS:CANCELLED) says "inställt". Answers (METHOD:REPLY) are left out."""
    try:
        from icalendar import Calendar

        calendar = Calendar.from_ical(data)
    except Exception as exc:  # hostile or broken: say so, read the rest of the mail
        return DocumentText(kind="ics", problem=f"cannot read the calendar: {exc}"[:200])
    method = str(calendar.get("METHOD", "")).upper()
    if method == "REPLY":
        return DocumentText(kind="ics")
    lines = []
    for event in calendar.walk("VEVENT")[:50]:
        first = event.decoded("DTSTART", None)
        if first is None:
            continue
        last = event.decoded("DTEND", None)
        for start, end in _occurrences(event, first, last):
            lines.append(_event_line(event, start, end, method))
    return DocumentText(kind="ics", text="\n\n".join(lines))


def _occurrences(event: Any, start: Any, end: Any) -> list[tuple[Any, Any]]:
    """The event's dates: DTSTART, and those of its RRULE (a recurring invitation:
    "den tredje torsdagen varje månad"), at most 60 and within two years."""
    rule = event.get("RRULE")
    if rule is None:
        return [(start, end)]
    try:
        from dateutil.rrule import rrulestr  # type: ignore[import-untyped]

        length = end - start if end is not None else None
        text = rule.to_ical().decode()
        dates = rrulestr(text, dtstart=start)
        until = start + timedelta(days=730)
        found: list[tuple[Any, Any]] = []
        for when in dates:
            if when > until or len(found) >= 60:
                break
            found.append((when, when + length if length is not None else None))
        return found or [(start, end)]
    except Exception:  # an unreadable rule: the first date still stands
        return [(start, end)]


def _event_line(event: Any, start: Any, end: Any, method: str) -> str:
    """One date of an event, as a person would write it in a mail."""
    when = start.astimezone(_STOCKHOLM) if getattr(start, "tzinfo", None) else start
    day = when.date() if isinstance(when, datetime) else when
    text = f"{_WEEKDAYS_SV[day.weekday()]} {day.day} {_MONTHS_SV[day.month - 1]} {day.year}"
    if isinstance(when, datetime):
        text += f" kl. {when:%H.%M}"
        if isinstance(end, datetime):
            finish = end.astimezone(_STOCKHOLM) if end.tzinfo else end
            text += f"–{finish:%H.%M}"
    place = one_line(str(event.get("LOCATION", "")), 200)
    if place:
        text += f", plats: {place}"
    summary = one_line(str(event.get("SUMMARY", "")), 200)
    cancelled = method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED"
    head = "Inställt: " if cancelled else "Mötesdatum: "
    return f"{summary}\n{head}{text}" if summary else f"{head}{text}"


def _keep(data: bytes, walk: _Walk) -> bytes | None:
    return None if walk.extract else data


def _document(filename: str | None, ctype: str, data: bytes, walk: _Walk) -> DocumentText | None:
    if not walk.extract:
        return None
    from mailbot.parse.documents import extract_document

    read = walk.reader or extract_document
    doc = read(filename, ctype, data, walk.limits)
    if doc.problem:
        walk.problems.append(f"attachment {filename or ctype}: {doc.problem}")
    return doc


def _attached_mail(part: Message, walk: _Walk, depth: int, out: list[Attachment]) -> None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    if isinstance(inner, Message):
        nested = _parse_message(inner, walk, depth + 1)
    else:
        nested = _parse_nested_bytes(_payload(part), walk, depth)
    out.append(
        Attachment(
            _filename(part), _ctype(part), 0, _disposition(part) != "attachment", mail=nested
        )
    )


def _parse_nested_bytes(data: bytes, walk: _Walk, depth: int) -> ParsedMail:
    try:
        inner = email.message_from_bytes(strip_leading_blank_lines(data), policy=compat32)
    except Exception as exc:
        walk.problems.append(f"cannot read an attached mail: {exc}")
        return _empty(f"cannot parse: {exc}")
    return _parse_message(inner, walk, depth + 1)


def _outlook_msg(data: bytes, walk: _Walk, depth: int) -> ParsedMail | None:
    """An Outlook .msg (forwarded as a file): its headers, body and attachments."""
    try:
        import extract_msg

        msg = extract_msg.openMsg(data)
    except Exception as exc:
        walk.problems.append(f"cannot read an Outlook .msg attachment: {exc}")
        return None
    try:
        attachments: list[Attachment] = []
        for att in getattr(msg, "attachments", [])[: walk.limits.max_parts]:
            if not walk.count():
                break
            payload = att.data if isinstance(getattr(att, "data", None), bytes) else b""
            name = att.longFilename or att.shortFilename or None
            ctype = getattr(att, "mimetype", None) or "application/octet-stream"
            attachments.append(_attachment_from_bytes(name, ctype, payload, walk, depth + 1))
        body = msg.body or ""
        name, addr = parseaddr(str(msg.sender or ""))
        addr = addr.lower()
        return ParsedMail(
            message_id=normalize_message_id(getattr(msg, "messageId", None)),
            # A forwarded .msg's sender is only shown, never trusted.
            from_addr=addr if is_mailbox_address(addr) else None,
            from_name=one_line(name, 120) or None,
            to=[],
            cc=[],
            subject=str(msg.subject or ""),
            date=_aware(getattr(msg, "date", None)),
            headers={},
            text=str(body).replace("\r\n", "\n"),
            html_tables=[],
            attachments=attachments,
            content_type="application/vnd.ms-outlook",
        )
    except Exception as exc:
        walk.problems.append(f"cannot read an Outlook .msg attachment: {exc}")
        return None
    finally:
        with contextlib.suppress(Exception):
            msg.close()


def _aware(value: object) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _attachment_from_bytes(
    name: str | None, ctype: str, data: bytes, walk: _Walk, depth: int
) -> Attachment:
    lower = (name or "").lower()
    if lower.endswith(".msg"):
        return Attachment(
            name,
            ctype,
            len(data),
            False,
            payload=_keep(data, walk),
            mail=_outlook_msg(data, walk, depth),
        )
    if lower.endswith(".eml") or ctype == "message/rfc822":
        return Attachment(
            name,
            ctype,
            len(data),
            False,
            payload=_keep(data, walk),
            mail=_parse_nested_bytes(data, walk, depth),
        )
    if _SKIP_TYPES.search(ctype) and not _looks_like_document(lower):
        return Attachment(name, ctype, len(data), False, payload=_keep(data, walk))
    return Attachment(
        name,
        ctype,
        len(data),
        False,
        document=_document(name, ctype, data, walk),
        payload=_keep(data, walk),
    )


def _tnef(data: bytes, walk: _Walk, depth: int) -> ParsedMail | None:
    """Outlook's winmail.dat: the real attachments and body hide inside."""
    try:
        import tnefparse

        tnef = tnefparse.TNEF(data)
    except Exception as exc:
        walk.problems.append(f"cannot read winmail.dat (TNEF): {exc}")
        return None
    attachments: list[Attachment] = []
    for att in list(getattr(tnef, "attachments", []))[: walk.limits.max_parts]:
        if not walk.count():
            break
        try:
            name = att.long_filename() or att.name
        except Exception:
            name = getattr(att, "name", None)
        if isinstance(name, bytes):
            name = decode_bytes(name, None)
        payload = att.data if isinstance(att.data, bytes) else b""
        attachments.append(
            _attachment_from_bytes(name, "application/octet-stream", payload, walk, depth + 1)
        )
    text = ""
    body = getattr(tnef, "body", None)
    html = getattr(tnef, "htmlbody", None)
    if body:
        text = decode_bytes(body, None) if isinstance(body, bytes) else str(body)
    elif html:
        text = html_to_text(decode_bytes(html, None) if isinstance(html, bytes) else str(html))[0]
    else:
        with contextlib.suppress(Exception):
            rtf = tnef.rtfbody
            if rtf:
                from striprtf.striprtf import rtf_to_text

                text = str(rtf_to_text(decode_bytes(rtf, "cp1252")))
    return ParsedMail(
        None, None, None, [], [], "", None, {}, text, [], attachments, "application/ms-tnef"
    )
