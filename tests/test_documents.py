"""Attachments as secretaries send them, built with the real writing libraries.

Most tests read in-process (`extract_document_inline`); the limits that need the worker
process (time, memory, crashes) and a sample of the others go through `extract_document`
or a `DocumentWorker` of their own.
"""

from __future__ import annotations

import io
import os
import signal
import struct
import threading
import time as time_module
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.parser import parse_xml
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P

from mailbot.parse.documents import (
    ENCRYPTED,
    LEGACY_DOC,
    LEGACY_XLS,
    NO_TEXT_LAYER,
    DocumentWorker,
    detect_kind,
    extract_document,
    extract_document_inline,
)
from mailbot.parse.types import DocumentText, Limits

LIMITS = Limits()
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

MEMBERS = [
    ["Namn", "Kommun", "Roll", "E-post"],
    ["Åsa Öberg", "Vårgårda", "ordförande", "asa.oberg@vargarda.se"],
    ["Per Ängström", "Skövde", "sekreterare", "per.angstrom@skovde.se"],
    ["Märta Lund", "Falköping", "ledamot", "marta.lund@falkoping.se"],
]
MEMBER_LINES = "\n".join("\t".join(row) for row in MEMBERS)

# ---------------------------------------------------------------------------------------
# Fixture builders
# ---------------------------------------------------------------------------------------


def docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def member_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Medlemsförteckning", level=1)
    document.add_paragraph("Förskolenätverket Skaraborg")
    table = document.add_table(rows=len(MEMBERS), cols=4)
    for row, values in zip(table.rows, MEMBERS, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Nästa möte: fredag 16 maj kl. 9–12")
    return docx_bytes(document)


def pdf_bytes(pages: list[str], *, password: str | None = None) -> bytes:
    pdf = FPDF()
    if FONT.exists():
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.set_font("DejaVu", size=11)
    else:  # the core fonts are latin-1, which covers å, ä and ö
        pdf.set_font("Helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="ägare", user_password=password)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 7, text)
    return bytes(pdf.output())


def protocol_pages(count: int) -> list[str]:
    return [
        f"Protokoll nätverksträff, sida {page}\n"
        "Närvarande: Åsa Öberg, Per Ängström\n"
        "Plats: Stadshuset, Skövde"
        for page in range(1, count + 1)
    ]


def odt_bytes(document: OpenDocumentText | OpenDocumentSpreadsheet) -> bytes:
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def odf_cell(text: str = "", **attributes: str) -> TableCell:
    cell = TableCell(**attributes)
    if text:
        cell.addElement(P(text=text))
    return cell


def ole_file(*streams: str) -> bytes:
    """A compound file header and one directory sector naming `streams` (all that the
    detection reads), padded like a real file."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(512, b"\x00")
    entries = b""
    for name in ("Root Entry", *streams):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = encoded.ljust(64, b"\x00") + struct.pack("<H", len(encoded)) + b"\x02"
        entries += entry.ljust(128, b"\x00")
    return header + entries.ljust(512, b"\x00") + bytes(2048)


def read(filename: str, data: bytes, limits: Limits = LIMITS) -> DocumentText:
    return extract_document_inline(filename, None, data, limits)


@pytest.fixture(scope="module")
def worker() -> Iterator[DocumentWorker]:
    with DocumentWorker() as started:
        yield started


@pytest.fixture(scope="session")
def zip_bomb() -> bytes:
    """500 MB of zeros as word/document.xml, deflated while streaming (about 2 MB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            zeros = bytes(1024 * 1024)
            for _ in range(500):
                entry.write(zeros)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return pdf_bytes(protocol_pages(300))


# ---------------------------------------------------------------------------------------
# docx
# ---------------------------------------------------------------------------------------


def test_docx_paragraphs_and_member_table_in_document_order() -> None:
    result = read("Medlemmar.docx", member_docx())

    assert result.problem is None
    assert result.kind == "docx"
    assert result.text == (
        "Medlemsförteckning\n"
        "Förskolenätverket Skaraborg\n"
        f"{MEMBER_LINES}\n"
        "Nästa möte: fredag 16 maj kl. 9–12"
    )
    assert result.tables == [MEMBERS]


def test_docx_nested_table_merged_cells_and_line_breaks() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Presidiet"
    table.cell(1, 0).text = "Vara"
    table.cell(1, 0).merge(table.cell(2, 0))  # one municipality for two people
    table.cell(1, 1).text = "Anna Berg"
    table.cell(2, 1).text = "Per Lund"
    inner = table.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "ordf."
    inner.cell(0, 1).text = "sekr."
    document.add_paragraph("Rad ett").add_run().add_break()
    document.paragraphs[-1].add_run("rad två")

    result = read("presidiet.docx", docx_bytes(document))

    outer = [
        ["Presidiet", "", ""],
        ["Vara", "Anna Berg", "ordf.\tsekr."],
        ["Vara", "Per Lund", ""],
    ]
    assert result.tables == [outer, [["ordf.", "sekr."]]]
    assert result.text == (
        "Presidiet\n"
        "Vara\tAnna Berg\tordf. sekr.\n"  # the nested table flattened into its cell
        "Vara\tPer Lund\n"
        "Rad ett\n"
        "rad två"
    )


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def test_docx_text_boxes_content_controls_and_tracked_changes() -> None:
    document = docx.Document()
    anchor = document.add_paragraph("Före rutan")
    # A text box as Word writes it: the modern copy and a legacy fallback copy.
    anchor._p.append(
        parse_xml(
            f"<w:r {W_NS} {MC_NS}><mc:AlternateContent><mc:Choice Requires='wps'>"
            "<w:drawing><w:txbxContent><w:p><w:r><w:t>I rutan</w:t></w:r></w:p>"
            "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            "<w:txbxContent><w:p><w:r><w:t>I rutan</w:t></w:r></w:p></w:txbxContent>"
            "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    body = document.element.body
    body.insert(
        len(body) - 1,  # before the section properties
        parse_xml(
            f"<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>I kontrollen</w:t></w:r>"
            "<w:ins><w:r><w:t xml:space='preserve'> och tillagt</w:t></w:r></w:ins>"
            "<w:del><w:r><w:delText> och struket</w:delText></w:r></w:del>"
            "</w:p></w:sdtContent></w:sdt>"
        ),
    )

    result = read("mall.docx", docx_bytes(document))

    assert result.text == "Före rutan\nI rutan\nI kontrollen och tillagt"


def test_macro_enabled_word_document_is_read_like_docx() -> None:
    source = zipfile.ZipFile(io.BytesIO(member_docx()))
    docm = io.BytesIO()
    with zipfile.ZipFile(docm, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml",
                )
            archive.writestr(info, data)

    result = read("Medlemmar.docm", docm.getvalue())

    assert (result.kind, result.problem, result.tables) == ("docx", None, [MEMBERS])


def test_docx_nobreak_spaces_trailing_spaces_and_blank_lines_normalised() -> None:
    document = docx.Document()
    for text in ["Kl.\xa09.00  ", "", "", "", "", "Slut", "a\u0308r"]:
        document.add_paragraph(text)

    result = read("x.docx", docx_bytes(document))

    assert result.text == "Kl. 9.00\n\n\nSlut\när"


# ---------------------------------------------------------------------------------------
# pdf
# ---------------------------------------------------------------------------------------


def test_pdf_text_per_page_in_reading_order() -> None:
    result = read("Protokoll_2025-03-14.pdf", pdf_bytes(protocol_pages(3)))

    assert result.problem is None
    assert result.kind == "pdf"
    assert result.pages == 3
    assert result.text.split("\n\f\n") == protocol_pages(3)


def test_pdf_longer_than_max_pages_reads_a_prefix() -> None:
    result = read("lång.pdf", pdf_bytes(protocol_pages(10)), Limits(max_pages=3))

    assert result.problem is None
    assert result.pages == 10
    assert result.text.split("\n\f\n") == protocol_pages(3)


def test_pdf_with_password_is_encrypted() -> None:
    result = read("hemlig.pdf", pdf_bytes(protocol_pages(1), password="lösen"))

    assert result == DocumentText(kind="pdf", problem=ENCRYPTED)


def test_pdf_with_owner_password_only_is_read() -> None:
    """Permissions alone do not stop reading, as in any PDF viewer."""
    pdf = FPDF()
    pdf.set_encryption(owner_password="ägare")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(text="Kallelse till nätverksträff")

    result = read("kallelse.pdf", bytes(pdf.output()))

    assert (result.problem, result.text) == (None, "Kallelse till nätverksträff")


def test_pdf_of_images_only_has_no_text_layer() -> None:
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 150, 200, style="F")

    result = read("skannad.pdf", bytes(pdf.output()))

    assert result.problem == NO_TEXT_LAYER
    assert result.pages == 2


def test_damaged_pdf() -> None:
    data = pdf_bytes(protocol_pages(2))
    result = read("trasig.pdf", data[: len(data) // 3])

    assert result.kind == "pdf"
    assert result.problem is not None


# ---------------------------------------------------------------------------------------
# xlsx
# ---------------------------------------------------------------------------------------


def meeting_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Mötesplan 2025"
    sheet.append(["Datum", "Start", "Slut", "Plats", "Antal"])
    sheet.append([date(2025, 3, 14), time(9, 0), time(12, 0), "Stadshuset, Skövde", 12])
    sheet.append([datetime(2025, 5, 16, 13, 30), None, None, "Vara konserthus", 7.0])
    sheet.append([datetime(2025, 9, 19), time(8, 30), None, "Kulturhuset Mariestad", 2.5])
    sheet["H40"].number_format = "0.00"  # a formatted but empty cell far away
    members = book.create_sheet("Medlemmar")
    for row in MEMBERS:
        members.append(row)
    book.create_sheet("Tom")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_sheets_as_tables_with_iso_dates_and_plain_numbers() -> None:
    result = read("Mötesplan.xlsx", meeting_xlsx())

    plan = [
        ["Datum", "Start", "Slut", "Plats", "Antal"],
        ["2025-03-14", "09:00", "12:00", "Stadshuset, Skövde", "12"],
        ["2025-05-16 13:30", "", "", "Vara konserthus", "7"],
        ["2025-09-19", "08:30", "", "Kulturhuset Mariestad", "2.5"],
    ]
    assert result.problem is None
    assert result.kind == "xlsx"
    assert result.tables == [plan, MEMBERS]
    plan_lines = "\n".join("\t".join(row).rstrip("\t") for row in plan)
    assert result.text == f"Mötesplan 2025\n{plan_lines}\n\nMedlemmar\n{MEMBER_LINES}"


def test_xlsx_over_max_cells_reads_a_prefix() -> None:
    result = read("Mötesplan.xlsx", meeting_xlsx(), Limits(max_cells=10))

    assert result.tables == [
        [
            ["Datum", "Start", "Slut", "Plats", "Antal"],
            ["2025-03-14", "09:00", "12:00", "Stadshuset, Skövde", "12"],
        ]
    ]


# ---------------------------------------------------------------------------------------
# odt, ods, rtf, txt, csv, html
# ---------------------------------------------------------------------------------------


def test_odt_headings_paragraphs_and_table() -> None:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Protokoll"))
    document.text.addElement(P(text="Närvarande: Åsa Öberg"))
    table = Table(name="Medlemmar")
    for values in MEMBERS:
        row = TableRow()
        for value in values:
            row.addElement(odf_cell(value))
        table.addElement(row)
    document.text.addElement(table)
    document.text.addElement(P(text="Nästa möte 16 maj"))

    result = read("protokoll.odt", odt_bytes(document))

    assert result.problem is None
    assert result.kind == "odt"
    assert result.tables == [MEMBERS]
    assert result.text == f"Protokoll\nNärvarande: Åsa Öberg\n{MEMBER_LINES}\nNästa möte 16 maj"


def test_ods_typed_cells_and_repeated_empty_rows() -> None:
    document = OpenDocumentSpreadsheet()
    sheet = Table(name="Möten")
    header = TableRow()
    for value in ("Datum", "Tid", "Plats", "Antal"):
        header.addElement(odf_cell(value))
    sheet.addElement(header)
    row = TableRow()
    row.addElement(odf_cell("14 mars 2025", valuetype="date", datevalue="2025-03-14"))
    row.addElement(odf_cell("09:30", valuetype="time", timevalue="PT09H30M00S"))
    row.addElement(odf_cell("Stadshuset, Skövde"))
    row.addElement(odf_cell("12,0", valuetype="float", value="12"))
    row.addElement(odf_cell(numbercolumnsrepeated="1000"))
    sheet.addElement(row)
    filler = TableRow(numberrowsrepeated="1048000")
    filler.addElement(odf_cell(numbercolumnsrepeated="1024"))
    sheet.addElement(filler)
    document.spreadsheet.addElement(sheet)

    result = read("möten.ods", odt_bytes(document))

    rows = [["Datum", "Tid", "Plats", "Antal"], ["2025-03-14", "09:30", "Stadshuset, Skövde", "12"]]
    assert result.problem is None
    assert result.kind == "ods"
    assert result.tables == [rows]
    assert (
        result.text == "Möten\nDatum\tTid\tPlats\tAntal\n2025-03-14\t09:30\tStadshuset, Skövde\t12"
    )


RTF = rb"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}
\pard Medlemmar i n\'e4tverket\par
\trowd\cellx2000\cellx4000
\intbl Namn\cell Kommun\cell\row
\trowd\cellx2000\cellx4000
\intbl \u197?sa \'d6berg\cell V\'e5rg\'e5rda\cell\row
\pard Slut\par
}"""


def test_rtf_text_and_table() -> None:
    result = read("lista.rtf", RTF)

    assert result.problem is None
    assert result.kind == "rtf"
    assert result.tables == [[["Namn", "Kommun"], ["Åsa Öberg", "Vårgårda"]]]
    assert result.text == "Medlemmar i nätverket\nNamn\tKommun\nÅsa Öberg\tVårgårda\nSlut"


SWEDISH = "Möte på Stadshuset i Skövde\nNärvarande: Åsa Öberg, Per Ängström"


@pytest.mark.parametrize(
    "data",
    [
        SWEDISH.replace("\n", "\r\n").encode("cp1252"),
        SWEDISH.encode("utf-8"),
        SWEDISH.encode("utf-8-sig"),
        SWEDISH.encode("utf-16"),  # with a BOM
        SWEDISH.encode("utf-16-le"),  # Notepad without a BOM
    ],
    ids=["cp1252", "utf-8", "utf-8-bom", "utf-16", "utf-16-le"],
)
def test_plain_text_in_the_encodings_mail_arrives_in(data: bytes) -> None:
    assert read("anteckningar.txt", data) == DocumentText(kind="txt", text=SWEDISH)


def test_utf8_text_with_a_stray_cp1252_byte_keeps_both() -> None:
    data = "Plats: Skövde, ".encode() + "Vårgårda".encode("cp1252")

    assert read("x.txt", data).text == "Plats: Skövde, Vårgårda"


def test_csv_from_swedish_excel_is_a_table() -> None:
    data = "\r\n".join(";".join(row) for row in MEMBERS).encode("cp1252")

    result = read("medlemmar.csv", data)

    assert (result.kind, result.problem, result.tables) == ("txt", None, [MEMBERS])
    assert result.text == MEMBER_LINES


OUTLOOK_HTML = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Medlemmar</title><style>p.MsoNormal {margin:0}</style><script>var x = 1;</script></head>
<body><div style="display: none">Förhandsvisning som inte syns</div>
<p class=MsoNormal>Hej!<o:p></o:p></p><p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal>Här   är medlemmarna
i nätverket:</p>
<table><tr><th>Namn</th><th>Kommun</th></tr>
<tr><td>Åsa&nbsp;Öberg</td><td>Vårgårda</td></tr>
<tr><td>Per Ängström</td><td><p>Skövde</p><p>(ny)</p></td></tr>
<tr><td colspan=2><table><tr><td>ordf.</td><td>sekr.</td></tr></table></td></tr></table>
<p>Vänliga hälsningar<br>Märta<!-- en kommentar --></p></body></html>"""


def test_outlook_html_lines_tables_and_nothing_hidden() -> None:
    result = read("meddelande.htm", OUTLOOK_HTML.encode("cp1252"))

    outer = [
        ["Namn", "Kommun"],
        ["Åsa Öberg", "Vårgårda"],
        ["Per Ängström", "Skövde\n(ny)"],
        ["ordf.\tsekr.", ""],
    ]
    assert result.problem is None
    assert result.kind == "html"
    assert result.tables == [outer, [["ordf.", "sekr."]]]
    # A cell's own lines are kept apart by "; " on its text line (a cell of names).
    assert result.text == (
        "Hej!\n\nHär är medlemmarna i nätverket:\n"
        "Namn\tKommun\nÅsa Öberg\tVårgårda\nPer Ängström\tSkövde; (ny)\nordf. sekr.\n"
        "Vänliga hälsningar\nMärta"
    )


def test_deeply_nested_html_does_not_exhaust_the_stack() -> None:
    data = ("<div>" * 5000 + "Djupt" + "</div>" * 5000).encode()

    assert read("djup.html", data).text == "Djupt"


# ---------------------------------------------------------------------------------------
# Kinds, legacy and encrypted Office files
# ---------------------------------------------------------------------------------------


def test_kind_comes_from_the_bytes_before_the_name() -> None:
    assert detect_kind("protokoll.pdf", "application/pdf", member_docx()) == "docx"
    assert detect_kind(None, "application/octet-stream", meeting_xlsx()) == "xlsx"
    assert detect_kind("bilaga.bin", None, pdf_bytes(["x"])) == "pdf"
    assert detect_kind(None, None, RTF) == "rtf"
    assert detect_kind("x.doc", None, OUTLOOK_HTML.encode("cp1252")) == "html"  # "Word HTML"
    assert detect_kind(None, "text/plain", b"Hej") == "txt"
    assert detect_kind(None, "text/html", "Hej!<div>Mötet</div>".encode()) == "html"
    assert detect_kind("bild.pdf", None, b"\x89PNG\r\n\x1a\n" + bytes(100)) == "unknown"
    sound = bytes(range(128, 256)) * 20
    assert detect_kind(None, "audio/basic", sound) == "unknown"
    assert read(None, sound).problem == "unrecognised file type"
    assert read("ljud.txt", sound).problem == "binary data, not text"


def test_legacy_word_and_excel_say_what_to_ask_for() -> None:
    assert read("gammal.doc", ole_file("WordDocument", "1Table")) == DocumentText(
        kind="doc", problem=LEGACY_DOC
    )
    assert read(None, ole_file("Workbook")) == DocumentText(kind="xls", problem=LEGACY_XLS)


def test_the_words_of_a_stream_name_in_document_text_do_not_fool_detection() -> None:
    text = "EncryptionInfo".encode("utf-16-le") + b"\x00\x00"
    data = ole_file("WordDocument") + b"\x00" * 3 + text  # not at an entry boundary

    assert read("x.doc", data).problem == LEGACY_DOC


def test_password_protected_docx_is_encrypted() -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    encrypted = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(member_docx())).encrypt("lösen", encrypted)

    result = read("Medlemmar.docx", encrypted.getvalue())

    assert result == DocumentText(kind="docx", problem=ENCRYPTED)


# ---------------------------------------------------------------------------------------
# Limits and damage
# ---------------------------------------------------------------------------------------


def test_zip_bomb_is_refused_before_unpacking(zip_bomb: bytes) -> None:
    result = read("bomb.docx", zip_bomb)

    assert result.kind == "docx"
    assert result.problem == "unpacks to 500 MB, over the limit of 100 MB (a zip bomb?)"


def test_zip_bomb_under_the_size_limit_is_caught_by_its_ratio(zip_bomb: bytes) -> None:
    result = read("bomb.docx", zip_bomb, Limits(max_uncompressed_bytes=1 << 40))

    assert result.problem is not None
    assert "over the limit of 200:1 (a zip bomb?)" in result.problem


def test_attachment_over_the_size_limit_is_not_read() -> None:
    result = read("Medlemmar.docx", member_docx(), Limits(max_attachment_bytes=1000))

    assert result.kind == "docx"
    assert result.problem is not None
    assert "over the limit of 1000 bytes" in result.problem


def test_damaged_docx() -> None:
    data = member_docx()
    without_document = io.BytesIO()
    with zipfile.ZipFile(without_document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")

    for damaged in (data[: len(data) // 2], b"not a zip at all", without_document.getvalue()):
        result = read("Medlemmar.docx", damaged)
        assert result.kind == "docx"
        assert result.problem is not None
        assert result.problem.startswith("damaged docx: ")


def test_text_is_capped() -> None:
    result = read("lång.txt", "å".encode() * 5000, Limits(max_text_chars=100))

    assert result.text == "å" * 100


def test_empty_file() -> None:
    assert read("tom.pdf", b"").problem == "empty file"


EXTENSIONS = ["docx", "pdf", "xlsx", "odt", "ods", "rtf", "txt", "csv", "html", "doc", "xls", "bin"]
MAGIC = [
    b"",
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"{\\rtf1",
    b"<html>",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extension=st.sampled_from(EXTENSIONS),
    magic=st.sampled_from(MAGIC),
    body=st.binary(max_size=3000),
)
def test_garbage_with_any_claimed_kind_never_raises(
    extension: str, magic: bytes, body: bytes
) -> None:
    result = read(f"bilaga.{extension}", magic + body)

    assert isinstance(result, DocumentText)
    assert isinstance(result.text, str)


VALID = {
    "docx": member_docx(),
    "xlsx": meeting_xlsx(),
    "pdf": pdf_bytes(protocol_pages(2)),
    "rtf": RTF,
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(VALID)), data=st.data())
def test_damaged_real_documents_never_raise(kind: str, data: st.DataObject) -> None:
    original = bytearray(VALID[kind])
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(1, len(original)))

    assert isinstance(read(f"x.{kind}", bytes(original[:cut])), DocumentText)


# ---------------------------------------------------------------------------------------
# The worker process: the production path
# ---------------------------------------------------------------------------------------


def test_extract_document_reads_through_the_worker() -> None:
    result = extract_document("Medlemmar.docx", None, member_docx(), LIMITS)

    assert result == read("Medlemmar.docx", member_docx())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extension=st.sampled_from(EXTENSIONS),
    magic=st.sampled_from(MAGIC),
    body=st.binary(max_size=2000),
)
def test_garbage_through_the_worker_never_raises(extension: str, magic: bytes, body: bytes) -> None:
    assert isinstance(extract_document(f"x.{extension}", None, magic + body, LIMITS), DocumentText)


def test_too_slow_document_is_stopped_and_the_next_one_is_read(
    worker: DocumentWorker, long_pdf: bytes
) -> None:
    stopped = worker.extract("lång.pdf", None, long_pdf, Limits(max_document_seconds=0.001))

    assert stopped == DocumentText(
        kind="pdf", problem="took too long (over 0.001 s); reading stopped"
    )
    after = worker.extract("Medlemmar.docx", None, member_docx(), LIMITS)
    assert after.problem is None
    assert after.tables == [MEMBERS]
    assert worker.extract("lång.pdf", None, long_pdf, LIMITS).pages == 300


def test_document_over_the_memory_limit_is_stopped_and_the_next_one_is_read(
    worker: DocumentWorker,
) -> None:
    big = ("Närvarande: Åsa Öberg, Per Ängström\n" * 1_000_000).encode()
    limits = Limits(max_attachment_bytes=1 << 30, max_text_chars=1 << 30)

    result = worker.extract("stor.txt", None, big, limits, memory_limit_bytes=150 * 1024 * 1024)

    assert result == DocumentText(kind="txt", problem="needs more than 150 MB of memory; not read")
    assert worker.extract("x.txt", None, b"Hej", LIMITS).text == "Hej"


def test_worker_that_died_while_idle_is_replaced(worker: DocumentWorker) -> None:
    worker.start()
    child = worker._child  # the test reaches in to play the OOM killer
    assert child is not None
    os.kill(child.process.pid, signal.SIGKILL)
    child.process.wait()

    assert worker.extract("x.txt", None, b"Hej igen", LIMITS).text == "Hej igen"


def test_worker_killed_mid_document_reports_a_crash(
    worker: DocumentWorker, long_pdf: bytes
) -> None:
    worker.start()
    child = worker._child
    assert child is not None
    # SIGSTOP then SIGKILL from outside while it reads: as a crash in PDFium would look.
    os.kill(child.process.pid, signal.SIGSTOP)
    threading.Timer(0.2, os.kill, (child.process.pid, signal.SIGKILL)).start()
    result = worker.extract("lång.pdf", None, long_pdf, LIMITS)

    assert result == DocumentText(
        kind="pdf", problem="the document reader crashed (killed by SIGKILL)"
    )
    assert worker.extract("x.txt", None, b"Hej", LIMITS).text == "Hej"


def test_worn_out_worker_is_replaced_without_a_pause() -> None:
    with DocumentWorker(documents_per_worker=2) as worker:
        worker.start()
        first = worker._child
        assert first is not None
        for _ in range(200):  # the successor boots while the old child keeps serving
            assert worker.extract("x.txt", None, b"Hej", LIMITS).text == "Hej"
            if worker._child is not first:
                break
            time_module.sleep(0.02)

        assert worker._child is not first
        assert first.process.poll() is not None


def test_inline_and_worker_agree_on_every_format() -> None:
    samples = {
        "a.docx": member_docx(),
        "b.xlsx": meeting_xlsx(),
        "c.pdf": pdf_bytes(protocol_pages(2)),
        "d.rtf": RTF,
        "e.htm": OUTLOOK_HTML.encode("cp1252"),
        "f.txt": SWEDISH.encode("cp1252"),
    }
    for name, data in samples.items():
        assert extract_document(name, None, data, LIMITS) == read(name, data), name
