"""Building a network's registry from the mail applied to it.

The registry is a fold: start empty, apply each applied message's understanding in the
order the mails were SENT. That one rule gives the guarantees the registry needs:
- re-applying the same message changes nothing (it is one input, not an action);
- importing last year's mail with `mailbot ingest` gives the same registry as having
  run all year, whatever order the files are read in;
- "as known on day D" is the same fold over the mail sent on or before D;
- every record keeps the message it came from, and the member history is complete.
Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from mailbot.registry.state import MeetingRecord, MemberRecord, NetworkState, ReportRecord


@dataclass(frozen=True)
class Applied:
    """One applied message: its understanding (the `mailbot parse` object), as decided
    (a coordinator's review may have set the network or kinds)."""

    message_pk: int
    sent_at: datetime
    result: dict[str, Any]
    report_text: str = ""  # subject, attachment names and headings (deliverable matching)


def _time(value: object) -> time | None:
    if not isinstance(value, str) or not value:
        return None
    hour, _, minute = value.partition(":")
    try:
        return time(int(hour), int(minute or 0))
    except ValueError:
        return None


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# A protocol dated on no known meeting records the one planned meeting without a
# protocol within this many days as held on the protocol's date (rules/:
# protocol.match_window_days).
DEFAULT_MATCH_WINDOW = 21


def fold(slug: str, applied: Iterable[Applied], window: int = DEFAULT_MATCH_WINDOW) -> NetworkState:
    state = NetworkState(slug)
    for item in sorted(applied, key=lambda a: (a.sent_at, a.message_pk)):
        if item.result.get("network") != slug:
            continue
        apply_one(state, item, window)
    return state


def held_elsewhere(state: NetworkState, when: date, window: int) -> list[MeetingRecord]:
    """The planned meetings without a protocol that a protocol dated `when` could be
    the record of, when no meeting is known on `when` itself: those within `window`
    days of it. Exactly one: that meeting was held on `when` instead. Several: only a
    person can tell which (the register stage sends such a protocol to review)."""
    if when in state.meetings:
        return []
    return sorted(
        (
            m
            for m in state.meetings.values()
            if m.status == "planned"
            and m.protocol_received is None
            and 0 < abs((m.date - when).days) <= window
        ),
        key=lambda m: m.date,
    )


def apply_one(state: NetworkState, item: Applied, window: int = DEFAULT_MATCH_WINDOW) -> None:
    result = item.result
    kinds = set(result.get("kinds") or [])
    protocol = result.get("protocol")
    recorded = _day(protocol.get("meeting_date")) if isinstance(protocol, dict) else None
    if recorded is not None:
        candidates = held_elsewhere(state, recorded, window)
        if len(candidates) == 1:
            # The plan's meeting, held on another day (a holiday moved it, say) with no
            # mail saying so: it moves to the protocol's date (and is marked held below).
            _move(state, candidates[0].date, recorded, item)
    if "member_list" in kinds and result.get("members"):
        _members(state, item)
    for change in result.get("changes") or []:
        old, new = _day(change.get("from")), _day(change.get("to"))
        if change.get("action") == "moved" and old is not None and new is not None:
            _move(state, old, new, item)
    for change in result.get("changes") or []:
        if change.get("action") == "cancelled":
            when = _day(change.get("date"))
            found = state.meetings.get(when) if when else None
            if found is not None and found.protocol_received is None:
                found.status = "cancelled"
    for meeting in result.get("meetings") or []:
        when = _day(meeting.get("date"))
        if when is None:
            continue
        _announce(state, when, meeting, item)
    if isinstance(protocol, dict):
        when = _day(protocol.get("meeting_date"))
        if when is not None:
            record = state.meetings.get(when) or _announce(state, when, {}, item)
            record.status = "held"
            record.protocol_message_pk = item.message_pk
            record.protocol_received = item.sent_at
            record.attendees = list(protocol.get("attendees") or [])
    if "meeting_dates" in kinds and result.get("meetings"):
        state.meeting_plans.append(item.sent_at)
    if "report" in kinds:
        text = item.report_text or str(result.get("subject") or "")
        state.reports.append(ReportRecord(item.sent_at, item.message_pk, text))


def _announce(
    state: NetworkState, when: date, meeting: dict[str, Any], item: Applied
) -> MeetingRecord:
    record = state.meetings.get(when)
    start, end = _time(meeting.get("start")), _time(meeting.get("end"))
    place = meeting.get("place") or None
    if record is None:
        record = MeetingRecord(
            date=when,
            start=start,
            end=end,
            place=place,
            status="planned",
            announced_at=item.sent_at,
            message_pk=item.message_pk,
        )
        state.meetings[when] = record
        return record
    # A later mail about the same meeting: newer details win, a cancelled meeting
    # announced again is planned again.
    record.start = start or record.start
    record.end = end or record.end
    record.place = place or record.place
    if record.status == "cancelled":
        record.status = "planned"
    return record


def _move(state: NetworkState, old: date, new: date, item: Applied) -> None:
    record = state.meetings.pop(old, None)
    if record is None:
        return
    if new in state.meetings:
        return  # the new date is already known: the old one simply goes
    record.date = new
    record.moved_from = old
    record.moved_from_start = record.start
    record.message_pk = item.message_pk
    state.meetings[new] = record


def _members(state: NetworkState, item: Applied) -> None:
    changes = item.result.get("member_changes") or {}
    joining_only = bool(changes)
    people = [
        MemberRecord(
            name=str(m.get("name")),
            email=m.get("email") or None,
            municipality=m.get("municipality") or None,
            role=str(m.get("role") or "ledamot"),
            since=item.sent_at,
            until=None,
            message_pk=item.message_pk,
        )
        for m in item.result.get("members") or []
        if m.get("name")
    ]
    current = state.current_members()
    if joining_only:
        # "X ersätter Y" / "Ny medlem: X": only those people change.
        leaving = {str(n).lower() for n in changes.get("leaving") or []}
        for member in current:
            if member.name.lower() in leaving:
                member.until = item.sent_at
    else:
        # A full list replaces the membership; the old rows stay as history.
        state.member_lists.append(item.sent_at)
        for member in current:
            member.until = item.sent_at
    known = {m.name.lower() for m in state.current_members()}
    state.members.extend(p for p in people if p.name.lower() not in known)
