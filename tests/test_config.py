"""Configuration: file, environment overrides, secrets never shown, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.config import HandledAction, Security, load_settings
from mailbot.errors import ConfigError


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    import os

    for key in list(os.environ):
        if key.startswith("MAILBOT_"):
            monkeypatch.delenv(key)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mailbot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_the_embedded_maildir() -> None:
    s = load_settings()
    assert not s.imap.enabled
    assert s.state_dir == Path("state") and s.rules_dir == Path("rules")
    assert s.database_url.endswith("state/mailbot.db")


def test_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "mailbot.example.toml"
    s = load_settings(example)
    assert s.imap.handled is HandledAction.MOVE


def test_file_then_env_then_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = write(
        tmp_path,
        '[imap]\nhost = "imap.example.se"\nuser = "u@example.se"\nsecurity = "starttls"\n'
        'folders = ["INBOX", "Protokoll"]\n',
    )
    monkeypatch.setenv("MAILBOT_IMAP__HOST", "other.example.se")
    monkeypatch.setenv("MAILBOT_STATE_DIR", str(tmp_path / "from-env"))
    s = load_settings(cfg)
    assert s.imap.host == "other.example.se"  # env beats file
    assert s.imap.user == "u@example.se"  # the rest of the section stays
    assert s.imap.folders == ["INBOX", "Protokoll"]
    assert s.imap.security is Security.STARTTLS and s.imap.effective_port == 143
    assert s.state_dir == tmp_path / "from-env"
    s = load_settings(cfg, state_dir=tmp_path / "cli")
    assert s.state_dir == tmp_path / "cli"  # CLI beats env


def test_config_found_in_cwd_and_by_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, 'log_level = "DEBUG"\n')
    assert load_settings().log_level == "DEBUG"
    other = tmp_path / "other.toml"
    other.write_text('log_level = "WARNING"\n')
    monkeypatch.setenv("MAILBOT_CONFIG", str(other))
    assert load_settings().log_level == "WARNING"


def test_secret_from_file_and_never_printed(tmp_path: Path) -> None:
    secret_file = tmp_path / "pw"
    secret_file.write_text("hemligt-lösen\n")
    cfg = write(
        tmp_path,
        f'[imap]\nhost = "h"\nuser = "u"\npassword_file = "{secret_file}"\n',
    )
    s = load_settings(cfg)
    pw = s.imap.resolved_password()
    assert pw is not None and pw.get_secret_value() == "hemligt-lösen"
    assert "hemligt" not in repr(s) and "hemligt" not in s.model_dump_json()


def test_env_password_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAILBOT_IMAP__PASSWORD", "s3cret")
    s = load_settings()
    assert s.imap.password is not None and s.imap.password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(s)


def test_postgres_url_password_masked(tmp_path: Path) -> None:
    cfg = write(tmp_path, '[store]\nurl = "postgresql+psycopg://mb:topsecret@db/mailbot"\n')
    s = load_settings(cfg)
    assert "topsecret" not in s.safe_database_url and "db/mailbot" in s.safe_database_url


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[imap]\nhost = 'h'\n", "imap.user is required"),
        ("[imap]\nsecurity = 'ssl3'\n", "imap.security"),
        ("[imap]\nhots = 'h'\n", "imap.hots"),
        ("[imap\n", "mailbot.toml"),
        ("[limits]\nmax_message_bytes = 1\n", "limits.max_message_bytes"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(ConfigError, match=needle.replace(".", r"\.")):
        load_settings(write(tmp_path, text))


def test_missing_secret_file_is_clear(tmp_path: Path) -> None:
    cfg = write(tmp_path, '[imap]\nhost="h"\nuser="u"\npassword_file="/nonexistent/pw"\n')
    with pytest.raises(ConfigError, match="cannot read IMAP password file"):
        load_settings(cfg).imap.resolved_password()
