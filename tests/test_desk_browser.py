"""The coordinator's desk in a real browser (issue 12).

The scenario year's 53 mails (people invented) plus three of this test's are taken in
with `mailbot ingest`; a user is added with `mailbot user add --password-stdin`;
`mailbot web --today 2025-10-31` serves the desk as the real command on a free port on
127.0.0.1; headless Chromium (Debian's package, driven by Playwright through
`executable_path`) uses it as a coordinator would:

- logs in; applies the two review items the scenario expects a person to confirm (a
  cancelled meeting, a member leaving); the overview then shows every network with
  the state, the counts and the timeline the scenario's expected.json gives for
  2025-10-31, and the participation tables;
- opens Förskola and downloads a protocol; applies an unknown sender's plan with its
  meeting date corrected and sees the network change; reverts it and sees it gone;
  dismisses another item; marks a protocol for publishing and finds it, logged out,
  on the public page and in its Atom feed;
- is refused: any page without login (redirect), a POST without the CSRF token (403),
  the sixth wrong password (rate-limited); a script in a mail's subject, body or file
  name is shown as text and never runs.

Screenshots of the overview, a network page and the review page, at desktop and phone
width, are written to docs/screenshots/.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.support.chromium import chromium_binary
from tests.support.cli import REPO, clean_env, mailbot

SCENARIO = REPO / "tests" / "scenario_year"
SHOTS = REPO / "docs" / "screenshots"
TODAY = "2025-10-31"
USER, PASSWORD = "samordnare", "ett-langt-losenord-42"
TZ = ZoneInfo("Europe/Stockholm")
XSS_SUBJECT = "<script>window.__pwned = 1</script> Protokoll förskolan"
XSS_FILE = '<img src=x onerror="window.__pwned=4">.docx'
PLAN_SUBJECT = "Mötesdatum nätverket Förskola december"
STATUS_WORDS = {"on-track": "I fas", "attention": "Behöver uppmärksamhet", "behind": "Efter"}
BEHIND = {
    "meeting-count-behind",
    "protocol-missing",
    "member-list-missing",
    "meeting-dates-missing",
}


def _mail(sender: str, subject: str, when: str, body: str, html: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.fromisoformat(when).replace(tzinfo=TZ))
    msg["Message-ID"] = f"<desk-{abs(hash(subject))}@example.org>"
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg.as_bytes()


def _extra_mails(folder: Path) -> None:
    folder.mkdir()
    hostile = email.message_from_bytes(
        _mail(
            "Okänd <okand.avsandare@example.org>",
            XSS_SUBJECT,
            "2025-10-20T10:00",
            'Hej! <script>window.__pwned = 2</script> <img src=x onerror="window.__pwned=3">\n',
            html="<p>Hej!</p><script>window.__pwned = 5</script>",
        ),
        _class=EmailMessage,
        policy=email.policy.default,
    )
    hostile.add_attachment(
        b"PK\x03\x04 not really a document",
        maintype="application",
        subtype="octet-stream",
        filename=XSS_FILE,
    )
    (folder / "hostile.eml").write_bytes(hostile.as_bytes())
    (folder / "plan.eml").write_bytes(
        _mail(
            "Kajsa Lööf <kajsa.loof@konsultbolaget.se>",
            PLAN_SUBJECT,
            "2025-10-21T09:00",
            "Hej!\n\nNytt mötesdatum för nätverket Förskola: fredag 5 december 2025 "
            "kl. 9–12 i Stadshuset, Skövde.\n\nKajsa\n",
        )
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("desk")
    state = base / "state"
    _extra_mails(base / "extra")
    res = mailbot("ingest", "--state", state, SCENARIO / "mails", base / "extra", timeout=600)
    assert res.returncode == 0, res.stderr
    added = subprocess.run(
        [sys.executable, "-m", "mailbot", "user", "add", USER, "--password-stdin",
         "--state", str(state)],
        input=PASSWORD + "\n", capture_output=True, text=True, cwd=REPO, env=clean_env(),
        timeout=60,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mailbot", "web", "--today", TODAY, "--port", str(port),
         "--state", str(state)],
        cwd=REPO, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/login", timeout=2) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    out = server.stdout.read() if server.stdout else ""
                    pytest.fail(f"`mailbot web` did not start:\n{out}")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        found = p.chromium.launch(
            executable_path=chromium_binary(),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            yield found
        finally:
            found.close()


@pytest.fixture(scope="module")
def coordinator(browser: Browser, desk: str) -> Iterator[tuple[BrowserContext, Page]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{desk}/")
    assert "/login" in page.url
    page.get_by_label("Användarnamn").fill(USER)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Översikt")).to_be_visible()
    yield context, page
    context.close()


def _expected() -> dict[str, Any]:
    data = json.loads((SCENARIO / "expected.json").read_text(encoding="utf-8"))
    found: dict[str, Any] = next(c for c in data["checkpoints"] if c["today"] == TODAY)
    return found


def _open_review(page: Page, desk: str, subject: str) -> None:
    page.goto(f"{desk}/granska")
    page.get_by_role("link", name=subject).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(subject[:20])


def test_the_desk(desk: str, coordinator: tuple[BrowserContext, Page], browser: Browser) -> None:
    context, page = coordinator
    SHOTS.mkdir(parents=True, exist_ok=True)

    # -- the two items a person confirms (as the scenario does) -----------------------
    for subject in (
        "Inställt: grundskolenätverkets träff 18 september",
        "Ändring i förteckningen – nätverket Anpassad skola",
    ):
        _open_review(page, desk, subject)
        page.get_by_role("button", name="Registrera").click()
        expect(page.get_by_role("status")).to_contain_text("är registrerat")
        expect(page.locator("dl.facts")).to_contain_text("registrerat")

    # -- the overview: states, counts, timeline, participation --------------------------
    page.goto(f"{desk}/")
    expected = _expected()["networks"]
    rows = page.locator("table.networks tbody tr")
    expect(rows).to_have_count(len(expected))
    names = {
        "introduktionsprogrammen": "Introduktionsprogrammen",
        "anpassad-skola": "Anpassad skola",
        "vuxenutbildning": "Vuxenutbildning",
        "grundskola": "Grundskola",
        "forskola": "Förskola",
    }
    for slug, want in expected.items():
        row = rows.filter(has=page.get_by_role("link", name=names[slug], exact=True))
        text = row.inner_text()
        behind = any(f["rule"] in BEHIND for f in want["findings"])
        if behind:
            assert STATUS_WORDS["behind"] in text, (slug, text)
        else:
            assert STATUS_WORDS["behind"] not in text, (slug, text)
        assert f"{want['meetings_held']} hållna av minst {want['meetings_required']}" in text
        assert f"{want['meetings_planned']} planerade" in text
        dots = row.locator("ol.timeline li")
        assert dots.count() == len(want["meetings"]), (slug, text)
        for meeting, dot in zip(want["meetings"], dots.all(), strict=True):
            phase = dot.get_attribute("class") or ""
            wanted = {"held": "held" if meeting["protocol"] else "past"}.get(
                meeting["status"], meeting["status"]
            )
            assert wanted in phase.split(), (slug, meeting, phase)
    participation = page.locator("section.participation-block").filter(
        has=page.get_by_role("link", name="Förskola", exact=True)
    )
    heads = participation.locator("thead th").all_inner_texts()
    held = [m for m in expected["forskola"]["meetings"] if m["protocol"]]
    assert len(heads) == 1 + len(held), heads
    assert participation.locator("tbody tr").count() >= 10
    page.screenshot(path=str(SHOTS / "oversikt.png"), full_page=True)

    # -- a network, and a protocol downloaded ----------------------------------------------
    page.get_by_role("link", name="Förskola", exact=True).first.click()
    expect(page.get_by_role("heading", name="Nätverket Förskola")).to_be_visible()
    expect(page.get_by_role("cell", name="ordförande").first).to_be_visible()
    link = page.locator("a[download]").first
    name = link.inner_text()
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == name
    assert Path(download.path()).read_bytes()[:2] in (b"PK", b"%P")  # docx or pdf
    page.screenshot(path=str(SHOTS / "natverk.png"), full_page=True)

    # -- apply with a corrected date; the network changes; revert --------------------------
    _open_review(page, desk, PLAN_SUBJECT)
    page.screenshot(path=str(SHOTS / "granska.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(SHOTS / "granska-mobil.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Nätverk").select_option("forskola")
    page.get_by_label("Datum", exact=True).first.fill("2025-12-12")
    page.get_by_role("button", name="Registrera").click()
    expect(page.get_by_role("status")).to_contain_text("är registrerat")
    plan_url = page.url
    page.goto(f"{desk}/natverk/forskola")
    meetings = page.locator("h2:text('Träffar') + .legend + .scroll table")
    expect(meetings).to_contain_text("fredag 12 december 2025")
    expect(meetings).not_to_contain_text("5 december")
    page.goto(plan_url)
    page.get_by_label("Orsak").fill("fel avsändare, gäller inte")
    page.get_by_role("button", name="Återställ").click()
    expect(page.get_by_role("status")).to_contain_text("är återställt")
    page.goto(f"{desk}/natverk/forskola")
    expect(meetings).not_to_contain_text("12 december")

    # -- dismiss another ------------------------------------------------------------------
    _open_review(page, desk, "Ny förteckning förskolenätverket")
    page.get_by_label("Orsak").fill("privat adress, vi väntar på listan från kommunen")
    page.get_by_role("button", name="Avvisa").click()
    expect(page.get_by_role("status")).to_contain_text("är avvisat")
    expect(page.get_by_role("link", name="Ny förteckning förskolenätverket")).to_have_count(0)

    # -- a script in a mail is text, never run --------------------------------------------
    response = page.goto(f"{desk}/granska")
    assert response is not None
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    page.locator("a", has_text="Protokoll förskolan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("<script>window.__pwned = 1")
    expect(page.locator("pre.mail").first).to_contain_text("<img src=x onerror=")
    expect(page.get_by_role("link", name=XSS_FILE)).to_be_visible()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script").count() == 0

    # -- publishing: marked on the network page, public without login ---------------------
    page.goto(f"{desk}/natverk/forskola")
    page.get_by_role("button", name="Publicera").first.click()
    expect(page.get_by_role("status")).to_contain_text("Publicerat")
    expect(page.locator(".badge", has_text="publicerad")).to_have_count(1)
    page.set_viewport_size({"width": 375, "height": 800})
    for path, shot in (("/", "oversikt"), ("/natverk/forskola", "natverk")):
        page.goto(f"{desk}{path}")
        page.screenshot(path=str(SHOTS / f"{shot}-mobil.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Logga ut").click()
    expect(page).to_have_url(f"{desk}/login")

    anonymous = browser.new_context(accept_downloads=True)
    public = anonymous.new_page()
    public.goto(f"{desk}/publicerat/forskola")
    rows_public = public.locator("tbody tr")
    expect(rows_public).to_have_count(1)
    with public.expect_download() as caught:
        rows_public.locator("a").last.click()
    assert Path(caught.value.path()).read_bytes()[:2] in (b"PK", b"%P")
    feed = public.request.get(f"{desk}/publicerat/forskola/flode.atom")
    assert feed.status == 200 and "<entry>" in feed.text() and "Förskola" in feed.text()

    # -- refused: pages without login, a POST without CSRF, too many passwords ------------
    for path in ("/", "/natverk/forskola", "/granska", "/utskick", "/mejl/1/fil/0"):
        public.goto(f"{desk}{path}")
        assert "/login" in public.url, path
    page.goto(f"{desk}/login")
    page.get_by_label("Användarnamn").fill(USER)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", name="Översikt")).to_be_visible()
    forged = context.request.post(
        f"{desk}/granska/1/avvisa", form={"reason": "utan csrf"}, max_redirects=0
    )
    assert forged.status == 403
    for attempt in range(6):
        public.goto(f"{desk}/login")
        public.get_by_label("Användarnamn").fill(USER)
        public.get_by_label("Lösenord").fill(f"fel-{attempt}")
        public.get_by_role("button", name="Logga in").click()
    expect(public.get_by_role("alert")).to_contain_text("För många felaktiga försök")
    public.get_by_label("Användarnamn").fill(USER)
    public.get_by_label("Lösenord").fill(PASSWORD)  # the right one, but it must wait
    public.get_by_role("button", name="Logga in").click()
    expect(public.get_by_role("alert")).to_contain_text("För många felaktiga försök")
    anonymous.close()
