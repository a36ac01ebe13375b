"""When in the day the daemon's ticks send what: answers to mail (receipts) at any
hour; the day's reminders from `outbox.daily_time`; the digest from its weekday and
time. A restart at three in the morning wakes nobody with a reminder."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from mailbot.app import App
from mailbot.config import Settings
from mailbot.intake import Origin
from mailbot.ticker import Ticker

REPO = Path(__file__).resolve().parent.parent
SCENARIO = REPO / "tests" / "scenario_year" / "mails"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
MONDAY = date(2025, 1, 13)  # the intro network's 23 January meeting is ten days ahead


def _kinds(app: App) -> list[str]:
    return sorted(row.kind for row in app.outbox.items())


def test_reminders_wait_for_the_daily_time_and_the_digest_for_monday_morning(
    settings: Settings,
) -> None:
    outbox = settings.outbox.model_copy(update={"coordinators": ["samordnare@skaraborg.se"]})
    app = App(settings.model_copy(update={"rules_dir": REPO / "rules", "outbox": outbox}))
    for name in (
        "001-introduktionsprogrammen-forteckning-docx.eml",
        "002-introduktionsprogrammen-motesplan.eml",
    ):
        app.intake.accept((SCENARIO / name).read_bytes(), Origin(mailbox="file:test", key=name))
    ticker = Ticker(app)

    night = ticker.run(MONDAY, now=datetime(2025, 1, 13, 3, 0, tzinfo=STOCKHOLM))
    assert sorted(r.kind for r in night.planned) == ["receipt", "receipt"]

    morning = ticker.run(MONDAY, now=datetime(2025, 1, 13, 7, 30, tzinfo=STOCKHOLM))
    assert "meeting-reminder" in [r.kind for r in morning.planned]
    assert "digest" in [r.kind for r in morning.planned]
    reminder = next(r for r in morning.planned if r.kind == "meeting-reminder")
    assert json.loads(reminder.to_json) == ["johan.ekstrom@skovde.se"]

    again = ticker.run(MONDAY, now=datetime(2025, 1, 13, 22, 0, tzinfo=STOCKHOLM))
    assert again.planned == []
    assert _kinds(app).count("meeting-reminder") == 1 and _kinds(app).count("digest") == 1
