"""Calendar invitations (.ics) attached to mailbot's meeting reminders.

A reminder about a network meeting carries an iCalendar object (RFC 5545) with an
iTIP method (RFC 5546), so the chair can put the meeting in their calendar with one
click:

- ``METHOD:REQUEST``: Outlook, Gmail and most other clients show the mail as an
  invitation with Accept / Decline buttons. Accepting adds the meeting to the
  calendar.
- A later ``REQUEST`` with the **same UID** and a **higher SEQUENCE** is an update:
  the client moves the existing calendar entry (new date, time or place) instead of
  adding a second one. :func:`meeting_uid` makes the UID stable per meeting.
- ``METHOD:CANCEL`` with the same UID, a higher SEQUENCE and ``STATUS:CANCELLED``
  removes the entry.

Timed meetings are written in local Swedish time (``TZID=Europe/Stockholm``) with a
matching VTIMEZONE, so every client shows the time the secretary wrote, on either
side of the daylight saving switch. All-day meetings use plain dates.

About the VTIMEZONE: icalendar can generate one from tzdata
(``Timezone.from_tzid``), but it writes the transitions as RDATE lists, and
Outlook reads only DTSTART, RRULE, TZOFFSETFROM and TZOFFSETTO of each observance
([MS-STANOICAL] 2.2.47); it also puts the spring onset at 03:00 where RFC 5545
wants 02:00 (the local time *before* the change). So, as long as tzdata says
Sweden follows the EU rule (last Sunday of March and of October, 01:00 UTC) in the
meeting's year, this module writes the classic two-observance RRULE form that
Outlook, Google and Thunderbird themselves use. If the rule ever stops holding (a
historical year, or the EU drops daylight saving time), it falls back to
icalendar's tzdata-generated component.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
)

from mailbot.addresses import is_mailbox_address
from mailbot.oneline import one_line

__all__ = ["DEFAULT_LENGTH", "meeting_invitation", "meeting_uid"]

PRODID = "-//Utbildning Skaraborg//mailbot//SV"
ORGANIZER_NAME = "Utbildning Skaraborg"
TZID = "Europe/Stockholm"

#: The length of a timed meeting whose end time nobody gave.
DEFAULT_LENGTH = timedelta(hours=2)

_ZONE = ZoneInfo(TZID)
_CET = timedelta(hours=1)
_CEST = timedelta(hours=2)
#: EU rule: the clocks change at 01:00 UTC on the last Sunday of March / October.
_EU_SWITCH_UTC = time(1, 0)
#: First year of the RRULE observances, as Google and Thunderbird write them.
_RULE_EPOCH = 1970


def meeting_uid(network_slug: str, first_date: date, domain: str) -> str:
    """A UID that stays the same for one meeting across all its reminders.

    ``first_date`` is the date the meeting was first announced for, so the UID does
    not change when the meeting is moved.
    """
    return f"{network_slug}-{first_date.isoformat()}@{domain}"


def meeting_invitation(
    *,
    uid: str,
    sequence: int,
    method: Literal["REQUEST", "CANCEL"],
    summary: str,
    day: date,
    start: time | None,
    end: time | None,
    place: str | None,
    description: str,
    organizer: str,
    attendee: str | None,
    stamp: datetime,
) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line endings as icalendar writes them).

    ``start=None`` makes an all-day event on ``day``; ``end=None`` with a start
    means :data:`DEFAULT_LENGTH`. ``stamp`` (DTSTAMP) must be timezone-aware and is
    written in UTC. Raises ValueError on inconsistent input.
    """
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError(f"unsupported iTIP method: {method!r}")
    if not uid or one_line(uid, 250) != uid or " " in uid:
        raise ValueError(f"uid must be one word of plain text, got {uid!r}")
    if sequence < 0:
        raise ValueError(f"sequence must be >= 0, got {sequence}")
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError("stamp must be timezone-aware")
    if isinstance(day, datetime):
        # datetime is a subclass of date; a time of day here would be silently lost.
        raise TypeError("day must be a date, not a datetime")

    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("METHOD", method)

    event = Event()
    event.add("UID", uid)
    event.add("SEQUENCE", sequence)
    event.add("DTSTAMP", stamp.astimezone(UTC).replace(microsecond=0))

    if start is None:
        if end is not None:
            raise ValueError("an end time needs a start time")
        event.add("DTSTART", day)
        event.add("DTEND", day + timedelta(days=1))
    else:
        begins = datetime.combine(day, _wall(start), tzinfo=_ZONE)
        if end is None:
            # Aware datetime arithmetic in Python is wall-clock arithmetic, which is
            # what "two hours" means to the people in the meeting.
            ends = begins + DEFAULT_LENGTH
        else:
            ends = datetime.combine(day, _wall(end), tzinfo=_ZONE)
            if ends <= begins:
                raise ValueError(f"end {end} is not after start {start}")
        cal.add_component(_stockholm_vtimezone(day))
        event.add("DTSTART", begins)
        event.add("DTEND", ends)

    # Text from mail (a place, a network's name) is one line of plain text here too;
    # icalendar escapes what TEXT values need, but an address is written as it is.
    event.add("SUMMARY", one_line(summary, 300))
    event.add("DESCRIPTION", description)  # mailbot's own text, never from a mail
    if place and one_line(place, 300):
        event.add("LOCATION", one_line(place, 300))
    if not is_mailbox_address(organizer):
        raise ValueError(f"organizer {organizer!r} is not a plain mail address")
    event.add("ORGANIZER", _address(organizer, {"CN": ORGANIZER_NAME}))
    if attendee and is_mailbox_address(attendee):
        event.add(
            "ATTENDEE",
            _address(attendee, {"ROLE": "CHAIR", "PARTSTAT": "NEEDS-ACTION", "RSVP": "FALSE"}),
        )
    event.add("STATUS", "CONFIRMED" if method == "REQUEST" else "CANCELLED")
    event.add("TRANSP", "OPAQUE")
    cal.add_component(event)
    ics: bytes = cal.to_ical()  # untyped in icalendar
    return ics


def _wall(moment: time) -> time:
    """A clock time as written in the mail: no zone, no seconds."""
    if moment.tzinfo is not None:
        raise ValueError("start and end are local Swedish wall-clock times, without tzinfo")
    return moment.replace(second=0, microsecond=0)


def _address(email: str, params: dict[str, str]) -> vCalAddress:
    address = vCalAddress(f"mailto:{email.strip()}")
    for key, value in params.items():
        address.params[key] = value
    return address


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - calendar.SUNDAY) % 7)


def _eu_rule_holds(year: int) -> bool:
    """Whether tzdata's Europe/Stockholm follows the EU daylight saving rule in year."""
    for month, before, after in ((3, _CET, _CEST), (10, _CEST, _CET)):
        switch = datetime.combine(_last_sunday(year, month), _EU_SWITCH_UTC, tzinfo=UTC)
        if (switch - timedelta(seconds=1)).astimezone(_ZONE).utcoffset() != before:
            return False
        if switch.astimezone(_ZONE).utcoffset() != after:
            return False
    return True


def _stockholm_vtimezone(day: date) -> Timezone:
    """The VTIMEZONE for Europe/Stockholm, correct for meetings on ``day``."""
    if not _eu_rule_holds(day.year):
        return Timezone.from_tzid(
            TZID, first_date=date(day.year - 1, 1, 1), last_date=date(day.year + 2, 1, 1)
        )
    tz = Timezone()
    tz.add("TZID", TZID)
    # DTSTART of an observance is the local time *before* the change (RFC 5545
    # 3.6.5): 02:00 CET in spring, 03:00 CEST in autumn (both 01:00 UTC).
    observances: tuple[tuple[TimezoneDaylight | TimezoneStandard, int, str, timedelta], ...] = (
        (TimezoneDaylight(), 3, "CEST", _CET),
        (TimezoneStandard(), 10, "CET", _CEST),
    )
    for observance, month, name, offset_from in observances:
        offset_to = _CEST if offset_from == _CET else _CET
        onset = datetime.combine(_last_sunday(_RULE_EPOCH, month), _EU_SWITCH_UTC) + offset_from
        observance.add("DTSTART", onset)
        observance.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        observance.add("TZNAME", name)
        observance.add("TZOFFSETFROM", offset_from)
        observance.add("TZOFFSETTO", offset_to)
        tz.add_component(observance)
    return tz
