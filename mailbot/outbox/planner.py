"""The planner: what mailbot should send on a day, as a list of notices.

Pure: the caller passes every network's registry state and rule findings as known on
`today`, the mail to answer, and the history of what was planned before (the outbox's
rows); the planner reads no clock, no store and no files. The same inputs give the same
notices with the same keys, and the outbox adds a notice only when its key is new, so
planning twice on a day, or again after a crash or a week of downtime, adds nothing
twice: after downtime each notice that is still due is planned once, not once per
missed day.

A notice's key is `TOPIC#ROUND:RECIPIENT`. The topic names what it is about (kind,
network, meeting date or year or deliverable), the round counts repeats of a topic, the
recipient is one address (every notice is one mail to one person, with copies in cc).

What is planned, and when (the issue's list, made exact). "Reminders" are every kind
below but the answers to mail (receipt, review-notice, meeting-moved,
meeting-cancelled) and the digest. The caller plans reminders only on working days
(Monday to Friday that are no Swedish holiday: `registry.engine.is_working_day`), from
the daily time on (`reminders=False` otherwise), so a reminder that would fall on a
weekend or holiday is planned on the next working day; answers and the digest go any
day. A deadline a mail states (`deadline`, `due_date`) that falls on a weekend or
holiday is stated as the working day before (`registry.engine.stated_deadline`). The
outbox sends every reminder due to one person at one time as one mail, and at most one
reminder mail a person a day (outbox/bundle.py); planning is per topic, as below.

meeting-reminder (topic `meeting-reminder:NET:DATE@ROOT`)
    To the chair, once per meeting, on the first day in [date - N, date - 1] that the
    meeting is known and planned and reminders are planned (a working day); N is the
    network's `meetings.remind_chair_days_before`. A meeting announced later than N days
    ahead gets its reminder the first such day it is known.
    Carries an .ics invitation (REQUEST) whose UID stays the same when the meeting moves.
meeting-moved (`meeting-moved:NET:NEWDATE@ROOT`)
    To the chair, the day a move is known, when the old date already had a reminder or a
    moved notice and the new date is still ahead; never also a reminder for the new date.
    A meeting moved before its reminder simply gets its reminder for the new date.
    Carries the updated .ics (same UID, higher SEQUENCE).
meeting-cancelled (`meeting-cancelled:NET:DATE@ROOT`)
    To the chair, the day a cancellation is applied, when that meeting had a reminder or
    moved notice and its day has not passed. Carries an .ics CANCEL.
protocol-reminder (`protocol-reminder:NET:DATE`)
    To whoever writes the protocol (rules `protocol.writer`: the secretary; for a host
    principal or host municipality, the secretary as the one who collects it, else the
    chair) while `protocol-missing` fires for that meeting; at most every 7 days, at most
    `max_rounds` times, and never again once the protocol has arrived (the finding is gone).
meetings-behind (`meetings-behind:NET:YEAR`)
    To the chair, copy to the coordinators, while `meeting-count-behind` fires; at most
    every 30 days, at most `max_rounds` times a year.
member-list-missing / meeting-dates-missing (`RULE:NET:YEAR`)
    To the chair and to the secretary (one mail each; one when it is the same person),
    while the finding fires; at most every 30 days, at most `max_rounds` times a year.
deliverable-reminder (`deliverable-reminder:NET:KEY:DUE:before|after`)
    To whoever answers for it (rules `responsible`: chair, secretary, presidium (else the
    chair), school director: `contacts.school_director` in rules/, else
    `outbox.school_director` in the configuration; with nobody known, the coordinators,
    once): once when `deliverable-due-soon` fires (`before`), once when
    `deliverable-overdue` fires (`after`, only within 60 days of the due date: a first
    start long after it sends no stale reminder); from then on the digest keeps it in view.
receipt (`receipt:MESSAGE`) / review-notice (`review-notice:MESSAGE`)
    To the sender of each applied mail / each mail waiting for review, sent on a day in
    [today - receipt_max_age_days, today]: what was registered, or that a person will
    look at it. Never for ignored mail, never to mailbot's own address, and no review
    notice when a reason says the From may be forged (DMARC or SPF failing, a Sender or
    Return-Path on another domain, a From that is not one mailbox: a notice would go to
    someone who never wrote). Off with `outbox.receipts = false`.
mission-ending (`mission-ending:NET:VALID_TO`)
    To each coordinator, once, when `mission-ending` fires (the mission's period ends
    within 60 days): the rules file needs the next period.
digest (`digest:YYYY-Www`)
    To each coordinator, once per ISO week, when the caller says it is due.

Recipients come from rules/ contacts first (an address pinned there), then the
registry's latest member list (role ordforande, sekreterare, presidium). A notice with
no known recipient goes to the coordinators instead, and says why (`redirected`); such
a notice is not repeated (the coordinator sees the finding in every digest). With no
coordinators configured, there is no digest and such a notice goes to nobody.
`meeting-weekday` and `mission-ended` are for the coordinator only: the digest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from mailbot.obligations import Deliverable
from mailbot.registry.engine import stated_deadline
from mailbot.registry.state import (
    Finding,
    MeetingRecord,
    MemberRecord,
    NetworkState,
    NetworkStatus,
)
from mailbot.rules import Network
from mailbot.verdict import Verdict

WEEKLY = 7
MONTHLY = 30
# A deliverable's "after" reminder is sent only this many days after its due date; a
# first start long after it leaves the overdue deliverable to the digest.
LATE_WINDOW = 60
MEETING_KINDS = ("meeting-reminder", "meeting-moved", "meeting-cancelled")
# Answers to mail and the digest: never held back by a pause.
ANSWER_KINDS = ("receipt", "review-notice", "digest", "decision-receipt", "review-request")


@dataclass(frozen=True)
class Person:
    address: str
    name: str | None = None


@dataclass(frozen=True)
class Invite:
    """The .ics part of a meeting notice."""

    root: date  # the meeting's first known date: the calendar UID's anchor
    method: str  # REQUEST | CANCEL
    sequence: int
    day: date
    start: time | None
    end: time | None
    place: str | None
    summary: str


@dataclass(frozen=True)
class Notice:
    kind: str
    network: str | None
    topic: str
    round: int
    to: Person
    context: Mapping[str, Any]
    cc: tuple[str, ...] = ()
    about: date | None = None
    redirected: str | None = None  # why the coordinator gets it instead
    source_message_pk: int | None = None
    invite: Invite | None = None
    # The thread: the mail this answers, and the chain before it (RFC 5322 3.6.4).
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    # A review request's token: in its Message-ID (and subject), for answers to echo.
    token: str | None = None

    @property
    def key(self) -> str:
        return f"{self.topic}#{self.round}:{self.to.address.lower()}"


@dataclass(frozen=True)
class Past:
    """What the planner needs to know of one earlier outbox row."""

    topic: str
    round: int
    kind: str
    network: str | None
    about: date | None
    created_day: date
    # A notice that could not be delivered (5xx, bounced) does not count as given: a
    # corrected address gets it (a new key); the same address never again by itself.
    failed: bool = False
    message_id: str = ""  # the mail it went (or goes) out in


@dataclass
class History:
    rows: Sequence[Past]
    _topics: dict[str, tuple[int, date]] = field(default_factory=dict, init=False)
    _meetings: dict[str, dict[date, date]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for row in self.rows:
            if row.failed:
                continue
            got = self._topics.get(row.topic)
            if got is None or (row.round, row.created_day) > got:
                self._topics[row.topic] = (row.round, row.created_day)
            if row.kind in ("meeting-reminder", "meeting-moved") and row.about and row.network:
                self._meetings.setdefault(row.network, {})[row.about] = root_of(row.topic)

    def last(self, topic: str) -> tuple[int, date] | None:
        """(highest round, day it was planned) of a topic, or None."""
        return self._topics.get(topic)

    def updates(self, network: str, root: date, day: date) -> int:
        """Moved/cancelled notices of one meeting (by its root) planned on `day`."""
        suffix = f"@{root.isoformat()}"
        return len(
            {
                r.topic
                for r in self.rows
                if r.network == network
                and r.kind in ("meeting-moved", "meeting-cancelled")
                and r.created_day == day
                and r.topic.endswith(suffix)
            }
        )

    def notified(self, network: str) -> dict[date, date]:
        """Meeting dates of a network that had a reminder or moved notice -> their root."""
        return self._meetings.get(network, {})

    def about(self, network: str, day: date) -> tuple[str, ...]:
        """The Message-IDs of the mail already sent about one meeting (reminders, moves,
        protocol reminders), oldest first: what a new mail about it refers to."""
        kinds = (*MEETING_KINDS, "protocol-reminder")
        found = [
            r.message_id
            for r in sorted(self.rows, key=lambda r: r.created_day)
            if r.network == network and r.about == day and r.kind in kinds and r.message_id
        ]
        return tuple(dict.fromkeys(found))


def root_of(topic: str) -> date:
    return date.fromisoformat(topic.rsplit("@", 1)[1])


@dataclass(frozen=True)
class NetworkView:
    """One network as known on the day: rules, registry state and findings."""

    network: Network
    state: NetworkState
    status: NetworkStatus


@dataclass(frozen=True)
class MailSeen:
    """A mail to answer with a receipt or review notice."""

    message_pk: int
    sender: str
    sender_name: str | None
    subject: str
    sent_day: date
    state: str  # applied | needs_review
    verdict: Verdict  # the understanding, as decided
    message_id: str | None = None  # its Message-ID: the answer goes in its thread
    references: tuple[str, ...] = ()  # its References


@dataclass(frozen=True)
class ReviewRequest:
    """The mail that waits for a person and was in no request yet, for today's review
    request to the coordinators; `token` goes in its Message-ID and subject, and an
    answer must echo it (understand/decisions.py)."""

    items: tuple[Mapping[str, Any], ...]
    token: str


ANY_NETWORK = "*"


@dataclass(frozen=True)
class PauseRule:
    """Reminders held back until a person decides (an answer asked for it): on one
    network, to one person (or anyone) and about one meeting (or any)."""

    network: str  # a network's slug, or "*": every network (a person's pause)
    person: str | None = None
    about: date | None = None
    topic: str | None = None  # one notice topic (set on the desk), or any

    def holds(self, notice: Notice) -> bool:
        if notice.kind in ANSWER_KINDS:
            return False
        if self.network != ANY_NETWORK and notice.network != self.network:
            return False
        if self.person is not None and notice.to.address.lower() != self.person.lower():
            return False
        if self.topic is not None and notice.topic != self.topic:
            return False
        return self.about is None or notice.about == self.about


@dataclass(frozen=True)
class PlanSettings:
    mailbox: str
    coordinators: tuple[str, ...]
    coordinator_name: str | None = None
    receipts: bool = True
    receipt_max_age_days: int = 7
    max_rounds: int = 4
    own_addresses: tuple[str, ...] = ()
    # Who answers for a `skolchef` deliverable when rules/ pins nobody (configuration).
    school_director: str | None = None
    pauses: tuple[PauseRule, ...] = ()


def plan(
    views: Iterable[NetworkView],
    mails: Iterable[MailSeen],
    history: History,
    today: date,
    settings: PlanSettings,
    digest: Mapping[str, Any] | None = None,
    reminders: bool = True,
    review: ReviewRequest | None = None,
) -> list[Notice]:
    """Every notice due on `today` (the outbox drops those it already has).

    `reminders=False` leaves out the day's scheduled reminders (meeting reminders and
    everything from findings): the daemon sends those from the daily evaluation time
    on, not at night after a restart; answers to mail (receipts, review notices, moved
    and cancelled meetings) go at any time."""
    views = list(views)
    planner = _Planner(history, today, settings)
    notices: list[Notice] = []
    for view in views:
        notices += [n for n in planner.meetings(view) if reminders or n.kind != "meeting-reminder"]
        if reminders:
            notices += planner.findings(view)
    if settings.receipts:
        by_slug = {v.network.slug: v for v in views}
        for mail in mails:
            notices += planner.answer(mail, by_slug)
    if digest is not None:
        notices += planner.digest(digest)
    if review is not None and review.items:
        notices += planner.review_request(review)
    # Reminders an answer asked to hold back wait until a person decides (they are
    # planned then, as due): "already sent", "not the secretary any more", "stop".
    return [n for n in notices if not any(p.holds(n) for p in settings.pauses)]


class _Planner:
    def __init__(self, history: History, today: date, settings: PlanSettings) -> None:
        self.history = history
        self.today = today
        self.settings = settings

    # -- helpers -------------------------------------------------------------------

    def _round(self, topic: str, every: int, limit: int | None = None) -> int | None:
        """The round to plan now for a repeated topic, or None when not yet/no more."""
        last = self.history.last(topic)
        if last is None:
            return 1
        number, day = last
        if number >= (limit or self.settings.max_rounds) or (self.today - day).days < every:
            return None
        return number + 1

    def _thread(self, network: str, *days: date | None) -> dict[str, Any]:
        """The thread a mail about a meeting goes in: the earlier mail about it."""
        refs = tuple(
            dict.fromkeys(ref for day in days if day for ref in self.history.about(network, day))
        )
        return {"in_reply_to": refs[-1] if refs else None, "references": refs[-10:]}

    def _coordinators(self) -> list[Person]:
        unique = dict.fromkeys(a.lower() for a in self.settings.coordinators)
        return [Person(a, self.settings.coordinator_name) for a in unique]

    def _deliver(
        self,
        people: list[Person],
        missing: str,
        *,
        context: Mapping[str, Any],
        **fields: Any,
    ) -> list[Notice]:
        """One notice per person (deduplicated by address), greeting each by name; to
        the coordinators with the reason `missing` when nobody is known. `fields` are
        the other `Notice` fields, the same for every recipient."""

        def make(person: Person, why: str | None) -> Notice:
            greeting = {**context, "recipient_name": person.name}
            return Notice(to=person, redirected=why, context=greeting, **fields)

        seen: set[str] = set()
        unique = []
        for person in people:
            if person.address.lower() not in seen:
                seen.add(person.address.lower())
                unique.append(person)
        if unique:
            return [make(p, None) for p in unique]
        return [make(p, missing) for p in self._coordinators()]

    # -- meetings ------------------------------------------------------------------

    def meetings(self, view: NetworkView) -> list[Notice]:
        slug = view.network.slug
        notified = self.history.notified(slug)
        days = view.network.obligations.meetings.remind_chair_days_before
        notices: list[Notice] = []
        for day, record in sorted(view.state.meetings.items()):
            if day < self.today:
                continue
            if record.status == "planned" and day > self.today:
                previous = record.moved_from
                if previous is not None and previous in notified:
                    # (Also when the new date had a notice before: A -> B -> A.)
                    notices += self._meeting(view, "meeting-moved", record, notified[previous])
                elif day in notified:
                    continue
                elif (day - self.today).days <= days:
                    notices += self._meeting(view, "meeting-reminder", record, day)
            elif record.status == "cancelled" and day in notified:
                notices += self._meeting(view, "meeting-cancelled", record, notified[day])
        return notices

    def _meeting(
        self, view: NetworkView, kind: str, record: MeetingRecord, root: date
    ) -> list[Notice]:
        slug, name = view.network.slug, view.network.name
        topic = f"{kind}:{slug}:{record.date.isoformat()}@{root.isoformat()}"
        if self.history.last(topic) is not None:
            return []
        context: dict[str, Any] = {
            "network": name,
            "meeting_date": record.date,
            "meeting_start": record.start,
            "meeting_end": record.end,
            "meeting_place": record.place,
        }
        if kind == "meeting-moved":
            assert record.moved_from is not None
            context |= {
                "previous_date": record.moved_from,
                "previous_start": record.moved_from_start,
            }
        if kind == "meeting-cancelled":
            status = view.status
            context |= {
                "year": status.year,
                "meetings_held": status.meetings_held,
                "meetings_planned": status.meetings_planned,
                "meetings_required": status.meetings_required,
                "mailbox": self.settings.mailbox,
            }
        invite = Invite(
            root=root,
            method="CANCEL" if kind == "meeting-cancelled" else "REQUEST",
            # Any increasing number will do (RFC 5545): for an update, days since 2000
            # times 100 plus the updates of this meeting already planned today.
            sequence=0
            if kind == "meeting-reminder"
            else (self.today - date(2000, 1, 1)).days * 100
            + self.history.updates(view.network.slug, root, self.today),
            day=record.date,
            start=record.start,
            end=record.end,
            place=record.place,
            summary=f"Nätverksträff {name}",
        )

        return self._deliver(
            _chair(view),
            _no_one(view, "ordförande"),
            context=context,
            kind=kind,
            network=slug,
            topic=topic,
            round=1,
            about=record.date,
            invite=invite,
            **self._thread(slug, record.date, record.moved_from, root),
        )

    # -- findings ------------------------------------------------------------------

    def findings(self, view: NetworkView) -> list[Notice]:
        notices: list[Notice] = []
        for finding in view.status.findings:
            if finding.rule == "protocol-missing":
                notices += self._protocol(view, finding)
            elif finding.rule == "meeting-count-behind":
                notices += self._behind(view)
            elif finding.rule in ("member-list-missing", "meeting-dates-missing"):
                notices += self._paperwork(view, finding)
            elif finding.rule in ("deliverable-due-soon", "deliverable-overdue"):
                notices += self._deliverable(view, finding)
            elif finding.rule == "mission-ending":
                notices += self._mission_ending(view, finding)
        return notices

    def _mission_ending(self, view: NetworkView, finding: Finding) -> list[Notice]:
        assert finding.due is not None
        slug = view.network.slug
        topic = f"mission-ending:{slug}:{finding.due.isoformat()}"
        if self.history.last(topic) is not None:
            return []
        context = {
            "network": view.network.name,
            "valid_to": finding.due,
            "days": (finding.due - self.today).days,
            "rules_file": f"rules/{slug}.toml",
        }
        return [
            Notice(
                kind="mission-ending",
                network=slug,
                topic=topic,
                round=1,
                to=person,
                context={**context, "recipient_name": person.name},
            )
            for person in self._coordinators()
        ]

    def _protocol(self, view: NetworkView, finding: Finding) -> list[Notice]:
        assert finding.meeting is not None and finding.due is not None
        slug = view.network.slug
        topic = f"protocol-reminder:{slug}:{finding.meeting.isoformat()}"
        people = _secretary(view) or _chair(view)
        number = self._round(topic, WEEKLY, None if people else 1)
        if number is None:
            return []
        record = view.state.meetings.get(finding.meeting)
        writer = view.network.obligations.protocol.writer
        context = {
            "network": view.network.name,
            "writer": writer,
            "host": None,
            "meeting_date": finding.meeting,
            "meeting_place": record.place if record else None,
            "due_date": stated_deadline(finding.due, view.network.obligations),
            "mailbox": self.settings.mailbox,
        }

        return self._deliver(
            people,
            _no_one(view, "sekreterare eller ordförande"),
            context=context,
            kind="protocol-reminder",
            network=slug,
            topic=topic,
            round=number,
            about=finding.meeting,
            **self._thread(slug, finding.meeting),
        )

    def _behind(self, view: NetworkView) -> list[Notice]:
        slug, status = view.network.slug, view.status
        topic = f"meetings-behind:{slug}:{status.year}"
        chairs = _chair(view)
        number = self._round(topic, MONTHLY, None if chairs else 1)
        if number is None:
            return []
        planned = sorted(
            d
            for d, m in view.state.meetings.items()
            if m.status == "planned" and d >= self.today and d.year == status.year
        )
        context = {
            "network": view.network.name,
            "year": status.year,
            "meetings_held": status.meetings_held,
            "meetings_planned": status.meetings_planned,
            "meetings_required": status.meetings_required,
            "planned_dates": planned,
            "coordinator_name": self.settings.coordinator_name,
            "mailbox": self.settings.mailbox,
        }
        cc = tuple(self.settings.coordinators) if chairs else ()

        return self._deliver(
            chairs,
            _no_one(view, "ordförande"),
            context=context,
            kind="meetings-behind",
            network=slug,
            topic=topic,
            round=number,
            cc=cc,
        )

    def _paperwork(self, view: NetworkView, finding: Finding) -> list[Notice]:
        slug, status = view.network.slug, view.status
        topic = f"{finding.rule}:{slug}:{status.year}"
        people = _chair(view) + _secretary(view)
        number = self._round(topic, MONTHLY, None if people else 1)
        if number is None:
            return []
        context: dict[str, Any] = {
            "network": view.network.name,
            "year": status.year,
            "deadline": stated_deadline(finding.due, view.network.obligations)
            if finding.due
            else None,
            "mailbox": self.settings.mailbox,
        }
        if finding.rule == "meeting-dates-missing":
            rules = view.network.obligations.meetings
            context |= {"meetings_required": rules.per_year, "weekdays": list(rules.weekdays)}

        return self._deliver(
            people,
            _no_one(view, "ordförande eller sekreterare"),
            context=context,
            kind=finding.rule,
            network=slug,
            topic=topic,
            round=number,
        )

    def _deliverable(self, view: NetworkView, finding: Finding) -> list[Notice]:
        assert finding.due is not None
        item = _deliverable_of(view, finding)
        if item is None:
            return []
        slug = view.network.slug
        overdue = finding.rule == "deliverable-overdue"
        topic = (
            f"deliverable-reminder:{slug}:{item.key}:{finding.due.isoformat()}:"
            f"{'after' if overdue else 'before'}"
        )
        if self.history.last(topic) is not None:
            return []  # one reminder before the due date, one after
        if overdue and (self.today - finding.due).days > LATE_WINDOW:
            return []  # long past: news for the digest, not for a reminder
        number = 1
        stated = stated_deadline(finding.due, view.network.obligations)
        context = {
            "network": view.network.name,
            "deliverable": item.name,
            "due_date": stated,
            "overdue": overdue,
            "days": abs((stated - self.today).days),
            "mailbox": self.settings.mailbox,
        }
        people: list[Person] = []
        contacts = view.network.obligations.contacts
        for role in item.responsible:
            if role == "ordforande":
                people += _chair(view)
            elif role == "sekreterare":
                people += _secretary(view)
            elif role == "presidium":
                people += _role(view, "presidium") or _chair(view)
            elif role == "skolchef":
                director = contacts.school_director or self.settings.school_director
                if director:
                    people.append(Person(director))
        # With nobody known who answers for it, the coordinator is told, once (not the
        # chair or secretary, who do not answer for a school director's deliverable).

        return self._deliver(
            people,
            _no_one(view, "ansvarig för leveransen"),
            context=context,
            kind="deliverable-reminder",
            network=slug,
            topic=topic,
            round=number,
        )

    # -- receipts and review notices ------------------------------------------------

    def answer(self, mail: MailSeen, views: Mapping[str, NetworkView]) -> list[Notice]:
        age = (self.today - mail.sent_day).days
        if not 0 <= age <= self.settings.receipt_max_age_days:
            return []
        sender = mail.sender.lower()
        if not sender or "@" not in sender or sender in self.settings.own_addresses:
            return []
        slug = mail.verdict.network
        view = views.get(slug) if slug else None
        if mail.state not in ("applied", "needs_review"):
            return []  # never answer ignored mail
        if mail.verdict.answer == "decision":
            return self._decision_receipt(mail)
        kind = "receipt" if mail.state == "applied" else "review-notice"
        topic = f"{kind}:{mail.message_pk}"
        if self.history.last(topic) is not None:
            return []
        if kind == "review-notice":
            if mail.verdict.suspect_sender:
                return []  # the From may be forged: answering it helps the forger
            context: dict[str, Any] = {
                "network": view.network.name if view else None,
                "received_date": mail.sent_day,
                "original_subject": mail.subject,
                "coordinator_name": self.settings.coordinator_name,
            }
        else:
            if view is None:
                return []
            context = _receipt_context(mail, view, self.today)
        name = mail.sender_name
        if name is None and view is not None:
            name = next(
                (
                    m.name
                    for m in reversed(view.state.members)
                    if (m.email or "").lower() == mail.sender.lower()
                ),
                None,
            )
        return [
            Notice(
                kind=kind,
                network=slug,
                topic=topic,
                round=1,
                to=Person(mail.sender, name),
                context={**context, "recipient_name": name},
                source_message_pk=mail.message_pk,
                in_reply_to=mail.message_id,
                references=(*mail.references[-9:], mail.message_id) if mail.message_id else (),
            )
        ]

    def _decision_receipt(self, mail: MailSeen) -> list[Notice]:
        """The one-line confirmation of a coordinator's decisions by mail."""
        verdict = mail.verdict
        if not (verdict.decided or verdict.unread_lines) or verdict.disposition != "apply":
            return []  # refused (a forged or token-less answer): no answer to it
        topic = f"decision-receipt:{mail.message_pk}"
        if self.history.last(topic) is not None:
            return []
        context = {
            "results": [
                {
                    "item": r.item,
                    "verb": r.verb,
                    "done": r.done,
                    "network": r.network,
                    "detail": r.detail_sv,
                }
                for r in verdict.decided
            ],
            "unread": list(verdict.unread_lines),
            "original_subject": mail.subject,
        }
        return [
            Notice(
                kind="decision-receipt",
                network=None,
                topic=topic,
                round=1,
                to=Person(mail.sender, self.settings.coordinator_name),
                context={**context, "recipient_name": self.settings.coordinator_name},
                source_message_pk=mail.message_pk,
                in_reply_to=mail.message_id,
                references=(mail.message_id,) if mail.message_id else (),
            )
        ]

    # -- the coordinator's review request ----------------------------------------------

    def review_request(self, request: ReviewRequest) -> list[Notice]:
        topic = f"review-request:{self.today.isoformat()}"
        if self.history.last(topic) is not None:
            return []  # at most one a day; what came later is in tomorrow's
        context = {
            "count": len(request.items),
            "items": [dict(item) for item in request.items],
            "token": request.token,
        }
        return [
            Notice(
                kind="review-request",
                network=None,
                topic=topic,
                round=1,
                to=person,
                context={**context, "recipient_name": person.name},
                token=request.token,
            )
            for person in self._coordinators()
        ]

    # -- digest ---------------------------------------------------------------------

    def digest(self, context: Mapping[str, Any]) -> list[Notice]:
        year, week, _ = self.today.isocalendar()
        topic = f"digest:{year}-W{week:02d}"
        if self.history.last(topic) is not None:
            return []
        return [
            Notice(
                kind="digest",
                network=None,
                topic=topic,
                round=1,
                to=person,
                context={**context, "recipient_name": person.name},
            )
            for person in self._coordinators()
        ]


# -- recipients ---------------------------------------------------------------------


def _role(view: NetworkView, role: str) -> list[Person]:
    return [_person(m) for m in view.state.with_role(role) if m.email]


def _person(member: MemberRecord) -> Person:
    assert member.email is not None
    return Person(member.email, member.name)


def _pinned(view: NetworkView, address: str | None) -> list[Person]:
    if not address:
        return []
    named = [
        m.name for m in view.state.current_members() if (m.email or "").lower() == address.lower()
    ]
    return [Person(address, named[0] if named else None)]


def _chair(view: NetworkView) -> list[Person]:
    contacts = view.network.obligations.contacts
    return _pinned(view, contacts.chair) or _role(view, "ordforande")


def _secretary(view: NetworkView) -> list[Person]:
    contacts = view.network.obligations.contacts
    return _pinned(view, contacts.secretary) or _role(view, "sekreterare")


def _no_one(view: NetworkView, who: str) -> str:
    if view.state.member_lists or view.state.members:
        return (
            f"Nätverket {view.network.name}s senaste medlemsförteckning anger ingen {who} "
            "med e-postadress, och ingen adress finns i reglerna. Därför får du det här "
            "mejlet i stället."
        )
    return (
        f"Vi har ingen medlemsförteckning för nätverket {view.network.name} och ingen "
        f"{who} med e-postadress i reglerna. Därför får du det här mejlet i stället."
    )


def _deliverable_of(view: NetworkView, finding: Finding) -> Deliverable | None:
    # The finding's key is RULE:NET:DELIVERABLE-KEY:DUE (see registry.engine).
    parts = finding.key.split(":")
    if len(parts) < 4:
        return None
    wanted = parts[2]
    return next((d for d in view.network.obligations.deliverables if d.key == wanted), None)


def _receipt_context(mail: MailSeen, view: NetworkView, today: date) -> dict[str, Any]:
    verdict = mail.verdict
    kinds = set(verdict.kinds)
    member_list = None
    if "member_list" in kinds and verdict.members:

        def named(role: str) -> str | None:
            return next((m.name for m in verdict.members if m.role == role), None)

        member_list = {
            "count": len(verdict.members),
            "chair": named("ordforande"),
            "secretary": named("sekreterare"),
        }
    meetings: list[dict[str, Any]] = []
    moved_to: set[date] = set()
    for change in verdict.changes:
        if change.action == "moved" and change.to is not None:
            moved_to.add(change.to)
            record = view.state.meetings.get(change.to)
            meetings.append(
                {
                    "date": change.to,
                    "start": record.start if record else None,
                    "end": record.end if record else None,
                    "place": record.place if record else None,
                    "change": "moved",
                    "previous_date": change.moved_from,
                }
            )
        elif change.action == "cancelled" and change.on is not None:
            meetings.append(
                {
                    "date": change.on,
                    "start": None,
                    "end": None,
                    "place": None,
                    "change": "cancelled",
                    "previous_date": None,
                }
            )
    protocol_for = verdict.protocol.meeting_date if verdict.protocol else None
    for meeting in verdict.meetings:
        if meeting.date in moved_to or meeting.date == protocol_for:
            continue
        meetings.append(
            {
                "date": meeting.date,
                "start": meeting.start,
                "end": meeting.end,
                "place": meeting.place,
                "change": "planned",
                "previous_date": None,
            }
        )
    meetings.sort(key=lambda m: m["date"])
    upcoming = sorted(
        (m for d, m in view.state.meetings.items() if m.status == "planned" and d > today),
        key=lambda m: m.date,
    )
    next_meeting = (
        {
            "date": upcoming[0].date,
            "start": upcoming[0].start,
            "end": upcoming[0].end,
            "place": upcoming[0].place,
        }
        if upcoming
        else None
    )
    return {
        "network": view.network.name,
        "received_date": mail.sent_day,
        "original_subject": mail.subject,
        "member_list": member_list,
        "meetings": meetings,
        "protocol_for": protocol_for,
        "report": mail.subject if "report" in kinds else None,
        "next_meeting": next_meeting,
        "year": view.status.year,
        "meetings_held": view.status.meetings_held,
        "meetings_required": view.status.meetings_required,
    }


__all__ = [
    "History",
    "Invite",
    "MailSeen",
    "NetworkView",
    "Notice",
    "Past",
    "PauseRule",
    "Person",
    "PlanSettings",
    "ReviewRequest",
    "plan",
    "root_of",
]
