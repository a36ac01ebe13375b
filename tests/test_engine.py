"""The rules engine (`mailbot.registry.engine`): every rule at its boundaries.

Table-driven over hand-built states and obligations. Each case names the rule it is
about and lists exactly the findings of that rule expected, as (severity, subject, due),
so a case fails on a missing finding, an extra one and a wrong date alike.
"""

from __future__ import annotations

import ast
import inspect
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.obligations import Obligations
from mailbot.registry import engine
from mailbot.registry.engine import RULES, evaluate, holiday_on, holidays_for, worst
from mailbot.registry.state import (
    Finding,
    MeetingRecord,
    NetworkState,
    NetworkStatus,
    ReportRecord,
)

D = date.fromisoformat
Row = tuple[str, str, date | None]


def meeting(
    day: str,
    status: str = "planned",
    *,
    protocol: str | None = None,
    from_protocol: bool = False,
) -> MeetingRecord:
    """A meeting announced by mail 1; `from_protocol`: known only from its protocol."""
    received = datetime.fromisoformat(protocol) if protocol else None
    return MeetingRecord(
        date=D(day),
        start=time(9),
        end=time(12),
        place=None,
        status=status,  # type: ignore[arg-type]
        announced_at=datetime(2025, 1, 10, 9, 0),
        message_pk=7 if from_protocol else 1,
        protocol_message_pk=7 if (protocol or from_protocol) else None,
        protocol_received=received,
    )


def report(sent: str, text: str) -> ReportRecord:
    return ReportRecord(received=datetime.fromisoformat(sent), message_pk=9, text=text)


def state(
    *meetings: MeetingRecord,
    reports: tuple[ReportRecord, ...] = (),
    member_lists: tuple[str, ...] = ("2025-01-15T10:00",),
    meeting_plans: tuple[str, ...] = ("2025-01-15T10:00",),
) -> NetworkState:
    """A network that by default sent its member list and dates on time in 2025."""
    return NetworkState(
        slug="forskola",
        meetings={m.date: m for m in meetings},
        reports=list(reports),
        member_lists=[datetime.fromisoformat(s) for s in member_lists],
        meeting_plans=[datetime.fromisoformat(s) for s in meeting_plans],
    )


def rules(**values: Any) -> Obligations:
    return Obligations.model_validate(values)


FRIDAYS = {"meetings": {"weekdays": ["fredag"]}}
# Enough meetings planned late in 2025 that the count rule stays quiet in other cases.
AUTUMN = tuple(meeting(d) for d in ("2025-10-03", "2025-10-17", "2025-11-07", "2025-12-05"))


def rows(status: NetworkStatus, rule: str) -> list[Row]:
    return [(f.severity, f.subject, f.due) for f in status.findings if f.rule == rule]


# (id, rule, state, obligations, today, expected rows of that rule)
CASES: list[tuple[str, str, NetworkState, Obligations, str, list[Row]]] = [
    # --- meeting-count-behind -----------------------------------------------------
    (
        "nothing known, plan not due yet",
        "meeting-count-behind",
        state(member_lists=(), meeting_plans=()),
        rules(),
        "2025-02-15",
        [],
    ),
    (
        # meeting-dates-missing says what is wrong; behind needs the whole year's plan.
        "nothing known, day after the dates deadline",
        "meeting-count-behind",
        state(member_lists=(), meeting_plans=()),
        rules(),
        "2025-02-16",
        [],
    ),
    (
        "nothing known, day after the autumn dates are due",
        "meeting-count-behind",
        state(member_lists=(), meeting_plans=()),
        rules(),
        "2025-08-16",
        [("warning", "0 of 4 meetings held, 0 planned; 2 expected by now", None)],
    ),
    (
        "nobody is behind before the year's dates are due, whatever arrived",
        "meeting-count-behind",
        state(meeting("2025-03-14"), meeting("2025-05-16"), meeting_plans=("2025-01-10T08:00",)),
        rules(),
        "2025-01-20",
        [],
    ),
    (
        "a plan for the spring alone is complete until the autumn dates are due",
        "meeting-count-behind",
        state(meeting("2025-03-14"), meeting("2025-05-16"), meeting_plans=("2025-01-10T08:00",)),
        rules(),
        "2025-08-15",
        [],
    ),
    (
        "a plan for the spring alone is short once the autumn dates are due",
        "meeting-count-behind",
        state(meeting("2025-03-14"), meeting("2025-05-16"), meeting_plans=("2025-01-10T08:00",)),
        rules(),
        "2025-08-16",
        [("warning", "2 of 4 meetings held, 0 planned", None)],
    ),
    (
        "a whole year's plan that is short is judged from the spring deadline",
        "meeting-count-behind",
        state(meeting("2025-03-14"), meeting("2025-10-17")),
        rules(),
        "2025-02-16",
        [("warning", "0 of 4 meetings held, 2 planned", None)],
    ),
    (
        "the autumn date is a rule",
        "meeting-count-behind",
        state(meeting("2025-03-14"), meeting("2025-05-16")),
        rules(deadlines={"autumn_meeting_dates": "06-30"}),
        "2025-07-01",
        [("warning", "2 of 4 meetings held, 0 planned", None)],
    ),
    (
        "a network that has held its minimum is never behind",
        "meeting-count-behind",
        state(
            *(
                meeting(d, "held", protocol=f"{d}T20:00")
                for d in ("2025-01-10", "2025-01-17", "2025-01-24", "2025-01-31")
            )
        ),
        rules(meetings={"per_year": 4}),
        "2025-12-01",
        [],
    ),
    (
        "enough planned",
        "meeting-count-behind",
        state(*AUTUMN),
        rules(),
        "2025-03-01",
        [],
    ),
    (
        "cancelled meetings do not count",
        "meeting-count-behind",
        state(*AUTUMN[:3], meeting("2025-12-12", "cancelled")),
        rules(),
        "2025-03-01",
        [("warning", "0 of 4 meetings held, 3 planned", None)],
    ),
    (
        "pace: last day of February, one pace month ended",
        "meeting-count-behind",
        state(*AUTUMN, meeting("2025-12-12"), meeting("2025-12-19")),
        rules(meetings={"per_year": 6}),
        "2025-02-28",
        [],
    ),
    (
        "pace: 1 March, two of eleven months ended -> 6*2//11 = 1 expected",
        "meeting-count-behind",
        state(*AUTUMN, meeting("2025-12-12"), meeting("2025-12-19")),
        rules(meetings={"per_year": 6}),
        "2025-03-01",
        [("warning", "0 of 6 meetings held, 6 planned; 1 expected by now", None)],
    ),
    (
        "pace: a past planned meeting counts as held",
        "meeting-count-behind",
        state(meeting("2025-02-21"), *AUTUMN, meeting("2025-12-12")),
        rules(meetings={"per_year": 6}),
        "2025-03-01",
        [],
    ),
    (
        "pace: a meeting today is still ahead, not held",
        "meeting-count-behind",
        state(meeting("2025-03-01"), *AUTUMN, meeting("2025-12-12")),
        rules(meetings={"per_year": 6}),
        "2025-03-01",
        [("warning", "0 of 6 meetings held, 6 planned; 1 expected by now", None)],
    ),
    (
        "pace: July is no pace month, 4*6//11 = 2 on 1 August",
        "meeting-count-behind",
        state(meeting("2025-03-14", "held", protocol="2025-03-20T10:00"), *AUTUMN),
        rules(),
        "2025-08-01",
        [("warning", "1 of 4 meetings held, 4 planned; 2 expected by now", None)],
    ),
    (
        "pace: all twelve months, 4*6//12 = 2 on 1 July",
        "meeting-count-behind",
        state(meeting("2025-03-14", "held", protocol="2025-03-20T10:00"), *AUTUMN),
        rules(meetings={"pace_months": list(range(1, 13))}),
        "2025-07-01",
        [("warning", "1 of 4 meetings held, 4 planned; 2 expected by now", None)],
    ),
    (
        "pace: with all twelve months, 4*5//12 = 1 on 30 June",
        "meeting-count-behind",
        state(meeting("2025-03-14", "held", protocol="2025-03-20T10:00"), *AUTUMN),
        rules(meetings={"pace_months": list(range(1, 13))}),
        "2025-06-30",
        [],
    ),
    (
        "no minimum, no finding",
        "meeting-count-behind",
        state(),
        rules(meetings={"per_year": 0}),
        "2025-11-01",
        [],
    ),
    (
        "mission starts mid-year: a yearly minimum is not judged",
        "meeting-count-behind",
        state(),
        rules(valid_from="2025-03-01"),
        "2025-11-01",
        [],
    ),
    # --- meeting-weekday ----------------------------------------------------------
    (
        "Friday meeting on Långfredag",
        "meeting-weekday",
        state(meeting("2025-04-18"), *AUTUMN),
        rules(**FRIDAYS),
        "2025-03-01",
        [("warning", "meeting 2025-04-18 falls on Good Friday (Långfredagen)", None)],
    ),
    (
        "Friday meeting on midsommarafton",
        "meeting-weekday",
        state(meeting("2025-06-20"), *AUTUMN),
        rules(**FRIDAYS),
        "2025-03-01",
        [("warning", "meeting 2025-06-20 falls on Midsummer Eve (Midsommarafton)", None)],
    ),
    (
        "Thursday in a Friday-only network",
        "meeting-weekday",
        state(meeting("2025-03-13"), *AUTUMN),
        rules(**FRIDAYS),
        "2025-03-01",
        [("warning", "meeting 2025-03-13 is on a Thursday, not a Friday", None)],
    ),
    (
        "a held meeting on the wrong day is still flagged",
        "meeting-weekday",
        state(meeting("2025-03-13", "held", protocol="2025-03-20T10:00"), *AUTUMN),
        rules(**FRIDAYS),
        "2025-05-01",
        [("warning", "meeting 2025-03-13 is on a Thursday, not a Friday", None)],
    ),
    (
        "wrong weekday and a holiday",
        "meeting-weekday",
        state(meeting("2025-05-29"), *AUTUMN),
        rules(**FRIDAYS),
        "2025-03-01",
        [
            (
                "warning",
                "meeting 2025-05-29 is on a Thursday, not a Friday and falls on "
                "Ascension Day (Kristi himmelsfärdsdag)",
                None,
            )
        ],
    ),
    (
        "several allowed weekdays",
        "meeting-weekday",
        state(meeting("2025-03-14"), meeting("2025-03-18"), meeting("2025-03-20")),
        rules(meetings={"weekdays": ["torsdag", "tisdag"]}),
        "2025-03-01",
        [("warning", "meeting 2025-03-14 is on a Friday, not a Tuesday or a Thursday", None)],
    ),
    (
        "no weekday rule: a Thursday is fine",
        "meeting-weekday",
        state(meeting("2025-03-13"), *AUTUMN),
        rules(),
        "2025-03-01",
        [],
    ),
    (
        "no weekday rule: a holiday is still flagged",
        "meeting-weekday",
        state(meeting("2025-05-29"), *AUTUMN),
        rules(),
        "2025-03-01",
        [("warning", "meeting 2025-05-29 falls on Ascension Day (Kristi himmelsfärdsdag)", None)],
    ),
    (
        "holidays not avoided by this network",
        "meeting-weekday",
        state(meeting("2025-05-29"), *AUTUMN),
        rules(meetings={"avoid_holidays": False}),
        "2025-03-01",
        [],
    ),
    (
        "half days (skärtorsdagen, valborg) are normal days",
        "meeting-weekday",
        state(meeting("2025-04-17"), meeting("2025-04-30"), *AUTUMN),
        rules(),
        "2025-03-01",
        [],
    ),
    (
        "a plain Sunday is no holiday (only the weekday rule catches weekends)",
        "meeting-weekday",
        state(meeting("2025-03-16"), *AUTUMN),
        rules(),
        "2025-03-01",
        [],
    ),
    (
        "cancelled meetings are ignored",
        "meeting-weekday",
        state(meeting("2025-04-18", "cancelled"), meeting("2025-03-13", "cancelled"), *AUTUMN),
        rules(**FRIDAYS),
        "2025-03-01",
        [],
    ),
    (
        "last year's meetings are history; next year's plan is checked",
        "meeting-weekday",
        state(meeting("2024-03-29", "held", protocol="2024-04-02T10:00"), meeting("2026-06-19")),
        rules(**FRIDAYS),
        "2025-12-01",
        [("warning", "meeting 2026-06-19 falls on Midsummer Eve (Midsommarafton)", None)],
    ),
    (
        "a meeting after the mission's end is judged by the last rules in force",
        "meeting-weekday",
        state(meeting("2025-06-20"), meeting("2025-04-18")),
        rules(valid_to="2025-05-31", **FRIDAYS),
        "2025-03-01",
        [
            ("warning", "meeting 2025-04-18 falls on Good Friday (Långfredagen)", None),
            ("warning", "meeting 2025-06-20 falls on Midsummer Eve (Midsommarafton)", None),
        ],
    ),
    # --- protocol-missing ---------------------------------------------------------
    (
        "exactly due_days after the meeting: not late yet",
        "protocol-missing",
        state(meeting("2025-04-11"), *AUTUMN),
        rules(),
        "2025-04-25",
        [],
    ),
    (
        "one day more: overdue",
        "protocol-missing",
        state(meeting("2025-04-11"), *AUTUMN),
        rules(),
        "2025-04-26",
        [("overdue", "meeting 2025-04-11", D("2025-04-25"))],
    ),
    (
        "protocol arrived",
        "protocol-missing",
        state(meeting("2025-04-11", "held", protocol="2025-04-30T10:00"), *AUTUMN),
        rules(),
        "2025-05-10",
        [],
    ),
    (
        "status held but no protocol recorded",
        "protocol-missing",
        state(meeting("2025-04-11", "held"), *AUTUMN),
        rules(),
        "2025-05-10",
        [("overdue", "meeting 2025-04-11", D("2025-04-25"))],
    ),
    (
        "cancelled meeting needs no protocol",
        "protocol-missing",
        state(meeting("2025-04-11", "cancelled"), *AUTUMN),
        rules(),
        "2025-05-10",
        [],
    ),
    (
        "the network's own due_days",
        "protocol-missing",
        state(meeting("2025-04-11"), *AUTUMN),
        rules(protocol={"due_days": 30}),
        "2025-05-11",
        [],
    ),
    (
        "the network's own due_days, one day later",
        "protocol-missing",
        state(meeting("2025-04-11"), *AUTUMN),
        rules(protocol={"due_days": 30}),
        "2025-05-12",
        [("overdue", "meeting 2025-04-11", D("2025-05-11"))],
    ),
    (
        "December meeting due in January is carried into the new year",
        "protocol-missing",
        state(
            meeting("2024-12-20"),
            meeting("2024-12-06"),
            member_lists=("2025-01-05T10:00",),
            meeting_plans=("2025-01-05T10:00",),
        ),
        rules(),
        "2025-01-10",
        [("overdue", "meeting 2024-12-20", D("2025-01-03"))],
    ),
    (
        "several missing, earliest due first",
        "protocol-missing",
        state(meeting("2025-03-14"), meeting("2025-02-14"), *AUTUMN),
        rules(),
        "2025-06-01",
        [
            ("overdue", "meeting 2025-02-14", D("2025-02-28")),
            ("overdue", "meeting 2025-03-14", D("2025-03-28")),
        ],
    ),
    (
        "a meeting before the mission started is not its business",
        "protocol-missing",
        state(meeting("2025-02-14"), meeting("2025-03-14"), *AUTUMN),
        rules(valid_from="2025-03-01"),
        "2025-06-01",
        [("overdue", "meeting 2025-03-14", D("2025-03-28"))],
    ),
    # --- member-list-missing ------------------------------------------------------
    (
        "member list: on the deadline day",
        "member-list-missing",
        state(member_lists=()),
        rules(),
        "2025-02-15",
        [],
    ),
    (
        "member list: the day after",
        "member-list-missing",
        state(member_lists=()),
        rules(),
        "2025-02-16",
        [("overdue", "no member list for 2025", D("2025-02-15"))],
    ),
    (
        "member list: last year's list does not count",
        "member-list-missing",
        state(member_lists=("2024-12-15T10:00",)),
        rules(),
        "2025-02-16",
        [("overdue", "no member list for 2025", D("2025-02-15"))],
    ),
    (
        "member list: the network's own deadline",
        "member-list-missing",
        state(member_lists=()),
        rules(deadlines={"member_list": "03-31"}),
        "2025-03-31",
        [],
    ),
    (
        "member list: received",
        "member-list-missing",
        state(member_lists=("2025-02-20T10:00",)),
        rules(),
        "2025-03-01",
        [],
    ),
    # --- meeting-dates-missing ----------------------------------------------------
    (
        "dates: on the deadline day",
        "meeting-dates-missing",
        state(meeting_plans=()),
        rules(),
        "2025-02-15",
        [],
    ),
    (
        "dates: the day after",
        "meeting-dates-missing",
        state(meeting_plans=()),
        rules(),
        "2025-02-16",
        [("overdue", "no meeting dates for 2025", D("2025-02-15"))],
    ),
    (
        "dates: a plan sent last December for this spring counts",
        "meeting-dates-missing",
        state(meeting("2025-03-14"), meeting_plans=("2024-12-10T10:00",)),
        rules(),
        "2025-02-16",
        [],
    ),
    (
        "dates: a meeting known only from its protocol is no plan",
        "meeting-dates-missing",
        state(
            meeting("2025-01-24", "held", protocol="2025-01-30T10:00", from_protocol=True),
            meeting_plans=(),
        ),
        rules(),
        "2025-02-16",
        [("overdue", "no meeting dates for 2025", D("2025-02-15"))],
    ),
    (
        "dates: the network's own deadline (a month-day past month end is its last day)",
        "meeting-dates-missing",
        state(meeting_plans=()),
        rules(deadlines={"meeting_dates": "02-31"}),
        "2025-03-01",
        [("overdue", "no meeting dates for 2025", D("2025-02-28"))],
    ),
]

ONE_OFF = {
    "deliverables": [
        {
            "key": "delrapport",
            "name": "Interim report",
            "due": "2025-06-30",
            "matches": ["delrapport", "interim report"],
            "remind_days_before": 30,
        }
    ]
}
YEARLY = {
    "deliverables": [
        {
            "key": "arbetsordning",
            "name": "Work plan",
            "due_each_year": "04-30",
            "matches": ["arbetsordning"],
            "remind_days_before": 14,
        }
    ]
}
OVERDUE_ONE_OFF: list[Row] = [
    ("overdue", "Interim report, due 2025-06-30, no report received", D("2025-06-30"))
]
OVERDUE_YEARLY: list[Row] = [
    ("overdue", "Work plan, due 2025-04-30, no report received", D("2025-04-30"))
]

CASES += [
    # --- deliverables -------------------------------------------------------------
    ("one day before the reminder window", "deliverable-due-soon", state(*AUTUMN),
     rules(**ONE_OFF), "2025-05-30", []),
    ("first day of the reminder window", "deliverable-due-soon", state(*AUTUMN),
     rules(**ONE_OFF), "2025-05-31", [("info", "Interim report, due 2025-06-30", D("2025-06-30"))]),
    ("on the due day: still due soon", "deliverable-due-soon", state(*AUTUMN),
     rules(**ONE_OFF), "2025-06-30", [("info", "Interim report, due 2025-06-30", D("2025-06-30"))]),
    ("on the due day: not overdue", "deliverable-overdue", state(*AUTUMN),
     rules(**ONE_OFF), "2025-06-30", []),
    ("the day after: overdue", "deliverable-overdue", state(*AUTUMN),
     rules(**ONE_OFF), "2025-07-01", OVERDUE_ONE_OFF),
    ("the day after: no longer due soon", "deliverable-due-soon", state(*AUTUMN),
     rules(**ONE_OFF), "2025-07-01", []),
    ("a report matching by its words", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2025-06-10T10:00", "Re: DELRAPPORTEN vux 2025.pdf"),)),
     rules(**ONE_OFF), "2025-07-01", []),
    ("a matching report stops the reminder too", "deliverable-due-soon",
     state(*AUTUMN, reports=(report("2025-06-10T10:00", "Delrapport"),)),
     rules(**ONE_OFF), "2025-06-20", []),
    ("a phrase matches across spacing and case", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2025-06-10T10:00", "Our  Interim\nReport, spring"),)),
     rules(**ONE_OFF), "2025-07-01", []),
    ("a late report counts", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2025-08-10T10:00", "delrapport"),)),
     rules(**ONE_OFF), "2025-08-11", []),
    ("the word inside another word does not match", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2025-06-10T10:00", "Slutdelrapport; ny_delrapport"),)),
     rules(**ONE_OFF), "2025-07-01", OVERDUE_ONE_OFF),
    ("a report from more than a year before does not match", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2024-06-29T10:00", "Delrapport 2024"),)),
     rules(**ONE_OFF), "2025-07-01", OVERDUE_ONE_OFF),
    ("a report before the mission's start does not match", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2024-12-01T10:00", "Delrapport"),)),
     rules(valid_from="2025-01-01", **ONE_OFF), "2025-07-01", OVERDUE_ONE_OFF),
    ("a one-off stays overdue 365 days", "deliverable-overdue",
     state(member_lists=("2026-01-15T10:00",), meeting_plans=("2026-01-15T10:00",)),
     rules(**ONE_OFF), "2026-06-30", OVERDUE_ONE_OFF),
    ("a one-off long past is history", "deliverable-overdue",
     state(member_lists=("2026-01-15T10:00",), meeting_plans=("2026-01-15T10:00",)),
     rules(**ONE_OFF), "2026-07-01", []),
    ("yearly: due soon", "deliverable-due-soon", state(*AUTUMN),
     rules(**YEARLY), "2025-04-16", [("info", "Work plan, due 2025-04-30", D("2025-04-30"))]),
    ("yearly: before the window", "deliverable-due-soon", state(*AUTUMN),
     rules(**YEARLY), "2025-04-15", []),
    ("yearly: overdue", "deliverable-overdue", state(*AUTUMN),
     rules(**YEARLY), "2025-05-01", OVERDUE_YEARLY),
    ("yearly: this year's report", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2025-03-01T10:00", "Arbetsordning 2025.docx"),)),
     rules(**YEARLY), "2025-05-01", []),
    ("yearly: last year's late report is last year's", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2024-05-10T10:00", "Arbetsordning"),)),
     rules(**YEARLY), "2025-05-01", OVERDUE_YEARLY),
    ("yearly: an early report after last year's on-time one", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2024-04-01T10:00", "arbetsordning"),
                             report("2024-12-10T10:00", "arbetsordning 2025"))),
     rules(**YEARLY), "2025-05-01", []),
    ("yearly: late for last year, then early for this year", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2024-05-10T10:00", "arbetsordning"),
                             report("2024-12-10T10:00", "arbetsordning 2025"))),
     rules(**YEARLY), "2025-05-01", []),
    ("yearly: a report from two years ago does not count", "deliverable-overdue",
     state(*AUTUMN, reports=(report("2023-12-10T10:00", "arbetsordning"),)),
     rules(**YEARLY), "2025-05-01", OVERDUE_YEARLY),
    ("yearly: due outside the mission's period is not judged", "deliverable-overdue",
     state(*AUTUMN), rules(valid_to="2025-03-31", **YEARLY), "2025-03-20", []),
    # --- the mission's period -----------------------------------------------------
    ("valid_to in the past: the coordinator sees it", "mission-ended",
     state(), rules(valid_to="2024-12-31"), "2025-06-01",
     [("warning", "mission period ended 2024-12-31; the last rules stay in force until the "
       "rules file gives the next period", D("2024-12-31"))]),
    ("valid_to in the past: the last rules stay in force for paperwork", "member-list-missing",
     state(member_lists=()), rules(valid_to="2024-12-31"), "2025-06-01",
     [("overdue", "no member list for 2025", D("2025-02-15"))]),
    ("valid_to in the past: and for protocols", "protocol-missing",
     state(meeting("2024-12-20")), rules(valid_to="2024-12-31"), "2025-06-01",
     [("overdue", "meeting 2024-12-20", D("2025-01-03"))]),
    ("valid_to within 60 days: the coordinator is told", "mission-ending",
     state(), rules(valid_to="2025-07-31"), "2025-06-01",
     [("info", "mission period ends 2025-07-31; the rules need the next period",
       D("2025-07-31"))]),
    ("valid_to on the day: still ending, not ended", "mission-ending",
     state(), rules(valid_to="2025-06-01"), "2025-06-01",
     [("info", "mission period ends 2025-06-01; the rules need the next period",
       D("2025-06-01"))]),
    ("valid_to 61 days ahead: not yet", "mission-ending",
     state(), rules(valid_to="2025-08-01"), "2025-06-01", []),
    ("valid_to in the past: a one-off still follows its date", "deliverable-overdue",
     state(), rules(valid_to="2025-05-31", **ONE_OFF), "2025-07-01", OVERDUE_ONE_OFF),
    ("valid_to is the last day in force", "mission-ended",
     state(), rules(valid_to="2025-06-01"), "2025-06-01", []),
    ("before valid_from: nothing applies", "member-list-missing",
     state(member_lists=()), rules(valid_from="2025-09-01"), "2025-06-01", []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "network", "obligations", "today", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_rule(
    rule: str, network: NetworkState, obligations: Obligations, today: str, expected: list[Row]
) -> None:
    assert rule in RULES
    assert rows(evaluate(network, obligations, D(today)), rule) == expected


def test_new_year_in_sweden_counts_for_the_new_year() -> None:
    # 2024-12-31 23:30 UTC is 00:30 on 1 January in Stockholm.
    network = state(member_lists=())
    network.member_lists = [datetime(2024, 12, 31, 23, 30, tzinfo=UTC)]
    status = evaluate(network, rules(), D("2025-02-16"))
    assert rows(status, "member-list-missing") == []
    network.member_lists = [datetime(2024, 12, 31, 22, 30, tzinfo=UTC)]  # 23:30 local
    status = evaluate(network, rules(), D("2025-02-16"))
    assert [r[0] for r in rows(status, "member-list-missing")] == ["overdue"]


def test_the_issue_example() -> None:
    """The `mailbot status --json` example of the issue, reproduced exactly."""
    network = state(meeting("2025-04-11"), meeting("2025-09-12"), meeting("2025-11-14"))
    status = evaluate(network, rules(meetings={"weekdays": ["fredag"]}), D("2025-06-01"))
    assert status.as_json() == {
        "network": "forskola",
        "year": 2025,
        "meetings_required": 4,
        "meetings_held": 1,
        "meetings_planned": 2,
        "meetings": [
            {"date": "2025-04-11", "phase": "past"},
            {"date": "2025-09-12", "phase": "planned"},
            {"date": "2025-11-14", "phase": "planned"},
        ],
        "findings": [
            {"rule": "protocol-missing", "severity": "overdue",
             "subject": "meeting 2025-04-11", "due": "2025-04-25"},
            {"rule": "meeting-count-behind", "severity": "warning",
             "subject": "1 of 4 meetings held, 2 planned", "due": None},
        ],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("today", "held", "planned"),
    [("2025-03-14", 1, 3), ("2025-03-15", 2, 2), ("2025-12-31", 4, 0), ("2026-01-01", 0, 0)],
)
def test_counts(today: str, held: int, planned: int) -> None:
    network = state(
        meeting("2025-02-14", "held", protocol="2025-02-20T10:00"),
        meeting("2025-03-14"),  # today it is still ahead; the day after, held (no protocol)
        meeting("2025-04-11", "cancelled"),
        meeting("2025-09-12"),
        meeting("2025-11-14"),
        meeting("2024-11-15", "held", protocol="2024-11-20T10:00"),
    )
    status = evaluate(network, rules(), D(today))
    assert (status.meetings_held, status.meetings_planned) == (held, planned)
    assert status.meetings_required == 4 and status.year == D(today).year


def test_finding_fields_and_keys() -> None:
    # Dates are known (announced meetings) although no plan mail is recorded.
    network = state(
        meeting("2025-03-13"), meeting("2025-04-18"), AUTUMN[0], member_lists=(), meeting_plans=()
    )
    obligations = rules(**FRIDAYS, **YEARLY)
    status = evaluate(network, obligations, D("2025-05-03"))
    by_key = {f.key: f for f in status.findings}
    assert set(by_key) == {
        "protocol-missing:forskola:2025-03-13",
        "protocol-missing:forskola:2025-04-18",
        "member-list-missing:forskola:2025",
        "deliverable-overdue:forskola:arbetsordning:2025-04-30",
        "meeting-weekday:forskola:2025-03-13",
        "meeting-weekday:forskola:2025-04-18",
        "meeting-count-behind:forskola:2025",
    }
    assert by_key["protocol-missing:forskola:2025-03-13"].meeting == D("2025-03-13")
    assert by_key["meeting-weekday:forskola:2025-04-18"].meeting == D("2025-04-18")
    assert by_key["meeting-weekday:forskola:2025-04-18"].due is None
    # Keys are stable across days: the same facts a week later give the same keys.
    later = evaluate(network, obligations, D("2025-05-10"))
    assert {f.key for f in later.findings} == set(by_key)


def test_order_severity_then_due() -> None:
    network = state(meeting("2025-03-14"), meeting("2025-02-14"), meeting("2025-04-17"),
                    meeting("2025-04-18"), member_lists=())  # fmt: skip
    obligations = rules(**FRIDAYS, **ONE_OFF)
    status = evaluate(network, obligations, D("2025-06-01"))
    severities = [f.severity for f in status.findings]
    assert severities == sorted(severities, key=engine.SEVERITY_RANK.__getitem__)
    overdue_dues = [f.due for f in status.findings if f.severity == "overdue"]
    assert overdue_dues == sorted(d for d in overdue_dues if d is not None)
    assert status.findings[0].subject == "no member list for 2025"
    assert status.findings[-1].rule == "deliverable-due-soon"


def _status(*severities: str) -> NetworkStatus:
    findings = [Finding(rule="x", severity=s, subject="s") for s in severities]  # type: ignore[arg-type]
    return NetworkStatus("n", 2025, 4, 0, 0, findings)


def test_worst_sorts_worst_first() -> None:
    clean = _status()
    infos = _status(*["info"] * 1500)
    warned = _status("warning", "info")
    two_warnings = _status("warning", "warning")
    overdue = _status("overdue")
    ranked = sorted([clean, infos, warned, overdue, two_warnings], key=worst)
    assert ranked == [overdue, two_warnings, warned, infos, clean]
    assert worst(clean) == 0


def test_holidays_for_2025() -> None:
    days = holidays_for(2025)
    assert days[D("2025-04-18")] == "Långfredagen"
    assert days[D("2025-06-20")] == "Midsommarafton"
    assert days[D("2025-06-21")] == "Midsommardagen"
    assert days[D("2025-12-24")] == "Julafton"
    assert days[D("2025-12-31")] == "Nyårsafton"
    assert days[D("2025-06-06")] == "Nationaldagen"
    assert D("2025-04-17") not in days  # skärtorsdagen: a half day
    assert D("2025-04-30") not in days  # valborgsmässoafton: a half day
    assert D("2025-03-16") not in days  # a plain Sunday
    assert len(days) == 16
    days.clear()  # a fresh dict each call: changing it changes nothing
    assert len(holidays_for(2025)) == 16
    assert holiday_on(D("2026-04-03")) == ("Good Friday", "Långfredagen")
    assert holiday_on(D("2026-04-02")) is None


def test_engine_reads_no_clock_and_does_no_io() -> None:
    """A static check backing the promise of purity: no clock, file, or environment."""
    tree = ast.parse(inspect.getsource(engine))
    forbidden_attrs = {"now", "today", "utcnow", "time", "monotonic", "environ", "getenv"}
    forbidden_names = {"open", "input", "print"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            assert node.attr not in forbidden_attrs, f"line {node.lineno}: .{node.attr}"
        if isinstance(node, ast.Name):
            assert node.id not in forbidden_names, f"line {node.lineno}: {node.id}"
        if isinstance(node, ast.ImportFrom | ast.Import):
            modules = [node.module] if isinstance(node, ast.ImportFrom) else []
            modules += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            assert not {"os", "time", "pathlib", "sys"} & set(modules)


# --- property: never raises, deterministic, consistent ------------------------------

_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
_month_days = st.builds(lambda m, d: f"{m:02d}-{d:02d}", st.integers(1, 12), st.integers(1, 31))
_moments = st.builds(
    datetime.combine, _days, st.times(),
    st.sampled_from([None, UTC]),
)  # fmt: skip
_words = st.sampled_from(["delrapport", "arbetsordning", "plan", "slutrapport", "ÅR", "a b"])


@st.composite
def _meetings(draw: st.DrawFn) -> MeetingRecord:
    received = draw(st.none() | _moments)
    return MeetingRecord(
        date=draw(_days),
        start=None,
        end=None,
        place=None,
        status=draw(st.sampled_from(["planned", "held", "cancelled"])),
        announced_at=draw(_moments),
        message_pk=draw(st.integers(1, 3)),
        protocol_message_pk=draw(st.none() | st.integers(1, 3)),
        protocol_received=received,
    )


@st.composite
def _states(draw: st.DrawFn) -> NetworkState:
    meetings = draw(st.lists(_meetings(), max_size=12))
    reports = draw(
        st.lists(
            st.builds(
                ReportRecord,
                received=_moments,
                message_pk=st.integers(1, 5),
                text=st.one_of(st.text(max_size=40), _words.map(lambda w: f"Re: {w} 2025")),
            ),
            max_size=5,
        )
    )
    return NetworkState(
        slug="net",
        meetings={m.date: m for m in meetings},
        reports=reports,
        member_lists=draw(st.lists(_moments, max_size=3)),
        meeting_plans=draw(st.lists(_moments, max_size=3)),
    )


@st.composite
def _obligations(draw: st.DrawFn) -> Obligations:
    deliverables = []
    for index in range(draw(st.integers(0, 3))):
        item: dict[str, Any] = {
            "key": f"d{index}",
            "name": f"Deliverable {index}",
            "matches": draw(st.lists(_words, min_size=1, max_size=3)),
            "remind_days_before": draw(st.integers(0, 365)),
        }
        if draw(st.booleans()):
            item["due"] = draw(_days)
        else:
            item["due_each_year"] = draw(_month_days)
        deliverables.append(item)
    weekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    return Obligations.model_validate(
        {
            "valid_from": draw(st.none() | _days),
            "valid_to": draw(st.none() | _days),
            "meetings": {
                "per_year": draw(st.integers(0, 52)),
                "weekdays": draw(st.lists(st.sampled_from(weekdays), max_size=3)),
                "avoid_holidays": draw(st.booleans()),
                "pace_months": draw(st.lists(st.integers(1, 12), min_size=1, max_size=12)),
            },
            "protocol": {"due_days": draw(st.integers(1, 90))},
            "deadlines": {"member_list": draw(_month_days), "meeting_dates": draw(_month_days)},
            "deliverables": deliverables,
        }
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(network=_states(), obligations=_obligations(), today=_days)
def test_evaluate_is_total_and_deterministic(
    network: NetworkState, obligations: Obligations, today: date
) -> None:
    first = evaluate(network, obligations, today)
    second = evaluate(network, obligations, today)
    assert first == second
    assert first.as_json() == second.as_json()

    live_this_year = [
        m
        for m in network.meetings.values()
        if m.date.year == today.year and m.status != "cancelled"
    ]
    assert first.meetings_held + first.meetings_planned == len(live_this_year)
    ranks = [(engine.SEVERITY_RANK[f.severity], f.due or date.max) for f in first.findings]
    assert ranks == sorted(ranks)
    assert len({f.key for f in first.findings}) == len(first.findings)
    for finding in first.findings:
        assert finding.rule in RULES and finding.key.startswith(f"{finding.rule}:net:")
        if finding.meeting is not None:
            assert finding.meeting.isoformat() in finding.subject
