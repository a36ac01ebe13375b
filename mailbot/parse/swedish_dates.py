"""Swedish calendar dates and clock times, as secretaries really write them.

Off-the-shelf parsers get Swedish wrong (dateparser returns nothing after "kl." and
invents years such as 2111 when the year is missing), so this is a small hand-written
extractor: compiled regular expressions, no I/O, no state. A 20-page document is
scanned in a few milliseconds.

Public API
----------
- `find_dates(text, reference, *, prefer="nearest", default_year=None)`: every
  calendar date written in `text`, in order of appearance, as `DateMention`s with the
  clock times written next to them.
- `find_vague(text)`: week numbers ("vecka 44", "v. 44") and other vague references
  ("i början av mars", "under hösten", "datum meddelas senare") that are not dates but
  mean "a person should look at this mail".
- `parse_time_range(text)`: the first clock time or range in a short text such as a
  table cell ("kl. 9.00–12.00" -> 09:00, 12:00; "heldag" -> None, None).
- `MONTHS`, `WEEKDAYS`: Swedish month and weekday words -> number (Monday = 0).

Forms and heuristics (each one is a choice; the tests pin them down)
--------------------------------------------------------------------
Dates:
- ISO `2025-03-14`, `2025-3-14`, also inside file names ("Protokoll_2025-03-14.docx").
  A year range `2025-2026` has no third part: not a date.
- Compact `20250314` only when unambiguous: eight digits standing alone, year 20xx
  within five years of the reference, a valid date, not followed by `-1234` (that is a
  personnummer) and not after a number label (dnr, tel, ...). Any eight-digit number
  could be an id; the year window makes a random one very unlikely to pass.
- Dotted `14.3.2025` only with a four-digit year: `14.30` is a time, `1.2.3` a version.
- Slash `14/3` is ALWAYS day/month (Swedish usage), optionally with a year:
  `14/3-2025`, `14/3 2025`, `14/3/2025`, `14/3-25` (two-digit years only 20-39, so
  that `14/3-15` is not read as 2015). `N/M` is NOT a date when followed by "av",
  "del", "delar", "-dels", "%" (a fraction: "3/4 av deltagarna"), when preceded by a
  number label ("sida 1/3", "dnr 3/12", "§ 4/5"), or when it is `24/7` without a
  year, weekday or "den" ("öppet 24/7" means around the clock). A page footer "1/3"
  alone on a line is indistinguishable from a date in a table cell and IS returned
  (known gap).
- Month names, full or abbreviated, with or without a period, any case:
  `den 14 mars 2025`, `14 mars`, `14:e mars`, `1:a maj`, `27 feb`, `18 sept.`.
- A weekday word right before a date (`fredag`, `fredagen den`, `fre`, `fre.`,
  `fredag,`) is kept in `weekday` and checked against the calendar; a disagreement
  sets `weekday_mismatch` and is NOT corrected (the weekday does not choose the year
  either: a person must look). Plural "fredagarna 7, 14 och 21 mars" applies to every
  date of the list.
- Ranges across days: `14-15 mars`, `14–15/3`, `14/3–15/3`, `30 mars–2 april`,
  `30/12-2/1` give ONE mention with `end_date` (a two-day meeting). `14 och 15 mars`,
  `14 och den 15 mars` (exactly two consecutive days joined by "och") is also one;
  `14 och 28 mars` gives two. "till" between dates is NOT a range ("flyttas från 14/3
  till 21/3" is a move), so it gives two mentions.
- Lists "7, 14 och 21 mars", "7/2, 14/3 och 16/5" give one mention per date. In the
  "7, 14 och 21 mars" form only the last date's span carries the month, so the first
  mentions' `text` is just "7" and "14". A number after "kl" or ending a clock range
  ("kl 9-12, 14 mars") or after a label ("punkt 3, 14 mars") is not a day of the list.
  For years and shared times (below), a list is dates joined by nothing but ",", "och",
  "samt", "eller", "&" on one line.
Years:
- Written next to the date: used (`year_given=True`).
- Written once in a list ("7/2, 14/3 och 16/5 2025"): applies to the whole list, going
  back a year where the list wraps over new year ("14/12, 10/1 och 7/2 2026" puts 14/12
  in 2025); `year_given=True` since the year is in the text.
- A term or season with a year on the same line before a list ("Träffar VT 2026: 23/1,
  20/3 och 22/5", "hösten 2025: ...") gives the year (`year_given=True`).
- Else `default_year` when the caller gives one (a heading "Mötesplan 2026").
- Else inferred from `reference` (`year_given=False`): among reference.year-1, +0, +1
  the candidate nearest the reference ("nearest", ties go forward); "future" takes the
  first occurrence not earlier than 30 days before the reference (a plan looks
  forward); "past" the last one not later than 30 days after it (a protocol looks
  back). Inferred dates of one list are then kept ascending (a plan sent in June for
  "12/9, 14/11, 12/12 och 16/1" means 16 January of the next year).
Times (only next to a date; a time alone is never a date):
- `kl 9`, `kl. 9.00`, `klockan 13`, `kl 08.30-12.15`, `9–12`, `9 till 12`,
  `13:00 - 15.30`, `mellan 9 och 12`, `från kl 9 till 12`, `kl. 9-ca 12`, `09:00:00`
  and `2025-03-14T09:00` (calendar exports).
  A bare number is NOT a time; it must be a range, follow kl/klockan, or be written
  h.mm / hh:mm. Hours 0-23, minutes 0-59, and an end after the start; after "kl" an
  end earlier than the start is read on the afternoon clock ("kl 10-2" = 10-14), as a
  person would, otherwise the range is rejected.
- Where: right after the date (with "," ":" "(" "alla" "tid:" between, or on the next
  line labelled "Tid:"/"Kl"), or right before it ("kl. 9-12 den 14 mars", "tid: 13-15,
  datum 2025-10-10"). Further away on the same line and sentence only with kl/klockan
  ("den 14 mars i Stadshuset kl 9"), never across another date; and a time written
  right before the next date goes to that date unless it has a time of its own
  ("Den 14 mars är inställt, ny tid kl 13 den 21 mars").
- A time after the last date of a list ("23/1, 20/3 och 22/5, alla kl. 9–12"), or
  before its first, applies to every date of the list when none has its own. `span`
  then covers the time only for the mention it is written next to.
- "heldag" gives no times.

Known gaps: English dates ("March 14"), month-first order ("mars 14"), a weekday after
the date ("14/3 (fre)"), "fm"/"em", two-letter weekday abbreviations ("fr 14/3"),
dotted dates without a year ("14.3."), relative dates ("på fredag" is only reported by
`find_vague`), several sessions in one day ("kl 9-12 och 13-16" keeps the first), a
time on the line BEFORE its date ("Tid: 9-12" then "Datum: 14/3"), "från 14 till 16
mars" (two mentions, since "till" may be a move), and page footers "1/3".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Final, Literal

from mailbot.parse.types import DateMention

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "Prefer",
    "find_dates",
    "find_vague",
    "parse_time_range",
]

Prefer = Literal["nearest", "future", "past"]

# --------------------------------------------------------------------------- words

_MONTH_FULL: Final[tuple[str, ...]] = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_ABBR: Final[dict[str, int]] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

#: Swedish month names and abbreviations (lower case, no period) -> month number.
MONTHS: Final[dict[str, int]] = {
    **{name: number for number, name in enumerate(_MONTH_FULL, start=1)},
    **_MONTH_ABBR,
}

_WEEKDAY_FULL: Final[tuple[str, ...]] = (
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
)
_WEEKDAY_ABBR: Final[dict[str, int]] = {
    "mån": 0,
    "tis": 1,
    "ons": 2,
    "tor": 3,
    "tors": 3,
    "fre": 4,
    "lör": 5,
    "sön": 6,
}

#: Swedish weekday words (lower case, no period) -> weekday number, Monday = 0:
#: "fredag", the definite "fredagen", the plurals "fredagar"/"fredagarna" and the
#: abbreviations "fre", "tors", ...
WEEKDAYS: Final[dict[str, int]] = {
    **{
        name + suffix: number
        for number, name in enumerate(_WEEKDAY_FULL)
        for suffix in ("", "en", "ar", "arna")
    },
    **_WEEKDAY_ABBR,
}

# ---------------------------------------------------------------- regex building blocks

# Horizontal white space. NBSP and narrow NBSP come from Outlook HTML and Word.
_H = r"[ \t\u00a0\u202f]"
# Hyphen, Unicode hyphens, figure dash, en dash, em dash, minus: Word "autocorrects"
# hyphens in ranges, so every one of them appears in real mail.
_DASH = r"[-\u2010\u2011\u2012\u2013\u2014\u2212]"
_DASHES: Final[frozenset[str]] = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")

# Full names first: the regex alternation takes the first that matches, so "mars" must
# be tried before "mar" and "sept" before "sep"; a period only after an abbreviation,
# so that the full stop ending "den 14 mars." stays outside the span.
_MONTH = (
    "(?:"
    + "|".join(_MONTH_FULL)
    + "|(?:"
    + "|".join(sorted(_MONTH_ABBR, key=len, reverse=True))
    + r")(?![a-zåäö])\.?"
    + ")(?![a-zåäö])"
)
_MONTH_FULL_RE = "(?:" + "|".join(_MONTH_FULL) + ")"
_YEAR4 = r"(?:19|20)[0-9]{2}"
# A year ends where no digit, decimal or time continues it ("2025.5", "20:25").
_YEAR_END = r"(?![0-9]|[.:,][0-9])"

_ISO = (
    r"(?<![0-9.,/:])(?<![0-9]-)"  # letters and "_" may precede: "Protokoll_2025-03-14"
    rf"(?P<i_year>{_YEAR4})(?P<i_sep>[-\u2010\u2011])(?P<i_mon>[0-9]{{1,2}})(?P=i_sep)"
    r"(?P<i_day>[0-9]{1,2})(?![0-9]|[.,/][0-9])"
)
_COMPACT = (
    r"(?<![0-9+.,/:])(?<![0-9]-)"
    r"(?P<c_year>20[0-9]{2})(?P<c_mon>[01][0-9])(?P<c_day>[0-3][0-9])"
    r"(?![0-9]|-[0-9]|[.,][0-9])"  # "-1234" after it: a personnummer, not a date
)
_DOTTED = (
    r"(?<![0-9.,:/])"
    rf"(?P<d_day>[0-9]{{1,2}})\.(?P<d_mon>[0-9]{{1,2}})\.(?P<d_year>{_YEAR4}){_YEAR_END}"
)
_NUMERIC = (
    r"(?<![\w/.:])"
    r"(?P<n_day>[0-9]{1,2})/(?P<n_mon>[0-9]{1,2})"
    rf"(?:(?:{_H}*[-/]{_H}*|{_H}+)(?P<n_year>{_YEAR4})(?![0-9]|[.:,/][0-9])"
    r"|[-/](?P<n_year2>[23][0-9])(?![0-9]|[.:,/][0-9]))?"
    r"(?![0-9]|/[0-9])"
)
_TEXT = (
    r"(?<![\w/.:])"
    rf"(?P<t_day>[0-9]{{1,2}})(?![0-9])(?::[ae])?\.?{_H}*(?P<t_mon>{_MONTH})"
    rf"(?:{_H}*,?{_H}*(?P<t_year>{_YEAR4}){_YEAR_END})?"
)
_DATE_RE: Final = re.compile(f"{_ISO}|{_COMPACT}|{_DOTTED}|{_NUMERIC}|{_TEXT}", re.IGNORECASE)
# A C-level prefilter for `_DATE_RE`: the places where a date form can start, checked
# only as far as the first character or two of each form (ISO "2025-0", compact eight
# digits, "14/3", "14.3.", "14 m", "14:e m"). It starts with a plain digit class, so the
# regex engine skips everything else without leaving C; base64 or hex in a text part
# gives a few thousand candidates per megabyte instead of one per digit run.
_CANDIDATE: Final = re.compile(
    r"[0-9](?:"
    r"(?<![0-9][0-9])[0-9]{3}[-\u2010\u2011][0-9]"  # 2025-03-14
    r"|(?<![0-9][0-9])[0-9]{7}(?![0-9])"  # 20250314
    rf"|(?<![\w/.:][0-9])[0-9]?(?:[./][0-9]|(?::[aeAE])?\.?{_H}*[jfmasondJFMASOND])"
    r")"
)

# One earlier day of a list or range, just before a "14 mars" or "15/3":
# "7, " / "14 och " / "14-" / "14 och den ".
_EXT_RE: Final = re.compile(
    rf"(?<![\w/.:])(?P<day>[0-9]{{1,2}})(?::[ae])?{_H}*"
    rf"(?P<sep>,|;|&|\boch\b|\bsamt\b|\beller\b|{_DASH}){_H}*(?:den{_H}+)?\Z",
    re.IGNORECASE,
)
# A number that ends a clock range or follows "kl" is a time, not a day of a list:
# "kl 9-12, 14 mars" must not become 12 and 14 March.
_CLOCKISH_BEFORE: Final = re.compile(
    rf"(?:(?<!\w)(?:klockan|kl)[.:]?|[0-9](?:[.:][0-9]{{2}})?{_H}*{_DASH}){_H}*\Z",
    re.IGNORECASE,
)
_WD_BEFORE: Final = re.compile(
    r"(?<!\w)(?P<wd>(?:" + "|".join(_WEEKDAY_FULL) + r")(?:en|arna|ar)?"
    r"|(?:" + "|".join(sorted(_WEEKDAY_ABBR, key=len, reverse=True)) + r"))(?!\w)"
    rf"\.?(?:{_H}*,{_H}*|{_H}+)(?:den{_H}+)?\Z",
    re.IGNORECASE,
)
# Numbers after these labels are case numbers, pages, paragraphs or phone numbers:
# "dnr 3/12", "sida 1/3", "§ 4/5", "tel 20250314".
_NUMBER_LABEL: Final = re.compile(
    # Case numbers may carry an organisation code: "Dnr SKF 2025/45".
    r"(?:(?<!\w)(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer)(?!\w)[.:#]?"
    rf"{_H}*(?:[a-zåäö]{{2,6}}{_H}+)?"
    r"|(?<!\w)(?:nr|nummer|sida|sid|s|bilaga|paragraf|punkt|kap|kapitel|tel|tfn"
    rf"|telefon|mobil|fax|id|sal|rum|ocr)(?!\w)[.:#]?{_H}*"
    rf"|§{_H}*)\Z",
    re.IGNORECASE,
)
# A fraction, not a date: "3/4 av deltagarna", "1/3-dels", "2/3 delar", "1/2 %".
_FRACTION_AFTER: Final = re.compile(
    rf"(?:{_H}*(?:av|del|dels|delar|procent)(?!\w)|-dels?(?!\w)|{_H}*%)", re.IGNORECASE
)
_LIST_GAP: Final = re.compile(
    rf"{_H}*,?{_H}*(?:(?:och|samt|eller|&|\+|;)(?!\w){_H}*)?(?:den{_H}+)?", re.IGNORECASE
)
_RANGE_GAP: Final = re.compile(rf"{_H}*{_DASH}{_H}*")
# "Träffar VT 2026: 23/1, ...": a term or season with a year on the line before a list.
_CONTEXT_YEAR: Final = re.compile(
    rf"(?:(?<![\w])(?-i:VT|HT)|(?<!\w)(?:våren|hösten|vårterminen|höstterminen))"
    rf"{_H}*-?{_H}*(?P<year>(?:19|20)?[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)

# Clock times. "kl", "kl.", "kl:", "klockan"; the end may be "ca 12"/"cirka 12".
_KL = r"(?:klockan|kl)[.:]?"
_TIME = (
    rf"(?P<pre>(?<!\w)(?:från|mellan){_H}+)?"
    rf"(?:(?P<kl>(?<!\w){_KL}){_H}*|(?<![0-9.:,/])(?<![0-9]{_DASH}))"
    r"(?P<c1>(?P<h1>[0-9]{1,2})(?:[.:](?P<m1>[0-9]{2})(?::[0-9]{2})?)?)"  # "09:00:00"
    rf"(?:{_H}*(?P<sep>{_DASH}|till(?!\w)|och(?!\w)){_H}*"
    rf"(?:(?:{_KL}|ca\.?|cirka){_H}*)?"
    r"(?P<h2>[0-9]{1,2})(?:[.:](?P<m2>[0-9]{2})(?::[0-9]{2})?)?)?"
    # Not a time when a date, a decimal or a month continues it ("15-16 april").
    rf"(?![0-9]|[.:,][0-9]|{_H}*/|{_H}*{_MONTH})"
)
_TIME_RE: Final = re.compile(_TIME, re.IGNORECASE)
# What may stand between a date and the time after it.
_AFTER_FILLER = (
    rf"(?:{_H}*(?:[,;:]|{_DASH}(?={_H}*(?:kl|mellan|från)))?{_H}*(?P<paren>\()?{_H}*"
    r"|T(?=[0-9]{2}:[0-9]{2})"  # ISO 8601 from calendar exports: 2025-03-14T09:00
    rf"|{_H}*\.{_H}*(?=tid|kl)"  # "14 mars. Tid: 9-12"
    rf"|{_H}*\r?\n{_H}*(?=tid|kl)"  # "Datum: 14 mars" / "Tid: 9-12" on the next line
    r")"
    r"(?:(?:alla|samtliga|båda|bägge)"
    rf"(?:{_H}+(?:dagarna|dagar|tillfällena|tillfällen|träffarna|träffar|mötena|möten))?"
    rf"{_H}*,?{_H}*)?"
    rf"(?:(?:tid(?:en|erna|er|punkt)?|mötestid)(?:{_H}+(?:är|blir))?{_H}*:?{_H}*)?"
)
_AFTER_RE: Final = re.compile(_AFTER_FILLER + _TIME, re.IGNORECASE)
_CLOSE_PAREN: Final = re.compile(rf"{_H}*\)")
# What may stand between a time and the date after it: "kl 9-12 den 14 mars",
# "tid: 13-15, datum 2025-10-10", "kl 13 på fredag 14/3".
_BEFORE_GAP: Final = re.compile(
    rf"{_H}*\)?{_H}*[,;:]?{_H}*(?:(?:den|på|om|datum|datumet|dag|dagen)(?!\w){_H}*:?{_H}*)*",
    re.IGNORECASE,
)
# A sentence ends at . ! ? followed by a capital; "kl. 9" does not end one.
_SENTENCE_END: Final = re.compile(r"[.!?](?=[ \t\u00a0\u202f]+[A-ZÅÄÖ])")
_DIGIT: Final = re.compile("[0-9]")
_HELDAG: Final = re.compile(r"(?<!\w)(?:heldag|hela\s+dagen)(?!\w)", re.IGNORECASE)
_BARE_HOUR: Final = re.compile(r"\s*(?:kl\.?\s*)?([0-9]{1,2})\s*")

# How far (characters) to look around a date for its weekday, list and time.
_LOOKBACK = 24
_TIME_WINDOW = 80


# ------------------------------------------------------------------------ internals


@dataclass
class _Item:
    """One date while it is being worked out (mutable; becomes a DateMention)."""

    start: int  # span of the date words, without any time
    end: int
    day: int
    month: int
    year: int | None = None
    year_given: bool = False
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    weekday: str | None = None
    end_weekday: str | None = None
    kind: str = "text"
    atom: int = 0  # the dates of one written phrase ("7, 14 och 21 mars") share it
    group: int = 0  # the dates of one list share it
    inferred: bool = False
    resolved: date | None = None
    resolved_end: date | None = None
    t_start: time | None = None
    t_end: time | None = None
    t_span: tuple[int, int] | None = None  # only for a time written next to this date

    @property
    def has_time(self) -> bool:
        return self.t_start is not None


@dataclass(frozen=True)
class _Time:
    start: time
    end: time | None
    span: tuple[int, int]
    has_kl: bool


def _clock(hour: str, minute: str | None) -> time | None:
    h = int(hour)
    m = int(minute) if minute is not None else 0
    if 0 <= h <= 23 and 0 <= m <= 59:
        return time(h, m)
    return None


def _time_from_match(m: re.Match[str]) -> _Time | None:
    """Validate a `_TIME` match; None when it is not a clock time after all."""
    has_kl = m.group("kl") is not None
    pre = (m.group("pre") or "").strip().lower()
    sep = (m.group("sep") or "").lower()
    # "och" joins a range only after "mellan" ("mellan 9 och 12"); "kl 9 och 13" is two
    # start times, of which we keep the first.
    is_range = m.group("h2") is not None and (sep != "och" or pre == "mellan")
    if not (has_kl or is_range or m.group("m1") is not None):
        return None  # a bare number is never a time
    start = _clock(m.group("h1"), m.group("m1"))
    if start is None:
        return None
    if not is_range:
        stop = m.end("c1")
        if pre == "mellan":
            return None
        return _Time(start, None, (m.start(), stop), has_kl)
    end = _clock(m.group("h2"), m.group("m2"))
    if end is None:
        return None
    if end <= start:
        # "kl 10-2": the afternoon clock, as a reader takes it; only after "kl", where
        # it is surely a time. Otherwise not a range we trust.
        if not has_kl or end.hour + 12 > 23:
            return None
        end = time(end.hour + 12, end.minute)
        if end <= start:
            return None
    return _Time(start, end, (m.start(), m.end()), has_kl)


def _scan(text: str) -> list[_Item]:
    """Every written date, before years are resolved and times attached."""
    items: list[_Item] = []
    consumed = 0  # nothing before this belongs to a new date
    atom = 0
    for run in _CANDIDATE.finditer(text):
        if run.start() < consumed:
            continue
        m = _DATE_RE.match(text, run.start())
        if m is None:
            continue
        atom += 1
        items.extend(_atom_items(text, m, consumed, atom))
        consumed = m.end()
    return items


_SPACES = " \t\u00a0\u202f"
_EXT_ENDINGS: Final = (",", ";", "&", "och", "samt", "eller", "den", *_DASHES)
_WD_ENDINGS: Final = (*WEEKDAYS, "den")


def _may_extend(text: str, lo: int, hi: int) -> bool:
    """Cheap test before `_EXT_RE`: does a separator end the text before hi?"""
    return text[lo:hi].rstrip(_SPACES).lower().endswith(_EXT_ENDINGS)


def _may_have_weekday(text: str, lo: int, hi: int) -> bool:
    """Cheap test before `_WD_BEFORE`: does a weekday word (or "den") end it?"""
    return text[lo:hi].rstrip(_SPACES + ".,").lower().endswith(_WD_ENDINGS)


def _atom_items(text: str, m: re.Match[str], lo: int, atom: int) -> list[_Item]:
    """The dates of one regex match, extended back over its list or range.

    Nothing before `lo` (the end of the previous date) is looked at; each look back
    is also limited to `_LOOKBACK` characters before the text it extends.
    """
    start, end = m.start(), m.end()
    year: int | None
    if m.group("i_year") is not None:
        kind = "iso"
        day, month, year = int(m.group("i_day")), int(m.group("i_mon")), int(m.group("i_year"))
    elif m.group("c_year") is not None:
        kind = "compact"
        day, month, year = int(m.group("c_day")), int(m.group("c_mon")), int(m.group("c_year"))
    elif m.group("d_year") is not None:
        kind = "dotted"
        day, month, year = int(m.group("d_day")), int(m.group("d_mon")), int(m.group("d_year"))
    elif m.group("n_day") is not None:
        kind = "numeric"
        day, month = int(m.group("n_day")), int(m.group("n_mon"))
        if m.group("n_year") is not None:
            year = int(m.group("n_year"))
        elif m.group("n_year2") is not None:
            year = 2000 + int(m.group("n_year2"))
        else:
            year = None
            if _FRACTION_AFTER.match(text, end):
                return []  # "3/4 av deltagarna"
            if (day, month) == (24, 7) and not _may_have_weekday(
                text, max(lo, start - _LOOKBACK), start
            ):
                return []  # "öppet 24/7": around the clock, not 24 July
    else:
        kind = "text"
        day = int(m.group("t_day"))
        month = MONTHS[m.group("t_mon").rstrip(".").lower()]
        year = int(m.group("t_year")) if m.group("t_year") is not None else None
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return []
    if kind in ("compact", "dotted", "numeric") and _NUMBER_LABEL.search(
        text, max(lo, start - _LOOKBACK), start
    ):
        return []  # "dnr 3/12", "sida 1/3", "tel 20250314"

    # Earlier days of the same phrase: "7, 14 och 21 mars", "14-15 mars", "14–15/3".
    days: list[tuple[int, int, int]] = [(day, start, end)]  # (day, start, end)
    range_from: int | None = None  # index into `days` of a range start, if any
    if kind in ("text", "numeric"):
        first = start
        while _may_extend(text, max(lo, first - _LOOKBACK), first):
            e = _EXT_RE.search(text, max(lo, first - _LOOKBACK), first)
            if e is None:
                break
            is_dash = e.group("sep") in _DASHES
            earlier = int(e.group("day"))
            if is_dash and (len(days) > 1 or earlier >= days[0][0]):
                break  # a range only between the last two days, and forwards
            if not 1 <= earlier <= 31:
                break
            if _CLOCKISH_BEFORE.search(text, max(lo, e.start() - 16), e.start()):
                break  # "kl 9-12, 14 mars": 12 is a time
            if _NUMBER_LABEL.search(text, max(lo, e.start() - _LOOKBACK), e.start()):
                break  # "punkt 3, 14 mars"
            days.insert(0, (earlier, e.start(), e.end("day")))
            if is_dash:
                range_from = 0
            elif range_from is not None:
                range_from += 1
            first = e.start()

    weekday: str | None = None
    w = None
    if _may_have_weekday(text, max(lo, days[0][1] - _LOOKBACK), days[0][1]):
        w = _WD_BEFORE.search(text, max(lo, days[0][1] - _LOOKBACK), days[0][1])
    if w is not None:
        weekday = w.group("wd")
        days[0] = (days[0][0], w.start(), days[0][2])
    plural = weekday is not None and weekday.lower().endswith(("ar", "arna"))

    # Exactly two consecutive days joined by "och" are one two-day meeting.
    if range_from is None and len(days) == 2 and days[0][0] + 1 == days[1][0]:
        sep = " ".join(text[days[0][2] : days[1][1]].lower().split())
        if sep in ("och", "och den", "&"):
            range_from = 0

    items: list[_Item] = []
    index = 0
    while index < len(days):
        d, d_start, d_end = days[index]
        item = _Item(d_start, d_end, d, month, year=year, year_given=year is not None, kind=kind)
        if index == range_from and index + 1 < len(days):
            item.end_day, item.end_month, item.end_year = days[index + 1][0], month, year
            item.end = days[index + 1][2]
            index += 1
        index += 1
        item.atom = atom
        if weekday is not None and (plural or not items):
            item.weekday = weekday
        items.append(item)
    return items


def _merge_ranges(text: str, items: list[_Item]) -> list[_Item]:
    """Join "14/3–15/3", "30 mars - 2 april", "fre 14/3 – lör 15/3" into one range."""
    out: list[_Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end_day is None
            and item.end_day is None
            and prev.atom != item.atom
            and _RANGE_GAP.fullmatch(text, prev.end, item.start)
            and _forwards(prev, item)
        ):
            prev.end_day, prev.end_month, prev.end_year = item.day, item.month, item.year
            prev.end_weekday = item.weekday
            if prev.year is None and item.year is not None:
                # "30/12 - 2/1 2026": the start takes the end's year, a year back if
                # the range crosses new year.
                wraps = (prev.month, prev.day) > (item.month, item.day)
                prev.year = item.year - 1 if wraps else item.year
                prev.year_given = True
            prev.end = item.end
            continue
        out.append(item)
    return out


def _forwards(a: _Item, b: _Item) -> bool:
    """Can b end a range starting at a? Years unknown: any order (it may wrap)."""
    if a.year is not None and b.year is not None:
        return (a.year, a.month, a.day) < (b.year, b.month, b.day)
    return (a.month, a.day) != (b.month, b.day)


def _group(text: str, items: list[_Item]) -> list[list[_Item]]:
    """Lists: dates joined by nothing but ", ", "och", "samt", "eller" on one line."""
    groups: list[list[_Item]] = []
    for item in items:
        if groups:
            prev = groups[-1][-1]
            if prev.atom == item.atom or _LIST_GAP.fullmatch(text, prev.end, item.start):
                groups[-1].append(item)
                continue
        groups.append([item])
    for number, group in enumerate(groups):
        plural = next(
            (i.weekday for i in group if i.weekday and i.weekday.lower().endswith(("ar", "arna"))),
            None,
        )
        for item in group:
            item.group = number
            if plural is not None and item.weekday is None:
                item.weekday = plural  # "fredagarna 7/2, 14/3 och 16/5"
    return groups


def _propagate_years(groups: list[list[_Item]]) -> None:
    """A year written once in a list applies to its other dates, wrapping at new year."""
    for group in groups:
        later: _Item | None = None
        for item in reversed(group):  # "7/2, 14/3 och 16/5 2025"
            if item.year is None and later is not None and later.year is not None:
                wraps = (item.month, item.day) > (later.month, later.day)
                item.year = later.year - 1 if wraps else later.year
                item.year_given = True
            later = item
        earlier: _Item | None = None
        for item in group:  # "7 feb 2025, 14 mars och 16 maj"
            if item.year is None and earlier is not None and earlier.year is not None:
                wraps = (item.month, item.day) < (earlier.month, earlier.day)
                item.year = earlier.year + 1 if wraps else earlier.year
                item.year_given = True
            earlier = item


def _context_years(text: str, groups: list[list[_Item]]) -> None:
    """ "Träffar VT 2026: 23/1, 20/3": a term with a year before a list on its line."""
    prev_end = 0
    for group in groups:
        first = group[0]
        lo = max(text.rfind("\n", 0, first.start) + 1, prev_end)
        prev_end = group[-1].end
        if all(item.year is not None for item in group):
            continue
        window = text[lo : first.start].lower()
        if not any(word in window for word in ("vt", "ht", "våren", "hösten", "terminen")):
            continue  # cheap test before the regex
        found: re.Match[str] | None = None
        for match in _CONTEXT_YEAR.finditer(text, lo, first.start):
            found = match  # the last one, nearest the list
        if found is None:
            continue
        written = found.group("year")
        year = int(written) if len(written) == 4 else 2000 + int(written)
        for item in group:
            if item.year is None:
                item.year = year
                item.year_given = True


def _infer_year(month: int, day: int, reference: date, prefer: Prefer) -> int | None:
    """The year a reader gives a date written without one (see the module docstring)."""
    candidates: list[date] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue  # 29 February outside leap years; 30 February never
    if not candidates:
        return None
    grace = timedelta(days=30)
    if prefer == "future":
        threshold = reference - grace if reference > date.min + grace else date.min
        for candidate in candidates:
            if candidate >= threshold:
                return candidate.year
    elif prefer == "past":
        threshold = reference + grace if reference < date.max - grace else date.max
        for candidate in reversed(candidates):
            if candidate <= threshold:
                return candidate.year
    # Nearest; on a tie the later one (plans are more common than looking back).
    best = min(candidates, key=lambda c: (abs((c - reference).days), c < reference))
    return best.year


def _weekday_year(item: _Item, reference: date) -> int | None:
    """ "Fredag 19/12" sent in January: of the years around the reference, the one where
    the 19th of December IS a Friday. The writer checked the calendar when they wrote
    the weekday; only when exactly one nearby year fits is it decisive."""
    number = WEEKDAYS.get((item.weekday or "").lower().rstrip("."))
    if number is None or item.end_day is not None:
        return None  # in "torsdag-fredag 2-3 oktober" the weekday word is the range's end
    fits = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            if date(year, item.month, item.day).weekday() == number:
                fits.append(year)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


def _resolve(item: _Item) -> bool:
    """Set `resolved` (and `resolved_end`); False when the date does not exist."""
    if item.year is None:
        return False
    try:
        item.resolved = date(item.year, item.month, item.day)
    except ValueError:
        return False
    if item.end_day is not None and item.end_month is not None:
        end_year = item.end_year
        if end_year is None or end_year < item.year:
            wraps = (item.end_month, item.end_day) < (item.month, item.day)
            end_year = item.year + 1 if wraps else item.year
        try:
            item.resolved_end = date(end_year, item.end_month, item.end_day)
        except ValueError:
            return False  # "30-31 april": the range is wrong, so is the mention
        if item.resolved_end <= item.resolved:
            return False
    return True


def _keep_lists_ascending(groups: list[list[_Item]]) -> None:
    """Inferred years in a list go forwards: "12/9, 12/12 och 16/1" sent in June."""
    for group in groups:
        prev: date | None = None
        for item in group:
            current = item.resolved
            if current is None:
                continue
            if item.inferred and prev is not None and current < prev:
                try:
                    bumped = date(current.year + 1, current.month, current.day)
                except ValueError:
                    bumped = None
                if bumped is not None and bumped >= prev:
                    bumped_end = item.resolved_end
                    if bumped_end is not None:
                        try:
                            bumped_end = bumped_end.replace(year=bumped_end.year + 1)
                        except ValueError:
                            bumped_end = None  # 29 February: leave this one alone
                    if item.resolved_end is None or bumped_end is not None:
                        item.year, item.resolved, item.resolved_end = (
                            bumped.year,
                            bumped,
                            bumped_end,
                        )
                        current = bumped
            prev = current


def _attach_right_after(text: str, item: _Item, limit: int) -> None:
    """A time written right after the date: "14 mars kl 9-12", "14/3, 9-12", "(kl 9)".

    `limit` is where the next date starts, or the end of the text.
    """
    m = _AFTER_RE.match(text, item.end, limit)
    if m is None:
        return
    found = _time_from_match(m)
    if found is None or found.span[1] > limit:
        return
    stop = found.span[1]
    if m.group("paren") is not None:
        close = _CLOSE_PAREN.match(text, stop, limit)
        if close is not None:
            stop = close.end()
    item.t_start, item.t_end = found.start, found.end
    item.t_span = (found.span[0], stop)


def _attach_later(text: str, item: _Item, limit: int, following: _Item | None) -> None:
    """Further on in the line and sentence, only after kl: "den 14 mars i Stadshuset,
    Skövde, kl 9-12" (kl is a strong marker). A time written right before the next date
    belongs to that date when it has no time of its own ("Den 14 mars är inställt, ny
    tid kl 13 den 21 mars"), so this runs from the last date to the first.
    """
    newline = text.find("\n", item.end, limit)
    hi = newline if newline != -1 else limit
    hi = min(hi, item.end + _TIME_WINDOW)
    if "kl" not in text[item.end : hi].lower():
        return  # cheap test before the regexes
    sentence = _SENTENCE_END.search(text, item.end, hi)
    if sentence is not None:
        hi = sentence.start()
    for t in _TIME_RE.finditer(text, item.end, hi):
        found = _time_from_match(t)
        if found is None or not found.has_kl:
            continue
        if (
            following is not None
            and not following.has_time
            and _BEFORE_GAP.fullmatch(text, found.span[1], limit)
        ):
            return
        item.t_start, item.t_end, item.t_span = found.start, found.end, found.span
        return


def _attach_before(text: str, item: _Item, lo: int) -> None:
    """A time written before the date on its line and sentence: "kl. 9-12 den 14 mars"."""
    line_start = text.rfind("\n", 0, item.start) + 1
    lo = max(lo, line_start, item.start - _TIME_WINDOW)
    if _DIGIT.search(text, lo, item.start) is None:
        return  # every clock time has a digit; cheap test before the regexes
    for sentence in _SENTENCE_END.finditer(text, lo, item.start):
        lo = sentence.end()
    last: _Time | None = None
    last_kl: _Time | None = None
    for t in _TIME_RE.finditer(text, lo, item.start):
        found = _time_from_match(t)
        if found is None:
            continue
        last = found
        if found.has_kl:
            last_kl = found
    chosen: _Time | None = None
    if last is not None and _BEFORE_GAP.fullmatch(text, last.span[1], item.start):
        chosen = last
    elif last_kl is not None:
        chosen = last_kl
    if chosen is not None:
        item.t_start, item.t_end, item.t_span = chosen.start, chosen.end, chosen.span


def _attach_times(text: str, items: list[_Item], groups: list[list[_Item]]) -> None:
    # 1. Right after each date, never reaching into the next date; then further on its
    #    line after kl, from the last date back (see _attach_later).
    if not items:
        return
    limits = [following.start for following in items[1:]] + [len(text)]
    for item, limit in zip(items, limits, strict=True):
        _attach_right_after(text, item, limit)
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if not item.has_time:
            following = items[index + 1] if index + 1 < len(items) else None
            _attach_later(text, item, limits[index], following)
    # 2. The last date of a list shares its time with the list ("..., alla kl. 9–12").
    for group in groups:
        if len(group) > 1 and group[-1].has_time and not any(i.has_time for i in group[:-1]):
            for item in group[:-1]:
                item.t_start, item.t_end = group[-1].t_start, group[-1].t_end
    # 3. Before the date, for those still without a time; never before the end of the
    #    previous date and its time, so no time is used twice and spans never overlap.
    prev_end = 0
    for item in items:
        if not item.has_time:
            _attach_before(text, item, prev_end)
            group = groups[item.group]
            if (
                item.has_time
                and len(group) > 1
                and item is group[0]
                and not any(i.has_time for i in group[1:])
            ):
                for other in group[1:]:
                    other.t_start, other.t_end = item.t_start, item.t_end
        prev_end = max(item.end, item.t_span[1] if item.t_span else item.end)


# "september 8:e kl 17", "den 8 oktober" written month first: "oktober 8" with an
# ordinal, a clock time or the end of the phrase after it. Rewritten in place as
# "8:e september" (the same length, so every span still points into the caller's
# text) before the scan. Full month names only: "mars 15 st" is rare, "mar 15" rarer.
_MONTH_FIRST: Final = re.compile(
    rf"(?<![\w/.])(?P<mon>{_MONTH_FULL_RE})(?P<ws>{_H}+)(?P<day>[0-9]{{1,2}})(?P<suf>:[ae])?"
    rf"(?=(?(suf)|{_H}*(?:kl\b|klockan\b|[,.;)]|$|{_H}+(?:och|samt|till)\b)))(?![0-9])",
    re.IGNORECASE | re.MULTILINE,
)


def _month_first(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        day = int(m.group("day"))
        before = m.string[: m.start()].rstrip()
        if not 1 <= day <= 31 or before[-1:].isdigit() or before.endswith((":e", ":a")):
            return m.group(0)  # "14 mars 9 till 12": the day came first, 9 is a time
        return f"{m.group('day')}{m.group('suf') or ''}{m.group('ws')}{m.group('mon')}"

    if not _DIGIT.search(text) or not _MONTH_FIRST_HINT.search(text):
        return text
    return _MONTH_FIRST.sub(swap, text)


_MONTH_FIRST_HINT: Final = re.compile(rf"{_MONTH_FULL_RE}{_H}+[0-9]", re.IGNORECASE)


def _weekday_mismatch(word: str | None, day: date | None) -> bool:
    if word is None or day is None:
        return False
    number = WEEKDAYS.get(word.lower())
    return number is not None and number != day.weekday()


# --------------------------------------------------------------------------- public


def find_dates(
    text: str,
    reference: date,
    *,
    prefer: Prefer = "nearest",
    default_year: int | None = None,
) -> list[DateMention]:
    """Every calendar date written in `text`, in order, with the times next to it.

    `reference` is the mail's Date, used to give a year to dates written without one;
    `prefer` says which way to look when the caller knows ("future" for a plan, "past"
    for a protocol); `default_year` (a heading "Mötesplan 2026") is taken instead of
    inferring. See the module docstring for every form and heuristic.
    """
    if not _DIGIT.search(text):
        return []  # every form has a digit in it: a fast answer for most lines of prose
    text = _month_first(text)
    items = [
        item
        for item in _scan(text)
        # An eight-digit number is a date only near the reference (see module doc).
        if item.kind != "compact" or abs((item.year or 0) - reference.year) <= 5
    ]
    items = _merge_ranges(text, items)
    groups = _group(text, items)
    _propagate_years(groups)
    _context_years(text, groups)
    for item in items:
        if item.year is None:
            if default_year is not None:
                item.year = default_year
            else:
                item.year = _weekday_year(item, reference) or _infer_year(
                    item.month, item.day, reference, prefer
                )
                item.inferred = True
    kept = [item for item in items if _resolve(item)]
    groups = _group(text, kept)
    _keep_lists_ascending(groups)
    _attach_times(text, kept, groups)

    mentions: list[DateMention] = []
    for item in kept:
        assert item.resolved is not None  # _resolve() kept it
        start, end = item.start, item.end
        if item.t_span is not None:
            start, end = min(start, item.t_span[0]), max(end, item.t_span[1])
        mismatch = _weekday_mismatch(item.weekday, item.resolved) or _weekday_mismatch(
            item.end_weekday, item.resolved_end
        )
        mentions.append(
            DateMention(
                date=item.resolved,
                start=item.t_start,
                end=item.t_end,
                span=(start, end),
                text=text[start:end],
                year_given=item.year_given,
                weekday=item.weekday.rstrip(".") if item.weekday else None,
                weekday_mismatch=mismatch,
                end_date=item.resolved_end,
            )
        )
    return mentions


def parse_time_range(text: str) -> tuple[time | None, time | None] | None:
    """The first clock time or range in a short text, e.g. a "Tid" table cell.

    "kl. 9.00–12.00" -> (09:00, 12:00); "kl 13" -> (13:00, None); "heldag" -> (None,
    None), a statement that there are no clock times; None when nothing is recognised.
    A cell holding nothing but an hour ("13") is taken as that hour, since the caller
    knows it is a time.
    """
    for m in _TIME_RE.finditer(text):
        found = _time_from_match(m)
        if found is not None:
            return found.start, found.end
    if _HELDAG.search(text):
        return None, None
    bare = _BARE_HOUR.fullmatch(text)
    if bare is not None:
        hour = _clock(bare.group(1), None)
        if hour is not None:
            return hour, None
    return None


# ------------------------------------------------------------------------ vague
#
# `find_vague` scans lower-cased text with a case-sensitive regex whose alternatives
# all begin with a literal letter: the regex engine then skips in C to the letters that
# can start one, which is ~50 times faster than an IGNORECASE pattern that starts with a
# look-behind. The word boundary is checked just after that first letter: "x(?<!\w.)"
# means "no word character before the x".

_SEASON = (
    r"(?:höstterminen|vårterminen|terminen|läsåret|höstlovet|sportlovet|påsklovet"
    r"|jullovet|sommarlovet|hösten|våren|sommaren|vintern|julen|jul|påsken|påsk"
    r"|midsommar|nyåret|nyår)"
)
_WEEKDAY_SING = "(?:" + "|".join(_WEEKDAY_FULL) + ")(?:en)?"
_WEEK_NUMBER = rf"(?:vecka|veckorna|veckor|v\.?){_H}*[0-9]{{1,2}}"


def _lead(words: tuple[str, ...], rest: str) -> list[tuple[str, str]]:
    """Alternatives "word + rest" as (first letter, the rest of the pattern)."""
    return [(word[0], word[1:] + rest) for word in words]


def _by_first_letter(alternatives: list[tuple[str, str]]) -> str:
    """One branch per first letter, so the engine tries only the alternatives that can
    match there; the order within a letter is kept (the first that matches wins)."""
    letters: dict[str, list[str]] = {}
    for letter, rest in alternatives:
        letters.setdefault(letter, []).append(rest)
    return "|".join(f"{letter}(?<!\\w.)(?:{'|'.join(rests)})" for letter, rests in letters.items())


_PARTS = rf"(?:början|mitten|slutet|senare{_H}+delen|första{_H}+halvan|andra{_H}+halvan)"
_PART_REST = (
    rf"{_H}+(?:av|på|i){_H}+(?:{_MONTH_FULL_RE}|{_SEASON}|året|månaden|terminen|veckan"
    rf"|{_WEEK_NUMBER}|nästa{_H}+[a-zåäö]+)(?:{_H}+{_YEAR4})?(?![\w])"
)
_VAGUE_ALTERNATIVES: Final[list[tuple[str, str]]] = [
    *_lead(("i", "under"), rf"{_H}+{_PARTS}{_PART_REST}"),
    *_lead(
        (
            "början",
            "mitten",
            "slutet",
            f"senare{_H}+delen",
            f"första{_H}+halvan",
            f"andra{_H}+halvan",
        ),
        _PART_REST,
    ),
    # Week numbers: "vecka 44", "v. 44", "v44", "veckorna 44-45", "v 44 2025".
    *_lead(
        ("veckorna", "veckor", "vecka", "v\\.?"),
        rf"{_H}*[0-9]{{1,2}}"
        rf"(?:{_H}*(?:{_DASH}|och|&|,|till){_H}*(?:v\.?{_H}*)?[0-9]{{1,2}}(?![0-9]))*"
        rf"(?:{_H}+{_YEAR4})?(?![0-9]|[.,:/][0-9])",
    ),
    # Seasons and terms: "under hösten", "efter jul", "hösten 2025".
    *_lead(
        (
            "under",
            "i",
            "till",
            "inför",
            "efter",
            "före",
            "innan",
            "kring",
            "runt",
            f"senast{_H}+till",
        ),
        rf"{_H}+{_SEASON}(?:{_H}+{_YEAR4})?(?!\w)",
    ),
    *_lead(
        ("höstterminen", "vårterminen", "hösten", "våren", "sommaren", "vintern"),
        rf"{_H}+{_YEAR4}(?![0-9])",
    ),
    # A month without a day: "i mars", "under maj 2025", "mars 2025".
    *_lead(
        (
            f"senast{_H}+i",
            "i",
            "under",
            "inom",
            "före",
            "innan",
            "efter",
            "från",
            "till",
            f"fram{_H}+till",
            "kring",
            "runt",
        ),
        rf"{_H}+{_MONTH_FULL_RE}(?:{_H}+(?:månad|{_YEAR4}))?(?!\w)",
    ),
    *_lead(_MONTH_FULL, rf"{_H}+{_YEAR4}(?![0-9])"),
    # Relative: "i morgon", "nästa vecka", "på fredag", "om två veckor".
    *_lead(
        (
            f"i{_H}*morgon",
            f"i{_H}*övermorgon",
            f"nästa{_H}+(?:vecka|månad|termin)",
            f"kommande{_H}+vecka",
            f"om{_H}+(?:en|ett|två|tre|fyra|[0-9]+){_H}+(?:veckor|vecka|månader|månad|dagar)",
            f"nästa{_H}+{_WEEKDAY_SING}",
            f"kommande{_H}+{_WEEKDAY_SING}",
            f"nu{_H}+på{_H}+{_WEEKDAY_SING}",
            f"på{_H}+{_WEEKDAY_SING}",
        ),
        r"(?!\w)",
    ),
    # Recurring: "sista fredagen i varje månad", "varannan fredag".
    *_lead(
        ("första", "andra", "tredje", "fjärde", "sista"),
        rf"{_H}+{_WEEKDAY_SING}{_H}+(?:i|varje|per){_H}+(?:varje{_H}+)?"
        rf"(?:månaden|månad|terminen|termin|{_MONTH_FULL_RE})(?!\w)",
    ),
    *_lead(("varannan", f"var{_H}+tredje", "varje"), rf"{_H}+{_WEEKDAY_SING}(?!\w)"),
    # Not decided yet: "datum meddelas senare", "återkommer med datum".
    *_lead(
        ("mötesdatum", "datumen", "datumet", "datum", "tiderna", "tider", "tiden", "tid"),
        rf"{_H}+(?:meddelas|kommer{_H}+senare|bestäms|beslutas|är{_H}+inte{_H}+"
        rf"(?:bestämt|bestämd|bestämda|klart|klar|klara|satt|satta|spikat|spikad)"
        rf"|ej{_H}+(?:bestämt|bestämd|bestämda|klart|klar|fastställt|fastställd"
        rf"|spikat))(?:{_H}+senare)?(?!\w)",
    ),
    *_lead(("återkommer",), rf"(?:{_H}+vi)?{_H}+med{_H}+(?:datum|tid|tider)(?!\w)"),
]
_VAGUE_RE: Final = re.compile(_by_first_letter(_VAGUE_ALTERNATIVES))  # on lower-cased text
# Terms are written in capitals ("VT 2026", "HT-25"); "vt" in lower case is not one.
_TERM_RE: Final = re.compile(rf"(?:V(?<!\w.)T|H(?<!\w.)T){_H}*-?{_H}*(?:19|20)?[0-9]{{2}}(?![0-9])")
_WEEK_NUMBERS: Final = re.compile(r"(?<![0-9])[0-9]{1,2}(?![0-9])")
_WEEKISH: Final = re.compile(rf"(?:vecka|veckorna|veckor|v\.?){_H}*[0-9]", re.IGNORECASE)


def _lower_same_length(text: str) -> str:
    """Lower case with every character keeping its offset (rare ones like "İ" grow)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _plausible_vague(found: str) -> bool:
    """Week numbers run 1-53: "v 60" is something else (a version, a room...)."""
    if not _WEEKISH.match(found):
        return True
    numbers = [int(n) for n in _WEEK_NUMBERS.findall(found)]
    weeks = [n for n in numbers if n < 100]
    return bool(weeks) and all(1 <= n <= 53 for n in weeks)


def find_vague(text: str) -> list[str]:
    """Week numbers and other vague time references, as written, in order.

    "vecka 44", "v. 44", "v44", "i början av mars", "under hösten", "hösten 2025",
    "VT 2026", "i maj", "mars 2025", "nästa vecka", "på fredag", "sista fredagen i
    månaden", "datum meddelas senare". None of them is a date; a mail whose only
    time references are vague goes to a person. Text that is part of an exact date
    ("14 mars 2025", "på fredag 14/3") is left out; weighing vague references against
    exact dates found in the same mail is the caller's job.
    """
    taken = [(item.start, item.end) for item in _scan(text)]  # in text order
    spans = [m.span() for m in _VAGUE_RE.finditer(_lower_same_length(text))]
    spans += [m.span() for m in _TERM_RE.finditer(text)]
    spans.sort()
    found: list[str] = []
    last_end = 0
    index = 0  # first date that does not end before the current span
    for start, end in spans:
        while index < len(taken) and taken[index][1] <= start:
            index += 1
        if start < last_end or (index < len(taken) and taken[index][0] < end):
            continue  # overlaps the previous vague reference or an exact date
        written = text[start:end].strip()
        if _plausible_vague(written):
            found.append(written)
            last_end = end
    return found
