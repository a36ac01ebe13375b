"""Who was at a meeting, as real Swedish protocols write it (issue 13). Each pattern the
issue lists has its case here; the people are invented, the layouts are those of real
public protocols, minnesanteckningar and närvarolistor."""

from __future__ import annotations

import pytest

from mailbot.understand.attendance import attendees_in_table, attendees_in_text, names_in_line
from mailbot.understand.gazetteer import is_given_name, is_municipality, municipality_in


@pytest.mark.parametrize(
    "line, names",
    [
        # several on a line: commas, semicolons, two spaces, tabs, "och"
        ("Anna Berg, Per Holm, Eva Lind", ["Anna Berg", "Per Holm", "Eva Lind"]),
        ("Anna Berg; Per Holm", ["Anna Berg", "Per Holm"]),
        ("Anna Berg  Per Holm   Eva Lind", ["Anna Berg", "Per Holm", "Eva Lind"]),
        ("Anna Berg\tPer Holm", ["Anna Berg", "Per Holm"]),
        ("Maria Holm och Sven Dahl", ["Maria Holm", "Sven Dahl"]),
        # a municipality beside the name, in any order and any form
        ("Anna Berg Skövde", ["Anna Berg"]),
        ("Skövde Anna Berg", ["Anna Berg"]),
        ("Anna Berg (Skövde)", ["Anna Berg"]),
        ("Anna Berg, Skövde kommun", ["Anna Berg"]),
        ("Anna Berg, (S), Lilla Edet", ["Anna Berg"]),
        ("Lilla Edet Anna Berg", ["Anna Berg"]),
        ("Per Holm Upplands Väsby", ["Per Holm"]),
        # roles and parties after the name
        ("Anna Berg – rektor", ["Anna Berg"]),
        ("Anna Berg (S), ordförande", ["Anna Berg"]),
        ("Eva Lind, sekreterare", ["Eva Lind"]),
        ("Olle Strand förvaltningschef", ["Olle Strand"]),
        ("Tjg §§ 19-26 Lars Ek (C) x", ["Lars Ek"]),
        # absence inline ends the line's list of those present
        ("Anna Berg, Per Holm, anmält förhinder: Lars Ek", ["Anna Berg", "Per Holm"]),
        ("Karin Sund (frånvarande)", []),
        ("Anna Berg, Per Holm (anmält förhinder)", ["Anna Berg"]),
        # a first name alone, as written
        ("Anna, Per och Lisa", ["Anna", "Per", "Lisa"]),
        # what is no person
        ("Ja Nej Ja Nej", []),
        ("Skövde", []),
        ("Lilla Edet", []),
        ("Förvaltningen", []),
        ("Nätverket har 15 ledamöter", []),
    ],
)
def test_names_in_line(line: str, names: list[str]) -> None:
    assert names_in_line(line) == names


FRONT_PAGE = """\
PROTOKOLL
Sammanträdesdatum 2025-05-12
Plats och tid   Stadshuset, Hjo kl 13.00-15.30
Beslutande      Anna Berg (S), ordförande
                Per Holm (M)
                Karin Sund (C)
Tjänstgörande ersättare  Lars Ek (L)
Ersättare       Mona Björk (S)
Övriga deltagande  Eva Lind, sekreterare
                   Olle Strand, förvaltningschef
Utses att justera  Per Holm
Justeringens plats och tid  Hjo 2025-05-14
Underskrifter   Sekreterare ..........  Eva Lind
§ 12 Val av justerare
Anna Berg föreslår Per Holm. Siv Krantz informerar.
"""


def test_a_protocol_front_page() -> None:
    assert attendees_in_text(FRONT_PAGE) == [
        "Anna Berg", "Per Holm", "Karin Sund", "Lars Ek", "Mona Björk", "Eva Lind",
        "Olle Strand",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "label", ["Övriga närvarande", "Adjungerade", "Ledamöter", "Sekreterare", "Justerare"]
)
def test_every_front_page_label_opens_a_block(label: str) -> None:
    text = f"PROTOKOLL\nSammanträdesdatum 2025-05-12\n{label}   Tove Lund\n             Ove Sten\n"
    text += "Datum för anslags uppsättande 2025-05-15\n§ 1 Mötets öppnande\n"
    assert attendees_in_text(text) == ["Tove Lund", "Ove Sten"]


def test_minnesanteckningar_with_names_and_municipalities_and_absence() -> None:
    text = """Hej!

Minnesanteckningar nätverket Förskola 2025-03-14
Närvarande: Anna Berg Skövde, Per Holm Hjo, Karin Sund Tibro
Maja Ek Vara
Anmält förhinder: Lars Ek, Tidaholm
Frånvarande: Sten Vik

1. Mötet öppnas
Anna hälsar välkommen.
"""
    assert attendees_in_text(text) == ["Anna Berg", "Per Holm", "Karin Sund", "Maja Ek"]


def test_labels_with_names_below_and_roles() -> None:
    text = """Deltagare
Anna Berg, Falköping
Per Holm, Grästorp

Ordförande: Lena Ros
Sekreterare: Nils Ahl
Adjungerade: Ulf Bäck, Skaraborgs Kommunalförbund
Gäster: Tove Ring

Dagordning
1. Föregående protokoll
"""
    assert attendees_in_text(text) == [
        "Anna Berg", "Per Holm", "Lena Ros", "Nils Ahl", "Ulf Bäck", "Tove Ring",
    ]  # fmt: skip


def test_front_page_dates_and_signatures_are_not_people() -> None:
    text = """Plats och tid: Kommunhuset, Vara, 2025-02-07 kl 09.00
Närvarande: Anna Berg, Per Holm
Justeringens plats och tid: Vara 2025-02-12
Datum då anslaget sätts upp 2025-02-13
"""
    assert attendees_in_text(text) == ["Anna Berg", "Per Holm"]


def test_a_narvarolista_table_with_marks_and_vote_columns() -> None:
    rows = [
        ["NÄRVAROLISTA", "", "", "", ""],
        ["Ledamöter", "Parti", "Närvaro", "Votering", ""],
        ["", "", "", "Ja", "Nej"],
        ["Anna Berg", "S", "x", "", ""],
        ["Per Holm", "M", "", "", ""],
        ["Karin Sund", "C", "Tjg §§ 19-26", "", ""],
    ]
    assert attendees_in_table(rows) == ["Anna Berg", "Karin Sund"]


def test_an_attendance_table_with_ja_and_forhinder() -> None:
    rows = [
        ["Namn", "Kommun", "Närvaro"],
        ["Anna Berg", "Hjo", "Ja"],
        ["Per Holm", "Vara", "Anmält förhinder"],
        ["Eva Lind", "Tibro", "Nej"],
    ]
    assert attendees_in_table(rows) == ["Anna Berg"]


def test_a_table_headed_narvarande_lists_who_came() -> None:
    assert attendees_in_table([["Närvarande", "Kommun"], ["Anna Berg", "Hjo"]]) == ["Anna Berg"]
    # A member list (no attendance heading, no marks) is no attendance.
    assert attendees_in_table([["Namn", "Kommun"], ["Anna Berg", "Hjo"]]) == []


def test_gazetteer() -> None:
    assert is_municipality("Lilla Edet") and is_municipality("skovde") and is_municipality("Hjo")
    assert is_municipality("Skövde kommun") and not is_municipality("Anna Berg")
    assert municipality_in("Rektor i Upplands Väsby kommun") == "Upplands Väsby"
    assert is_given_name("Anna") and is_given_name("linnea") and not is_given_name("Protokoll")
    # From the name dictionary (Sweden column), the newer names, and compounds by parts.
    assert is_given_name("Göran") and is_given_name("Wilma") and is_given_name("Ann-Charlotte")
    assert is_given_name("karl-erik") and not is_given_name("Anna-Protokoll")
    assert not is_given_name("Skövde") and not is_given_name("Ordförande")


@pytest.mark.parametrize(
    "line, names",
    [
        ("Filip Ranstam ersätter Jörgen Svärd", ["Filip Ranstam"]),
        ("Hugo Mellqvist (ej tjänstgörande)", []),
        ("Tornberg Ulrika; Lundquist Stefan", ["Ulrika Tornberg", "Stefan Lundquist"]),
        ("Birgitta, Mikael och jag (Tove). Oskar och Rebecka hade förhinder.",
         ["Birgitta", "Mikael", "Tove"]),
    ],
)  # fmt: skip
def test_more_lines_as_people_write_them(line: str, names: list[str]) -> None:
    assert names_in_line(line) == names


def test_deltog_ej_is_absence_and_a_label_in_parentheses() -> None:
    assert attendees_in_text("Vi var: Birgitta, Mikael. Oskar hade förhinder.") == [
        "Birgitta", "Mikael",
    ]  # fmt: skip
    text = (
        "Närvarande (från kallelsen i Outlook): Anna Berg; Per Holm\n"
        "Deltog ej: Lars Ek, Mona Björk\n"
    )
    assert attendees_in_text(text) == ["Anna Berg", "Per Holm"]


def test_a_front_page_as_a_table_of_labels_with_names_per_line() -> None:
    from mailbot.understand.attendance import attendees_in_label_table

    rows = [
        ["Plats och tid", "Rådhuset, Skara, kl. 09.00–12.00"],
        ["Beslutande", "Ledamöter\nAnna Berg, ordförande\nPer Holm\n\nTjänstgörande ersättare\n"
         "Lars Ek ersätter Mona Björk"],
        ["Ersättare", "Sten Vik (ej tjänstgörande)"],
        ["Övriga deltagande", "Eva Lind, sekreterare"],
        ["Justeringens plats och tid", "Skara 2025-10-21"],
    ]  # fmt: skip
    assert attendees_in_label_table(rows) == ["Anna Berg", "Per Holm", "Lars Ek", "Eva Lind"]


def test_a_narvarolista_with_sections_and_an_absence_column() -> None:
    rows = [
        ["Namn", "Kommun", "Närvarande", "Ej närvarande"],
        ["LEDAMÖTER", "", "", ""],
        ["Anna Berg", "Hjo", "x", ""],
        ["Per Holm", "Vara", "", "x"],
    ]
    assert attendees_in_table(rows) == ["Anna Berg"]


def test_a_pdf_narvarolista_keeps_an_x_in_its_column() -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    from mailbot.parse.documents import extract_document_inline
    from mailbot.parse.types import Limits
    from mailbot.understand.attendance import attendees_in_table

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    with pdf.table(headings_style=FontFace(), text_align="LEFT") as table:
        for cells in (
            ["Namn", "Kommun", "Närvaro", "", "Votering", ""],
            ["", "", "Ja", "Nej", "Ja", "Nej"],
            ["Anna Berg", "Hjo", "x", "", "", ""],
            ["Per Holm", "Vara", "", "x", "", ""],
            ["Eva Lind", "Tibro", "x", "", "x", ""],
        ):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    found = extract_document_inline("narvaro.pdf", "application/pdf", bytes(pdf.output()), Limits())
    assert found.tables[0][3] == ["Per Holm", "Vara", "", "x", "", ""]
    assert attendees_in_table(found.tables[0]) == ["Anna Berg", "Eva Lind"]
