"""PDF (pypdfium2): the text layer, with columns and tables kept apart."""

from __future__ import annotations

import logging
import re
from typing import Any

from mailbot.parse.documents.kinds import ENCRYPTED, NO_TEXT_LAYER
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)

# Fewer visible characters than this per page on average: a scan, perhaps with a
# stamped page number, not a document with a text layer.
_MIN_CHARS_PER_PAGE = 10


def _read_pdf(data: bytes, limits: Limits) -> DocumentText:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (
            pdfium_c.FPDF_ERR_PASSWORD,
            pdfium_c.FPDF_ERR_SECURITY,
        ):
            return DocumentText(kind="pdf", problem=ENCRYPTED)
        raise
    try:
        pages = len(pdf)
        texts = _pdf_page_texts(pdf, min(pages, limits.max_pages), limits.max_text_chars)
    finally:
        pdf.close()
    visible = sum(len("".join(text.split())) for text, _ in texts)
    problem = NO_TEXT_LAYER if visible < _MIN_CHARS_PER_PAGE * max(len(texts), 1) else None
    tables = [table for text, starts in texts for table in _pdf_tables(text, starts)]
    return DocumentText(
        kind="pdf",
        text="\n\f\n".join(text for text, _ in texts),
        tables=tables,
        problem=problem,
        pages=pages,
    )


def _pdf_tables(text: str, starts: list[list[float]] | None = None) -> list[list[list[str]]]:
    """Runs of at least two lines split into columns by `_pdf_columns`' tabs: a table,
    in the shape every other format gives. With the cells' positions, each cell goes in
    the column it stands in: the columns are where the header rows' cells begin (the
    rows before the first one with as many cells as the widest header), so an empty
    cell leaves its column empty instead of shifting the rest left."""
    lines = text.replace("\r", "").split("\n")
    positions = starts if starts is not None and len(starts) == len(lines) else None
    tables: list[list[list[str]]] = []
    run: list[tuple[list[str], list[float]]] = []

    def close() -> None:
        if len(run) >= 2:
            tables.append(_place_cells(run))

    for index, line in enumerate([*lines, ""]):
        cells = [c.strip() for c in line.split("\t")] if "\t" in line else []
        xs = positions[index] if positions is not None and index < len(lines) else []
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        if not cells and run and 0 < len(line.strip()) <= 40 and "\t" in nxt:
            cells = [line.strip()]  # a section row inside the table ("LEDAMÖTER")
        if cells and (not run or len(cells) <= len(run[0][0])):
            run.append((cells, xs if len(xs) == len(cells) else []))
            continue
        close()
        run = [(cells, xs if len(xs) == len(cells) else [])] if cells else []
    return tables


def _place_cells(run: list[tuple[list[str], list[float]]]) -> list[list[str]]:
    width = len(run[0][0])
    if not all(xs for _, xs in run[:2]):
        # No positions: pad the shorter rows at the end (an empty cell leaves no tab).
        return [cells + [""] * (max(len(r) for r, _ in run) - len(cells)) for cells, _ in run]
    columns: list[float] = []
    for _cells, xs in run[:3]:  # the header rows
        for x in xs:
            if all(abs(x - c) > 3.0 for c in columns):
                columns.append(x)
    columns.sort()
    width = max(width, len(columns))
    rows: list[list[str]] = []
    for cells, xs in run:
        row = [""] * len(columns)
        if not xs:
            rows.append((cells + [""] * len(columns))[: len(columns)])
            continue
        for cell, x in zip(cells, xs, strict=True):
            at = max((i for i, c in enumerate(columns) if c <= x + 3.0), default=0)
            row[at] = f"{row[at]} {cell}".strip() if row[at] else cell
        rows.append(row)
    return rows


def _pdf_page_texts(pdf: Any, count: int, max_chars: int) -> list[tuple[str, list[list[float]]]]:
    """Text (and cell positions) of the first `count` pages, stopping early once enough
    text is in hand."""
    texts: list[tuple[str, list[list[float]]]] = []
    total = 0
    for index in range(count):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                texts.append(_pdf_columns(textpage))
            finally:
                textpage.close()
        finally:
            page.close()
        total += len(texts[-1][0])
        if total > max_chars:
            break
    return texts


def _pdf_columns(textpage: Any) -> tuple[str, list[list[float]]]:
    """A page's text with its columns kept apart, and where each cell starts.

    Where the gap at a space between two characters on one line is wider than a few
    characters (a table's next cell, a two-column front page "Beslutande      Anna
    Berg"), a tab stands there instead of the run-together text PDFium gives ("Essunga
    Lisa Vik" stays "Essunga<TAB>Lisa Vik"). For each line, the x of each cell's first
    character is returned too, so a table's cells can be put in the columns they stand
    in (an x under "Nej" is not an x under "Ja"). Only the characters that begin a line
    or sit beside a space are measured (about 30 ms for ten full pages). Falls back to
    PDFium's text, without positions, if its characters and boxes do not line up."""
    text = str(textpage.get_text_range())
    if textpage.count_chars() != len(text):
        return text, []
    lines: list[str] = []
    starts: list[list[float]] = []
    bottoms: list[float | None] = []
    offset = 0
    for raw in text.split("\r\n"):
        cells: list[str] = []
        xs: list[float] = []
        done = 0
        first = len(raw) - len(raw.lstrip(" "))
        bottom: float | None = None
        if first < len(raw):
            box = textpage.get_charbox(offset + first)
            xs.append(float(box[0]))
            bottom = float(box[1])
        for gap in _SPACES_RE.finditer(raw):
            before, after = gap.start() - 1, gap.end()
            if before < 0 or after >= len(raw):
                continue
            left_box = textpage.get_charbox(offset + before)
            right_box = textpage.get_charbox(offset + after)
            height = max(left_box[3] - left_box[1], right_box[3] - right_box[1], 4.0)
            same_line = abs(left_box[1] - right_box[1]) < height * 0.6
            if same_line and right_box[0] - left_box[2] > max(height * 1.6, 6.0):
                cells.append(raw[done : gap.start()])
                xs.append(float(right_box[0]))
                done = gap.end()
        cells.append(raw[done:])
        offset += len(raw) + 2
        same_row = (
            bottom is not None
            and bottoms
            and bottoms[-1] is not None
            and abs(bottom - bottoms[-1]) < 1.5
            and starts[-1]
            and len(xs) == len(cells)
            and xs[0] > starts[-1][-1]
        )
        if same_row:
            # PDFium broke a table row at a wide gap ("Anna Berg  Hjo" ... "x"): one row.
            lines[-1] += "\t" + "\t".join(cells)
            starts[-1] += xs
            continue
        lines.append("\t".join(cells))
        starts.append(xs if len(xs) == len(cells) else [])
        bottoms.append(bottom)
    return "\r\n".join(lines), starts


_SPACES_RE = re.compile(r" +")
