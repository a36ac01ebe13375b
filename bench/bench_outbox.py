"""How long a tick takes on a year of mail: the registry fold, the rules, the planner and
the rendering, as `mailbot tick --from --to` runs them once per day.

    .venv/bin/python -m pytest bench/bench_outbox.py -p no:cacheprovider

The goal: a whole year replayed (365 ticks) in well under a minute, so that the replay
test and a demo stay quick; one tick of a busy day well under a second.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from mailbot.app import App
from mailbot.config import load_settings
from mailbot.intake import Origin
from mailbot.ticker import Ticker

SCENARIO = Path(__file__).resolve().parent.parent / "tests" / "scenario_year" / "mails"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> App:
    state = tmp_path_factory.mktemp("bench") / "state"
    settings = load_settings(None, state_dir=state, rules_dir=REPO / "rules")
    mailbot = App(settings)
    for path in sorted(SCENARIO.glob("*.eml")):
        origin = Origin(mailbox=f"file:{SCENARIO}", key=path.name)
        mailbot.intake.accept(path.read_bytes(), origin)
    mailbot.pipeline.run_pending(lambda: False)
    return mailbot


def test_plan_one_busy_day(benchmark: Any, app: App) -> None:
    ticker = Ticker(app)
    notices = benchmark(lambda: ticker.plan(date(2025, 10, 6), digest_due=True))
    assert notices
    assert benchmark.stats.stats.median < 1.0


def test_replay_a_year(app: App) -> None:
    ticker = Ticker(app)
    start = time.perf_counter()
    day = date(2025, 1, 1)
    while day.year == 2025:
        ticker.run(day, dry_run=True)
        day += timedelta(days=1)
    took = time.perf_counter() - start
    print(f"\n365 ticks (plan, render, record): {took:.1f} s, {took / 365 * 1000:.0f} ms a day")
    assert took < 60
