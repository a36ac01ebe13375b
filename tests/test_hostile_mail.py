"""Hostile mail end to end: real Dovecot in, real SMTP (aiosmtpd) out, `mailbot tick`.

Two attacks, tried as an outside sender would (issue 9):

1. **Posing as a member.** A Förskola member list from a trusted address is applied
   first (chair Greta Lindqvist, invented). Then forged member lists arrive that would
   make the attacker the chair: an address hidden in an encoded display name, a CR/LF
   in a display name, several From mailboxes, a group, a From that does not parse, two
   From headers, a Sender or Return-Path on another domain, DMARC failing. None may
   change the registry, and no mail may go to an address that is not the real From of
   the mail it answers (nor any answer at all when the From may be forged).
2. **Writing into mailbot's mail.** Subjects, display names, attachment file names
   and a meeting's place carry encoded CR/LF, double-encoded words, unknown charsets,
   bare CR, NUL, Unicode line separators and a 5 MB header. Every mail mailbot then
   sends (receipt, review notice, meeting reminder with its .ics, digest) is read off
   the SMTP server and checked byte by byte by a checker of this file's own: exactly
   the header fields mailbot writes, one blank line, and mailbot's MIME structure, with
   no attacker's text ever starting a line.

All people and addresses are invented.
"""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest

from tests.support.cli import clean_env, mailbot
from tests.support.dovecot import Dovecot
from tests.support.outbox import cli, cli_json, write_config
from tests.support.smtp import ReceivedMessage, SmtpServer

CHAIR = "greta.lindqvist@hjo.se"
MALLORY = "mallory@gmail.com"
COORDINATOR = "samordnare@skaraborg.se"


def _mail(
    *,
    sender: str,
    subject: str,
    date: str,
    message_id: str,
    body: str,
    extra: str = "",
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    """A mail with exactly these header lines (raw, as an attacker writes them)."""
    head = (
        f"From: {sender}\r\nTo: utbildning@skaraborg.se\r\nSubject: {subject}\r\n"
        f"Date: {date}\r\nMessage-ID: {message_id}\r\n{extra}MIME-Version: 1.0\r\n"
    )
    text = body.replace("\n", "\r\n").encode("utf-8")
    if attachment is None:
        return (
            head + "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode("utf-8") + text
    name, data = attachment
    import base64

    encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
    return (
        (
            head + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\n'
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode("utf-8")
        + text
        + (
            "\r\n--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument."
            "wordprocessingml.document\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Disposition: attachment; {name}\r\n\r\n"
        ).encode()
        + encoded
        + b"\r\n--b1--\r\n"
    )


def member_list(sender: str, chair_line: str, *, date: str, mid: str, extra: str = "") -> bytes:
    return _mail(
        sender=sender,
        subject="=?utf-8?q?Medlemsf=C3=B6rteckning_n=C3=A4tverket_f=C3=B6rskola_2025?=",
        date=date,
        message_id=mid,
        extra=extra,
        body=(
            "Hej!\n\nHär kommer medlemsförteckningen för nätverket Förskola 2025.\n\n"
            f"Ordförande: {chair_line}\n"
            "Sekreterare: Nils Ekberg, Tibro, nils.ekberg@tibro.se\n"
            "Ledamot: Vera Holm, Skövde, vera.holm@skovde.se\n"
            "Ledamot: Otto Sjö, Falköping, otto.sjo@falkoping.se\n\n"
            "Vänliga hälsningar\nGreta Lindqvist\n"
        ),
    )


LEGIT = member_list(
    f"Greta Lindqvist <{CHAIR}>",
    f"Greta Lindqvist, Hjo, {CHAIR}",
    date="Mon, 03 Mar 2025 09:12:00 +0100",
    mid="<legit-1@hjo.se>",
)
ATTACKER_CHAIR = f"Mallory Mask, Hjo, {MALLORY}"

# (name, From as sent, extra header lines, the review code, the real From or None)
FORGERIES = [
    ("encoded-name", f"=?utf-8?q?Greta_Lindqvist_<{CHAIR}>?= <{MALLORY}>", "",
     "sender-unknown", MALLORY),
    ("crlf-name", f"=?utf-8?q?Greta=0D=0AFrom:_{CHAIR}?= <evil@example.com>", "",
     "sender-unknown", "evil@example.com"),
    ("several", f"{CHAIR}, {MALLORY}", "", "from-several", None),
    ("group", f"Presidiet: {CHAIR};", "", "from-group", None),
    ("unparsable", f"{CHAIR} <{MALLORY}>", "", "from-unparsable", None),
    ("two-froms", f"Greta Lindqvist <{CHAIR}>", f"From: {MALLORY}\r\n", "from-several", None),
    ("sender", f"Greta Lindqvist <{CHAIR}>", f"Sender: Mallory <{MALLORY}>\r\n",
     "sender-misaligned", CHAIR),
    ("return-path", f"Greta Lindqvist <{CHAIR}>", "Return-Path: <bounce@evil.example>\r\n",
     "sender-misaligned", CHAIR),
    ("dmarc", f"Greta Lindqvist <{CHAIR}>",
     "Authentication-Results: mx.skaraborg.se; spf=pass; dmarc=fail header.from=hjo.se\r\n",
     "auth-failed", CHAIR),
]  # fmt: skip
# The forged From is someone's who never wrote: nobody is answered.
SUSPECT = {"sender-misaligned", "auth-failed"}


@pytest.fixture(scope="module")
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path_factory.mktemp("smtp")) as server:
        yield server


@pytest.fixture
def imap(tmp_path: Path) -> Iterator[Dovecot]:
    server = Dovecot(tmp_path / "dovecot")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _config(path: Path, smtp: SmtpServer, imap: Dovecot) -> Path:
    return write_config(
        path,
        smtp=smtp,
        imap=imap,
        quiet=False,
        coordinators=[COORDINATOR],
        coordinator_name="Samordnaren",
    )


def _by_subject(state: Path, config: Path) -> dict[str, dict[str, Any]]:
    res = mailbot("messages", "--json", "--state", state, "--config", config, env=clean_env())
    assert res.returncode == 0, res.stderr
    return {m["message_id"]: m for m in json.loads(res.stdout)}


def test_no_forged_sender_changes_the_registry_or_gets_mail(
    tmp_path: Path, smtp: SmtpServer, imap: Dovecot
) -> None:
    smtp.reset()
    state = tmp_path / "state"
    config = _config(tmp_path / "mailbot.toml", smtp, imap)
    imap.append("INBOX", LEGIT)
    cli("tick", "--today", "2025-03-03", "--send", config=config, state=state)
    before = cli_json("network", "forskola", config=config, state=state)

    for number, (name, sender, extra, _code, _real) in enumerate(FORGERIES):
        imap.append(
            "INBOX",
            member_list(
                sender,
                ATTACKER_CHAIR,
                date=f"Tue, 04 Mar 2025 1{number}:00:00 +0100",
                mid=f"<forged-{name}@example.com>",
                extra=extra,
            ),
        )
    cli("tick", "--today", "2025-03-05", "--send", config=config, state=state)

    # The registry is as the real chair's list made it.
    after = cli_json("network", "forskola", config=config, state=state)
    assert after["members"] == before["members"]
    chairs = [m for m in after["members"] if m.get("role") == "ordforande"]
    assert [c["email"] for c in chairs] == [CHAIR]
    assert MALLORY not in json.dumps(after)

    # Each forgery waits for a person, for the reason it is suspect.
    stored = _by_subject(state, config)
    for name, _sender, _extra, code, real in FORGERIES:
        message = stored[f"<forged-{name}@example.com>"]
        assert message["state"] == "needs_review", name
        codes = [r["code"] for r in message["understanding"]["review"]]
        assert code in codes, (name, codes)
        assert message["from"] == real, name

    # Answers (receipts, review notices) went only to the real From of a mail that is
    # not suspect: the forged chair got nothing for mail she did not write.
    answers = [m for m in smtp.messages if _kind(m) in ("receipt", "review-notice")]
    got = sorted((_kind(m), tuple(m.recipients)) for m in answers)
    assert got == [
        ("receipt", (CHAIR,)),  # her own member list
        ("review-notice", ("evil@example.com",)),
        ("review-notice", (MALLORY,)),
    ]
    for message in smtp.messages:
        check_mailbots_mail(message)


def _text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert isinstance(body, EmailMessage)
    return str(body.get_content())


def _kind(message: ReceivedMessage) -> str:
    return str(_parse(message.data)["X-Mailbot-Kind"])


def _parse(data: bytes) -> EmailMessage:
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


# -- header and body injection ----------------------------------------------------------

# An attacker's text, as encoded words that decode to line breaks and headers.
INJECT = (
    "Hej\r\nBcc: victim@example.com\r\nX-Injected: 1\r\n\r\nKlicka här: http://evil.example/login"
)
MARKERS = ("Bcc:", "X-Injected", "Klicka här", "victim@example.com")


def _q(text: str, charset: str = "utf-8") -> str:
    """An RFC 2047 Q-encoded word of `text` (every byte encoded, CR/LF included)."""
    return f"=?{charset}?q?" + "".join(f"={b:02X}" for b in text.encode("utf-8")) + "?="


HOSTILE_SUBJECTS = {
    "encoded-crlf": _q(INJECT),
    "double-encoded": _q(_q(INJECT)),
    "unknown-charset": _q(INJECT, "x-klingon"),
    "bare-cr": "Hej\rBcc: victim@example.com",
    "nul": "Hej\x00Bcc: victim@example.com",
    "separators": _q("Hej\u2028Bcc: victim@example.com\u2029X-Injected: 1\x85Klicka här"),
    "huge": "Protokoll " + "A" * 5_000_000,
}


# A place as the reader takes it from a plan (it keeps the text as written).
HOSTILE_PLACE = "Stadshuset\u2028Bcc: victim@example.com =?utf-8?q?X-Injected:_1?= \u2029Klicka här"


def _hostile_mails() -> list[bytes]:
    """From the real chair (applied: a receipt, a meeting reminder with an .ics) and from
    strangers (review notices), everything people write made hostile."""
    hostile_name = _q("Greta\r\nBcc: victim@example.com")
    mails = [
        member_list(
            f"{hostile_name} <{CHAIR}>",
            f"Greta Lindqvist, Hjo, {CHAIR}",
            date="Wed, 26 Feb 2025 09:00:00 +0100",
            mid="<h-list@hjo.se>",
        ),
        # A meeting plan whose place carries the attack, and whose subject too.
        _mail(
            sender=f"{hostile_name} <{CHAIR}>",
            subject=_q("Mötesplan förskola " + INJECT),
            date="Thu, 27 Feb 2025 09:00:00 +0100",
            message_id="<h-plan@hjo.se>",
            body=(
                "Hej!\n\nMötesplan för nätverket Förskola våren 2025:\n\n"
                "Torsdag 13 mars 2025 kl. 9.00–12.00\n"
                f"Plats: {HOSTILE_PLACE}\n\n"
                "Vänliga hälsningar\nGreta Lindqvist\n"
            ),
        ),
        # An attachment whose file name is the attack (and whose content is damaged).
        _mail(
            sender=f"Greta Lindqvist <{CHAIR}>",
            subject="=?utf-8?q?Protokoll_f=C3=B6rskola?=",
            date="Fri, 28 Feb 2025 09:00:00 +0100",
            message_id="<h-attach@hjo.se>",
            body="Hej!\n\nProtokollet från nätverket Förskola bifogas.\n",
            attachment=(
                "filename*=utf-8''Protokoll%0D%0ABcc%3A%20victim%40example.com%0D%0A%0D%0A"
                "Klicka%20h%C3%A4r.docx",
                b"PK\x03\x04 this is no docx",
            ),
        ),
    ]
    for number, (name, subject) in enumerate(HOSTILE_SUBJECTS.items()):
        mails.append(
            _mail(
                sender=f"{_q('Okänd' + chr(13) + chr(10) + 'Bcc: victim@example.com')} "
                f"<stranger{number}@example.org>",
                subject=subject,
                date=f"Sat, 01 Mar 2025 1{number}:00:00 +0100",
                message_id=f"<h-{name}@example.org>",
                body="Hej!\n\nHär kommer protokollet från nätverket Förskola.\n\nNärvarande: "
                "Vera Holm, Otto Sjö\n",
            )
        )
    return mails


def test_nothing_from_a_mail_writes_into_mailbots_mail(
    tmp_path: Path, smtp: SmtpServer, imap: Dovecot
) -> None:
    smtp.reset()
    state = tmp_path / "state"
    config = _config(tmp_path / "mailbot.toml", smtp, imap)
    for raw in _hostile_mails():
        imap.append("INBOX", raw)
    # Monday 3 March 2025: the digest is due, and the 13 March meeting's reminder
    # (ten days before); the mails of the last days get receipts and review notices.
    cli("tick", "--today", "2025-03-03", "--send", config=config, state=state)

    kinds = sorted(_kind(m) for m in smtp.messages)
    for wanted in ("digest", "meeting-reminder", "receipt", "review-notice"):
        assert wanted in kinds, kinds
    assert kinds.count("review-notice") >= len(HOSTILE_SUBJECTS)
    rows = {r["subject"]: r for r in cli_json("outbox", "list", config=config, state=state)}
    for message in smtp.messages:
        assert set(message.recipients) <= {CHAIR, COORDINATOR} | {
            f"stranger{n}@example.org" for n in range(len(HOSTILE_SUBJECTS))
        }
        parsed = check_mailbots_mail(message)
        assert str(parsed["Subject"]) in rows  # exactly the subject mailbot stored
    stored = _by_subject(state, config)
    assert all(m["state"] != "quarantined" for m in stored.values())
    # The attack did reach mailbot's mail, as one line of text inside mailbot's own lines.
    reminder = next(_parse(m.data) for m in smtp.messages if _kind(m) == "meeting-reminder")
    where = [ln for ln in _text(reminder).splitlines() if "Var:" in ln]
    assert where == [
        "  Var:  Stadshuset Bcc: victim@example.com = ?utf-8?q?X-Injected:_1?= Klicka här"
    ]
    invitation = next(p for p in reminder.walk() if p.get_content_type() == "text/calendar")
    event = next(
        c
        for c in icalendar.Calendar.from_ical(invitation.get_payload(decode=True)).walk()
        if c.name == "VEVENT"
    )
    assert (
        str(event["LOCATION"])
        == "Stadshuset Bcc: victim@example.com = ?utf-8?q?X-Injected:_1?= Klicka här"
    )
    notices = [_parse(m.data) for m in smtp.messages if _kind(m) == "review-notice"]
    assert any("Bcc: victim@example.com X-Injected: 1" in str(n["Subject"]) for n in notices)


WRITTEN = [
    "From", "To", "Reply-To", "Subject", "Date", "Message-ID", "Auto-Submitted",
    "X-Auto-Response-Suppress", "X-Mailbot-Kind", "Content-Language", "MIME-Version",
    "Content-Type",
]  # fmt: skip


def check_mailbots_mail(message: ReceivedMessage) -> EmailMessage:
    """The bytes are exactly mailbot's: its header fields in its order, one blank line,
    multipart/alternative (text, HTML) or multipart/mixed with an .ics, all encoded,
    and no attacker's text starting a line anywhere."""
    data = message.data
    assert data.isascii() and b"\x00" not in data
    lines = data.split(b"\r\n")
    assert not any(b"\r" in line or b"\n" in line for line in lines)
    blank = lines.index(b"")
    names = [ln.split(b":")[0].decode() for ln in lines[:blank] if ln[:1] not in (b" ", b"\t")]
    expected = list(WRITTEN)
    if "Cc" in names:
        expected.insert(2, "Cc")
    # An answer (a receipt, a review notice) goes in the thread of the mail it answers.
    for optional in ("References", "In-Reply-To"):
        if optional in names:
            expected.insert(expected.index("Message-ID") + 1, optional)
    assert names == expected
    parsed = _parse(data)
    assert not parsed.defects
    for name in ("Subject", "To", "From"):
        value = str(parsed[name])
        assert "\n" not in value and "\r" not in value and "=?" not in value, (name, value)
    structure = [p.get_content_type() for p in parsed.walk()]
    assert structure in (
        ["multipart/alternative", "text/plain", "text/html"],
        ["multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar"],
    ), structure
    for part in parsed.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            text = part.get_content()
            for line in text.splitlines():
                stripped = line.strip()
                assert not any(stripped.startswith(m) for m in MARKERS), (line, structure)
        if part.get_content_type() == "text/calendar":
            _check_invitation(part.get_payload(decode=True))
    return parsed


ICS_PROPERTIES = {
    "UID", "SEQUENCE", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION",
    "ORGANIZER", "ATTENDEE", "STATUS", "TRANSP",
}  # fmt: skip


def _check_invitation(data: Any) -> None:
    assert isinstance(data, bytes)
    calendar = icalendar.Calendar.from_ical(data)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    event = events[0]
    assert set(event.keys()) <= ICS_PROPERTIES, set(event.keys())
    for key in ("SUMMARY", "LOCATION"):
        if key in event:
            value = str(event[key])
            assert "\n" not in value and "\r" not in value and "=?" not in value
    assert [str(a) for a in _as_list(event.get("ATTENDEE"))] == [f"mailto:{CHAIR}"]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
