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

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from mailbot.db import transaction
from mailbot.envelope import Envelope, effective_sent_at, read_envelope
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

    def accept_many(
        self, items: list[tuple[bytes, Origin]], *, action_done: bool = False
    ) -> list[Accepted]:
        """`accept` for a batch (an IMAP FETCH of many mails) with one flush to disk
        for all the raw files and one transaction for all the rows (group commit): the
        same order, the same outcomes and the same guarantees as one `accept` after
        another, at the cost of one fsync and a few queries, not of each per mail."""
        if not items:
            return []
        shas = self.raw_store.put_many([raw for raw, _origin in items])
        try:
            with transaction(self.engine) as session:
                return self._record_many(session, items, shas, action_done)
        except IntegrityError:
            # Another process took some of them meanwhile: one at a time, each its own.
            return [self.accept(raw, origin, action_done=action_done) for raw, origin in items]

    def mark_handled(self, source_pks: list[int]) -> None:
        """Step 3 done: the server copy was flagged or moved."""
        if not source_pks:
            return
        with transaction(self.engine) as session:
            session.execute(
                update(MessageSource)
                .where(col(MessageSource.id).in_(source_pks))
                .values(action_done=True)
                .execution_options(synchronize_session=False)
            )

    # -- internals -------------------------------------------------------------

    def _record_many(
        self,
        session: Session,
        items: list[tuple[bytes, Origin]],
        shas: list[str],
        action_done: bool,
    ) -> list[Accepted]:
        """`_record` for a batch: what is known is looked up once for the batch, the
        rows are inserted together, and a mail repeated within the batch is recognised
        as `_record` one after another would (the first is new, the rest known)."""
        now = self.clock()
        known_at: dict[tuple[str, int | None, int | None], MessageSource] = {}
        by_box: dict[tuple[str, int | None], list[int]] = {}
        for _raw, origin in items:
            if origin.is_imap and origin.uid is not None:
                by_box.setdefault((origin.mailbox, origin.uidvalidity), []).append(origin.uid)
        for (mailbox, uidvalidity), uids in by_box.items():
            for row in session.exec(
                select(MessageSource)
                .where(MessageSource.mailbox == mailbox)
                .where(MessageSource.uidvalidity == uidvalidity)
                .where(col(MessageSource.uid).in_(uids))
            ).all():
                known_at[(row.mailbox, row.uidvalidity, row.uid)] = row
        by_sha: dict[str, Message] = {
            m.sha256: m
            for m in session.exec(select(Message).where(col(Message.sha256).in_(set(shas)))).all()
        }
        envelopes = [read_envelope(raw) for raw, _origin in items]
        ids = {e.message_id for e in envelopes if e.message_id}
        twins: dict[tuple[str, str | None], Message] = {}
        if ids:
            for m in session.exec(
                select(Message)
                .where(col(Message.message_id).in_(ids))
                .where(col(Message.duplicate_of).is_(None))
                .order_by(col(Message.id))
            ).all():
                twins.setdefault((m.message_id or "", m.content_digest), m)

        plans: list[tuple[str, Message | MessageSource, Origin]] = []
        fresh: list[Message] = []
        twins_here: list[tuple[Message, Message]] = []  # (copy, first) both in this batch
        for (raw, origin), sha, env in zip(items, shas, envelopes, strict=True):
            where = (origin.mailbox, origin.uidvalidity, origin.uid)
            if origin.is_imap and where in known_at:
                plans.append(("location", known_at[where], origin))
                continue
            if sha in by_sha:
                plans.append(("bytes", by_sha[sha], origin))
                continue
            message = self._new_message(raw, sha, env, origin, now)
            if message.state == MessageState.RECEIVED.value and env.message_id:
                twin = twins.get((env.message_id, env.content_digest))
                if twin is None:
                    twins[(env.message_id, env.content_digest)] = message
                elif twin.id is not None:
                    self._mark_duplicate(message, twin.id)
                else:
                    message.state = MessageState.DUPLICATE.value
                    twins_here.append((message, twin))
            by_sha[sha] = message
            fresh.append(message)
            plans.append(("new", message, origin))
        session.add_all(fresh)
        session.flush()  # the new messages' ids, in one INSERT where the driver can
        for copy, first in twins_here:
            assert first.id is not None
            self._mark_duplicate(copy, first.id)

        results: list[Accepted] = []
        sources: list[tuple[int, MessageSource | None, Message, Origin, str]] = []
        seen_here: dict[tuple[int, str, str | None], MessageSource] = {}
        for kind, found, origin in plans:
            if kind == "location":
                assert isinstance(found, MessageSource) and found.id is not None
                existing = session.get(Message, found.message_pk)
                results.append(
                    Accepted(
                        Outcome.KNOWN,
                        found.message_pk,
                        found.id,
                        existing.state if existing else "",
                        found.action_done,
                    )
                )
                continue
            assert isinstance(found, Message) and found.id is not None
            if kind == "new":
                session.add(_taken_in(found, origin, now))
            source: MessageSource | None = None
            if not origin.is_imap:
                source = seen_here.get((found.id, origin.mailbox, origin.key))
                if source is None and kind != "new":
                    source = _file_source(session, found.id, origin)
            if source is None:
                source = _new_source(found.id, origin, action_done, now)
                session.add(source)
                if not origin.is_imap:
                    seen_here[(found.id, origin.mailbox, origin.key)] = source
            sources.append((len(results), source, found, origin, kind))
            results.append(Accepted(Outcome.NEW, found.id, -1, found.state, action_done))
        session.flush()  # the sources' ids
        for index, source, message, _origin, kind in sources:
            assert source is not None and source.id is not None and message.id is not None
            outcome = (
                Outcome.KNOWN
                if kind != "new"
                else Outcome.DUPLICATE
                if message.state == MessageState.DUPLICATE.value
                else Outcome.NEW
            )
            done = source.action_done if kind != "new" else action_done
            results[index] = Accepted(outcome, message.id, source.id, message.state, done)
        for _raw, origin in items:
            self._advance_cursor(session, origin)
        return results

    def _new_message(
        self, raw: bytes, sha: str, env: Envelope, origin: Origin, now: datetime
    ) -> Message:
        """A new message row (not yet added), quarantined when too large or not mail."""
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
        if len(raw) > self.max_message_bytes:
            message.state = MessageState.QUARANTINED.value
            message.reason = (
                f"message is {_mb(len(raw))}, over the limit of "
                f"{_mb(self.max_message_bytes)} (limits.max_message_bytes)"
            )
        elif not env.looks_like_mail:
            message.state = MessageState.QUARANTINED.value
            message.reason = "not an RFC 5322 message: it does not start with a header field"
        return message

    @staticmethod
    def _mark_duplicate(message: Message, twin: int) -> None:
        message.state = MessageState.DUPLICATE.value
        message.duplicate_of = twin
        message.reason = (
            f"same Message-ID, sender, date, subject and body as message {twin}; "
            "only transport headers differ"
        )

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
        message = self._new_message(raw, sha, env, origin, now)
        outcome = Outcome.NEW
        if message.state == MessageState.RECEIVED.value and env.message_id:
            twin = session.exec(
                select(Message)
                .where(Message.message_id == env.message_id)
                .where(Message.content_digest == env.content_digest)
                .where(col(Message.duplicate_of).is_(None))
                .order_by(col(Message.id))
            ).first()
            if twin is not None and twin.id is not None:
                outcome = Outcome.DUPLICATE
                self._mark_duplicate(message, twin.id)
        session.add(message)
        session.flush()
        assert message.id is not None
        session.add(_taken_in(message, origin, now))
        source = self._add_source(session, message.id, origin, action_done, now)
        self._advance_cursor(session, origin)
        return Accepted(outcome, message.id, source, message.state, action_done)

    def _add_source(
        self, session: Session, message_pk: int, origin: Origin, action_done: bool, now: datetime
    ) -> int:
        source = None if origin.is_imap else _file_source(session, message_pk, origin)
        if source is None:
            source = _new_source(message_pk, origin, action_done, now)
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


def _taken_in(message: Message, origin: Origin, now: datetime) -> MessageEvent:
    """The first event of a message: where it was taken in from, or why it was set aside."""
    assert message.id is not None
    return MessageEvent(
        message_pk=message.id,
        at=now,
        from_state=None,
        to_state=message.state,
        reason=message.reason or f"taken in from {origin.mailbox}",
    )


def _file_source(session: Session, message_pk: int, origin: Origin) -> MessageSource | None:
    """Files have no UID: one row per (message, container, name) is enough."""
    return session.exec(
        select(MessageSource)
        .where(MessageSource.message_pk == message_pk)
        .where(MessageSource.mailbox == origin.mailbox)
        .where(MessageSource.key == origin.key)
    ).first()


def _new_source(message_pk: int, origin: Origin, action_done: bool, now: datetime) -> MessageSource:
    return MessageSource(
        message_pk=message_pk,
        mailbox=origin.mailbox,
        uidvalidity=origin.uidvalidity,
        uid=origin.uid,
        key=origin.key,
        arrived_at=origin.arrived_at,
        action_done=action_done,
        seen_at=now,
    )


def _find_location(session: Session, origin: Origin) -> MessageSource | None:
    return session.exec(
        select(MessageSource)
        .where(MessageSource.mailbox == origin.mailbox)
        .where(MessageSource.uidvalidity == origin.uidvalidity)
        .where(MessageSource.uid == origin.uid)
    ).first()
