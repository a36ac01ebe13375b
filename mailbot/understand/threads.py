"""The store's side of answers: mailbot's sent mail looked up, what it finds of a
protocol, and the pauses an answer asks for (see answers.py for the reading)."""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Sequence
from datetime import date, timedelta

from sqlmodel import Session, col, select

from mailbot.models import Message, MessageState, OutboxItem, OutboxState, Pause, Understanding
from mailbot.outbox.bundle import decode_context
from mailbot.understand.answers import SentMail
from mailbot.verdict import Verdict

# Sent mail that can be answered: what went out (or may have: a crash mid-send).
_OUT = (OutboxState.SENT.value, OutboxState.SENDING.value)
SUBJECT_LOOKBACK = timedelta(days=180)


def _plain(mime: bytes) -> tuple[str, str]:
    """(subject, plain text) of a stored mail."""
    if not mime:
        return "", ""
    message = email.message_from_bytes(mime, policy=email.policy.default)
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    return str(message.get("Subject") or ""), str(text)


def _sent(row: OutboxItem) -> SentMail:
    assert row.id is not None
    subject, text = _plain(row.mime)
    return SentMail(
        outbox_id=row.id,
        kind=row.kind,
        network=row.network,
        about=row.about,
        topic=row.topic,
        message_id=row.message_id,
        subject=subject or row.subject,
        text=text,
        to=tuple(json.loads(row.to_json)),
        context=decode_context(row.context_json)
        if row.kind == "review-request" and row.context_json
        else {},
    )


class StoreLookup:
    """`answers.SentLookup` over the outbox, inside the understand stage's session."""

    def __init__(self, session: Session, until: date) -> None:
        self.session = session
        self.until = until

    def by_message_ids(self, ids: Sequence[str]) -> list[SentMail]:
        if not ids:
            return []
        rows = self.session.exec(
            select(OutboxItem)
            .where(col(OutboxItem.message_id).in_(list(ids)[:50]))
            .where(col(OutboxItem.state).in_(_OUT))
            .order_by(col(OutboxItem.id))
        ).all()
        return [_sent(r) for r in rows]

    def by_subject(self, subject: str) -> list[SentMail]:
        since = self.until - SUBJECT_LOOKBACK
        rows = self.session.exec(
            select(OutboxItem)
            .where(col(OutboxItem.state).in_(_OUT))
            .where(col(OutboxItem.created_day) >= since)
            .order_by(col(OutboxItem.id).desc())
            .limit(2000)
        ).all()
        wanted = " ".join(subject.split()).casefold()
        found = []
        for row in rows:
            if " ".join(row.subject.split()).casefold() == wanted:
                found.append(_sent(row))
                continue
            sent = _sent(row)  # a bundle went out with a subject of its own
            if " ".join(sent.subject.split()).casefold() == wanted:
                found.append(sent)
        return found


def protocol_found(
    session: Session, network: str | None, about: date | None, sender: str | None
) -> dict[str, str]:
    """What mailbot finds of a protocol an answer says was already sent: applied for
    that meeting, or a mail from the sender that waits for review, or nothing."""
    if network and about:
        rows = session.exec(
            select(Message, Understanding)
            .join(Understanding, col(Understanding.message_pk) == col(Message.id))
            .where(Message.state == MessageState.APPLIED.value)
            .where(Understanding.network == network)
        ).all()
        for message, understanding in rows:
            verdict = Verdict.load(understanding.result_json)
            if verdict.protocol is not None and verdict.protocol.meeting_date == about:
                return {
                    "found": "applied",
                    "on": message.sent_at.date().isoformat(),
                    "message": str(message.id),
                }
    if sender:
        waiting = session.exec(
            select(Message)
            .where(Message.from_addr == sender)
            .where(
                col(Message.state).in_(
                    [MessageState.NEEDS_REVIEW.value, MessageState.QUARANTINED.value]
                )
            )
            .order_by(col(Message.sent_at).desc())
        ).first()
        if waiting is not None:
            return {
                "found": "waiting",
                "on": waiting.sent_at.date().isoformat(),
                "message": str(waiting.id),
            }
    return {"found": "none"}


def add_pauses(
    session: Session,
    message_pk: int,
    network: str | None,
    pauses: Sequence[tuple[str | None, date | None]],
    reason: str,
) -> None:
    """Hold reminders back until the answer that asked for it is decided. Written anew
    when the stage runs again (a crash in between)."""
    for old in session.exec(select(Pause).where(Pause.message_pk == message_pk)).all():
        session.delete(old)
    if not network:
        return
    for person, about in pauses:
        session.add(
            Pause(
                network=network,
                person=person.lower() if person else None,
                about=about,
                message_pk=message_pk,
                reason=reason,
            )
        )
