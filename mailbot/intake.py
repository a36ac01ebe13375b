"""Intake: turn raw bytes from any source into a durable, deduplicated message row.

The order is what makes intake lose nothing:
1. the raw bytes are written to the raw store (fsync, rename, fsync dir);
2. one transaction records the message, where it was seen, and the cursor;
3. only then does the source mark or move the mail on the server (`mark_handled`).

A crash between any two steps repeats work on the next run but never loses or
doubles a mail: the raw file is content-addressed, the location is unique per
(mailbox, UIDVALIDITY, UID), and the sha256 is unique per message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from mailbot.db import transaction
from mailbot.envelope import effective_sent_at, read_envelope
from mailbot.models import (
    IntakeCursor,
    Message,
    MessageEvent,
    MessageSource,
    MessageState,
    utcnow,
)
from mailbot.rawstore import RawStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Origin:
    """Where a mail was found. IMAP origins carry UIDVALIDITY and UID."""

    mailbox: str
    uidvalidity: int | None = None
    uid: int | None = None
    key: str | None = None
    arrived_at: datetime | None = None  # UTC

    @property
    def is_imap(self) -> bool:
        return self.uid is not None


class Outcome(StrEnum):
    NEW = "new"  # a new message row in state `received` (or quarantined)
    DUPLICATE = "duplicate"  # new row for a copy of a known mail (same Message-ID + content)
    KNOWN = "known"  # these exact bytes, or this server location, were stored before


@dataclass(frozen=True)
class Accepted:
    outcome: Outcome
    message_pk: int
    source_pk: int
    state: str
    action_done: bool


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


class Intake:
    """The single writer of `message` and `message_source` rows."""

    def __init__(
        self,
        engine: Engine,
        raw_store: RawStore,
        *,
        max_message_bytes: int,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.raw_store = raw_store
        self.max_message_bytes = max_message_bytes
        self.clock = clock

    # -- queries -------------------------------------------------------------

    def known_location(self, origin: Origin) -> MessageSource | None:
        if not origin.is_imap:
            return None
        with Session(self.engine) as session:
            return _find_location(session, origin)

    def cursor(self, mailbox: str) -> IntakeCursor | None:
        with Session(self.engine) as session:
            return session.get(IntakeCursor, mailbox)

    def pending_actions(self, mailbox: str, uidvalidity: int) -> list[MessageSource]:
        """Server copies stored but not yet flagged/moved (a crash came in between)."""
        with Session(self.engine) as session:
            rows = session.exec(
                select(MessageSource)
                .where(MessageSource.mailbox == mailbox)
                .where(MessageSource.uidvalidity == uidvalidity)
                .where(col(MessageSource.action_done).is_(False))
                .order_by(col(MessageSource.uid))
            ).all()
            return list(rows)

    # -- writes --------------------------------------------------------------

    def reset_cursor(self, mailbox: str, uidvalidity: int) -> None:
        """A new UIDVALIDITY: every UID is new again. sha256 dedupe stops doubles."""
        with transaction(self.engine) as session:
            cursor = session.get(IntakeCursor, mailbox) or IntakeCursor(mailbox=mailbox)
            cursor.uidvalidity = uidvalidity
            cursor.last_uid = 0
            cursor.updated_at = utcnow()
            session.add(cursor)

    def accept(self, raw: bytes, origin: Origin, *, action_done: bool = False) -> Accepted:
        """Store one mail durably. Safe to call again with the same bytes or origin."""
        # Step 1: the bytes are on disk (fsynced) before any row points at them.
        sha = self.raw_store.put(raw)
        for attempt in range(2):
            try:
                with transaction(self.engine) as session:
                    # Step 2: message, location and cursor commit together or not at all.
                    return self._record(session, raw, sha, origin, action_done)
            except IntegrityError:
                # Another process stored the same bytes or location at the same moment;
                # the second pass finds its row and records a KNOWN outcome.
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def mark_handled(self, source_pks: list[int]) -> None:
        """Step 3 done: the server copy was flagged or moved."""
        if not source_pks:
            return
        with transaction(self.engine) as session:
            for pk in source_pks:
                source = session.get(MessageSource, pk)
                if source is not None:
                    source.action_done = True
                    session.add(source)

    # -- internals -------------------------------------------------------------

    def _record(
        self, session: Session, raw: bytes, sha: str, origin: Origin, action_done: bool
    ) -> Accepted:
        now = self.clock()
        if origin.is_imap:
            found = _find_location(session, origin)
            if found is not None:
                assert found.id is not None
                existing = session.get(Message, found.message_pk)
                self._advance_cursor(session, origin)
                return Accepted(
                    Outcome.KNOWN,
                    found.message_pk,
                    found.id,
                    existing.state if existing else "",
                    found.action_done,
                )
        same_bytes = session.exec(select(Message).where(Message.sha256 == sha)).first()
        if same_bytes is not None:
            assert same_bytes.id is not None
            source = self._add_source(session, same_bytes.id, origin, action_done, now)
            self._advance_cursor(session, origin)
            return Accepted(Outcome.KNOWN, same_bytes.id, source, same_bytes.state, action_done)

        env = read_envelope(raw)
        arrived = origin.arrived_at or now
        message = Message(
            sha256=sha,
            size=len(raw),
            raw_path=self.raw_store.relpath(sha),
            message_id=env.message_id,
            content_digest=env.content_digest,
            from_addr=env.from_addr,
            subject=env.subject,
            date_header=env.date,
            sent_at=effective_sent_at(env.date, arrived),
            received_at=now,
            updated_at=now,
        )
        outcome = Outcome.NEW
        if len(raw) > self.max_message_bytes:
            message.state = MessageState.QUARANTINED.value
            message.reason = (
                f"message is {_mb(len(raw))}, over the limit of "
                f"{_mb(self.max_message_bytes)} (limits.max_message_bytes)"
            )
        elif not env.looks_like_mail:
            message.state = MessageState.QUARANTINED.value
            message.reason = "not an RFC 5322 message: it does not start with a header field"
        elif env.message_id:
            twin = session.exec(
                select(Message)
                .where(Message.message_id == env.message_id)
                .where(Message.content_digest == env.content_digest)
                .where(col(Message.duplicate_of).is_(None))
                .order_by(col(Message.id))
            ).first()
            if twin is not None:
                outcome = Outcome.DUPLICATE
                message.state = MessageState.DUPLICATE.value
                message.duplicate_of = twin.id
                message.reason = (
                    f"same Message-ID, sender, date, subject and body as message {twin.id}; "
                    "only transport headers differ"
                )
        session.add(message)
        session.flush()
        assert message.id is not None
        session.add(
            MessageEvent(
                message_pk=message.id,
                at=now,
                from_state=None,
                to_state=message.state,
                reason=message.reason or f"taken in from {origin.mailbox}",
            )
        )
        source = self._add_source(session, message.id, origin, action_done, now)
        self._advance_cursor(session, origin)
        return Accepted(outcome, message.id, source, message.state, action_done)

    def _add_source(
        self, session: Session, message_pk: int, origin: Origin, action_done: bool, now: datetime
    ) -> int:
        if not origin.is_imap:
            # Files have no UID: one row per (message, container, name) is enough.
            existing = session.exec(
                select(MessageSource)
                .where(MessageSource.message_pk == message_pk)
                .where(MessageSource.mailbox == origin.mailbox)
                .where(MessageSource.key == origin.key)
            ).first()
            if existing is not None and existing.id is not None:
                return existing.id
        source = MessageSource(
            message_pk=message_pk,
            mailbox=origin.mailbox,
            uidvalidity=origin.uidvalidity,
            uid=origin.uid,
            key=origin.key,
            arrived_at=origin.arrived_at,
            action_done=action_done,
            seen_at=now,
        )
        session.add(source)
        session.flush()
        assert source.id is not None
        return source.id

    def _advance_cursor(self, session: Session, origin: Origin) -> None:
        if not origin.is_imap or origin.uid is None:
            return
        cursor = session.get(IntakeCursor, origin.mailbox)
        if cursor is None:
            cursor = IntakeCursor(mailbox=origin.mailbox, uidvalidity=origin.uidvalidity or 0)
        if cursor.uidvalidity != (origin.uidvalidity or 0):
            return  # a stale fetch from before a UIDVALIDITY change; reset_cursor decides
        if origin.uid > cursor.last_uid:
            cursor.last_uid = origin.uid
            cursor.updated_at = utcnow()
            session.add(cursor)


def _find_location(session: Session, origin: Origin) -> MessageSource | None:
    return session.exec(
        select(MessageSource)
        .where(MessageSource.mailbox == origin.mailbox)
        .where(MessageSource.uidvalidity == origin.uidvalidity)
        .where(MessageSource.uid == origin.uid)
    ).first()
