"""A year of notices people can trust (issue 10), replayed day by day.

A synthetic 2026 (all people invented) on top of the real rules/: Förskola holds its
Långfredag meeting (3 April) a week later and says so only in the protocol (10 April);
its June protocol comes two months late; Grundskola sends its spring dates on the day
after the dates were due and its autumn dates just before they are; the Förskola and
Anpassad skola missions end on 31 December 2026; the school directors' deliverable goes
to the configured school director; the chair has two reminders due on one day.

The whole year is ticked in this process (as `mailbot tick` does, with the embedded
file transport), and checked:
- no protocol reminder for a meeting whose protocol came under another date;
- no reminder planned or sent on a Saturday, Sunday or holiday;
- at most one reminder mail a person a day (several topics due: one mail);
- nobody behind before the year's dates are due, a spring plan not "behind" before the
  autumn dates are due;
- `status`, `network` and the digest say the same about every network, every day;
- the mission's end is told to the coordinator, once, on a working day; a school
  director's deliverable goes to the school director.
"""

from __future__ import annotations

import email
import email.policy
import itertools
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.header import Header
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from mailbot.app import App
from mailbot.cli import app as cli_app
from mailbot.config import load_settings
from mailbot.intake import Origin
from mailbot.models import OutboxState
from mailbot.outbox.bundle import REMINDER_KINDS
from mailbot.outbox.digest import digest_context, network_word
from mailbot.registry.engine import is_working_day
from mailbot.ticker import Ticker, end_of_day

REPO = Path(__file__).resolve().parent.parent
TZ = ZoneInfo("Europe/Stockholm")
COORDINATOR = "samordnare@skaraborg.se"
DIRECTOR = "skolchef@hjo.se"
CHAIR = "greta.lindqvist@hjo.se"
SECRETARY = "nils.ekberg@tibro.se"
GRETA = f"Greta Lindqvist <{CHAIR}>"
NILS = f"Nils Ekberg <{SECRETARY}>"
PETRA = "Petra Sand <petra.sand@tidaholm.se>"


def mail(number: int, sender: str, subject: str, when: str, body: str) -> bytes:
    sent = datetime.fromisoformat(when).replace(tzinfo=TZ)
    head = (
        f"From: {sender}\r\nTo: utbildning@skaraborg.se\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\nDate: {format_datetime(sent)}\r\n"
        f"Message-ID: <ar2026-{number}@example.se>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode() + body.replace("\n", "\r\n").encode()


def protocol(number: int, day_text: str, when: str) -> bytes:
    return mail(
        number,
        NILS,
        f"Protokoll nätverket Förskola {day_text}",
        when,
        f"Hej!\n\nProtokoll från nätverksträffen i nätverket Förskola fredag {day_text}.\n\n"
        "Närvarande: Greta Lindqvist, Nils Ekberg, Vera Holm\n\n1. Mötet öppnas\n"
        "2. Kompetensutveckling\n\nVid protokollet\nNils Ekberg\n",
    )


YEAR = [
    mail(1, GRETA, "Medlemsförteckning nätverket Förskola 2026", "2026-01-12T09:00",
         "Hej!\n\nHär kommer medlemsförteckningen för nätverket Förskola 2026.\n\n"
         f"Ordförande: Greta Lindqvist, Hjo, {CHAIR}\n"
         f"Sekreterare: Nils Ekberg, Tibro, {SECRETARY}\n"
         "Ledamot: Vera Holm, Skövde, vera.holm@skovde.se\n"
         "Ledamot: Otto Sjö, Falköping, otto.sjo@falkoping.se\n\nVänliga hälsningar\nGreta\n"),
    # Friday 16 January: the 23 January meeting's reminder and the arbetsordning (due
    # 15 February, a month's notice; no presidium listed: the chair) fall on one day.
    mail(2, GRETA, "Mötesplan nätverket Förskola 2026", "2026-01-16T06:30",
         "Hej!\n\nHär är mötesplanen för nätverket Förskola 2026, kl. 9–12:\n\n"
         "fredag 23 januari 2026\nfredag 3 april 2026\nfredag 5 juni 2026\n"
         "fredag 25 september 2026\nfredag 27 november 2026\n\nVänliga hälsningar\nGreta\n"),
    protocol(3, "23 januari 2026", "2026-01-27T10:00"),
    # Grundskola's spring dates, the day after the dates were due; the autumn's just
    # before they are due.
    mail(4, PETRA, "Mötesdatum nätverket Grundskola våren 2026", "2026-02-16T09:00",
         "Hej!\n\nMötesdatum för nätverket Grundskola våren 2026:\n\n"
         "torsdag 12 mars 2026 kl. 13–16\ntorsdag 21 maj 2026 kl. 13–16\n\nHälsningar\nPetra\n"),
    # Långfredagen: held a week later, and only the protocol says so.
    protocol(5, "10 april 2026", "2026-04-14T10:00"),
    mail(6, PETRA, "Mötesdatum nätverket Grundskola hösten 2026", "2026-08-14T09:00",
         "Hej!\n\nMötesdatum för nätverket Grundskola hösten 2026:\n\n"
         "torsdag 8 oktober 2026 kl. 13–16\ntorsdag 3 december 2026 kl. 13–16\n\n"
         "Hälsningar\nPetra\n"),
    protocol(7, "5 juni 2026", "2026-08-20T10:00"),  # two months late
    protocol(8, "25 september 2026", "2026-09-29T10:00"),
]  # fmt: skip


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, dict[date, dict]]]:
    base = tmp_path_factory.mktemp("year2026")
    config = base / "mailbot.toml"
    config.write_text(
        f'[outbox]\ncoordinators = ["{COORDINATOR}"]\nschool_director = "{DIRECTOR}"\n',
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as env:
        for key in [k for k in os.environ if k.startswith("MAILBOT_")]:
            env.delenv(key)
        settings = load_settings(config, state_dir=base / "state", rules_dir=REPO / "rules")
    app = App(settings)
    for number, raw in enumerate(YEAR):
        app.intake.accept(raw, Origin(mailbox="file:year", key=str(number)))
    app.pipeline.run_pending()
    ticker = Ticker(app)
    pictures: dict[date, dict] = {}
    day = date(2026, 1, 1)
    while day <= date(2026, 12, 31):
        ticker.run(day)
        views = ticker.views(day)
        digest = digest_context(app.engine, views, day, end_of_day(day), None, app.rules.broken)
        pictures[day] = {"views": views, "digest": digest}
        day += timedelta(days=1)
    yield app, pictures
    app.engine.dispose()


def _rows(app: App) -> list:
    return app.outbox.items()


def test_no_protocol_reminder_for_a_meeting_held_on_another_day(year: tuple) -> None:
    app, pictures = year
    reminders = [r for r in _rows(app) if r.kind == "protocol-reminder"]
    assert date(2026, 4, 3) not in {r.about for r in reminders}
    forskola = next(v for v in pictures[date(2026, 4, 30)]["views"] if v.network.slug == "forskola")
    assert forskola.status.phases[date(2026, 4, 10)] == "held"
    assert date(2026, 4, 3) not in forskola.status.phases
    # The June protocol was chased (weekly, working days), and no more once it came.
    june = sorted(r.created_day for r in reminders if r.about == date(2026, 6, 5))
    assert june and all(d < date(2026, 8, 20) for d in june)
    assert all((b - a).days >= 7 for a, b in itertools.pairwise(june))
    assert all(json.loads(r.to_json) == [SECRETARY] for r in reminders if r.network == "forskola")


def test_no_reminder_on_a_weekend_or_holiday(year: tuple) -> None:
    app, _ = year
    reminders = [r for r in _rows(app) if r.kind in REMINDER_KINDS]
    assert reminders
    for row in reminders:
        assert is_working_day(row.created_day), (row.kind, row.created_day)
        assert row.sent_day is None or is_working_day(row.sent_day), (row.kind, row.sent_day)


def test_at_most_one_reminder_mail_a_person_a_day(year: tuple) -> None:
    app, _ = year
    mails: dict[tuple[str, date], set[str]] = defaultdict(set)
    for row in _rows(app):
        if row.kind in REMINDER_KINDS and row.state == OutboxState.SENT.value:
            mails[(json.loads(row.to_json)[0], row.sent_day)].add(row.message_id)
    assert mails and all(len(ids) == 1 for ids in mails.values()), {
        k: v for k, v in mails.items() if len(v) > 1
    }
    # The chair's two reminders of 16 January went as one mail, with the invitation.
    both = [
        r
        for r in _rows(app)
        if r.sent_day == date(2026, 1, 16) and CHAIR in r.to_json and r.kind in REMINDER_KINDS
    ]
    assert sorted(r.kind for r in both) == ["deliverable-reminder", "meeting-reminder"]
    assert len({r.message_id for r in both}) == 1
    sent = email.message_from_bytes(both[0].mime, policy=email.policy.default)
    assert str(sent["X-Mailbot-Kind"]) == "reminders"
    assert "2 påminnelser" in str(sent["Subject"])
    text = sent.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Arbetsordning för kalenderåret" in text and "fredag 23 januari 2026" in text
    assert [p.get_content_type() for p in sent.walk()].count("text/calendar") == 1
    # The deadline (Sunday 15 February) is stated as Friday 13 February.
    assert "fredag 13 februari 2026" in text


def test_nobody_is_behind_too_early(year: tuple) -> None:
    app, pictures = year
    for day, picture in pictures.items():
        for view in picture["views"]:
            behind = any(f.rule == "meeting-count-behind" for f in view.status.findings)
            if behind:
                assert day > date(2026, 2, 15), (view.network.slug, day)
            if view.network.slug == "grundskola":
                assert not behind, day  # spring plan, then autumn plan in time
            if view.status.meetings_held >= view.status.meetings_required:
                assert not behind, (view.network.slug, day)
    assert not [r for r in _rows(app) if r.kind == "meetings-behind" and r.network == "grundskola"]


def test_status_network_and_digest_agree_every_day(year: tuple) -> None:
    app, pictures = year
    for day, picture in pictures.items():
        rows = {n["name"]: n for n in picture["digest"]["networks"]}
        for view in picture["views"]:
            status = view.status
            shown = rows[view.network.name]
            assert (shown["held"], shown["planned"], shown["required"]) == (
                status.meetings_held,
                status.meetings_planned,
                status.meetings_required,
            ), (day, view.network.slug)
            assert shown["status"] == network_word(view)
            phases = [p for d, p in status.phases.items() if d.year == day.year]
            assert sum(p in ("held", "past") for p in phases) == status.meetings_held
            assert sum(p == "planned" for p in phases) == status.meetings_planned
    # And through the real commands, on a few days.
    runner = CliRunner()
    state, rules = str(app.settings.state_dir), str(REPO / "rules")
    for day in ("2026-04-20", "2026-06-30", "2026-12-31"):
        status_json = json.loads(
            runner.invoke(
                cli_app, ["status", "--json", "--today", day, "--state", state, "--rules", rules]
            ).stdout
        )
        for net in status_json["networks"]:
            shown = json.loads(
                runner.invoke(
                    cli_app,
                    [
                        "network",
                        net["network"],
                        "--json",
                        "--today",
                        day,
                        "--state",
                        state,
                        "--rules",
                        rules,
                    ],
                ).stdout
            )
            phases = [m["status"] for m in shown["meetings"]]
            assert sum(p in ("held", "past") for p in phases) == net["meetings_held"], day
            assert sum(p == "planned" for p in phases) == net["meetings_planned"], day


def test_the_missions_end_and_the_school_directors_deliverable(year: tuple) -> None:
    app, pictures = year
    ending = [r for r in _rows(app) if r.kind == "mission-ending"]
    assert sorted((r.network, json.loads(r.to_json)[0]) for r in ending) == [
        ("anpassad-skola", COORDINATOR),
        ("forskola", COORDINATOR),
    ]
    # 1 November (60 days before) is a Sunday: told on Monday 2 November, once.
    assert {r.created_day for r in ending} == {date(2026, 11, 2)}
    revision = [
        r
        for r in _rows(app)
        if r.kind == "deliverable-reminder" and "revidering-av-uppdraget" in r.key
    ]
    assert revision and all(json.loads(r.to_json) == [DIRECTOR] for r in revision)
    assert all(r.redirected is None for r in revision)
    # Still shown, with its rules, on the mission's last day.
    last = {v.network.slug: v for v in pictures[date(2026, 12, 31)]["views"]}
    assert {f.rule for f in last["forskola"].status.findings} >= {"mission-ending"}


def test_a_protocol_that_could_record_two_planned_meetings_goes_to_a_person(
    tmp_path: Path,
) -> None:
    app = App(load_settings(None, state_dir=tmp_path / "state", rules_dir=REPO / "rules"))
    plan = mail(
        11, GRETA, "Mötesplan nätverket Förskola våren 2026", "2026-01-16T08:00",
        "Hej!\n\nMötesplan för nätverket Förskola våren 2026, kl. 9–12:\n\n"
        "fredag 17 april 2026\nfredag 15 maj 2026\n\nVänliga hälsningar\nGreta\n",
    )  # fmt: skip
    both = protocol(12, "1 maj 2026", "2026-05-05T10:00")  # two weeks from each
    one = protocol(13, "22 maj 2026", "2026-05-26T10:00")  # a week after 15 May only
    for number, raw in enumerate((plan, both, one)):
        app.intake.accept(raw, Origin(mailbox="file:test", key=str(number)))
    app.pipeline.run_pending()
    states = {m.message_id: m for m in app_messages(app)}
    waiting = states["<ar2026-12@example.se>"]
    assert waiting.state == "needs_review"
    assert waiting.review == [
        {
            "code": "protocol-date-ambiguous",
            "args": {"date": "2026-05-01", "candidates": "2026-04-17, 2026-05-15"},
        }
    ]
    assert states["<ar2026-13@example.se>"].state == "applied"
    view = next(v for v in Ticker(app).views(date(2026, 6, 1)) if v.network.slug == "forskola")
    assert view.status.phases == {date(2026, 4, 17): "past", date(2026, 5, 22): "held"}
    app.engine.dispose()


@dataclass
class Stored:
    message_id: str
    state: str
    review: list[dict[str, object]]


def app_messages(app: App) -> list[Stored]:
    from sqlmodel import Session, select

    from mailbot.models import Message, Understanding

    with Session(app.engine) as session:
        rows = session.exec(
            select(Message, Understanding).join(
                Understanding,
                Understanding.message_pk == Message.id,  # type: ignore[arg-type]
            )
        ).all()
    return [
        Stored(m.message_id or "", m.state, json.loads(u.result_json).get("review", []))
        for m, u in rows
    ]
