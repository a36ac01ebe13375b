"""ImapSource in-process against a real Dovecot: handled modes, crash recovery, TLS."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from imapclient import IMAPClient

from mailbot.app import App
from mailbot.config import load_settings
from mailbot.errors import AuthError
from mailbot.sources.imap import Credentials, ImapSource, _groups, connect
from tests.conftest import imap_config, make_mail
from tests.support.dovecot import Dovecot


def source_for(tmp_path: Path, server: Dovecot, **imap: object) -> tuple[App, ImapSource]:
    settings = load_settings(
        imap_config(tmp_path / "mailbot.toml", server, **imap), state_dir=tmp_path / "state"
    )
    app = App(settings)
    creds = app.imap_credentials()
    source = ImapSource(settings.imap, creds, settings.imap.folders[0], app.intake, lambda n: None)
    source.client = connect(settings.imap, creds)
    source._prepare()
    return app, source


def flags(server: Dovecot, folder: str) -> list[tuple[bytes, ...]]:
    with server.client(folder) as imap:
        return [tuple(v[b"FLAGS"]) for v in imap.fetch(imap.search(), ["FLAGS"]).values()]


def test_seen_mode_flags_and_leaves_in_place(tmp_path: Path, dovecot: Dovecot) -> None:
    _app, source = source_for(tmp_path, dovecot, handled="seen")
    for i in range(3):
        dovecot.append("INBOX", make_mail(subject=f"S{i}"))
    assert source.poll_once() == 3
    assert dovecot.count("INBOX") == 3
    assert all(b"\\Seen" in f for f in flags(dovecot, "INBOX"))
    assert source.poll_once() == 0  # the cursor remembers
    source._drop()


def test_leave_mode_touches_nothing(tmp_path: Path, dovecot: Dovecot) -> None:
    app, source = source_for(tmp_path, dovecot, handled="leave")
    dovecot.append("INBOX", make_mail())
    assert source.poll_once() == 1
    assert flags(dovecot, "INBOX") == [()]  # BODY.PEEK[] did not set \Seen
    assert app.intake.pending_actions(source.mailbox, source.uidvalidity or 0) == []
    source._drop()


def test_crash_between_commit_and_move_is_finished_next_poll(
    tmp_path: Path, dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, source = source_for(tmp_path, dovecot, handled="move")
    for i in range(4):
        dovecot.append("INBOX", make_mail(subject=f"C{i}"))

    def crash(uids: list[int]) -> None:
        raise ConnectionError("connection lost before the MOVE")

    monkeypatch.setattr(source, "_handle", crash)
    with pytest.raises(ConnectionError):
        source.poll_once()
    # stored, but still in the INBOX: the move is pending, nothing is lost
    assert len(app.intake.pending_actions(source.mailbox, source.uidvalidity or 0)) == 4
    assert dovecot.count("INBOX") == 4
    monkeypatch.undo()
    assert source.poll_once() == 0  # nothing new, nothing doubled
    assert dovecot.count("INBOX") == 0 and dovecot.count("mailbot/handled") == 4
    assert app.intake.pending_actions(source.mailbox, source.uidvalidity or 0) == []
    source._drop()


def test_polling_without_idle(tmp_path: Path, dovecot: Dovecot) -> None:
    _app, source = source_for(tmp_path, dovecot, idle=False, poll_interval=0.2)
    source.client = None  # run() connects by itself
    stored: list[int] = []
    source.notify = stored.append
    stop = threading.Event()
    thread = threading.Thread(target=source.run, args=(stop,))
    thread.start()
    try:
        dovecot.append("INBOX", make_mail())
        for _ in range(100):
            if stored:
                break
            stop.wait(0.05)
        assert stored == [1]
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_wrong_password_is_an_auth_error(dovecot: Dovecot, tmp_path: Path) -> None:
    settings = load_settings(
        imap_config(tmp_path / "m.toml", dovecot), state_dir=tmp_path / "state"
    )
    with pytest.raises(AuthError, match="refused"):
        connect(settings.imap, Credentials(user=dovecot.user, password="nope"))


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_tls_and_starttls_verify_the_certificate(
    tmp_path: Path, dovecot_tls: Dovecot, security: str
) -> None:
    port = dovecot_tls.tls_port if security == "tls" else dovecot_tls.port
    settings = load_settings(
        imap_config(
            tmp_path / "m.toml",
            dovecot_tls,
            security=security,
            port=port,
            ca_file=str(dovecot_tls.ca_file),
        ),
        state_dir=tmp_path / "state",
    )
    app = App(settings)
    client: IMAPClient = connect(settings.imap, app.imap_credentials())
    try:
        assert client.select_folder("INBOX")
    finally:
        client.logout()
    # without the CA the certificate must be refused
    untrusted = settings.imap.model_copy(update={"ca_file": None})
    with pytest.raises(Exception, match=r"(?i)certificate"):
        connect(untrusted, app.imap_credentials())


def test_fetch_groups_respect_count_and_bytes() -> None:
    sizes = {1: 10, 2: 40_000_000, 3: 10, 4: 10}
    assert _groups([1, 2, 3, 4], sizes, 2) == [[1], [2], [3, 4]]
    assert _groups([1, 3, 4], sizes, 20) == [[1, 3, 4]]


def test_check_command_reports_login_and_folders(tmp_path: Path, dovecot: Dovecot) -> None:
    from tests.support.cli import mailbot

    config = imap_config(tmp_path / "mailbot.toml", dovecot)
    dovecot.append("INBOX", make_mail())
    ok = mailbot("check", "--config", config, "--state", tmp_path / "state")
    assert ok.returncode == 0, ok.stderr
    assert "logged in" in ok.stderr and "INBOX: 1 mails" in ok.stderr
    assert dovecot.password not in ok.stderr + ok.stdout
    (tmp_path / "mailbot.password").write_text("wrong\n")
    bad = mailbot("check", "--config", config, "--state", tmp_path / "state")
    assert bad.returncode == 2 and "refused" in bad.stderr
