"""One full cycle as of a day: intake, processing, evaluation, outbox.

`mailbot tick --today D` and the daemon's scheduled jobs both come here. A tick knows
only mail sent on or before the end of its day, plans every notice due that day (the
outbox keeps only new keys), and sends what is due. Running it twice on a day, or once
after a week of downtime, is safe: each notice is planned once, when it is first due.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, col, select

from mailbot import meta
from mailbot.app import App
from mailbot.models import Message, MessageState, OutboxItem, Pause, Understanding
from mailbot.outbox.bounces import match_bounces
from mailbot.outbox.bundle import decode_context
from mailbot.outbox.digest import digest_context, review_items
from mailbot.outbox.planner import (
    MailSeen,
    NetworkView,
    Notice,
    PauseRule,
    PlanSettings,
    ReviewRequest,
    plan,
)
from mailbot.outbox.store import DispatchReport
from mailbot.registry.engine import STOCKHOLM, evaluate, is_working_day, local_date
from mailbot.registry.load import build_states
from mailbot.verdict import Verdict

log = logging.getLogger(__name__)


def end_of_day(day: date) -> datetime:
    """The last instant of `day` in Sweden: mail sent by then is known on that day."""
    return datetime.combine(day + timedelta(days=1), time(0), STOCKHOLM) - timedelta(microseconds=1)


def today_in_sweden(now: datetime | None = None) -> date:
    return (now or datetime.now(STOCKHOLM)).astimezone(STOCKHOLM).date()


def digest_moment(day: date, weekday: int, at: str) -> datetime:
    """When the digest of `day`'s ISO week is due (weekday 1 = Monday)."""
    monday = day - timedelta(days=day.isoweekday() - 1)
    hour, minute = (int(p) for p in at.split(":"))
    return datetime.combine(monday + timedelta(days=weekday - 1), time(hour, minute), STOCKHOLM)


def daily_moment(day: date, at: str) -> datetime:
    """From when on `day` the day's reminders go out (Europe/Stockholm)."""
    hour, minute = (int(p) for p in at.split(":"))
    return datetime.combine(day, time(hour, minute), STOCKHOLM)


def reminders_allowed(day: date, moment: datetime, at: str) -> bool:
    """Reminders go out on working days, from the daily time on (registry.engine's
    `is_working_day`: no weekends, no holidays). Answers to mail go any time."""
    return is_working_day(day) and moment >= daily_moment(day, at)


# What a first start leaves to the digest: the backlog of a whole year at once would be
# a flood. Recorded as `skipped` (so later rounds follow their usual rhythm), not sent.
# What a person needs that day still goes: meeting reminders, answers to recent mail,
# a deliverable due soon, the digest.
BACKLOG_KINDS = frozenset(
    {"protocol-reminder", "meetings-behind", "member-list-missing", "meeting-dates-missing"}
)


def backlog(notice: Notice) -> bool:
    if notice.kind in BACKLOG_KINDS:
        return True
    return notice.kind == "deliverable-reminder" and notice.topic.endswith(":after")


@dataclass
class TickReport:
    today: date
    taken_in: int = 0
    processed: int = 0
    bounced: int = 0
    planned: list[OutboxItem] = field(default_factory=list)
    dispatch: DispatchReport = field(default_factory=DispatchReport)
    quiet: bool = False  # a first start: the backlog was recorded, not sent


@dataclass
class Ticker:
    app: App
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def views(self, today: date) -> list[NetworkView]:
        networks = self.app.networks
        states = build_states(
            self.app.engine,
            [n.slug for n in networks],
            until=end_of_day(today),
            windows=self.app.match_windows,
        )
        return [
            NetworkView(n, states[n.slug], evaluate(states[n.slug], n.obligations, today))
            for n in networks
        ]

    def mails_to_answer(self, today: date) -> list[MailSeen]:
        age = self.app.settings.outbox.receipt_max_age_days
        since = end_of_day(today - timedelta(days=age + 1))
        with Session(self.app.engine) as session:
            rows = session.exec(
                select(Message, Understanding)
                .join(Understanding, col(Understanding.message_pk) == col(Message.id))
                .where(
                    col(Message.state).in_(
                        [MessageState.APPLIED.value, MessageState.NEEDS_REVIEW.value]
                    )
                )
                .where(col(Message.sent_at) > since)
                .where(col(Message.sent_at) <= end_of_day(today))
                .order_by(col(Message.sent_at))
            ).all()
        found = []
        for message, understanding in rows:
            assert message.id is not None
            verdict = Verdict.load(understanding.result_json)
            name, address = _sender(message.from_addr, verdict)
            if not address:
                continue
            found.append(
                MailSeen(
                    message_pk=message.id,
                    sender=address,
                    sender_name=name,
                    subject=message.subject or "",
                    sent_day=local_date(message.sent_at),
                    state=message.state,
                    verdict=verdict,
                    message_id=message.message_id,
                )
            )
        return found

    def plan(self, today: date, *, digest_due: bool, reminders_due: bool = True) -> list[Notice]:
        o = self.app.settings.outbox
        views = self.views(today)
        settings = PlanSettings(
            mailbox=o.mailbox,
            # No coordinators configured: no digest and no redirected notices (they would
            # land in the shared mailbox itself); `mailbot check` and the daemon say so.
            coordinators=tuple(o.coordinators),
            school_director=o.school_director or None,
            pauses=self.pauses(),
            coordinator_name=o.coordinator_name or None,
            receipts=o.receipts,
            receipt_max_age_days=o.receipt_max_age_days,
            max_rounds=o.max_rounds,
            own_addresses=(*self.app.own_addresses, o.mailbox.lower()),
        )
        digest = (
            digest_context(
                self.app.engine,
                views,
                today,
                end_of_day(today),
                o.coordinator_name or None,
                self.app.rules.broken,
            )
            if digest_due
            else None
        )
        return plan(
            views,
            self.mails_to_answer(today),
            self.app.outbox.history(),
            today,
            settings,
            digest=digest,
            reminders=reminders_due,
            review=self.review_request(today, views) if o.coordinators else None,
        )

    def review_request(self, today: date, views: list[NetworkView]) -> ReviewRequest:
        """Today's review request: the mail that waits for a person and was in no
        request yet; a fresh random token (only a real recipient can echo it)."""
        listed: set[int] = set()
        for row in self.app.outbox.items(kinds=("review-request",)):
            if row.context_json:
                for item in decode_context(row.context_json).get("items", []):
                    listed.add(int(item["id"]))
        names = {v.network.slug: v.network.name for v in views}
        items = review_items(self.app.engine, end_of_day(today), listed, names)
        return ReviewRequest(tuple(items), secrets.token_hex(4))

    def run(
        self,
        today: date,
        *,
        now: datetime | None = None,
        intake: Callable[[], int] | None = None,
        send: bool = True,
        dry_run: bool | None = None,
        stop: Callable[[], bool] = lambda: False,
    ) -> TickReport:
        """One cycle as of `today`. `now` decides whether this week's digest and the
        day's reminders are due (default: the end of `today`, so both are: the digest on
        any day of the week from its weekday and time on, the reminders from
        `outbox.daily_time`). Receipts and review notices go at any time."""
        settings = self.app.settings.outbox
        dry = settings.dry_run if dry_run is None else dry_run
        report = TickReport(today)
        with self._lock:
            if intake is not None:
                report.taken_in = intake()
            report.processed = self.app.pipeline.run_pending(stop).advanced
            # Non-delivery reports of mailbot's own mail (from the last 30 days).
            report.bounced = match_bounces(
                self.app.engine,
                self.app.raw_store,
                since=end_of_day(today - timedelta(days=31)),
                until=end_of_day(today),
            )
            moment = now or end_of_day(today)
            due = moment >= digest_moment(today, settings.digest_weekday, settings.digest_time)
            reminders = reminders_allowed(today, moment, settings.daily_time)
            notices = self.plan(today, digest_due=due, reminders_due=reminders)
            first = self.first_tick(today)
            report.quiet = first
            report.planned = self.app.outbox.add(
                notices, today, dry_run=dry, quiet=backlog if first else lambda _n: False
            )
            if send and not dry:
                report.dispatch = self.app.send_due(
                    today, dry_run=False, stop=stop, reminders=reminders
                )
        if report.dispatch.stopped:
            log.error("sending paused: %s", report.dispatch.stopped)
        return report

    def pauses(self) -> tuple[PauseRule, ...]:
        """Reminders held back until a person decides (answers.py)."""
        with Session(self.app.engine) as session:
            rows = session.exec(select(Pause).where(col(Pause.lifted_at).is_(None))).all()
        return tuple(PauseRule(r.network, r.person, r.about, r.topic) for r in rows)

    def first_tick(self, today: date) -> bool:
        """Whether this is the store's first tick ever (then it catches up quietly). A
        store that already has outbox rows (from before the marker existed) is not new."""
        if meta.get(self.app.engine, meta.FIRST_TICK) is not None:
            return False
        new = self.app.outbox.count_all() == 0
        meta.set_once(self.app.engine, meta.FIRST_TICK, today.isoformat())
        if new:
            log.info("first start: catching up quietly; the digest shows the backlog")
        return new

    def recover(self, today: date) -> tuple[int, int]:
        """Resolve rows a crash left in `sending` (at start, before anything is sent)."""
        transport = self.app.transport
        sent_copy = self.app.sent_folder()

        def delivered(message_id: str) -> bool | None:
            holds = getattr(transport, "holds", None)
            if callable(holds) and holds(message_id):
                return True
            if sent_copy is not None:
                return sent_copy.contains(message_id)
            return False if callable(holds) else None

        try:
            return self.app.outbox.recover(today, delivered=delivered)
        finally:
            if sent_copy is not None:
                sent_copy.close()


def _sender(from_addr: str | None, verdict: Verdict) -> tuple[str | None, str | None]:
    """(display name, address) of a mail's sender; the name from the member list when
    the sender is on it."""
    address = (from_addr or "").strip()
    if not address or "@" not in address:
        return None, None
    for member in verdict.members:
        if (member.email or "").lower() == address.lower():
            return member.name, address
    return None, address
