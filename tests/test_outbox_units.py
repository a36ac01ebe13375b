"""The outbox store on its own: bundling, the one-reminder-mail-a-day rule, dry runs, and a
transport that fails in a way nobody planned for. The transport here is a stand-in
inside the store's unit (the SMTP boundary itself is tested against aiosmtpd elsewhere)."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from mailbot.db import open_store
from mailbot.models import OutboxState
from mailbot.outbox.planner import Invite, Notice, Person
from mailbot.outbox.render import Renderer
from mailbot.outbox.samples import sample_contexts
from mailbot.outbox.store import Outbox, OutboxPolicy
from mailbot.outbox.transport import Outgoing, SendResult

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
CHAIR = Person("vera.holm@skovde.se", "Vera Holm")
DAY = date(2026, 3, 3)


@dataclass
class Recorder:
    """Records what it is asked to send; fails when told to."""

    sent: list[tuple[bytes, list[str]]] = field(default_factory=list)
    explode: bool = False

    def send(self, message: Outgoing, *, envelope_from: str, recipients: list[str]) -> SendResult:
        if self.explode:
            raise RuntimeError("a bug in the transport")
        assert isinstance(message, bytes)
        self.sent.append((message, recipients))
        return SendResult("sent", 250, "accepted")


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    engine = open_store(f"sqlite:///{tmp_path / 'mailbot.db'}")
    policy = OutboxPolicy(
        "utbildning@skaraborg.se", "Utbildning Skaraborg", "utbildning@skaraborg.se"
    )
    return Outbox(
        engine, Renderer(TEMPLATES), policy, clock=lambda: datetime(2026, 3, 3, 7, tzinfo=UTC)
    )


def notice(kind: str, topic: str, to: Person = CHAIR) -> Notice:
    context = dict(sample_contexts()[kind])
    invite = None
    if kind == "meeting-reminder":
        day = date(2026, 3, 13)
        invite = Invite(day, "REQUEST", 0, day, time(9), time(12), "Hjo", "Nätverksträff Förskola")
    return Notice(
        kind=kind, network="forskola", topic=topic, round=1, to=to, context=context, invite=invite
    )


def test_reminders_to_one_person_go_as_one_mail_and_one_mail_a_day(outbox: Outbox) -> None:
    outbox.add(
        [
            notice("meeting-reminder", "meeting-reminder:forskola:2026-03-13@2026-03-13"),
            notice("deliverable-reminder", "deliverable-reminder:forskola:x:2026-03-20:before"),
            notice("receipt", "receipt:7"),  # an answer: a mail of its own
        ],
        DAY,
    )
    transport = Recorder()
    report = outbox.dispatch(transport, DAY)
    assert report.sent == 2 and len(transport.sent) == 2
    kinds = sorted(
        str(email.message_from_bytes(raw, policy=email.policy.default)["X-Mailbot-Kind"])
        for raw, _ in transport.sent
    )
    assert kinds == ["receipt", "reminders"]
    rows = {r.kind: r for r in outbox.items()}
    assert rows["meeting-reminder"].message_id == rows["deliverable-reminder"].message_id
    assert rows["meeting-reminder"].message_id != rows["receipt"].message_id
    bundle = email.message_from_bytes(rows["meeting-reminder"].mime, policy=email.policy.default)
    assert [p.get_content_type() for p in bundle.walk()].count("text/calendar") == 1
    # Each row keeps its own rendering, for a retry on its own.
    assert rows["meeting-reminder"].notice_mime != rows["meeting-reminder"].mime

    # A reminder planned later the same day waits for the next day.
    outbox.add([notice("protocol-reminder", "protocol-reminder:forskola:2026-02-13")], DAY)
    later = outbox.dispatch(transport, DAY)
    assert (later.sent, later.capped) == (0, 1)
    assert outbox.dispatch(transport, date(2026, 3, 4)).sent == 1


def test_reminders_wait_when_they_may_not_go(outbox: Outbox) -> None:
    outbox.add([notice("meeting-reminder", "meeting-reminder:forskola:2026-03-13@2026-03-13")], DAY)
    transport = Recorder()
    assert outbox.dispatch(transport, DAY, reminders=False).sent == 0
    assert [r.state for r in outbox.items()] == [OutboxState.PENDING.value]
    assert outbox.dispatch(transport, DAY).sent == 1


def test_a_dry_run_records_dry_run_rows_bundled_as_they_would_go(outbox: Outbox) -> None:
    outbox.add(
        [
            notice("meeting-reminder", "meeting-reminder:forskola:2026-03-13@2026-03-13"),
            notice("member-list-missing", "member-list-missing:forskola:2026"),
        ],
        DAY,
        dry_run=True,
    )
    rows = outbox.items()
    assert {r.state for r in rows} == {OutboxState.DRY_RUN.value}
    assert len({r.message_id for r in rows}) == 1
    transport = Recorder()
    assert outbox.dispatch(transport, DAY).sent == 0 and transport.sent == []


def test_an_unexpected_transport_error_defers_instead_of_sticking_in_sending(
    outbox: Outbox,
) -> None:
    outbox.add([notice("receipt", "receipt:9")], DAY)
    report = outbox.dispatch(Recorder(explode=True), DAY)
    assert report.deferred == 1
    (row,) = outbox.items()
    assert row.state == OutboxState.DEFERRED.value
    assert row.last_error is not None and "RuntimeError" in row.last_error
