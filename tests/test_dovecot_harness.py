"""The Dovecot harness in tests/support/dovecot.py gives tests a real, well-behaved server.

These tests pin down both the harness (start/stop/restart/kill really happen, nothing is left
running) and the Dovecot behaviour the mailbot's IMAP tests rely on (byte-exact storage, IDLE
latency, UIDVALIDITY on recreate, TLS with the generated CA).
"""

from __future__ import annotations

import hashlib
import os
import socket
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, LoginError

from tests.support.dovecot import Dovecot, find_dovecot

pytestmark = [
    pytest.mark.imap,
    pytest.mark.timeout(60),
    pytest.mark.skipif(
        find_dovecot() is None and not os.environ.get("MAILBOT_REQUIRE_DOVECOT"),
        reason="Dovecot is not installed (run scripts/ensure-dovecot); "
        "set MAILBOT_REQUIRE_DOVECOT=1 to fail instead of skipping",
    ),
]

MESSAGE = (
    b"From: Alice <alice@example.test>\r\n"
    b"To: Network <natverk@example.test>\r\n"
    b"Subject: =?utf-8?q?M=C3=B6te?=\r\n"
    b"Message-ID: <harness-1@example.test>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"R\xc3\xa4ksm\xc3\xb6rg\xc3\xa5s, trailing spaces   \r\n"
    b"\tTab-indented line with a lone \xff byte\r\n"
    b".\r\n"
    b"From the start of a line\r\n"
)


def _stop(server: Dovecot) -> None:
    """Teardown that never leaves a Dovecot behind, and shows its log if the test failed."""
    try:
        server.stop()
    except BaseException:
        server.kill()
        raise
    finally:
        # pytest only displays captured teardown output for failing tests.
        print(f"--- {server.log_file} (tail) ---\n{server.log()[-4000:]}")


def _processes_of(server: Dovecot) -> list[int]:
    """Pids whose command line names this instance (master: config path, children: title)."""
    markers = (str(server.config_file).encode(), f"mailbot-test-{server.port}/".encode())
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            continue
        if state != "Z" and any(marker in cmdline for marker in markers):
            found.append(int(entry.name))
    return found


def _accepts_connections(port: int) -> bool:
    try:
        socket.create_connection((Dovecot.host, port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def dovecot(tmp_path: Path) -> Iterator[Dovecot]:
    server = Dovecot(tmp_path / "dovecot")
    server.start()
    try:
        yield server
    finally:
        _stop(server)


def test_append_and_fetch_round_trip_exact_bytes(dovecot: Dovecot) -> None:
    uid = dovecot.append("INBOX", MESSAGE, flags=[b"\\Seen"])

    assert uid == 1
    assert dovecot.uids("INBOX") == [1]
    assert dovecot.count("INBOX") == 1
    assert dovecot.fetch_raw("INBOX", 1) == MESSAGE
    with dovecot.client("INBOX", readonly=True) as imap:
        # \Recent is Dovecot's doing: this is the first session to see the message.
        assert set(imap.get_flags([1])[1]) == {b"\\Seen", b"\\Recent"}


def test_bare_lf_comes_back_as_crlf(dovecot: Dovecot) -> None:
    """Dovecot normalises line endings on FETCH: only CRLF messages round-trip exactly."""
    uid = dovecot.append("INBOX", b"Subject: lf\n\nline\n")

    assert uid is not None
    assert dovecot.fetch_raw("INBOX", uid) == b"Subject: lf\r\n\r\nline\r\n"


def test_second_user_has_own_mailbox_and_bad_password_fails_fast(dovecot: Dovecot) -> None:
    dovecot.append("INBOX", MESSAGE)
    with dovecot.client(user=dovecot.other_user) as other:
        assert other.select_folder("INBOX")[b"EXISTS"] == 0

    # No escalating per-IP auth penalty: repeated failures stay ~0.5 s and a good login
    # right afterwards is instant.
    for _ in range(3):
        started = time.monotonic()
        with pytest.raises(LoginError):
            dovecot.client(password="wrong")
        assert time.monotonic() - started < 2
    started = time.monotonic()
    with dovecot.client() as imap:
        assert imap.select_folder("INBOX")[b"EXISTS"] == 1
    assert time.monotonic() - started < 1


def test_idle_reports_append_from_other_connection_within_two_seconds(dovecot: Dovecot) -> None:
    """Typically ~0.5 s: Dovecot batches inotify events for 500 ms before notifying."""
    with dovecot.client("INBOX") as watcher:
        watcher.idle()
        try:
            appended_at = time.monotonic()
            dovecot.append("INBOX", MESSAGE)
            responses: list[object] = []
            while (1, b"EXISTS") not in responses and time.monotonic() - appended_at < 2:
                responses += watcher.idle_check(timeout=0.2)
            latency = time.monotonic() - appended_at
        finally:
            watcher.idle_done()

    assert (1, b"EXISTS") in responses, responses
    assert latency < 2


def test_restart_keeps_mail_port_and_uidvalidity(dovecot: Dovecot) -> None:
    first = dovecot.append("INBOX", MESSAGE)
    port, uidvalidity = dovecot.port, dovecot.uidvalidity("INBOX")
    held = dovecot.client("INBOX")

    dovecot.restart()

    assert dovecot.is_running
    assert dovecot.port == port
    # The old session was shut down by the server (BYE + close), not left dangling.
    with pytest.raises((IMAPClientAbortError, OSError)):
        held.noop()
    held.shutdown()
    assert dovecot.uidvalidity("INBOX") == uidvalidity
    assert dovecot.uids("INBOX") == [first]
    assert dovecot.fetch_raw("INBOX", 1) == MESSAGE
    assert dovecot.append("INBOX", MESSAGE) == 2


def test_stop_and_kill_leave_no_process_or_port_behind(dovecot: Dovecot) -> None:
    dovecot.append("INBOX", MESSAGE)
    assert _processes_of(dovecot)

    dovecot.kill()

    assert not dovecot.is_running
    assert not _accepts_connections(dovecot.port)
    assert _processes_of(dovecot) == []

    dovecot.start()  # recovers from the crash, same port, mail intact
    assert dovecot.uids("INBOX") == [1]

    dovecot.stop()

    assert not dovecot.is_running
    assert not _accepts_connections(dovecot.port)
    assert _processes_of(dovecot) == []
    dovecot.stop()  # idempotent


def test_recreated_folder_gets_new_uidvalidity_even_within_a_second(dovecot: Dovecot) -> None:
    dovecot.create_folder("Processed/2024")
    assert dovecot.append("Processed/2024", MESSAGE) == 1
    seen = [dovecot.uidvalidity("Processed/2024")]

    for _ in range(3):
        dovecot.delete_folder("Processed/2024")
        dovecot.create_folder("Processed/2024")
        seen.append(dovecot.uidvalidity("Processed/2024"))
        # UIDs start over, so only UIDVALIDITY tells a client its cached UID 1 is stale.
        assert dovecot.append("Processed/2024", MESSAGE) == 1

    assert seen == sorted(set(seen)), seen


def test_30_mb_message_round_trips_intact(dovecot: Dovecot) -> None:
    size = 30 * 1024 * 1024
    line = b"x" * 76 + b"\r\n"
    body = os.urandom(size // 2).hex().encode()  # 30 MiB of random text
    body = b"".join(body[i : i + 76] + b"\r\n" for i in range(0, len(body), 76))
    raw = MESSAGE.replace(b"Subject:", b"X-Big: yes\r\nSubject:", 1) + line + body
    assert len(raw) > size

    uid = dovecot.append("INBOX", raw)
    assert uid is not None
    fetched = dovecot.fetch_raw("INBOX", uid)

    assert len(fetched) == len(raw)
    assert hashlib.sha256(fetched).hexdigest() == hashlib.sha256(raw).hexdigest()


def test_start_moves_on_when_the_picked_port_was_taken(tmp_path: Path) -> None:
    server = Dovecot(tmp_path / "dovecot")
    squatter = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        squatter.bind((server.host, server.port))
        squatter.listen()
        taken = server.port
        server.start()
        try:
            assert server.port != taken
            with server.client() as imap:
                assert imap.noop()
        finally:
            _stop(server)
    finally:
        squatter.close()


def test_tls_implicit_and_starttls_verify_the_generated_ca(tmp_path: Path) -> None:
    with Dovecot(tmp_path / "dovecot", tls=True) as server:
        try:
            assert server.ca_file is not None and server.ca_file.is_file()
            assert server.tls_port is not None and server.tls_port != server.port
            context = ssl.create_default_context(cafile=str(server.ca_file))
            assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED

            for host in (server.host, "localhost"):  # IP and DNS subjectAltName
                with IMAPClient(
                    host, port=server.tls_port, ssl=True, ssl_context=context, timeout=10
                ) as imap:
                    assert isinstance(imap.socket(), ssl.SSLSocket)
                    imap.login(server.user, server.password)

            with IMAPClient(server.host, port=server.port, ssl=False, timeout=10) as imap:
                assert b"STARTTLS" in imap.capabilities()
                imap.starttls(context)
                assert isinstance(imap.socket(), ssl.SSLSocket)
                imap.login(server.user, server.password)

            # A client that does not trust ca_file must refuse the server.
            with pytest.raises(ssl.SSLCertVerificationError):
                IMAPClient(
                    server.host,
                    port=server.tls_port,
                    ssl=True,
                    ssl_context=ssl.create_default_context(),
                    timeout=10,
                )

            server.restart()  # same certificate, still verifies
            with IMAPClient(
                server.host, port=server.tls_port, ssl=True, ssl_context=context, timeout=10
            ) as imap:
                imap.login(server.user, server.password)
        except BaseException:
            print(server.log()[-4000:])
            raise
    assert not server.is_running
