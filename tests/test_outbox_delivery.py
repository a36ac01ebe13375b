"""The outbox end to end, against real servers: aiosmtpd over TCP and a private Dovecot.

Input is the scenario year's January mail of Introduktionsprogrammen (member list with
chair Johan Ekström, meeting plan with a first meeting on Thursday 23 January 2025), so
the meeting reminder is due on Monday 13 January (ten days before). Every test has its
own state folder (a copy of one ingest per module) and its own config file; the SMTP
server is shared by the module and reset between tests.

Ticks go through the real `mailbot` command where the operator's view is what is tested
(output, `outbox list/show --json`, `outbox retry`, `digest --preview`, a SIGKILL in the
middle of a send), and through `Ticker` in this process where only timing matters (the
backoff test) or to keep the module fast.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest
from sqlmodel import Session, select

from mailbot.models import Message
from mailbot.outbox.store import DispatchReport
from mailbot.sources.files import ingest_paths
from tests.support.cli import clean_env, mailbot, messages_json
from tests.support.dovecot import Dovecot
from tests.support.outbox import (
    CHAIR,
    INTRO_MAILS,
    MAILBOX,
    MEETING,
    NETWORK,
    OUTBOX_KEYS,
    REMINDER_DAY,
    SECRETARY,
    cli,
    cli_json,
    copy_state,
    drop_in_inbox,
    message_ids,
    open_app,
    parse,
    row_detail,
    rows,
    sent_folder_ids,
    tick,
    write_config,
)
from tests.support.smtp import ReceivedMessage, SmtpServer

DAY = REMINDER_DAY.isoformat()
REMINDER_KEY = f"meeting-reminder:{NETWORK}:{MEETING}@{MEETING}#1:{CHAIR}"


# ----------------------------------------------------------------------------- fixtures


def _drop_mailbot_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # The in-process App must not see a developer's MAILBOT_* (the subprocesses get
    # clean_env() anyway).
    for key in list(os.environ):
        if key.startswith("MAILBOT_"):
            monkeypatch.delenv(key)


@pytest.fixture(autouse=True)
def _no_mailbot_env(monkeypatch: pytest.MonkeyPatch) -> None:
    _drop_mailbot_env(monkeypatch)


@pytest.fixture(scope="module")
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    with SmtpServer(tmp_path_factory.mktemp("smtp")) as server:
        yield server


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> Iterator[SmtpServer]:
    smtp_server.reset()
    yield smtp_server
    smtp_server.reset()


@pytest.fixture(scope="module")
def january(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A state folder with the member list and the meeting plan applied (ingested once)."""
    base = tmp_path_factory.mktemp("january")
    config = write_config(base / "empty.toml", quiet=False)
    state = base / "state"
    with pytest.MonkeyPatch.context() as monkeypatch, open_app(config, state) as app:
        _drop_mailbot_env(monkeypatch)
        # What `mailbot ingest` does, in this process.
        report = ingest_paths(list(INTRO_MAILS), app.intake, exclude=state)
        assert (report.new, report.errors) == (2, [])
        app.pipeline.run_pending()
        with Session(app.engine) as session:
            states = session.exec(select(Message.state)).all()
    assert states == ["applied", "applied"]
    return state


@pytest.fixture
def state(january: Path, tmp_path: Path) -> Path:
    return copy_state(january, tmp_path / "state")


def flat(text: str) -> str:
    """Rich wraps lines to the terminal width; compare text with single spaces."""
    return " ".join(text.split())


def only(items: list[Any]) -> Any:
    assert len(items) == 1, items
    return items[0]


def reminder_row(listed: list[dict[str, Any]]) -> dict[str, Any]:
    row: dict[str, Any] = only([r for r in listed if r["kind"] == "meeting-reminder"])
    return row


# ----------------------------------------------------------------------------- 1. delivery


def test_reminder_reaches_the_chair_over_smtp(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp)
    res = cli("tick", "--today", DAY, "--no-intake", config=config, state=state)
    out = flat(res.stdout)
    assert "1 planned; 1 sent, 0 dry-run, 0 deferred, 0 failed" in out
    assert f"outgoing: SMTP 127.0.0.1:{smtp.port} (plain), from {MAILBOX}" in out

    received = only(smtp.messages)
    assert received.envelope_from == MAILBOX
    assert received.recipients == [CHAIR]

    row = only(cli_json("outbox", "list", config=config, state=state))
    assert set(row) == OUTBOX_KEYS
    assert row == {
        "id": row["id"],
        "kind": "meeting-reminder",
        "network": NETWORK,
        "to": [CHAIR],
        "cc": [],
        "subject": "Dags att skicka kallelse: Introduktionsprogrammen träffas torsdag "
        "23 januari 2025",
        "about": "2025-01-23",
        "key": REMINDER_KEY,
        "state": "sent",
        "message_id": parse(received.data)["Message-ID"],
        "created": DAY,
        "sent": DAY,
    }
    shown = cli_json("outbox", "show", str(row["id"]), config=config, state=state)
    assert shown["attempts"] == 1 and shown["last_error"] is None
    assert row_detail(config, state, row["id"])["mime"] == received.data  # as stored

    message = parse(received.data)
    assert message["Message-ID"] == shown["message_id"]
    assert message["Message-ID"].startswith("<mailbot.")
    assert message["Message-ID"].endswith("@skaraborg.se>")
    assert message["To"].addresses[0].addr_spec == CHAIR
    assert message["To"].addresses[0].display_name == "Johan Ekström"
    assert message["From"].addresses[0].addr_spec == MAILBOX
    assert message["Reply-To"] == MAILBOX
    assert message["Subject"] == row["subject"]
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["X-Auto-Response-Suppress"] == "All"

    assert message.get_content_type() == "multipart/mixed"
    [alternative] = [p for p in message.iter_parts() if p.get_content_maintype() == "multipart"]
    assert isinstance(alternative, EmailMessage)
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert text.get_content_charset() == html.get_content_charset() == "utf-8"
    plain = text.get_content()
    assert "Hej Johan!" in plain
    assert "Nätverket Introduktionsprogrammen har snart en träff" in plain
    assert "torsdag 23 januari 2025 kl. 13.00–16.00" in plain
    assert "Skaraborgs Kommunalförbund, Skövde" in plain
    markup = html.get_content()
    assert "Skaraborgs Kommunalförbund, Skövde" in markup and "Hej Johan!" in markup
    assert "style=" in markup  # CSS inlined for Outlook

    invite = only(
        [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    )
    assert invite.get_param("method") == "REQUEST"
    assert invite.get_filename() == "inbjudan.ics"
    payload = invite.get_payload(decode=True)
    assert isinstance(payload, bytes)
    calendar = icalendar.Calendar.from_ical(payload)
    assert calendar["METHOD"] == "REQUEST"
    event = only(list(calendar.walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Nätverksträff Introduktionsprogrammen"
    assert str(event["LOCATION"]) == "Skaraborgs Kommunalförbund, Skövde"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (start.date(), start.hour, end.hour) == (MEETING, 13, 16)
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert str(event["ATTENDEE"]).lower() == f"mailto:{CHAIR}"
    assert str(event["ORGANIZER"]).lower() == f"mailto:{MAILBOX}"
    assert int(event["SEQUENCE"]) == 0


def test_invitation_declares_its_charset(smtp: SmtpServer, state: Path, tmp_path: Path) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp)
    assert tick(config, state, REMINDER_DAY).dispatch.sent == 1
    message = parse(only(smtp.messages).data)
    invite = only(list(message.iter_attachments()))
    assert invite.get_content_type() == "text/calendar"
    assert invite.get_content_charset() == "utf-8"
    assert "Nätverksträff Introduktionsprogrammen" in invite.get_content()


# ----------------------------------------------------------------------------- 2. idempotent


def test_ticking_the_same_day_twice_sends_nothing_new(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    # Receipts and the digest on: four notices, any of which could be doubled.
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, quiet=False)
    first = tick(config, state, REMINDER_DAY)
    assert (len(first.planned), first.dispatch.sent) == (4, 4)
    before = rows(config, state)
    assert sorted(r["kind"] for r in before) == ["digest", "meeting-reminder", "receipt", "receipt"]
    assert {r["state"] for r in before} == {"sent"}
    sent_before = list(smtp.messages)
    assert len(sent_before) == 4

    second = cli("tick", "--today", DAY, "--no-intake", config=config, state=state)
    assert "0 planned; 0 sent, 0 dry-run, 0 deferred, 0 failed" in flat(second.stdout)
    assert smtp.messages == sent_before
    assert rows(config, state) == before


# ----------------------------------------------------------------------------- 3. 451


def test_greylisting_451_is_deferred_then_delivered_once_after_the_backoff(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, retry_base_seconds=2)
    smtp.fail_next(451, "4.7.1 Greylisted, please try again later")
    first = tick(config, state, REMINDER_DAY)
    assert (first.dispatch.sent, first.dispatch.deferred, first.dispatch.failed) == (0, 1, 0)
    assert first.dispatch.stopped is None  # one mail's problem, not the server's
    assert smtp.messages == []
    row = reminder_row(rows(config, state))
    assert (row["state"], row["sent"]) == ("deferred", None)
    detail = row_detail(config, state, row["id"])
    assert detail["attempts"] == 1
    assert "451" in detail["last_error"] and "Greylisted" in detail["last_error"]
    assert any("deferred (451" in line and "next try in 2 s" in line for line in detail["history"])

    # A tick inside the backoff: nothing planned, nothing attempted.
    early = tick(config, state, REMINDER_DAY)
    due = detail["next_attempt_at"]
    due = due if due.tzinfo else due.replace(tzinfo=UTC)
    inside = datetime.now(UTC) < due
    assert inside, "the machine is too slow for a 2 s backoff"
    assert early.planned == [] and early.dispatch == DispatchReport()
    assert smtp.messages == []
    assert row_detail(config, state, row["id"])["attempts"] == 1

    wait = (due - datetime.now(UTC)).total_seconds()
    time.sleep(max(wait, 0) + 0.05)
    late = tick(config, state, REMINDER_DAY)
    assert late.planned == [] and (late.dispatch.sent, late.dispatch.deferred) == (1, 0)
    assert message_ids(smtp) == [detail["message_id"]]
    done = row_detail(config, state, row["id"])
    assert (done["state"], done["sent"], done["attempts"]) == ("sent", DAY, 2)
    assert done["last_error"] is None

    # Exactly once: nothing more on later ticks.
    tick(config, state, REMINDER_DAY)
    assert len(smtp.messages) == 1


# ----------------------------------------------------------------------------- 4. 550


def test_550_fails_shows_in_the_digest_and_retry_sends_it(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp)
    smtp.fail_next(550, "5.1.1 Mailbox unavailable", at="rcpt")
    res = cli("tick", "--today", DAY, "--no-intake", config=config, state=state)
    assert "1 planned; 0 sent, 0 dry-run, 0 deferred, 1 failed" in flat(res.stdout)
    assert smtp.messages == []
    row = only(rows(config, state))
    assert (row["kind"], row["state"], row["sent"]) == ("meeting-reminder", "failed", None)
    shown = row_detail(config, state, row["id"])
    assert shown["state"] == "failed" and shown["attempts"] == 1
    assert "550" in shown["last_error"] and "5.1.1 Mailbox unavailable" in shown["last_error"]

    preview = tmp_path / "digest.html"
    out = cli("digest", "--preview", "--today", DAY, "-o", preview, config=config, state=state)
    assert Path(out.stdout.strip()) == preview.resolve()
    html = preview.read_text(encoding="utf-8")
    text = preview.with_suffix(".txt").read_text(encoding="utf-8")
    assert "1 utskick misslyckades" in flat(text)
    assert "Utskick som misslyckades" in html and "mailbot outbox retry NR" in html
    for body in (html, text):
        assert CHAIR in body
        assert "5.1.1 Mailbox unavailable" in body
        assert row["subject"] in body
    assert f"#{row['id']}, 13 januari: Påminnelse om träff till {CHAIR}" in flat(text)

    # The coordinator fixes the address book; the server accepts now.
    smtp.reset()
    retried = cli(
        "outbox", "retry", str(row["id"]), "--by", "Koordinatorn", config=config, state=state
    )
    assert f"outbox item {row['id']}: sent" in flat(retried.stdout)
    assert message_ids(smtp) == [shown["message_id"]]
    assert only(smtp.messages).recipients == [CHAIR]
    after = row_detail(config, state, row["id"])
    assert after["state"] == "sent" and after["last_error"] is None
    assert any("retry requested by Koordinatorn (was failed)" in h for h in after["history"])


# ----------------------------------------------------------------------------- 5. dry-run


def test_dry_run_records_without_sending_and_retry_sends_for_real(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp)
    res = cli("tick", "--today", DAY, "--no-intake", "--dry-run", config=config, state=state)
    assert "1 planned; 0 sent, 1 dry-run, 0 deferred, 0 failed" in flat(res.stdout)
    assert smtp.messages == []
    row = only(rows(config, state))
    assert (row["state"], row["key"]) == ("dry-run", REMINDER_KEY)
    shown = row_detail(config, state, row["id"])
    assert shown["attempts"] == 0
    assert b"Hej Johan!" in shown["mime"]  # rendered and recorded
    assert any("dry-run: rendered and recorded, not sent" in h for h in shown["history"])

    # Ticking again (not dry-run) does not send a dry-run row by itself...
    again = tick(config, state, REMINDER_DAY)
    assert again.planned == [] and again.dispatch == DispatchReport()
    assert smtp.messages == []
    # ...`outbox retry` does, with the Message-ID fixed at planning.
    cli("outbox", "retry", str(row["id"]), config=config, state=state)
    received = only(smtp.messages)
    assert received.recipients == [CHAIR]
    assert parse(received.data)["Message-ID"] == shown["message_id"]
    assert rows(config, state)[0]["state"] == "sent"


# ----------------------------------------------------------------------------- 6. cap


def test_per_recipient_daily_cap_moves_the_second_mail_to_the_next_day(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    # Two receipts are due to the secretary (member list, meeting plan) on the same day.
    config = write_config(
        tmp_path / "mailbot.toml", smtp=smtp, quiet=False, per_recipient_daily_cap=1
    )
    res = cli("tick", "--today", DAY, "--no-intake", config=config, state=state)
    assert "4 planned; 3 sent" in flat(res.stdout)
    assert "1 waiting for tomorrow (daily cap)" in flat(res.stdout)
    assert sorted(r for m in smtp.messages for r in m.recipients) == sorted(
        [CHAIR, SECRETARY, MAILBOX]
    )
    receipts = [r for r in rows(config, state) if r["kind"] == "receipt"]
    assert [r["to"] for r in receipts] == [[SECRETARY], [SECRETARY]]
    assert sorted((r["state"], r["sent"]) for r in receipts) == [
        ("pending", None),
        ("sent", DAY),
    ]

    # The same day again: still capped.
    assert tick(config, state, REMINDER_DAY).dispatch.capped == 1
    assert len(smtp.messages) == 3

    nxt = date(2025, 1, 14)
    report = tick(config, state, nxt)
    assert report.planned == [] and (report.dispatch.sent, report.dispatch.capped) == (1, 0)
    receipts = [r for r in rows(config, state) if r["kind"] == "receipt"]
    assert sorted(r["sent"] for r in receipts) == [DAY, nxt.isoformat()]
    to_secretary = [m for m in smtp.messages if m.recipients == [SECRETARY]]
    assert len(to_secretary) == 2
    assert len({parse(m.data)["Message-ID"] for m in to_secretary}) == 2


# ----------------------------------------------------------------------------- 7. Sent folder


def test_sent_mail_is_filed_once_in_the_sent_folder(
    smtp: SmtpServer, dovecot: Dovecot, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, imap=dovecot, sent_folder="Sent")
    report = tick(config, state, REMINDER_DAY)
    assert report.dispatch.sent == 1
    row = reminder_row(rows(config, state))
    detail = row_detail(config, state, row["id"])
    assert detail["copied_to_sent"] is True
    filed = only(sent_folder_ids(dovecot))
    assert filed[0] == detail["message_id"] == only(message_ids(smtp))
    assert b"\\Seen" in filed[1]
    uid = only(dovecot.uids("Sent"))
    assert dovecot.fetch_raw("Sent", uid) == only(smtp.messages).data  # what they got


def test_a_server_that_files_its_own_sent_copy_gets_no_second_one(
    smtp: SmtpServer, dovecot: Dovecot, state: Path, tmp_path: Path
) -> None:
    """Exchange Online keeps a copy of what is sent over SMTP AUTH in Sent Items: mailbot
    finds it by Message-ID and files none of its own (the mail would show twice)."""
    dovecot.create_folder("Sent")

    def exchange_files_it(message: ReceivedMessage) -> None:
        time.sleep(0.5)  # the server files its copy a moment after accepting the mail
        dovecot.append("Sent", message.data, flags=[b"\\Seen"])

    smtp.on_message = exchange_files_it
    config = write_config(
        tmp_path / "mailbot.toml", smtp=smtp, imap=dovecot, sent_folder="Sent",
        sent_folder_grace=5,
    )  # fmt: skip
    report = tick(config, state, REMINDER_DAY)
    assert report.dispatch.sent == 1
    filed = only(sent_folder_ids(dovecot))  # the server's copy, and only that
    assert filed[0] == only(message_ids(smtp))
    row = reminder_row(rows(config, state))
    assert row_detail(config, state, row["id"])["copied_to_sent"] is True


def crash_tick(config: Path, state: Path) -> None:
    """`mailbot tick` killed by SIGKILL between the SMTP answer and the commit."""
    res = mailbot(
        "tick", "--today", DAY, "--no-intake", "--config", config, "--state", state,
        env=clean_env(MAILBOT_TEST_FAULT="kill-after-send"),
    )  # fmt: skip
    assert res.returncode == -signal.SIGKILL, (res.returncode, res.stdout, res.stderr)


def test_crash_after_send_is_resolved_through_the_sent_folder(
    smtp: SmtpServer, dovecot: Dovecot, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, imap=dovecot, sent_folder="Sent")
    crash_tick(config, state)
    received = only(smtp.messages)
    row = reminder_row(rows(config, state))
    assert (row["state"], row["sent"]) == ("sending", None)
    message_id = row_detail(config, state, row["id"])["message_id"]
    assert parse(received.data)["Message-ID"] == message_id
    assert [m for m, _ in sent_folder_ids(dovecot)] == [message_id]  # filed before the kill

    res = cli("tick", "--today", DAY, "--no-intake", config=config, state=state)
    assert "0 planned; 0 sent" in flat(res.stdout)
    detail = row_detail(config, state, row["id"])
    assert (detail["state"], detail["sent"], detail["attempts"]) == ("sent", DAY, 1)
    assert any("found sent after a crash" in h for h in detail["history"])
    assert len(smtp.messages) == 1  # not sent a second time
    assert [m for m, _ in sent_folder_ids(dovecot)] == [message_id]  # nor filed twice


@pytest.mark.parametrize("transport", ["eml-files", "smtp-without-sent-folder"])
def test_crash_after_send_without_a_sent_folder(
    transport: str, smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    """The embedded default can look in its own folder: the .eml written before the kill
    proves the mail went out. Plain SMTP cannot be asked: the row is sent again, with the
    same Message-ID (store.py: "one possible duplicate beats a lost reminder")."""
    files = transport == "eml-files"
    config = write_config(tmp_path / "mailbot.toml", smtp=None if files else smtp)
    outbox_dir = state / "outbox"
    crash_tick(config, state)
    row = reminder_row(rows(config, state))
    assert row["state"] == "sending"
    message_id = row_detail(config, state, row["id"])["message_id"]
    if files:
        written = only(sorted(outbox_dir.glob("*.eml")))
        assert parse(written.read_bytes())["Message-ID"] == message_id
    else:
        assert message_ids(smtp) == [message_id]

    tick(config, state, REMINDER_DAY)  # recover, then send what is due
    detail = row_detail(config, state, row["id"])
    assert detail["state"] == "sent"
    if files:
        assert any("found sent after a crash" in h for h in detail["history"])
        assert only(sorted(outbox_dir.glob("*.eml"))) == written
        assert detail["attempts"] == 1
        assert smtp.messages == []
    else:
        assert any("nothing to check against" in h for h in detail["history"])
        assert message_ids(smtp) == [message_id, message_id]  # the documented duplicate
        assert detail["attempts"] == 2
        assert not outbox_dir.exists() or not list(outbox_dir.glob("*.eml"))


def test_retried_mail_is_filed_in_the_sent_folder(
    smtp: SmtpServer, dovecot: Dovecot, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, imap=dovecot, sent_folder="Sent")
    smtp.fail_next(550, "5.1.1 Mailbox unavailable", at="rcpt")
    assert tick(config, state, REMINDER_DAY).dispatch.failed == 1
    row = reminder_row(rows(config, state))
    cli("outbox", "retry", str(row["id"]), config=config, state=state)
    detail = row_detail(config, state, row["id"])
    assert detail["state"] == "sent" and message_ids(smtp) == [detail["message_id"]]
    assert [m for m, _ in sent_folder_ids(dovecot)] == [detail["message_id"]]


# ----------------------------------------------------------------------------- 8. no loops


AUTO_REPLY_ID = "<AM9PR09MB4711A0113@AM9PR09MB4711.eurprd09.prod.outlook.com>"


def auto_reply(reminder: EmailMessage) -> bytes:
    """The chair's Exchange out-of-office answer to the reminder."""
    reply = EmailMessage()
    reply["From"] = f"Johan Ekström <{CHAIR}>"
    reply["To"] = f"Utbildning Skaraborg <{MAILBOX}>"
    reply["Subject"] = f"Automatiskt svar: {reminder['Subject']}"
    reply["Date"] = "Mon, 13 Jan 2025 10:02:00 +0100"
    reply["Message-ID"] = AUTO_REPLY_ID
    reply["In-Reply-To"] = reminder["Message-ID"]
    reply["References"] = reminder["Message-ID"]
    reply["Auto-Submitted"] = "auto-replied"
    reply["X-Auto-Response-Suppress"] = "All"
    reply.set_content(
        "Hej!\n\nJag är på studiebesök i Göteborg till och med 15 januari och läser inte "
        "min e-post. Vid brådskande ärenden, kontakta Sara Bergkvist, "
        f"{SECRETARY}.\n\nJohan Ekström\n"
    )
    return reply.as_bytes()


def test_auto_replies_and_own_mail_are_answered_by_nothing(
    smtp: SmtpServer, state: Path, tmp_path: Path
) -> None:
    # Receipts on: an answered mail would get one.
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, quiet=False)
    assert tick(config, state, REMINDER_DAY).dispatch.sent == 4
    reminder_bytes = only([m for m in smtp.messages if m.recipients == [CHAIR]]).data
    reminder = parse(reminder_bytes)
    before = rows(config, state)
    sent_before = len(smtp.messages)

    drop_in_inbox(state, "1736758920.autosvar.mx1", auto_reply(reminder))
    # mailbot's own reminder comes back (a Bcc to the mailbox, a Sent copy moved to the
    # inbox): as sent, and without the auto headers (someone forwarded it "as is").
    drop_in_inbox(state, "1736759000.egen-kopia.mx1", reminder_bytes)
    stripped = parse(reminder_bytes)
    del stripped["Auto-Submitted"]
    del stripped["X-Auto-Response-Suppress"]
    del stripped["Message-ID"]
    stripped["Message-ID"] = "<kopia-av-paminnelse@skaraborg.se>"
    drop_in_inbox(state, "1736759100.utan-auto.mx1", stripped.as_bytes())

    res = cli("tick", "--today", DAY, config=config, state=state)  # with intake
    assert "took in 3 new mail" in flat(res.stderr)
    assert "0 planned; 0 sent" in flat(res.stdout)

    by_id = {m["message_id"]: m for m in messages_json(state)}
    answer = by_id[AUTO_REPLY_ID]
    assert (answer["state"], answer["disposition"]) == ("ignored", "ignored")
    assert answer["ignored_reason"] == "auto-reply"
    own = by_id[reminder["Message-ID"]]
    assert (own["state"], own["disposition"]) == ("ignored", "ignored")
    assert own["ignored_reason"] in ("own-mail", "auto-reply")
    forwarded = by_id["<kopia-av-paminnelse@skaraborg.se>"]
    assert (forwarded["state"], forwarded["ignored_reason"]) == ("ignored", "own-mail")

    assert rows(config, state) == before  # no receipt, no review notice, nothing
    assert len(smtp.messages) == sent_before
    # Nor on a later day (receipts are due up to a week after a mail).
    tick(config, state, date(2025, 1, 14))
    later = rows(config, state)[len(before) :]
    assert not [r for r in later if r["kind"] in ("receipt", "review-notice")], later


# ----------------------------------------------------------------------------- 9. default


def test_without_smtp_mail_is_written_as_eml_files(state: Path, tmp_path: Path) -> None:
    config = write_config(tmp_path / "mailbot.toml", quiet=False)  # nothing configured
    res = cli("tick", "--today", DAY, "--no-intake", config=config, state=state)
    out = flat(res.stdout)
    assert "4 planned; 4 sent" in out
    assert "no SMTP server configured (smtp.host is empty)" in out
    assert "written as .eml files to" in out and str(state / "outbox") in out.replace(" ", "")
    listed = rows(config, state)
    files = sorted((state / "outbox").glob("*.eml"))
    assert len(files) == len(listed) == 4
    written = {str(parse(f.read_bytes())["Message-ID"]): parse(f.read_bytes()) for f in files}
    for row in listed:
        detail = row_detail(config, state, row["id"])
        message = written[detail["message_id"]]
        assert message["X-Mailbot-Envelope-To"] == f"<{row['to'][0]}>"
        assert message["Subject"] == row["subject"]
        assert message["Auto-Submitted"] == "auto-generated"


def test_crash_recovery_while_the_sent_folder_is_unreachable(
    smtp: SmtpServer, dovecot: Dovecot, state: Path, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "mailbot.toml", smtp=smtp, imap=dovecot, sent_folder="Sent")
    crash_tick(config, state)
    row = reminder_row(rows(config, state))
    dovecot.stop()
    res = mailbot(
        "tick", "--today", DAY, "--no-intake", "--config", config, "--state", state,
        env=clean_env(),
    )  # fmt: skip
    # Unknown whether it went out: it must neither be sent again nor stop the tick.
    assert len(smtp.messages) == 1
    assert row_detail(config, state, row["id"])["state"] == "sending"
    assert res.returncode == 0, res.stderr
