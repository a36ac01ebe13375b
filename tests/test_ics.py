"""Calendar invitations: round trips through icalendar, and the raw text clients see."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from mailbot.outbox.ics import DEFAULT_LENGTH, meeting_invitation, meeting_uid

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UID = "forskola-2025-03-14@mailbot.invalid"
LONG_DESCRIPTION = (
    "Hej ordförande!\n\n"
    "Här kommer en påminnelse om nätverksträffen för förskolan. Vi ses i Skövde, "
    "ta gärna med årets verksamhetsberättelse och förslag på ämnen till hösten; "
    "fika finns (kaffe, te, smörgås).\n"
    "Frågor? Svara på det här mejlet, så återkommer vi. Åsa, Örjan och Ängla hälsar!\n"
    "Sökväg: \\\\server\\nätverk\\förskola"
)


def invite(**overrides: Any) -> bytes:
    args: dict[str, Any] = {
        "uid": UID,
        "sequence": 0,
        "method": "REQUEST",
        "summary": "Nätverksträff Förskola",
        "day": date(2025, 5, 14),
        "start": time(13, 0),
        "end": time(15, 30),
        "place": "Stadshuset, Skövde; sal Ödman",
        "description": LONG_DESCRIPTION,
        "organizer": "utbildning@skaraborg.se",
        "attendee": "asa.ordforande@skara.se",
        "stamp": datetime(2025, 4, 1, 8, 0, tzinfo=UTC),
    }
    args.update(overrides)
    return meeting_invitation(**args)


def parse(raw: bytes) -> Calendar:
    cal = Calendar.from_ical(raw)
    assert isinstance(cal, Calendar)
    return cal


def only_event(cal: Calendar) -> Event:
    events = cal.events
    assert len(events) == 1
    return events[0]


def unfolded_lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")


def assert_well_formed(raw: bytes) -> None:
    """CRLF everywhere, no line (excluding CRLF) over 75 octets, valid UTF-8."""
    raw.decode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line


# -- the timed invitation ---------------------------------------------------------------


def test_timed_request_round_trips() -> None:
    raw = invite()
    assert_well_formed(raw)
    cal = parse(raw)
    assert str(cal["PRODID"]) == "-//Utbildning Skaraborg//mailbot//SV"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["METHOD"]) == "REQUEST"

    event = only_event(cal)
    assert str(event["UID"]) == UID
    assert event.decoded("SEQUENCE") == 0
    assert event.decoded("DTSTAMP") == datetime(2025, 4, 1, 8, 0, tzinfo=UTC)
    assert event.decoded("DTSTART") == datetime(2025, 5, 14, 13, 0, tzinfo=STOCKHOLM)
    assert event.decoded("DTEND") == datetime(2025, 5, 14, 15, 30, tzinfo=STOCKHOLM)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event["DTEND"].params["TZID"] == "Europe/Stockholm"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["TRANSP"]) == "OPAQUE"

    organizer = event["ORGANIZER"]
    assert str(organizer) == "mailto:utbildning@skaraborg.se"
    assert organizer.params["CN"] == "Utbildning Skaraborg"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:asa.ordforande@skara.se"
    assert attendee.params["ROLE"] == "CHAIR"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
    assert attendee.params["RSVP"] == "FALSE"


def test_raw_text_has_method_tzid_and_a_full_vtimezone() -> None:
    raw = invite()
    lines = unfolded_lines(raw)
    assert "METHOD:REQUEST" in lines
    assert "DTSTART;TZID=Europe/Stockholm:20250514T130000" in lines
    assert "DTEND;TZID=Europe/Stockholm:20250514T153000" in lines
    assert "DTSTAMP:20250401T080000Z" in lines
    assert "SEQUENCE:0" in lines
    assert "STATUS:CONFIRMED" in lines

    begin, end = lines.index("BEGIN:VTIMEZONE"), lines.index("END:VTIMEZONE")
    vtimezone = lines[begin:end]
    assert "TZID:Europe/Stockholm" in vtimezone
    assert "BEGIN:STANDARD" in vtimezone and "BEGIN:DAYLIGHT" in vtimezone
    # Outlook only reads RRULE (not RDATE) observances, and wants DTSTART in the
    # local time before the change: 02:00 CET in spring, 03:00 CEST in autumn.
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in vtimezone
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in vtimezone
    assert "DTSTART:19700329T020000" in vtimezone
    assert "DTSTART:19701025T030000" in vtimezone
    assert not any(line.startswith("RDATE") for line in vtimezone)
    # The VTIMEZONE comes before the event that refers to it.
    assert begin < lines.index("BEGIN:VEVENT")


def test_swedish_text_survives_including_a_folded_description() -> None:
    raw = invite()
    assert_well_formed(raw)
    # The description is long enough that icalendar folds it over several lines.
    description_line = next(
        i for i, line in enumerate(raw.split(b"\r\n")) if line.startswith(b"DESCRIPTION")
    )
    assert raw.split(b"\r\n")[description_line + 1].startswith(b" ")
    assert "Nätverksträff Förskola".encode() in raw

    event = only_event(parse(raw))
    assert str(event["SUMMARY"]) == "Nätverksträff Förskola"
    assert str(event["LOCATION"]) == "Stadshuset, Skövde; sal Ödman"
    assert str(event["DESCRIPTION"]) == LONG_DESCRIPTION


def test_folding_never_splits_a_multibyte_character() -> None:
    # Only å/ä/ö (two octets each): a fold by characters would overshoot 75 octets,
    # and a fold in the middle of a character would break the UTF-8.
    text = "åäöÅÄÖ" * 40
    raw = invite(summary=text, description=text, place=text)
    assert_well_formed(raw)
    event = only_event(parse(raw))
    assert str(event["SUMMARY"]) == text
    assert str(event["DESCRIPTION"]) == text
    assert str(event["LOCATION"]) == text


# -- lengths and all-day events ---------------------------------------------------------


def test_missing_end_means_the_default_length() -> None:
    assert timedelta(hours=2) == DEFAULT_LENGTH
    event = only_event(parse(invite(start=time(9, 30), end=None)))
    assert event.decoded("DTSTART") == datetime(2025, 5, 14, 9, 30, tzinfo=STOCKHOLM)
    assert event.decoded("DTEND") == datetime(2025, 5, 14, 11, 30, tzinfo=STOCKHOLM)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == DEFAULT_LENGTH


def test_default_length_may_run_past_midnight() -> None:
    event = only_event(parse(invite(start=time(23, 0), end=None)))
    assert event.decoded("DTEND") == datetime(2025, 5, 15, 1, 0, tzinfo=STOCKHOLM)


def test_all_day_event_uses_dates_and_no_timezone() -> None:
    raw = invite(day=date(2025, 12, 31), start=None, end=None)
    assert_well_formed(raw)
    lines = unfolded_lines(raw)
    assert "DTSTART;VALUE=DATE:20251231" in lines
    assert "DTEND;VALUE=DATE:20260101" in lines
    assert "BEGIN:VTIMEZONE" not in lines
    assert "TZID" not in raw.decode()

    event = only_event(parse(raw))
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert not isinstance(start, datetime) and not isinstance(end, datetime)
    assert (start, end) == (date(2025, 12, 31), date(2026, 1, 1))


# -- updates and cancellations ----------------------------------------------------------


def test_moved_meeting_is_a_request_with_the_same_uid_and_a_higher_sequence() -> None:
    first = only_event(parse(invite(sequence=0)))
    moved = only_event(parse(invite(sequence=1, day=date(2025, 5, 21))))
    assert str(moved["UID"]) == str(first["UID"]) == UID
    assert moved.decoded("SEQUENCE") == 1 > first.decoded("SEQUENCE")
    assert moved.decoded("DTSTART") == datetime(2025, 5, 21, 13, 0, tzinfo=STOCKHOLM)
    assert str(moved["STATUS"]) == "CONFIRMED"


def test_cancel_has_the_same_uid_a_higher_sequence_and_status_cancelled() -> None:
    raw = invite(method="CANCEL", sequence=2)
    assert_well_formed(raw)
    lines = unfolded_lines(raw)
    assert "METHOD:CANCEL" in lines
    assert "STATUS:CANCELLED" in lines
    assert "SEQUENCE:2" in lines

    cal = parse(raw)
    assert str(cal["METHOD"]) == "CANCEL"
    event = only_event(cal)
    assert str(event["UID"]) == UID
    assert event.decoded("SEQUENCE") == 2
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["ATTENDEE"]) == "mailto:asa.ordforande@skara.se"


# -- optional parts ---------------------------------------------------------------------


@pytest.mark.parametrize("place", [None, ""])
def test_no_place_means_no_location(place: str | None) -> None:
    raw = invite(place=place)
    assert "LOCATION" not in raw.decode()
    assert "LOCATION" not in only_event(parse(raw))


def test_no_attendee_means_no_attendee_line() -> None:
    raw = invite(attendee=None)
    assert_well_formed(raw)
    assert "ATTENDEE" not in raw.decode()
    event = only_event(parse(raw))
    assert "ATTENDEE" not in event
    assert str(event["ORGANIZER"]) == "mailto:utbildning@skaraborg.se"


# -- time zones -------------------------------------------------------------------------


def test_non_utc_stamp_is_written_in_utc() -> None:
    stamp = datetime(2025, 4, 1, 10, 15, 30, 999_999, tzinfo=STOCKHOLM)  # CEST, +02:00
    raw = invite(stamp=stamp)
    assert "DTSTAMP:20250401T081530Z" in unfolded_lines(raw)
    assert only_event(parse(raw)).decoded("DTSTAMP") == datetime(2025, 4, 1, 8, 15, 30, tzinfo=UTC)

    fixed = timezone(timedelta(hours=-5))
    raw = invite(stamp=datetime(2025, 1, 31, 22, 0, tzinfo=fixed))
    assert "DTSTAMP:20250201T030000Z" in unfolded_lines(raw)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2025, 3, 28), 8),  # Friday before the spring switch: CET, +01:00
        (date(2025, 3, 31), 7),  # Monday after the switch (Sunday 30 March): CEST
        (date(2025, 10, 24), 7),  # Friday before the autumn switch: CEST
        (date(2025, 10, 27), 8),  # Monday after the switch (Sunday 26 October): CET
    ],
)
def test_nine_oclock_stays_nine_oclock_across_daylight_saving(day: date, utc_hour: int) -> None:
    raw = invite(day=day, start=time(9, 0), end=None)
    assert f"DTSTART;TZID=Europe/Stockholm:{day:%Y%m%d}T090000" in unfolded_lines(raw)

    cal = parse(raw)
    start = only_event(cal).decoded("DTSTART")
    assert (start.hour, start.minute) == (9, 0)
    assert start.astimezone(UTC) == datetime.combine(day, time(utc_hour), tzinfo=UTC)

    # A client without tzdata relies on the VTIMEZONE alone; it must agree.
    (vtimezone,) = cal.timezones
    own_zone = vtimezone.to_tz(lookup_tzid=False)
    local = datetime.combine(day, time(9, 0), tzinfo=own_zone)
    assert local.astimezone(UTC) == datetime.combine(day, time(utc_hour), tzinfo=UTC)


def test_vtimezone_agrees_with_tzdata_for_years_to_come() -> None:
    """The RRULE form must match tzdata; a tzdata change (no more DST) shows up here."""
    cal = parse(invite())
    (vtimezone,) = cal.timezones
    own_zone = vtimezone.to_tz(lookup_tzid=False)
    for year in range(2024, 2038):
        for month in (3, 10):
            # Every half hour through the last weekend of the month, in UTC.
            moment = datetime(year, month, 24, tzinfo=UTC)
            while moment < datetime(year, month + 1, 1, 12, tzinfo=UTC):
                expected = moment.astimezone(STOCKHOLM).utcoffset()
                assert moment.astimezone(own_zone).utcoffset() == expected, moment
                moment += timedelta(minutes=30)


def test_year_without_the_eu_rule_falls_back_to_tzdata() -> None:
    # Sweden had no daylight saving time in 1975: the EU-rule VTIMEZONE would be wrong.
    raw = invite(day=date(1975, 7, 1), start=time(9, 0), end=None)
    assert_well_formed(raw)
    assert "RRULE" not in raw.decode()
    cal = parse(raw)
    (vtimezone,) = cal.timezones
    assert str(vtimezone["TZID"]) == "Europe/Stockholm"
    start = only_event(cal).decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(1975, 7, 1, 8, 0, tzinfo=UTC)
    own_zone = vtimezone.to_tz(lookup_tzid=False)
    assert datetime(1975, 7, 1, 9, 0, tzinfo=own_zone).utcoffset() == timedelta(hours=1)


# -- bad input and the UID helper -------------------------------------------------------


@pytest.mark.parametrize(
    "overrides",
    [
        {"start": time(15, 0), "end": time(13, 0)},
        {"start": time(13, 0), "end": time(13, 0)},
        {"start": None, "end": time(13, 0)},
        {"stamp": datetime(2025, 4, 1, 8, 0)},
        {"sequence": -1},
        {"uid": ""},
        {"method": "PUBLISH"},
        {"start": time(13, 0, tzinfo=UTC)},
    ],
)
def test_inconsistent_input_is_refused(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        invite(**overrides)


def test_day_must_be_a_plain_date() -> None:
    with pytest.raises(TypeError):
        invite(day=datetime(2025, 5, 14, 13, 0))


def test_meeting_uid() -> None:
    assert meeting_uid("forskola", date(2025, 3, 14), "mailbot.invalid") == UID
    assert meeting_uid("vux", date(2026, 1, 5), "skaraborg.se") == "vux-2026-01-05@skaraborg.se"
