"""mailbot.outbox.transport against a real SMTP server (aiosmtpd over TCP on 127.0.0.1).

Only the OAuth2 token source is faked; every SMTP exchange, TLS handshake and AUTH dialogue
is real, so the classification table in the transport's docstring is what is tested here.
"""

from __future__ import annotations

import email
import email.policy
import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest

from mailbot.errors import AuthError, TransientAuthError
from mailbot.outbox.transport import FileTransport, SendResult, SmtpTransport, wire_bytes
from tests.support.smtp import SmtpServer

SENDER = "mailbot@example.test"
CHAIR = "ordforande@vara.se"


def swedish_message(message_id: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Mailbot Skaraborg <{SENDER}>"
    message["To"] = CHAIR
    message["Subject"] = "Påminnelse: nätverksträff på Åsaka skola den 14 mars"
    message["Message-ID"] = message_id or make_msgid(domain="example.test")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        "Hej!\n\nNätverksträffen är den 14 mars kl. 13.00 på Åsaka skola, rum Öst.\n"
        "Glöm inte att skicka kallelse och dagordning till medlemmarna.\n"
    )
    message.add_alternative(
        "<html><body><p>Hej!</p><p>Nätverksträffen är den <b>14 mars</b> på Åsaka skola, "
        "rum Öst. Glöm inte kallelse och dagordning.</p></body></html>",
        subtype="html",
    )
    return message


def send(transport: SmtpTransport, message: EmailMessage | None = None, **kw: object) -> SendResult:
    recipients = kw.pop("recipients", [CHAIR])
    assert isinstance(recipients, list)
    return transport.send(message or swedish_message(), envelope_from=SENDER, recipients=recipients)


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path_factory.mktemp("smtp"), auth=True) as server:
        yield server


@pytest.fixture
def server(plain_server: SmtpServer) -> Iterator[SmtpServer]:
    plain_server.reset()
    yield plain_server
    plain_server.reset()


def plain(server: SmtpServer, **kw: object) -> SmtpTransport:
    options: dict[str, object] = {"security": "plain", "username": None, "timeout": 5.0}
    options.update(kw)
    return SmtpTransport(server.host, server.port, **options)  # type: ignore[arg-type]


class FakeTokens:
    """A unit fake of the token source only (the SMTP side is real)."""

    def __init__(self, token: str, error: Exception | None = None) -> None:
        self._token, self._error, self.calls = token, error, 0

    def token(self) -> str:
        self.calls += 1
        if self._error is not None:
            raise self._error
        return self._token


# ----------------------------------------------------------------------------- delivery


def test_swedish_message_arrives_byte_intact(server: SmtpServer) -> None:
    message = swedish_message()
    result = send(plain(server), message)
    assert result.outcome == "sent" and result.code == 250, result
    assert not result.refused
    [received] = server.messages
    assert received.envelope_from == SENDER
    assert received.recipients == [CHAIR]
    assert received.data == wire_bytes(message)
    assert "BODY=8BITMIME" in received.mail_options
    parsed = email.message_from_bytes(received.data, policy=email.policy.default)
    assert parsed["Message-ID"] == message["Message-ID"]
    assert parsed["Subject"] == "Påminnelse: nätverksträff på Åsaka skola den 14 mars"
    assert isinstance(parsed, EmailMessage)
    text = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert text is not None and "Åsaka skola, rum Öst" in text.get_content()
    assert html is not None and "<b>14 mars</b> på Åsaka" in html.get_content()


def test_bcc_header_is_not_transmitted(server: SmtpServer) -> None:
    message = swedish_message()
    message["Bcc"] = "hemlig@vara.se"
    result = send(plain(server), message, recipients=[CHAIR, "hemlig@vara.se"])
    assert result.outcome == "sent"
    [received] = server.messages
    assert received.recipients == [CHAIR, "hemlig@vara.se"]
    assert b"hemlig" not in received.data
    assert message["Bcc"] == "hemlig@vara.se"  # the caller's message is left alone


# ----------------------------------------------------------------------------- classification


def test_451_is_temporary_then_sent_on_the_next_call(server: SmtpServer) -> None:
    transport = plain(server)
    message = swedish_message()
    server.fail_next(451, "4.7.1 Greylisted, try again later")
    first = send(transport, message)
    assert (first.outcome, first.code) == ("temporary", 451)
    assert "Greylisted" in first.detail and not first.affects_all
    assert server.messages == []
    second = send(transport, message)
    assert second.outcome == "sent"
    assert [m.data for m in server.messages] == [wire_bytes(message)]


def test_421_is_temporary(server: SmtpServer) -> None:
    server.fail_next(421, "4.3.2 Service shutting down", at="rcpt")
    result = send(plain(server))
    assert (result.outcome, result.code) == ("temporary", 421)


def test_550_is_permanent(server: SmtpServer) -> None:
    server.fail_next(550, "5.7.1 Message rejected as spam")
    result = send(plain(server))
    assert (result.outcome, result.code) == ("permanent", 550)
    assert "5.7.1 Message rejected as spam" in result.detail
    assert server.messages == []


def test_hang_longer_than_the_timeout_is_temporary_within_the_timeout(
    server: SmtpServer,
) -> None:
    server.hang(10)
    started = time.monotonic()
    result = send(plain(server, timeout=1.0))
    elapsed = time.monotonic() - started
    assert result.outcome == "temporary" and result.code is None
    assert "timed out" in result.detail and result.affects_all
    assert elapsed < 3.0


def test_connection_refused_is_temporary(tmp_path: Path) -> None:
    stopped = SmtpServer(tmp_path)
    stopped.start()
    stopped.stop()
    result = send(plain(stopped))
    assert result.outcome == "temporary" and result.affects_all
    assert str(stopped.port) in result.detail


def test_partial_refusal_is_sent_and_lists_the_refused(server: SmtpServer) -> None:
    server.refuse_recipient("borta@vara.se", 550)
    result = send(plain(server), recipients=[CHAIR, "borta@vara.se"])
    assert result.outcome == "sent"
    assert [(r.address, r.code) for r in result.refused] == [("borta@vara.se", 550)]
    assert "borta@vara.se (550" in result.detail
    assert [m.recipients for m in server.messages] == [[CHAIR]]


def test_every_recipient_refused_is_permanent_or_temporary_by_code(server: SmtpServer) -> None:
    server.refuse_recipient("borta@vara.se", 550)
    server.refuse_recipient("full@vara.se", 552)
    result = send(plain(server), recipients=["borta@vara.se", "full@vara.se"])
    assert (result.outcome, result.code) == ("permanent", 550)
    assert {r.address for r in result.refused} == {"borta@vara.se", "full@vara.se"}
    server.refuse_recipient("full@vara.se", 452)
    result = send(plain(server), recipients=["borta@vara.se", "full@vara.se"])
    assert result.outcome == "temporary"
    assert server.messages == []


def test_callable_from_a_plain_thread_and_from_inside_an_event_loop(server: SmtpServer) -> None:
    import asyncio

    transport = plain(server)
    results: list[SendResult] = []
    thread = threading.Thread(target=lambda: results.append(send(transport)))
    thread.start()
    thread.join(10)

    async def inside_loop() -> SendResult:
        return send(transport)

    results.append(asyncio.run(inside_loop()))
    assert [r.outcome for r in results] == ["sent", "sent"]
    assert len(server.messages) == 2


# ----------------------------------------------------------------------------- auth


def test_auth_plain_with_password(server: SmtpServer) -> None:
    result = send(plain(server, username=server.user, password=server.password))
    assert result.outcome == "sent", result
    assert [m.auth_login for m in server.messages] == [server.user]


def test_wrong_password_is_permanent_and_affects_all(server: SmtpServer) -> None:
    result = send(plain(server, username=server.user, password="wrong"))
    assert (result.outcome, result.code) == ("permanent", 535)
    assert result.affects_all
    assert "authentication as mailbot@example.test" in result.detail
    assert "wrong" not in result.detail
    assert server.messages == []


def test_xoauth2_with_a_token_provider(server: SmtpServer) -> None:
    tokens = FakeTokens(server.token)
    result = send(plain(server, username=server.user, tokens=tokens))
    assert result.outcome == "sent", result
    assert tokens.calls == 1
    assert server.xoauth2_attempts == [
        f"user={server.user}\x01auth=Bearer {server.token}\x01\x01".encode()
    ]
    assert [m.auth_login for m in server.messages] == [server.user]


def test_xoauth2_rejected_token_is_permanent(server: SmtpServer) -> None:
    result = send(plain(server, username=server.user, tokens=FakeTokens("expired-token")))
    assert (result.outcome, result.code) == ("permanent", 535)
    assert result.affects_all and "expired-token" not in result.detail
    assert server.messages == []


def test_token_provider_failures(server: SmtpServer) -> None:
    down = FakeTokens("", TransientAuthError("login.microsoftonline.com unreachable"))
    result = send(plain(server, username=server.user, tokens=down))
    assert (result.outcome, result.affects_all) == ("temporary", True)
    revoked = FakeTokens("", AuthError("AADSTS7000215: invalid client secret"))
    result = send(plain(server, username=server.user, tokens=revoked))
    assert (result.outcome, result.affects_all) == ("permanent", True)
    assert "AADSTS7000215" in result.detail


# ----------------------------------------------------------------------------- TLS


def test_starttls_with_the_test_ca(tmp_path: Path) -> None:
    with SmtpServer(tmp_path, tls="starttls", auth=True) as server:
        transport = plain(
            server,
            security="starttls",
            ca_file=server.ca_file,
            username=server.user,
            password=server.password,
        )
        assert send(transport).outcome == "sent"
        assert [m.tls for m in server.messages] == [True]
        untrusted = send(plain(server, security="starttls"))
        assert untrusted.outcome == "temporary" and untrusted.affects_all
        assert "certificate verification failed" in untrusted.detail
        assert len(server.messages) == 1


def test_starttls_required_but_not_offered_never_sends_in_clear(server: SmtpServer) -> None:
    result = send(plain(server, security="starttls"))
    assert result.outcome == "temporary" and "does not offer STARTTLS" in result.detail
    assert server.messages == []


def test_implicit_tls(tmp_path: Path) -> None:
    with SmtpServer(tmp_path, tls="implicit") as server:
        result = send(plain(server, security="tls", ca_file=server.ca_file))
        assert result.outcome == "sent", result
        assert [m.tls for m in server.messages] == [True]


# ----------------------------------------------------------------------------- files


def test_file_transport_writes_atomically_and_never_clobbers(tmp_path: Path) -> None:
    outbox = tmp_path / "state" / "outbox"
    moment = datetime(2025, 3, 4, 7, 0, tzinfo=UTC)
    transport = FileTransport(outbox, clock=lambda: moment)
    message_id = "<reminder/forskola@mailbot.example.test>"
    first, second = swedish_message(message_id), swedish_message(message_id)
    second.replace_header("Subject", "Ändrad tid")

    result = transport.send(first, envelope_from=SENDER, recipients=[CHAIR])
    assert result.outcome == "sent"
    again = transport.send(first, envelope_from=SENDER, recipients=[CHAIR])
    assert again.outcome == "sent"  # the very same bytes: recognised, no second file
    other = transport.send(second, envelope_from=SENDER, recipients=[CHAIR])
    assert other.outcome == "sent"

    files = sorted(p.name for p in outbox.iterdir())
    stem = "20250304T070000000000Z-reminder_forskola@mailbot.example.test"
    assert files == [f"{stem}-1.eml", f"{stem}.eml"]  # no .tmp-* left behind
    data = (outbox / f"{stem}.eml").read_bytes()
    assert data.startswith(b"X-Mailbot-Envelope-From: <mailbot@example.test>\r\n")
    assert data.endswith(wire_bytes(first))
    assert (outbox / f"{stem}-1.eml").read_bytes().endswith(wire_bytes(second))
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert parsed["Subject"] == first["Subject"]


def test_file_transport_failure_is_temporary(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    result = FileTransport(blocker / "outbox").send(
        swedish_message(), envelope_from=SENDER, recipients=[CHAIR]
    )
    assert result.outcome == "temporary" and result.affects_all
    assert os.listdir(tmp_path) == ["not-a-directory"]
