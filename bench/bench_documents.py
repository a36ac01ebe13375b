"""How long one attachment takes to read, through the production path (the warm worker
process) and in-process for comparison; the difference is the price of the time and
memory limits.

    .venv/bin/python -m pytest bench/bench_documents.py -p no:cacheprovider

The goal (issue 3): a 3-page .docx, a 10-page PDF and an .xlsx of about 300 rows each
in well under 100 ms.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from fpdf import FPDF

from mailbot.parse.documents import DocumentWorker, extract_document_inline
from mailbot.parse.types import DocumentText, Limits

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
MUNICIPALITIES = ["Skövde", "Vara", "Falköping", "Mariestad", "Lidköping", "Götene", "Tibro"]
PARAGRAPH = (
    "Nätverket för förskolechefer i Skaraborg träffades i Stadshuset. Vi gick igenom "
    "förra mötets protokoll, läget i kommunerna och planen för höstens träffar, "
    "där Åsa Öberg och Per Ängström håller i utbildningsdagen."
)


def three_page_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Protokoll nätverksträff 14 mars 2025", level=1)
    for number in range(1, 25):
        document.add_heading(f"§ {number} Punkt {number}", level=2)
        document.add_paragraph(PARAGRAPH)
    table = document.add_table(rows=1, cols=4)
    for cell, title in zip(table.rows[0].cells, ["Namn", "Kommun", "Roll", "E-post"], strict=True):
        cell.text = title
    for number in range(30):
        place = MUNICIPALITIES[number % len(MUNICIPALITIES)]
        values = [f"Person {number} Åberg", place, "ledamot", f"person{number}@example.se"]
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Nästa möte: fredag 16 maj kl. 9–12, Stadshuset, Skövde")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def ten_page_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for page in range(1, 11):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Protokoll, sida {page}\n" + "\n".join([PARAGRAPH] * 9))
    return bytes(pdf.output())


def meeting_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Datum", "Start", "Slut", "Kommun", "Plats", "Deltagare"])
    for row in range(300):
        place = MUNICIPALITIES[row % len(MUNICIPALITIES)]
        day = date(2025, 1, 10) + timedelta(days=7 * row)
        sheet.append([day, time(9, 0), time(12, 0), place, f"Stadshuset, {place}", row % 40])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "protokoll.docx": three_page_docx,
    "protokoll.pdf": ten_page_pdf,
    "motesplan.xlsx": meeting_xlsx,
}


@pytest.fixture(scope="module")
def worker() -> Iterator[DocumentWorker]:
    with DocumentWorker() as started:
        started.start()
        yield started


def run(benchmark: Any, read: Callable[[], DocumentText]) -> DocumentText:
    result: DocumentText = benchmark.pedantic(read, rounds=60, warmup_rounds=5, iterations=1)
    assert result.problem is None
    assert result.text
    return result


@pytest.mark.benchmark(group="production path (worker process)")
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_through_worker(benchmark: Any, worker: DocumentWorker, name: str) -> None:
    data = DOCUMENTS[name]()
    run(benchmark, lambda: worker.extract(name, None, data, Limits()))


@pytest.mark.benchmark(group="in-process, no limits (for comparison)")
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_inline(benchmark: Any, name: str) -> None:
    data = DOCUMENTS[name]()
    run(benchmark, lambda: extract_document_inline(name, None, data, Limits()))
