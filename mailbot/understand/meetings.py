"""Network meetings that a mail announces, plans, moves or records.

Not every date is a meeting: deadlines ("senast 31 maj"), the date a protocol was
signed, a report period. A date counts when its line or the heading above it speaks of
meetings, when it stands in a meeting plan (a list or table of dates under such a
heading), or when it is the meeting a protocol records. Times and places are read from
the same line, the lines just below, or the table's columns.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from mailbot.parse.swedish_dates import Prefer, find_dates, parse_time_range
from mailbot.parse.types import DateMention

_MEETING_WORDS = re.compile(
    r"\b(?:möte\w*|träff\w*|nätverksträff\w*|nätverksmöte\w*|sammanträde\w*|mötesplan\w*|"
    r"mötesdatum|mötestid\w*|mötesdag\w*|datum|vi ses|ses|kallelse|kallar|plats|lokal|"
    r"tid|kl\.?|klockan|flytta\w*|ställ\w* in|inställ\w*|nytt datum|heldag|halvdag|"
    r"workshop|konferens|utbildningsdag|vt|ht|vår(?:en|terminen)?|höst(?:en|terminen)?|"
    r"termin\w*|planering|kalendarium|protokoll|minnesanteckning\w*|dagordning)\b",
    re.IGNORECASE,
)
_NOT_MEETING = re.compile(
    r"\b(?:senast|sista (?:dag|datum)|deadline|inlämning|lämnas in|skickas in|skicka in|"
    r"lämna in|inkomma|rapporten ska|redovisas|till och med|t\.o\.m|fr\.o\.m|från och med|"
    r"giltig|född|justeras|justerat|justerad|skickat|skickad|daterad|beslutad|reviderad|"
    r"version|uppdaterad|publicerad|anmälan senast|svara senast|osa|fastställ\w*|antag\w*|"
    # A protocol's front page: the adjustment and the notice board are no meetings.
    r"justering\w*|utses att justera|anslag\w*|uppsättande|nedtagande|sätts upp|tas ned|"
    r"förvaringsplats\w*|underskrift\w*|protokollet är justerat)\b",
    re.IGNORECASE,
)
# Someone's absence is no meeting: "på semester till 12/5", "tillbaka den 3/6"; only
# the date the words lead to ("… till 12/5 men mötet 15 maj står fast" keeps 15 May).
_ABSENCE = re.compile(
    r"\b(?:semester|ledig\w*|sjukskriv\w*|tjänstledig\w*|föräldraledig\w*|tillbaka|"
    r"åter|bortrest|borta|frånvarande|ledighet)\b[^.!?\d]{0,25}$",
    re.IGNORECASE,
)
# A date in parentheses that belongs to another body: "(presidiet 9 jan)".
_OTHER_BODY = re.compile(
    r"\b(?:presidi\w*|au|arbetsutskott\w*|beredning\w*|förmöte\w*|styrgrupp\w*)\b", re.I
)
_MOVE = re.compile(
    r"\b(?:flytta\w*|flyttas|ändra\w*|nytt datum|istället|i stället|byter datum|skjuts upp)\b",
    re.IGNORECASE,
)
_CANCEL = re.compile(
    r"\b(?:ställ(?:s|t|ts|a|er)(?:\s+\w+)?\s+in|inställ\w*|utgår|avbok\w*|"
    r"blir inte av|cancel\w*)\b",
    re.IGNORECASE,
)
_PLACE_LABEL = re.compile(
    r"\b(?:plats|lokal|ort|adress)\s*(?::\s*(.+)$|\(([^)]+)\))", re.IGNORECASE
)
_PLACE_AFTER = re.compile(
    r"(?:^|[\s,;])(?:i|på|hos)\s+((?:[A-ZÅÄÖ0-9][\w.'’-]*)(?:[ ,]+(?:[A-ZÅÄÖ0-9][\w.'’-]*|i|på|"
    r"av|och|vid|gata|väg|vägen|gatan|rum|sal|plan)){0,8})"
)
_PLACE_TRAILING = re.compile(r"^\s*[,–—-]\s*(?:(?:i|på|hos)\s+)?([A-ZÅÄÖ][^\n]*)$")
_END_PHRASE = re.compile(
    r"\b(?:slutar|avslutas|till|fram till|håller på till)\s+(?:ca\s+|cirka\s+)?"
    r"(?:kl\.?\s*|klockan\s+)?(\d{1,2})(?:[.:](\d{2}))?\b",
    re.I,
)
_GENERAL = re.compile(
    r"\b(?:vi träffas|träffarna|mötena|alla|samtliga|om inget annat|om inte annat|"
    r"\w+dagar|varje|tiderna|vanlig tid|som vanligt)\b",
    re.I,
)
_DEFAULT_TIME = re.compile(r"\b(?:kl\.?|klockan|tid)\b", re.I)
_TIME_ANYWHERE = re.compile(r"\b(?:tid|kl\.?|klockan)\s*:?\s*(?=\d)", re.I)
# The header block of a forwarded or quoted mail: its Date is when it was sent.
_HEADER_LINE = re.compile(
    r"^\s*\*?(?:från|from|date|datum|skickat|sent|till|to|ämne|subject|kopia|cc)\s*:\*?\s",
    re.I,
)
_HEADER_NEIGHBOUR = re.compile(r"^\s*\*?(?:från|from|ämne|subject|till|to)\s*:", re.I)


def _in_header_block(lines: list[str], i: int) -> bool:
    """A "Date:"/"Datum:" line among Från:/Ämne: lines; alone, "Datum:" labels a plan."""
    if not _HEADER_LINE.match(lines[i]):
        return False
    return any(
        _HEADER_NEIGHBOUR.match(x) for x in lines[max(0, i - 3) : i + 4] if x is not lines[i]
    )


_TIME_WORD = re.compile(r"^\s*(?:tid|klockan|kl\.?)\s*:?\s*", re.IGNORECASE)
_HEAD_OF_PLAN = re.compile(
    r"\b(?:mötesplan|mötesdatum|mötestider|mötesdagar|datum för|träffar|nätverksträffar|"
    r"planering|kalendarium|möten|mötestillfällen|träffdatum|vt|ht|termin\w*|"
    r"vår(?:en|terminen)|höst(?:en|terminen))\b",
    re.IGNORECASE,
)


@dataclass
class Meeting:
    date: date
    start: time | None = None
    end: time | None = None
    place: str | None = None
    sources: list[str] = field(default_factory=list)
    place_is_default: bool = False  # from a general "vi träffas i ..." line

    def as_json(self) -> dict[str, str | None]:
        return {
            "date": self.date.isoformat(),
            "start": self.start.strftime("%H:%M") if self.start else None,
            "end": self.end.strftime("%H:%M") if self.end else None,
            "place": self.place,
        }


@dataclass
class MeetingFindings:
    meetings: dict[date, Meeting] = field(default_factory=dict)
    moved: list[tuple[date, date]] = field(default_factory=list)
    cancelled: list[date] = field(default_factory=list)
    dates_seen: int = 0

    def add(
        self,
        when: date,
        start: time | None,
        end: time | None,
        place: str | None,
        why: str,
        *,
        place_is_default: bool = False,
    ) -> None:
        found = self.meetings.get(when)
        if found is None:
            self.meetings[when] = Meeting(when, start, end, place, [why], place_is_default)
            return
        # The same meeting mentioned twice: keep the most complete details; a place
        # written for this meeting beats the general one.
        found.start = found.start or start
        found.end = found.end or end
        if place and (found.place is None or (found.place_is_default and not place_is_default)):
            found.place, found.place_is_default = place, place_is_default
        found.sources.append(why)

    def sorted(self) -> list[Meeting]:
        return [self.meetings[d] for d in sorted(self.meetings)]


_ONLINE = re.compile(r"^(?:via\s+)?(teams|zoom|digitalt|digital|distans|online|webben)\b", re.I)
_TRAILING_JOINER = re.compile(r"(?:[\s,]+(?:i|på|av|och|vid|hos|med|för))+$", re.I)
_REMARK = re.compile(
    r"\s*\((?:[^)]*\b(?:heldag|halvdag|lunch|fika|ingår|obs|prel\w*|inkl\w*|värd)\b[^)]*)\)", re.I
)


def _in_other_body(line: str, span: tuple[int, int]) -> bool:
    """The date stands in parentheses with another body's name: "(presidiet 9 jan)"."""
    opened = line.rfind("(", 0, span[0])
    if opened < 0 or ")" in line[opened : span[0]]:
        return False
    closed = line.find(")", span[1])
    inside = line[opened + 1 : closed if closed >= 0 else len(line)]
    return bool(_OTHER_BODY.search(inside))


def _clean_place(text: str) -> str | None:
    text = re.split(r"\s+(?:kl\.?|klockan|tid:|den \d)\b", text, maxsplit=1, flags=re.I)[0]
    text = _REMARK.sub("", text)  # "(heldag med lunch)" is a remark, "(Helenaskolan)" a place
    text = re.split(r"[.;!?](?:\s|$)|\s[–—]\s", text, maxsplit=1)[0]
    text = re.split(r"\s+(?:om inget annat|om inte annat|såvida|enligt)\b", text, maxsplit=1)[0]
    text = _TRAILING_JOINER.sub("", text.strip(" \t,.;:-–—"))
    text = text.strip(" \t,.;:-–—")
    if text.count("(") > text.count(")"):
        text = text.split("(")[0].strip(" ,")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(" ,")
    if not text or len(text) > 80 or not re.search(r"[A-Za-zÅÄÖåäö]", text):
        return None
    if re.match(r"(?i)(?:plats|lokal)\s+(?:meddelas|kommer|bestäms)", text):
        return None
    online = _ONLINE.match(text)
    if online:
        return online.group(1)[0].upper() + online.group(1)[1:]
    return text


def _place_in_segment(segment: str) -> str | None:
    """The place in the text that follows a date (and its time) on its line."""
    segment = re.sub(r"^\s*\)?\s*[,–—-]?\s*", "", segment)
    direct = re.match(
        r"^(?:(?:i|på|hos|via)\s+)?([A-ZÅÄÖ0-9][^\n]*|(?:via\s+)?(?:teams|zoom|digitalt)\b.*)$",
        segment,
        re.I,
    )
    if direct and (direct.group(1)[0].isupper() or _ONLINE.match(direct.group(1))):
        place = _clean_place(direct.group(1))
        if place and not find_dates(place, date(2000, 1, 1)) and not parse_time_range(place):
            return place
    follow = _PLACE_AFTER.search(segment)
    if follow:
        place = _clean_place(follow.group(1))
        if place and not find_dates(place, date(2000, 1, 1)):
            return place
    return None


def place_near(lines: list[str], i: int, after: int, until: int | None = None) -> str | None:
    """A place on line i between columns `after` and `until` (the next date), or on a
    "Plats:" line just below."""
    line = lines[i]
    label = _PLACE_LABEL.search(line)
    if label:
        return _clean_place(label.group(1) or label.group(2))
    place = _place_in_segment(line[after:until])
    if place:
        return place
    for below in lines[i + 1 : i + 3]:
        label = _PLACE_LABEL.search(below)
        if label:
            return _clean_place(label.group(1) or label.group(2))
        if find_dates(below, date(2000, 1, 1)):
            break  # the next meeting's line: its place is its own
    return None


def _end_after(text: str) -> time | None:
    match = _END_PHRASE.search(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return time(hour, minute)
    return None


def time_near(lines: list[str], i: int, mention: DateMention) -> tuple[time | None, time | None]:
    line = lines[i]
    if mention.start is not None:
        end = mention.end or _end_after(line[mention.span[1] :])
        return mention.start, end if end and end > mention.start else mention.end
    rest = line[: mention.span[0]] + " " + line[mention.span[1] :]
    found = parse_time_range(rest)
    if found:
        return found
    for below in lines[i + 1 : i + 3]:
        if find_dates(below, date(2000, 1, 1)):
            break
        label = _TIME_ANYWHERE.search(below)
        if label:
            found = parse_time_range(below[label.start() :])
            if found:
                return found
    return None, None


def _default_details(lines: list[str]) -> tuple[tuple[time | None, time | None] | None, str | None]:
    """A time and place stated once for every meeting of a plan, on a line without
    dates: "Vi träffas på torsdagar kl 13–16 i Skövde, Kulturhuset om inget annat sägs"."""
    for i, line in enumerate(lines):
        if not _MEETING_WORDS.search(line) or find_dates(line, date(2000, 1, 1)):
            continue
        # Only a general statement ("Vi träffas på torsdagar kl 13–16"), not the
        # "Tid: 9-15" line that belongs to one meeting's date above it.
        if not _DEFAULT_TIME.search(line) or not _GENERAL.search(line):
            continue
        found = parse_time_range(line)
        if found and found[0] is not None:
            label = _TIME_ANYWHERE.search(line)
            place = place_near(lines, i, label.end() if label else 0)
            if place:
                place = re.split(r"\s+(?:om inget annat|om inte annat|såvida)\b", place)[0].strip(
                    " ,"
                )
            return found, place or None
    return None, None


def _move_pair(
    mentions: list[DateMention], word_start: int, word_end: int
) -> tuple[DateMention, DateMention] | None:
    """ "Mötet den 20 juni flyttas till den 13 juni ... den 20 juni är midsommarafton":
    the date just before the move word is the old one, the first after it the new."""
    before = [m for m in mentions if m.span[1] <= word_start]
    after = [m for m in mentions if m.span[0] >= word_end]
    if before and after:
        return before[-1], after[0]
    if len(mentions) >= 2 and not before:
        return mentions[0], mentions[1]  # "Nytt datum 13 juni i stället för 20 juni"? rare
    return None


def _shared_place(line: str, mentions: list[DateMention]) -> str | None:
    """ "7/2, 14/3 och 16/5 i Skövde": a place after a plain list of dates is everyone's."""
    if len(mentions) < 2:
        return None
    for a, b in itertools.pairwise(mentions):
        if not re.fullmatch(r"\s*(?:,|och|samt|&)?\s*", line[a.span[1] : b.span[0]]):
            return None
    return _place_in_segment(line[mentions[-1].span[1] :])


def _two_days(line: str, first: DateMention, second: DateMention) -> bool:
    """ "torsdag 2 oktober kl. 10.00 – fredag 3 oktober kl. 15.00": one meeting."""
    between = line[first.span[1] : second.span[0]]
    gap = (second.date - first.date).days
    return 0 < gap <= 3 and bool(re.fullmatch(r"\s*(?:[–—-]|till)\s*", between))


def meetings_in_text(
    text: str,
    reference: date,
    findings: MeetingFindings,
    *,
    plan: bool,
    source: str,
    default_year: int | None = None,
    keep_past: date | None = None,
) -> None:
    """Add the meetings of one block of text. `plan`: the mail is a meeting plan, so a
    bare list of dates under a plan heading counts, and dates without a year look
    forward. Dates more than a week before the mail are history ("Protokollet från
    2025-03-21"), not meetings, except `keep_past` (the meeting a protocol records)."""
    # Blank lines carry no meaning here (HTML paragraphs leave one between every line)
    # and would push a date's heading or its "Tid:" line out of reach.
    lines = [line for line in text.split("\n") if line.strip()]
    heading_ok = plan
    prefer: Prefer = "future" if plan else "nearest"
    default_time, default_place = _default_details(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        mentions = find_dates(line, reference, prefer=prefer, default_year=default_year)
        if not mentions:
            if _HEAD_OF_PLAN.search(line) and len(line) < 80:
                heading_ok = True
            continue
        findings.dates_seen += len(mentions)
        if _NOT_MEETING.search(line) or _in_header_block(lines, i):
            continue
        # A short line under its label ("Justeringens plats och\ntid\nHjo 2025-09-26",
        # a PDF's wrapped cell) has the label's meaning.
        if len(line) <= 30 and any(
            _NOT_MEETING.search(lines[j]) and len(lines[j]) <= 40 for j in range(max(0, i - 2), i)
        ):
            continue
        context = " ".join(lines[max(0, i - 2) : i + 1])
        meetingish = (
            bool(_MEETING_WORDS.search(line)) or heading_ok or bool(_MEETING_WORDS.search(context))
        )
        if not meetingish:
            continue
        mentions = [
            m
            for m in mentions
            if (m.date >= reference - timedelta(days=7) or m.date == keep_past)
            and not _ABSENCE.search(line[: m.span[0]])
            and not _in_other_body(line, m.span)
        ]
        if not mentions:
            continue
        if _CANCEL.search(line):
            findings.cancelled.extend(m.date for m in mentions)
            continue
        move = _MOVE.search(line)
        pair = _move_pair(mentions, move.start(), move.end()) if move else None
        if pair is not None:
            old, new = pair
            findings.moved.append((old.date, new.date))
            start, end = time_near(lines, i, new)
            findings.add(new.date, start, end, place_near(lines, i, new.span[1]), source)
            continue
        if len(mentions) == 2 and _two_days(line, mentions[0], mentions[1]):
            first, second = mentions
            start = first.start
            end = second.end or second.start
            findings.add(first.date, start, end, place_near(lines, i, second.span[1]), source)
            continue
        shared = _shared_place(line, mentions)
        for k, mention in enumerate(mentions):
            start, end = time_near(lines, i, mention)
            if start is None and default_time is not None:
                start, end = default_time
            until = mentions[k + 1].span[0] if k + 1 < len(mentions) else None
            own = (
                place_near(lines, i, mention.span[1], until)
                if until is None
                else (_place_in_segment(line[mention.span[1] : until]))
            )
            place = own or shared
            is_default = place is None and default_place is not None
            findings.add(
                mention.date,
                start,
                end,
                place or default_place,
                source,
                place_is_default=is_default,
            )


def _table_header(rows: list[list[str]]) -> int | None:
    for index, row in enumerate(rows[:5]):
        if any(re.match(r"(datum|dag|när|date)\b", c.strip().lower()) for c in row):
            return index
    return None


def _column(header: list[str], pattern: str) -> int | None:
    return next((i for i, c in enumerate(header) if re.match(pattern, c)), None)


_MONTH_CELL = re.compile(
    r"^(?:jan(?:uari)?|feb(?:ruari)?|mar(?:s)?|apr(?:il)?|maj|jun(?:i)?|jul(?:i)?|"
    r"aug(?:usti)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.I,
)
_DAY_CELL = re.compile(r"^(?:[a-zåäö]{2,7}\.?\s+)?(?P<day>[0-9]{1,2})(?::[ae])?\.?$", re.I)
_YEAR_CELL = re.compile(r"\b((?:19|20)[0-9]{2})\b")


def default_time(text: str) -> tuple[time | None, time | None] | None:
    """The time a document states once for all its meetings ("Mötestid kl. 09.00–12.00
    om inget annat anges"), for tables whose rows give none."""
    return _default_details([line for line in text.split("\n") if line.strip()])[0]


def meetings_in_month_table(
    rows: list[list[str]],
    reference: date,
    findings: MeetingFindings,
    *,
    source: str,
    default: tuple[time | None, time | None] | None = None,
) -> bool:
    """Plans laid out by month, as sammanträdesplaner are: a "Månad | Datum" table
    ("Augusti | 28") or a grid with the months across and a row per body ("Nätverksträff
    | 20 | 17 | …", "Presidiet | 13 | 10 | …": only the network's own row counts)."""
    if len(rows) < 2:
        return False
    header = [c.strip() for c in rows[0]]
    months = [i for i, c in enumerate(header) if _MONTH_CELL.match(c)]
    year_hint = next((m.group(1) for c in header for m in [_YEAR_CELL.search(c)] if m), None)
    time_col = next((i for i, c in enumerate(header) if re.match(r"(?i)^(tid|kl)", c)), None)
    found: list[tuple[str, str, str | None]] = []  # (day month [year], time text, place)
    if len(months) >= 3:  # the grid
        for row in rows[1:]:
            label = row[0].strip() if row else ""
            if _OTHER_BODY.search(label) or _CANCEL.search(label):
                continue
            when = row[time_col] if time_col is not None and time_col < len(row) else ""
            for i in months:
                day = _DAY_CELL.match(row[i].strip()) if i < len(row) else None
                if day:
                    found.append((f"{day.group('day')} {header[i]} {year_hint or ''}", when, None))
    else:
        lower = [c.lower() for c in header]
        month_col = next((i for i, c in enumerate(lower) if c.startswith("månad")), None)
        day_col = next((i for i, c in enumerate(lower) if c.startswith(("datum", "dag"))), None)
        place_col = next((i for i, c in enumerate(lower) if c.startswith(("plats", "ort"))), None)
        if month_col is None or day_col is None:
            return False
        for row in rows[1:]:
            if max(month_col, day_col) >= len(row) or not _MONTH_CELL.match(row[month_col].strip()):
                continue
            day = _DAY_CELL.match(row[day_col].strip())
            if not day:
                continue
            when = row[time_col] if time_col is not None and time_col < len(row) else ""
            place = row[place_col] if place_col is not None and place_col < len(row) else None
            found.append((f"{day.group('day')} {row[month_col].strip()}", when, place))
    used = False
    for text, when, place in found:
        mentions = find_dates(text, reference, prefer="future")
        if not mentions:
            continue
        times = parse_time_range(when) if when.strip() else None
        start, end = times if times else (default or (None, None))
        findings.dates_seen += 1
        findings.add(mentions[0].date, start, end, _clean_place(place) if place else None, source)
        used = True
    return used


def meetings_in_table(
    rows: list[list[str]],
    reference: date,
    findings: MeetingFindings,
    *,
    source: str,
    default: tuple[time | None, time | None] | None = None,
) -> bool:
    """A table with a date column (and maybe time, start/end and place columns);
    `default`: the time the document states for every meeting, for rows without one."""
    if meetings_in_month_table(rows, reference, findings, source=source, default=default):
        return True
    head = _table_header(rows)
    if head is None or len(rows) < head + 2:
        return False
    header = [c.strip().lower() for c in rows[head]]
    date_col = _column(header, r"(datum|dag|när|date)\b")
    time_col = _column(header, r"(tid|klockan|kl)\b")
    start_col = _column(header, r"(start|börjar|från|kl\.? från)\b")
    end_col = _column(header, r"(slut|slutar|till)\b")
    place_col = _column(header, r"(plats|lokal|ort|var\b|värd|adress)")
    used = False
    for row in rows[head + 1 :]:
        if date_col is None or date_col >= len(row):
            continue
        mentions = find_dates(row[date_col], reference, prefer="future")
        if not mentions:
            continue
        mention = mentions[0]
        start, end = mention.start, mention.end
        if start is None and time_col is not None and time_col < len(row):
            found = parse_time_range(row[time_col])
            if found:
                start, end = found
        if start is None and start_col is not None and start_col < len(row):
            found = parse_time_range(row[start_col])
            start = found[0] if found else None
            if end_col is not None and end_col < len(row):
                found_end = parse_time_range(row[end_col])
                end = found_end[0] if found_end else None
        if start is None and default is not None:
            start, end = default
        place = None
        if place_col is not None and place_col < len(row):
            place = _clean_place(row[place_col])
        findings.dates_seen += 1
        if any(_CANCEL.search(c) for c in row):
            findings.cancelled.append(mention.date)
            continue
        findings.add(mention.date, start, end, place, source)
        used = True
    return used
