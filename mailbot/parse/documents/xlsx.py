"""Excel (.xlsx, openpyxl): every sheet as a table."""

from __future__ import annotations

import io
import logging
import warnings
from typing import Any

from mailbot.parse.documents.text import _Budget, _cell_text, _rectangular, _Sink
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)


def _read_xlsx(data: bytes, limits: Limits) -> DocumentText:
    import openpyxl  # type: ignore[import-untyped]

    with warnings.catch_warnings():  # "no default style" and the like: noise for us
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sink = _Sink()
            budget = _Budget(limits.max_cells)
            for sheet in book.worksheets:
                _add_named_table(sink, str(sheet.title), _xlsx_rows(sheet, budget))
                if budget.left <= 0:
                    break
        finally:
            book.close()
    return sink.document("xlsx")


def _xlsx_rows(sheet: Any, budget: _Budget) -> list[list[str]]:
    # Declared dimensions are often "A1:XFD1048576" (whole sheet formatted): forgetting
    # them stops openpyxl padding every row to 16384 empty cells.
    sheet.reset_dimensions()
    rows: list[list[str]] = []
    for values in sheet.iter_rows(values_only=True):
        if not budget.take(len(values)):
            break
        rows.append([_cell_text(value) for value in values])
    return _rectangular(rows)


def _add_named_table(sink: _Sink, name: str, rows: list[list[str]]) -> None:
    """A sheet: its name on a line, its rows, a blank line; empty sheets leave nothing."""
    if not rows:
        return
    sink.lines.append(name)
    sink.add_table(rows, sink.reserve_table())
    sink.lines.append("")
