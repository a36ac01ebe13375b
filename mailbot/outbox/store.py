"""The durable outbox: planned notices become rows, rows become mail, exactly once.

Life of a row (`OutboxItem.state`):

    pending --> sending --> sent
       ^           |------> deferred --(backoff)--> sending ...
       |           |------> failed       (5xx, or temporary failures past max_attempts)
       |--- dry-run          (dry-run switch: rendered and recorded, never sent)
    `outbox retry ID` puts a failed, deferred or dry-run row back to pending.

- `add` renders each new notice, fixes its Message-ID and stores the exact bytes, all
  in one transaction; a key already present is skipped (the idempotency key).
- `dispatch` takes due rows one by one: `sending` is committed before the attempt, the
  outcome after it. A crash in between leaves `sending`, which `recover` resolves at the
  next start: the transport or the IMAP Sent folder is asked whether a mail with that
  Message-ID went out; found means sent, otherwise it goes back to pending (when nothing
  can be asked, it is sent again: one possible duplicate beats a lost reminder).
- A per-recipient daily cap keeps a flood from reaching anyone: rows over the cap wait
  for the next day.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from mailbot.models import OutboxItem, OutboxState
from mailbot.outbox.compose import Attachment, Envelope, UnsafeMail, build
from mailbot.outbox.planner import History, Notice, Past
from mailbot.outbox.render import Renderer
from mailbot.outbox.transport import SendResult, Transport

log = logging.getLogger(__name__)

WAITING = (OutboxState.PENDING.value, OutboxState.DEFERRED.value)
FAILED = OutboxState.FAILED.value


class SentCopy(Protocol):
    """The IMAP Sent folder (see `sentfolder.SentFolder`)."""

    def append(self, raw: bytes, *, when: datetime | None = None) -> None: ...

    def contains(self, message_id: str) -> bool: ...


@dataclass(frozen=True)
class OutboxPolicy:
    sender: str
    sender_name: str
    mailbox: str  # Reply-To: answers reach the people who read the mailbox
    cap_per_recipient: int = 6
    retry_base: float = 60.0
    retry_max: float = 3600.0
    max_attempts: int = 12


@dataclass
class DispatchReport:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    dry_run: int = 0
    capped: int = 0
    stopped: str | None = None  # why the queue was paused (a failure affecting all)


@dataclass
class Outbox:
    engine: Engine
    renderer: Renderer
    policy: OutboxPolicy
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # Sending and crash recovery hold this lock file (flock) as well as a thread lock:
    # while one process sends, no other can take its `sending` row for a crashed one.
    # (The kernel drops the lock of a killed process.) None: the thread lock only.
    lock_file: Path | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        with self._lock:
            if self.lock_file is None:
                yield
                return
            self.lock_file.parent.mkdir(parents=True, exist_ok=True)
            with open(self.lock_file, "a+b") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    # -- planning ------------------------------------------------------------------

    def history(self) -> History:
        """What the planner needs of every row: the columns only, not the mail bytes
        (this runs on every tick)."""
        columns = [
            col(c)
            for c in (
                OutboxItem.topic,
                OutboxItem.round,
                OutboxItem.kind,
                OutboxItem.network,
                OutboxItem.about,
                OutboxItem.created_day,
                OutboxItem.state,
            )
        ]
        with Session(self.engine) as session:
            rows = session.execute(sa_select(*columns)).all()
        return History(
            [
                Past(topic, number, kind, network, about, day, failed=state == FAILED)
                for topic, number, kind, network, about, day, state in rows
            ]
        )

    def add(self, notices: Iterable[Notice], today: date) -> list[OutboxItem]:
        """Store the notices whose keys are new; return the rows added."""
        notices = list(notices)
        if not notices:
            return []
        with Session(self.engine) as session:
            keys = [n.key for n in notices]
            known = set(
                session.exec(select(OutboxItem.key).where(col(OutboxItem.key).in_(keys))).all()
            )
        rows: list[OutboxItem] = []
        seen: set[str] = set()
        for notice in notices:
            if notice.key in known or notice.key in seen:
                continue
            seen.add(notice.key)
            rows.append(self._row(notice, today))
        if not rows:
            return []
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                session.add_all(rows)
                session.commit()
        except IntegrityError:
            # Another process planned some of the same notices at the same moment:
            # add ours one by one, skipping the keys it already stored.
            added = []
            for row in rows:
                try:
                    with Session(self.engine, expire_on_commit=False) as session:
                        session.add(row)
                        session.commit()
                    added.append(row)
                except IntegrityError:
                    continue
            rows = added
        for row in rows:
            log.info("planned %s #%s to %s: %s", row.kind, row.id, row.to_json, row.subject)
        return rows

    def _row(self, notice: Notice, today: date) -> OutboxItem:
        message_id = make_message_id(notice.key, self.policy.sender)
        context = {**notice.context, "redirect_reason": notice.redirected}
        to = [notice.to.address]
        base: dict[str, Any] = dict(
            key=notice.key,
            topic=notice.topic,
            round=notice.round,
            kind=notice.kind,
            network=notice.network,
            about=notice.about,
            to_json=json.dumps(to),
            cc_json=json.dumps(list(notice.cc)),
            message_id=message_id,
            redirected=notice.redirected,
            source_message_pk=notice.source_message_pk,
            created_day=today,
            created_at=self.clock(),
        )
        try:
            rendered = self.renderer.render(notice.kind, context)
            mime = compose(
                notice,
                rendered.subject,
                rendered.text,
                rendered.html,
                policy=self.policy,
                message_id=message_id,
                when=self.clock(),
            )
        except UnsafeMail as exc:  # text from a mail tried to become a header: refused
            log.error("refused to build %s for %s: %s", notice.kind, notice.to.address, exc)
            return OutboxItem(
                **base,
                subject=f"({notice.kind})",
                mime=b"",
                state=OutboxState.FAILED.value,
                last_error=f"refused: {exc}",
                history=_line(self.clock(), f"failed: refused to build the mail: {exc}"),
            )
        except Exception as exc:  # a template bug must not stop the other notices
            log.exception("cannot render %s for %s", notice.kind, notice.to.address)
            return OutboxItem(
                **base,
                subject=f"({notice.kind})",
                mime=b"",
                state=OutboxState.FAILED.value,
                last_error=f"could not render: {type(exc).__name__}: {exc}",
                history=_line(self.clock(), f"failed: could not render: {exc}"),
            )
        return OutboxItem(
            **base,
            subject=rendered.subject,
            mime=mime,
            state=OutboxState.PENDING.value,
            history=_line(self.clock(), f"planned on {today.isoformat()}"),
        )

    # -- sending -------------------------------------------------------------------

    def dispatch(
        self,
        transport: Transport | None,
        today: date,
        *,
        dry_run: bool = False,
        sent_copy: SentCopy | None = None,
        stop: Callable[[], bool] = lambda: False,
    ) -> DispatchReport:
        """Send (or, dry-run, mark) every row that is due. `today` is the tick's day:
        what `sent` says and what the daily cap counts."""
        report = DispatchReport()
        with self._exclusive():
            for row_id in self._due_ids():
                if stop():
                    break
                outcome = self._one(row_id, transport, today, dry_run, sent_copy, report)
                if outcome is not None:
                    report.stopped = outcome
                    break
        return report

    def _due_ids(self) -> list[int]:
        now = self.clock()
        with Session(self.engine) as session:
            ids = session.exec(
                select(OutboxItem.id)
                .where(col(OutboxItem.state).in_(WAITING))
                .where(
                    or_(
                        col(OutboxItem.next_attempt_at).is_(None),
                        col(OutboxItem.next_attempt_at) <= now,
                    )
                )
                .order_by(col(OutboxItem.id))
            ).all()
        return [i for i in ids if i is not None]

    def _sent_today(self, session: Session, address: str, today: date) -> int:
        rows = session.exec(
            select(OutboxItem.to_json).where(
                OutboxItem.sent_day == today,
                col(OutboxItem.state).in_([OutboxState.SENT.value, OutboxState.DRY_RUN.value]),
            )
        ).all()
        return sum(1 for to in rows if address.lower() in (a.lower() for a in json.loads(to)))

    def _one(
        self,
        row_id: int,
        transport: Transport | None,
        today: date,
        dry_run: bool,
        sent_copy: SentCopy | None,
        report: DispatchReport,
    ) -> str | None:
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session:
            row = session.get(OutboxItem, row_id)
            if row is None or row.state not in WAITING:
                return None
            to = json.loads(row.to_json)
            cc = json.loads(row.cc_json)
            if row.kind != "digest" and any(
                self._sent_today(session, a, today) >= self.policy.cap_per_recipient for a in to
            ):
                report.capped += 1
                return None
            dry = dry_run or transport is None
            # Claim the row: a conditional update, so that of two processes (the daemon
            # and an operator's `tick`) only one ever sends it.
            claimed = session.execute(
                update(OutboxItem)
                .where(col(OutboxItem.id) == row_id, col(OutboxItem.state).in_(WAITING))
                .values(
                    state=OutboxState.DRY_RUN.value if dry else OutboxState.SENDING.value,
                    attempts=OutboxItem.attempts + (0 if dry else 1),
                    sent_day=today if dry else OutboxItem.sent_day,
                    history=OutboxItem.history
                    + _line(now, "dry-run: rendered and recorded, not sent" if dry else "sending"),
                )
            )
            session.commit()
            if getattr(claimed, "rowcount", 0) != 1:
                return None
            if dry:
                report.dry_run += 1
                return None
            assert transport is not None
        # The stored bytes, unchanged: they are what was verified when the row was made.
        result = transport.send(row.mime, envelope_from=self.policy.sender, recipients=to + cc)
        # The Sent-folder copy goes in before the commit: after a crash between the two,
        # `recover` finds it there and does not send a second copy.
        copied = result.ok and sent_copy is not None and self._copy(row_id, row.mime, sent_copy)
        _fault_point("after-send")
        self._record(row_id, result, today, copied=copied)
        if result.ok:
            report.sent += 1
            return None
        if result.outcome == "permanent" and not result.affects_all:
            report.failed += 1
        else:
            report.deferred += 1
        return result.detail if result.affects_all else None

    def _record(
        self, row_id: int, result: SendResult, today: date, *, copied: bool = False
    ) -> None:
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session:
            row = session.get(OutboxItem, row_id)
            assert row is not None
            code = f"{result.code} " if result.code else ""
            if result.ok:
                row.state = OutboxState.SENT.value
                row.sent_day = today
                row.sent_at = now
                refused = "; ".join(f"{r.address}: {r.code} {r.message}" for r in result.refused)
                row.last_error = f"refused: {refused}" if refused else None
                row.next_attempt_at = None
                row.copied_to_sent = copied
                row.history += _line(now, f"sent: {result.detail}")
                log.info("sent %s #%s to %s", row.kind, row.id, row.to_json)
            elif (
                result.outcome == "permanent" and not result.affects_all
            ) or row.attempts >= self.policy.max_attempts:
                row.state = OutboxState.FAILED.value
                row.last_error = f"{code}{result.detail}"
                row.next_attempt_at = None
                row.history += _line(now, f"failed after {row.attempts}: {code}{result.detail}")
                log.warning("delivery of %s #%s failed: %s", row.kind, row.id, row.last_error)
            else:
                delay = min(self.policy.retry_base * 2 ** (row.attempts - 1), self.policy.retry_max)
                row.state = OutboxState.DEFERRED.value
                row.last_error = f"{code}{result.detail}"
                row.next_attempt_at = now + timedelta(seconds=delay)
                row.history += _line(
                    now, f"deferred ({code}{result.detail}); next try in {delay:.0f} s"
                )
                log.warning(
                    "delivery of %s #%s deferred %.0f s: %s", row.kind, row.id, delay, result.detail
                )
            session.add(row)
            session.commit()

    def _copy(self, row_id: int, raw: bytes, sent_copy: SentCopy) -> bool:
        try:
            sent_copy.append(raw)
        except Exception as exc:  # the mail is sent; a missing copy is only logged
            log.warning("could not copy #%s to the Sent folder: %s", row_id, exc)
            return False
        return True

    # -- recovery and operator actions ----------------------------------------------

    def recover(
        self,
        today: date,
        *,
        delivered: Callable[[str], bool | None],
    ) -> tuple[int, int]:
        """Resolve rows a crash left in `sending`: (found sent, queued again).

        `delivered(message_id)` answers True (it went out), False (it did not) or None
        (nobody can tell): None sends again.
        """
        found = requeued = 0
        now = self.clock()
        with self._exclusive(), Session(self.engine, expire_on_commit=False) as session:
            rows = session.exec(
                select(OutboxItem).where(OutboxItem.state == OutboxState.SENDING.value)
            ).all()
            for row in rows:
                try:
                    answer = delivered(row.message_id)
                except Exception as exc:
                    # The Sent folder cannot be asked now (IMAP down): leave the row in
                    # `sending` (it is never sent from there) and ask again next time.
                    log.warning(
                        "cannot tell whether #%s went out before a crash (%s); asking again "
                        "at the next tick",
                        row.id,
                        exc,
                    )
                    break
                if answer:
                    row.state = OutboxState.SENT.value
                    row.sent_day = row.sent_day or today
                    row.sent_at = row.sent_at or now
                    row.history += _line(now, "found sent after a crash (Message-ID found)")
                    found += 1
                else:
                    row.state = OutboxState.PENDING.value
                    why = "not found" if answer is False else "nothing to check against"
                    row.history += _line(now, f"was sending at a crash ({why}): queued again")
                    requeued += 1
                session.add(row)
            session.commit()
        if found or requeued:
            log.warning("after a crash: %d mail found sent, %d queued again", found, requeued)
        return found, requeued

    def retry(self, row_id: int, actor: str) -> OutboxItem:
        with Session(self.engine, expire_on_commit=False) as session:
            row = session.get(OutboxItem, row_id)
            if row is None:
                raise LookupError(f"no outbox item {row_id}")
            if row.state not in (
                OutboxState.FAILED.value,
                OutboxState.DEFERRED.value,
                OutboxState.DRY_RUN.value,
            ):
                raise ValueError(
                    f"outbox item {row_id} is {row.state}; only failed, deferred or dry-run "
                    "items can be retried"
                )
            if not row.mime:
                raise ValueError(f"outbox item {row_id} was never rendered: {row.last_error}")
            row.history += _line(self.clock(), f"retry requested by {actor} (was {row.state})")
            row.state = OutboxState.PENDING.value
            row.attempts = 0
            row.next_attempt_at = None
            session.add(row)
            session.commit()
            return row

    def get(self, row_id: int) -> OutboxItem | None:
        with Session(self.engine) as session:
            return session.get(OutboxItem, row_id)

    def items(self, *, states: Sequence[str] | None = None) -> list[OutboxItem]:
        with Session(self.engine) as session:
            query = select(OutboxItem).order_by(col(OutboxItem.id))
            if states:
                query = query.where(col(OutboxItem.state).in_(states))
            return list(session.exec(query).all())

    def count_waiting(self) -> int:
        with Session(self.engine) as session:
            return int(
                session.exec(select(func.count()).where(col(OutboxItem.state).in_(WAITING))).one()
            )


def _fault_point(name: str) -> None:
    """Crash tests only: `MAILBOT_TEST_FAULT=kill-after-send` kills the process here, the
    way a power cut would, to prove that recovery never sends a second copy."""
    if os.environ.get("MAILBOT_TEST_FAULT") == f"kill-{name}":
        os.kill(os.getpid(), signal.SIGKILL)


def make_message_id(key: str, sender: str) -> str:
    """Fixed before the first attempt, and the same for the same key: a resend after a
    crash carries the same Message-ID, which the Sent-folder check and mail clients use
    to see it is the same mail."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else "mailbot.invalid"
    return f"<mailbot.{digest}@{domain}>"


def compose(
    notice: Notice,
    subject: str,
    text: str,
    html: str,
    *,
    policy: OutboxPolicy,
    message_id: str,
    when: datetime,
    invite: bytes | None = None,
) -> bytes:
    """The notice as a mail: its verified wire bytes (see `compose.py`); raises
    `UnsafeMail` rather than build a mail with anything mailbot did not write."""
    envelope = Envelope(
        sender=policy.sender,
        sender_name=policy.sender_name,
        to=notice.to.address,
        to_name=notice.to.name,
        cc=tuple(notice.cc),
        reply_to=policy.mailbox,
        subject=subject,
        message_id=message_id,
        when=when,
        kind=notice.kind,
    )
    attachments = []
    ics = invite if invite is not None else _invite_bytes(notice, policy, when)
    if ics is not None:
        method = notice.invite.method if notice.invite else "REQUEST"
        attachments.append(
            Attachment(
                data=ics,
                maintype="text",
                subtype="calendar",
                filename="inbjudan.ics" if method == "REQUEST" else "installd.ics",
                params={"method": method, "charset": "utf-8"},
            )
        )
    return build(envelope, text, html, attachments)


def _invite_bytes(notice: Notice, policy: OutboxPolicy, when: datetime) -> bytes | None:
    invite = notice.invite
    if invite is None:
        return None
    from mailbot.outbox.ics import meeting_invitation, meeting_uid

    domain = policy.sender.rsplit("@", 1)[-1]
    return meeting_invitation(
        uid=meeting_uid(notice.network or "network", invite.root, domain),
        sequence=invite.sequence,
        method="CANCEL" if invite.method == "CANCEL" else "REQUEST",
        summary=invite.summary,
        day=invite.day,
        start=invite.start,
        end=invite.end,
        place=invite.place,
        description=(
            "Kom ihåg att skicka kallelse och dagordning till nätverkets medlemmar."
            if invite.method == "REQUEST"
            else "Träffen är inställd."
        ),
        organizer=policy.mailbox,
        attendee=notice.to.address,
        stamp=when,
    )


def _line(now: datetime, text: str) -> str:
    return f"{now.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%S')}Z {text}\n"


def as_json(row: OutboxItem) -> dict[str, Any]:
    """The exact `mailbot outbox list --json` object."""
    return {
        "id": row.id,
        "kind": row.kind,
        "network": row.network,
        "to": json.loads(row.to_json),
        "cc": json.loads(row.cc_json),
        "subject": row.subject,
        "about": row.about.isoformat() if row.about else None,
        "key": row.key,
        "state": row.state,
        "created": row.created_day.isoformat(),
        # The day it went out; null until then (and for dry-run: it never went out).
        "sent": row.sent_day.isoformat()
        if row.sent_day and row.state == OutboxState.SENT.value
        else None,
    }
