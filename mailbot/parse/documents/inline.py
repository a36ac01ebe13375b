"""Extraction in the calling process: the readers by kind, and the limits around them."""

from __future__ import annotations

import logging
from collections.abc import Callable

from mailbot.parse.documents.docx import _read_docx
from mailbot.parse.documents.kinds import _inspect, _Inspection
from mailbot.parse.documents.odf import _read_ods, _read_odt
from mailbot.parse.documents.pdf import _read_pdf
from mailbot.parse.documents.plain import _read_csv, _read_html, _read_rtf, _read_txt
from mailbot.parse.documents.text import _describe, _finish
from mailbot.parse.documents.xlsx import _read_xlsx
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)

_READERS: dict[str, Callable[[bytes, Limits], DocumentText]] = {
    "docx": _read_docx,
    "pdf": _read_pdf,
    "xlsx": _read_xlsx,
    "odt": _read_odt,
    "ods": _read_ods,
    "rtf": _read_rtf,
    "txt": _read_txt,
    "csv": _read_csv,
    "html": _read_html,
}


def extract_document_inline(
    filename: str | None, content_type: str | None, data: bytes, limits: Limits
) -> DocumentText:
    """`extract_document` in the calling process: no time or memory limit, and a crash
    in a C library takes the caller with it. For tests and for the worker itself.

    PDFium is not thread-safe: do not call this for PDFs from several threads at once.
    """
    try:
        inspection = _inspect(filename, content_type, data, limits)
    except Exception as exc:
        return DocumentText(kind="unknown", problem=f"could not inspect: {_describe(exc)}")
    return _extract_inspected(inspection, data, limits)[0]


def _extract_inspected(
    inspection: _Inspection, data: bytes, limits: Limits
) -> tuple[DocumentText, bool]:
    """The document read by its reader, and whether memory ran out (the worker then
    retires: after a MemoryError the heap is not to be trusted)."""
    kind = inspection.kind
    reader = _READERS.get(inspection.reader)
    if inspection.problem or reader is None:
        problem = inspection.problem or "unrecognised file type"
        return DocumentText(kind=kind, problem=problem), False
    try:
        return _finish(reader(data, limits), limits), False
    except MemoryError:
        return DocumentText(kind=kind, problem="ran out of memory; not read"), True
    except RecursionError:
        return DocumentText(kind=kind, problem=f"damaged {kind}: nested too deeply"), False
    except Exception as exc:
        return DocumentText(kind=kind, problem=f"damaged {kind}: {_describe(exc)}"), False
