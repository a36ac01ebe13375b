"""A reminder accepted at SMTP time but bounced later (a non-delivery report in the
mailbox, as Microsoft 365 does it) becomes `failed` with the report's diagnostic, and
the digest shows it. Through the real CLI on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mailbot.outbox.bounces import bounce_detail
from tests.support.cli import mailbot

SCENARIO = Path(__file__).resolve().parent / "scenario_year" / "mails"
CORPUS = Path(__file__).resolve().parent / "corpus"


def _dsn(message_id: str, recipient: str) -> bytes:
    """A Postfix-style delivery status notification returning our reminder's headers."""
    return f"""Return-Path: <>
From: MAILER-DAEMON@mx1.skaraborg.se (Mail Delivery System)
To: utbildning@skaraborg.se
Subject: Undelivered Mail Returned to Sender
Date: Mon, 13 Jan 2025 10:02:07 +0100
Message-Id: <20250113090207.AB12@mx1.skaraborg.se>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain; charset=us-ascii

Your message could not be delivered to <{recipient}>.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx1.skaraborg.se

Final-Recipient: rfc822; {recipient}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected:
    User unknown in virtual mailbox table

--b1
Content-Type: text/rfc822-headers

From: Utbildning Skaraborg <utbildning@skaraborg.se>
To: {recipient}
Subject: =?utf-8?q?Dags_att_skicka_kallelse?=
Message-ID: {message_id}

--b1--
""".replace("\n", "\r\n").encode()


def _rows(state: Path) -> list[dict[str, Any]]:
    res = mailbot("outbox", "list", "--json", "--state", state)
    assert res.returncode == 0, res.stderr
    rows: list[dict[str, Any]] = json.loads(res.stdout)
    return rows


def test_a_bounced_reminder_is_failed_and_shown_in_the_digest(tmp_path: Path) -> None:
    state = tmp_path / "state"
    mails = [
        SCENARIO / "001-introduktionsprogrammen-forteckning-docx.eml",
        SCENARIO / "002-introduktionsprogrammen-motesplan.eml",
    ]
    assert mailbot("ingest", "--state", state, *mails).returncode == 0
    res = mailbot("tick", "--today", "2025-01-13", "--no-intake", "--state", state)
    assert res.returncode == 0, res.stderr
    reminder = next(r for r in _rows(state) if r["kind"] == "meeting-reminder")
    assert reminder["state"] == "sent"
    shown = mailbot("outbox", "show", str(reminder["id"]), "--json", "--state", state)
    message_id = json.loads(shown.stdout)["message_id"]

    bounces = tmp_path / "bounces"
    bounces.mkdir()
    (bounces / "dsn.eml").write_bytes(_dsn(message_id, reminder["to"][0]))
    # A bounce about someone else's mail changes nothing.
    (bounces / "other.eml").write_bytes((CORPUS / "057-studsat-mailer-daemon-dsn.eml").read_bytes())
    assert mailbot("ingest", "--state", state, bounces).returncode == 0
    before = {r["id"]: r["state"] for r in _rows(state)}
    res = mailbot("tick", "--today", "2025-01-14", "--no-intake", "--state", state)
    assert res.returncode == 0, res.stderr

    after = {r["id"]: r for r in _rows(state)}
    assert after[reminder["id"]]["state"] == "failed"
    assert after[reminder["id"]]["sent"] is None
    for row_id, was in before.items():
        if row_id != reminder["id"]:
            assert after[row_id]["state"] == was  # nothing else touched
    detail = json.loads(
        mailbot("outbox", "show", str(reminder["id"]), "--json", "--state", state).stdout
    )
    assert detail["last_error"].startswith("bounced: 550 5.1.1")
    assert any("non-delivery report" in line for line in detail["history"])
    # The bounce itself is answered by nothing (no receipt, no review notice).
    assert not [r for r in _rows(state) if r["id"] not in before and r["kind"] != "digest"]

    res = mailbot("digest", "--preview", "--today", "2025-01-14", "--state", state)
    assert res.returncode == 0, res.stderr
    text = Path(res.stdout.strip()).with_suffix(".txt").read_text(encoding="utf-8")
    assert reminder["to"][0] in text and "550 5.1.1" in text

    # Ticking again: still failed once, not sent again.
    res = mailbot("tick", "--today", "2025-01-15", "--no-intake", "--state", state)
    assert res.returncode == 0, res.stderr
    assert {r["id"]: r["state"] for r in _rows(state)}[reminder["id"]] == "failed"


def test_bounce_detail_reads_postfix_and_exchange_reports() -> None:
    postfix = (CORPUS / "057-studsat-mailer-daemon-dsn.eml").read_bytes()
    assert bounce_detail(postfix).startswith("550 5.1.10 RESOLVER.ADR.RecipientNotFound")
    assert bounce_detail(b"Status: 5.2.2\r\n") == "status 5.2.2"
    assert "without a diagnostic" in bounce_detail(b"Subject: Undeliverable\r\n")
