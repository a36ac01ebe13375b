"""Word (.docx): paragraphs, tables, text boxes, in reading order."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from mailbot.parse.documents.text import _bounded_int, _rectangular, _Sink, _Xml
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_BODY, _W_P, _W_TBL, _W_TR, _W_TC = (_W + tag for tag in ("body", "p", "tbl", "tr", "tc"))
_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
_W_T, _W_TXBX, _W_VAL = _W + "t", _W + "txbxContent", _W + "val"
_W_TABS = frozenset({_W + "tab", _W + "ptab"})
_W_BREAKS = frozenset({_W + "br", _W + "cr"})
_W_HYPHEN = _W + "noBreakHyphen"
# Subtrees without reading text: properties, deleted or moved-away text, field codes,
# and the legacy copy of a text box (its modern copy is read instead).
_W_SKIP = frozenset(
    {_W + name for name in ("pPr", "rPr", "del", "moveFrom", "instrText")}
    | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
)
_W_WRAPPERS = frozenset({_W_SDT, _W_SDT_CONTENT, _W_CUSTOM_XML})
_WORD_MAIN_TYPES = frozenset(
    "application/vnd." + suffix
    for suffix in (
        "openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "ms-word.document.macroEnabled.main+xml",
        "ms-word.template.macroEnabledTemplate.main+xml",
    )
)


def _read_docx(data: bytes, limits: Limits) -> DocumentText:
    """Body paragraphs and tables in document order, from python-docx's XML tree.

    The body is walked directly rather than through `Paragraph.text`, which misses runs
    inside content controls, tracked insertions and text boxes, all common in the
    templates municipalities use.
    """
    from docx.oxml.parser import parse_xml
    from docx.package import Package

    part = Package.open(io.BytesIO(data)).main_document_part
    if part.content_type not in _WORD_MAIN_TYPES:
        raise ValueError(f"not a Word document ({part.content_type})")
    # python-docx parses only plain .docx; templates and macro documents stay a blob.
    root = getattr(part, "element", None)
    if root is None:
        root = parse_xml(part.blob)
    sink = _Sink()
    body = root.find(_W_BODY)
    if body is not None:
        _docx_blocks(body, sink)
    return sink.document("docx")


def _docx_blocks(container: _Xml, sink: _Sink) -> None:
    for child in container:
        if child.tag == _W_P:
            _docx_paragraph(child, sink)
        elif child.tag == _W_TBL:
            _docx_table(child, sink)
        elif child.tag in _W_WRAPPERS:
            _docx_blocks(child, sink)


def _docx_paragraph(paragraph: _Xml, sink: _Sink) -> None:
    parts: list[str] = []
    boxes: list[_Xml] = []
    _docx_runs(paragraph, parts, boxes)
    sink.lines.append("".join(parts))
    for box in boxes:  # text boxes read as lines after the paragraph anchoring them
        _docx_blocks(box, sink)


def _docx_runs(element: _Xml, parts: list[str], boxes: list[_Xml]) -> None:
    for child in element:
        tag = child.tag
        if tag == _W_T:
            parts.append(child.text or "")
        elif tag in _W_TABS:
            parts.append("\t")
        elif tag in _W_BREAKS:
            parts.append("\n")
        elif tag == _W_HYPHEN:
            parts.append("-")
        elif tag == _W_TXBX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _W_SKIP:  # comments have no str tag
            _docx_runs(child, parts, boxes)


def _docx_table(table: _Xml, sink: _Sink) -> None:
    """Grid-aligned rows: a horizontally merged cell leaves "" in the columns it spans,
    a vertically merged one repeats its text (a municipality merged over its members)."""
    slot = sink.reserve_table()
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for row in _docx_unwrap(table, _W_TR):
        cells = [""] * _bounded_int(_docx_property(row, "trPr", "gridBefore"), 0, 0, 64)
        for cell in _docx_unwrap(row, _W_TC):
            column = len(cells)
            merge = _docx_property(cell, "tcPr", "vMerge", missing="")
            if merge not in ("", "restart"):  # continuation of the cell above
                text = above.get(column, "")
            else:
                text = _docx_cell_text(cell, sink)
            span = _bounded_int(_docx_property(cell, "tcPr", "gridSpan"), 1, 1, 64)
            cells.extend([text] + [""] * (span - 1))
            above[column] = text
        rows.append(cells)
    sink.add_table(_rectangular(rows), slot)


def _docx_cell_text(cell: _Xml, sink: _Sink) -> str:
    inner = sink.for_cell()
    _docx_blocks(cell, inner)
    return "\n".join(inner.lines).strip()


def _docx_unwrap(parent: _Xml, tag: str) -> Iterator[_Xml]:
    """Children with `tag`, also when wrapped in content controls or custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _W_WRAPPERS:
            yield from _docx_unwrap(child, tag)


def _docx_property(element: _Xml, group: str, name: str, missing: str | None = None) -> str:
    """`w:val` of a property element; `missing` when the element is absent, and "continue"
    for a present element without a value (how Word writes a merge continuation)."""
    found = element.find(f"{_W}{group}/{_W}{name}")
    if found is None:
        return "" if missing is None else missing
    return str(found.get(_W_VAL, "continue"))
