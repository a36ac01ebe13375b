"""Units of the understanding layer: quotes, HTML, machine mail, members, networks."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbot.parse.html import html_to_text
from mailbot.parse.mime import parse_mail
from mailbot.parse.quotes import says_little, split_quoted
from mailbot.rules import load_networks
from mailbot.understand.machine import machine_reason
from mailbot.understand.members import (
    member_from_line,
    members_from_table,
    members_from_text,
    municipality_of,
    normalize_role,
)
from mailbot.understand.network import NetworkMatcher, decide_network

RULES = Path(__file__).resolve().parent.parent / "rules"


# -- quoted history -------------------------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "Från: Anna Berg <anna@vara.se>\nSkickat: den 3 mars 2025 10:14\nTill: x\nÄmne: y",
        "From: Anna Berg <anna@vara.se>\nSent: Monday, March 3, 2025 10:14 AM",
        "-----Ursprungligt meddelande-----\nFrån: Anna",
        "-----Original Message-----",
        "Den tors 6 mars 2025 kl 10:14 skrev Anna Berg <anna@vara.se>:",
        "Den 3 mars 2025 skrev Anna Berg <\nanna@vara.se>:",
        "On Thu, Mar 6, 2025 at 10:14 AM Anna Berg <anna@vara.se> wrote:",
        "________________________________\nFrån: Anna Berg\nSkickat: den 3 mars",
    ],
)
def test_history_is_cut(marker: str) -> None:
    split = split_quoted(f"Nytt datum: 21 mars.\n\n{marker}\nGammalt: 14 mars", "SV: Möte")
    assert split.new == "Nytt datum: 21 mars."
    assert "14 mars" in split.quoted and not split.forward


def test_quoted_lines_are_cut() -> None:
    split = split_quoted("Nytt datum: 21 mars.\n\n> Vi ses den 14 mars\n> /Anna", "SV: Möte")
    assert split.new == "Nytt datum: 21 mars." and "14 mars" in split.quoted


def test_forward_marker_and_subject() -> None:
    text = "Se nedan\n\n---------- Vidarebefordrat meddelande ---------\nFrån: Per\nMötesplan"
    split = split_quoted(text, "Fwd: Mötesplan")
    assert split.forward and split.new == "Se nedan" and says_little(split.new)
    outlook = split_quoted("FYI\n\nFrån: Per\nSkickat: den 3 mars\n\nPlan", "VB: Plan")
    assert outlook.forward


def test_interleaved_answers_are_kept() -> None:
    split = split_quoted("> Kan du 14 mars?\nJa, det går bra.\n> Och 21?\nNej.", "Re: x")
    assert split.new == "Ja, det går bra.\nNej."


# -- HTML ------------------------------------------------------------------------------


def test_outlook_html_table_and_lines() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><p class=MsoNormal>Hej!<br>Listan:</p>"
        "<table><tr><td><p class=MsoNormal>Namn</p></td><td>Kommun</td></tr>"
        "<tr><td>Eva&nbsp;Ek</td><td>Skövde</td></tr></table><p>Mvh</p></body></html>"
    )
    text, tables = html_to_text(html)
    assert tables == [[["Namn", "Kommun"], ["Eva Ek", "Skövde"]]]
    assert text.split("\n")[:4] == ["Hej!", "Listan:", "Namn\tKommun", "Eva Ek\tSkövde"]


# -- machine mail ------------------------------------------------------------------------


def _mail(headers: str, body: str = "Hej") -> bytes:
    return (headers.strip() + "\r\n\r\n" + body).encode()


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("From: a@vara.se\nSubject: Frånvaromeddelande: Möte", "auto-reply"),
        ("From: a@vara.se\nSubject: Automatiskt svar: Protokoll", "auto-reply"),
        ("From: a@vara.se\nSubject: Möte\nAuto-Submitted: auto-replied", "auto-reply"),
        ("From: a@vara.se\nSubject: Möte\nX-Autoreply: yes", "auto-reply"),
        ("From: MAILER-DAEMON@mx.vara.se\nSubject: Undelivered Mail Returned to Sender", "bounce"),
        ("From: postmaster@x.se\nSubject: Olevererbart: Protokoll", "bounce"),
        (
            "From: a@x.se\nSubject: x\nContent-Type: multipart/report; "
            'report-type=delivery-status; boundary="b"',
            "bounce",
        ),
        ("From: news@x.se\nSubject: Nyhetsbrev\nList-Unsubscribe: <mailto:u@x.se>", "newsletter"),
        ("From: news@x.se\nSubject: Erbjudande\nPrecedence: bulk", "newsletter"),
        ("From: a@x.se\nSubject: [SPAM] Vinn\nX-Spam-Flag: YES", "spam"),
        ("From: a@vara.se\nSubject: Accepterat: Nätverksträff Förskola", "calendar-reply"),
        ("From: a@vara.se\nSubject: Declined: Nätverksträff Förskola", "calendar-reply"),
        ("From: a@vara.se\nSubject: Preliminärt: Nätverksträff Förskola", "calendar-reply"),
    ],
)
def test_machine_mail(headers: str, reason: str) -> None:
    found = machine_reason(parse_mail(_mail(headers)))
    assert found is not None and found[0] == reason


def test_people_are_not_machines() -> None:
    raw = _mail("From: a@vara.se\nSubject: SV: Protokoll\nX-MS-Has-Attach: yes", "Tack!")
    assert machine_reason(parse_mail(raw)) is None
    raw = _mail("From: a@vara.se\nSubject: Accepterat förslag till mötesdatum", "Hej")
    assert machine_reason(parse_mail(raw)) is None


def test_mail_from_mailbots_own_address_is_never_input() -> None:
    from mailbot.understand.analyze import Context, analyze

    networks = load_networks(Path(__file__).resolve().parent.parent / "rules")
    raw = _mail(
        "From: Utbildning Skaraborg <utbildning@skaraborg.se>\nSubject: Protokoll Förskola",
        "Protokoll från nätverksträffen i förskolenätverket 14 mars 2025.",
    )
    own = Context.build(networks, own_addresses=("utbildning@skaraborg.se",))
    result = analyze(parse_mail(raw), own)
    assert (result.disposition, result.ignored_reason) == ("ignored", "own-mail")
    other = analyze(parse_mail(raw), Context.build(networks))
    assert other.ignored_reason != "own-mail"


# -- members ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Ordförande", "ordforande"),
        ("ordf.", "ordforande"),
        ("Sekr", "sekreterare"),
        ("sekreterare", "sekreterare"),
        ("Presidiet", "presidium"),
        ("vice ordförande", "presidium"),
        ("ledamot", "ledamot"),
    ],
)
def test_roles(text: str, role: str) -> None:
    assert normalize_role(text) == role


def test_municipalities() -> None:
    assert municipality_of("Skövde kommun") == "Skövde"
    assert municipality_of("Lidköpings kommun") == "Lidköping"
    assert municipality_of("skovde") == "Skövde"
    assert municipality_of("Stockholm") is None


def test_member_table_with_merged_role_rows() -> None:
    rows = [
        ["Medlemsförteckning 2025", "", "", ""],
        ["Namn", "Kommun", "Roll", "E-post"],
        ["Presidium", "", "", ""],
        ["Anna Berg", "Skövde", "Ordf.", "Anna.Berg@skovde.se"],
        ["Per Lund", "Vara", "", "per.lund@vara.se"],
        ["Övriga ledamöter", "", "", ""],
        ["Åsa Öberg-Lind", "Lidköpings kommun", "", ""],
    ]
    got = [(m.name, m.role, m.municipality, m.email) for m in members_from_table(rows)]
    assert got == [
        ("Anna Berg", "ordforande", "Skövde", "anna.berg@skovde.se"),
        ("Per Lund", "presidium", "Vara", "per.lund@vara.se"),
        ("Åsa Öberg-Lind", "ledamot", "Lidköping", None),
    ]


def test_members_in_text_lines() -> None:
    text = (
        "Anna Berg, Skövde, ordf., anna.berg@skovde.se\n"
        "Per Lund (sekr.) – Vara\n"
        "Karin Holm, Tibro kommun\n"
    )
    got = [(m.name, m.role, m.municipality) for m in members_from_text(text)]
    assert got == [
        ("Anna Berg", "ordforande", "Skövde"),
        ("Per Lund", "sekreterare", "Vara"),
        ("Karin Holm", "ledamot", "Tibro"),
    ]
    member = member_from_line("Skövde: Eva Ek, ledamot")
    assert member is not None and member.name == "Eva Ek"


# -- networks --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def matcher() -> NetworkMatcher:
    return NetworkMatcher.build(load_networks(RULES))


def test_longest_alias_wins(matcher: NetworkMatcher) -> None:
    assert [s for s, _ in matcher.find("Protokoll anpassad grundskola")] == ["anpassad-skola"]
    assert [s for s, _ in matcher.find("IM-nätverket och IM")] == [
        "introduktionsprogrammen",
        "introduktionsprogrammen",
    ]
    assert matcher.find("im") == []  # short forms only as written


def test_subject_beats_passing_mention(matcher: NetworkMatcher) -> None:
    decision = decide_network(
        [("subject", "Protokoll förskola"), ("body", "övergång till grundskolan")], matcher
    )
    assert decision.slug == "forskola" and not decision.ambiguous


def test_two_networks_equally_named_is_ambiguous(matcher: NetworkMatcher) -> None:
    decision = decide_network([("subject", "Gemensamt möte förskola och grundskola")], matcher)
    assert decision.slug is None and decision.ambiguous


# -- meetings --------------------------------------------------------------------------

from datetime import date as _date  # noqa: E402

from mailbot.understand.meetings import MeetingFindings, meetings_in_table, meetings_in_text  # noqa: E402

REF = _date(2025, 8, 20)


def _meet(
    text: str, plan: bool = True, ref: _date = REF
) -> list[tuple[str, str | None, str | None, str | None]]:
    found = MeetingFindings()
    meetings_in_text(text, ref, found, plan=plan, source="t")
    return [
        (
            m.date.isoformat(),
            m.start and m.start.strftime("%H:%M"),
            m.end and m.end.strftime("%H:%M"),
            m.place,
        )
        for m in found.sorted()
    ]


def test_place_straight_after_the_time() -> None:
    assert _meet(
        "Datum för hösten:\nfre 12/9 kl 8.30–11.30 Skövde, Stadshuset\nfre 17/10 kl 9-12 Teams"
    ) == [
        ("2025-09-12", "08:30", "11:30", "Skövde, Stadshuset"),
        ("2025-10-17", "09:00", "12:00", "Teams"),
    ]


def test_general_time_and_place_apply_to_a_list_unless_one_has_its_own() -> None:
    text = (
        "Vi träffas på torsdagar kl 13–16 i Skövde, Kulturhuset om inget annat sägs.\n"
        "Datum: 18/9, 16/10 och 20/11 (den 20/11 i Lidköping, Stadshuset)."
    )
    assert _meet(text) == [
        ("2025-09-18", "13:00", "16:00", "Skövde, Kulturhuset"),
        ("2025-10-16", "13:00", "16:00", "Skövde, Kulturhuset"),
        ("2025-11-20", "13:00", "16:00", "Lidköping, Stadshuset"),
    ]


def test_two_day_meeting_is_one_entry_and_remarks_are_not_places() -> None:
    text = (
        "Tid: torsdag 2 oktober kl. 10.00 – fredag 3 oktober kl. 15.00\nPlats: Hotell Bellevue, Hjo"
    )
    assert _meet(text) == [("2025-10-02", "10:00", "15:00", "Hotell Bellevue, Hjo")]
    assert _meet("Nätverksträff 12/9 kl 9-15 Skara, Stadshuset (heldag med lunch)") == [
        ("2025-09-12", "09:00", "15:00", "Skara, Stadshuset")
    ]


def test_history_deadlines_moves_and_cancellations() -> None:
    assert _meet("Protokollet från mötet 2025-05-23 lades till handlingarna.", plan=False) == []
    assert _meet("Rapporten ska lämnas senast 30 september.", plan=False) == []
    found = MeetingFindings()
    meetings_in_text(
        "Mötet den 18 september flyttas till 25 september kl 9-12.",
        REF,
        found,
        plan=False,
        source="t",
    )
    assert [m.date.isoformat() for m in found.sorted()] == ["2025-09-25"]
    assert found.moved == [(_date(2025, 9, 18), _date(2025, 9, 25))]
    found = MeetingFindings()
    meetings_in_text(
        "Tyvärr ställer vi in fredagens träff (22/8).", REF, found, plan=False, source="t"
    )
    assert found.sorted() == [] and found.cancelled == [_date(2025, 8, 22)]


def test_meeting_table_with_title_rows_and_start_end_columns() -> None:
    rows = [
        ["Mötesplan 2025/26", "", "", "", ""],
        ["Datum", "Veckodag", "Start", "Slut", "Plats"],
        ["2025-09-18", "torsdag", "13:00", "16:00", "Campus Skövde"],
    ]
    found = MeetingFindings()
    assert meetings_in_table(rows, REF, found, source="t")
    m = found.sorted()[0]
    assert (m.start.isoformat(), m.end.isoformat(), m.place) == (
        "13:00:00",
        "16:00:00",
        "Campus Skövde",
    )  # type: ignore[union-attr]


# -- trust -----------------------------------------------------------------------------


def _member_list(sender: str, extra: str = "") -> bytes:
    body = (
        "Hej! Här är förteckningen.\n\nAnna Berg, Skövde, ordf.\nPer Lund, Vara, sekr.\n"
        "Karin Holm, Tibro\n"
    )
    return (
        f"From: {sender}\r\nSubject: Medlemsförteckning förskola 2025\r\n"
        f"Date: Fri, 10 Jan 2025 09:00:00 +0100\r\nMessage-ID: <t@x>\r\n{extra}"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}"
    ).encode()


def test_trust_domain_member_and_dmarc() -> None:
    from mailbot.understand.analyze import Context, analyze

    networks = load_networks(RULES)
    plain = Context.build(networks)
    assert analyze(parse_mail(_member_list("anna.berg@skovde.se")), plain).disposition == "apply"
    private = parse_mail(_member_list("anna.berg72@gmail.com"))
    result = analyze(private, plain)
    assert result.disposition == "needs_review"
    assert any("not a known member" in r for r in result.reasons)
    # the same private address, once it is a known member of the network, is trusted
    known = Context.build(networks, known_senders={"anna.berg72@gmail.com": {"forskola"}})
    assert analyze(private, known).disposition == "apply"
    forged = parse_mail(
        _member_list(
            "anna.berg@skovde.se",
            "Authentication-Results: mx.skaraborg.se; spf=pass;\r\n"
            " dmarc=fail header.from=skovde.se\r\n",
        )
    )
    failed = analyze(forged, plain)
    assert failed.disposition == "needs_review"
    assert any("DMARC=fail" in r for r in failed.reasons)
