"""One outgoing mail, built so that nothing from a mail can write into it, and proven so.

mailbot sends from the shared mailbox, and its mails quote what people wrote (a
subject, a name, a meeting's place). Two layers keep that text in its place:

1. **Clean values.** Every header value is one line of plain text (`oneline`), every
   address a plain `local@domain` (`addresses.is_mailbox_address`), or the mail is not
   built (`UnsafeMail`). The renderer has already made every context value one line.
2. **Proof on the bytes.** Python 3.11's `email` package decodes an encoded word on
   assignment and, before 3.11.10, writes a CR/LF inside a value out raw: a policy
   cannot be relied on. So `verify` reads the finished bytes back, independently of how
   they were made, and refuses them unless they are exactly: the header fields mailbot
   set (same names, same order, same decoded values, nothing else), one blank line, and
   the body parts mailbot rendered (same types, same decoded content). Only verified
   bytes are stored in the outbox; only stored bytes are sent.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import format_datetime, formataddr

from mailbot.addresses import is_mailbox_address
from mailbot.oneline import one_line

SUBJECT_LIMIT = 250
NAME_LIMIT = 120


class UnsafeMail(ValueError):
    """The mail would hold a header or body part that mailbot did not write."""


@dataclass(frozen=True)
class Envelope:
    """Who and what: everything that becomes a header, before it is checked."""

    sender: str
    sender_name: str
    to: str
    to_name: str | None
    cc: Sequence[str]
    reply_to: str
    subject: str
    message_id: str
    when: datetime
    kind: str
    in_reply_to: str | None = None
    references: Sequence[str] = ()


@dataclass(frozen=True)
class Attachment:
    data: bytes
    maintype: str
    subtype: str
    filename: str
    params: dict[str, str]


def _address(address: str, name: str | None, what: str) -> tuple[str, str]:
    """(display name, address), both checked: the name one line, the address plain."""
    if not is_mailbox_address(address):
        raise UnsafeMail(f"{what} {address!r} is not a plain mail address")
    return (one_line(name, NAME_LIMIT) if name else "", address)


def _shown(mailbox: tuple[str, str]) -> str:
    """How a mail client shows the mailbox once decoded (what `verify` reads back)."""
    name, address = mailbox
    return str(Address(name, addr_spec=address)) if name else address


def plain_message_id(value: str | None) -> str | None:
    """`value` when it is a Message-ID mailbot may write into a header, else None (an
    incoming mail's Message-ID is whatever its sender wrote)."""
    if not value:
        return None
    try:
        return _message_id(value.strip(), "a Message-ID")
    except UnsafeMail:
        return None


def _message_id(value: str, what: str) -> str:
    inner = value[1:-1] if value.startswith("<") and value.endswith(">") else ""
    if not inner or "@" not in inner or one_line(inner, 500) != inner or " " in inner:
        raise UnsafeMail(f"{what} {value!r} is not a Message-ID")
    if any(ch in inner for ch in '<>"\\()[],;:'):
        raise UnsafeMail(f"{what} {value!r} is not a Message-ID")
    return value


@dataclass(frozen=True)
class Field:
    name: str
    shown: str  # the decoded value, as a reader sees it
    mailboxes: tuple[tuple[str, str], ...] = ()  # for address fields: (name, address)


def header_fields(envelope: Envelope) -> list[Field]:
    """The header fields mailbot writes, in order."""

    def mailboxes(name: str, *pairs: tuple[str, str]) -> Field:
        return Field(name, ", ".join(_shown(p) for p in pairs), tuple(pairs))

    fields = [
        mailboxes("From", _address(envelope.sender, envelope.sender_name, "the sender")),
        mailboxes("To", _address(envelope.to, envelope.to_name, "the recipient")),
    ]
    if envelope.cc:
        fields.append(
            mailboxes("Cc", *(_address(a, None, "a copy recipient") for a in envelope.cc))
        )
    fields += [
        mailboxes("Reply-To", _address(envelope.reply_to, None, "the reply address")),
        Field("Subject", one_line(envelope.subject, SUBJECT_LIMIT) or "(utan ämne)"),
        Field("Date", format_datetime(envelope.when.astimezone(UTC))),
        Field("Message-ID", _message_id(envelope.message_id, "the Message-ID")),
    ]
    if envelope.in_reply_to:
        fields.append(Field("In-Reply-To", _message_id(envelope.in_reply_to, "In-Reply-To")))
    if envelope.references:
        refs = [_message_id(r, "a reference") for r in envelope.references]
        fields.append(Field("References", " ".join(refs)))
    fields += [
        # No loops: auto-responders must not answer (RFC 3834; Exchange's own header).
        Field("Auto-Submitted", "auto-generated"),
        Field("X-Auto-Response-Suppress", "All"),
        Field("X-Mailbot-Kind", one_line(envelope.kind, 60)),
        Field("Content-Language", "sv-SE"),
    ]
    return fields


def build(
    envelope: Envelope,
    text: str,
    html: str,
    attachments: Sequence[Attachment] = (),
) -> bytes:
    """The mail's wire bytes (CRLF), verified; raises `UnsafeMail`.

    mailbot writes the header block itself (`_encode`): Python's folder drops the space
    before a fold between two encoded words ("kalenderåret– Förskola"), and before
    3.11.10 decodes encoded words it is given. The MIME body (parts, boundaries,
    transfer encodings) is the `email` package's, whose part headers hold no mail text.
    """
    fields = header_fields(envelope)
    text, html = _lines(text), _lines(html)
    body = EmailMessage(policy=email.policy.SMTP)
    body.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    body.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    for att in attachments:
        body.add_attachment(
            att.data,
            maintype=att.maintype,
            subtype=att.subtype,
            filename=att.filename,
            params=att.params,
        )
    head = b"".join(_encode(f) for f in fields)
    raw = head + body.as_bytes(policy=email.policy.SMTP)
    verify(raw, fields, _expected_parts(text, html, attachments))
    return raw


MAX_LINE = 76
_ID_FIELDS = ("Message-ID", "In-Reply-To", "References")


def _encode(field: Field) -> bytes:
    """One header field, folded at MAX_LINE, non-ASCII as RFC 2047 encoded words whose
    spaces stay inside the words (email.header.Header, the encoder that round-trips)."""
    if field.mailboxes:
        parts = []
        for name, address in field.mailboxes:
            if not name:
                parts.append(address)
            elif name.isascii():
                parts.append(formataddr((name, address)))
            else:
                phrase = Header(name, "utf-8", header_name=field.name).encode(
                    linesep="\r\n", maxlinelen=MAX_LINE
                )
                parts.append(f"{phrase}\r\n <{address}>")
        value = ",\r\n ".join(parts)
    elif field.name in _ID_FIELDS:
        # Message-IDs are never split: one a line when they do not fit together.
        lines: list[str] = []
        for ref in field.shown.split():
            if lines and len(lines[-1]) + 1 + len(ref) + len(field.name) + 2 <= MAX_LINE:
                lines[-1] += " " + ref
            else:
                lines.append(ref)
        value = "\r\n ".join(lines)
    else:
        charset = "us-ascii" if field.shown.isascii() else "utf-8"
        value = Header(field.shown, charset, header_name=field.name).encode(
            linesep="\r\n", maxlinelen=MAX_LINE
        )
    return f"{field.name}: {value}\r\n".encode("ascii")


def _lines(body: str) -> str:
    """A body's line breaks as LF only (the generator writes each as CRLF): a bare CR
    would otherwise reach the wire as it is."""
    return body.replace("\r\n", "\n").replace("\r", "\n")


def _expected_parts(
    text: str, html: str, attachments: Sequence[Attachment]
) -> list[tuple[str, str | bytes]]:
    parts: list[tuple[str, str | bytes]] = [("text/plain", text), ("text/html", html)]
    parts += [(f"{a.maintype}/{a.subtype}", a.data) for a in attachments]
    return parts


# -- the proof ------------------------------------------------------------------------

_STRUCTURE = ("MIME-Version", "Content-Type")


def verify(
    raw: bytes,
    fields: Sequence[Field],
    parts: Sequence[tuple[str, str | bytes]],
) -> None:
    """Raise `UnsafeMail` unless `raw` is exactly `fields`, a blank line and `parts`."""
    if b"\x00" in raw:
        raise UnsafeMail("the mail holds a NUL byte")
    if not raw.isascii():
        raise UnsafeMail("the mail holds 8-bit bytes; everything must be encoded")
    lines = raw.split(b"\r\n")
    if any(b"\r" in line or b"\n" in line for line in lines):
        raise UnsafeMail("the mail holds a bare CR or LF")
    try:
        blank = lines.index(b"")
    except ValueError:
        raise UnsafeMail("the mail has no end of its header") from None
    names: list[str] = []
    for line in lines[:blank]:
        if line[:1] in (b" ", b"\t"):
            if not names:
                raise UnsafeMail("the header starts with a continuation line")
            continue
        field_name, colon, _ = line.partition(b":")
        if not colon or not field_name or b" " in field_name:
            raise UnsafeMail(f"a header line is not a field: {line[:60]!r}")
        names.append(field_name.decode("ascii"))
    wanted = [f.name for f in fields] + list(_STRUCTURE)
    if names != wanted:
        raise UnsafeMail(f"the header fields are {names}, not {wanted}")
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    for field in fields:
        found = parsed.get_all(field.name) or []
        if len(found) != 1 or not _reads_back(found[0], field):
            shown = [str(f) for f in found]
            raise UnsafeMail(f"{field.name} reads back as {shown!r}, not {field.shown!r}")
    if parsed.defects:
        raise UnsafeMail(f"the mail has defects: {parsed.defects}")
    leaves = [p for p in parsed.walk() if not p.is_multipart()]
    if len(leaves) != len(parts):
        raise UnsafeMail(f"the mail has {len(leaves)} parts, not {len(parts)}")
    for leaf, (ctype, content) in zip(leaves, parts, strict=True):
        _check_part(leaf, ctype, content)


def _reads_back(header: object, field: Field) -> bool:
    """Whether a parsed header field holds exactly what mailbot wrote. Addresses must be
    the same, exactly; a display name is compared without its white space, because
    decoders differ on the space between two encoded words of one name (RFC 2047 says
    none, Python's address parser reads one)."""
    if not field.mailboxes:
        if field.name in _ID_FIELDS:
            return " ".join(str(header).split()) == field.shown
        return str(header) == field.shown
    addresses = getattr(header, "addresses", None)
    if addresses is None or len(addresses) != len(field.mailboxes):
        return False
    for got, (name, address) in zip(addresses, field.mailboxes, strict=True):
        if got.addr_spec != address or _squeezed(got.display_name) != _squeezed(name):
            return False
    return True


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _check_part(leaf: Message, ctype: str, content: str | bytes) -> None:
    if leaf.get_content_type() != ctype:
        raise UnsafeMail(f"a part is {leaf.get_content_type()}, not {ctype}")
    payload = leaf.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise UnsafeMail(f"the {ctype} part cannot be decoded")
    if isinstance(content, str):
        got = payload.decode(leaf.get_content_charset() or "utf-8").replace("\r\n", "\n")
        if got.rstrip("\n") != content.replace("\r\n", "\n").rstrip("\n"):
            raise UnsafeMail(f"the {ctype} part is not the text mailbot rendered")
    elif payload.replace(b"\r\n", b"\n") != content.replace(b"\r\n", b"\n"):
        raise UnsafeMail(f"the {ctype} part is not the attachment mailbot made")
