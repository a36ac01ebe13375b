"""The rules engine: one network's registry state + its obligations + a day -> findings.

Pure: `evaluate` reads no clock, no files and no environment. The caller decides what
"today" is and passes the state *as known on today* (only mail sent on or before today
folded in), so the engine uses `today` only to tell past from ahead and to compare with
deadlines. The same inputs always give the same `NetworkStatus`, which is what makes
`mailbot status --today D` reproducible and the outbox keys idempotent.

The picture is for the calendar year of `today` (networks count meetings per calendar
year). The rules, their exact definitions and why each choice was made:

Counting (the `meetings_*` numbers of the status): `phase` is the one function
    that says what a meeting is on a day, and `status`, `network`, the digest and every
    notice read it. A meeting is *cancelled*; *held* when its protocol arrived; *past*
    when it is still "planned" but its day is over (date < today): it presumably took
    place, and a missing protocol is a separate finding (`protocol-missing`), not a
    missing meeting; otherwise *planned* (still ahead; a meeting today is still ahead
    until the day is over). Among this year's meetings, held + past are counted as held
    and planned as planned, so held + planned covers every non-cancelled meeting of the
    year exactly once. Cancelled meetings count for nothing.

`meeting-count-behind` (warning, due None, one finding per year)
    Nobody is behind before the day the rules expect the year's meeting dates (today is
    not after `deadlines.meeting_dates`): an empty or partial plan is expected then,
    whatever has arrived. From then on, either (a) held + planned < meetings.per_year
    ("cannot reach the minimum with what is planned"), judged only once the whole year's
    plan is due or known: today is after `deadlines.autumn_meeting_dates`, or a meeting
    in the autumn term (August or later) is known; a plan for the spring alone is
    complete until the autumn dates are due. Or (b) the pace: held < expected, where
    expected = floor(per_year * E / len(pace_months)) and E is the number of pace
    months that have fully ended before today (months m in pace_months with m <
    today.month). Rounding down and counting only ended months keeps the pace lenient:
    a network is only "behind" once a whole month has passed without the meeting the
    pace needed. A network that has held its minimum is never behind. Only judged in a
    calendar year wholly inside the mission's period: a yearly minimum says nothing
    about a half year. Severity stays "warning": the year is not over.

`meeting-weekday` (warning, meeting = its date, due None)
    A planned or held meeting dated this year or later (so a plan for next year is
    checked as soon as it arrives, while it can still be moved) and inside the mission's
    period falls on a weekday outside `meetings.weekdays` (when that list is non-empty),
    or, when `meetings.avoid_holidays`, on a Swedish holiday from `holidays_for`.

`protocol-missing` (overdue, due = meeting date + protocol.due_days)
    A non-cancelled meeting inside the mission's period, with no protocol received,
    whose due date is strictly before today (on the due day itself the protocol is not
    late yet). Meetings dated this year are checked, and also last year's meetings
    whose due date falls in this year: those could not be flagged in last year's
    picture, and would otherwise never be flagged at all. No "info" while the protocol
    is still within its days: the issue does not ask for it and a fresh meeting
    without minutes is normal, not news.

`member-list-missing` / `meeting-dates-missing` (overdue, due = this year's deadline)
    Today is after the `deadlines` date of this year (the deadline day itself is still
    in time), that date lies inside the mission's period, and nothing arrived for this
    year. A member list counts when it was sent this calendar year. Meeting dates count
    when a plan was sent this calendar year, or when the registry already knows a
    meeting dated this year from an announcement (a plan sent last December for the
    spring is the plan for this year); a meeting known only from its own protocol does
    not count as dates announced.

`deliverable-due-soon` (info) / `deliverable-overdue` (overdue), due = the due date
    Due dates: a one-off deliverable's `due`; a yearly one's `due_each_year` in this
    year (a day that does not exist, like 02-29 in 2025, means the month's last day).
    Due soon: 0 <= due - today <= remind_days_before. Overdue: due < today. Both only
    without a matching report. A report matches when one of the deliverable's
    `matches` words begins a word of the report's text (case-insensitive, Unicode
    word boundaries: "arbetsordning" matches "Arbetsordningen 2025" but not
    "Reviderad_arbetsordning") and it was sent in the deliverable's window:
    - one-off: on or after max(due - 1 year, valid_from). Late reports count. The lower
      bound keeps an older report with the same words (last year's interim report) from
      satisfying this one.
    - yearly: sent this calendar year, or sent last year after last year's due date
      (early for this year) unless it is last year's own late report. Precisely: of
      last year's matching reports sent after last year's due date, the first is taken
      to be last year's late report when last year had none on time; any others count
      for this year.
    One-off deliverables follow their own dates, not the mission's period (a final
    report is often due just after a mission ends), and stay overdue for 365 days after
    their due date, then drop out: the registry usually holds only recent mail, so a
    deliverable from years ago would otherwise be "overdue" forever whether or not it
    was delivered before mailbot existed. A yearly deliverable's instance is only
    judged when its due date is inside the mission's period.

`mission-ending` (info, due = valid_to)
    `valid_to` is at most MISSION_NOTICE_DAYS (60) days ahead (today included): the
    coordinator is told while there is time to agree the next period's rules.

`mission-ended` (warning, due = valid_to)
    Today is after `valid_to`. The network is still checked, by the last rules in force
    (a network does not stop meeting because its mission's paper has run out), and the
    coordinator sees that the rules file needs the next period until a new file says so.

The mission's period: the meeting and paperwork rules (count, weekday, protocol,
member list, meeting dates) apply from `valid_from` on (no start is no limit), and then
only to meetings and deadlines dated from it on: a meeting before the mission is not
judged by it. Before `valid_from` only one-off deliverables can produce findings. After
`valid_to` the last rules stay in force (see `mission-ended`).

Working days (`is_working_day`): Monday to Friday that are no holiday of
`holidays_for` (the public holidays plus midsommarafton, julafton and nyårsafton).
Reminders go out on working days only, and a deadline that falls on another day is
stated as the working day before (`deadlines.weekend_deadline`).

Findings are ordered by severity (overdue, warning, info), then due date (none last),
then meeting date, rule and key.

Dates of received mail: an aware datetime is read in Europe/Stockholm (the networks'
calendar), a naive one is taken as already local.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

from mailbot.obligations import WEEKDAY_NUMBER, Deliverable, Obligations
from mailbot.registry.state import (
    Finding,
    MeetingPhase,
    MeetingRecord,
    NetworkState,
    NetworkStatus,
    Severity,
)

__all__ = [
    "HOLIDAY_CATEGORIES",
    "RULES",
    "SEVERITY_RANK",
    "evaluate",
    "holiday_on",
    "holidays_for",
    "is_working_day",
    "local_date",
    "phase",
    "stated_deadline",
    "working_day_on_or_before",
    "worst",
]

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# Every rule name the engine can produce (stable: used in logs, digest, outbox keys).
RULES = (
    "meeting-count-behind",
    "meeting-weekday",
    "protocol-missing",
    "member-list-missing",
    "meeting-dates-missing",
    "deliverable-due-soon",
    "deliverable-overdue",
    "mission-ending",
    "mission-ended",
)
# How long before the mission's end the coordinator is told.
MISSION_NOTICE_DAYS = 60

SEVERITY_RANK: dict[Severity, int] = {"overdue": 0, "warning": 1, "info": 2}

# "public": the allmänna helgdagar of lag (1989:253), Sundays left out (a Sunday is
# not a meeting day anyway, and the weekday rule is what catches weekends).
# "de_facto": midsommarafton, julafton and nyårsafton, which the Semesterlag treats
# like holidays and nobody meets on. Not "bank"/"optional": those hold the half days
# ("from 2pm": skärtorsdagen, valborgsmässoafton...) and squeeze days, on which
# meetings are normal. In holidays 0.109 the two chosen categories hold no half day;
# `_is_half_day` drops any that a future version might add.
HOLIDAY_CATEGORIES = ("public", "de_facto")
_HALF_DAY_MARKERS = ("(from 2pm)", "(från kl. 14.00)", "kl. 14")

_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ONE_YEAR = timedelta(days=365)


# --- holidays ---------------------------------------------------------------------


def _is_half_day(name: str) -> bool:
    return any(marker in name for marker in _HALF_DAY_MARKERS)


@lru_cache(maxsize=128)
def _holiday_table(year: int, language: str) -> tuple[tuple[date, tuple[str, ...]], ...]:
    """The whole days off of `year`, names in `language`. Cached: it is pure.

    The language is always passed explicitly: left out, the library picks it from the
    process's locale, and the engine must not depend on the environment.
    """
    calendar = holidays.country_holidays(
        "SE",
        years=year,
        categories=HOLIDAY_CATEGORIES,
        language=language,
        include_sundays=False,
    )
    table: list[tuple[date, tuple[str, ...]]] = []
    for day in sorted(calendar.keys()):
        names = tuple(n for n in calendar.get_list(day) if not _is_half_day(n))
        if names:
            table.append((day, names))
    return tuple(table)


def holidays_for(year: int) -> dict[date, str]:
    """Swedish holidays of `year` that a meeting should avoid, with Swedish names.

    The public holidays (nyårsdagen, trettondedag jul, långfredagen, påskdagen,
    annandag påsk, första maj, Kristi himmelsfärdsdag, nationaldagen, pingstdagen,
    midsommardagen, alla helgons dag, juldagen, annandag jul) plus midsommarafton,
    julafton and nyårsafton; no Sundays, no half days. Two names on one day are joined
    with "; ". A fresh dict each call (callers may change it).
    """
    return {day: "; ".join(names) for day, names in _holiday_table(year, "sv")}


@lru_cache(maxsize=128)
def _holiday_map(year: int, language: str) -> Mapping[date, tuple[str, ...]]:
    return MappingProxyType(dict(_holiday_table(year, language)))


def holiday_on(day: date) -> tuple[str, str] | None:
    """(English name, Swedish name) of the holiday on `day`, or None."""
    english = _holiday_map(day.year, "en_US").get(day)
    swedish = _holiday_map(day.year, "sv").get(day)
    if english is None or swedish is None:
        return None
    return "; ".join(english), "; ".join(swedish)


# --- small helpers ------------------------------------------------------------------


def _on(year: int, month_day: str) -> date:
    """`MM-DD` in `year`; a day the month lacks (02-29 in 2025, 04-31) means its last."""
    month, day = (int(part) for part in month_day.split("-"))
    following = date(year + (month == 12), month % 12 + 1, 1)
    return min(date(year, month, 1) + timedelta(days=day - 1), following - timedelta(days=1))


def local_date(moment: datetime) -> date:
    return moment.astimezone(STOCKHOLM).date() if moment.tzinfo is not None else moment.date()


def _in_period(obligations: Obligations, day: date) -> bool:
    """Whether the rules apply on `day`: from the mission's start on. After its end the
    last rules stay in force (module doc, `mission-ended`)."""
    return obligations.valid_from is None or day >= obligations.valid_from


def _whole_year_in_period(obligations: Obligations, year: int) -> bool:
    return _in_period(obligations, date(year, 1, 1))


def is_working_day(day: date) -> bool:
    """Monday to Friday and no holiday (module doc)."""
    return day.weekday() < 5 and holiday_on(day) is None


def working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date) -> date:
    """The first working day on or after `day`."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def stated_deadline(day: date, obligations: Obligations) -> date:
    """A deadline as a mail states it: on a weekend or holiday, the working day before
    (unless the rules say "as-is")."""
    if obligations.deadlines.weekend_deadline == "as-is":
        return day
    return working_day_on_or_before(day)


def _key(rule: str, slug: str, what: str) -> str:
    return f"{rule}:{slug}:{what}"


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words` at the start of a word; spaces inside a phrase match any space."""
    alternatives = [r"\s+".join(re.escape(part) for part in _norm(w).split()) for w in words]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")


def _weekday_list(numbers: Iterable[int]) -> str:
    return " or ".join(f"a {_EN_WEEKDAYS[n]}" for n in sorted(set(numbers)))


def _live(meeting: MeetingRecord) -> bool:
    return meeting.status != "cancelled"


# --- counting -----------------------------------------------------------------------


def phase(meeting: MeetingRecord, today: date) -> MeetingPhase:
    """What a meeting is on `today`: the one answer every reader uses (module doc)."""
    if meeting.status == "cancelled":
        return "cancelled"
    if meeting.status == "held":
        return "held"
    return "past" if meeting.date < today else "planned"


def _phases(state: NetworkState, today: date) -> dict[date, MeetingPhase]:
    return {d: phase(m, today) for d, m in state.meetings.items() if d.year == today.year}


def _counts(phases: Mapping[date, MeetingPhase]) -> tuple[int, int]:
    """(held, planned-ahead) among this year's meetings (see module doc)."""
    held = sum(1 for p in phases.values() if p in ("held", "past"))
    planned = sum(1 for p in phases.values() if p == "planned")
    return held, planned


def _dates_known(state: NetworkState, year: int) -> bool:
    """Meeting dates for `year` arrived: a plan sent that year, or a meeting of that
    year announced (by any mail other than its own protocol)."""
    if any(local_date(sent).year == year for sent in state.meeting_plans):
        return True
    return any(
        m.date.year == year and m.message_pk != m.protocol_message_pk
        for m in state.meetings.values()
    )


# --- rules --------------------------------------------------------------------------


def _meeting_count(
    state: NetworkState, obligations: Obligations, today: date, held: int, planned: int
) -> list[Finding]:
    required = obligations.meetings.per_year
    if required == 0 or held >= required or not _whole_year_in_period(obligations, today.year):
        return []
    deadlines = obligations.deadlines
    if not today > _on(today.year, deadlines.meeting_dates):
        return []  # nobody is behind before the year's dates are due
    autumn_known = any(
        m.date.year == today.year and m.date.month >= 8 and _live(m)
        for m in state.meetings.values()
    )
    whole_year_due = today > _on(today.year, deadlines.autumn_meeting_dates) or autumn_known
    cannot_reach = whole_year_due and held + planned < required
    pace = obligations.meetings.pace_months
    ended = sum(1 for month in pace if month < today.month)
    expected = required * ended // len(pace)
    behind_pace = held < expected
    if not (cannot_reach or behind_pace):
        return []
    subject = f"{held} of {required} meetings held, {planned} planned"
    if behind_pace:
        subject += f"; {expected} expected by now"
    return [
        Finding(
            rule="meeting-count-behind",
            severity="warning",
            subject=subject,
            key=_key("meeting-count-behind", state.slug, str(today.year)),
        )
    ]


def _meeting_weekday(state: NetworkState, obligations: Obligations, today: date) -> list[Finding]:
    allowed = {WEEKDAY_NUMBER[name] for name in obligations.meetings.weekdays}
    findings: list[Finding] = []
    for meeting in state.meetings.values():
        day = meeting.date
        if day.year < today.year or not _live(meeting) or not _in_period(obligations, day):
            continue
        reasons: list[str] = []
        if allowed and day.weekday() not in allowed:
            reasons.append(f"is on a {_EN_WEEKDAYS[day.weekday()]}, not {_weekday_list(allowed)}")
        holiday = holiday_on(day) if obligations.meetings.avoid_holidays else None
        if holiday is not None:
            english, swedish = holiday
            reasons.append(f"falls on {english} ({swedish})")
        if reasons:
            findings.append(
                Finding(
                    rule="meeting-weekday",
                    severity="warning",
                    subject=f"meeting {day.isoformat()} " + " and ".join(reasons),
                    meeting=day,
                    key=_key("meeting-weekday", state.slug, day.isoformat()),
                )
            )
    return findings


def _protocol_missing(state: NetworkState, obligations: Obligations, today: date) -> list[Finding]:
    allowed_days = timedelta(days=obligations.protocol.due_days)
    findings: list[Finding] = []
    for meeting in state.meetings.values():
        due = meeting.date + allowed_days
        if meeting.date.year != today.year and due.year != today.year:
            continue
        if not _live(meeting) or meeting.protocol_received is not None:
            continue
        if not _in_period(obligations, meeting.date) or not due < today:
            continue
        findings.append(
            Finding(
                rule="protocol-missing",
                severity="overdue",
                subject=f"meeting {meeting.date.isoformat()}",
                due=due,
                meeting=meeting.date,
                key=_key("protocol-missing", state.slug, meeting.date.isoformat()),
            )
        )
    return findings


def _paperwork_missing(state: NetworkState, obligations: Obligations, today: date) -> list[Finding]:
    year = today.year
    checks = (
        (
            "member-list-missing",
            obligations.deadlines.member_list,
            any(local_date(sent).year == year for sent in state.member_lists),
            f"no member list for {year}",
        ),
        (
            "meeting-dates-missing",
            obligations.deadlines.meeting_dates,
            _dates_known(state, year),
            f"no meeting dates for {year}",
        ),
    )
    findings: list[Finding] = []
    for rule, month_day, received, subject in checks:
        deadline = _on(year, month_day)
        if received or not today > deadline or not _in_period(obligations, deadline):
            continue
        findings.append(
            Finding(
                rule=rule,
                severity="overdue",
                subject=subject,
                due=deadline,
                key=_key(rule, state.slug, str(year)),
            )
        )
    return findings


def _yearly_met(sent: list[date], month_day: str, year: int) -> bool:
    """Whether this year's instance of a yearly deliverable has its report (module doc)."""
    if any(day.year == year for day in sent):
        return True
    last_due = _on(year - 1, month_day)
    last_year = [day for day in sent if day.year == year - 1]
    on_time = any(day <= last_due for day in last_year)
    late = sum(1 for day in last_year if day > last_due)
    return late >= 1 if on_time else late >= 2


def _deliverable(
    state: NetworkState, obligations: Obligations, today: date, item: Deliverable
) -> Finding | None:
    pattern = _word_pattern(item.matches)
    sent = sorted(
        local_date(report.received)
        for report in state.reports
        if pattern.search(_norm(report.text))
    )
    if item.due is not None:
        due = item.due
        if today > due + _ONE_YEAR:
            return None  # long past: history, not news (module doc)
        start = due - _ONE_YEAR
        if obligations.valid_from is not None:
            start = max(start, obligations.valid_from)
        met = any(day >= start for day in sent)
    else:
        assert item.due_each_year is not None  # the model guarantees one of the two
        due = _on(today.year, item.due_each_year)
        if not _in_period(obligations, due):
            return None
        met = _yearly_met(sent, item.due_each_year, today.year)
    if met:
        return None
    what = f"{item.key}:{due.isoformat()}"
    if due < today:
        return Finding(
            rule="deliverable-overdue",
            severity="overdue",
            subject=f"{item.name}, due {due.isoformat()}, no report received",
            due=due,
            key=_key("deliverable-overdue", state.slug, what),
        )
    if (due - today).days <= item.remind_days_before:
        return Finding(
            rule="deliverable-due-soon",
            severity="info",
            subject=f"{item.name}, due {due.isoformat()}",
            due=due,
            key=_key("deliverable-due-soon", state.slug, what),
        )
    return None


def _mission(state: NetworkState, obligations: Obligations, today: date) -> list[Finding]:
    end = obligations.valid_to
    if end is None:
        return []
    if today > end:
        return [
            Finding(
                rule="mission-ended",
                severity="warning",
                subject=f"mission period ended {end.isoformat()}; the last rules stay in "
                "force until the rules file gives the next period",
                due=end,
                key=_key("mission-ended", state.slug, end.isoformat()),
            )
        ]
    if (end - today).days <= MISSION_NOTICE_DAYS:
        return [
            Finding(
                rule="mission-ending",
                severity="info",
                subject=f"mission period ends {end.isoformat()}; the rules need the next period",
                due=end,
                key=_key("mission-ending", state.slug, end.isoformat()),
            )
        ]
    return []


def _order(finding: Finding) -> tuple[int, date, date, str, str]:
    return (
        SEVERITY_RANK[finding.severity],
        finding.due or date.max,
        finding.meeting or date.max,
        finding.rule,
        finding.key,
    )


# --- public -------------------------------------------------------------------------


def evaluate(state: NetworkState, obligations: Obligations, today: date) -> NetworkStatus:
    """The compliance picture of one network on `today`, for the calendar year of today.

    `state` must already be the registry as known on `today`. See the module docstring
    for every rule's definition and the reasons behind it.
    """
    phases = _phases(state, today)
    held, planned = _counts(phases)
    findings: list[Finding] = []
    findings += _mission(state, obligations, today)
    if _in_period(obligations, today):
        findings += _protocol_missing(state, obligations, today)
        findings += _meeting_weekday(state, obligations, today)
        findings += _meeting_count(state, obligations, today, held, planned)
        findings += _paperwork_missing(state, obligations, today)
    for item in obligations.deliverables:
        finding = _deliverable(state, obligations, today, item)
        if finding is not None:
            findings.append(finding)
    findings.sort(key=_order)
    return NetworkStatus(
        network=state.slug,
        year=today.year,
        meetings_required=obligations.meetings.per_year,
        meetings_held=held,
        meetings_planned=planned,
        findings=findings,
        phases=phases,
    )


def worst(status: NetworkStatus) -> int:
    """Sort key putting the worst network first: `sorted(statuses, key=worst)`.

    Overdue findings outweigh any number of warnings, warnings any number of infos
    (counts are capped at 999 per severity so the tiers never overlap). A network with
    no findings gives 0, the last place; ties keep their order (sort is stable).
    """
    tally = dict.fromkeys(SEVERITY_RANK, 0)
    for finding in status.findings:
        tally[finding.severity] += 1
    score = (
        min(tally["overdue"], 999) * 1_000_000
        + min(tally["warning"], 999) * 1_000
        + min(tally["info"], 999)
    )
    return -score
