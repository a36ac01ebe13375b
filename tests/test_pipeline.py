"""The pipeline runner: stages advance messages; failures retry, then quarantine."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from mailbot.intake import Origin
from mailbot.models import Message, MessageEvent, MessageState
from mailbot.pipeline import Pipeline, StageContext, Transition
from tests.conftest import make_mail


@dataclass
class FlakyStage:
    """Fails for subjects containing 'boom'; parses everything else."""

    name: str = "test-parse"
    consumes: MessageState = MessageState.RECEIVED
    calls: list[int] = field(default_factory=list)

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
        self.calls.append(message.id or 0)
        assert ctx.raw_store.get(message.sha256)  # stages read the raw bytes
        if "boom" in (message.subject or ""):
            raise ValueError("cannot read this one")
        return Transition(MessageState.PARSED, "parsed fine")


def _pipeline(app, stage, attempts=3) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(app.engine, app.raw_store, [stage], max_attempts=attempts)


def test_stage_advances_and_records_event(app) -> None:  # type: ignore[no-untyped-def]
    pk = app.intake.accept(make_mail(), Origin("file:/t", key="a")).message_pk
    report = _pipeline(app, FlakyStage()).run_pending()
    assert report.advanced == 1
    with Session(app.engine) as s:
        msg = s.get(Message, pk)
        assert msg is not None and msg.state == "parsed" and msg.reason == "parsed fine"
        events = s.exec(select(MessageEvent).where(MessageEvent.message_pk == pk)).all()
        assert [(e.from_state, e.to_state) for e in events] == [
            (None, "received"),
            ("received", "parsed"),
        ]
        assert events[-1].actor == "stage:test-parse"


def test_failing_message_is_retried_then_quarantined_others_go_on(app) -> None:  # type: ignore[no-untyped-def]
    bad = app.intake.accept(make_mail(subject="boom"), Origin("file:/t", key="b")).message_pk
    good = app.intake.accept(make_mail(subject="fine"), Origin("file:/t", key="g")).message_pk
    stage = FlakyStage()
    pipe = _pipeline(app, stage, attempts=3)
    first = pipe.run_pending()
    assert first.advanced == 1 and first.failed == 1 and first.quarantined == 0
    with Session(app.engine) as s:
        msg = s.get(Message, bad)
        assert msg is not None and msg.state == "received" and msg.attempts == 1
        assert "cannot read this one" in (msg.last_error or "")
    pipe.run_pending()
    third = pipe.run_pending()
    assert third.quarantined == 1
    assert pipe.run_pending().failed == 0  # quarantined: never tried again
    assert stage.calls.count(bad) == 3
    with Session(app.engine) as s:
        msg = s.get(Message, bad)
        assert msg is not None and msg.state == "quarantined"
        assert "failed 3 times" in (msg.reason or "") and "ValueError" in (msg.reason or "")
        ok = s.get(Message, good)
        assert ok is not None and ok.state == "parsed"


def test_failed_stage_rolls_back_its_writes(app) -> None:  # type: ignore[no-untyped-def]
    @dataclass
    class HalfWriter:
        name: str = "half"
        consumes: MessageState = MessageState.RECEIVED

        def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
            message.subject = "changed"
            session.add(message)
            session.flush()
            raise RuntimeError("crash in the middle")

    pk = app.intake.accept(make_mail(subject="original"), Origin("file:/t", key="a")).message_pk
    _pipeline(app, HalfWriter()).run_pending()
    with Session(app.engine) as s:
        msg = s.get(Message, pk)
        assert msg is not None and msg.subject == "original" and msg.attempts == 1


def test_no_stages_is_a_no_op(settings) -> None:  # type: ignore[no-untyped-def]
    from mailbot.app import App

    app = App(settings, custom_stages=[])
    app.intake.accept(make_mail(), Origin("file:/t", key="a"))
    assert app.pipeline.run_pending().advanced == 0
    app.engine.dispose()
