"""The registry's state of one network, as of a day. Plain data, built by `fold.py`
from applied messages in the order they were sent, read by the rules engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

MeetingStatus = Literal["planned", "held", "cancelled"]
# What a meeting is on a given day (registry.engine.phase decides, for every reader):
# held (its protocol arrived), past (its day is over, no protocol yet: presumably
# held, counted as held), planned (still ahead, today included), cancelled.
MeetingPhase = Literal["held", "past", "planned", "cancelled"]
Severity = Literal["info", "warning", "overdue"]


@dataclass
class MemberRecord:
    name: str
    email: str | None
    municipality: str | None
    role: str  # ordforande | sekreterare | presidium | ledamot
    since: datetime  # when the list that names them was sent
    until: datetime | None  # when a later list or change left them out
    message_pk: int


@dataclass
class MeetingRecord:
    date: date
    start: time | None
    end: time | None
    place: str | None
    status: MeetingStatus
    announced_at: datetime  # when mailbot first learnt of it (the mail's sent time)
    message_pk: int  # the mail that announced it (or recorded it, for a protocol)
    moved_from: dt.date | None = None  # (dt.: the field `date` hides the type here)
    moved_from_start: dt.time | None = None  # the start time it had on the old date
    protocol_message_pk: int | None = None
    protocol_received: datetime | None = None
    attendees: list[str] = field(default_factory=list)


@dataclass
class ReportRecord:
    received: datetime
    message_pk: int
    text: str  # subject, file names and headings: what deliverables are matched against


@dataclass
class NetworkState:
    slug: str
    members: list[MemberRecord] = field(default_factory=list)  # full history
    meetings: dict[date, MeetingRecord] = field(default_factory=dict)
    reports: list[ReportRecord] = field(default_factory=list)
    member_lists: list[datetime] = field(default_factory=list)  # when each list was sent
    meeting_plans: list[datetime] = field(default_factory=list)  # when dates were sent

    def current_members(self, at: datetime | None = None) -> list[MemberRecord]:
        return [
            m
            for m in self.members
            if (at is None and m.until is None)
            or (at is not None and m.since <= at and (m.until is None or m.until > at))
        ]

    def with_role(self, role: str) -> list[MemberRecord]:
        return [m for m in self.current_members() if m.role == role]


@dataclass(frozen=True)
class Finding:
    """One thing the rules say about a network on a day.

    `rule` is a stable kebab-case name (used in rules/, logs, the digest and the
    outbox keys); `subject` is for people and names a meeting's date as YYYY-MM-DD
    when the finding is about one meeting; `due` is when it was or is due.
    """

    rule: str
    severity: Severity
    subject: str
    due: date | None = None
    meeting: date | None = None  # the meeting it is about, if any
    key: str = ""  # what the finding is about, stable across days (for idempotency)

    def as_json(self) -> dict[str, str | None]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "subject": self.subject,
            "due": self.due.isoformat() if self.due else None,
        }


@dataclass
class NetworkStatus:
    network: str
    year: int
    meetings_required: int
    meetings_held: int
    meetings_planned: int  # still ahead this year
    findings: list[Finding]
    # Every meeting of the year with its phase, by date: what the counts are made of.
    phases: dict[date, MeetingPhase] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "network": self.network,
            "year": self.year,
            "meetings_required": self.meetings_required,
            "meetings_held": self.meetings_held,
            "meetings_planned": self.meetings_planned,
            "meetings": [
                {"date": day.isoformat(), "phase": phase}
                for day, phase in sorted(self.phases.items())
            ],
            "findings": [f.as_json() for f in self.findings],
        }
