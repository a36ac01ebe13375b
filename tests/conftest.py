"""Shared fixtures: a fresh state folder and app per test, mail builders."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from mailbot.app import App
from mailbot.config import Settings, load_settings
from tests.support.dovecot import Dovecot


def make_mail(
    subject: str = "Protokoll nätverksträff",
    body: str = "Hej!\n\nHär kommer protokollet.\n\nVänliga hälsningar\nEva Exempel",
    *,
    sender: str = "eva.exempel@vara.se",
    to: str = "utbildning@skaraborg.se",
    msgid: str | None = None,
    date: datetime | None = None,
    extra: dict[str, str] | None = None,
) -> bytes:
    """A small realistic mail (invented people, real municipalities)."""
    msg = EmailMessage()
    msg["From"] = f"Eva Exempel <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2025, 3, 14, 9, 30, tzinfo=UTC))
    msg["Message-ID"] = msgid or make_msgid(domain="vara.se")
    for key, value in (extra or {}).items():
        msg[key] = value
    msg.set_content(body)
    return msg.as_bytes(policy=SMTP)  # CRLF, as mail is on the wire and on IMAP servers


@pytest.fixture
def state_dir(tmp_path: Path) -> Path:
    path = tmp_path / "state"
    path.mkdir()
    return path


@pytest.fixture
def settings(state_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Settings:
    # Isolate from any mailbot.toml or MAILBOT_* of the developer's shell.
    monkeypatch.chdir(tmp_path)
    for key in list(__import__("os").environ):
        if key.startswith("MAILBOT_"):
            monkeypatch.delenv(key)
    return load_settings(None, state_dir=state_dir)


@pytest.fixture
def app(settings: Settings) -> Iterator[App]:
    mailbot = App(settings)
    yield mailbot
    if "engine" in mailbot.__dict__:
        mailbot.engine.dispose()


@pytest.fixture
def dovecot(tmp_path: Path) -> Iterator[Dovecot]:
    """A real Dovecot on 127.0.0.1, private to the test."""
    server = Dovecot(tmp_path / "dovecot")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def dovecot_tls(tmp_path: Path) -> Iterator[Dovecot]:
    server = Dovecot(tmp_path / "dovecot-tls", tls=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def imap_config(
    path: Path, server: Dovecot, *, folders: tuple[str, ...] = ("INBOX",), **imap: object
) -> Path:
    """A mailbot.toml pointing at `server`; the password goes in a file, as in production."""
    secret = path.parent / f"{path.stem}.password"
    secret.write_text(server.password + "\n")
    values: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "security": "plain",
        "user": server.user,
        "password_file": str(secret),
        "folders": list(folders),
        "handled": "move",
        "handled_folder": "mailbot/handled",
        "timeout": 10,
        "idle_renew": 30,
        "poll_interval": 2,
        "max_backoff": 2,
        "login_failure_backoff": 60,
    }
    values.update(imap)
    lines = ["[imap]"]
    for key, value in values.items():
        lines.append(f"{key} = {json.dumps(value)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
