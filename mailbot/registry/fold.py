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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mailbot.registry.state import MeetingRecord, MemberRecord, NetworkState, ReportRecord
from mailbot.verdict import MeetingRead, Verdict


@dataclass(frozen=True)
class Applied:
    """One applied message: its understanding, as decided (a coordinator's review may
    have set the network or kinds, or corrected what was read)."""

    message_pk: int
    sent_at: datetime
    verdict: Verdict
    report_text: str = ""  # subject, attachment names and headings (deliverable matching)


# A protocol dated on no known meeting records the one planned meeting without a
# protocol within this many days as held on the protocol's date (rules/:
# protocol.match_window_days).
DEFAULT_MATCH_WINDOW = 21


def fold(slug: str, applied: Iterable[Applied], window: int = DEFAULT_MATCH_WINDOW) -> NetworkState:
    state = NetworkState(slug)
    for item in sorted(applied, key=lambda a: (a.sent_at, a.message_pk)):
        if item.verdict.network != slug:
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
    verdict = item.verdict
    kinds = set(verdict.kinds)
    protocol = verdict.protocol
    recorded = protocol.meeting_date if protocol is not None else None
    if recorded is not None:
        candidates = held_elsewhere(state, recorded, window)
        if len(candidates) == 1:
            # The plan's meeting, held on another day (a holiday moved it, say) with no
            # mail saying so: it moves to the protocol's date (and is marked held below).
            _move(state, candidates[0].date, recorded, item)
    if "member_list" in kinds and verdict.members:
        _members(state, item)
    for change in verdict.changes:
        if change.action == "moved" and change.moved_from is not None and change.to is not None:
            _move(state, change.moved_from, change.to, item)
    for change in verdict.changes:
        if change.action == "cancelled" and change.on is not None:
            found = state.meetings.get(change.on)
            if found is not None and found.protocol_received is None:
                found.status = "cancelled"
    for meeting in verdict.meetings:
        _announce(state, meeting.date, meeting, item)
    if protocol is not None and protocol.meeting_date is not None:
        when = protocol.meeting_date
        record = state.meetings.get(when) or _announce(state, when, None, item)
        record.status = "held"
        record.protocol_message_pk = item.message_pk
        record.protocol_received = item.sent_at
        record.attendees = resolve_first_names(protocol.attendees, state)
    if "meeting_dates" in kinds and verdict.meetings:
        state.meeting_plans.append(item.sent_at)
    if "report" in kinds:
        text = item.report_text or verdict.subject
        state.reports.append(ReportRecord(item.sent_at, item.message_pk, text))


def resolve_first_names(attendees: Sequence[str], state: NetworkState) -> list[str]:
    """Attendees written by first name only ("Anna, Per och jag"): each resolved to the
    full name of the network's one current member with that first name; kept as
    written when no member, or more than one, has it."""
    members = state.current_members()
    resolved: list[str] = []
    for name in attendees:
        if " " not in name.strip():
            same = {
                m.name for m in members if m.name.split()[0].casefold() == name.strip().casefold()
            }
            if len(same) == 1:
                name = same.pop()
        if name not in resolved:
            resolved.append(name)
    return resolved


def _announce(
    state: NetworkState, when: date, meeting: MeetingRead | None, item: Applied
) -> MeetingRecord:
    record = state.meetings.get(when)
    start = meeting.start if meeting else None
    end = meeting.end if meeting else None
    place = (meeting.place if meeting else None) or None
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
    changes = item.verdict.member_changes
    people = [
        MemberRecord(
            name=m.name,
            email=m.email or None,
            municipality=m.municipality or None,
            role=m.role or "ledamot",
            since=item.sent_at,
            until=None,
            message_pk=item.message_pk,
        )
        for m in item.verdict.members
        if m.name
    ]
    current = state.current_members()
    if changes is not None:
        # "X ersätter Y" / "Ny medlem: X": only those people change.
        leaving = {n.lower() for n in changes.leaving}
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
