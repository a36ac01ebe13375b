"""The durable outbox: planned notices become rows, rows become mail, exactly once.

Life of a row (`OutboxItem.state`):

    pending --> sending --> sent
       ^           |------> deferred --(backoff)--> sending ...
       |           |------> failed       (5xx, or temporary failures past max_attempts)
    dry-run                  (a dry run: rendered and recorded, never sent)
    skipped                  (a first start's quiet catch-up: recorded, never sent)
    `outbox retry ID` puts a failed, deferred, dry-run or skipped row back to pending.

- `add` renders each new notice, fixes its Message-ID and stores the exact bytes, all
  in one transaction; a key already present is skipped (the idempotency key). A dry run
  records its rows as `dry-run` at once: nothing a dry run planned is ever sent unless
  the operator says so.
- `dispatch` takes due rows as mails: every reminder due to one person is one mail (a
  bundle, see bundle.py), anything else one mail a row. `sending` is committed before
  the attempt, the outcome after it. A crash in between leaves `sending`, which
  `recover` resolves at the next start: the transport or the IMAP Sent folder is asked
  whether a mail with that Message-ID went out; found means sent, otherwise it goes back
  to pending (when nothing can be asked, it is sent again: one possible duplicate beats
  a lost reminder).
- At most one reminder mail a person a day, and only when reminders may go (working
  days, from the daily time); at most `cap_per_recipient` other mails a person a day
  (the digest is exempt). What is over waits for the next day.
"""

from __future__ import annotations

import email
import email.policy
import fcntl
import hashlib
import json
import logging
import os
import signal
import threading
import time
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
from mailbot.outbox.bundle import (
    REMINDER_KINDS,
    decode_context,
    encode_context,
    invitations,
    networks_of,
)
from mailbot.outbox.compose import Attachment, Envelope, UnsafeMail, build, plain_message_id
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


# What `Outbox.retry` takes back into the queue (the desk shows its button for these).
RETRYABLE_STATES = (
    OutboxState.FAILED.value,
    OutboxState.DEFERRED.value,
    OutboxState.DRY_RUN.value,
    OutboxState.SKIPPED.value,
)


@dataclass(frozen=True)
class OutboxPolicy:
    sender: str
    sender_name: str
    mailbox: str  # Reply-To: answers reach the people who read the mailbox
    cap_per_recipient: int = 6
    retry_base: float = 60.0
    retry_max: float = 3600.0
    max_attempts: int = 12
    # How long to look for the server's own copy in the Sent folder before filing one.
    sent_folder_grace: float = 0.0


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
                OutboxItem.message_id,
            )
        ]
        with Session(self.engine) as session:
            rows = session.execute(sa_select(*columns)).all()
        return History(
            [
                Past(
                    topic, number, kind, network, about, day, failed=state == FAILED, message_id=mid
                )
                for topic, number, kind, network, about, day, state, mid in rows
            ]
        )

    def add(
        self,
        notices: Iterable[Notice],
        today: date,
        *,
        dry_run: bool = False,
        quiet: Callable[[Notice], bool] = lambda _notice: False,
    ) -> list[OutboxItem]:
        """Store the notices whose keys are new; return the rows added.

        `dry_run`: the rows are recorded as `dry-run` (reminders to one person bundled as
        they would be sent) and never sent by themselves. `quiet(notice)`: that notice
        is recorded as `skipped` (a first start catching up quietly)."""
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
            row = self._row(notice, today)
            if row.state == OutboxState.PENDING.value and quiet(notice):
                row.state = OutboxState.SKIPPED.value
                row.history += _line(
                    self.clock(), "skipped: a first start catches up quietly (retry sends it)"
                )
            elif row.state == OutboxState.PENDING.value and dry_run:
                row.state = OutboxState.DRY_RUN.value
                row.sent_day = None
                row.history += _line(self.clock(), "dry-run: rendered and recorded, not sent")
            rows.append(row)
        if dry_run:
            for group in _reminder_groups(r for r in rows if r.state == OutboxState.DRY_RUN.value):
                if len(group) > 1:
                    self._bundle(group)
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
            log.info(
                "planned %s #%s to %s (%s): %s",
                row.kind,
                row.id,
                row.to_json,
                row.state,
                row.subject,
            )
        return rows

    def _row(self, notice: Notice, today: date) -> OutboxItem:
        message_id = make_message_id(notice.key, self.policy.sender, token=notice.token)
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
            context_json=encode_context(context),
            in_reply_to=plain_message_id(notice.in_reply_to),
            references=" ".join(r for r in map(plain_message_id, notice.references) if r) or None,
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
            notice_mime=mime,
            state=OutboxState.PENDING.value,
            history=_line(self.clock(), f"planned on {today.isoformat()}"),
        )

    def _bundle(self, rows: Sequence[OutboxItem]) -> None:
        """Write several reminders to one person as one mail: every row gets the bundle's
        bytes and Message-ID (its own rendering stays in `notice_mime`). Rows that cannot
        be bundled (no context) are left as they are."""
        parts = [r for r in rows if r.context_json and r.notice_mime]
        if len(parts) < 2:
            return
        contexts = [decode_context(r.context_json or "{}") for r in parts]
        sections = [self.renderer.section(r.kind, c) for r, c in zip(parts, contexts, strict=True)]
        first = parts[0]
        to = json.loads(first.to_json)
        cc = list(dict.fromkeys(a for r in parts for a in json.loads(r.cc_json)))
        names = [str(c["recipient_name"]) for c in contexts if c.get("recipient_name")]
        recipient_name = names[0] if names else None
        context = {
            "recipient_name": recipient_name,
            "count": len(sections),
            "networks": networks_of(contexts),
            "sections": sections,
        }
        keys = sorted(r.key for r in parts)
        message_id = make_message_id("bundle:" + "|".join(keys), self.policy.sender)
        rendered = self.renderer.render("reminders", context)
        attachments = [a for r in parts for a in invitations(r.notice_mime or b"")]
        envelope = Envelope(
            sender=self.policy.sender,
            sender_name=self.policy.sender_name,
            to=to[0],
            to_name=recipient_name,
            cc=tuple(cc),
            reply_to=self.policy.mailbox,
            subject=rendered.subject,
            message_id=message_id,
            when=self.clock(),
            kind="reminders",
            in_reply_to=next((r.in_reply_to for r in parts if r.in_reply_to), None),
            references=tuple(
                dict.fromkeys(ref for r in parts for ref in (r.references or "").split() if ref)
            )[-10:],
        )
        mime = build(envelope, rendered.text, rendered.html, attachments)
        others = ", ".join(f"#{r.id}" if r.id else r.kind for r in parts)
        for row in parts:
            row.mime = mime
            row.message_id = message_id
            row.cc_json = json.dumps(cc)
            row.history += _line(self.clock(), f"written as one mail with {others}")

    # -- sending -------------------------------------------------------------------

    def dispatch(
        self,
        transport: Transport | None,
        today: date,
        *,
        dry_run: bool = False,
        sent_copy: SentCopy | None = None,
        stop: Callable[[], bool] = lambda: False,
        reminders: bool = True,
    ) -> DispatchReport:
        """Send every mail that is due. `today` is the tick's day: what `sent` says and
        what the daily caps count. `reminders`: whether reminders may go now (working
        days, from the daily time); when not, they wait. `dry_run` (or no transport)
        sends nothing and changes nothing: rows a dry run planned are already `dry-run`,
        and rows planned for real stay waiting for a real send."""
        report = DispatchReport()
        if dry_run or transport is None:
            return report
        with self._exclusive():
            for group in self._due_groups(reminders):
                if stop():
                    break
                outcome = self._send(group, transport, today, sent_copy, report)
                if outcome is not None:
                    report.stopped = outcome
                    break
        return report

    def _due_groups(self, reminders: bool) -> list[list[int]]:
        """The due rows as mails: reminders not yet attempted, per recipient; rows that
        were attempted before, per Message-ID (they keep the mail they were); the rest,
        one a mail. In the order of their oldest row."""
        now = self.clock()
        with Session(self.engine) as session:
            rows = session.exec(
                select(OutboxItem)
                .where(col(OutboxItem.state).in_(WAITING))
                .where(
                    or_(
                        col(OutboxItem.next_attempt_at).is_(None),
                        col(OutboxItem.next_attempt_at) <= now,
                    )
                )
                .order_by(col(OutboxItem.id))
            ).all()
        groups: dict[tuple[str, str], list[int]] = {}
        for row in rows:
            assert row.id is not None
            if row.kind in REMINDER_KINDS:
                if not reminders:
                    continue
                # Attempted before: the mail it was. Not yet: with the recipient's others.
                key = ("mail", row.message_id) if row.attempts else ("to", _first_recipient(row))
            else:
                key = ("row", str(row.id))
            groups.setdefault(key, []).append(row.id)
        return list(groups.values())

    def _mails_today(self, session: Session, address: str, today: date, *, reminder: bool) -> int:
        """Mails (not rows: a bundle is one mail) sent to `address` on `today`, of the
        reminders or of the other kinds (the digest not counted)."""
        rows = session.exec(
            select(OutboxItem.message_id, OutboxItem.kind, OutboxItem.to_json).where(
                OutboxItem.sent_day == today, OutboxItem.state == OutboxState.SENT.value
            )
        ).all()
        found = {
            message_id
            for message_id, kind, to in rows
            if kind != "digest"
            and (kind in REMINDER_KINDS) == reminder
            and address.lower() in (a.lower() for a in json.loads(to))
        }
        return len(found)

    def _send(
        self,
        group: list[int],
        transport: Transport,
        today: date,
        sent_copy: SentCopy | None,
        report: DispatchReport,
    ) -> str | None:
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session:
            rows = [r for i in group if (r := session.get(OutboxItem, i)) is not None]
            rows = [r for r in rows if r.state in WAITING]
            if not rows:
                return None
            first = rows[0]
            reminder = first.kind in REMINDER_KINDS
            address = _first_recipient(first)
            if reminder:
                if self._mails_today(session, address, today, reminder=True) >= 1:
                    report.capped += len(rows)  # one reminder mail a day: tomorrow
                    return None
            elif first.kind != "digest" and (
                self._mails_today(session, address, today, reminder=False)
                >= self.policy.cap_per_recipient
            ):
                report.capped += len(rows)
                return None
            if reminder and len(rows) > 1 and not first.attempts:
                try:
                    self._bundle(rows)
                except Exception:  # a bug in writing the bundle: one reminder goes today
                    log.exception("cannot write %d reminders as one mail", len(rows))
                    session.rollback()
                    rows = rows[:1]
            for row in rows:
                row.attempts += 1
                row.history += _line(now, "sending")
                session.add(row)
            session.flush()
            # Claim the rows: a conditional update, so that of two processes (the daemon
            # and an operator's `tick`) only one ever sends them.
            ids = [r.id for r in rows if r.id is not None]
            claimed = session.execute(
                update(OutboxItem)
                .where(col(OutboxItem.id).in_(ids), col(OutboxItem.state).in_(WAITING))
                .values(state=OutboxState.SENDING.value)
            )
            if getattr(claimed, "rowcount", 0) != len(ids):
                session.rollback()
                return None
            session.commit()
        mime = rows[0].mime
        to = json.loads(rows[0].to_json)
        cc = json.loads(rows[0].cc_json)
        try:
            # The stored bytes, unchanged: they are what was verified when they were made.
            result = transport.send(mime, envelope_from=self.policy.sender, recipients=to + cc)
        except Exception as exc:  # a transport bug must not leave rows in `sending`
            log.exception("the transport failed unexpectedly")
            result = SendResult("temporary", None, f"unexpected {type(exc).__name__}: {exc}")
        # The Sent-folder copy goes in before the commit: after a crash between the two,
        # `recover` finds it there and does not send a second copy.
        copied = (
            result.ok
            and sent_copy is not None
            and self._copy(ids[0], mime, sent_copy, rows[0].message_id)
        )
        _fault_point("after-send")
        self._record(ids, result, today, copied=copied)
        if result.ok:
            report.sent += 1
            return None
        if result.outcome == "permanent" and not result.affects_all:
            report.failed += 1
        else:
            report.deferred += 1
        return result.detail if result.affects_all else None

    def _record(
        self, row_ids: Sequence[int], result: SendResult, today: date, *, copied: bool = False
    ) -> None:
        """The outcome of one mail, on every row it carried, in one transaction."""
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as session:
            for row_id in row_ids:
                row = session.get(OutboxItem, row_id)
                assert row is not None
                self._outcome(row, result, today, now, copied)
                session.add(row)
            session.commit()

    def _outcome(
        self, row: OutboxItem, result: SendResult, today: date, now: datetime, copied: bool
    ) -> None:
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

    def _copy(self, row_id: int, raw: bytes, sent_copy: SentCopy, message_id: str) -> bool:
        """File the sent mail in the Sent folder, unless the server filed it itself:
        Exchange Online keeps a copy of what is sent over SMTP AUTH in Sent Items, a
        second would show every mail twice. So the folder is searched for the Message-ID
        (for up to `sent_folder_grace` seconds, the time the server takes to file it)
        and the copy appended only when none turns up."""
        try:
            deadline = time.monotonic() + self.policy.sent_folder_grace
            while True:
                if sent_copy.contains(message_id):
                    log.info("#%s: the server filed its own copy in the Sent folder", row_id)
                    return True
                if time.monotonic() >= deadline:
                    break
                time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
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
            mails: dict[str, list[OutboxItem]] = {}
            for row in rows:  # a bundle is one mail: asked about once
                mails.setdefault(row.message_id, []).append(row)
            for message_id, carried in mails.items():
                try:
                    answer = delivered(message_id)
                except Exception as exc:
                    # The Sent folder cannot be asked now (IMAP down): leave the rows in
                    # `sending` (they are never sent from there) and ask again next time.
                    log.warning(
                        "cannot tell whether %s went out before a crash (%s); asking again "
                        "at the next tick",
                        message_id,
                        exc,
                    )
                    break
                for row in carried:
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
        """Queue a failed, deferred, dry-run or skipped row again, as the notice it is
        (a bundle it was in is written anew with what is due when it goes)."""
        retryable = RETRYABLE_STATES
        with Session(self.engine, expire_on_commit=False) as session:
            row = session.get(OutboxItem, row_id)
            if row is None:
                raise LookupError(f"no outbox item {row_id}")
            if row.state not in retryable:
                raise ValueError(
                    f"outbox item {row_id} is {row.state}; only failed, deferred, dry-run or "
                    "skipped items can be retried"
                )
            if not row.mime:
                raise ValueError(f"outbox item {row_id} was never rendered: {row.last_error}")
            row.history += _line(self.clock(), f"retry requested by {actor} (was {row.state})")
            row.state = OutboxState.PENDING.value
            row.attempts = 0
            row.next_attempt_at = None
            row.sent_day = None
            if row.notice_mime:  # its own mail again, not the bundle it was in
                row.mime = row.notice_mime
                row.message_id = _id_in(row.notice_mime) or row.message_id
            session.add(row)
            session.commit()
            return row

    def get(self, row_id: int) -> OutboxItem | None:
        with Session(self.engine) as session:
            return session.get(OutboxItem, row_id)

    def items(
        self, *, states: Sequence[str] | None = None, kinds: Sequence[str] | None = None
    ) -> list[OutboxItem]:
        with Session(self.engine) as session:
            query = select(OutboxItem).order_by(col(OutboxItem.id))
            if kinds:
                query = query.where(col(OutboxItem.kind).in_(list(kinds)))
            if states:
                query = query.where(col(OutboxItem.state).in_(states))
            return list(session.exec(query).all())

    def count_all(self) -> int:
        with Session(self.engine) as session:
            return int(session.exec(select(func.count()).select_from(OutboxItem)).one())

    def count_waiting(self) -> int:
        with Session(self.engine) as session:
            return int(
                session.exec(select(func.count()).where(col(OutboxItem.state).in_(WAITING))).one()
            )


def _id_in(raw: bytes) -> str | None:
    """The Message-ID written in a stored mail."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    value = email.message_from_bytes(head + b"\r\n\r\n", policy=email.policy.compat32)["Message-ID"]
    return str(value).strip() if value else None


def _first_recipient(row: OutboxItem) -> str:
    to = json.loads(row.to_json)
    return str(to[0]).lower() if to else ""


def _reminder_groups(rows: Iterable[OutboxItem]) -> list[list[OutboxItem]]:
    """Reminders per recipient, in order (for a dry run's bundles)."""
    groups: dict[str, list[OutboxItem]] = {}
    for row in rows:
        if row.kind in REMINDER_KINDS:
            groups.setdefault(_first_recipient(row), []).append(row)
    return list(groups.values())


def _fault_point(name: str) -> None:
    """Crash tests only: `MAILBOT_TEST_FAULT=kill-after-send` kills the process here, the
    way a power cut would, to prove that recovery never sends a second copy."""
    if os.environ.get("MAILBOT_TEST_FAULT") == f"kill-{name}":
        os.kill(os.getpid(), signal.SIGKILL)


def make_message_id(key: str, sender: str, *, token: str | None = None) -> str:
    """Fixed before the first attempt, and the same for the same key: a resend after a
    crash carries the same Message-ID, which the Sent-folder check and mail clients use
    to see it is the same mail. A review request's token goes in it too: an answer's
    In-Reply-To then echoes the token (understand/decisions.py)."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else "mailbot.invalid"
    if token:
        return f"<mailbot.{token}.{digest}@{domain}>"
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
        in_reply_to=plain_message_id(notice.in_reply_to),
        references=tuple(r for r in map(plain_message_id, notice.references) if r),
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
        # Notices that went out in one mail (a bundle) share it.
        "message_id": row.message_id,
        "created": row.created_day.isoformat(),
        # The day it went out; null until then (and for dry-run: it never went out).
        "sent": row.sent_day.isoformat()
        if row.sent_day and row.state == OutboxState.SENT.value
        else None,
    }
