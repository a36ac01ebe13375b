"""HTML mail bodies to text, keeping line structure and tables (Outlook member lists)."""

from __future__ import annotations

import re
import unicodedata

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

_BLOCK = {
    "p",
    "div",
    "tr",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "hr",
}
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_MAX_HTML = 5_000_000  # characters of HTML converted; the rest is cut


def clean_line(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _table_rows(table: Tag) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in table.find_all("tr"):
        # Only this table's own rows, not those of tables nested in its cells.
        if tr.find_parent("table") is not table:
            continue
        cells = [
            clean_line(cell.get_text(" "))
            for cell in tr.find_all(["td", "th"])
            if cell.find_parent("tr") is tr
        ]
        if any(cells):
            rows.append(cells)
    return rows


def html_to_text(html: str) -> tuple[str, list[list[list[str]]]]:
    """Text with a line per block element and a tab between table cells; and the tables."""
    try:
        soup = BeautifulSoup(html[:_MAX_HTML], "html.parser")
    except Exception:  # html.parser is lenient; this is a last resort
        return clean_line(re.sub(r"<[^>]+>", " ", html)), []
    for dead in soup(["script", "style", "head", "title", "meta"]):
        dead.decompose()
    tables = [rows for t in soup.find_all("table") if (rows := _table_rows(t))]
    for br in soup.find_all("br"):
        br.replace_with(NavigableString(" " if br.find_parent(["td", "th"]) else "\n"))
    for cell in soup.find_all(["td", "th"]):
        cell.append(NavigableString("\t"))
    for block in soup.find_all(_BLOCK):
        # Outlook wraps every cell's text in <p class=MsoNormal>: inside a cell a block
        # ends with a space, or the table row would fall apart into lines.
        in_cell = block.name not in ("table", "tr") and block.find_parent(["td", "th"])
        block.append(NavigableString(" " if in_cell else "\n"))
    lines = []
    for raw_line in soup.get_text().split("\n"):
        cells = [clean_line(c) for c in raw_line.split("\t")]
        line = "\t".join(c for c in cells if c) if len(cells) > 1 else cells[0]
        lines.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, tables
