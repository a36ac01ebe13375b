"""The desk's security and its domain, over real HTTP (issue 12).

The desk runs in uvicorn on a free port on 127.0.0.1 (in a thread of this process, so
its clock can be moved: the idle timeout), over a store filled with the scenario year
by `mailbot ingest`; requests go through urllib with a cookie jar, as a browser's
would. The browser itself is tests/test_desk_browser.py.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import uvicorn
from sqlmodel import Session, col, select

from mailbot import desk, users
from mailbot.app import App
from mailbot.config import load_settings
from mailbot.models import AttachmentText, Message, MessageState, Understanding
from mailbot.verdict import Verdict
from mailbot.web.app import create_app
from tests.support.cli import REPO, clean_env, mailbot

SCENARIO = REPO / "tests" / "scenario_year" / "mails"
USER, PASSWORD = "desk.user", "minst-tio-tecken"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    found = tmp_path_factory.mktemp("desk-http") / "state"
    res = mailbot("ingest", "--state", found, SCENARIO, timeout=600)
    assert res.returncode == 0, res.stderr
    return found


@pytest.fixture(scope="module")
def app(state: Path) -> App:
    found = App(load_settings(None, state_dir=state, rules_dir=REPO / "rules"))
    if not users.exists(found.engine, USER):
        users.add_user(found.engine, USER, PASSWORD)
    return found


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def url(app: App, clock: Clock) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(app, clock=clock, day=date(2025, 11, 20)),
        host="127.0.0.1",
        port=port,
        log_config=None,
        access_log=False,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the desk did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """A cookie jar and urllib: what a browser sends, without following redirects."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(
        self, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.url + path, data=data, timeout=20) as answer:
                return answer.status, dict(answer.headers.items()), answer.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers.items()), exc.read()

    def csrf(self, path: str = "/login") -> str:
        status, _, body = self.request(path)
        assert status == 200, (path, status)
        found = re.search(rb'name="csrf" value="([^"]+)"', body)
        assert found is not None
        return found.group(1).decode()

    def login(self, name: str = USER, password: str = PASSWORD) -> int:
        token = self.csrf()
        return self.request("/login?next=/", {"csrf": token, "name": name, "password": password})[0]


def test_users_are_argon2_hashed_and_checked(app: App) -> None:
    with pytest.raises(users.UserError, match="at least"):
        users.add_user(app.engine, "kort", "kort")
    with pytest.raises(users.UserError, match="user name"):
        users.add_user(app.engine, "två ord", "ett-langt-losenord")
    with pytest.raises(users.UserError, match="already exists"):
        users.add_user(app.engine, USER, "ett-annat-losenord")
    from mailbot.models import DeskUser

    with Session(app.engine) as session:
        row = session.exec(select(DeskUser).where(DeskUser.name == USER)).one()
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert users.check_password(app.engine, USER, PASSWORD)
    assert not users.check_password(app.engine, USER, PASSWORD + "x")
    assert not users.check_password(app.engine, "ingen", PASSWORD)


def test_login_throttle_counts_per_key_within_the_window() -> None:
    now = [1000.0]
    throttle = users.LoginThrottle(3, 60, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait_s("user:a", "ip:1") == 0
        throttle.failed("user:a", "ip:1")
    assert throttle.wait_s("user:a") == pytest.approx(60)
    assert throttle.wait_s("ip:1") > 0 and throttle.wait_s("user:b", "ip:2") == 0
    now[0] += 61
    assert throttle.wait_s("user:a", "ip:1") == 0


def test_pages_need_a_login_and_posts_a_csrf_token(url: str) -> None:
    anonymous = Browser(url)
    for path in ("/", "/natverk/forskola", "/granska", "/granska/1", "/utskick", "/mejl/1/fil/0"):
        status, headers, _ = anonymous.request(path)
        assert status == 303 and headers["location"].startswith("/login"), path
    status, _, _ = anonymous.request("/granska/1/avvisa", {"reason": "x"})
    assert status == 303  # not even told whether the token was right
    person = Browser(url)
    assert person.login() == 303
    status, _, body = person.request("/granska/1/avvisa", {"reason": "utan token"})
    assert status == 403 and "säkerhetskod" in body.decode()
    status, _, _ = person.request("/logga-ut", {"csrf": "fel"})
    assert status == 403
    status, _, _ = person.request("/")
    assert status == 200  # still logged in: the forged logout did nothing


def test_session_cookie_and_security_headers(url: str) -> None:
    person = Browser(url)
    token = person.csrf()
    status, headers, _ = person.request(
        "/login?next=/", {"csrf": token, "name": USER, "password": PASSWORD}
    )
    assert status == 303
    cookie = headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    status, headers, _ = person.request("/")
    assert status == 200
    assert "script-src" not in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"


def test_a_session_ends_after_the_idle_time(url: str, clock: Clock) -> None:
    person = Browser(url)
    assert person.login() == 303
    assert person.request("/")[0] == 200
    clock.now += 7.5 * 3600  # within 8 hours: goes on, and counts from now
    assert person.request("/")[0] == 200
    clock.now += 8 * 3600 + 5
    status, headers, _ = person.request("/")
    assert status == 303 and headers["location"].startswith("/login")


def test_a_removed_user_is_logged_out(url: str, app: App) -> None:
    users.add_user(app.engine, "tillfallig", "ett-langt-losenord")
    person = Browser(url)
    assert person.login("tillfallig", "ett-langt-losenord") == 303
    assert person.request("/")[0] == 200
    users.remove_user(app.engine, "tillfallig")
    assert person.request("/")[0] == 303


def test_wrong_password_and_rate_limit(app: App, clock: Clock) -> None:
    # Its own desk (the throttle is per desk), so other tests keep their logins.
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(app, clock=clock), host="127.0.0.1", port=port, log_config=None,
            access_log=False, lifespan="off",
        )
    )  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        person = Browser(f"http://127.0.0.1:{port}")
        statuses = [person.login(USER, f"fel-{i}") for i in range(5)]
        assert statuses == [401] * 5
        assert person.login(USER, PASSWORD) == 429  # the right password waits too
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _protocol_file(app: App, network: str) -> tuple[int, int, str]:
    with Session(app.engine) as session:
        rows = session.exec(
            select(Message, Understanding, AttachmentText)
            .join(Understanding, col(Understanding.message_pk) == col(Message.id))
            .join(AttachmentText, col(AttachmentText.message_pk) == col(Message.id))
            .where(Understanding.network == network)
            .where(Message.state == MessageState.APPLIED.value)
            .where(col(AttachmentText.kind).is_not(None))
        ).all()
    for message, understanding, file in rows:
        if Verdict.load(understanding.result_json).protocol is not None:
            return message.id or 0, file.position, file.filename or ""
    raise AssertionError(f"no protocol file for {network}")


def test_downloads_are_attachments_and_publishing_follows_the_rules(url: str, app: App) -> None:
    person = Browser(url)
    assert person.login() == 303
    message, position, name = _protocol_file(app, "forskola")
    status, headers, body = person.request(f"/mejl/{message}/fil/{position}")
    assert status == 200 and body[:2] in (b"PK", b"%P")
    assert headers["content-disposition"].startswith("attachment;")
    assert urllib.parse.quote(name) in headers["content-disposition"]
    # Not public until marked.
    anonymous = Browser(url)
    public_path = f"/publicerat/fil/{message}/{position}/x"
    assert anonymous.request(public_path)[0] == 404
    token = person.csrf("/natverk/forskola")
    status, headers, _ = person.request(
        f"/mejl/{message}/fil/{position}/publicera", {"csrf": token, "back": "/natverk/forskola"}
    )
    assert status == 303 and headers["location"] == "/natverk/forskola"
    status, headers, body = anonymous.request(public_path)
    assert status == 200 and headers["content-disposition"].startswith("attachment;")
    status, _, feed = anonymous.request("/publicerat/forskola/flode.atom")
    root = ET.fromstring(feed)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = root.findall(f"{atom}entry")
    assert status == 200 and len(entries) == 1
    assert (
        entries[0]
        .find(f"{atom}link")
        .get("href", "")
        .endswith(  # type: ignore[union-attr]
            urllib.parse.quote(desk.published(app.engine, "forskola")[0].filename)
        )
    )
    # Withdrawn: gone from the public page.
    status, _, _ = person.request(
        f"/mejl/{message}/fil/{position}/publicera",
        {"csrf": token, "withdraw": "1", "back": "/"},
    )
    assert status == 303 and anonymous.request(public_path)[0] == 404
    # A network whose mission does not ask for it cannot publish.
    g_message, g_position, _ = _protocol_file(app, "grundskola")
    with pytest.raises(desk.DeskError, match="does not publish"):
        desk.publish(app, g_message, g_position, "test")
    person.request(f"/mejl/{g_message}/fil/{g_position}/publicera", {"csrf": token})
    assert anonymous.request(f"/publicerat/fil/{g_message}/{g_position}/x")[0] == 404


def test_html_in_a_mail_is_never_a_page(url: str, app: App, state: Path, tmp_path: Path) -> None:
    raw = (
        b"From: Okand <okand@example.org>\r\nTo: utbildning@skaraborg.se\r\n"
        b"Subject: =?utf-8?q?<b>fet</b>?=\r\nDate: Mon, 10 Nov 2025 10:00:00 +0100\r\n"
        b"Message-ID: <html-only@example.org>\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<p>Hej</p><script>alert(1)</script><iframe src='http://evil.example'></iframe>\r\n"
        b"--b\r\nContent-Type: text/html\r\n"
        b'Content-Disposition: attachment; filename="sida.html"\r\n\r\n'
        b"<script>alert(2)</script>\r\n--b--\r\n"
    )
    (tmp_path / "html.eml").write_bytes(raw)
    assert mailbot("ingest", "--state", state, tmp_path / "html.eml").returncode == 0
    with Session(app.engine) as session:
        found = session.exec(
            select(Message).where(Message.message_id == "<html-only@example.org>")
        ).one()
    person = Browser(url)
    assert person.login() == 303
    status, _, body = person.request(f"/granska/{found.id}")
    page = body.decode()
    assert status == 200
    assert "<script>" not in page and "<iframe" not in page and "&lt;b&gt;fet&lt;/b&gt;" in page
    status, headers, data = person.request(f"/mejl/{found.id}/fil/0")
    assert status == 200 and data.startswith(b"<script>")
    assert headers["content-type"] == "application/octet-stream"  # saved, never shown
    assert headers["content-disposition"].startswith('attachment; filename="sida.html"')


def test_user_commands(state: Path) -> None:
    added = subprocess.run(
        [sys.executable, "-m", "mailbot", "user", "add", "cli.user", "--password-stdin",
         "--state", str(state)],
        input="ett-langt-losenord\n", capture_output=True, text=True, env=clean_env(),
        cwd=REPO, timeout=60,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    again = subprocess.run(
        [sys.executable, "-m", "mailbot", "user", "add", "cli.user", "--password-stdin",
         "--state", str(state)],
        input="ett-langt-losenord\n", capture_output=True, text=True, env=clean_env(),
        cwd=REPO, timeout=60,
    )  # fmt: skip
    assert again.returncode == 1 and "already exists" in again.stderr
    listed = mailbot("user", "list", "--json", "--state", state)
    assert "cli.user" in [u["name"] for u in json.loads(listed.stdout)]
    assert "ett-langt" not in listed.stdout
    assert mailbot("user", "remove", "cli.user", "--state", state).returncode == 0
    assert mailbot("user", "remove", "cli.user", "--state", state).returncode == 1


def test_the_daemon_serves_the_desk_when_enabled(tmp_path: Path) -> None:
    port = _free_port()
    config = tmp_path / "mailbot.toml"
    config.write_text(f"[web]\nenabled = true\nport = {port}\n", encoding="utf-8")
    daemon = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "run", "--config", str(config),
         "--state", str(tmp_path / "state")],
        cwd=REPO, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as r:
                    assert r.status == 200 and "Logga in" in r.read().decode()
                    break
            except OSError:
                assert daemon.poll() is None and time.monotonic() < deadline, (
                    daemon.stdout.read() if daemon.stdout else ""
                )
                time.sleep(0.2)
    finally:
        daemon.send_signal(signal.SIGTERM)
        code = daemon.wait(timeout=60)
    assert code == 0
