"""Reading the header block defensively: real oddities, and garbage that must not crash."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.envelope import effective_sent_at, read_envelope


def test_rfc2047_subject_and_sender() -> None:
    raw = (
        b"From: =?iso-8859-1?q?=C5sa_=D6berg?= <ASA.OBERG@Skovde.se>\r\n"
        b"Subject: =?utf-8?b?UHJvdG9rb2xsIGbDtnJza29sYQ==?=\r\n"
        b"Date: Fri, 14 Mar 2025 09:30:00 +0100\r\n"
        b"Message-ID:   <abc@skovde.se> (comment)\r\n\r\nHej\r\n"
    )
    env = read_envelope(raw)
    assert env.looks_like_mail
    assert env.subject == "Protokoll förskola"
    assert env.from_addr == "asa.oberg@skovde.se"
    assert env.message_id == "<abc@skovde.se>"
    assert env.date == datetime(2025, 3, 14, 8, 30, tzinfo=UTC)


def test_raw_8bit_headers_and_bad_date() -> None:
    raw = "From: Pär <par@lidkoping.se>\nSubject: Möte\nDate: yesterday\n\nx".encode("latin-1")
    env = read_envelope(raw)
    assert env.date is None and env.subject and env.from_addr == "par@lidkoping.se"


def test_digest_ignores_transport_headers() -> None:
    base = b"Message-ID: <m@x>\r\nFrom: a@x\r\nSubject: s\r\n\r\nbody\r\n"
    relayed = b"Received: from a by b\r\nDelivered-To: c@x\r\n" + base
    assert read_envelope(base).content_digest == read_envelope(relayed).content_digest
    other = base.replace(b"body", b"other body")
    assert read_envelope(base).content_digest != read_envelope(other).content_digest


def test_not_mail() -> None:
    for raw in (b"", b"\r\n\r\n", b"# a readme\nwith text", b"\x00\x01\x02"):
        assert not read_envelope(raw).looks_like_mail


def test_effective_sent_at() -> None:
    arrived = datetime(2025, 5, 1, tzinfo=UTC)
    assert effective_sent_at(None, arrived) == arrived
    assert effective_sent_at(datetime(1970, 1, 1, tzinfo=UTC), arrived) == arrived
    assert effective_sent_at(datetime(2030, 1, 1, tzinfo=UTC), arrived) == arrived
    sent = datetime(2025, 4, 30, tzinfo=UTC)
    assert effective_sent_at(sent, arrived) == sent


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4000))
def test_garbage_bytes_never_crash(raw: bytes) -> None:
    read_envelope(raw)


header_line = st.builds(
    lambda name, value: f"{name}: {value}\r\n".encode("utf-8", "surrogateescape"),
    st.sampled_from(["From", "Subject", "Date", "Message-ID", "To", "X-Odd"]),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(header_line, max_size=12), st.binary(max_size=500))
def test_random_headers_never_crash(lines: list[bytes], body: bytes) -> None:
    env = read_envelope(b"".join(lines) + b"\r\n" + body)
    assert env.content_digest
