"""No secret is ever shown: each kind set to a marker, then every way mailbot speaks.

The IMAP and SMTP passwords, a PostgreSQL URL's password, the OAuth client secret and
the certificate password are each a unique marker. `mailbot config`, `mailbot check`
and `mailbot run -v` run against servers that refuse them (a real Dovecot and a real
aiosmtpd that want other passwords, a PostgreSQL port where nothing listens, an
unreachable token service), with and without `--debug`: the markers must appear
nowhere in what mailbot prints or logs, nor in any file under `state/`.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import REPO, clean_env, mailbot
from tests.support.dovecot import Dovecot
from tests.support.smtp import SmtpServer

IMAP_MARK = "imap-MARK-4c1f9e"
SMTP_MARK = "smtp-MARK-8b2d17"
PG_MARK = "pg-MARK-a63e05"
OAUTH_MARK = "oauth-MARK-0d94c2"
CERT_MARK = "cert-MARK-5e7a31"
WEB_MARK = "web-MARK-77c0b4"
MARKS = (IMAP_MARK, SMTP_MARK, PG_MARK, OAUTH_MARK, CERT_MARK, WEB_MARK)


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


@pytest.fixture(scope="module")
def imap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    server = Dovecot(tmp_path_factory.mktemp("dovecot"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path_factory.mktemp("smtp"), auth=True) as server:
        yield server


def _assert_hidden(*texts: str, state: Path | None = None) -> None:
    for text in texts:
        for mark in MARKS:
            assert mark not in text, (mark, text[-3000:])
    if state is not None and state.exists():
        for path in state.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for mark in MARKS:
                    assert mark.encode() not in data, (mark, path)


def _secret_env(imap: Dovecot, smtp: SmtpServer, store_url: str | None = None) -> dict[str, str]:
    env = {
        "MAILBOT_IMAP__HOST": imap.host,
        "MAILBOT_IMAP__PORT": str(imap.port),
        "MAILBOT_IMAP__SECURITY": "plain",
        "MAILBOT_IMAP__USER": imap.user,
        "MAILBOT_IMAP__PASSWORD": IMAP_MARK,
        "MAILBOT_IMAP__TIMEOUT": "5",
        "MAILBOT_SMTP__HOST": smtp.host,
        "MAILBOT_SMTP__PORT": str(smtp.port),
        "MAILBOT_SMTP__SECURITY": "plain",
        "MAILBOT_SMTP__USER": smtp.user,
        "MAILBOT_SMTP__PASSWORD": SMTP_MARK,
        "MAILBOT_SMTP__TIMEOUT": "5",
        "MAILBOT_OAUTH2__CLIENT_SECRET": OAUTH_MARK,
        "MAILBOT_OAUTH2__CERTIFICATE_PASSWORD": CERT_MARK,
        "MAILBOT_WEB__SECRET": WEB_MARK,
    }
    if store_url:
        env["MAILBOT_STORE__URL"] = store_url
    return clean_env(**env)


def test_config_masks_every_secret_from_the_environment_and_the_file(
    tmp_path: Path, imap: Dovecot, smtp: SmtpServer
) -> None:
    url = f"postgresql+psycopg://mailbot:{PG_MARK}@127.0.0.1:{_closed_port()}/mailbot"
    res = mailbot("config", "--state", tmp_path / "state", env=_secret_env(imap, smtp, url))
    assert res.returncode == 0, res.stderr
    _assert_hidden(res.stdout, res.stderr)
    shown = json.loads(res.stdout)
    assert shown["imap"]["password"] == "**********"
    assert shown["web"]["secret"] == "**********"
    assert shown["store"]["url"].startswith("postgresql+psycopg://mailbot:***@127.0.0.1")

    config = tmp_path / "mailbot.toml"
    config.write_text(
        f'[store]\nurl = "{url}"\n[smtp]\nhost = "127.0.0.1"\npassword = "{SMTP_MARK}"\n'
        f'[oauth2]\nclient_secret = "{OAUTH_MARK}"\n',
        encoding="utf-8",
    )
    res = mailbot("config", "--config", config, "--state", tmp_path / "state")
    assert res.returncode == 0, res.stderr
    _assert_hidden(res.stdout, res.stderr)


def test_check_against_refusing_servers_shows_no_secret(
    tmp_path: Path, imap: Dovecot, smtp: SmtpServer
) -> None:
    state = tmp_path / "state"
    for extra in ([], ["--debug"]):
        res = mailbot(*extra, "check", "--state", state, "-v", env=_secret_env(imap, smtp))
        assert res.returncode != 0
        assert "FAILED" in res.stderr  # the refusal is reported
        _assert_hidden(res.stdout, res.stderr, state=state)


def test_a_failing_postgresql_url_shows_no_password(
    tmp_path: Path, imap: Dovecot, smtp: SmtpServer
) -> None:
    state = tmp_path / "state"
    port = _closed_port()
    for url in (
        f"postgresql+psycopg://mailbot:{PG_MARK}@127.0.0.1:{port}/mailbot",
        f"postgresql+psycopg://mailbot:{PG_MARK}@127.0.0.1:notaport/mailbot",  # unparsable
    ):
        env = _secret_env(imap, smtp, url)
        for args in (["check", "-v"], ["--debug", "status"], ["messages"]):
            res = mailbot(*args, "--state", state, env=env)
            assert res.returncode != 0, (args, res.stdout)
            assert "error" in res.stderr.lower()
            _assert_hidden(res.stdout, res.stderr, state=state)


def test_oauth_secrets_stay_hidden_when_the_token_service_is_unreachable(
    tmp_path: Path, imap: Dovecot, smtp: SmtpServer
) -> None:
    state = tmp_path / "state"
    env = _secret_env(imap, smtp)
    env.update(
        MAILBOT_IMAP__AUTH="oauth2-m365",
        MAILBOT_OAUTH2__TENANT="kommun.onmicrosoft.com",
        MAILBOT_OAUTH2__CLIENT_ID="00000000-0000-0000-0000-000000000001",
        MAILBOT_OAUTH2__AUTHORITY_HOST=f"https://127.0.0.1:{_closed_port()}",
    )
    res = mailbot("--debug", "check", "-v", "--state", state, env=env)
    assert res.returncode != 0
    _assert_hidden(res.stdout, res.stderr, state=state)


def test_the_daemon_logs_no_secret_while_its_logins_are_refused(
    tmp_path: Path, imap: Dovecot, smtp: SmtpServer
) -> None:
    state = tmp_path / "state"
    env = _secret_env(imap, smtp)
    env["MAILBOT_IMAP__LOGIN_FAILURE_BACKOFF"] = "1"
    log = tmp_path / "daemon.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mailbot", "run", "-v", "--state", str(state)],
            cwd=REPO,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            # Until IMAP has refused the login twice (the protocol lines logged, -v) and
            # the digest it planned at start has met the refusing SMTP server.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                text = log.read_text(errors="replace")
                if text.count("AUTHENTICATIONFAILED") >= 2 and "smtp" in text.lower():
                    break
                time.sleep(0.3)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    text = log.read_text(errors="replace")
    assert text.count("AUTHENTICATIONFAILED") >= 2, text[-3000:]
    assert "LOGIN" in text  # the protocol lines are there, the password is not
    _assert_hidden(text, state=state)
