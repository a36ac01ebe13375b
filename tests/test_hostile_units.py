"""Hostile input, unit by unit: who the sender is, one line of text, the outgoing proof.

The end-to-end half (real Dovecot and SMTP) is tests/test_hostile_mail.py. These are
the pure pieces, each tried the way an attacker would, with property tests over
arbitrary text where a table cannot cover the space.
"""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from email.header import Header

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.addresses import alignment_problem, is_mailbox_address, read_from
from mailbot.oneline import one_line, safe_filename
from mailbot.outbox.compose import (
    Attachment,
    Envelope,
    UnsafeMail,
    build,
    header_fields,
    verify,
)
from mailbot.reasons import CATALOG, Reason, ReasonCode
from mailbot.verdict import Verdict

REAL = "vera.holm@skovde.se"

# -- the sender ----------------------------------------------------------------------

FROM_CASES = [
    # (From header as sent, the sender mailbot must see, the problem code)
    ("Vera Holm <vera.holm@skovde.se>", REAL, None),
    ('"Holm, Vera" <vera.holm@skovde.se>', REAL, None),
    ("vera.holm@skovde.se (Vera Holm)", REAL, None),
    ("=?utf-8?q?V=C3=A9ra_H=C3=B6lm?= <Vera.Holm@SKOVDE.se>", REAL, None),
    ("Véra Hölm <vera.holm@skovde.se>", REAL, None),  # raw UTF-8 (RFC 6532)
    # An address inside an encoded display name is a name, never the sender.
    ("=?utf-8?q?Anna_Berg_<anna.berg@skovde.se>?= <mallory@gmail.com>", "mallory@gmail.com", None),
    ("=?utf-8?b?QW5uYSBCZXJnIDxhbm5hLmJlcmdAc2tvdmRlLnNlPg==?= <mallory@gmail.com>",
     "mallory@gmail.com", None),
    ('"anna.berg@skovde.se" <mallory@gmail.com>', "mallory@gmail.com", None),
    ('"Anna\\" <anna.berg@skovde.se>" <mallory@gmail.com>', "mallory@gmail.com", None),
    # An encoded CR/LF in the name cannot make another address the sender.
    ("=?utf-8?q?Anna=0D=0AFrom:_evil@example.com?= <anna.berg@skovde.se>",
     "anna.berg@skovde.se", None),
    ("=?utf-8?q?x=0D=0A?= evil@example.com <anna.berg@skovde.se>", None, "from-unparsable"),
    # Not one mailbox.
    ("anna.berg@skovde.se, mallory@gmail.com", None, "from-several"),
    ("Anna <anna.berg@skovde.se>, <mallory@gmail.com>", None, "from-several"),
    ("Presidiet: anna.berg@skovde.se;", None, "from-group"),
    ("undisclosed-recipients:;", None, "from-group"),
    ("", None, "from-missing"),
    ("Anna Berg", None, "from-unparsable"),
    ("anna.berg@skovde.se <mallory@gmail.com>", None, "from-unparsable"),
    ("<mallory@gmail.com> anna.berg@skovde.se", None, "from-unparsable"),
    ("Anna <anna.berg@skovde.se", None, "from-unparsable"),
    ("Anna <an na@skovde.se>", None, "from-unparsable"),
    ("Anna <anna@[10.0.0.1]>", None, "from-unparsable"),
    ("Anna <anna.berg@skovde>", None, "from-unparsable"),
    ("Berg, Anna <anna.berg@skovde.se>", None, "from-several"),  # an unquoted comma
    ("Anna <anna.berg@skovde.se>\x00<mallory@gmail.com>", None, "from-unparsable"),
]  # fmt: skip


@pytest.mark.parametrize(("header", "address", "problem"), FROM_CASES)
def test_the_sender_is_the_one_address_rfc5322_reads(
    header: str, address: str | None, problem: str | None
) -> None:
    found = read_from([header])
    assert found.address == address
    assert (found.problem.code if found.problem else None) == problem
    if found.name is not None:
        assert one_line(found.name) == found.name


def test_two_from_headers_are_two_senders() -> None:
    found = read_from(["Anna <anna.berg@skovde.se>", "mallory@gmail.com"])
    assert (found.address, found.problem and found.problem.code) == (None, "from-several")


def test_a_crlf_in_an_encoded_name_leaves_one_line_of_name() -> None:
    found = read_from(["=?utf-8?q?Anna=0D=0ABcc:_x@example.com?= <anna.berg@skovde.se>"])
    assert found.address == "anna.berg@skovde.se"
    assert found.name == "Anna Bcc: x@example.com"


# Anything a sender can put in a display name, written as the real clients do.
_NAMES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_NAMES, charset=st.sampled_from(["utf-8", "iso-8859-1"]))
def test_no_display_name_changes_who_the_sender_is(name: str, charset: str) -> None:
    try:
        encoded = Header(name, charset).encode()
    except UnicodeEncodeError:
        encoded = Header(name, "utf-8").encode()
    found = read_from([f"{encoded} <mallory@gmail.com>"])
    assert found.address in ("mallory@gmail.com", None)


@settings(max_examples=400, deadline=None)
@given(header=st.text(max_size=200))
def test_any_from_header_gives_a_plain_address_it_literally_holds_or_none(header: str) -> None:
    found = read_from([header])
    assert (found.address is None) == (found.problem is not None)
    if found.address is not None:
        assert is_mailbox_address(found.address)
        # Never from an encoded word: the address is written in the header itself.
        assert found.address in header.lower()


def test_sender_and_return_path_must_be_on_the_from_domain() -> None:
    assert (
        alignment_problem(REAL, ["Vera <vera.holm@skovde.se>"], ["<bounce@mail.skovde.se>"]) is None
    )
    assert alignment_problem(REAL, [], ["<>"]) is None  # a null path says nothing
    sender = alignment_problem(REAL, ["Mallory <mallory@gmail.com>"], [])
    assert sender is not None and (sender.header, sender.domain) == ("Sender", "gmail.com")
    path = alignment_problem(REAL, [], ["<x@evil.example>"])
    assert path is not None and (path.header, path.domain) == ("Return-Path", "evil.example")
    unreadable = alignment_problem(REAL, ["a@b.se, c@d.se"], [])
    assert unreadable is not None and unreadable.domain is None
    # skovde.se.evil.example is not skovde.se.
    assert alignment_problem(REAL, ["x@skovde.se.evil.example"], []) is not None


# -- one line of plain text ------------------------------------------------------------

HOSTILE_TEXT = [
    "Hej\r\nBcc: victim@example.com",
    "Hej\nX-Injected: 1\n\nKlicka här: http://evil.example/login",
    "Hej\rBcc: victim@example.com",
    "Hej\x00Bcc: victim@example.com",
    "Hej\u2028Bcc: victim@example.com\u2029X-Injected: 1",
    "Hej\x85Bcc: victim@example.com\x0bX\x0cY",
    "=?utf-8?q?Hej=0D=0ABcc:_victim@example.com?=",
    "=?x-unknown?q?Hej=0D=0ABcc:_victim@example.com?=",
    "Räkna \u202eelif.exe\u202c",
    "x" * 5_000_000,
]


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
def test_one_line_is_one_line_of_plain_text(text: str) -> None:
    line = one_line(text, 200)
    assert len(line) <= 200
    assert not any(ch in line for ch in "\r\n\x00\x0b\x0c\x85\u2028\u2029\u202e")
    assert "=?" not in line
    assert one_line(line, 200) == line  # idempotent


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=400), limit=st.integers(min_value=1, max_value=300))
def test_one_line_holds_for_any_text(text: str, limit: int) -> None:
    line = one_line(text, limit)
    assert len(line) <= limit
    assert "=?" not in line
    assert not any(ch in line for ch in "\r\n\x00\u2028\u2029")
    assert line == line.strip()


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "..", ".hidden", "a/b\\c", "x\r\ny.docx", "=?utf-8?q?a?=", "", "\x00"],
)
def test_a_file_name_stays_in_its_folder(name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe
    assert not safe.startswith(".")
    assert one_line(safe) == safe


# -- the outgoing proof ------------------------------------------------------------------


def _envelope(**changes: object) -> Envelope:
    values: dict[str, object] = dict(
        sender="utbildning@skaraborg.se",
        sender_name="Utbildning Skaraborg",
        to=REAL,
        to_name="Vera Holm",
        cc=(),
        reply_to="utbildning@skaraborg.se",
        subject="Registrerat: medlemsförteckning – Förskola",
        message_id="<mailbot.abc@skaraborg.se>",
        when=datetime(2025, 3, 3, 8, tzinfo=UTC),
        kind="receipt",
    )
    values.update(changes)
    return Envelope(**values)  # type: ignore[arg-type]


WRITTEN = [
    "From", "To", "Reply-To", "Subject", "Date", "Message-ID", "Auto-Submitted",
    "X-Auto-Response-Suppress", "X-Mailbot-Kind", "Content-Language", "MIME-Version",
    "Content-Type",
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE_TEXT[:-1], ids=range(len(HOSTILE_TEXT) - 1))
def test_hostile_subjects_and_names_stay_inside_their_header(text: str) -> None:
    raw = build(_envelope(subject=text, to_name=text), f"Ämne: {text}\n", "<p>x</p>")
    head, sep, _body = raw.partition(b"\r\n\r\n")
    assert sep
    names = [line.split(b":")[0].decode() for line in head.split(b"\r\n") if line[:1] not in b" \t"]
    assert names == WRITTEN
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert "\n" not in str(parsed["Subject"]) and "=?" not in str(parsed["Subject"])


@settings(max_examples=200, deadline=None)
@given(subject=st.text(max_size=300), name=st.text(max_size=80), body=st.text(max_size=300))
def test_any_text_makes_a_mail_with_exactly_mailbots_headers(
    subject: str, name: str, body: str
) -> None:
    raw = build(_envelope(subject=subject, to_name=name), body, "<p>x</p>")
    head = raw.partition(b"\r\n\r\n")[0]
    names = [line.split(b":")[0].decode() for line in head.split(b"\r\n") if line[:1] not in b" \t"]
    assert names == WRITTEN


def test_long_message_ids_are_never_split() -> None:
    long = "<JO9PR09MB5819E1D48F040FD7AE12A34900C1C995D623@JO9PR09MB5819.eurprd09.prod.outlook.com>"
    raw = build(_envelope(in_reply_to=long, references=("<a@b.se>", long)), "x\n", "<p>x</p>")
    head = raw.partition(b"\r\n\r\n")[0].decode()
    assert f"In-Reply-To: {long}\r\n" in head
    assert f"References: <a@b.se>\r\n {long}\r\n" in head


@pytest.mark.parametrize(
    "changes",
    [
        {"to": "victim@example.com\r\nBcc: x@example.com"},
        {"to": "Vera <vera.holm@skovde.se>"},
        {"to": "vera holm@skovde.se"},
        {"cc": ("ok@skovde.se", "x@example.com, y@example.com")},
        {"message_id": "<a@b>\r\nBcc: x@example.com"},
        {"in_reply_to": "<a@b> <c@d>"},
    ],
)
def test_addresses_and_ids_that_are_not_plain_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(UnsafeMail):
        build(_envelope(**changes), "x\n", "<p>x</p>")


def test_the_proof_refuses_what_python_3_11_7_would_write() -> None:
    """The bytes Python's email package writes for an encoded CR/LF on assignment (the
    bug behind this test suite): the verifier alone must refuse them."""
    raw = build(_envelope(), "x\n", "<p>x</p>")
    injected = raw.replace(
        b"Subject: ",
        b"Subject: Hej\r\nBcc: victim@example.com\r\nX-Injected: 1\r\n\r\nKlicka h\xc3\xa4r\r\nX: ",
    )
    fields = header_fields(_envelope())
    with pytest.raises(UnsafeMail):
        verify(injected, fields, [("text/plain", "x\n"), ("text/html", "<p>x</p>")])
    # Another part smuggled in, or a body that is not the one rendered.
    with pytest.raises(UnsafeMail):
        verify(raw, fields, [("text/plain", "y\n"), ("text/html", "<p>x</p>")])
    with pytest.raises(UnsafeMail):
        verify(raw, fields, [("text/plain", "x\n")])
    verify(raw, fields, [("text/plain", "x\n"), ("text/html", "<p>x</p>")])


def test_an_invitation_is_checked_as_well() -> None:
    ics = b"BEGIN:VCALENDAR\r\nLOCATION:Sal 1\r\nEND:VCALENDAR\r\n"
    invite = Attachment(ics, "text", "calendar", "inbjudan.ics", {"method": "REQUEST"})
    raw = build(_envelope(kind="meeting-reminder"), "x\n", "<p>x</p>", [invite])
    assert b"text/calendar" in raw


# -- reasons -----------------------------------------------------------------------------


def test_every_reason_code_has_english_and_swedish_words() -> None:
    args = {
        "sender": "a@b.se", "check": "DMARC=fail", "header": "Sender", "domain": "x.se",
        "count": 2, "names": "Vera Holm", "text": "vecka 44", "detail": "encrypted",
        "error": "ValueError: x", "date": "2025-04-25", "candidates": "2025-04-18, 2025-05-02",
        "about": "2025-05-06", "found": "applied", "on": "2025-05-06", "message": 12,
        "what": "jag är inte sekreterare längre", "person": "a@b.se", "kind": "receipt",
        "why": "no-token",
    }  # fmt: skip
    assert set(CATALOG) == set(ReasonCode)  # every code has its words
    for code in ReasonCode:
        reason = Reason(code, args)
        assert reason.english() and reason.swedish()
        assert "{" not in reason.english() + reason.swedish()
        assert Reason.from_json(reason.to_json()) == reason


def test_a_suspect_sender_is_known_from_the_codes() -> None:
    result = {
        "review": [{"code": "sender-misaligned", "args": {"header": "Sender", "domain": "x"}}]
    }
    assert Verdict.from_dict(result).suspect_sender
    unknown = {"review": [{"code": "sender-unknown", "args": {"sender": "a@b"}}]}
    assert not Verdict.from_dict(unknown).suspect_sender
    assert Verdict.from_dict({"review": [{"code": "no-such-code"}]}).review == []
