"""OpenDocument text and spreadsheets (.odt, .ods, odfpy)."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from datetime import datetime

from mailbot.parse.documents.text import (
    _bounded_int,
    _Budget,
    _cell_text,
    _rectangular,
    _Sink,
    _Xml,
)
from mailbot.parse.documents.xlsx import _add_named_table
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ODF_PARAGRAPHS = frozenset({(_TEXT_NS, "p"), (_TEXT_NS, "h")})
_ODF_TABLE = (_TABLE_NS, "table")
_ODF_ROW = (_TABLE_NS, "table-row")
_ODF_CELLS = frozenset({(_TABLE_NS, "table-cell"), (_TABLE_NS, "covered-table-cell")})
_ODF_TEXT_BOX = (_DRAW_NS, "text-box")
_ODF_SKIP = frozenset(
    {(_OFFICE_NS, name) for name in ("annotation", "annotation-end", "forms", "scripts")}
    | {(_TEXT_NS, name) for name in ("note", "tracked-changes", "table-of-content")}
    | {(_TEXT_NS, name) for name in ("sequence-decls", "variable-decls")}
    | {(_TABLE_NS, name) for name in ("table-columns", "table-column", "named-expressions")}
)
_ELEMENT_NODE, _TEXT_NODE = 1, 3


def _read_odf(data: bytes, limits: Limits, kind: str) -> DocumentText:
    from odf.opendocument import load  # type: ignore[import-untyped]

    sink = _Sink()
    _odf_blocks(load(io.BytesIO(data)).body, sink, _Budget(limits.max_cells), kind == "ods")
    return sink.document(kind)


def _read_odt(data: bytes, limits: Limits) -> DocumentText:
    return _read_odf(data, limits, "odt")


def _read_ods(data: bytes, limits: Limits) -> DocumentText:
    return _read_odf(data, limits, "ods")


def _odf_blocks(element: _Xml, sink: _Sink, budget: _Budget, sheets: bool) -> None:
    for child in element.childNodes:
        if child.nodeType != _ELEMENT_NODE or child.qname in _ODF_SKIP:
            continue
        if child.qname in _ODF_PARAGRAPHS:
            _odf_paragraph(child, sink, budget)
        elif child.qname == _ODF_TABLE:
            _odf_table(child, sink, budget, sheets)
        else:  # lists, list items, sections, the office:text body itself
            _odf_blocks(child, sink, budget, sheets)


def _odf_paragraph(paragraph: _Xml, sink: _Sink, budget: _Budget) -> None:
    parts: list[str] = []
    boxes: list[_Xml] = []
    _odf_inline(paragraph, parts, boxes)
    sink.lines.append("".join(parts))
    for box in boxes:
        _odf_blocks(box, sink, budget, False)


def _odf_inline(element: _Xml, parts: list[str], boxes: list[_Xml]) -> None:
    """Like odfpy's teletype.extractText, but `text:s c=` is clamped (a billion spaces is
    one attribute away) and text boxes become lines of their own."""
    for child in element.childNodes:
        if child.nodeType == _TEXT_NODE:
            parts.append(str(child.data))
        elif child.nodeType != _ELEMENT_NODE or child.qname in _ODF_SKIP:
            continue
        elif child.qname == (_TEXT_NS, "s"):
            parts.append(" " * _bounded_int(child.attributes.get((_TEXT_NS, "c"), 1), 1, 1, 64))
        elif child.qname == (_TEXT_NS, "tab"):
            parts.append("\t")
        elif child.qname == (_TEXT_NS, "line-break"):
            parts.append("\n")
        elif child.qname == _ODF_TEXT_BOX:
            boxes.append(child)
        else:
            _odf_inline(child, parts, boxes)


def _odf_table(table: _Xml, sink: _Sink, budget: _Budget, sheets: bool) -> None:
    """Rows with their repeats expanded, lazily: spreadsheets end in rows "repeated
    1048000 times" which cost nothing unless real content follows them."""
    slot = None if sheets else sink.reserve_table()  # a sheet is added with its name
    rows: list[list[str]] = []
    pending_empty = 0
    for row in _odf_rows(table):
        repeat = _bounded_int(
            row.attributes.get((_TABLE_NS, "number-rows-repeated"), 1), 1, 1, 1 << 20
        )
        cells = _odf_row_cells(row, sink, budget)
        if not cells:
            pending_empty += repeat
            continue
        for _ in range(pending_empty):
            if not budget.take(1):
                break
            rows.append([])
        pending_empty = 0
        for _ in range(repeat):
            if not budget.take(len(cells)):
                break
            rows.append(list(cells))
        if budget.left <= 0:
            break
    rows = _rectangular(rows)
    if slot is None:
        _add_named_table(sink, str(table.attributes.get((_TABLE_NS, "name"), "")), rows)
    else:
        sink.add_table(rows, slot)


def _odf_rows(element: _Xml) -> Iterator[_Xml]:
    """Rows of a table, also those grouped in header-rows, row-groups and rows."""
    for child in element.childNodes:
        if child.nodeType != _ELEMENT_NODE or child.qname == _ODF_TABLE:
            continue
        if child.qname == _ODF_ROW:
            yield child
        elif child.qname[0] == _TABLE_NS:
            yield from _odf_rows(child)


# Spreadsheets have at most 16384 columns; a row claiming more is hostile.
_MAX_COLUMNS = 1 << 14


def _odf_row_cells(row: _Xml, sink: _Sink, budget: _Budget) -> list[str]:
    cells: list[str] = []
    pending_empty = 0
    for cell in row.childNodes:
        if cell.nodeType != _ELEMENT_NODE or cell.qname not in _ODF_CELLS:
            continue
        repeated = cell.attributes.get((_TABLE_NS, "number-columns-repeated"), 1)
        repeat = _bounded_int(repeated, 1, 1, _MAX_COLUMNS)
        value = _odf_cell_value(cell, sink, budget)
        if not value:
            pending_empty += repeat
            continue
        cells.extend([""] * min(pending_empty, _MAX_COLUMNS - len(cells)))
        cells.extend([value] * min(repeat, _MAX_COLUMNS - len(cells)))
        pending_empty = 0
        if len(cells) >= _MAX_COLUMNS:
            break
    return cells


def _odf_cell_value(cell: _Xml, sink: _Sink, budget: _Budget) -> str:
    """Typed values as in xlsx (ISO dates, HH:MM, plain numbers), else the cell's text."""
    attributes = cell.attributes
    value_type = attributes.get((_OFFICE_NS, "value-type"))
    typed: str | None = None
    if value_type in ("float", "percentage", "currency"):
        typed = _odf_number(attributes.get((_OFFICE_NS, "value")))
    elif value_type == "date":
        typed = _odf_date(attributes.get((_OFFICE_NS, "date-value")))
    elif value_type == "time":
        typed = _odf_time(attributes.get((_OFFICE_NS, "time-value")))
    elif value_type == "boolean":
        typed = "TRUE" if attributes.get((_OFFICE_NS, "boolean-value")) == "true" else "FALSE"
    if typed is not None:
        return typed
    inner = sink.for_cell()
    _odf_blocks(cell, inner, budget, False)
    return "\n".join(inner.lines).strip()


def _odf_number(value: object) -> str | None:
    try:
        return _cell_text(float(str(value)))
    except ValueError:
        return None


def _odf_date(value: object) -> str | None:
    try:
        return _cell_text(datetime.fromisoformat(str(value)))
    except ValueError:
        return None


_ODF_DURATION = re.compile(r"^-?PT?(?:(\d+)H)?(?:(\d+)M)?(?:[\d.]+S)?$")


def _odf_time(value: object) -> str | None:
    match = _ODF_DURATION.match(str(value))
    if not match:
        return None
    return f"{int(match.group(1) or 0):02d}:{int(match.group(2) or 0):02d}"
