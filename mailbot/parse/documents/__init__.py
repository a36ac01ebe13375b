"""Text and tables out of the attachments secretaries send: Word, PDF, Excel, ODF, RTF,
plain text, HTML.

Public API
----------
`extract_document(filename, content_type, data, limits)` is the production path: it never
raises, and returns a `DocumentText` whose `problem` says in plain words why a document
was not (fully) read: over a limit, encrypted, a scan without text, damaged, too slow.
`extract_document_inline` does the same work in the calling process (unit tests, and the
worker itself). `detect_kind` names the format from the bytes, then the file name and
content type. `DocumentWorker` is the reader process behind `extract_document`, for a
caller that wants its own (a second thread of extraction, a different memory limit).

Why a persistent worker process
-------------------------------
Attachments are untrusted and the readers include C libraries (PDFium, libxml2): a
pathological PDF can loop inside C, where no Python thread timeout can stop it, and a
document can ask for gigabytes. So every document is parsed in a child process that can
be killed: the parent waits at most `limits.max_document_seconds` for the answer, then
SIGKILLs the child and starts a replacement in the background (the next document waits
for it to boot). The child puts an address-space limit (`RLIMIT_AS`, 1 GiB by default,
`memory_limit_bytes=`) on itself for each document, so a bomb ends in a MemoryError or
a dead child, never in a swapping machine, and a CPU-time limit as a backstop should
the parent itself die mid-document.

A process per document would be simplest, but booting Python and importing the readers
costs about 0.3-0.4 s here, several times the whole budget for a mail. Reusing one warm
child costs about 0.2 ms per document for the pipe round trip plus the copying of bytes
and text (about 1 ms per 100 000 characters). Medians on this 2-core machine, warm
(bench/bench_documents.py): a 3-page .docx 7-10 ms through the worker against 7 ms
in-process, a 10-page PDF 9 against 7 ms (about 40 ms since its columns are measured,
`_pdf_columns`), a 300-row .xlsx 27-33 against 26 ms (openpyxl itself). That is cheap
enough to send every format through the worker rather than keep a list of "safe" formats
in-process: even html.parser has had quadratic inputs. Only the
checks that decide whether a document is read at all run in the parent: the size limit,
the kind from magic bytes, and the zip central directory (declared sizes and ratio,
bounded work). The zip limits are enforced on declared sizes, which is sound because
`zipfile`, which python-docx, openpyxl and odfpy all read through, never inflates an entry
beyond its declared size.

The child is started with `subprocess` rather than `multiprocessing`: it needs nothing from
the parent's `__main__`, is safe to start from a threaded daemon, and talks over two
private pipes, so a library that prints cannot corrupt the answer or a CLI's JSON. Jobs go
as JSON plus raw bytes, answers as JSON, so the parent never unpickles anything produced
while parsing hostile input. One worker serves one document at a time (a lock). A child
is retired after running out of memory, after a document that took over half its memory
limit, and after 500 documents, so a bloated or fragmented heap does not linger.

Reading prefixes: a PDF longer than `max_pages`, a sheet over `max_cells` or a text over
`max_text_chars` is read up to the limit without a problem being set, because what
matters (member lists, dates, protocol headings) sits at the start; a document yielding
nothing useful says so.
"""

from __future__ import annotations

from mailbot.parse.documents.inline import extract_document_inline
from mailbot.parse.documents.kinds import (
    ENCRYPTED,
    LEGACY_DOC,
    LEGACY_XLS,
    NO_TEXT_LAYER,
    detect_kind,
)
from mailbot.parse.documents.worker import (
    DEFAULT_MEMORY_LIMIT_BYTES,
    DocumentWorker,
    _serve,
    default_worker,
    extract_document,
)

__all__ = [
    "DEFAULT_MEMORY_LIMIT_BYTES",
    "ENCRYPTED",
    "LEGACY_DOC",
    "LEGACY_XLS",
    "NO_TEXT_LAYER",
    "DocumentWorker",
    "_serve",
    "default_worker",
    "detect_kind",
    "extract_document",
    "extract_document_inline",
]
