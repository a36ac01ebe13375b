"""The reader process behind `extract_document`: a warm child that can be killed (see
the package docstring for why)."""

from __future__ import annotations

import atexit
import json
import logging
import math
import os
import resource
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from multiprocessing.connection import Connection
from pathlib import Path

from mailbot.parse.documents.inline import _READERS, _extract_inspected
from mailbot.parse.documents.kinds import _inspect, _Inspection
from mailbot.parse.documents.text import _describe, _size
from mailbot.parse.types import DocumentText, Limits

log = logging.getLogger(__name__)

DEFAULT_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
"""Address space of the reader process while it reads one document (`RLIMIT_AS`)."""

# ---------------------------------------------------------------------------------------
# The worker process
# ---------------------------------------------------------------------------------------

_READY = b"ready"
_BOOT = "\n".join(
    (
        "import sys",
        "from mailbot.parse.documents import _serve",
        "_serve(int(sys.argv[1]), int(sys.argv[2]))",
    )
)
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def _serve(job_fd: int, reply_fd: int) -> None:
    """The worker's loop: a JSON header and the document's bytes in, JSON out.

    Returns (and the process exits) when the parent closes its end, or after a document
    that ran out of memory.
    """
    jobs = Connection(job_fd, writable=False)
    replies = Connection(reply_fd, readable=False)
    _import_readers()
    replies.send_bytes(_READY)
    while True:
        try:
            header, data = jobs.recv_bytes(), jobs.recv_bytes()
        except (EOFError, OSError):
            return
        reply, retire = _serve_one(header, data)
        replies.send_bytes(reply)
        if retire:
            return


def _import_readers() -> None:
    """Import every reader once at boot, so no document pays for it against its time."""
    import bs4  # noqa: F401
    import docx  # noqa: F401
    import odf.opendocument  # type: ignore[import-untyped]  # noqa: F401
    import openpyxl  # type: ignore[import-untyped]  # noqa: F401
    import pypdfium2  # type: ignore[import-untyped]  # noqa: F401
    import striprtf.striprtf  # noqa: F401


def _serve_one(header: bytes, data: bytes) -> tuple[bytes, bool]:
    """One document under its limits: the reply, and whether this worker should retire."""
    job = json.loads(header)
    limits = Limits(**job["limits"])
    memory: int | None = job["memory"]
    _limit_resources(memory, limits.max_document_seconds)
    try:
        document, out_of_memory = _extract_inspected(_Inspection(job["reader"]), data, limits)
    finally:
        _limit_resources(None, limits.max_document_seconds)  # room to send the answer
    retire = out_of_memory
    if memory is not None:
        peak = _peak_address_space()
        # C libraries report a failed malloc in their own words ("unknown error" from
        # libxml2): a failure close to the limit is taken as a lack of memory.
        out_of_memory = out_of_memory or bool(document.problem and peak >= memory * 0.9)
        # A fresh process after a big document, so the next one gets its memory back
        # and the peak above measures that document alone.
        retire = out_of_memory or peak >= memory // 2
        if out_of_memory:
            problem = f"needs more than {_size(memory)} of memory; not read"
            document = DocumentText(kind=document.kind, problem=problem)
    return _encode_reply(document, retire), retire


def _peak_address_space() -> int:
    """VmPeak of this process in bytes (Linux), 0 when unknown."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _limit_resources(memory: int | None, seconds: float) -> None:
    """Address space for this document, and a CPU-time backstop that ends the worker by
    itself should the parent die and never kill it."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = resource.RLIM_INFINITY if memory is None else memory
    if hard != resource.RLIM_INFINITY:
        soft = hard if soft == resource.RLIM_INFINITY else min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_soft = int(usage.ru_utime + usage.ru_stime + 3 * min(seconds, 3600) + 10)
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    if cpu_hard == resource.RLIM_INFINITY or cpu_soft <= cpu_hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))


def _encode_reply(document: DocumentText, retire: bool) -> bytes:
    fields = asdict(document)
    fields["retire"] = retire
    try:
        return json.dumps(fields, ensure_ascii=False).encode()
    except Exception as exc:  # not expected; the parent must still get an answer
        failed = {"kind": document.kind, "problem": f"could not send the text: {exc}"}
        return json.dumps({**failed, "retire": True}).encode()


def _decode_reply(payload: bytes, kind: str) -> tuple[DocumentText, bool]:
    """The worker's answer, checked: a confused worker must not hand on garbage."""
    fields = json.loads(payload)
    tables = fields.get("tables", [])
    valid_tables = isinstance(tables, list) and all(
        isinstance(table, list)
        and all(isinstance(row, list) and all(isinstance(c, str) for c in row) for row in table)
        for table in tables
    )
    text, problem, pages = fields.get("text", ""), fields.get("problem"), fields.get("pages")
    if not (
        valid_tables
        and isinstance(fields.get("kind"), str)
        and isinstance(text, str)
        and (problem is None or isinstance(problem, str))
        and (pages is None or isinstance(pages, int))
    ):
        return DocumentText(kind=kind, problem="the document reader gave a malformed answer"), True
    document = DocumentText(fields["kind"], text, tables, problem, pages)
    return document, bool(fields.get("retire"))


class _Child:
    """One worker process and the two pipes to it."""

    def __init__(self) -> None:
        job_read, self._job_write = os.pipe()
        self._reply_read, reply_write = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _BOOT, str(job_read), str(reply_write)],
                pass_fds=(job_read, reply_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,  # a printing library must not reach our stdout
                env=_worker_environment(),
                start_new_session=True,  # Ctrl-C in a terminal stops the parent only
            )
        except BaseException:
            os.close(self._job_write)
            os.close(self._reply_read)
            raise
        finally:
            os.close(job_read)
            os.close(reply_write)
        self.jobs = Connection(self._job_write, readable=False)
        self.replies = Connection(self._reply_read, writable=False)
        self.ready = False
        self.served = 0

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.replies.poll(timeout):
            try:
                self.ready = self.replies.recv_bytes() == _READY
            except (EOFError, OSError):
                return False
        return self.ready

    def ask(self, header: bytes, data: bytes, seconds: float) -> bytes | None:
        """The answer, or None when `seconds` passed first. OSError/EOFError: it died."""
        self.jobs.send_bytes(header)
        self.jobs.send_bytes(data)
        self.served += 1
        wait = max(seconds, 0.0) if math.isfinite(seconds) else None  # None: no limit
        if not self.replies.poll(wait):
            return None
        return self.replies.recv_bytes()

    def death(self) -> str:
        """How the process ended, for the problem shown to people."""
        try:
            code = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            return "stopped answering"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with status {code}"

    def stop(self) -> None:
        self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("document worker %s did not die", self.process.pid)
        self.jobs.close()
        self.replies.close()


def _worker_environment() -> dict[str, str]:
    """The parent's environment with this very copy of mailbot first on the path."""
    environment = dict(os.environ)
    paths = [_PACKAGE_ROOT, environment.get("PYTHONPATH", "")]
    environment["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    return environment


class DocumentWorker:
    """A persistent reader process: one document at a time, killed and replaced when a
    document takes longer than `limits.max_document_seconds` or crashes it.

    Falls back to in-process reading (logged) only when no worker can be started at all,
    so documents are still read where subprocesses are forbidden.
    """

    def __init__(self, *, boot_seconds: float = 60.0, documents_per_worker: int = 500) -> None:
        self._boot_seconds = boot_seconds
        self._documents_per_worker = documents_per_worker
        self._lock = threading.Lock()
        self._child: _Child | None = None
        self._successor: _Child | None = None  # booting to replace a worn-out child
        self._broken = False

    def start(self) -> None:
        """Boot the process now rather than on the first document (it takes ~0.4 s)."""
        with self._lock:
            self._ready_child()

    def close(self) -> None:
        with self._lock:
            for child in (self._child, self._successor):
                if child is not None:
                    child.stop()
            self._child = self._successor = None

    def __enter__(self) -> DocumentWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def extract(
        self,
        filename: str | None,
        content_type: str | None,
        data: bytes,
        limits: Limits,
        *,
        memory_limit_bytes: int | None = DEFAULT_MEMORY_LIMIT_BYTES,
    ) -> DocumentText:
        """As `extract_document`, through this worker."""
        try:
            inspection = _inspect(filename, content_type, data, limits)
            if inspection.problem or inspection.reader not in _READERS:
                return _extract_inspected(inspection, data, limits)[0]
            with self._lock:
                return self._extract_locked(inspection, data, limits, memory_limit_bytes)
        except Exception as exc:  # a bug here must not cost the mail
            log.exception("document extraction failed")
            return DocumentText(kind="unknown", problem=f"could not read: {_describe(exc)}")

    def _extract_locked(
        self, inspection: _Inspection, data: bytes, limits: Limits, memory: int | None
    ) -> DocumentText:
        child = self._ready_child()
        if child is None:
            return _extract_inspected(inspection, data, limits)[0]
        header = json.dumps(
            {"reader": inspection.reader, "limits": asdict(limits), "memory": memory}
        ).encode()
        kind = inspection.kind
        try:
            payload = child.ask(header, data, limits.max_document_seconds)
        except (OSError, EOFError):
            return self._retire(child, f"the document reader crashed ({child.death()})", kind)
        if payload is None:
            seconds = f"{limits.max_document_seconds:g}"
            return self._retire(child, f"took too long (over {seconds} s); reading stopped", kind)
        document, retire = _decode_reply(payload, kind)
        if retire:
            self._retire(child, None, kind)
        elif child.served >= self._documents_per_worker:
            self._prepare_successor()
        return document

    def _retire(self, child: _Child, problem: str | None, kind: str) -> DocumentText:
        """Kill this worker and boot its successor now, so it is warm for the next mail."""
        child.stop()
        self._prepare_successor()
        self._child, self._successor = self._successor, None
        return DocumentText(kind=kind, problem=problem)

    def _prepare_successor(self) -> None:
        """Boot a replacement in the background; a worn-out child serves meanwhile, so
        routine recycling never makes a document wait for a boot."""
        if self._successor is None:
            try:
                self._successor = _Child()
            except OSError:
                log.exception("could not start a new document worker")

    def _promote_successor(self) -> None:
        if self._successor is None:
            return
        if self._child is None or self._successor.wait_ready(0):
            if self._child is not None:
                self._child.stop()
            self._child, self._successor = self._successor, None

    def _ready_child(self) -> _Child | None:
        if self._broken:
            return None
        self._promote_successor()
        if self._child is not None and self._child.process.poll() is not None:
            log.warning("document worker died while idle (%s)", self._child.death())
            self._child.stop()  # killed by the OOM killer, say: replace it quietly
            self._child = None
        if self._child is None:
            try:
                self._child = _Child()
            except OSError:
                log.exception("cannot start a document worker; reading in-process")
                self._broken = True
                return None
        if self._child.wait_ready(self._boot_seconds):
            return self._child
        log.error("document worker did not start (%s); reading in-process", self._child.death())
        self._child.stop()
        self._child = None
        self._broken = True
        return None


_default_lock = threading.Lock()
_default: DocumentWorker | None = None


def default_worker() -> DocumentWorker:
    """The process-wide worker behind `extract_document`, closed at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = DocumentWorker()
            atexit.register(_default.close)
        return _default


def extract_document(
    filename: str | None,
    content_type: str | None,
    data: bytes,
    limits: Limits,
    *,
    memory_limit_bytes: int | None = DEFAULT_MEMORY_LIMIT_BYTES,
) -> DocumentText:
    """Text and tables of one attachment. Never raises.

    The kind comes from the bytes first, then from `filename` and `content_type`.
    Reading happens in the worker process under `limits.max_document_seconds` and
    `memory_limit_bytes` of address space (None: no memory limit); over any limit, or
    when the document is encrypted, a scan, damaged or unsupported, `problem` says so.
    """
    return default_worker().extract(
        filename, content_type, data, limits, memory_limit_bytes=memory_limit_bytes
    )
