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

from sqlalchemy import insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

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
        lookahead: int = 32,
        stage_engine: Engine | None = None,
    ) -> None:
        self.engine = engine
        self.raw_store = raw_store
        self.stages = list(stages)
        self.max_attempts = max_attempts
        self.clock = clock
        self.lookahead = lookahead
        # Where the stages' transactions run (db.make_engine(group_commit=True)).
        self.stage_engine = stage_engine or engine
        # Committed transitions into or out of `applied` (the registry changed).
        self.applied_transitions = 0
        # One runner at a time in this process; other processes are kept out by the
        # conditional state update in `_advance`.
        self._lock = threading.Lock()

    def run_pending(
        self,
        stop: Callable[[], bool] = lambda: False,
        progress: Callable[[RunReport], None] | None = None,
    ) -> RunReport:
        """Take every waiting message through every stage, oldest SENT first.

        Message by message rather than stage by stage, so that a year of mail taken in
        at once is read as if it had arrived over the year: the member list applied in
        January already vouches for its senders when the March protocol is read. The
        next `lookahead` waiting messages are shown to stages that can prepare them
        (the reading pool reads them ahead on the other cores). `progress` is called
        after each message.
        """
        report = RunReport()
        if not self.stages:
            return report
        by_state = {stage.consumes.value: stage for stage in self.stages}
        failed: set[int] = set()  # tried once this run; the retry waits for the next run
        with self._lock:
            while not stop():
                # Read ahead a window twice the batch, so the readers are never idle
                # while the next batch is fetched.
                window = self._upcoming(by_state, failed, 2 * self.lookahead)
                batch = window[: self.lookahead]
                if not batch:
                    break
                self._prepare(window, by_state)
                done: set[int] = set()
                for pk, state in batch:
                    if stop():
                        break
                    while state in by_state:
                        outcome, state = self._run_one(by_state[state], pk, report)
                        if outcome == "failed":
                            failed.add(pk)
                        if outcome != "advanced":
                            break
                    done.add(pk)
                    if progress is not None:
                        progress(report)
                left = {pk for pk, _ in (window if stop() else batch)} - done
                for stage in self.stages:
                    forget = getattr(stage, "forget", None)
                    if left and forget is not None:
                        forget(left)
        return report

    def pending(self) -> int:
        """How many messages wait for a stage (for progress bars)."""
        states = [stage.consumes.value for stage in self.stages]
        with Session(self.engine) as session:
            found = session.exec(
                select(func.count())
                .select_from(Message)
                .where(col(Message.state).in_(states))
                .where(Message.attempts < self.max_attempts)
            ).one()
        return int(found)

    def _upcoming(
        self, by_state: dict[str, Stage], failed: set[int], limit: int
    ) -> list[tuple[int, str]]:
        with Session(self.engine) as session:
            query = (
                select(Message.id, Message.state)
                .where(col(Message.state).in_(list(by_state)))
                .where(Message.attempts < self.max_attempts)
                .order_by(col(Message.sent_at), col(Message.id))
                .limit(limit)
            )
            if failed:
                query = query.where(col(Message.id).not_in(failed))
            rows = session.exec(query).all()
        return [(pk, state) for pk, state in rows if pk is not None]

    def _prepare(self, batch: list[tuple[int, str]], by_state: dict[str, Stage]) -> None:
        """Show each stage that can prepare (read ahead) the batch's messages it takes."""
        for state, stage in by_state.items():
            prepare = getattr(stage, "prepare", None)
            pks = [pk for pk, s in batch if s == state]
            if prepare is None or not pks:
                continue
            with Session(self.engine) as session:
                rows = session.exec(select(Message).where(col(Message.id).in_(pks))).all()
            order = {pk: i for i, pk in enumerate(pks)}
            messages = sorted(rows, key=lambda m: order.get(m.id or 0, 0))
            try:
                prepare(messages, StageContext(self.raw_store, self.clock()))
            except Exception:  # reading ahead is an optimisation: never a reason to stop
                log.exception("stage %s could not prepare; reading one at a time", stage.name)

    def _run_one(
        self, stage: Stage, pk: int, report: RunReport
    ) -> tuple[Literal["advanced", "skipped", "failed"], str]:
        """One stage on one message in one transaction; the outcome and the state the
        message is in afterwards."""
        now = self.clock()
        try:
            # On the group-commit engine: a stage's commit need not reach the disk before
            # the next one starts (the next durable commit, an intake batch or an outbox
            # row, makes it durable with everything before it). A power cut may undo the
            # last stages run; they run again from the raw bytes.
            with transaction(self.stage_engine) as session:
                message = session.get(Message, pk)
                if message is None or message.state != stage.consumes.value:
                    return "skipped", message.state if message else ""
                result = stage.run(session, message, StageContext(self.raw_store, now))
                if not self._advance(session, message, stage, result, now):
                    session.rollback()  # another process moved it meanwhile
                    return "skipped", ""
        except Exception as exc:  # a failing stage must not stop the other messages
            log.warning("stage %s failed on message %s: %s", stage.name, pk, exc, exc_info=True)
            report.failed += 1
            if self._record_failure(stage, pk, exc, now):
                report.quarantined += 1
            # Not progress: the retry waits for the next run (the scheduler's catch-up
            # tick), so a passing fault has time to pass.
            return "failed", ""
        report.advanced += 1
        report.by_state[result.state.value] = report.by_state.get(result.state.value, 0) + 1
        if MessageState.APPLIED.value in (stage.consumes.value, result.state.value):
            self.applied_transitions += 1
        return "advanced", result.state.value

    def _advance(
        self, session: Session, message: Message, stage: Stage, result: Transition, now: datetime
    ) -> bool:
        # Conditional update: only if nobody else moved the message meanwhile.
        updated = session.execute(
            update(Message)
            .where(col(Message.id) == message.id)
            .where(col(Message.state) == stage.consumes.value)
            .values(state=result.state.value, reason=result.reason, attempts=0, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if updated.rowcount != 1:  # type: ignore[attr-defined]
            return False
        assert message.id is not None
        session.execute(
            insert(MessageEvent).values(
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
