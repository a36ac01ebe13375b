"""`mailbot check` logs in to the configured SMTP server (a real aiosmtpd with AUTH)
without sending anything, and fails clearly when the password is wrong."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import clean_env, mailbot
from tests.support.smtp import SmtpServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path_factory.mktemp("smtp"), auth=True) as smtp:
        yield smtp


def _env(server: SmtpServer, password: str) -> dict[str, str]:
    return clean_env(
        MAILBOT_SMTP__HOST=server.host,
        MAILBOT_SMTP__PORT=str(server.port),
        MAILBOT_SMTP__SECURITY="plain",
        MAILBOT_SMTP__USER=server.user,
        MAILBOT_SMTP__PASSWORD=password,
    )


def test_check_logs_in_without_sending(server: SmtpServer, tmp_path: Path) -> None:
    res = mailbot("check", "--state", tmp_path / "state", env=_env(server, server.password))
    assert res.returncode == 0, res.stderr
    assert "smtp:" in res.stderr and "ok" in res.stderr.split("smtp:")[1]
    assert server.messages == []


def test_check_fails_on_a_wrong_password_without_showing_it(
    server: SmtpServer, tmp_path: Path
) -> None:
    res = mailbot("check", "--state", tmp_path / "state", env=_env(server, "fel-lösenord"))
    assert res.returncode == 1
    assert "FAILED" in res.stderr and "535" in res.stderr
    assert "fel-lösenord" not in res.stderr


def test_check_without_smtp_names_the_embedded_default(tmp_path: Path) -> None:
    res = mailbot("check", "--state", tmp_path / "state")
    assert res.returncode == 0, res.stderr
    assert "written as .eml files to" in res.stderr
