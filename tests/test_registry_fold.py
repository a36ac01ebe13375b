"""The registry fold: order by sent time, idempotence, history, moves and cancels."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from typing import Any

from mailbot.registry.fold import Applied as _Applied
from mailbot.registry.fold import fold
from mailbot.verdict import Verdict


def Applied(pk: int, sent: datetime, result: dict[str, Any], text: str = "") -> _Applied:
    """An applied mail, from the understanding as `mailbot parse --json` writes it."""
    return _Applied(pk, sent, Verdict.from_dict(result), text)


def at(month: int, day: int) -> datetime:
    return datetime(2025, month, day, 9, 0, tzinfo=UTC)


def result(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "network": "forskola",
        "kinds": [],
        "members": [],
        "meetings": [],
        "protocol": None,
        "changes": [],
    }
    base.update(kw)
    return base


def member(name: str, role: str = "ledamot", email: str | None = None) -> dict[str, Any]:
    return {"name": name, "email": email, "municipality": "Vara", "role": role}


def meeting(day: str, start: str | None = "09:00", end: str | None = "12:00") -> dict[str, Any]:
    return {"date": day, "start": start, "end": end, "place": "Stadshuset, Vara"}


MOVE = {"action": "moved", "from": "2025-04-11", "to": "2025-04-25"}
YEAR = [
    Applied(1, at(1, 10), result(kinds=["member_list"], members=[
        member("Eva Ek", "ordforande", "eva.ek@vara.se"), member("Per Lund", "sekreterare"),
        member("Ola Berg"),
    ])),
    Applied(2, at(1, 20), result(kinds=["meeting_dates"], meetings=[
        meeting("2025-02-14"), meeting("2025-04-11"), meeting("2025-09-12"),
    ])),
    Applied(3, at(2, 20), result(kinds=["protocol"], meetings=[meeting("2025-02-14", None, None)],
                                 protocol={"meeting_date": "2025-02-14", "attendees": ["Eva Ek"]})),
    Applied(4, at(3, 30), result(kinds=["meeting_dates"], meetings=[meeting("2025-04-25")],
                                 changes=[MOVE])),
    Applied(5, at(8, 20), result(kinds=["meeting_dates"],
                                 changes=[{"action": "cancelled", "date": "2025-09-12"}])),
    Applied(6, at(9, 1), result(kinds=["member_list"], members=[member("Kim Sand")],
                                member_changes={"joining": ["Kim Sand"], "leaving": ["Ola Berg"]})),
    Applied(7, at(10, 1), result(network="grundskola", kinds=["meeting_dates"],
                                 meetings=[meeting("2025-10-10")])),
]  # fmt: skip


def test_a_year_folds_into_members_meetings_and_history() -> None:
    state = fold("forskola", YEAR)
    assert {(m.name, m.role) for m in state.current_members()} == {
        ("Eva Ek", "ordforande"), ("Per Lund", "sekreterare"), ("Kim Sand", "ledamot"),
    }  # fmt: skip
    gone = [m for m in state.members if m.name == "Ola Berg"]
    assert gone and gone[0].until == at(9, 1) and gone[0].message_pk == 1
    assert sorted(state.meetings) == [date(2025, 2, 14), date(2025, 4, 25), date(2025, 9, 12)]
    held = state.meetings[date(2025, 2, 14)]
    assert held.status == "held" and held.protocol_message_pk == 3 and held.attendees == ["Eva Ek"]
    moved = state.meetings[date(2025, 4, 25)]
    assert moved.moved_from == date(2025, 4, 11) and moved.status == "planned"
    assert moved.start is not None and moved.announced_at == at(1, 20)
    assert state.meetings[date(2025, 9, 12)].status == "cancelled"
    assert state.member_lists == [at(1, 10)]  # the partial update is not a new list
    assert len(state.meeting_plans) == 2  # the plan and the move announce dates
    assert date(2025, 10, 10) not in state.meetings  # another network's mail


def test_order_of_arrival_does_not_matter_and_reapplying_changes_nothing() -> None:
    reference = fold("forskola", YEAR)
    shuffled = list(YEAR)
    random.Random(7).shuffle(shuffled)
    assert fold("forskola", shuffled) == reference
    assert fold("forskola", YEAR + YEAR[:3]) == fold("forskola", YEAR + YEAR[:3])
    doubled = fold("forskola", [*YEAR, *YEAR])
    assert sorted(doubled.meetings) == sorted(reference.meetings)
    assert {m.name for m in doubled.current_members()} == {
        m.name for m in reference.current_members()
    }


def test_as_known_on_a_day_is_the_fold_of_what_was_sent_by_then() -> None:
    march = fold("forskola", [a for a in YEAR if a.sent_at <= at(3, 1)])
    assert date(2025, 4, 11) in march.meetings and date(2025, 4, 25) not in march.meetings
    assert "Ola Berg" in {m.name for m in march.current_members()}


def test_a_new_full_list_replaces_the_membership() -> None:
    later = Applied(8, at(11, 1), result(kinds=["member_list"], members=[member("Ny Person")]))
    state = fold("forskola", [*YEAR, later])
    assert [m.name for m in state.current_members()] == ["Ny Person"]
    assert len(state.member_lists) == 2


# -- a meeting held on another day than planned (issue 10) -------------------------------

PLAN = Applied(
    1,
    at(1, 20),
    result(
        kinds=["meeting_dates"],
        meetings=[meeting("2025-02-14"), meeting("2025-04-18"), meeting("2025-06-13")],
    ),
)


def protocol_of(pk: int, day: str, sent: datetime) -> Applied:
    return Applied(
        pk,
        sent,
        result(
            kinds=["protocol"],
            meetings=[meeting(day, None, None)],
            protocol={"meeting_date": day, "attendees": ["Eva Ek"]},
        ),
    )


def test_a_protocol_a_week_after_a_planned_holiday_records_that_meeting_held() -> None:
    # Planned for Långfredagen 18 April; the protocol says 25 April; no correction mail.
    state = fold("forskola", [PLAN, protocol_of(2, "2025-04-25", at(4, 28))])
    assert sorted(state.meetings) == [date(2025, 2, 14), date(2025, 4, 25), date(2025, 6, 13)]
    held = state.meetings[date(2025, 4, 25)]
    assert (held.status, held.moved_from, held.protocol_message_pk) == (
        "held",
        date(2025, 4, 18),
        2,
    )
    assert held.start is not None  # the plan's details move with it


def test_the_window_is_a_rule_and_an_exact_date_wins() -> None:
    late = [PLAN, protocol_of(2, "2025-05-12", at(5, 13))]  # 24 days after 18 April
    assert date(2025, 4, 18) in fold("forskola", late).meetings  # outside 21 days: new
    assert date(2025, 4, 18) not in fold("forskola", late, window=30).meetings
    exact = fold("forskola", [PLAN, protocol_of(2, "2025-04-18", at(4, 22))])
    assert exact.meetings[date(2025, 4, 18)].moved_from is None


def test_two_candidates_are_not_guessed_in_the_fold() -> None:
    # 2 May lies within 21 days of both 18 April and 16 May: the fold does not move
    # either (the register stage sends such a protocol to review; applied anyway by a
    # person, it is a meeting of its own).
    plan = Applied(
        1,
        at(1, 20),
        result(kinds=["meeting_dates"], meetings=[meeting("2025-04-18"), meeting("2025-05-16")]),
    )
    state = fold("forskola", [plan, protocol_of(2, "2025-05-02", at(5, 5))])
    assert {d: m.status for d, m in state.meetings.items()} == {
        date(2025, 4, 18): "planned",
        date(2025, 5, 2): "held",
        date(2025, 5, 16): "planned",
    }


def test_first_names_resolve_to_the_one_member_who_has_it() -> None:
    mails = [
        Applied(1, at(1, 10), result(kinds=["member_list"], members=[
            member("Eva Ek", "ordforande"), member("Per Lund"), member("Per Holm"),
            member("Ola Berg"),
        ])),
        Applied(2, at(2, 20), result(kinds=["protocol"], meetings=[meeting("2025-02-14")],
                                     protocol={"meeting_date": "2025-02-14",
                                               "attendees": ["Eva", "Per", "Ola", "Siv"]})),
    ]  # fmt: skip
    state = fold("forskola", mails)
    # Eva and Ola are one member each; two members are called Per; nobody is called Siv.
    assert state.meetings[date(2025, 2, 14)].attendees == ["Eva Ek", "Per", "Ola Berg", "Siv"]
