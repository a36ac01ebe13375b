"""RTF, plain text, CSV and HTML."""

from __future__ import annotations

import csv
import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from mailbot.parse.documents.kinds import _looks_like_text
from mailbot.parse.documents.text import _bounded_int, _Budget, _decode_text, _rectangular, _Sink
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)


def _read_rtf(data: bytes, limits: Limits) -> DocumentText:
    """striprtf ends every table cell with "|" and every row with a line break; such
    lines are turned back into tables."""
    from striprtf.striprtf import rtf_to_text

    sink = _Sink()
    block: list[list[str]] = []
    text = rtf_to_text(_decode_text(data), errors="replace")
    for line in text.split("\n"):
        if line.endswith("|"):
            block.append(line[:-1].split("|"))
            continue
        if block:
            sink.add_table(_rectangular(block), sink.reserve_table())
            block = []
        sink.lines.append(line)
    if block:
        sink.add_table(_rectangular(block), sink.reserve_table())
    return sink.document("rtf")


def _read_txt(data: bytes, limits: Limits) -> DocumentText:
    text = _decode_text(data)
    problem = None if _looks_like_text(data) else "binary data, not text"
    return DocumentText(kind="txt", text=text, problem=problem)


def _read_csv(data: bytes, limits: Limits) -> DocumentText:
    """A list exported from a member register: a table, delimiter guessed from the header
    (Swedish Excel writes ";")."""
    text = _decode_text(data)
    header = text.split("\n", 1)[0]
    delimiter = max("\t;,", key=header.count)
    if not header.count(delimiter):
        return DocumentText(kind="txt", text=text)
    budget = _Budget(limits.max_cells)
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if not budget.take(len(row)):
            break
        rows.append(row)
    sink = _Sink()
    sink.add_table(_rectangular(rows), sink.reserve_table())
    return sink.document("txt")


_HTML_DROP = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "object", "iframe"}
)
_HTML_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt"),
        *("fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "main", "nav", "ol", "p", "pre", "section"),
        *("table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
_HTML_PARAGRAPHS = frozenset({"p", "div"})  # an empty one is a blank line people see
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _read_html(data: bytes, limits: Limits) -> DocumentText:
    from bs4 import BeautifulSoup

    match = _META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else None
    soup = BeautifulSoup(_decode_text(data, declared), "html.parser")
    sink = _Sink()
    _HtmlText(sink).walk(soup)
    return sink.document("html")


@dataclass
class _Close:
    """Marks the end of a block element on the walk stack."""

    name: str
    lines_before: int


class _HtmlText:
    """Text of an HTML tree with line breaks at block elements, tables as tables.

    Iterative (an explicit stack) because mail HTML can nest thousands deep, which would
    exhaust Python's recursion limit; only table nesting recurses.
    """

    def __init__(self, sink: _Sink) -> None:
        self.sink = sink
        self.parts: list[str] = []

    def walk(self, root: Any) -> None:
        from bs4.element import NavigableString, PreformattedString, Tag

        stack: list[Any] = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, _Close):
                self._close_block(node)
            elif isinstance(node, NavigableString):
                if not isinstance(node, PreformattedString):  # comments, doctypes, CDATA
                    self.parts.append(_HTML_SPACE.sub(" ", str(node)))
            elif isinstance(node, Tag) and not _html_hidden(node):
                self._open(node, stack)
        self._break()

    def _open(self, tag: Any, stack: list[Any]) -> None:
        name = tag.name
        if name == "br":
            self._break(blank_allowed=True)
        elif name == "table":
            self._break()
            _html_table(tag, self.sink)
        elif name in _HTML_BLOCKS:
            self._break()
            stack.append(_Close(name, len(self.sink.lines)))
            stack.extend(reversed(tag.contents))
        else:
            stack.extend(reversed(tag.contents))

    def _close_block(self, close: _Close) -> None:
        self._break()
        if close.name in _HTML_PARAGRAPHS and len(self.sink.lines) == close.lines_before:
            self.sink.lines.append("")  # <p>&nbsp;</p>: the blank line the sender typed

    def _break(self, blank_allowed: bool = False) -> None:
        line = re.sub(" {2,}", " ", "".join(self.parts)).strip(" ")
        self.parts = []
        if line.strip() or blank_allowed:
            self.sink.lines.append(line)


def _html_hidden(tag: Any) -> bool:
    """Dropped elements, and Outlook's hidden preheaders (display:none)."""
    if tag.name in _HTML_DROP or tag.has_attr("hidden"):
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _html_table(table: Any, sink: _Sink) -> None:
    slot = sink.reserve_table()
    rows: list[list[str]] = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue  # a row of a nested table, read with its own table
        cells: list[str] = []
        for cell in row.find_all(["td", "th"], recursive=False):
            inner = sink.for_cell()
            _HtmlText(inner).walk(cell)
            span = _bounded_int(cell.get("colspan") or 1, 1, 1, 64)
            cells.extend(["\n".join(inner.lines).strip()] + [""] * (span - 1))
        rows.append(cells)
    sink.add_table(_rectangular(rows), slot)
