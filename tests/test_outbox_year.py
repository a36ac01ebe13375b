"""The simulated year, ticked day by day: exactly the expected notices, none twice.

tests/scenario_year/expected_notices.json was written by hand from the planner's
specification (the docstring of mailbot/outbox/planner.py) and the scenario's mails,
by an author who neither ran nor read the outbox code. Here the year's mail is taken in
with `mailbot ingest`, the coordinator confirms the two removals mailbot sends to review
by design (as in tests/test_scenario_year.py), and `mailbot tick --from 2025-01-01 --to
2025-12-31` replays the year with the embedded file transport. The notices are then
compared by kind and recipient, and for meeting and protocol notices also by day and
meeting. Receipts for the mails the scenario allows to be either applied or ignored are
optional: present exactly when mailbot applied that mail.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mailbot.registry.engine import is_working_day
from tests.support.cli import clean_env, mailbot, messages_json
from tests.test_scenario_year import confirm_removals

SCENARIO = Path(__file__).resolve().parent / "scenario_year"
TIMED = {"meeting-reminder", "meeting-moved", "meeting-cancelled", "protocol-reminder"}
# The coordinator gets the digest and the notices that have no recipient (issue 10: with
# no coordinator configured, nobody would).
COORDINATORS = {"MAILBOT_OUTBOX__COORDINATORS": "utbildning@skaraborg.se"}


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (SCENARIO / "expected_notices.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    state = tmp_path_factory.mktemp("year") / "state"
    res = mailbot("ingest", "--state", state, SCENARIO / "mails", timeout=900)
    assert res.returncode == 0, res.stderr
    confirm_removals(state)
    res = mailbot(
        "tick", "--from", "2025-01-01", "--to", "2025-12-31", "--no-intake", "--state", state,
        timeout=900, env=clean_env(**COORDINATORS),
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    return state


def _outbox(state: Path) -> list[dict[str, Any]]:
    res = mailbot("outbox", "list", "--json", "--state", state)
    assert res.returncode == 0, res.stderr
    rows: list[dict[str, Any]] = json.loads(res.stdout)
    return rows


def _applied_message_ids(state: Path) -> set[str]:
    return {m["message_id"] for m in messages_json(state) if m["state"] == "applied"}


def test_the_year_yields_exactly_the_expected_notices(year: Path, expected: dict[str, Any]) -> None:
    rows = _outbox(year)
    want = Counter(f"{n['kind']}|{n['to']}" for n in expected["notices"])
    applied = _applied_message_ids(year)
    for optional in expected["optional_notices"]:
        if optional["about"] in applied:  # the receipt of a mail mailbot applied
            want[f"{optional['kind']}|{optional['to']}"] += 1
    got = Counter(f"{r['kind']}|{r['to'][0]}" for r in rows)
    missing = want - got
    extra = got - want
    assert not missing and not extra, f"missing {dict(missing)}, unexpected {dict(extra)}"


def test_meeting_and_protocol_notices_come_on_the_expected_day(
    year: Path, expected: dict[str, Any]
) -> None:
    def timed(items: list[dict[str, Any]], to: Any) -> Counter[tuple[str, str, str, str]]:
        return Counter(
            (i["kind"], to(i), str(i["about"]), i["created"]) for i in items if i["kind"] in TIMED
        )

    got = timed(_outbox(year), lambda r: r["to"][0])
    want = timed(expected["notices"], lambda n: n["to"])
    assert got == want


def test_none_twice_and_every_row_as_the_interface_says(year: Path) -> None:
    rows = _outbox(year)
    assert len({r["key"] for r in rows}) == len(rows)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)  # oldest first
    kinds = {
        "meeting-reminder", "meeting-moved", "meeting-cancelled", "protocol-reminder",
        "meetings-behind", "member-list-missing", "meeting-dates-missing",
        "deliverable-reminder", "receipt", "review-notice", "digest", "review-request",
    }  # fmt: skip
    for row in rows:
        assert list(row) == [
            "id", "kind", "network", "to", "cc", "subject", "about", "key", "state",
            "message_id", "created", "sent",
        ]  # fmt: skip
        assert row["kind"] in kinds
        assert row["state"] == "sent" and row["sent"] == row["created"]
        assert (row["about"] is not None) == (row["kind"] in TIMED)
        assert row["subject"] and isinstance(row["to"], list) and row["to"]
    # One digest per ISO week ticked: 2025-W01 .. W52 and 2026-W01 (29-31 December).
    assert sum(1 for r in rows if r["kind"] == "digest") == 53
    # Falling behind goes to the chair with the coordinator in copy.
    behind = [
        r for r in rows if r["kind"] == "meetings-behind" and r["network"] == "vuxenutbildning"
    ]
    assert behind and all(r["cc"] == ["utbildning@skaraborg.se"] for r in behind)


def test_reminders_on_working_days_and_one_mail_a_person_a_day(year: Path) -> None:
    rows = _outbox(year)
    answers = {
        "receipt", "review-notice", "meeting-moved", "meeting-cancelled", "digest",
        "review-request",
    }  # fmt: skip
    reminders = [r for r in rows if r["kind"] not in answers]
    assert len(reminders) > 40
    for row in reminders:
        assert is_working_day(date.fromisoformat(row["sent"])), row
    mails: dict[tuple[str, str], set[str]] = {}
    for row in reminders:
        mails.setdefault((row["to"][0], row["sent"]), set()).add(row["message_id"])
    assert all(len(ids) == 1 for ids in mails.values())
    # Several reminders to one person on one day went as one mail: e.g. 17 February,
    # when the dates, the behind and the arbetsordning were due for Vuxenutbildning.
    assert any(len([r for r in reminders if (r["to"][0], r["sent"]) == key]) > 1 for key in mails)


def test_ticking_a_day_again_sends_nothing_new(year: Path) -> None:
    before = _outbox(year)
    files = sorted((year / "outbox").glob("*.eml"))
    assert len(files) == len({r["message_id"] for r in before})  # a bundle is one mail
    for day in ("2025-03-03", "2025-09-08", "2025-12-31"):
        res = mailbot(
            "tick", "--today", day, "--no-intake", "--state", year, env=clean_env(**COORDINATORS)
        )
        assert res.returncode == 0, res.stderr
    assert _outbox(year) == before
    assert sorted((year / "outbox").glob("*.eml")) == files
