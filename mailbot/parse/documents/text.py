"""Text helpers shared by the readers: decoding, normalisation, table shapes, budgets."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)

# lxml and odfpy ship no type information; their elements are handled as Any.
_Xml = Any

# ---------------------------------------------------------------------------------------
# Text helpers shared by the readers
# ---------------------------------------------------------------------------------------


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252: one stray byte in a UTF-8 file
    (or a whole file from Outlook on Windows) keeps its å, ä and ö."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", "replace"), error.end


codecs.register_error("mailbot-cp1252", _cp1252_fallback)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes of unknown encoding to text: BOM, BOM-less UTF-16, declared, UTF-8, cp1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, "replace")
    if declared:
        try:
            return data.decode(_whatwg_codec(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", "mailbot-cp1252")


def _whatwg_codec(declared: str) -> str:
    """Browsers read latin-1 and ascii labels as Windows-1252; so do the mails."""
    name = codecs.lookup(declared).name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _utf16_without_bom(data: bytes) -> str | None:
    """Notepad's "Unicode" files: every other byte of Latin text is zero."""
    sample = data[:4000]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros > pairs * 0.4 and even_zeros < pairs * 0.05:
        return "utf-16-le"
    if even_zeros > pairs * 0.4 and odd_zeros < pairs * 0.05:
        return "utf-16-be"
    return None


_SPACES = "\xa0\u2007\u202f\u2060"  # no-break spaces a reader means as plain spaces
_DROPPED = "\u200b\u200c\u200d\ufeff\xad"  # zero-width characters and soft hyphens
_CONTROLS = [c for c in range(32) if chr(c) not in "\t\n\f"] + list(range(0x7F, 0xA0))
# Lone surrogates (an RTF "\\u-10000") cannot be stored or sent as UTF-8.
_SURROGATES = range(0xD800, 0xE000)
_REPLACEMENTS: dict[str, str] = {
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_DROPPED, ""),
    **dict.fromkeys(map(chr, _CONTROLS), ""),
    **dict.fromkeys(map(chr, _SURROGATES), "\ufffd"),
}
# A regex finds the rare odd characters at C speed; str.translate with a dict would look
# up every character in Python (seconds for a long text).
_ODD_CHARS = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")


def _replace_odd(text: str) -> str:
    return _ODD_CHARS.sub(lambda match: _REPLACEMENTS[match.group()], text)


_BLANK_RUNS = re.compile(r"\n{4,}")


def _normalise_text(text: str, max_chars: int) -> str:
    """NFC, plain spaces, no trailing blanks, at most two blank lines in a row, capped."""
    text = text[: max_chars * 2]  # bound the work below; the final cap comes last
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _replace_odd(unicodedata.normalize("NFC", text))
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n\n", text).strip("\n")[:max_chars]


def _normalise_cell(cell: str) -> str:
    cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return _replace_odd(unicodedata.normalize("NFC", cell)).strip()


def _normalise_tables(tables: list[list[list[str]]], max_chars: int) -> list[list[list[str]]]:
    """Normalised cells; whole rows are dropped once `max_chars` of cells are kept."""
    budget = max_chars
    result: list[list[list[str]]] = []
    for table in tables:
        rows: list[list[str]] = []
        for row in table:
            cells = [_normalise_cell(cell) for cell in row]
            budget -= sum(len(cell) for cell in cells)
            if budget < 0:
                break
            rows.append(cells)
        if rows:
            result.append(rows)
        if budget < 0:
            break
    return result


def _finish(document: DocumentText, limits: Limits) -> DocumentText:
    text = _normalise_text(document.text, limits.max_text_chars)
    tables = _normalise_tables(document.tables, limits.max_text_chars)
    return replace(document, text=text, tables=tables)


def _flat(cell: str) -> str:
    """A cell on one line of `text`: its own line breaks become "; " (so that a cell of
    names, one per line, stays a list of names, not one long name), tabs spaces."""
    lines = [line.strip() for line in cell.replace("\t", " ").split("\n")]
    return "; ".join(line for line in lines if line)


def _row_line(row: list[str]) -> str:
    return "\t".join(_flat(cell) for cell in row)


def _rectangular(rows: list[list[str]]) -> list[list[str]]:
    """Trailing empty rows and columns dropped, every row as wide as the widest."""
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((_used_width(row) for row in rows), default=0)
    return [row[:width] + [""] * (width - len(row)) for row in rows]


def _used_width(row: list[str]) -> int:
    for index in range(len(row), 0, -1):
        if row[index - 1]:
            return index
    return 0


@dataclass
class _Sink:
    """Lines of text and the document's tables, filled in reading order."""

    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)

    def for_cell(self) -> _Sink:
        """Lines of a table cell, whose nested tables still join the document's list."""
        return _Sink(lines=[], tables=self.tables)

    def add_table(self, rows: list[list[str]], slot: int) -> None:
        """Table into the slot reserved when it started (before its nested tables), and
        its rows as tab-separated lines where it stands."""
        self.tables[slot] = rows
        self.lines.extend(_row_line(row) for row in rows)

    def reserve_table(self) -> int:
        self.tables.append([])
        return len(self.tables) - 1

    def document(self, kind: str) -> DocumentText:
        tables = [table for table in self.tables if table]  # empty ones left no lines
        return DocumentText(kind=kind, text="\n".join(self.lines), tables=tables)


@dataclass
class _Budget:
    """Spreadsheet cells still allowed (`Limits.max_cells`)."""

    left: int

    def take(self, cells: int) -> bool:
        self.left -= max(cells, 1)
        return self.left >= 0


def _cell_text(value: object) -> str:
    """A spreadsheet value as a person reads it: ISO dates, HH:MM, 12 rather than 12.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return f"{value.date().isoformat()} {value:%H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    return str(value)


def _bounded_int(value: object, default: int, low: int, high: int) -> int:
    """An integer attribute from a hostile file: garbage gives the default, and repeats
    or spans are clamped so one attribute cannot ask for a billion cells."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, low), high)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _size(count: float) -> str:
    """Bytes for people, in binary units written the everyday way ("100 MB")."""
    unit = "bytes"
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if count < 1024 or unit == "TB":
            break
        count /= 1024
    if unit == "bytes":
        return f"{int(count)} bytes"
    figure = f"{count:.1f}" if count < 10 else f"{count:.0f}"
    return f"{figure.removesuffix('.0')} {unit}"
