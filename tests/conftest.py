"""Shared fixtures: a fresh state folder and app per test, mail builders."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import pytest

from mailbot.app import App
from mailbot.config import Settings, load_settings


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
    return msg.as_bytes()


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
