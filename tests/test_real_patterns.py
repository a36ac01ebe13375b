"""Patterns of real municipal documents beyond attendance (issue 13): front-page dates
that are not the meeting, numbers and dates in passing, headings after a greeting,
month-first dates. Each is read through the whole reader (parse_mail + analyze), as a
mail from an invented member."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from mailbot.parse.mime import parse_mail
from mailbot.parse.swedish_dates import find_dates
from mailbot.reasons import ReasonCode
from mailbot.rules import load_networks
from mailbot.understand.analyze import Context, analyze
from mailbot.understand.protocol import protocol_date
from mailbot.verdict import Verdict

SENDER = "lina.ask@skovde.se"


@pytest.fixture(scope="module")
def context() -> Context:
    rules = Path(__file__).resolve().parent.parent / "rules"
    return Context.build(load_networks(rules), known_senders={SENDER: {"forskola"}})


def read(context: Context, subject: str, body: str) -> Verdict:
    msg = EmailMessage()
    msg["From"] = f"Lina Ask <{SENDER}>"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 10 Mar 2025 10:00:00 +0100"
    msg["Message-ID"] = "<pattern@skovde.se>"
    msg.set_content(body)
    return analyze(parse_mail(msg.as_bytes()), context).verdict()


def test_front_page_dates_that_are_not_the_meeting() -> None:
    text = """Utses att justera  Per Holm
Justeringens plats och tid  Hjo 2025-05-14
PROTOKOLL
Sammanträdesdatum  2025-05-12
Datum då anslaget sätts upp  2025-05-15
Datum då anslaget tas ned  2025-06-06
"""
    assert protocol_date(text, date(2025, 6, 1), []) == date(2025, 5, 12)
    text = "Plats och tid: Stadshuset 2025-05-12 kl 13\nJusteringens plats och tid: Hjo 2025-05-14"
    assert protocol_date(text, date(2025, 6, 1), []) == date(2025, 5, 12)


def test_a_count_of_members_is_no_member_list(context: Context) -> None:
    found = read(
        context,
        "Förskolenätverket",
        "Hej!\nNätverket har 15 ledamöter och alla kommuner är med.\n/Lina",
    )
    assert "member_list" not in found.kinds and found.members == []


def test_someones_absence_is_no_meeting(context: Context) -> None:
    found = read(
        context,
        "Träff förskolenätverket",
        "Hej!\nVi ses fredag 14 mars kl 9-12 i Skara.\nJag är på semester till 12/5, "
        "tillbaka den 19/5.\n/Lina",
    )
    assert [m.date for m in found.meetings] == [date(2025, 3, 14)]


def test_a_protocol_heading_after_a_greeting(context: Context) -> None:
    found = read(
        context,
        "Förskola",
        "Hej!\n\nMötesanteckningar nätverket förskola 2025-03-07\n"
        "Närvarande: Anna Berg, Per Holm\n\n1. Mötet öppnades\n",
    )
    assert found.protocol is not None
    assert found.protocol.meeting_date == date(2025, 3, 7)
    assert found.protocol.attendees == ["Anna Berg", "Per Holm"]


def test_anteckningar_as_a_heading_is_a_protocol(context: Context) -> None:
    found = read(
        context,
        "Från fredagens träff",
        "Anteckningar nätverket Förskola 7 mars 2025\n\nDeltagare\nAnna Berg, Hjo\n"
        "Per Holm, Vara\n\nBeslut\nNästa träff 4 april.\n",
    )
    assert "protocol" in found.kinds
    assert found.protocol is not None and found.protocol.attendees == ["Anna Berg", "Per Holm"]


@pytest.mark.parametrize(
    "text, day, start",
    [
        ("september 8:e kl 17", date(2025, 9, 8), "17:00"),
        ("Vi ses oktober 8 kl 9-12 i Skara", date(2025, 10, 8), "09:00"),
        ("september 8 och oktober 10.", date(2025, 9, 8), None),
    ],
)
def test_month_first_dates(text: str, day: date, start: str | None) -> None:
    found = find_dates(text, date(2025, 8, 1), prefer="future")
    assert found[0].date == day
    assert (found[0].start.strftime("%H:%M") if found[0].start else None) == start


@pytest.mark.parametrize("text", ["mars 2025", "juni 12 deltagare", "14 mars 9 till 12"])
def test_month_first_leaves_other_text_alone(text: str) -> None:
    found = find_dates(text, date(2025, 3, 1))
    assert all(m.date.month == 3 and m.date.day == 14 for m in found)


def test_roles_as_headings_with_names_below(context: Context) -> None:
    found = read(
        context,
        "Rollfördelning nätverket förskola 2025",
        "Hej!\n\nRollfördelning\n\nOrdförande/förvaltningschefsrepresentant\nAnna Berg, Skövde\n\n"
        "Sekreterare\nPer Holm, Hjo\n\nPresidium\nKarin Sund, Tibro\nLars Ek, Vara\n\n"
        "Kommunrepresentanter\nMaja Ek, Falköping\nSven Dahl, Lidköping\n",
    )
    assert [(m.name, m.role, m.municipality) for m in found.members] == [
        ("Anna Berg", "ordforande", "Skövde"),
        ("Per Holm", "sekreterare", "Hjo"),
        ("Karin Sund", "presidium", "Tibro"),
        ("Lars Ek", "presidium", "Vara"),
        ("Maja Ek", "ledamot", "Falköping"),
        ("Sven Dahl", "ledamot", "Lidköping"),
    ]


def test_municipality_first_without_addresses_and_deltagare_in_the_subject(
    context: Context,
) -> None:
    found = read(
        context,
        "Deltagare förskolenätverket",
        "Hej, här är deltagarna:\n\nSkövde Anna Berg\nHjo Per Holm\nLilla Edet Karin Sund\n",
    )
    assert found.kinds == ["member_list"]
    assert [(m.name, m.email) for m in found.members] == [
        ("Anna Berg", None), ("Per Holm", None), ("Karin Sund", None),
    ]  # fmt: skip


def test_a_role_inside_the_name_cell(context: Context) -> None:
    msg = EmailMessage()
    msg["From"] = f"Lina Ask <{SENDER}>"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = "Medlemmar förskolenätverket"
    msg["Date"] = "Mon, 10 Mar 2025 10:00:00 +0100"
    msg.set_content("Se tabellen.")
    msg.add_alternative(
        "<table><tr><td>Namn</td><td>Kommun</td></tr>"
        "<tr><td>Anna Berg, ordförande</td><td>Skövde</td></tr>"
        "<tr><td>Per Holm</td><td>Hjo</td></tr>"
        "<tr><td>Karin Sund – sekreterare</td><td>Tibro</td></tr></table>",
        subtype="html",
    )
    found = analyze(parse_mail(msg.as_bytes()), context).verdict()
    assert [(m.name, m.role) for m in found.members] == [
        ("Anna Berg", "ordforande"), ("Per Holm", "ledamot"), ("Karin Sund", "sekreterare"),
    ]  # fmt: skip


CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
METHOD:REQUEST
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=W. Europe Standard Time:20250404T090000
DTEND;TZID=W. Europe Standard Time:20250404T120000
SUMMARY:Nätverksträff förskola
LOCATION:Stadshuset, Skövde
UID:desk-test-1
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
"""


@pytest.mark.parametrize("method, cancelled", [("REQUEST", False), ("CANCEL", True)])
def test_an_outlook_invitation_is_its_meeting(
    context: Context, method: str, cancelled: bool
) -> None:
    msg = EmailMessage()
    msg["From"] = f"Lina Ask <{SENDER}>"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = ("Inställt: " if cancelled else "Inbjudan: ") + "Nätverksträff förskola"
    msg["Date"] = "Mon, 10 Mar 2025 10:00:00 +0100"
    msg.set_content("Välkomna!\n")
    msg.add_alternative(
        CALENDAR.replace("METHOD:REQUEST", f"METHOD:{method}"),
        subtype="calendar",
        params={"method": method},
    )
    found = analyze(parse_mail(msg.as_bytes()), context).verdict()
    if cancelled:
        assert [(c.action, c.on) for c in found.changes] == [("cancelled", date(2025, 4, 4))]
    else:
        assert [(m.date, str(m.start), str(m.end), m.place) for m in found.meetings] == [
            (date(2025, 4, 4), "09:00:00", "12:00:00", "Stadshuset, Skövde")
        ]


def test_a_pdf_table_keeps_its_columns() -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from mailbot.parse.documents import extract_document_inline
    from mailbot.parse.types import Limits

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)  # a core font: å, ä and ö are in its Latin-1
    pdf.cell(40, 8, "Beslutande")
    pdf.cell(80, 8, "Anna Berg (S), ordförande", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(headings_style=FontFace()) as table:
        for cells in (
            ["Kommun", "Namn", "E-post", "Roll"],
            ["Essunga", "Lisa Vik", "lisa.vik@essunga.se", "ordförande"],
            ["Hjo", "Per Holm", "per.holm@hjo.se", ""],
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    found = extract_document_inline("lista.pdf", "application/pdf", bytes(pdf.output()), Limits())
    assert "Beslutande\tAnna Berg (S), ordförande" in found.text
    assert "Essunga\tLisa Vik\tlisa.vik@essunga.se" in found.text  # not "Essunga Lisa Vik"
    assert found.tables == [
        [
            ["Kommun", "Namn", "E-post", "Roll"],
            ["Essunga", "Lisa Vik", "lisa.vik@essunga.se", "ordförande"],
            ["Hjo", "Per Holm", "per.holm@hjo.se", ""],
        ]
    ]


def test_absence_words_drop_only_the_date_they_lead_to(context: Context) -> None:
    found = read(
        context,
        "Majträffen förskolenätverket",
        "Hej!\nJag är på semester till 12/5 men mötet fredag 16 maj kl 9–12 i Mariestad "
        "står fast.\n/Lina",
    )
    assert [m.date for m in found.meetings] == [date(2025, 5, 16)]


def test_a_date_in_parentheses_for_another_body(context: Context) -> None:
    found = read(
        context,
        "Datum våren nätverket förskola",
        "Datum för våren 2025:\nFredag 14 mars (presidiet 7 mars)\nFredag 11 april "
        "(presidiet 4 april)\n",
    )
    assert [m.date for m in found.meetings] == [date(2025, 3, 14), date(2025, 4, 11)]


def test_the_tid_field_beats_the_documents_own_date() -> None:
    text = "Datum 2026-05-11\tMinnesanteckningar\nTid:\tFredagen den 8 maj 2026 klockan 9.00–12.00"
    assert protocol_date(text, date(2026, 5, 20), []) == date(2026, 5, 8)


def test_members_in_a_sentence_surname_first_and_not_headings(context: Context) -> None:
    found = read(
        context,
        "Nätverket förskola sammansättning",
        "Hej!\n\nPresidiet består av Anna Berg, Skövde (ordförande), Per Holm, Tidaholm "
        "(sekreterare) och Eva Lind, Götene.\n\nÖvriga ledamöter: Lars Ek (Hjo), Mona Björk "
        "(Vara).\n",
    )
    assert [(m.name, m.role) for m in found.members] == [
        ("Anna Berg", "ordforande"), ("Per Holm", "sekreterare"), ("Eva Lind", "presidium"),
        ("Lars Ek", "ledamot"), ("Mona Björk", "ledamot"),
    ]  # fmt: skip
    found = read(
        context,
        "Medlemmar förskolenätverket",
        "Hej!\n\nFrån vår sändlista:\n\nBerg Anna <anna.berg@skovde.se>;\n"
        "Holm Per <per.holm@hjo.se>;\nLind Eva <eva.lind@vara.se>\n\nMvh Lina Ask\n",
    )
    assert [m.name for m in found.members] == ["Anna Berg", "Per Holm", "Eva Lind"]


def test_a_recurring_invitation_gives_every_date(context: Context) -> None:
    msg = EmailMessage()
    msg["From"] = f"Lina Ask <{SENDER}>"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = "Förskolenätverket digital avstämning"
    msg["Date"] = "Mon, 10 Mar 2025 10:00:00 +0100"
    msg.set_content("Tredje torsdagen varje månad.\n")
    msg.add_alternative(
        CALENDAR.replace(
            "STATUS:CONFIRMED", "RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=3TH\nSTATUS:CONFIRMED"
        )
        .replace("20250404T090000", "20250417T090000")
        .replace("20250404T120000", "20250417T120000"),
        subtype="calendar",
        params={"method": "REQUEST"},
    )
    found = analyze(parse_mail(msg.as_bytes()), context).verdict()
    assert [m.date for m in found.meetings] == [
        date(2025, 4, 17), date(2025, 5, 15), date(2025, 6, 19),
    ]  # fmt: skip


def test_a_month_and_day_table_and_a_month_grid() -> None:
    from mailbot.understand.meetings import MeetingFindings, meetings_in_table

    found = MeetingFindings()
    rows = [
        ["Månad", "Datum", "Tid", "Plats"],
        ["Augusti", "28", "", "Lidköping"],
        ["Oktober", "9", "08.30–15.00", "Skara"],
        ["Februari", "5", "", "Falköping"],
    ]
    assert meetings_in_table(rows, date(2025, 6, 10), found, source="plan")
    assert [(m.date, m.place) for m in found.sorted()] == [
        (date(2025, 8, 28), "Lidköping"), (date(2025, 10, 9), "Skara"),
        (date(2026, 2, 5), "Falköping"),
    ]  # fmt: skip
    grid = [
        ["2026", "Jan", "Feb", "Mars", "Juni", "Tid"],
        ["Nätverksträff", "20", "17", "24", "–", "13.00–16.00"],
        ["Presidiet", "13", "10", "17", "–", "08.30–10.00"],
    ]
    found = MeetingFindings()
    assert meetings_in_table(grid, date(2025, 12, 1), found, source="plan")
    assert [(m.date, str(m.start)) for m in found.sorted()] == [
        (date(2026, 1, 20), "13:00:00"), (date(2026, 2, 17), "13:00:00"),
        (date(2026, 3, 24), "13:00:00"),
    ]  # fmt: skip


def test_a_teams_attendance_report() -> None:
    from mailbot.understand.attendance import attendees_in_table

    rows = [
        ["2. Deltagare", "", "", ""],
        ["Namn", "Första anslutning", "Tid i mötet", "Roll"],
        ["Anna Berg", "2025-12-11 13:01:12", "2 h 58 min", "Organisatör"],
        ["Per Holm", "2025-12-11 13:04:51", "2 h 25 min", "Deltagare"],
    ]
    assert attendees_in_table(rows) == ["Anna Berg", "Per Holm"]


def test_two_people_in_one_cell_each_with_the_role_beside_the_name() -> None:
    from mailbot.understand.members import members_from_table

    rows = [
        ["Kommun", "Namn", "Roll"],
        ["Skövde", "Anna Berg (ordförande)\nPer Holm", ""],
        ["Hjo", "Eva Lind", "Sekreterare"],
    ]
    assert [(m.name, m.role, m.municipality) for m in members_from_table(rows)] == [
        ("Anna Berg", "ordforande", "Skövde"), ("Per Holm", "ledamot", "Skövde"),
        ("Eva Lind", "sekreterare", "Hjo"),
    ]  # fmt: skip


def test_roles_in_prose_by_first_name_jag_and_footnote_marks(context: Context) -> None:
    found = read(
        context,
        "Medlemmar förskolenätverket",
        "Hej!\n\nMedlemmar:\nBerg Anna <anna.berg@skovde.se>;\nHolm Per <per.holm@hjo.se>;\n"
        f"Ask Lina <{SENDER}>;\nLind Eva <eva.lind@vara.se>\n\n"
        "Anna är ordförande, och Per och jag ingår i presidiet.\n",
    )
    assert [(m.name, m.role) for m in found.members] == [
        ("Anna Berg", "ordforande"), ("Per Holm", "presidium"), ("Lina Ask", "presidium"),
        ("Eva Lind", "ledamot"),
    ]  # fmt: skip
    found = read(
        context,
        "Deltagarförteckning förskolenätverket",
        "Deltagare:\nAnna Berg*, Skövde\nPer Holm*, Hjo\nEva Lind, Vara\nMona Björk, Tibro\n\n"
        "* ingår i presidiet. Ordförande: Anna Berg.\n",
    )
    assert [(m.name, m.role) for m in found.members] == [
        ("Anna Berg", "ordforande"), ("Per Holm", "presidium"), ("Eva Lind", "ledamot"),
        ("Mona Björk", "ledamot"),
    ]  # fmt: skip


def test_a_reply_that_is_a_whole_list_with_a_leaver(context: Context) -> None:
    found = read(
        context,
        "SV: Förteckning förskolenätverket",
        "Hej!\n\nHär kommer den uppdaterade listan. Per Holm har slutat.\n\n"
        "Anna Berg – Skövde – anna.berg@skovde.se – ordförande\n"
        "Eva Lind – Vara – eva.lind@vara.se\nMona Björk – Tibro – mona.bjork@tibro.se\n"
        "Lars Ek – Hjo – lars.ek@hjo.se\n",
    )
    assert found.kinds == ["member_list"] and len(found.members) == 4
    assert found.disposition == "needs_review"  # someone leaves: a person confirms
    assert [r.code for r in found.review] == [ReasonCode.MEMBER_LEAVES]


def test_a_leaver_replaced_in_the_network(context: Context) -> None:
    found = read(
        context,
        "Ändring i nätverket förskola – Skövde",
        "Hej!\n\nPer Holm (Skövde) går i pension och ersätts i nätverket av Eva Lind, "
        "eva.lind@skovde.se, från 1 mars.\n",
    )
    assert [m.name for m in found.members] == ["Eva Lind"]
    assert found.member_changes is not None and found.member_changes.leaving == ["Per Holm"]
    assert found.disposition == "needs_review"


def test_attendance_by_exception_goes_to_review(context: Context) -> None:
    found = read(
        context,
        "Protokoll förskolenätverket 7 mars",
        "Protokoll nätverket förskola 7 mars 2025\nNärvarande: samtliga kommuner utom Hjo "
        "och Tibro, samt Eva Lind från Kommunalförbundet.\n\n1. Mötet öppnas\n",
    )
    assert "protocol" in found.kinds and found.disposition == "needs_review"
    assert ReasonCode.ATTENDANCE_UNLISTED in [r.code for r in found.review]
    # A count of municipalities in the business is no attendance.
    found = read(
        context,
        "Minnesanteckningar förskolenätverket 7 mars",
        "Minnesanteckningar nätverket förskola 7 mars 2025\nNärvarande: Anna Berg, Per Holm\n\n"
        "1. Antalet barn minskar i alla kommuner utom två.\n",
    )
    assert found.disposition == "apply"
