"""Swedish dates and times as secretaries write them (mailbot.parse.swedish_dates).

Most cases are tables: a line of text, the mail's Date, and what a careful reader
takes from it, written compactly as "YYYY-MM-DD[..YYYY-MM-DD][ HH:MM[-HH:MM]][ !wd]"
(a range across days, the clock times, a weekday that disagrees with the calendar).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailbot.parse.swedish_dates import (
    MONTHS,
    WEEKDAYS,
    Prefer,
    find_dates,
    find_vague,
    parse_time_range,
)
from mailbot.parse.types import DateMention

SPRING = date(2025, 3, 1)  # the default reference: a mail sent 1 March 2025


def fmt(m: DateMention) -> str:
    out = m.date.isoformat()
    if m.end_date is not None:
        out += ".." + m.end_date.isoformat()
    if m.start is not None:
        out += " " + m.start.strftime("%H:%M")
    if m.end is not None:
        out += "-" + m.end.strftime("%H:%M")
    if m.weekday_mismatch:
        out += " !wd"
    return out


def found(
    text: str,
    reference: date = SPRING,
    prefer: Prefer = "nearest",
    default_year: int | None = None,
) -> list[str]:
    mentions = find_dates(text, reference, prefer=prefer, default_year=default_year)
    return [fmt(m) for m in mentions]


# ---------------------------------------------------------------- every written form

FORMS: list[tuple[str, list[str]]] = [
    # ISO and compact
    ("2025-03-14", ["2025-03-14"]),
    ("2025-3-14", ["2025-03-14"]),
    ("2025‑03‑14", ["2025-03-14"]),  # Word's non-breaking hyphens
    ("20250314", ["2025-03-14"]),
    ("Protokoll_20250314.docx", ["2025-03-14"]),
    ("Protokoll_2025-03-14.docx", ["2025-03-14"]),
    ("Protokoll-2025-03-14.pdf", ["2025-03-14"]),
    ("Protokoll från nätverksträff 2025-03-14", ["2025-03-14"]),
    # day and month name
    ("den 14 mars 2025", ["2025-03-14"]),
    ("14 mars", ["2025-03-14"]),
    ("14 Mars", ["2025-03-14"]),
    ("14 MARS 2025", ["2025-03-14"]),
    ("14:e mars", ["2025-03-14"]),
    ("1:a maj", ["2025-05-01"]),
    ("tisdag den 1:a april", ["2025-04-01"]),
    ("14 mars, 2025", ["2025-03-14"]),
    ("1 januari 2025", ["2025-01-01"]),
    ("27 feb", ["2025-02-27"]),
    ("14 mar", ["2025-03-14"]),
    ("9 apr.", ["2025-04-09"]),
    ("20 jan", ["2025-01-20"]),
    ("12 jun", ["2025-06-12"]),
    ("4 jul 2025", ["2025-07-04"]),
    ("7 aug 2025", ["2025-08-07"]),
    ("18 sept. 2025", ["2025-09-18"]),
    ("18 sep 2025", ["2025-09-18"]),
    ("3 okt 2025", ["2025-10-03"]),
    ("2 nov. 2025", ["2025-11-02"]),
    ("5 DEC 2025", ["2025-12-05"]),
    # weekday before the date
    ("fredag 14 mars", ["2025-03-14"]),
    ("fredagen den 14 mars", ["2025-03-14"]),
    ("Fredag, 14 mars 2025", ["2025-03-14"]),
    ("fre 14/3", ["2025-03-14"]),
    ("fre. 14/3", ["2025-03-14"]),
    ("tors 13/3", ["2025-03-13"]),
    ("fre 2025-03-14", ["2025-03-14"]),
    # day/month, always in that order
    ("14/3", ["2025-03-14"]),
    ("3/14", []),  # month 14: not a date, never month/day
    ("1/12", ["2024-12-01"]),
    ("14/3-2025", ["2025-03-14"]),
    ("14/3 2025", ["2025-03-14"]),
    ("14/3/2025", ["2025-03-14"]),
    ("14/3 - 2025", ["2025-03-14"]),
    ("14/3-25", ["2025-03-14"]),
    ("14/3-15", ["2025-03-14"]),  # "-15" is not a year (two-digit years 20-39 only)
    ("14.3.2025", ["2025-03-14"]),
    ("14.03.2025", ["2025-03-14"]),
    ("14.03.2025.", ["2025-03-14"]),
    # ranges across days: one mention
    ("14-15 mars", ["2025-03-14..2025-03-15"]),
    ("14–15 mars 2025", ["2025-03-14..2025-03-15"]),
    ("14 - 15 mars", ["2025-03-14..2025-03-15"]),
    ("14 och 15 mars", ["2025-03-14..2025-03-15"]),
    ("14–15/3", ["2025-03-14..2025-03-15"]),
    ("14/3–15/3", ["2025-03-14..2025-03-15"]),
    ("14/3 - 15/3 2025", ["2025-03-14..2025-03-15"]),
    ("30 mars–2 april", ["2025-03-30..2025-04-02"]),
    ("30 mars - 2 april 2025", ["2025-03-30..2025-04-02"]),
    ("28/2-3/3", ["2025-02-28..2025-03-03"]),
    ("fredag 14/3 2025 – lördag 15/3 2025", ["2025-03-14..2025-03-15"]),
    ("14-15 mars kl 9-16", ["2025-03-14..2025-03-15 09:00-16:00"]),
    # several days: several mentions
    ("14 och 28 mars", ["2025-03-14", "2025-03-28"]),
    ("7, 14 och 21 mars", ["2025-03-07", "2025-03-14", "2025-03-21"]),
    ("den 14 och den 28 mars", ["2025-03-14", "2025-03-28"]),
    ("14 och den 15 mars", ["2025-03-14..2025-03-15"]),
    (
        "Träffar: 3, 10, 17, 24 och 31 mars",
        ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31"],
    ),
    ("punkt 3, 14 mars", ["2025-03-14"]),  # a numbered item, not a list of days
    ("7, 14-15 mars", ["2025-03-07", "2025-03-14..2025-03-15"]),
    ("Träffar 7 och 8 mars, 14 april", ["2025-03-07..2025-03-08", "2025-04-14"]),
    ("Vårens träffar: 7/2, 14/3 och 16/5", ["2025-02-07", "2025-03-14", "2025-05-16"]),
    ("7/2, 14/3 samt 16/5", ["2025-02-07", "2025-03-14", "2025-05-16"]),
    ("14/3 eller 21/3", ["2025-03-14", "2025-03-21"]),
    ("Mötet den 14 mars flyttas till 21 mars", ["2025-03-14", "2025-03-21"]),
    ("flyttas från 14/3 till 21/3", ["2025-03-14", "2025-03-21"]),  # "till": a move
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("januari", 1),
        ("februari", 2),
        ("mars", 3),
        ("april", 4),
        ("maj", 5),
        ("juni", 6),
        ("juli", 7),
        ("augusti", 8),
        ("september", 9),
        ("oktober", 10),
        ("november", 11),
        ("december", 12),
    ],
)
def test_every_month_name(name: str, month: int) -> None:
    assert found(f"den 10 {name} 2025") == [date(2025, month, 10).isoformat()]
    assert found(f"Den 10 {name.upper()} 2025") == [date(2025, month, 10).isoformat()]


# ------------------------------------------------------------------- times

TIMES: list[tuple[str, list[str]]] = [
    ("14 mars kl 9", ["2025-03-14 09:00"]),
    ("14 mars kl. 9.00", ["2025-03-14 09:00"]),
    ("14 mars kl.9", ["2025-03-14 09:00"]),
    ("14 mars klockan 13", ["2025-03-14 13:00"]),
    ("14 mars kl 08.30-12.15", ["2025-03-14 08:30-12:15"]),
    ("14 mars 9–12", ["2025-03-14 09:00-12:00"]),
    ("14 mars 9—12", ["2025-03-14 09:00-12:00"]),
    ("14 mars 9 - 12", ["2025-03-14 09:00-12:00"]),
    ("14 mars 9 till 12", ["2025-03-14 09:00-12:00"]),
    ("2025-10-10 13:00 - 15.30", ["2025-10-10 13:00-15:30"]),
    ("14 mars 9.00–12.00", ["2025-03-14 09:00-12:00"]),
    ("14 mars 08:30", ["2025-03-14 08:30"]),
    ("14 mars kl. 9-ca 12", ["2025-03-14 09:00-12:00"]),
    ("14 mars kl 13-15.30", ["2025-03-14 13:00-15:30"]),
    ("14 mars 13-15.30", ["2025-03-14 13:00-15:30"]),
    ("14 mars, kl. 13-16", ["2025-03-14 13:00-16:00"]),
    ("14 mars (kl. 9-12) i aulan", ["2025-03-14 09:00-12:00"]),
    ("14 mars mellan 9 och 12", ["2025-03-14 09:00-12:00"]),
    ("14 mars mellan kl 9 och 12", ["2025-03-14 09:00-12:00"]),
    ("14 mars från kl 9 till 12", ["2025-03-14 09:00-12:00"]),
    ("14 mars kl 10-2", ["2025-03-14 10:00-14:00"]),  # afternoon clock after "kl"
    ("14 mars kl 9 och 13", ["2025-03-14 09:00"]),  # two starts: the first
    ("14 mars heldag", ["2025-03-14"]),
    ("2025-03-14T09:00:00", ["2025-03-14 09:00"]),
    # not times
    ("14 mars 13", ["2025-03-14"]),  # a bare number
    ("14/3 13 deltagare", ["2025-03-14"]),
    ("14 mars 12-10", ["2025-03-14"]),  # backwards, and no "kl" to read it otherwise
    ("14 mars 25-26", ["2025-03-14"]),  # no such hours
    ("14 mars kl 9.75", ["2025-03-14"]),  # no such minutes
    ("14 mars, 15-16 april", ["2025-03-14", "2025-04-15..2025-04-16"]),
    # before the date, on its line
    ("kl. 9-12 den 14 mars", ["2025-03-14 09:00-12:00"]),
    ("kl 9-12, 14 mars", ["2025-03-14 09:00-12:00"]),
    ("Kl 13 träffas vi på fredag 14/3", ["2025-03-14 13:00"]),
    ("Vi träffas 9-12 den 14 mars", ["2025-03-14 09:00-12:00"]),
    ("kl 9-12\n14 mars", ["2025-03-14"]),  # another line
    # a label on the next line, or a new sentence that starts with it
    ("Datum: 14 mars\nTid: 9-12", ["2025-03-14 09:00-12:00"]),
    ("14 mars. Tid: 9-12", ["2025-03-14 09:00-12:00"]),
    ("14 mars\nPlats: Skövde 9-12", ["2025-03-14"]),
    # further away only with kl, on the same line and sentence, never past a date
    ("den 14 mars i Stadshuset, Skövde, kl 9-12", ["2025-03-14 09:00-12:00"]),
    ("den 14 mars i Stadshuset 9-12", ["2025-03-14"]),
    ("14 mars i Skövde. Vi börjar kl 9", ["2025-03-14"]),
    ("Mötet den 14 mars flyttas till 21 mars kl 13", ["2025-03-14", "2025-03-21 13:00"]),
    ("Den 14 mars är inställt, ny tid kl 13 den 21 mars", ["2025-03-14", "2025-03-21 13:00"]),
    (
        "Den 14 mars i Skövde kl 9-12, den 21 mars i Vara kl 13-16",
        ["2025-03-14 09:00-12:00", "2025-03-21 13:00-16:00"],
    ),
    # lists share a time written once
    ("14 och 28 mars kl 9-12", ["2025-03-14 09:00-12:00", "2025-03-28 09:00-12:00"]),
    ("14/3 eller 21/3 kl 9", ["2025-03-14 09:00", "2025-03-21 09:00"]),
    ("kl 9-12 den 14/3 och 21/3", ["2025-03-14 09:00-12:00", "2025-03-21 09:00-12:00"]),
    (
        "7/2 kl 9-12, 14/3 kl 13-16 och 16/5",
        ["2025-02-07 09:00-12:00", "2025-03-14 13:00-16:00", "2025-05-16"],
    ),
    (
        "14 mars 2025 kl. 9-12 samt 15 mars kl 13",
        ["2025-03-14 09:00-12:00", "2025-03-15 13:00"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_times(text: str, expected: list[str]) -> None:
    assert found(text) == expected


# -------------------------------------------------------- lines as secretaries write

REAL: list[tuple[str, date, list[str]]] = [
    (
        "Nästa möte: fredagen den 16 maj kl. 9.00–12.00 i Stadshuset, Skövde",
        SPRING,
        ["2025-05-16 09:00-12:00"],
    ),
    (
        "Plats: Campus Lidköping, tid: 13:00 - 15.30, datum 2025-10-10",
        SPRING,
        ["2025-10-10 13:00-15:30"],
    ),
    ("Vi ses 27 feb kl 13-16", date(2025, 2, 10), ["2025-02-27 13:00-16:00"]),
    (
        "Träffar VT 2026: 23/1, 20/3 och 22/5, alla kl. 9–12",
        date(2025, 6, 1),
        ["2026-01-23 09:00-12:00", "2026-03-20 09:00-12:00", "2026-05-22 09:00-12:00"],
    ),
    ("Protokoll från nätverksträff 2025-03-14", date(2025, 3, 20), ["2025-03-14"]),
    ("fredag 14 mars 2025 09:00-12:00", SPRING, ["2025-03-14 09:00-12:00"]),
    (
        "När: den 14 mars 2025 09:00-12:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom,"
        " Stockholm, Wien",
        SPRING,
        ["2025-03-14 09:00-12:00"],
    ),
    (
        "Datum: fredag 14 mars 2025\nTid: kl. 13.00–15.30\nPlats: Campus Lidköping",
        SPRING,
        ["2025-03-14 13:00-15:30"],
    ),
    ("14/3\t9-12\tStadshuset, Skövde", SPRING, ["2025-03-14 09:00-12:00"]),
    (
        "Fredag 14/3 kl 9–12 och fredag 16/5 kl 13–16",
        SPRING,
        ["2025-03-14 09:00-12:00", "2025-05-16 13:00-16:00"],
    ),
    (
        "Nästa möte 2025-05-16, kl 9-12. Därefter 2025-06-13.",
        SPRING,
        ["2025-05-16 09:00-12:00", "2025-06-13"],
    ),
    ("Skickat: den 3 mars 2025 14:12", SPRING, ["2025-03-03 14:12"]),
    (
        "Hej!\nHär kommer protokollet från vårt möte i fredags.\nVänliga hälsningar\nEva",
        SPRING,
        [],
    ),
    (
        "Ekonomi: 150 000 kr. Ring 0500-12 34 56. Nästa möte 14/3 kl 9.",
        SPRING,
        ["2025-03-14 09:00"],
    ),
    (
        "Mötesplan HT 2025\n12/9 9-12 Skövde\n17/10 13-16 Lidköping\n14/11 9-12 Mariestad",
        date(2025, 6, 10),
        ["2025-09-12 09:00-12:00", "2025-10-17 13:00-16:00", "2025-11-14 09:00-12:00"],
    ),
    (
        "Hösten 2025: 12/9 och 14/11",  # the term gives the year nearest would not
        date(2025, 1, 1),
        ["2025-09-12", "2025-11-14"],
    ),
    (
        "Träffar under våren 2026: 16, 23 och 30 januari samt 6 och 13 februari",
        date(2025, 11, 1),
        ["2026-01-16", "2026-01-23", "2026-01-30", "2026-02-06", "2026-02-13"],
    ),
    (
        "Den 3 mars 2025 skrev Anna Berg <anna.berg@vara.se>:",
        SPRING,
        ["2025-03-03"],
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), REAL)
def test_real_lines(text: str, reference: date, expected: list[str]) -> None:
    assert found(text, reference) == expected


# ------------------------------------------------------------- never a date

NOT_DATES: list[str] = [
    "Ring 0500-12 34 56",
    "Mobil 070-123 45 67",
    "+46 500 12 34 56",
    "0500-123456",
    "541 83 Skövde",
    "54183 Skövde",
    "Dnr 2025/123",
    "Dnr SKF 2025/45",
    "dnr 3/12",
    "§ 4/5",
    "Budget 150 000 kr",
    "Summa: 2 500:-",
    "version 2.1.3",
    "v. 1.10",
    "kl 14.30",
    "14.30",
    "Mötet börjar 9-12",
    "kl 9-12, 14 personer",
    "2025-2026",
    "läsåret 2025/2026",
    "3/4 av deltagarna",
    "1/3-dels",
    "2/3 delar av budgeten",
    "1/2 %",
    "sida 1/3",
    "Sida 2/5",
    "s. 2/3",
    "öppet 24/7",
    "vecka 44",
    "v. 44",
    "v44",
    "31/2",
    "30 februari",
    "31 april 2025",
    "32 mars",
    "14/13",
    "0/3",
    "personnummer 20050314-1234",
    "Org.nr 212000-1355",
    "3 marsipaner",
    "9 decimeter",
    "5 augustinus",
    "1 000/3",
    "Tel 20250314",
    "2025-13-01",
    "14.3",
    "14.03.",
    "30-31 april",  # the range does not exist, so neither does the mention
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, SPRING) == []


def test_compact_date_far_from_the_reference_is_a_number() -> None:
    assert found("20250314", date(2040, 1, 1)) == []
    assert found("20250314", date(2029, 1, 1)) == ["2025-03-14"]


# ------------------------------------------------------------------ years

YEARS: list[tuple[str, date, Prefer, list[str]]] = [
    # nearest (the default): around new year, in both directions
    ("14/1", date(2025, 12, 10), "nearest", ["2026-01-14"]),
    ("19 dec", date(2026, 1, 10), "nearest", ["2025-12-19"]),
    ("14/3", date(2025, 3, 1), "nearest", ["2025-03-14"]),
    ("1/9", date(2025, 3, 1), "nearest", ["2024-09-01"]),  # 181 days back, 184 ahead
    ("30/12-2/1", date(2025, 12, 1), "nearest", ["2025-12-30..2026-01-02"]),
    ("30/12-2/1", date(2026, 1, 20), "nearest", ["2025-12-30..2026-01-02"]),
    # future: the next occurrence not earlier than 30 days before the mail
    ("1/9", date(2025, 3, 1), "future", ["2025-09-01"]),
    ("19 dec", date(2026, 1, 10), "future", ["2025-12-19"]),  # within 30 days
    ("1/12", date(2026, 1, 10), "future", ["2026-12-01"]),
    ("14/1", date(2025, 12, 10), "future", ["2026-01-14"]),
    # past: the last occurrence not later than 30 days after the mail
    ("14/1", date(2025, 12, 10), "past", ["2025-01-14"]),
    ("15/1", date(2025, 1, 10), "past", ["2025-01-15"]),
    ("1/9", date(2025, 6, 1), "past", ["2024-09-01"]),
    # 29 February only exists in leap years
    ("29/2", date(2025, 3, 1), "nearest", ["2024-02-29"]),
    ("29 februari", date(2027, 1, 1), "nearest", ["2028-02-29"]),
    ("29/2 2025", date(2025, 3, 1), "nearest", []),
    # a list keeps going forwards
    (
        "12/9, 14/11, 12/12 och 16/1",
        date(2025, 6, 10),
        "nearest",
        ["2025-09-12", "2025-11-14", "2025-12-12", "2026-01-16"],
    ),
    (
        "Under året har vi träffats 14/11, 12/12 och 16/1",
        date(2025, 2, 1),
        "nearest",
        ["2024-11-14", "2024-12-12", "2025-01-16"],
    ),
    # a year written once applies to its list, wrapping at new year
    (
        "7/2, 14/3 och 16/5 2025",
        date(2024, 11, 1),
        "nearest",
        ["2025-02-07", "2025-03-14", "2025-05-16"],
    ),
    ("14/12, 10/1 och 7/2 2026", SPRING, "nearest", ["2025-12-14", "2026-01-10", "2026-02-07"]),
    (
        "7 feb 2025, 14 mars och 16 maj",
        date(2024, 6, 1),
        "nearest",
        ["2025-02-07", "2025-03-14", "2025-05-16"],
    ),
    ("14 och 28 mars 2026", SPRING, "nearest", ["2026-03-14", "2026-03-28"]),
    ("30/12 - 2/1 2026", SPRING, "nearest", ["2025-12-30..2026-01-02"]),
    # a year written by itself is not copied to unrelated dates
    ("Mötet 14/3 2024. Nästa möte 16/5.", SPRING, "nearest", ["2024-03-14", "2025-05-16"]),
]


@pytest.mark.parametrize(("text", "reference", "prefer", "expected"), YEARS)
def test_years(text: str, reference: date, prefer: Prefer, expected: list[str]) -> None:
    assert found(text, reference, prefer=prefer) == expected


@pytest.mark.parametrize(
    ("text", "year_given"),
    [
        ("14 mars 2025", [True]),
        ("14 mars", [False]),
        ("2025-03-14", [True]),
        ("14/3", [False]),
        ("7/2, 14/3 och 16/5 2025", [True, True, True]),
        ("Träffar VT 2026: 23/1, 20/3", [True, True]),
        ("fredag 14 mars", [False]),
    ],
)
def test_year_given(text: str, year_given: list[bool]) -> None:
    assert [m.year_given for m in find_dates(text, SPRING)] == year_given


def test_default_year_is_taken_instead_of_inference() -> None:
    mentions = find_dates("23/1, 20/3 och 22/5", SPRING, default_year=2026)
    assert [m.date for m in mentions] == [date(2026, 1, 23), date(2026, 3, 20), date(2026, 5, 22)]
    assert not any(m.year_given for m in mentions)
    # a year written next to the date wins over the caller's default
    assert found("14/3 2025", SPRING, default_year=2026) == ["2025-03-14"]
    # an impossible date in the default year is dropped, not moved
    assert found("29/2", SPRING, default_year=2026) == []


# ----------------------------------------------------------------- weekdays

WEEKDAY_CASES: list[tuple[str, list[tuple[str | None, bool]]]] = [
    ("fredag 15 mars 2025", [("fredag", True)]),  # 15 March 2025 is a Saturday
    ("fredag 14 mars 2025", [("fredag", False)]),
    ("fredagen den 14 mars 2025", [("fredagen", False)]),
    ("Lördag 15 mars 2025", [("Lördag", False)]),
    ("fre 15/3 2025", [("fre", True)]),
    ("fre. 14/3 2025", [("fre", False)]),
    ("tors. 13/3 2025", [("tors", False)]),
    ("mån 2025-03-17", [("mån", False)]),
    ("söndag 2025-03-17", [("söndag", True)]),
    ("sön 16/3 2025", [("sön", False)]),  # "sön" is no page label "s"
    ("14 mars 2025", [(None, False)]),
    ("fredag och sedan 15 mars 2025", [(None, False)]),  # not next to the date
    ("fre 14/3 2025 – sön 15/3 2025", [("fre", True)]),  # the range's end is a Saturday
    (
        "fredagarna 7, 14 och 22 mars 2025",
        [("fredagarna", False), ("fredagarna", False), ("fredagarna", True)],
    ),
    (
        "fredagarna 7/2, 14/3 och 16/5 2025",
        [("fredagarna", False), ("fredagarna", False), ("fredagarna", False)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WEEKDAY_CASES)
def test_weekdays(text: str, expected: list[tuple[str | None, bool]]) -> None:
    assert [(m.weekday, m.weekday_mismatch) for m in find_dates(text, SPRING)] == expected


def test_weekday_does_not_move_the_date() -> None:
    (m,) = find_dates("fredag 15 mars 2025", SPRING)
    assert m.date == date(2025, 3, 15) and m.weekday_mismatch


# ------------------------------------------------------------- spans and text

SPANS: list[tuple[str, list[str]]] = [
    (
        "Nästa möte: fredagen den 16 maj kl. 9.00–12.00 i Stadshuset",
        ["fredagen den 16 maj kl. 9.00–12.00"],
    ),
    ("kl. 9-12 den 14 mars", ["kl. 9-12 den 14 mars"]),
    ("7, 14 och 21 mars", ["7", "14", "21 mars"]),
    ("den 14 mars.", ["14 mars"]),
    ("Vi ses 18 sept. Hej!", ["18 sept."]),
    ("14 mars (kl. 9-12) i aulan", ["14 mars (kl. 9-12)"]),
    ("Träffar: 23/1, 20/3 och 22/5, alla kl. 9–12.", ["23/1", "20/3", "22/5, alla kl. 9–12"]),
    ("Tid 13-15, datum 2025-10-10", ["13-15, datum 2025-10-10"]),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_span_and_text(text: str, expected: list[str]) -> None:
    mentions = find_dates(text, SPRING)
    assert [m.text for m in mentions] == expected
    for m in mentions:
        assert text[m.span[0] : m.span[1]] == m.text


# --------------------------------------------------------------------- vague

VAGUE: list[tuple[str, list[str]]] = [
    ("vecka 44", ["vecka 44"]),
    ("Vi ses v. 44", ["v. 44"]),
    ("v44", ["v44"]),
    ("V 44", ["V 44"]),
    ("veckorna 44-45", ["veckorna 44-45"]),
    ("vecka 44 och 45", ["vecka 44 och 45"]),
    ("under vecka 12", ["vecka 12"]),
    ("i början av mars", ["i början av mars"]),
    ("I slutet av vecka 44", ["I slutet av vecka 44"]),
    ("mitten av april", ["mitten av april"]),
    ("under hösten", ["under hösten"]),
    ("efter jul", ["efter jul"]),
    ("hösten 2025", ["hösten 2025"]),
    ("Träffar VT 2026: 23/1", ["VT 2026"]),
    ("HT-25", ["HT-25"]),
    ("i maj", ["i maj"]),
    ("under maj 2025", ["under maj 2025"]),
    ("delrapportering maj 2021", ["maj 2021"]),
    ("nästa vecka", ["nästa vecka"]),
    ("Vi ses på fredag!", ["på fredag"]),
    ("i morgon", ["i morgon"]),
    ("om två veckor", ["om två veckor"]),
    ("sista fredagen i månaden", ["sista fredagen i månaden"]),
    ("varannan fredag", ["varannan fredag"]),
    ("Datum meddelas senare", ["Datum meddelas senare"]),
    ("Datum är inte bestämt", ["Datum är inte bestämt"]),
    ("Vi återkommer med datum", ["återkommer med datum"]),
    # not vague
    ("14 mars 2025", []),
    ("på fredag 14/3", []),
    ("version 2.1", []),
    ("v 60", []),
    ("Vi ses i Vara", []),
    ("God jul", []),
    ("vt 26", []),
    ("Hej! Idag skickar jag protokollet.", []),
]


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_find_vague(text: str, expected: list[str]) -> None:
    assert find_vague(text) == expected


def test_vague_alone_gives_no_date() -> None:
    text = "Nästa träff blir vecka 44, datum meddelas senare."
    assert find_dates(text, SPRING) == []
    assert find_vague(text) == ["vecka 44", "datum meddelas senare"]


# --------------------------------------------------------- parse_time_range

T = time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl. 9.00–12.00", (T(9), T(12))),
        ("kl 13", (T(13), None)),
        ("9-12", (T(9), T(12))),
        ("13:00 - 15.30", (T(13), T(15, 30))),
        ("08.30", (T(8, 30), None)),
        ("klockan 13", (T(13), None)),
        ("mellan 9 och 12", (T(9), T(12))),
        ("9.00 - ca 12.00", (T(9), T(12))),
        ("kl 10-2", (T(10), T(14))),
        ("Tid: 9 till 12", (T(9), T(12))),
        ("heldag", (None, None)),
        ("Hela dagen", (None, None)),
        ("13", (T(13), None)),
        ("", None),
        ("ingen aning", None),
        ("25", None),
        ("12-10", None),
        ("kl 24", None),
    ],
)
def test_parse_time_range(text: str, expected: tuple[time | None, time | None] | None) -> None:
    assert parse_time_range(text) == expected


# -------------------------------------------------------------- word tables


def test_month_and_weekday_tables() -> None:
    assert MONTHS["januari"] == 1 and MONTHS["jan"] == 1
    assert MONTHS["maj"] == 5
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert MONTHS["dec"] == 12
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert WEEKDAYS["måndag"] == 0 and WEEKDAYS["mån"] == 0
    assert WEEKDAYS["fredag"] == WEEKDAYS["fredagen"] == WEEKDAYS["fre"] == 4
    assert WEEKDAYS["tors"] == WEEKDAYS["tor"] == 3
    assert WEEKDAYS["söndagen"] == 6 and WEEKDAYS["fredagarna"] == 4
    assert sorted(set(WEEKDAYS.values())) == list(range(7))


# ----------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        " ",
        "\n",
        "\t",
        ", ",
        " och ",
        "-",
        "–",
        "/",
        ".",
        ":",
        "kl ",
        "kl. ",
        "klockan ",
        "den ",
        "fredag ",
        "fre. ",
        "mars",
        "sept.",
        "maj",
        "vecka ",
        "v. ",
        "mellan ",
        "till ",
        "(",
        ")",
        "dnr ",
        "§",
        "av ",
        "2025",
        "20250314",
        "24",
        "7",
        "14",
        "31",
        "9.00",
        "12:30",
        "0",
        "å",
        "İ",
        "\u00a0",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_PIECES, max_size=40).map("".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join),
)
_REFERENCES = st.one_of(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from([date.min, date.max, date(2024, 2, 29)]),
)


@settings(max_examples=400, deadline=None)
@given(
    text=_TEXTS,
    reference=_REFERENCES,
    prefer=st.sampled_from(get_args(Prefer)),
    default_year=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
)
def test_random_text_never_raises_and_spans_hold(
    text: str, reference: date, prefer: Prefer, default_year: int | None
) -> None:
    mentions = find_dates(text, reference, prefer=prefer, default_year=default_year)
    previous_end = 0
    for m in mentions:
        start, end = m.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == m.text
        assert start >= previous_end  # in order, never overlapping
        previous_end = end
        if m.end_date is not None:
            assert m.end_date > m.date
        if m.end is not None:
            assert m.start is not None and m.end > m.start
    for vague in find_vague(text):
        assert vague and vague in text
    parse_time_range(text)


_WRITTEN: st.SearchStrategy[Callable[[date], str]] = st.sampled_from(
    [
        lambda d: d.isoformat(),
        lambda d: f"{d.day} {list(MONTHS)[d.month - 1]} {d.year}",
        lambda d: f"den {d.day}:e {list(MONTHS)[d.month - 1]} {d.year}",
        lambda d: f"{d.day}/{d.month} {d.year}",
        lambda d: f"{d.day}/{d.month}-{d.year}",
        lambda d: f"{d.day}.{d.month}.{d.year}",
        lambda d: f"{d.year}{d.month:02}{d.day:02}",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    write=_WRITTEN,
    hours=st.tuples(st.integers(0, 22), st.integers(0, 59), st.integers(1, 60)),
)
def test_written_dates_and_times_read_back(
    day: date, write: Callable[[date], str], hours: tuple[int, int, int]
) -> None:
    start_h, start_m, length = hours
    start = time(start_h, start_m)
    end_minutes = min(start_h * 60 + start_m + length, 23 * 60 + 59)
    end = time(end_minutes // 60, end_minutes % 60)
    written = write(day)
    text = f"Nästa möte: {written} kl. {start:%H.%M}–{end:%H.%M} i Skövde."
    (m,) = find_dates(text, day)
    assert (m.date, m.start, m.end, m.year_given) == (day, start, end, True)
    assert m.text.endswith(f"{end:%H.%M}")
