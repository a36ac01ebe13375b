"""A person's decisions on mail: apply (with corrections), dismiss, revert.

The one module the CLI (`mailbot review ...`), the coordinator's answers by mail
(`decisions.py`) and a later web page call. Each decision is one transaction: the
decision row (who, when, why, what was corrected), the corrected understanding, the
message's new state and its event. Errors are `ReviewError`s with a sentence for
people; the callers put them into their own words (an exit code, a reply).

- apply: a mail that waits for review enters the registry, as read or corrected
  (network, kinds, a meeting's date, a meeting dropped or added, the protocol's date).
- dismiss: nothing from a waiting mail enters the registry.
- revert: an applied mail is taken back out; the registry is the fold without it.
  Notices planned from it that have not gone out are withdrawn; what went out stays.
Deciding a mail lifts the pauses it caused (answers.py: reminders held back until a
person decides).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.errors import MailbotError
from mailbot.models import (
    Message,
    MessageEvent,
    MessageState,
    OutboxItem,
    OutboxState,
    Pause,
    ReviewDecision,
    Understanding,
    utcnow,
)
from mailbot.understand.stage import store_verdict
from mailbot.verdict import MeetingRead, MemberRead, ProtocolRead, Verdict

KINDS = ("member_list", "meeting_dates", "protocol", "agenda", "report")


class ReviewError(MailbotError):
    """A decision that cannot be made as asked: why, in English (`str`) and Swedish."""

    def __init__(self, english: str, swedish: str) -> None:
        super().__init__(english)
        self.swedish = swedish


# A message's state in the coordinator's words (why a decision could not be made).
STATE_SV = {
    "received": "inte läst än",
    "parsed": "inte läst än",
    "classified": "inte registrerat än",
    "applied": "redan registrerat",
    "ignored": "redan avvisat eller ignorerat",
    "needs_review": "väntar på granskning",
    "quarantined": "i karantän",
    "duplicate": "en dubblett",
    "reverted": "redan återställt",
}


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


@dataclass(frozen=True)
class Corrections:
    """What a person corrects in what mailbot read, before it is applied."""

    network: str | None = None
    kinds: tuple[str, ...] | None = None
    meeting_dates: tuple[tuple[date, date], ...] = ()  # (as read, as it is)
    drop_meetings: tuple[date, ...] = ()
    add_meetings: tuple[date, ...] = ()
    protocol_date: date | None = None
    # A meeting's time and place as they are (by its date after the moves above).
    meeting_details: tuple[tuple[date, time | None, time | None, str | None], ...] = ()
    attendees: tuple[str, ...] | None = None  # the protocol's attendees, as they are
    members: tuple[MemberRead, ...] | None = None  # the member list, as it is

    def any(self) -> bool:
        return bool(
            self.meeting_dates
            or self.drop_meetings
            or self.add_meetings
            or self.protocol_date
            or self.meeting_details
            or self.attendees is not None
            or self.members is not None
        )

    def as_json(self) -> str:
        return json.dumps(
            {
                "network": self.network,
                "kinds": list(self.kinds) if self.kinds is not None else None,
                "meeting_dates": [[a.isoformat(), b.isoformat()] for a, b in self.meeting_dates],
                "drop_meetings": [d.isoformat() for d in self.drop_meetings],
                "add_meetings": [d.isoformat() for d in self.add_meetings],
                "protocol_date": self.protocol_date.isoformat() if self.protocol_date else None,
                "meeting_details": [
                    [d.isoformat(), _hhmm(s), _hhmm(e), p] for d, s, e, p in self.meeting_details
                ],
                "attendees": list(self.attendees) if self.attendees is not None else None,
                "members": [m.model_dump() for m in self.members]
                if self.members is not None
                else None,
            },
            ensure_ascii=False,
        )

    def applied_to(self, verdict: Verdict) -> Verdict:
        fixed = verdict.model_copy(deep=True)
        if self.network:
            fixed.network = self.network
        if self.kinds is not None:
            fixed.kinds = sorted(set(self.kinds))
        moved = dict(self.meeting_dates)
        for meeting in fixed.meetings:
            meeting.date = moved.get(meeting.date, meeting.date)
        if fixed.protocol is not None and fixed.protocol.meeting_date in moved:
            fixed.protocol.meeting_date = moved[fixed.protocol.meeting_date]
        fixed.meetings = [m for m in fixed.meetings if m.date not in self.drop_meetings]
        known = {m.date for m in fixed.meetings}
        fixed.meetings += [MeetingRead(date=d) for d in self.add_meetings if d not in known]
        fixed.meetings.sort(key=lambda m: m.date)
        for day, start, end, place in self.meeting_details:
            for meeting in fixed.meetings:
                if meeting.date == day:
                    meeting.start, meeting.end, meeting.place = start, end, place
        if self.protocol_date is not None:
            if fixed.protocol is None:
                fixed.protocol = ProtocolRead(meeting_date=self.protocol_date)
            else:
                fixed.protocol.meeting_date = self.protocol_date
            fixed.kinds = sorted({*fixed.kinds, "protocol"})
        if self.attendees is not None and fixed.protocol is not None:
            fixed.protocol.attendees = list(self.attendees)
        if self.members is not None:
            fixed.members = list(self.members)
            if self.members:
                fixed.kinds = sorted({*fixed.kinds, "member_list"})
        return fixed


@dataclass(frozen=True)
class Outcome:
    message_id: int
    decision: str  # apply | dismiss | revert
    state: str  # the message's new state
    sentence: str  # what was done, in English (for the CLI and the log)
    withdrawn: Sequence[int] = field(default_factory=tuple)  # outbox rows withdrawn


def apply(
    engine: Engine,
    message_id: int,
    actor: str,
    corrections: Corrections = Corrections(),
    *,
    networks: Collection[str],
) -> Outcome:
    """Apply a mail that waits for review, as read or corrected."""
    with Session(engine, expire_on_commit=False) as session:
        outcome = apply_in(session, message_id, actor, corrections, networks=networks)
        session.commit()
    return outcome


def dismiss(engine: Engine, message_id: int, actor: str, reason: str) -> Outcome:
    """Dismiss a mail that waits for review: nothing from it enters the registry."""
    with Session(engine, expire_on_commit=False) as session:
        outcome = dismiss_in(session, message_id, actor, reason)
        session.commit()
    return outcome


def revert(engine: Engine, message_id: int, actor: str, reason: str) -> Outcome:
    """Take an applied mail back out of the registry (the fold without it). Notices
    planned from it that have not gone out are withdrawn."""
    with Session(engine, expire_on_commit=False) as session:
        outcome = revert_in(session, message_id, actor, reason)
        session.commit()
    return outcome


# -- the same, inside a caller's transaction (the decisions a coordinator mails) ------


def apply_in(
    session: Session,
    message_id: int,
    actor: str,
    corrections: Corrections = Corrections(),
    *,
    networks: Collection[str],
) -> Outcome:
    if corrections.network and corrections.network not in networks:
        raise ReviewError(
            f"no network {corrections.network!r}; known: {', '.join(networks)}",
            f"det finns inget nätverk {corrections.network!r}",
        )
    bad = [k for k in corrections.kinds or () if k not in KINDS]
    if bad:
        raise ReviewError(
            f"unknown kind {bad[0]!r}; one of {', '.join(KINDS)}", f"okänd typ {bad[0]!r}"
        )
    message, understanding = _waiting(session, message_id)
    verdict = corrections.applied_to(Verdict.load(understanding.result_json))
    if not verdict.network:
        raise ReviewError(
            f"which network is message {message_id} about? give the network",
            f"vilket nätverk gäller mejl #{message_id}? skriv nätverket efter godkänn",
        )
    verdict.disposition = "apply"
    what = " (corrected)" if corrections.any() else ""
    sentence = f"message {message_id} applied{what} to {verdict.network} by {actor}"
    verdict.reasons = [*verdict.reasons, f"applied after review by {actor}"]
    store_verdict(understanding, verdict)
    session.add(understanding)
    _record(
        session,
        message,
        "apply",
        actor,
        MessageState.APPLIED,
        sentence,
        network=corrections.network,
        kinds=corrections.kinds,
        corrections=corrections.as_json() if corrections.any() else None,
    )
    _lift_pauses(session, message_id, actor)
    return Outcome(message_id, "apply", MessageState.APPLIED.value, sentence)


def dismiss_in(session: Session, message_id: int, actor: str, reason: str) -> Outcome:
    if not reason.strip():
        raise ReviewError("say why the mail is dismissed", "skriv varför mejlet avvisas")
    message, _understanding = _waiting(session, message_id)
    sentence = f"message {message_id} dismissed by {actor}: {reason}"
    _record(session, message, "dismiss", actor, MessageState.IGNORED, sentence, reason=reason)
    _lift_pauses(session, message_id, actor)
    return Outcome(message_id, "dismiss", MessageState.IGNORED.value, sentence)


def revert_in(session: Session, message_id: int, actor: str, reason: str) -> Outcome:
    if not reason.strip():
        raise ReviewError(
            "say why the mail is taken back out", "skriv varför mejlet ska återställas"
        )
    message = session.get(Message, message_id)
    if message is None:
        raise ReviewError(f"no message {message_id}", f"det finns inget mejl #{message_id}")
    if message.state != MessageState.APPLIED.value:
        raise ReviewError(
            f"message {message_id} is {message.state}; only an applied mail can be taken back out",
            f"mejl #{message_id} är {STATE_SV.get(message.state, message.state)}; bara ett "
            "registrerat mejl kan återställas",
        )
    waiting = session.exec(
        select(OutboxItem)
        .where(OutboxItem.source_message_pk == message_id)
        .where(col(OutboxItem.state).in_([OutboxState.PENDING.value, OutboxState.DEFERRED.value]))
    ).all()
    now = utcnow()
    for row in waiting:
        row.state = OutboxState.WITHDRAWN.value
        row.history += f"{now:%Y-%m-%d %H:%M:%S}Z withdrawn: message {message_id} reverted\n"
        session.add(row)
    sentence = f"message {message_id} taken back out by {actor}: {reason}"
    _record(session, message, "revert", actor, MessageState.REVERTED, sentence, reason=reason)
    return Outcome(
        message_id,
        "revert",
        MessageState.REVERTED.value,
        sentence,
        tuple(r.id for r in waiting if r.id is not None),
    )


# -- the parts of a decision -------------------------------------------------------------


def _waiting(session: Session, message_id: int) -> tuple[Message, Understanding]:
    message = session.get(Message, message_id)
    understanding = session.get(Understanding, message_id)
    if message is None or understanding is None:
        raise ReviewError(
            f"no understood message {message_id}", f"det finns inget läst mejl #{message_id}"
        )
    if message.state != MessageState.NEEDS_REVIEW.value:
        raise ReviewError(
            f"message {message_id} is {message.state}, not waiting for review",
            f"mejl #{message_id} är {STATE_SV.get(message.state, message.state)}, det väntar "
            "inte på granskning",
        )
    return message, understanding


def _record(
    session: Session,
    message: Message,
    decision: str,
    actor: str,
    to_state: MessageState,
    why: str,
    *,
    network: str | None = None,
    kinds: Sequence[str] | None = None,
    reason: str | None = None,
    corrections: str | None = None,
) -> None:
    assert message.id is not None
    now = utcnow()
    session.add(
        ReviewDecision(
            message_pk=message.id,
            decision=decision,
            network=network,
            kinds=json.dumps(list(kinds)) if kinds else None,
            reason=reason,
            actor=actor,
            at=now,
            corrections=corrections,
        )
    )
    session.add(
        MessageEvent(
            message_pk=message.id,
            at=now,
            from_state=message.state,
            to_state=to_state.value,
            actor=f"review:{actor}",
            reason=why,
        )
    )
    message.state = to_state.value
    message.reason = why
    message.updated_at = now
    session.add(message)


def _lift_pauses(session: Session, message_id: int, actor: str) -> None:
    for pause in session.exec(
        select(Pause).where(Pause.message_pk == message_id, col(Pause.lifted_at).is_(None))
    ).all():
        pause.lifted_at = utcnow()
        pause.lifted_by = actor
        session.add(pause)
