"""`mailbot sync`: everything new in the configured mailbox through every stage, once.

Intake first, then the pipeline: the whole mailbox is in the store before the first
mail is read, so a first import reads mail in the order it was sent (a January member
list vouches for the March protocol's sender even when the server lists them the other
way round). The reading itself runs on every core (understand/pool.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from sqlmodel import Session, func, select

from mailbot.app import App
from mailbot.models import Message
from mailbot.pipeline import RunReport


@dataclass
class SyncReport:
    taken: int = 0  # new mails stored
    read: int = 0  # messages taken through the pipeline
    failed: int = 0
    quarantined: int = 0
    intake_seconds: float = 0.0
    pipeline_seconds: float = 0.0
    states: dict[str, int] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return self.intake_seconds + self.pipeline_seconds

    def as_dict(self) -> dict[str, Any]:
        return {
            "taken_in": self.taken,
            "read": self.read,
            "failed": self.failed,
            "quarantined": self.quarantined,
            "intake_seconds": round(self.intake_seconds, 3),
            "pipeline_seconds": round(self.pipeline_seconds, 3),
            "seconds": round(self.seconds, 3),
            "states": self.states,
        }

    def summary(self) -> str:
        rate = self.read / self.pipeline_seconds if self.pipeline_seconds > 0 else 0.0
        states = ", ".join(f"{count} {state}" for state, count in sorted(self.states.items()))
        failed = f"; {self.failed} failed, to be retried" if self.failed else ""
        return (
            f"took in {self.taken} new mail in {self.intake_seconds:.1f} s; read "
            f"{self.read} in {self.pipeline_seconds:.1f} s ({rate:.0f} a second){failed}. "
            f"The store now holds: {states or 'nothing'}."
        )


class _Rate(ProgressColumn):
    """Mails a second, as rich measures them."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:5.0f}/s" if speed else "    -/s", style="progress.data.speed")


def run_sync(app: App, console: Console) -> SyncReport:
    from mailbot.daemon import Daemon

    report = SyncReport()
    daemon = Daemon(app)
    daemon.build_sources(nudge=False)
    with Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        fetching = progress.add_task("taking in", total=None)

        def fetched(done: int, total: int) -> None:
            progress.update(fetching, completed=done, total=total)

        started = time.monotonic()
        for source in daemon.sources:
            source.progress = fetched
            report.taken += source.take_once()
        report.intake_seconds = time.monotonic() - started
        progress.update(fetching, visible=False)

        pipeline = app.pipeline
        reading = progress.add_task("reading", total=pipeline.pending())
        steps = 0

        def advanced(_run: RunReport) -> None:
            nonlocal steps
            steps += 1
            progress.update(reading, completed=steps)

        started = time.monotonic()
        run = pipeline.run_pending(progress=advanced)
        report.pipeline_seconds = time.monotonic() - started
    report.read = steps
    report.failed = run.failed
    report.quarantined = run.quarantined
    with Session(app.engine) as session:
        rows = session.exec(select(Message.state, func.count()).group_by(Message.state)).all()
    report.states = {state: int(count) for state, count in rows}
    return report
