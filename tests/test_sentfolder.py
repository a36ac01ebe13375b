"""SentFolder against a real Dovecot: filing sent mail, finding it by Message-ID, reconnects."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from mailbot.config import ImapConfig, Security
from mailbot.errors import AuthError, SourceError
from mailbot.outbox.sentfolder import SentFolder
from mailbot.sources.imap import Credentials
from tests.conftest import make_mail
from tests.support.dovecot import Dovecot


def sent_folder(
    server: Dovecot, folder: str = "Sent", *, password: str | None = None
) -> SentFolder:
    cfg = ImapConfig(
        host=server.host, port=server.port, security=Security.PLAIN, user=server.user, timeout=10
    )
    creds = Credentials(
        user=server.user, password=server.password if password is None else password
    )
    return SentFolder(cfg, creds, folder)


def fetch(server: Dovecot, folder: str, items: list[str]) -> list[dict[bytes, Any]]:
    with server.client(folder, readonly=True) as imap:
        imap.normalise_times = False
        response = imap.fetch(imap.search(["ALL"]), items)
        return [response[uid] for uid in sorted(response)]


def test_append_then_contains(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<notice-1@mailbot.skaraborg.se>"))
        assert sent.contains("<notice-1@mailbot.skaraborg.se>")
        assert sent.contains("notice-1@mailbot.skaraborg.se")  # without <>
        assert sent.contains(" <notice-1@mailbot.skaraborg.se>\r\n")
        assert not sent.contains("<notice-2@mailbot.skaraborg.se>")
    assert dovecot.count("Sent") == 1


def test_substrings_and_other_case_do_not_match(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<aa@vara.se>"))
        sent.append(make_mail(msgid="<xa@vara.se.example>"))
        # SEARCH HEADER finds both as substring matches; the exact comparison rejects them.
        assert not sent.contains("<a@vara.se>")
        assert not sent.contains("a@vara.se")
        assert not sent.contains("<AA@vara.se>")
        sent.append(make_mail(msgid="<a@vara.se>"))
        assert sent.contains("<a@vara.se>")


@pytest.mark.parametrize(
    "odd", ['<20250314.(x)%*"q u"{3}]@vara.se>', '<"q\\u"@vara.se>', "<räksmörgås@vara.se>"]
)
def test_odd_characters_in_message_id(dovecot: Dovecot, odd: str) -> None:
    # IMAP atom specials, quotes, a backslash, non-ASCII (RFC 6532): raw bytes, because
    # the email package would rewrite some of these.
    raw = b"From: a@vara.se\r\nMessage-ID: " + odd.encode() + b"\r\n\r\nbody\r\n"
    with sent_folder(dovecot) as sent:
        sent.append(raw)
        assert sent.contains(odd)
        assert not sent.contains(odd.replace("@", "x@"))


def test_folded_message_id_header_is_found(dovecot: Dovecot) -> None:
    raw = b"From: a@vara.se\r\nMessage-ID:\r\n <folded@vara.se>\r\nSubject: x\r\n\r\nbody\r\n"
    with sent_folder(dovecot) as sent:
        sent.append(raw)
        assert sent.contains("<folded@vara.se>")


def test_missing_folder_is_empty_then_created_and_subscribed(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        assert not sent.contains("<x@vara.se>")
        with dovecot.client() as imap:
            assert not imap.folder_exists("Sent")  # looking does not create it
        sent.append(make_mail(msgid="<x@vara.se>"))
        assert sent.contains("<x@vara.se>")
    with dovecot.client() as imap:
        assert imap.folder_exists("Sent")
        assert any(name == "Sent" for _flags, _delim, name in imap.list_sub_folders())


@pytest.mark.parametrize("folder", ["Sent Items", "Skickade objekt/mailbot", "Éléments envoyés"])
def test_folder_names_with_spaces_hierarchy_and_accents(dovecot: Dovecot, folder: str) -> None:
    with sent_folder(dovecot, folder) as sent:
        assert not sent.contains("<s@vara.se>")
        sent.append(make_mail(msgid="<s@vara.se>"))
        assert sent.contains("<s@vara.se>")
    assert dovecot.count(folder) == 1


def test_existing_folder_is_used_as_is(dovecot: Dovecot) -> None:
    dovecot.create_folder("Sent Items")
    dovecot.append("Sent Items", make_mail(msgid="<old@vara.se>"))
    with sent_folder(dovecot, "Sent Items") as sent:
        assert sent.contains("<old@vara.se>")
        sent.append(make_mail(msgid="<new@vara.se>"))
    assert dovecot.count("Sent Items") == 2


def test_appended_copy_is_byte_identical_seen_and_dated(dovecot: Dovecot) -> None:
    raw = make_mail(subject="Påminnelse: protokoll", msgid="<bytes@vara.se>")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    when = datetime(2025, 3, 14, 10, 15, 30, tzinfo=UTC)
    with sent_folder(dovecot) as sent:
        sent.append(raw, when=when)
    [data] = fetch(dovecot, "Sent", ["BODY.PEEK[]", "FLAGS", "INTERNALDATE"])
    assert bytes(data[b"BODY[]"]) == raw
    assert b"\\Seen" in data[b"FLAGS"]
    assert data[b"INTERNALDATE"] == when


def test_bare_lf_mail_is_stored_with_crlf(dovecot: Dovecot) -> None:
    raw = make_mail(msgid="<lf@vara.se>").replace(b"\r\n", b"\n")
    with sent_folder(dovecot) as sent:
        sent.append(raw)
        assert sent.contains("<lf@vara.se>")
    [data] = fetch(dovecot, "Sent", ["BODY.PEEK[]"])
    assert bytes(data[b"BODY[]"]) == raw.replace(b"\n", b"\r\n")


def test_default_internaldate_is_now(dovecot: Dovecot) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    with sent_folder(dovecot) as sent:
        sent.append(make_mail())
    [data] = fetch(dovecot, "Sent", ["INTERNALDATE"])
    assert before <= data[b"INTERNALDATE"] <= datetime.now(UTC)


def test_one_connection_is_reused_and_close_is_quiet(dovecot: Dovecot) -> None:
    sent = sent_folder(dovecot)
    assert sent._client is None  # lazy: nothing happens before the first call
    sent.append(make_mail(msgid="<r1@vara.se>"))
    first = sent._client
    assert first is not None
    assert sent.contains("<r1@vara.se>")
    sent.append(make_mail(msgid="<r2@vara.se>"))
    assert sent._client is first
    sent.close()
    assert sent._client is None
    sent.close()  # twice is fine
    assert sent.contains("<r2@vara.se>")  # usable again after close
    dovecot.kill()
    sent.close()  # logging out of a dead connection raises nothing
    assert sent._client is None


def drop(server: Dovecot, how: str) -> None:
    """stop: clients get "* BYE Server shutting down." then EOF; kill: a bare EOF."""
    server.stop() if how == "stop" else server.kill()
    server.start()


@pytest.mark.parametrize("how", ["stop", "kill"])
def test_dropped_connection_is_replaced_once(
    dovecot: Dovecot, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="mailbot.outbox.sentfolder")
    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<d1@vara.se>"))
        first = sent._client
        drop(dovecot, how)
        assert sent.contains("<d1@vara.se>")
        assert sent._client is not first
        drop(dovecot, how)
        sent.append(make_mail(msgid="<d2@vara.se>"))
        assert sent.contains("<d2@vara.se>")
    assert dovecot.count("Sent") == 2
    assert caplog.text.count("connection lost") == 2  # both calls went through a reconnect


def test_server_down_is_a_source_error_and_recovers(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<u@vara.se>"))
        dovecot.stop()
        with pytest.raises(SourceError, match="cannot connect") as info:
            sent.contains("<u@vara.se>")
        assert not isinstance(info.value, IMAPClientError | OSError)
        with pytest.raises(SourceError):
            sent.append(make_mail())
        dovecot.start()
        assert sent.contains("<u@vara.se>")


def test_lost_answer_to_append_does_not_file_a_second_copy(
    dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server stored the copy, but the connection broke before its OK arrived."""
    real_append = IMAPClient.append
    calls: list[int] = []

    def append_then_drop(self: IMAPClient, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        real_append(self, *args, **kwargs)
        self.shutdown()
        raise IMAPClientAbortError("socket error: EOF")

    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<once@vara.se>"))  # sets up the connection
        monkeypatch.setattr(IMAPClient, "append", append_then_drop)
        sent.append(make_mail(msgid="<twice@vara.se>"))
        assert sent.contains("<twice@vara.se>")
    assert len(calls) == 1  # the retry found the copy and did not APPEND again
    headers = fetch(dovecot, "Sent", ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    assert [bytes(h[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"]) for h in headers] == [
        b"Message-ID: <once@vara.se>\r\n\r\n",
        b"Message-ID: <twice@vara.se>\r\n\r\n",
    ]


def test_append_on_a_stale_connection_is_retried(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<s1@vara.se>"))
        assert sent._client is not None
        sent._client.shutdown()  # the server dropped us while we were idle
        sent.append(make_mail(msgid="<s2@vara.se>"))
        assert sent.contains("<s2@vara.se>")
    assert dovecot.count("Sent") == 2


def test_folder_deleted_by_someone_else_is_created_again(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        sent.append(make_mail(msgid="<k1@vara.se>"))
        dovecot.delete_folder("Sent")
        sent.append(make_mail(msgid="<k2@vara.se>"))
    assert dovecot.count("Sent") == 1


def test_refused_append_is_a_source_error(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent:
        with pytest.raises(SourceError, match="APPEND"):
            sent.append(b"")  # Dovecot refuses an empty message with NO
        sent.append(make_mail(msgid="<after@vara.se>"))  # and the next call works
        assert sent.contains("<after@vara.se>")


def test_wrong_password_is_a_clear_auth_error(dovecot: Dovecot) -> None:
    sent = sent_folder(dovecot, password="wrong")
    with pytest.raises(AuthError, match=r"IMAP login as mailbot@example\.test .* refused") as info:
        sent.append(make_mail())
    assert not isinstance(info.value, IMAPClientError)
    assert "wrong" not in str(info.value)
    with pytest.raises(AuthError):
        sent.contains("<x@vara.se>")
    sent.close()
    with dovecot.client() as imap:
        assert not imap.folder_exists("Sent")


def test_empty_message_id_is_a_programming_error(dovecot: Dovecot) -> None:
    with sent_folder(dovecot) as sent, pytest.raises(ValueError):
        sent.contains("<>")
