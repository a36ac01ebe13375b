"""The planner (`mailbot.outbox.planner.plan`): what mailbot sends on which day, to whom.

Registry states are built by hand from the dataclasses; findings come from the real
rules engine (`registry.engine.evaluate`), so the planner sees what it sees in
production. Day-by-day behaviour is simulated as the outbox does it: each day's plan
is filtered on keys already stored, and the new notices become the History of the
following days (`run_days`). Every notice planned here is also rendered with the real
templates (StrictUndefined), so a context key the templates need cannot go missing.

The people and addresses are invented; the municipalities are real Skaraborg ones.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from mailbot.obligations import Obligations
from mailbot.outbox.planner import (
    History,
    MailSeen,
    NetworkView,
    Notice,
    Past,
    Person,
    PlanSettings,
    plan,
    root_of,
)
from mailbot.outbox.render import Rendered, Renderer
from mailbot.outbox.samples import sample_digest
from mailbot.registry.engine import evaluate
from mailbot.registry.state import MeetingRecord, MemberRecord, NetworkState, ReportRecord
from mailbot.rules import Network
from mailbot.verdict import Verdict

D = date.fromisoformat
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

MAILBOX = "utbildning@skaraborg.se"
BOT = "mailbot@skaraborg.se"
COORDINATOR = "orjan.aberg@skaraborg.se"
COORDINATOR_2 = "karin.samordnare@skaraborg.se"
CHAIR = "asa.odman@skovde.se"
SECRETARY = "bengt.berg@skara.se"
PRESIDIUM = "cecilia.dahl@falkoping.se"
PRESIDIUM_2 = "david.ek@mariestad.se"
MEMBER = "eva.lind@hjo.se"
DIRECTOR = "skolchef@skovde.se"

SETTINGS = PlanSettings(
    mailbox=MAILBOX,
    coordinators=(COORDINATOR,),
    coordinator_name="Örjan Åberg",
    own_addresses=(BOT, MAILBOX),
)
TWO_COORDINATORS = PlanSettings(
    mailbox=MAILBOX,
    coordinators=(COORDINATOR, COORDINATOR_2),
    coordinator_name="Örjan Åberg",
    own_addresses=(BOT, MAILBOX),
)

LIST_SENT = datetime(2025, 1, 10, 9, 0)
PLACE = "Stadshuset i Skövde, sal Ödegården"
MEETING_KINDS = {"meeting-reminder", "meeting-moved", "meeting-cancelled"}
SWEDISH = re.compile(r"[åäöÅÄÖ]")


# -- building inputs -------------------------------------------------------------------


def member(
    name: str,
    email: str | None,
    role: str,
    *,
    since: datetime = LIST_SENT,
    until: datetime | None = None,
) -> MemberRecord:
    return MemberRecord(
        name=name,
        email=email,
        municipality=None,
        role=role,
        since=since,
        until=until,
        message_pk=1,
    )


def people(
    *,
    chair: str | None = CHAIR,
    secretary: str | None = SECRETARY,
    presidium: bool = True,
    since: datetime = LIST_SENT,
) -> list[MemberRecord]:
    """The member list: chair Åsa Ödman, secretary Bengt Berg, two of the presidium and
    one member. An address None means the list names the person without an address."""
    found = [
        member("Åsa Ödman", chair, "ordforande", since=since),
        member("Bengt Berg", secretary, "sekreterare", since=since),
        member("Eva Lind", MEMBER, "ledamot", since=since),
    ]
    if presidium:
        found += [
            member("Cecilia Dahl", PRESIDIUM, "presidium", since=since),
            member("David Ek", PRESIDIUM_2, "presidium", since=since),
        ]
    return found


def meeting(
    day: str,
    status: str = "planned",
    *,
    moved_from: str | None = None,
    start: time | None = time(9, 0),
    end: time | None = time(12, 0),
    place: str | None = PLACE,
    protocol: datetime | None = None,
) -> MeetingRecord:
    return MeetingRecord(
        date=D(day),
        start=start,
        end=end,
        place=place,
        status=status,  # type: ignore[arg-type]
        announced_at=LIST_SENT,
        message_pk=2,
        moved_from=D(moved_from) if moved_from else None,
        # As fold._move keeps it: the start the meeting had on its old date.
        moved_from_start=time(9, 0) if moved_from else None,
        protocol_message_pk=3 if protocol else None,
        protocol_received=protocol,
    )


def state(
    *meetings: MeetingRecord,
    members: list[MemberRecord] | None = None,
    member_lists: Sequence[datetime] = (LIST_SENT,),
    meeting_plans: Sequence[datetime] = (LIST_SENT,),
    slug: str = "forskola",
) -> NetworkState:
    """By default a network that sent its member list and its dates on time in 2025."""
    return NetworkState(
        slug=slug,
        members=people() if members is None else members,
        meetings={m.date: m for m in meetings},
        member_lists=list(member_lists),
        meeting_plans=list(meeting_plans),
    )


def network(slug: str = "forskola", name: str = "Förskola", **obligations: Any) -> Network:
    return Network(
        slug=slug,
        name=name,
        aliases=(name.lower(),),
        exact_aliases=(),
        sub_networks=(),
        path=Path(f"rules/{slug}.toml"),
        obligations=Obligations.model_validate(obligations),
    )


FORSKOLA = network()


def view(st: NetworkState, today: date, net: Network = FORSKOLA) -> NetworkView:
    """The network as known on `today`, with the real engine's findings."""
    return NetworkView(net, st, evaluate(st, net.obligations, today))


def as_known(
    versions: dict[str, list[MeetingRecord]],
    net: Network = FORSKOLA,
    **state_args: Any,
) -> Callable[[date], list[NetworkView]]:
    """`views_on` for a network whose meetings change over time: `versions` maps the
    day a version became known (the day its mail was sent) to the meetings known then."""
    ordered = sorted((D(day), meetings) for day, meetings in versions.items())

    def views_on(day: date) -> list[NetworkView]:
        meetings: list[MeetingRecord] = []
        for since, known in ordered:
            if since <= day:
                meetings = known
        return [view(state(*meetings, **state_args), day, net)]

    return views_on


def mail(
    pk: int = 101,
    *,
    sender: str = CHAIR,
    sender_name: str | None = "Åsa Ödman",
    subject: str = "Medlemsförteckning och mötesdatum för förskolenätverket 2025",
    sent: str = "2025-03-14",
    status: str = "applied",
    **result: Any,
) -> MailSeen:
    understood: dict[str, Any] = {
        "network": "forskola",
        "kinds": [],
        "members": [],
        "meetings": [],
        "protocol": None,
        "reasons": [],
        "changes": [],
    }
    understood |= result
    return MailSeen(
        message_pk=pk,
        sender=sender,
        sender_name=sender_name,
        subject=subject,
        sent_day=D(sent),
        state=status,
        verdict=Verdict.from_dict(understood),
        message_id=f"<m{pk}@skovde.se>",
    )


# -- running days ------------------------------------------------------------------------


@functools.cache
def renderer() -> Renderer:
    return Renderer(TEMPLATES)


def render(notice: Notice) -> Rendered:
    """As the outbox renders a notice (store.Outbox._row)."""
    return renderer().render(notice.kind, {**notice.context, "redirect_reason": notice.redirected})


@dataclass
class FakeOutbox:
    """What the planner needs of the outbox: keys it has, and rows as History."""

    rows: list[Past] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    added: list[tuple[date, Notice]] = field(default_factory=list)

    def history(self) -> History:
        return History(list(self.rows))

    def add(self, notices: Iterable[Notice], day: date) -> list[Notice]:
        new = []
        for notice in notices:
            if notice.key in self.keys:
                continue
            self.keys.add(notice.key)
            self.rows.append(
                Past(notice.topic, notice.round, notice.kind, notice.network, notice.about, day)
            )
            self.added.append((day, notice))
            new.append(notice)
        return new

    def plan(
        self,
        views: Sequence[NetworkView],
        day: date,
        *,
        mails: Sequence[MailSeen] = (),
        settings: PlanSettings = SETTINGS,
        digest: dict[str, Any] | None = None,
    ) -> list[Notice]:
        """Plan `day` and store what is new, rendering each new notice."""
        new = self.add(plan(views, mails, self.history(), day, settings, digest), day)
        for notice in new:
            render(notice)
        return new

    def of(self, kind: str) -> list[tuple[date, Notice]]:
        return [(day, n) for day, n in self.added if n.kind == kind]

    def days(self, kind: str) -> list[date]:
        return [day for day, _ in self.of(kind)]


def run_days(
    start: str,
    end: str,
    views_on: Callable[[date], list[NetworkView]],
    *,
    outbox: FakeOutbox | None = None,
    mails_on: Callable[[date], list[MailSeen]] | None = None,
    digest_on: Callable[[date], dict[str, Any] | None] | None = None,
    settings: PlanSettings = SETTINGS,
    skip: Callable[[date], bool] = lambda day: False,
) -> FakeOutbox:
    """Plan every day from `start` to `end` (both included) but the skipped ones
    (downtime), feeding each day's new notices back as History."""
    outbox = outbox or FakeOutbox()
    day, last = D(start), D(end)
    while day <= last:
        if not skip(day):
            outbox.plan(
                views_on(day),
                day,
                mails=mails_on(day) if mails_on else (),
                settings=settings,
                digest=digest_on(day) if digest_on else None,
            )
        day += timedelta(days=1)
    return outbox


def kinds(notices: Iterable[Notice], *wanted: str) -> list[Notice]:
    return [n for n in notices if n.kind in wanted]


def one_meeting(day: str = "2025-03-14", **kw: Any) -> Callable[[date], list[NetworkView]]:
    return as_known({"2025-01-10": [meeting(day)]}, **kw)


# -- meeting-reminder --------------------------------------------------------------------


def test_reminder_not_before_date_minus_n_and_exactly_on_it() -> None:
    views_on = one_meeting()
    day_before_window, first_day = D("2025-03-03"), D("2025-03-04")
    early = plan(views_on(day_before_window), [], History([]), day_before_window, SETTINGS)
    assert kinds(early, *MEETING_KINDS) == []
    planned = kinds(plan(views_on(first_day), [], History([]), first_day, SETTINGS), *MEETING_KINDS)
    assert len(planned) == 1
    notice = planned[0]
    assert notice.kind == "meeting-reminder"
    assert notice.to.address == CHAIR
    assert notice.to.name == "Åsa Ödman"
    assert notice.topic == "meeting-reminder:forskola:2025-03-14@2025-03-14"
    assert notice.round == 1
    assert notice.key == f"meeting-reminder:forskola:2025-03-14@2025-03-14#1:{CHAIR}"
    assert notice.about == D("2025-03-14")
    assert notice.redirected is None
    assert notice.cc == ()
    assert notice.context["meeting_date"] == D("2025-03-14")
    assert notice.context["meeting_start"] == time(9, 0)
    assert notice.context["meeting_end"] == time(12, 0)
    assert notice.context["meeting_place"] == PLACE
    assert notice.context["recipient_name"] == "Åsa Ödman"
    invite = notice.invite
    assert invite is not None
    assert (invite.method, invite.root, invite.day, invite.sequence) == (
        "REQUEST",
        D("2025-03-14"),
        D("2025-03-14"),
        0,
    )
    assert invite.summary == "Nätverksträff Förskola"


@pytest.mark.parametrize("days_before", [1, 3, 10, 21])
def test_reminder_window_follows_remind_chair_days_before(days_before: int) -> None:
    net = network(meetings={"remind_chair_days_before": days_before})
    outbox = run_days("2025-02-01", "2025-03-31", one_meeting(net=net))
    assert outbox.days("meeting-reminder") == [D("2025-03-14") - timedelta(days=days_before)]


def test_reminder_once_over_the_whole_window() -> None:
    outbox = run_days("2025-01-01", "2025-04-30", one_meeting())
    assert [(day, n.to.address) for day, n in outbox.of("meeting-reminder")] == [
        (D("2025-03-04"), CHAIR)
    ]
    assert outbox.of("meeting-moved") == outbox.of("meeting-cancelled") == []


def test_planning_twice_a_day_adds_nothing_twice() -> None:
    views_on = one_meeting()
    outbox = FakeOutbox()
    first = outbox.plan(views_on(D("2025-03-04")), D("2025-03-04"))
    again = outbox.plan(views_on(D("2025-03-04")), D("2025-03-04"))
    assert kinds(first, "meeting-reminder")
    assert again == []


def test_meeting_announced_three_days_ahead_gets_its_reminder_that_day() -> None:
    views_on = as_known({"2025-03-11": [meeting("2025-03-14")]})
    outbox = run_days("2025-03-01", "2025-03-31", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-11")]


def test_meeting_announced_the_day_before_gets_its_reminder() -> None:
    views_on = as_known({"2025-03-13": [meeting("2025-03-14")]})
    outbox = run_days("2025-03-01", "2025-03-31", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-13")]


def test_no_reminder_on_or_after_the_meeting_day() -> None:
    views_on = as_known({"2025-03-14": [meeting("2025-03-14")]})
    outbox = run_days("2025-03-01", "2025-04-30", views_on)
    assert outbox.of("meeting-reminder") == []
    # Known long before, but mailbot only starts on the meeting day: too late.
    outbox = run_days("2025-03-14", "2025-04-30", one_meeting())
    assert outbox.of("meeting-reminder") == []


def test_reminder_after_downtime_is_planned_once() -> None:
    down = {D("2025-03-02") + timedelta(days=i) for i in range(10)}  # 2-11 March
    outbox = run_days("2025-03-01", "2025-03-31", one_meeting(), skip=down.__contains__)
    assert outbox.days("meeting-reminder") == [D("2025-03-12")]


def test_no_reminder_for_a_cancelled_or_held_meeting_ahead() -> None:
    views_on = as_known(
        {"2025-01-10": [meeting("2025-03-14", "cancelled"), meeting("2025-03-21", "held")]}
    )
    outbox = run_days("2025-03-01", "2025-03-31", views_on)
    assert [n for _, n in outbox.added if n.kind in MEETING_KINDS] == []


def test_each_meeting_gets_its_own_reminder() -> None:
    views_on = as_known({"2025-01-10": [meeting("2025-03-14"), meeting("2025-05-16")]})
    outbox = run_days("2025-03-01", "2025-05-31", views_on)
    assert [(day, n.about) for day, n in outbox.of("meeting-reminder")] == [
        (D("2025-03-04"), D("2025-03-14")),
        (D("2025-05-06"), D("2025-05-16")),
    ]


@pytest.mark.parametrize("listed", [True, False], ids=["list-without-chair", "no-list"])
def test_reminder_redirected_to_the_coordinators_when_no_chair_has_an_address(
    listed: bool,
) -> None:
    members = people(chair=None) if listed else []
    views_on = one_meeting(members=members, member_lists=(LIST_SENT,) if listed else ())
    outbox = run_days("2025-02-01", "2025-03-31", views_on, settings=TWO_COORDINATORS)
    reminders = outbox.of("meeting-reminder")
    assert [(day, n.to.address) for day, n in reminders] == [
        (D("2025-03-04"), COORDINATOR),
        (D("2025-03-04"), COORDINATOR_2),
    ]
    for _, notice in reminders:
        assert notice.to.name == "Örjan Åberg"
        reason = notice.redirected
        assert reason is not None
        assert "Förskola" in reason
        assert "ordförande" in reason
        assert "Därför får du det här mejlet i stället." in reason
        if listed:
            assert "senaste medlemsförteckning anger ingen ordförande" in reason
        else:
            assert reason.startswith("Vi har ingen medlemsförteckning för nätverket Förskola")
        assert reason in render(notice).text
        assert reason in render(notice).html


def test_secretary_is_not_the_chair_for_a_meeting_reminder() -> None:
    views_on = one_meeting(members=[member("Bengt Berg", SECRETARY, "sekreterare")])
    outbox = run_days("2025-03-01", "2025-03-31", views_on)
    assert [n.to.address for _, n in outbox.of("meeting-reminder")] == [COORDINATOR]


def test_a_former_chair_is_not_reminded() -> None:
    old = member("Gustav Holm", "gustav.holm@tibro.se", "ordforande", since=datetime(2024, 1, 9))
    old.until = LIST_SENT
    views_on = one_meeting(members=[old, *people()])
    outbox = run_days("2025-03-01", "2025-03-31", views_on)
    assert [n.to.address for _, n in outbox.of("meeting-reminder")] == [CHAIR]


def test_pinned_chair_in_the_rules_wins_over_the_registry() -> None:
    pinned = "ordforande.forskola@skovde.se"
    net = network(contacts={"chair": pinned})
    outbox = run_days("2025-03-01", "2025-03-31", one_meeting(net=net))
    assert [(n.to.address, n.to.name) for _, n in outbox.of("meeting-reminder")] == [(pinned, None)]


def test_pinned_chair_takes_the_registry_name_when_the_address_is_known() -> None:
    net = network(contacts={"chair": "Bengt.Berg@Skara.se"})
    outbox = run_days("2025-03-01", "2025-03-31", one_meeting(net=net))
    assert [(n.to.address, n.to.name) for _, n in outbox.of("meeting-reminder")] == [
        ("Bengt.Berg@Skara.se", "Bengt Berg")
    ]


# -- meeting-moved -----------------------------------------------------------------------


def test_meeting_moved_after_its_reminder_gets_one_moved_notice() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-07": [meeting("2025-03-21", moved_from="2025-03-14", end=time(11, 30))],
        }
    )
    outbox = run_days("2025-02-01", "2025-04-30", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-04")]
    assert outbox.of("meeting-cancelled") == []
    moved = outbox.of("meeting-moved")
    assert [day for day, _ in moved] == [D("2025-03-07")]
    notice = moved[0][1]
    assert notice.to.address == CHAIR
    assert notice.topic == "meeting-moved:forskola:2025-03-21@2025-03-14"
    assert notice.about == D("2025-03-21")
    assert notice.context["previous_date"] == D("2025-03-14")
    assert notice.context["meeting_date"] == D("2025-03-21")
    assert notice.context["meeting_end"] == time(11, 30)
    invite = notice.invite
    assert invite is not None
    assert invite.method == "REQUEST"
    assert invite.root == D("2025-03-14")  # the UID's anchor stays
    assert invite.day == D("2025-03-21")
    assert invite.sequence > 0
    assert root_of(notice.topic) == invite.root
    text = render(notice).text
    assert "planerad till fredag 14 mars 2025 kl. 9.00 är flyttad" in text
    assert "Ny tid:  fredag 21 mars 2025 kl. 9.00–11.30" in text


def test_moved_notice_does_not_claim_the_new_start_as_the_old_one() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-07": [
                meeting("2025-03-21", moved_from="2025-03-14", start=time(13), end=time(15))
            ],
        }
    )
    outbox = run_days("2025-03-01", "2025-03-31", views_on)
    ((_, notice),) = outbox.of("meeting-moved")
    assert notice.context["previous_start"] in (None, time(9))
    assert "planerad till fredag 14 mars 2025 kl. 13.00" not in render(notice).text


def test_meeting_moved_before_its_reminder_gets_only_a_normal_reminder() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-02-20": [meeting("2025-03-21", moved_from="2025-03-14")],
        }
    )
    outbox = run_days("2025-02-01", "2025-04-30", views_on)
    assert outbox.of("meeting-moved") == []
    reminders = outbox.of("meeting-reminder")
    assert [(day, n.about) for day, n in reminders] == [(D("2025-03-11"), D("2025-03-21"))]
    notice = reminders[0][1]
    assert notice.topic == "meeting-reminder:forskola:2025-03-21@2025-03-21"
    assert notice.invite is not None and notice.invite.sequence == 0


def test_meeting_moved_far_ahead_after_its_reminder_never_gets_a_second_reminder() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-10": [meeting("2025-05-16", moved_from="2025-03-14")],
        }
    )
    outbox = run_days("2025-02-01", "2025-06-30", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-04")]
    assert [(day, n.about) for day, n in outbox.of("meeting-moved")] == [
        (D("2025-03-10"), D("2025-05-16"))
    ]


def test_meeting_moved_twice_gets_two_moved_notices_with_the_same_uid() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-06": [meeting("2025-03-21", moved_from="2025-03-14")],
            "2025-03-12": [meeting("2025-03-28", moved_from="2025-03-21")],
        }
    )
    outbox = run_days("2025-02-01", "2025-04-30", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-04")]
    moved = outbox.of("meeting-moved")
    assert [(day, n.about, n.context["previous_date"]) for day, n in moved] == [
        (D("2025-03-06"), D("2025-03-21"), D("2025-03-14")),
        (D("2025-03-12"), D("2025-03-28"), D("2025-03-21")),
    ]
    reminder = outbox.of("meeting-reminder")[0][1]
    invites = [reminder.invite] + [n.invite for _, n in moved]
    assert all(i is not None for i in invites)
    assert {i.root for i in invites if i} == {D("2025-03-14")}
    sequences = [i.sequence for i in invites if i]
    assert sequences == sorted(set(sequences)), sequences  # strictly increasing
    assert [n.topic for _, n in moved] == [
        "meeting-moved:forskola:2025-03-21@2025-03-14",
        "meeting-moved:forskola:2025-03-28@2025-03-14",
    ]


def test_meeting_moved_to_today_or_the_past_gets_nothing() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-07": [meeting("2025-03-07", moved_from="2025-03-14")],
        }
    )
    outbox = run_days("2025-02-01", "2025-03-31", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-04")]
    assert outbox.of("meeting-moved") == outbox.of("meeting-cancelled") == []


def test_meeting_moved_back_to_its_first_date_gets_a_moved_notice() -> None:
    # fold._move: A -> B pops A; B -> A pops B and puts the record at A, moved_from B.
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-06": [meeting("2025-03-21", moved_from="2025-03-14")],
            "2025-03-10": [meeting("2025-03-14", moved_from="2025-03-21")],
        }
    )
    outbox = run_days("2025-02-01", "2025-03-31", views_on)
    moved = outbox.of("meeting-moved")
    assert [(day, n.about, n.context["previous_date"]) for day, n in moved] == [
        (D("2025-03-06"), D("2025-03-21"), D("2025-03-14")),
        (D("2025-03-10"), D("2025-03-14"), D("2025-03-21")),
    ]


@pytest.mark.parametrize(
    "later",
    [
        meeting("2025-03-21", "cancelled", moved_from="2025-03-14"),
        meeting("2025-03-28", moved_from="2025-03-21"),
    ],
    ids=["moved-then-cancelled", "moved-twice"],
)
def test_invite_sequence_increases_for_updates_planned_the_same_day(
    later: MeetingRecord,
) -> None:
    outbox = FakeOutbox()
    outbox.plan([view(state(meeting("2025-03-14")), D("2025-03-04"))], D("2025-03-04"))
    day = D("2025-03-07")
    first = outbox.plan([view(state(meeting("2025-03-21", moved_from="2025-03-14")), day)], day)
    second = outbox.plan([view(state(later), day)], day)  # a later tick, the same day
    (moved,) = kinds(first, "meeting-moved")
    (update,) = kinds(second, *MEETING_KINDS)
    assert moved.invite is not None and update.invite is not None
    assert update.invite.root == moved.invite.root == D("2025-03-14")
    assert update.invite.sequence > moved.invite.sequence


# -- meeting-cancelled -------------------------------------------------------------------


def test_cancelled_after_its_reminder_gets_one_cancellation_with_an_ics_cancel() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14"), meeting("2025-05-16")],
            "2025-03-10": [meeting("2025-03-14", "cancelled"), meeting("2025-05-16")],
        }
    )
    outbox = run_days("2025-02-01", "2025-03-31", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-04")]
    assert outbox.of("meeting-moved") == []
    cancelled = outbox.of("meeting-cancelled")
    assert [(day, n.to.address) for day, n in cancelled] == [(D("2025-03-10"), CHAIR)]
    notice = cancelled[0][1]
    assert notice.topic == "meeting-cancelled:forskola:2025-03-14@2025-03-14"
    assert notice.about == D("2025-03-14")
    assert notice.context["year"] == 2025
    assert notice.context["meetings_required"] == 4
    assert notice.context["meetings_planned"] == 1  # 16 May
    assert notice.context["mailbox"] == MAILBOX
    invite = notice.invite
    assert invite is not None
    assert (invite.method, invite.root, invite.day) == ("CANCEL", D("2025-03-14"), D("2025-03-14"))
    assert invite.sequence > 0


def test_cancelled_after_a_move_keeps_the_first_date_as_uid_anchor() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-06": [meeting("2025-03-21", moved_from="2025-03-14")],
            "2025-03-12": [meeting("2025-03-21", "cancelled", moved_from="2025-03-14")],
        }
    )
    outbox = run_days("2025-02-01", "2025-03-31", views_on)
    ((_, moved),) = outbox.of("meeting-moved")
    cancelled = outbox.of("meeting-cancelled")
    assert [(day, n.about) for day, n in cancelled] == [(D("2025-03-12"), D("2025-03-21"))]
    cancel = cancelled[0][1]
    assert cancel.topic == "meeting-cancelled:forskola:2025-03-21@2025-03-14"
    assert cancel.invite is not None and moved.invite is not None
    assert cancel.invite.root == D("2025-03-14")
    assert cancel.invite.sequence > moved.invite.sequence


def test_cancelled_before_any_reminder_gets_nothing() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-02-20": [meeting("2025-03-14", "cancelled")],
        }
    )
    outbox = run_days("2025-02-01", "2025-04-30", views_on)
    assert [n for _, n in outbox.added if n.kind in MEETING_KINDS] == []


def test_cancelled_on_the_meeting_day_still_gets_a_cancellation() -> None:
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-14": [meeting("2025-03-14", "cancelled")],
        }
    )
    outbox = run_days("2025-02-01", "2025-03-31", views_on)
    assert outbox.days("meeting-cancelled") == [D("2025-03-14")]


def test_past_meetings_get_nothing() -> None:
    # The cancellation of a reminded meeting becomes known only after its day.
    views_on = as_known(
        {
            "2025-01-10": [meeting("2025-03-14")],
            "2025-03-17": [meeting("2025-03-14", "cancelled")],
        }
    )
    outbox = run_days("2025-03-01", "2025-04-30", views_on)
    assert outbox.days("meeting-reminder") == [D("2025-03-04")]
    assert outbox.of("meeting-cancelled") == []
    # Past meetings of every status, seen fresh: no meeting notice at all.
    past = [
        meeting("2025-01-17"),
        meeting("2025-02-14", "held", protocol=datetime(2025, 2, 20, 10)),
        meeting("2025-02-21", "cancelled"),
        meeting("2025-02-28", moved_from="2025-02-07"),
    ]
    history = History(
        [
            Past(
                f"meeting-reminder:forskola:{d}@{d}",
                1,
                "meeting-reminder",
                "forskola",
                D(d),
                D(d) - timedelta(days=10),
            )
            for d in ("2025-01-17", "2025-02-14", "2025-02-21", "2025-02-07")
        ]
    )
    today = D("2025-03-03")
    notices = plan([view(state(*past), today)], [], history, today, SETTINGS)
    assert kinds(notices, *MEETING_KINDS) == []


# -- protocol-reminder -------------------------------------------------------------------


def protocol_views(
    arrived: str | None = None, net: Network = FORSKOLA, **state_args: Any
) -> Callable[[date], list[NetworkView]]:
    versions = {"2025-01-10": [meeting("2025-03-14")]}
    if arrived:
        at = datetime.fromisoformat(arrived + "T10:00")
        versions[arrived] = [meeting("2025-03-14", "held", protocol=at)]
    return as_known(versions, net=net, **state_args)


def test_protocol_reminder_weekly_from_the_day_after_the_due_date_up_to_max_rounds() -> None:
    outbox = run_days("2025-03-01", "2025-06-30", protocol_views())
    reminders = outbox.of("protocol-reminder")
    assert [(day, n.round, n.to.address) for day, n in reminders] == [
        (D("2025-03-29"), 1, SECRETARY),
        (D("2025-04-05"), 2, SECRETARY),
        (D("2025-04-12"), 3, SECRETARY),
        (D("2025-04-19"), 4, SECRETARY),
    ]
    notice = reminders[0][1]
    assert notice.topic == "protocol-reminder:forskola:2025-03-14"
    assert notice.about == D("2025-03-14")
    assert notice.redirected is None
    assert notice.context["due_date"] == D("2025-03-28")  # meeting + due_days 14
    assert notice.context["meeting_date"] == D("2025-03-14")
    assert notice.context["meeting_place"] == PLACE
    assert notice.context["writer"] == "sekreterare"
    assert notice.context["recipient_name"] == "Bengt Berg"
    assert notice.context["mailbox"] == MAILBOX


def test_protocol_reminder_follows_due_days_and_max_rounds() -> None:
    net = network(protocol={"due_days": 7})
    settings = PlanSettings(mailbox=MAILBOX, coordinators=(COORDINATOR,), max_rounds=2)
    outbox = run_days("2025-03-01", "2025-06-30", protocol_views(net=net), settings=settings)
    assert outbox.days("protocol-reminder") == [D("2025-03-22"), D("2025-03-29")]


def test_protocol_reminder_stops_as_soon_as_the_protocol_arrives() -> None:
    outbox = run_days("2025-03-01", "2025-06-30", protocol_views(arrived="2025-04-08"))
    assert outbox.days("protocol-reminder") == [D("2025-03-29"), D("2025-04-05")]


def test_protocol_arriving_on_time_means_no_reminder() -> None:
    outbox = run_days("2025-03-01", "2025-06-30", protocol_views(arrived="2025-03-28"))
    assert outbox.of("protocol-reminder") == []


def test_protocol_reminder_after_downtime_is_one_notice_not_one_per_missed_week() -> None:
    def down(day: date) -> bool:
        return D("2025-03-30") <= day <= D("2025-04-20")

    outbox = run_days("2025-03-01", "2025-06-30", protocol_views(), skip=down)
    assert [(day, n.round) for day, n in outbox.of("protocol-reminder")] == [
        (D("2025-03-29"), 1),
        (D("2025-04-21"), 2),
        (D("2025-04-28"), 3),
        (D("2025-05-05"), 4),
    ]


def test_protocol_reminder_goes_to_the_chair_without_a_secretary() -> None:
    views_on = protocol_views(members=people(secretary=None))
    outbox = run_days("2025-03-01", "2025-06-30", views_on)
    assert {n.to.address for _, n in outbox.of("protocol-reminder")} == {CHAIR}
    assert len(outbox.of("protocol-reminder")) == 4


def test_protocol_reminder_goes_to_the_pinned_secretary() -> None:
    pinned = "protokoll@skara.se"
    net = network(contacts={"secretary": pinned})
    outbox = run_days("2025-03-01", "2025-06-30", protocol_views(net=net))
    assert {n.to.address for _, n in outbox.of("protocol-reminder")} == {pinned}


def test_protocol_reminder_to_the_coordinators_once_when_nobody_is_known() -> None:
    views_on = protocol_views(members=people(chair=None, secretary=None))
    outbox = run_days("2025-03-01", "2025-06-30", views_on, settings=TWO_COORDINATORS)
    reminders = outbox.of("protocol-reminder")
    assert [(day, n.round, n.to.address) for day, n in reminders] == [
        (D("2025-03-29"), 1, COORDINATOR),
        (D("2025-03-29"), 1, COORDINATOR_2),
    ]
    reason = reminders[0][1].redirected
    assert reason is not None and "sekreterare eller ordförande" in reason


@pytest.mark.parametrize("writer", ["värdrektor", "värdkommun"])
def test_protocol_reminder_for_a_host_writer_goes_to_the_secretary(writer: str) -> None:
    net = network(protocol={"writer": writer})
    outbox = run_days("2025-03-25", "2025-04-05", protocol_views(net=net))
    reminders = outbox.of("protocol-reminder")
    assert [n.to.address for _, n in reminders] == [SECRETARY, SECRETARY]
    notice = reminders[0][1]
    assert notice.context["writer"] == writer
    assert writer.replace("värd", "") in render(notice).text  # "rektorn"/"kommunen"


def test_protocol_reminders_are_per_meeting() -> None:
    views_on = as_known({"2025-01-10": [meeting("2025-03-14"), meeting("2025-03-21")]})
    outbox = run_days("2025-03-01", "2025-04-06", views_on)
    assert [(day, n.about) for day, n in outbox.of("protocol-reminder")] == [
        (D("2025-03-29"), D("2025-03-14")),
        (D("2025-04-05"), D("2025-03-14")),
        (D("2025-04-05"), D("2025-03-21")),
    ]


# -- meetings-behind ---------------------------------------------------------------------


def behind_views(**state_args: Any) -> Callable[[date], list[NetworkView]]:
    """Dates sent in January but not one meeting among them: cannot reach 4."""

    def views_on(day: date) -> list[NetworkView]:
        sent = datetime(day.year, 1, 1, 9)
        st = state(member_lists=(sent,), meeting_plans=(sent,), **state_args)
        return [view(st, day)]

    return views_on


def test_meetings_behind_to_the_chair_with_the_coordinators_in_cc_monthly() -> None:
    # A plan without one meeting: nobody is behind before the dates are due (15 Feb), and
    # a plan may be for the spring alone until 15 August; the pace first asks for a
    # meeting on 1 April (4 * 3 // 11 = 1). Then monthly, at most four rounds.
    outbox = run_days("2025-01-01", "2025-12-31", behind_views(), settings=TWO_COORDINATORS)
    behind = outbox.of("meetings-behind")
    assert [(day, n.round) for day, n in behind] == [
        (D("2025-04-01"), 1),
        (D("2025-05-01"), 2),
        (D("2025-05-31"), 3),
        (D("2025-06-30"), 4),
    ]
    for _, notice in behind:
        assert notice.to.address == CHAIR
        assert notice.cc == (COORDINATOR, COORDINATOR_2)
        assert notice.topic == "meetings-behind:forskola:2025"
        assert notice.redirected is None
    context = behind[0][1].context
    assert context["meetings_required"] == 4
    assert context["meetings_held"] == context["meetings_planned"] == 0
    assert context["planned_dates"] == []
    assert context["coordinator_name"] == "Örjan Åberg"


def test_meetings_behind_starts_again_in_a_new_year() -> None:
    # The new year starts at round 1 again, once its own dates are due and its pace
    # asks for a meeting (1 April).
    outbox = run_days("2025-12-05", "2026-05-31", behind_views())
    assert [(n.topic, n.round) for _, n in outbox.of("meetings-behind")] == [
        ("meetings-behind:forskola:2025", 1),
        ("meetings-behind:forskola:2026", 1),
        ("meetings-behind:forskola:2026", 2),
        ("meetings-behind:forskola:2026", 3),
    ]
    assert outbox.days("meetings-behind") == [
        D("2025-12-05"),
        D("2026-04-01"),
        D("2026-05-01"),
        D("2026-05-31"),
    ]


def test_meetings_behind_lists_the_planned_dates_ahead() -> None:
    st = state(meeting("2025-02-14"), meeting("2025-05-16"), meeting("2025-09-19"))
    today = D("2025-05-02")
    (notice,) = kinds(plan([view(st, today)], [], History([]), today, SETTINGS), "meetings-behind")
    assert notice.context["planned_dates"] == [D("2025-05-16"), D("2025-09-19")]
    assert (notice.context["meetings_held"], notice.context["meetings_planned"]) == (1, 2)
    assert "16 maj och 19 september" in render(notice).text


def test_meetings_behind_redirected_once_a_year_without_a_chair() -> None:
    views_on = behind_views(members=people(chair=None))
    outbox = run_days("2025-01-01", "2025-12-31", views_on)
    behind = outbox.of("meetings-behind")
    assert [(day, n.to.address, n.cc) for day, n in behind] == [(D("2025-04-01"), COORDINATOR, ())]
    assert behind[0][1].redirected is not None


# -- member-list-missing / meeting-dates-missing -----------------------------------------


def paperwork_views(
    members: list[MemberRecord] | None = None, net: Network = FORSKOLA
) -> Callable[[date], list[NetworkView]]:
    """Last year's member list is still current; nothing at all sent this year."""
    sent = datetime(2024, 9, 2, 9)
    listed = people(since=sent) if members is None else members
    return as_known(
        {"2024-09-02": []}, net=net, members=listed, member_lists=(sent,), meeting_plans=()
    )


@pytest.mark.parametrize("rule", ["member-list-missing", "meeting-dates-missing"])
def test_paperwork_to_chair_and_secretary_monthly(rule: str) -> None:
    net = network(meetings={"weekdays": ["fredag"], "per_year": 5})
    outbox = run_days("2025-01-01", "2025-12-31", paperwork_views(net=net))
    notices = outbox.of(rule)
    days = [D("2025-02-16"), D("2025-03-18"), D("2025-04-17"), D("2025-05-17")]
    assert [(day, n.round, n.to.address) for day, n in notices] == [
        (day, number, address)
        for number, day in enumerate(days, 1)
        for address in (CHAIR, SECRETARY)
    ]
    notice = notices[0][1]
    assert notice.topic == f"{rule}:forskola:2025"
    # Saturday 15 February is stated as the working day before: Friday 14 February.
    assert notice.context["deadline"] == D("2025-02-14")
    assert notice.context["year"] == 2025
    assert notice.context["mailbox"] == MAILBOX
    if rule == "meeting-dates-missing":
        assert notice.context["meetings_required"] == 5
        assert notice.context["weekdays"] == ["fredag"]


def test_paperwork_to_one_person_when_chair_and_secretary_are_the_same() -> None:
    sent = datetime(2024, 9, 2, 9)
    members = [
        member("Åsa Ödman", CHAIR, "ordforande", since=sent),
        member("Åsa Ödman (sekr.)", CHAIR.upper(), "sekreterare", since=sent),
    ]
    views_on = paperwork_views(members)
    day = D("2025-02-16")
    planned = plan(views_on(day), [], History([]), day, SETTINGS)  # before any key filter
    paperwork = kinds(planned, "member-list-missing", "meeting-dates-missing")
    assert sorted((n.kind, n.to.address) for n in paperwork) == [
        ("meeting-dates-missing", CHAIR),
        ("member-list-missing", CHAIR),
    ]
    outbox = run_days("2025-02-01", "2025-03-31", views_on)
    for rule in ("member-list-missing", "meeting-dates-missing"):
        assert [(day, n.to.address) for day, n in outbox.of(rule)] == [
            (D("2025-02-16"), CHAIR),
            (D("2025-03-18"), CHAIR),
        ]


def test_paperwork_pinned_contact_replaces_the_registry_chair() -> None:
    net = network(contacts={"chair": "ordforande.forskola@skovde.se"})
    outbox = run_days("2025-02-16", "2025-02-16", paperwork_views(net=net))
    assert [n.to.address for _, n in outbox.of("member-list-missing")] == [
        "ordforande.forskola@skovde.se",
        SECRETARY,
    ]


def test_paperwork_stops_when_the_member_list_arrives() -> None:
    old = datetime(2024, 9, 2, 9)
    new = datetime(2025, 3, 25, 9)

    def views_on(day: date) -> list[NetworkView]:
        lists = (old, new) if day >= new.date() else (old,)
        return [view(state(members=people(since=old), member_lists=lists), day)]

    outbox = run_days("2025-01-01", "2025-12-31", views_on)
    assert sorted(set(outbox.days("member-list-missing"))) == [D("2025-02-16"), D("2025-03-18")]


def test_paperwork_redirected_once_when_nobody_is_known() -> None:
    outbox = run_days("2025-01-01", "2025-12-31", paperwork_views(members=[]))
    for rule in ("member-list-missing", "meeting-dates-missing"):
        notices = outbox.of(rule)
        assert [(day, n.to.address) for day, n in notices] == [(D("2025-02-16"), COORDINATOR)]
        reason = notices[0][1].redirected
        assert reason is not None and "ordförande eller sekreterare" in reason


# -- deliverable-reminder ----------------------------------------------------------------


def deliverable_net(responsible: list[str], **contacts: str) -> Network:
    return network(
        deliverables=[
            {
                "key": "arbetsordning",
                "name": "Arbetsordning för kalenderåret",
                "due_each_year": "03-31",
                "matches": ["arbetsordning"],
                "remind_days_before": 30,
                "responsible": responsible,
            }
        ],
        contacts=contacts,
    )


def test_deliverable_one_before_and_one_after_to_the_presidium() -> None:
    net = deliverable_net(["presidium"])
    outbox = run_days("2025-02-01", "2025-06-30", one_meeting(net=net))
    notices = outbox.of("deliverable-reminder")
    assert [(day, n.to.address) for day, n in notices] == [
        (D("2025-03-01"), PRESIDIUM),
        (D("2025-03-01"), PRESIDIUM_2),
        (D("2025-04-01"), PRESIDIUM),
        (D("2025-04-01"), PRESIDIUM_2),
    ]
    before, after = notices[0][1], notices[2][1]
    assert before.topic == "deliverable-reminder:forskola:arbetsordning:2025-03-31:before"
    assert after.topic == "deliverable-reminder:forskola:arbetsordning:2025-03-31:after"
    assert before.round == after.round == 1
    assert before.context["deliverable"] == "Arbetsordning för kalenderåret"
    assert before.context["due_date"] == after.context["due_date"] == D("2025-03-31")
    assert (before.context["overdue"], before.context["days"]) == (False, 30)
    assert (after.context["overdue"], after.context["days"]) == (True, 1)
    assert before.to.name == "Cecilia Dahl"
    assert "om 30 dagar" in render(before).text
    assert "för 1 dag sedan" in render(after).text


def test_deliverable_school_director_from_the_contacts() -> None:
    net = deliverable_net(["ordforande", "skolchef"], school_director=DIRECTOR)
    outbox = run_days("2025-03-01", "2025-03-01", one_meeting(net=net))
    assert [n.to.address for _, n in outbox.of("deliverable-reminder")] == [CHAIR, DIRECTOR]


@pytest.mark.parametrize(
    ("responsible", "members", "expected"),
    [
        # No school director known: the coordinator is told (not the chair, who does not
        # answer for it).
        (["skolchef"], None, [COORDINATOR]),
        (["presidium"], people(presidium=False), [CHAIR]),  # no presidium listed
        (["sekreterare"], None, [SECRETARY]),
        (["ordforande", "presidium"], None, [CHAIR, PRESIDIUM, PRESIDIUM_2]),
        (["presidium"], [], [COORDINATOR]),  # nobody known: the coordinator
    ],
    ids=["skolchef-unknown", "no-presidium", "secretary", "chair-and-presidium", "nobody"],
)
def test_deliverable_recipients(
    responsible: list[str], members: list[MemberRecord] | None, expected: list[str]
) -> None:
    net = deliverable_net(responsible)
    views_on = one_meeting(net=net, members=members)
    outbox = run_days("2025-03-01", "2025-03-01", views_on)
    notices = outbox.of("deliverable-reminder")
    assert [n.to.address for _, n in notices] == expected
    if expected == [COORDINATOR] and responsible != ["skolchef"]:
        reason = notices[0][1].redirected
        assert reason is not None and "ansvarig för leveransen" in reason


def test_deliverable_report_arriving_stops_the_after_reminder() -> None:
    net = deliverable_net(["presidium"])
    report = ReportRecord(datetime(2025, 3, 20, 10), 9, "Arbetsordning 2025 förskolenätverket")

    def views_on(day: date) -> list[NetworkView]:
        st = state(meeting("2025-03-14"))
        if day >= D("2025-03-20"):
            st.reports.append(report)
        return [view(st, day, net)]

    outbox = run_days("2025-02-01", "2025-06-30", views_on)
    assert sorted({n.topic.rsplit(":", 1)[1] for _, n in outbox.of("deliverable-reminder")}) == [
        "before"
    ]


# -- receipts and review notices ---------------------------------------------------------


def receipt_view(today: date) -> NetworkView:
    st = state(
        meeting("2025-03-14", "held", protocol=datetime(2025, 3, 17, 8)),
        meeting("2025-03-28", start=time(13), end=time(15, 30), place="Vävaregården, Töreboda"),
        meeting("2025-04-25", moved_from="2025-04-11", start=time(9), end=None, place=None),
        meeting("2025-05-16"),
    )
    return view(st, today)


LIST_RESULT: dict[str, Any] = {
    "kinds": ["meeting_dates", "member_list"],
    "members": [
        {"name": "Åsa Ödman", "email": CHAIR, "municipality": "Skövde", "role": "ordforande"},
        {"name": "Bengt Berg", "email": SECRETARY, "municipality": "Skara", "role": "sekreterare"},
        {"name": "Eva Lind", "email": MEMBER, "municipality": "Hjo", "role": "ledamot"},
    ],
    "meetings": [
        {"date": "2025-03-28", "start": "13:00", "end": "15:30", "place": "Vävaregården, Töreboda"},
        {"date": "2025-05-16", "start": None, "end": None, "place": None},
    ],
}


def test_receipt_for_an_applied_member_list_with_dates() -> None:
    today = D("2025-03-17")
    applied = mail(101, sent="2025-03-14", **LIST_RESULT)
    notices = plan([receipt_view(today)], [applied], History([]), today, SETTINGS)
    (notice,) = kinds(notices, "receipt")
    assert notice.to.address == CHAIR
    assert notice.to.name == "Åsa Ödman"
    assert notice.topic == "receipt:101"
    assert notice.key == f"receipt:101#1:{CHAIR}"
    assert notice.source_message_pk == 101
    assert notice.network == "forskola"
    context = notice.context
    assert context["network"] == "Förskola"
    assert context["received_date"] == D("2025-03-14")
    assert context["original_subject"] == applied.subject
    assert context["member_list"] == {"count": 3, "chair": "Åsa Ödman", "secretary": "Bengt Berg"}
    assert context["meetings"] == [
        {
            "date": D("2025-03-28"),
            "start": time(13),
            "end": time(15, 30),
            "place": "Vävaregården, Töreboda",
            "change": "planned",
            "previous_date": None,
        },
        {
            "date": D("2025-05-16"),
            "start": None,
            "end": None,
            "place": None,
            "change": "planned",
            "previous_date": None,
        },
    ]
    assert context["protocol_for"] is None
    assert context["report"] is None
    assert context["next_meeting"] == {
        "date": D("2025-03-28"),
        "start": time(13),
        "end": time(15, 30),
        "place": "Vävaregården, Töreboda",
    }
    assert context["year"] == 2025
    assert context["meetings_held"] == 1
    assert context["meetings_required"] == 4
    text = render(notice).text
    assert "Medlemsförteckning med 3 medlemmar. Ordförande: Åsa Ödman." in text
    assert "fredag 28 mars 2025 kl. 13.00–15.30, Vävaregården, Töreboda" in text


def test_receipt_for_a_protocol_with_a_move_and_a_cancellation() -> None:
    today = D("2025-03-18")
    applied = mail(
        102,
        sender=SECRETARY,
        sender_name="Bengt Berg",
        subject="Protokoll 14/3, flyttad träff i april",
        sent="2025-03-17",
        kinds=["meeting_dates", "protocol"],
        protocol={"meeting_date": "2025-03-14", "attendees": ["Åsa Ödman", "Bengt Berg"]},
        meetings=[
            {"date": "2025-03-14", "start": "09:00", "end": "12:00", "place": PLACE},
            {"date": "2025-04-25", "start": "09:00", "end": None, "place": None},
        ],
        changes=[
            {"action": "moved", "from": "2025-04-11", "to": "2025-04-25"},
            {"action": "cancelled", "date": "2025-06-13"},
        ],
    )
    notices = plan([receipt_view(today)], [applied], History([]), today, SETTINGS)
    (notice,) = kinds(notices, "receipt")
    context = notice.context
    assert notice.to.address == SECRETARY
    assert context["protocol_for"] == D("2025-03-14")
    assert [(m["date"], m["change"], m["previous_date"]) for m in context["meetings"]] == [
        (D("2025-04-25"), "moved", D("2025-04-11")),
        (D("2025-06-13"), "cancelled", None),
    ]
    assert context["member_list"] is None
    text = render(notice).text
    assert "Protokoll för nätverksträffen fredag 14 mars 2025." in text
    assert "Flyttad träff: 11 april blir fredag 25 april 2025 kl. 9.00." in text
    assert "Inställd träff: fredag 13 juni 2025." in text


def test_receipt_names_a_report() -> None:
    today = D("2025-03-18")
    applied = mail(103, subject="Arbetsordning 2025", sent="2025-03-18", kinds=["report"])
    notices = plan([receipt_view(today)], [applied], History([]), today, SETTINGS)
    (notice,) = kinds(notices, "receipt")
    assert notice.context["report"] == "Arbetsordning 2025"
    assert "Rapport: Arbetsordning 2025." in render(notice).text


@pytest.mark.parametrize(
    ("sent", "answered"),
    [
        ("2025-03-17", True),  # today
        ("2025-03-10", True),  # exactly receipt_max_age_days old
        ("2025-03-09", False),  # one day older
        ("2025-03-18", False),  # dated tomorrow
    ],
)
def test_receipt_only_for_mail_sent_within_the_max_age(sent: str, answered: bool) -> None:
    today = D("2025-03-17")
    applied = mail(104, sent=sent, **LIST_RESULT)
    notices = plan([receipt_view(today)], [applied], History([]), today, SETTINGS)
    assert len(kinds(notices, "receipt")) == int(answered)


def test_receipt_follows_receipt_max_age_days() -> None:
    today = D("2025-03-17")
    applied = mail(104, sent="2025-03-16", **LIST_RESULT)
    settings = PlanSettings(mailbox=MAILBOX, coordinators=(COORDINATOR,), receipt_max_age_days=1)
    assert kinds(plan([receipt_view(today)], [applied], History([]), today, settings), "receipt")
    settings = PlanSettings(mailbox=MAILBOX, coordinators=(COORDINATOR,), receipt_max_age_days=0)
    assert not plan([receipt_view(today)], [applied], History([]), today, settings)


def test_receipt_once_over_the_days_it_is_offered() -> None:
    applied = mail(105, sent="2025-03-14", **LIST_RESULT)

    def mails_on(day: date) -> list[MailSeen]:
        return [applied] if day >= applied.sent_day else []

    outbox = run_days(
        "2025-03-13",
        "2025-03-31",
        lambda day: [receipt_view(day)],
        mails_on=mails_on,
    )
    assert [(day, n.key) for day, n in outbox.of("receipt")] == [
        (D("2025-03-14"), f"receipt:105#1:{CHAIR}")
    ]


def test_review_notice_for_mail_waiting_for_review() -> None:
    today = D("2025-03-17")
    waiting = mail(
        106,
        sender="Pia.Holm@Konsultbolaget.se",
        sender_name="Pia Holm",
        subject="Vår nya förteckning – förskolenätverket",
        sent="2025-03-16",
        status="needs_review",
        kinds=["member_list"],
        reasons=["the sender pia.holm@konsultbolaget.se is not a known member"],
    )
    notices = plan([receipt_view(today)], [waiting], History([]), today, SETTINGS)
    (notice,) = notices
    assert notice.kind == "review-notice"
    assert notice.topic == "review-notice:106"
    assert notice.key == "review-notice:106#1:pia.holm@konsultbolaget.se"
    assert notice.to.address == "Pia.Holm@Konsultbolaget.se"
    assert notice.context == {
        "network": "Förskola",
        "received_date": D("2025-03-16"),
        "original_subject": "Vår nya förteckning – förskolenätverket",
        "coordinator_name": "Örjan Åberg",
        "recipient_name": "Pia Holm",
    }
    assert "tittar Örjan Åberg på det" in render(notice).text


def test_review_notice_without_a_known_network() -> None:
    today = D("2025-03-17")
    waiting = mail(107, status="needs_review", network=None, sent="2025-03-17")
    (notice,) = plan([receipt_view(today)], [waiting], History([]), today, SETTINGS)
    assert notice.kind == "review-notice"
    assert notice.network is None
    assert notice.context["network"] is None
    assert " om nätverket " not in render(notice).text


@pytest.mark.parametrize(
    "suspect",
    [
        {"code": "auth-failed", "args": {"check": "DMARC=fail"}},
        {"code": "auth-failed", "args": {"check": "SPF=fail"}},
        {"code": "sender-misaligned", "args": {"header": "Sender", "domain": "example.com"}},
        {"code": "sender-misaligned", "args": {"header": "Return-Path", "domain": "x.example"}},
    ],
)
def test_no_review_notice_when_the_from_may_be_forged(suspect: dict[str, Any]) -> None:
    today = D("2025-03-17")
    unknown = {"code": "sender-unknown", "args": {"sender": "asa.odman@skovde.se"}}
    waiting = mail(108, status="needs_review", sent="2025-03-17", review=[unknown, suspect])
    assert plan([receipt_view(today)], [waiting], History([]), today, SETTINGS) == []
    # Without the suspect reason, the (merely unknown) sender is told a person will look.
    alone = mail(108, status="needs_review", sent="2025-03-17", review=[unknown])
    (notice,) = plan([receipt_view(today)], [alone], History([]), today, SETTINGS)
    assert notice.kind == "review-notice"


def test_no_review_notice_for_a_store_written_before_reason_codes() -> None:
    """An understanding stored before the codes existed says DMARC failed in English."""
    today = D("2025-03-17")
    waiting = mail(
        108,
        status="needs_review",
        sent="2025-03-17",
        reasons=["the sender's domain failed DMARC=fail (Authentication-Results)"],
    )
    assert plan([receipt_view(today)], [waiting], History([]), today, SETTINGS) == []


@pytest.mark.parametrize(
    "sender", [MAILBOX, "Utbildning@Skaraborg.se", BOT, "MailBot@skaraborg.se"]
)
@pytest.mark.parametrize("status", ["applied", "needs_review"])
def test_no_answer_to_mailbots_own_addresses(sender: str, status: str) -> None:
    today = D("2025-03-17")
    own = mail(109, sender=sender, status=status, sent="2025-03-17", **LIST_RESULT)
    assert plan([receipt_view(today)], [own], History([]), today, SETTINGS) == []


@pytest.mark.parametrize("sender", ["", "inte-en-adress"])
def test_no_answer_without_a_usable_sender(sender: str) -> None:
    today = D("2025-03-17")
    bad = mail(110, sender=sender, sent="2025-03-17", **LIST_RESULT)
    assert plan([receipt_view(today)], [bad], History([]), today, SETTINGS) == []


def test_no_receipts_or_review_notices_when_receipts_are_off() -> None:
    today = D("2025-03-17")
    settings = PlanSettings(mailbox=MAILBOX, coordinators=(COORDINATOR,), receipts=False)
    mails = [
        mail(111, sent="2025-03-17", **LIST_RESULT),
        mail(112, sent="2025-03-17", status="needs_review"),
    ]
    assert plan([receipt_view(today)], mails, History([]), today, settings) == []
    assert len(plan([receipt_view(today)], mails, History([]), today, SETTINGS)) == 2


def test_sender_name_is_taken_from_the_registry_when_the_mail_has_none() -> None:
    today = D("2025-03-17")
    applied = mail(113, sender="Bengt.Berg@Skara.se", sender_name=None, sent="2025-03-17")
    (notice,) = plan([receipt_view(today)], [applied], History([]), today, SETTINGS)
    assert notice.to == Person("Bengt.Berg@Skara.se", "Bengt Berg")
    assert notice.context["recipient_name"] == "Bengt Berg"
    assert render(notice).text.startswith("Hej Bengt!")
    # A name in the mail wins; an unknown sender without a name stays unnamed.
    named = mail(114, sender=SECRETARY, sender_name="B. Berg", sent="2025-03-17")
    stranger = mail(115, sender="okand@vara.se", sender_name=None, sent="2025-03-17")
    first, second = plan([receipt_view(today)], [named, stranger], History([]), today, SETTINGS)
    assert first.to.name == "B. Berg"
    assert second.to.name is None
    assert render(second).text.startswith("Hej!")


# -- digest ------------------------------------------------------------------------------


def test_digest_once_per_coordinator_per_iso_week() -> None:
    digest = sample_digest()
    outbox = run_days(
        "2025-03-17",
        "2025-03-30",
        lambda day: [],
        digest_on=lambda day: digest,
        settings=TWO_COORDINATORS,
    )
    assert [(day, n.topic, n.to.address) for day, n in outbox.of("digest")] == [
        (D("2025-03-17"), "digest:2025-W12", COORDINATOR),
        (D("2025-03-17"), "digest:2025-W12", COORDINATOR_2),
        (D("2025-03-24"), "digest:2025-W13", COORDINATOR),
        (D("2025-03-24"), "digest:2025-W13", COORDINATOR_2),
    ]
    notice = outbox.of("digest")[0][1]
    assert notice.network is None
    assert notice.to.name == "Örjan Åberg"
    assert notice.context["recipient_name"] == "Örjan Åberg"
    assert notice.context["networks"] == digest["networks"]


def test_digest_only_when_the_caller_says_it_is_due() -> None:
    outbox = run_days(
        "2025-03-17",
        "2025-03-30",
        lambda day: [],
        digest_on=lambda day: sample_digest() if day.weekday() == 3 else None,
    )
    assert outbox.days("digest") == [D("2025-03-20"), D("2025-03-27")]


def test_digest_not_planned_again_in_the_same_week_even_on_a_later_day() -> None:
    history = History([Past("digest:2025-W12", 1, "digest", None, None, D("2025-03-17"))])
    assert plan([], [], history, D("2025-03-23"), SETTINGS, digest=sample_digest()) == []
    (again,) = plan([], [], history, D("2025-03-24"), SETTINGS, digest=sample_digest())
    assert again.topic == "digest:2025-W13"


def test_digest_week_is_the_iso_week() -> None:
    (notice,) = plan([], [], History([]), D("2025-12-29"), SETTINGS, digest=sample_digest())
    assert notice.topic == "digest:2026-W01"
    (notice,) = plan([], [], History([]), D("2027-01-03"), SETTINGS, digest=sample_digest())
    assert notice.topic == "digest:2026-W53"


# -- what is for the coordinator only ----------------------------------------------------


def test_meeting_weekday_and_mission_ended_give_no_notice() -> None:
    net = network(valid_to="2024-12-31", meetings={"weekdays": ["fredag"], "per_year": 1})
    st = state(meeting("2025-09-18"))  # a Thursday, far ahead
    today = D("2025-03-17")
    status = evaluate(st, net.obligations, today)
    # After the mission's end its last rules stay in force (the weekday rule too).
    assert {f.rule for f in status.findings} == {"mission-ended", "meeting-weekday"}
    assert plan([NetworkView(net, st, status)], [], History([]), today, SETTINGS) == []
    net = network(meetings={"weekdays": ["fredag"], "per_year": 1})
    status = evaluate(st, net.obligations, today)
    assert {f.rule for f in status.findings} == {"meeting-weekday"}
    assert plan([NetworkView(net, st, status)], [], History([]), today, SETTINGS) == []


# -- keys, determinism, rendering ---------------------------------------------------------

BUSY_DAY = D("2025-04-02")


def busy_inputs() -> tuple[list[NetworkView], list[MailSeen], History]:
    """A day with every kind of notice, over three networks."""
    forskola = deliverable_net(["presidium", "skolchef"], school_director=DIRECTOR)
    st = state(
        meeting("2025-03-14"),  # protocol missing
        meeting("2025-04-04", "cancelled"),  # reminded, now cancelled
        meeting("2025-04-10"),  # reminder due
        meeting("2025-04-25", moved_from="2025-04-07"),  # reminded, now moved
    )
    grundskola = network("grundskola", "Grundskola", valid_to="2025-05-31")  # ends soon
    gr_sent = datetime(2024, 9, 2, 9)
    gr = state(
        members=[
            member("Gösta Ärlig", "gosta.arlig@lidkoping.se", "ordforande", since=gr_sent),
            member("Märta Sjö", None, "sekreterare", since=gr_sent),
        ],
        member_lists=(gr_sent,),
        meeting_plans=(),
        slug="grundskola",
    )
    # Twelve a year: the pace wants three held by April (12 * 3 // 11), one was.
    vux = network("vuxenutbildning", "Vuxenutbildning", meetings={"per_year": 12})
    vx = state(meeting("2025-03-13"), members=[], member_lists=(), slug="vuxenutbildning")
    views = [view(st, BUSY_DAY, forskola), view(gr, BUSY_DAY, grundskola), view(vx, BUSY_DAY, vux)]
    mails = [
        mail(201, sent="2025-04-01", **LIST_RESULT),
        mail(
            202,
            sender="pia.holm@konsultbolaget.se",
            sender_name=None,
            status="needs_review",
            sent="2025-03-31",
        ),
    ]
    history = History(
        [
            Past(
                f"meeting-reminder:forskola:{d}@{d}",
                1,
                "meeting-reminder",
                "forskola",
                D(d),
                D(d) - timedelta(days=10),
            )
            for d in ("2025-04-04", "2025-04-07")
        ]
    )
    return views, mails, history


@functools.cache
def busy_plan() -> tuple[Notice, ...]:
    views, mails, history = busy_inputs()
    return tuple(plan(views, mails, history, BUSY_DAY, TWO_COORDINATORS, digest=sample_digest()))


ALL_KINDS = [
    "meeting-reminder",
    "meeting-moved",
    "meeting-cancelled",
    "protocol-reminder",
    "meetings-behind",
    "member-list-missing",
    "meeting-dates-missing",
    "deliverable-reminder",
    "mission-ending",
    "receipt",
    "review-notice",
    "digest",
]


def test_busy_day_plans_every_kind() -> None:
    assert {n.kind for n in busy_plan()} == set(ALL_KINDS)
    redirected = {(n.kind, n.network) for n in busy_plan() if n.redirected}
    assert ("protocol-reminder", "vuxenutbildning") in redirected
    assert ("meetings-behind", "vuxenutbildning") in redirected


def test_keys_are_deterministic() -> None:
    def once() -> list[Notice]:
        views, mails, history = busy_inputs()  # built afresh: equal inputs, new objects
        return plan(views, mails, history, BUSY_DAY, TWO_COORDINATORS, digest=sample_digest())

    first, second = once(), once()
    assert [n.key for n in first] == [n.key for n in second]
    assert first == second


def test_keys_are_unique_within_one_plan_and_name_topic_round_and_recipient() -> None:
    notices = busy_plan()
    keys = [n.key for n in notices]
    assert len(keys) == len(set(keys))
    for notice in notices:
        assert notice.key == f"{notice.topic}#{notice.round}:{notice.to.address.lower()}"
        assert notice.key.endswith(":" + notice.to.address.lower())
        assert notice.topic.startswith(notice.kind + ":")


def test_keys_lower_case_the_recipient() -> None:
    net = network(contacts={"chair": "Asa.Odman@Skovde.SE"})
    (notice,) = kinds(
        plan(one_meeting(net=net)(D("2025-03-04")), [], History([]), D("2025-03-04"), SETTINGS),
        "meeting-reminder",
    )
    assert notice.to.address == "Asa.Odman@Skovde.SE"
    assert notice.key.endswith(":asa.odman@skovde.se")


def test_planning_again_with_the_busy_days_notices_as_history_adds_nothing() -> None:
    views, mails, history = busy_inputs()
    outbox = FakeOutbox(rows=list(history.rows))
    first = outbox.plan(
        views, BUSY_DAY, mails=mails, settings=TWO_COORDINATORS, digest=sample_digest()
    )
    assert len(first) == len(busy_plan())
    again = outbox.plan(
        views, BUSY_DAY, mails=mails, settings=TWO_COORDINATORS, digest=sample_digest()
    )
    assert again == []
    # and nothing planned by the next day's plan repeats a topic with the same round
    later = plan(
        views,
        mails,
        outbox.history(),
        BUSY_DAY + timedelta(days=1),
        TWO_COORDINATORS,
        digest=sample_digest(),
    )
    assert not {n.key for n in later} & outbox.keys


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_notice_renders_with_the_real_templates(kind: str) -> None:
    notices = [n for n in busy_plan() if n.kind == kind]
    assert notices
    for notice in notices:
        rendered = render(notice)
        for part in (rendered.subject, rendered.text, rendered.html):
            assert part.strip()
            assert "Ã" not in part and "\ufffd" not in part  # no mojibake
        assert SWEDISH.search(rendered.text) and SWEDISH.search(rendered.html)
        if notice.to.name:
            first_name = notice.to.name.split()[0]
            assert rendered.text.startswith(f"Hej {first_name}!")
            assert first_name in rendered.html
        network_name = notice.context.get("network")
        if network_name:
            assert network_name in rendered.text
            assert network_name in rendered.html
        if notice.redirected:
            assert notice.redirected in rendered.text
            assert notice.redirected in rendered.html


def test_swedish_names_survive_rendering() -> None:
    (reminder,) = [n for n in busy_plan() if n.kind == "meeting-reminder"]
    rendered = render(reminder)
    assert rendered.subject == "Dags att skicka kallelse: Förskola träffas torsdag 10 april 2025"
    assert rendered.text.startswith("Hej Åsa!")
    assert "Stadshuset i Skövde, sal Ödegården" in rendered.text
    assert "Stadshuset i Skövde, sal Ödegården" in rendered.html
    paperwork = [
        n for n in busy_plan() if n.kind == "member-list-missing" and n.network == "grundskola"
    ]
    assert [n.to.address for n in paperwork] == ["gosta.arlig@lidkoping.se"]
    assert render(paperwork[0]).text.startswith("Hej Gösta!")


# -- failed notices ------------------------------------------------------------------------


def test_a_failed_reminder_goes_to_the_corrected_address_but_never_again_to_the_old() -> None:
    """A reminder that bounced (state failed) does not count as given: when a new member
    list corrects the chair's address, the new address gets it; the old one never again."""
    corrected = "asa.odman@skovde-kommun.se"
    day = D("2025-03-04")
    first = plan([view(state(meeting("2025-03-14")), day)], [], History([]), day, SETTINGS)
    (reminder,) = kinds(first, "meeting-reminder")
    bounced = Past(
        reminder.topic, 1, reminder.kind, reminder.network, reminder.about, day, failed=True
    )
    later = D("2025-03-06")
    same = plan(
        [view(state(meeting("2025-03-14")), later)], [], History([bounced]), later, SETTINGS
    )
    assert [n.key for n in kinds(same, "meeting-reminder")] == [reminder.key]  # the outbox has it
    fixed = state(meeting("2025-03-14"), members=people(chair=corrected))
    again = plan([view(fixed, later)], [], History([bounced]), later, SETTINGS)
    (new,) = kinds(again, "meeting-reminder")
    assert new.to.address == corrected and new.key != reminder.key
    # Had it been delivered, the corrected list would change nothing.
    delivered = Past(reminder.topic, 1, reminder.kind, reminder.network, reminder.about, day)
    assert kinds(plan([view(fixed, later)], [], History([delivered]), later, SETTINGS),
                 "meeting-reminder") == []  # fmt: skip
