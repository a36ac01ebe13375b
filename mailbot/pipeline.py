"""The pipeline runner: moves messages from state to state through stages.

A stage consumes messages in one state and decides the next state. Each stage run is
one transaction: the stage's own writes and the state change commit together, so a
crash rolls back to the last finished stage and the stage runs again from the raw
bytes. A stage that raises is retried on later runs; after `max_attempts` failures the
message is quarantined with the reason, and the others go on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.db import transaction
from mailbot.models import Message, MessageEvent, MessageState, utcnow
from mailbot.rawstore import RawStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Transition:
    """A stage's verdict: the next state and, for people, why."""

    state: MessageState
    reason: str | None = None


@dataclass(frozen=True)
class StageContext:
    raw_store: RawStore
    now: datetime


class Stage(Protocol):
    """One step of the pipeline.

    Contract: `consumes` names the state it takes messages from. `run` may read the
    raw bytes (`ctx.raw_store`) and write its own rows through `session`, and returns
    the next state. It must not commit, and must be safe to run again after a crash
    (the runner rolls back everything it wrote if it raises). It must not read the
    wall clock: `ctx.now` is the time.
    """

    name: str
    consumes: MessageState

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition: ...


@dataclass
class RunReport:
    advanced: int = 0
    failed: int = 0
    quarantined: int = 0
    by_state: dict[str, int] = field(default_factory=dict)


class Pipeline:
    def __init__(
        self,
        engine: Engine,
        raw_store: RawStore,
        stages: Sequence[Stage],
        *,
        max_attempts: int,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.raw_store = raw_store
        self.stages = list(stages)
        self.max_attempts = max_attempts
        self.clock = clock
        # One runner at a time in this process; other processes are kept out by the
        # conditional state update in `_advance`.
        self._lock = threading.Lock()

    def run_pending(self, stop: Callable[[], bool] = lambda: False) -> RunReport:
        """Take every waiting message through every stage, oldest SENT first.

        Message by message rather than stage by stage, so that a year of mail taken in
        at once is read as if it had arrived over the year: the member list applied in
        January already vouches for its senders when the March protocol is read.
        """
        report = RunReport()
        if not self.stages:
            return report
        by_state = {stage.consumes.value: stage for stage in self.stages}
        failed: set[int] = set()  # tried once this run; the retry waits for the next run
        with self._lock:
            while not stop():
                found = self._next(by_state, failed)
                if found is None:
                    break
                pk, state = found
                if self._run_one(by_state[state], pk, report) == "failed":
                    failed.add(pk)
        return report

    def _next(self, by_state: dict[str, Stage], failed: set[int]) -> tuple[int, str] | None:
        with Session(self.engine) as session:
            query = (
                select(Message.id, Message.state)
                .where(col(Message.state).in_(list(by_state)))
                .where(Message.attempts < self.max_attempts)
                .order_by(col(Message.sent_at), col(Message.id))
                .limit(1)
            )
            if failed:
                query = query.where(col(Message.id).not_in(failed))
            row = session.exec(query).first()
        if row is None or row[0] is None:
            return None
        return row[0], row[1]

    def _run_one(
        self, stage: Stage, pk: int, report: RunReport
    ) -> Literal["advanced", "skipped", "failed"]:
        now = self.clock()
        try:
            with transaction(self.engine) as session:
                message = session.get(Message, pk)
                if message is None or message.state != stage.consumes.value:
                    return "skipped"
                result = stage.run(session, message, StageContext(self.raw_store, now))
                if not self._advance(session, message, stage, result, now):
                    session.rollback()  # another process moved it meanwhile
                    return "skipped"
        except Exception as exc:  # a failing stage must not stop the other messages
            log.warning("stage %s failed on message %s: %s", stage.name, pk, exc, exc_info=True)
            report.failed += 1
            if self._record_failure(stage, pk, exc, now):
                report.quarantined += 1
            # Not progress: the retry waits for the next run (the scheduler's catch-up
            # tick), so a passing fault has time to pass.
            return "failed"
        report.advanced += 1
        report.by_state[result.state.value] = report.by_state.get(result.state.value, 0) + 1
        return "advanced"

    def _advance(
        self, session: Session, message: Message, stage: Stage, result: Transition, now: datetime
    ) -> bool:
        # Conditional update: only if nobody else moved the message meanwhile.
        updated = session.execute(
            update(Message)
            .where(col(Message.id) == message.id)
            .where(col(Message.state) == stage.consumes.value)
            .values(state=result.state.value, reason=result.reason, attempts=0, updated_at=now)
        )
        if updated.rowcount != 1:  # type: ignore[attr-defined]
            return False
        assert message.id is not None
        session.add(
            MessageEvent(
                message_pk=message.id,
                at=now,
                from_state=stage.consumes.value,
                to_state=result.state.value,
                actor=f"stage:{stage.name}",
                reason=result.reason,
            )
        )
        return True

    def _record_failure(self, stage: Stage, pk: int, exc: Exception, now: datetime) -> bool:
        """Count a failed attempt in its own transaction; quarantine at the limit."""
        error = f"{stage.name}: {type(exc).__name__}: {exc}"[:2000]
        with transaction(self.engine) as session:
            message = session.get(Message, pk)
            if message is None:
                return False
            message.attempts += 1
            message.last_error = error
            message.updated_at = now
            quarantined = message.attempts >= self.max_attempts
            if quarantined:
                message.reason = f"failed {message.attempts} times in stage {error}"
                session.add(
                    MessageEvent(
                        message_pk=pk,
                        at=now,
                        from_state=message.state,
                        to_state=MessageState.QUARANTINED.value,
                        actor=f"stage:{stage.name}",
                        reason=message.reason,
                    )
                )
                message.state = MessageState.QUARANTINED.value
            session.add(message)
        return quarantined
