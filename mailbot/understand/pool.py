"""Reading mail on every core: a pool of reader processes that parse and understand
mail ahead of the pipeline.

The pipeline takes mail in order, one message at a time, because the registry is a
fold: a member list applied in January vouches for the senders of March. Reading a
mail (MIME, attachments, the analysis) needs nothing of that order but the sender's
entry in the registry's known senders, so the pool reads the next messages while the
pipeline applies the current one, and the stage checks that the entry it was read
with is still the registry's (else it analyses the parsed mail again).

Each reader is a warm child process (`python -c`, the same interpreter and copy of
mailbot) serving one mail at a time over two pipes, with pickled values both ways
(both ends are this code). A collector thread hands out the jobs and takes the
answers, so the readers never wait for the pipeline. A mail that takes longer than
`job_seconds`, crashes its reader or runs it out of memory is given up by the pool
(`None`): the stage then reads it the careful way, through the document worker that
holds every attachment to its own time and memory limits. Readers are replaced after
`jobs_per_reader` mails, or at once when their memory has grown past `max_rss_bytes`,
so memory stays flat however long the mailbox.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import pickle
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing.connection import Connection, wait
from typing import Any

from mailbot.parse.mime import ParsedMail
from mailbot.parse.types import Limits
from mailbot.understand.analyze import Context
from mailbot.verdict import Verdict

log = logging.getLogger(__name__)

_BOOT = "\n".join(
    (
        "import sys",
        "from mailbot.understand.pool import _serve",
        "_serve(int(sys.argv[1]), int(sys.argv[2]))",
    )
)
_READY = b"ready"


@dataclass(frozen=True)
class Read:
    """A mail read by the pool: the parsed mail, its verdict, and the known-senders
    entries of its sender it was read with (to check that they still hold)."""

    mail: ParsedMail
    verdict: Verdict
    senders_seen: dict[str, frozenset[str]]


def senders_entry(senders: dict[str, set[str]], address: str | None) -> dict[str, frozenset[str]]:
    """The entries of `senders` that the analysis can look at for this sender."""
    keys = {address or "", (address or "").lower()}
    return {key: frozenset(senders.get(key, ())) for key in keys}


# ---------------------------------------------------------------------------------------
# The reader process
# ---------------------------------------------------------------------------------------


def _serve(job_fd: int, reply_fd: int) -> None:
    """A reader's loop: (context, limits, memory) first, then one job after another,
    until the parent closes its end."""
    from mailbot.parse.documents.inline import extract_document_inline
    from mailbot.parse.documents.worker import _limit_resources
    from mailbot.understand.analyze import understand_bytes

    jobs = Connection(job_fd, writable=False)
    replies = Connection(reply_fd, readable=False)
    try:
        context, limits, memory, job_seconds = pickle.loads(jobs.recv_bytes())
    except (EOFError, OSError):
        return
    senders: dict[str, set[str]] = {}
    replies.send_bytes(_READY)
    while True:
        try:
            key, path, fallback, new_senders = pickle.loads(jobs.recv_bytes())
        except (EOFError, OSError):
            return
        if new_senders is not None:
            senders = new_senders
        # The address space for this mail, and a CPU backstop should the parent die.
        _limit_resources(memory, job_seconds)
        try:
            with open(path, "rb") as raw_file:
                raw = raw_file.read()
            ctx = replace(context, fallback_date=fallback, known_senders=senders)
            mail, verdict = understand_bytes(raw, ctx, limits, extract_document_inline)
            seen = senders_entry(senders, mail.from_addr)
            reply: tuple[Any, ...] = (key, Read(mail, verdict, seen), None, _rss())
        except BaseException as exc:  # the parent reads it the careful way
            reply = (key, None, f"{type(exc).__name__}: {exc}", _rss())
        finally:
            _limit_resources(None, job_seconds)
        try:
            replies.send_bytes(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, RecursionError):
            return


def _rss() -> int:
    """This process's resident memory in bytes, 0 when unknown."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# ---------------------------------------------------------------------------------------
# The parent's side
# ---------------------------------------------------------------------------------------


@dataclass
class _Job:
    key: int
    path: str
    fallback: date


@dataclass
class _Reader:
    process: subprocess.Popen[bytes]
    jobs: Connection
    replies: Connection
    ready: bool = False
    senders_version: int = -1
    job: _Job | None = None
    deadline: float = 0.0
    served: int = 0


@dataclass
class PoolStats:
    read: int = 0
    given_up: int = 0
    readers_started: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)


class ReadingPool:
    """`workers` reader processes reading mail ahead of the pipeline (see the module)."""

    def __init__(
        self,
        context: Context,
        limits: Limits,
        *,
        workers: int,
        job_seconds: float,
        memory_limit_bytes: int | None,
        jobs_per_reader: int = 400,
        max_rss_bytes: int = 160 * 1024 * 1024,
        boot_seconds: float = 60.0,
    ) -> None:
        self._init = pickle.dumps(
            (replace(context, known_senders={}), limits, memory_limit_bytes, job_seconds)
        )
        self.workers = max(1, workers)
        self.job_seconds = job_seconds
        self.jobs_per_reader = jobs_per_reader
        self.max_rss_bytes = max_rss_bytes
        self.boot_seconds = boot_seconds
        self.stats = PoolStats()
        self._cond = threading.Condition()
        self._queue: collections.deque[_Job] = collections.deque()
        self._results: dict[int, Read | None] = {}
        self._pending: set[int] = set()
        self._senders: dict[str, set[str]] = {}
        self._senders_version = 0
        self._readers: list[_Reader] = []
        self._wake_read, self._wake_write = _pipe()
        self._closed = False
        self._boot_failures = 0
        self._thread: threading.Thread | None = None

    # -- the pipeline's side -------------------------------------------------------

    def submit(self, key: int, path: str, fallback: date, senders: dict[str, set[str]]) -> None:
        """Read the mail at `path` (the raw store's file) ahead; `take(key)` gets it."""
        with self._cond:
            if self._closed or key in self._pending or key in self._results:
                return
            if senders != self._senders:
                self._senders = {k: set(v) for k, v in senders.items()}
                self._senders_version += 1
            self._queue.append(_Job(key, path, fallback))
            self._pending.add(key)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._collect, name="reading-pool", daemon=True
                )
                self._thread.start()
        self._wake()

    def has(self, key: int) -> bool:
        with self._cond:
            return key in self._pending or key in self._results

    def take(self, key: int) -> Read | None:
        """The mail read ahead, waiting for it; None when the pool gave it up (or never
        had it): the caller reads it itself."""
        with self._cond:
            while key in self._pending and not self._closed:
                self._cond.wait(0.5)
            return self._results.pop(key, None)

    def forget(self, keys: set[int]) -> None:
        """Drop answers and queued jobs the pipeline will not ask for (a retry later)."""
        with self._cond:
            queued = {j.key for j in self._queue if j.key in keys}
            self._queue = collections.deque(j for j in self._queue if j.key not in keys)
            self._pending -= queued
            for key in keys:
                self._results.pop(key, None)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout=10)
        for reader in self._readers:
            _stop(reader)
        self._readers = []
        for conn in (self._wake_read, self._wake_write):
            conn.close()

    def __enter__(self) -> ReadingPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the collector thread --------------------------------------------------------

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_write.send_bytes(b"")

    def _collect(self) -> None:
        try:
            while True:
                with self._cond:
                    if self._closed:
                        return
                    self._dispatch()
                    deadlines = [r.deadline for r in self._readers if r.job is not None]
                    waiting = {r.replies: r for r in self._readers if r.job or not r.ready}
                timeout = 1.0
                if deadlines:
                    timeout = max(0.0, min(min(deadlines) - time.monotonic(), 1.0))
                ready = wait([self._wake_read, *waiting], timeout)
                for conn in ready:
                    if conn is self._wake_read:
                        self._drain_wake()
                        continue
                    assert isinstance(conn, Connection)
                    self._answer(waiting[conn])
                self._check_deadlines()
        except Exception:  # never leave the pipeline waiting on a dead collector
            log.exception("the reading pool stopped; mail is read one at a time")
            with self._cond:
                self._closed = True
                self._pending.clear()
                self._cond.notify_all()

    def _drain_wake(self) -> None:
        while self._wake_read.poll():
            try:
                self._wake_read.recv_bytes()
            except (EOFError, OSError):
                return

    def _dispatch(self) -> None:
        """Start readers as needed and give every idle, ready reader the next job."""
        for dead in [r for r in self._readers if r.job is None and r.process.poll() is not None]:
            self._replace(dead)  # died while idle (the OOM killer, say): a new one below
        while len(self._readers) < min(self.workers, max(1, len(self._queue))) and self._queue:
            started = self._start()
            if started is None:
                self._give_up_queue("no reader process could be started")
                return
            self._readers.append(started)
        for reader in self._readers:
            if not self._queue:
                return
            if reader.ready and reader.job is None:
                job = self._queue.popleft()
                self._send(reader, job)

    def _send(self, reader: _Reader, job: _Job) -> None:
        senders = None
        if reader.senders_version != self._senders_version:
            # The newest known senders: the stage checks the entry a mail was read with
            # against the registry's when it takes the mail, whatever it was.
            senders = self._senders
            reader.senders_version = self._senders_version
        payload = pickle.dumps(
            (job.key, job.path, job.fallback, senders), protocol=pickle.HIGHEST_PROTOCOL
        )
        try:
            reader.jobs.send_bytes(payload)
        except OSError:
            self._finish(job.key, None, "reader-gone")
            self._replace(reader)
            return
        reader.job = job
        reader.deadline = time.monotonic() + self.job_seconds

    def _answer(self, reader: _Reader) -> None:
        try:
            payload = reader.replies.recv_bytes()
        except (EOFError, OSError):
            with self._cond:
                if reader.job is not None:
                    self._finish(reader.job.key, None, "reader-crashed")
                self._replace(reader)
            return
        with self._cond:
            if not reader.ready:
                reader.ready = payload == _READY
                if reader.ready:
                    self._boot_failures = 0
                else:
                    self._boot_failures += 1
                    self._replace(reader)
                return
            try:
                key, read, error, rss = pickle.loads(payload)
            except Exception:
                key, read, error, rss = (reader.job.key if reader.job else -1), None, "garbled", 0
            reader.job = None
            reader.served += 1
            if error:
                log.debug("reading pool: message %s given up: %s", key, error)
            self._finish(key, read, "reader-error" if read is None else None)
            if reader.served >= self.jobs_per_reader or rss > self.max_rss_bytes:
                self._replace(reader)

    def _check_deadlines(self) -> None:
        now = time.monotonic()
        with self._cond:
            for reader in list(self._readers):
                if reader.job is not None and now > reader.deadline:
                    log.info(
                        "reading pool: message %s took over %.0f s; read the careful way",
                        reader.job.key,
                        self.job_seconds,
                    )
                    self._finish(reader.job.key, None, "too-slow")
                    self._replace(reader)
                elif not reader.ready and (
                    reader.process.poll() is not None or now > reader.deadline
                ):
                    self._boot_failures += 1
                    self._replace(reader)
                    if self._boot_failures >= 3:
                        self._give_up_queue("reader processes do not start")

    def _finish(self, key: int, read: Read | None, reason: str | None) -> None:
        if key in self._pending:
            self._pending.discard(key)
            self._results[key] = read
            if read is None:
                self.stats.given_up += 1
                if reason:
                    self.stats.by_reason[reason] = self.stats.by_reason.get(reason, 0) + 1
            else:
                self.stats.read += 1
        self._cond.notify_all()

    def _give_up_queue(self, why: str) -> None:
        log.warning("reading pool: %s; reading one at a time", why)
        while self._queue:
            self._finish(self._queue.popleft().key, None, "no-reader")
        self._closed = True

    def _replace(self, reader: _Reader) -> None:
        _stop(reader)
        if reader in self._readers:
            self._readers.remove(reader)
        if reader.job is not None:
            self._finish(reader.job.key, None, "reader-gone")
            reader.job = None

    def _start(self) -> _Reader | None:
        from mailbot.parse.documents.worker import _worker_environment

        job_read, job_write = os.pipe()
        reply_read, reply_write = os.pipe()
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", _BOOT, str(job_read), str(reply_write)],
                pass_fds=(job_read, reply_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=_worker_environment(),
                start_new_session=True,
            )
        except OSError:
            log.exception("could not start a reader process")
            for fd in (job_read, job_write, reply_read, reply_write):
                os.close(fd)
            return None
        os.close(job_read)
        os.close(reply_write)
        reader = _Reader(
            process,
            Connection(job_write, readable=False),
            Connection(reply_read, writable=False),
            deadline=time.monotonic() + self.boot_seconds,
        )
        try:
            reader.jobs.send_bytes(self._init)
        except OSError:
            _stop(reader)
            return None
        self.stats.readers_started += 1
        return reader


def _pipe() -> tuple[Connection, Connection]:
    read_fd, write_fd = os.pipe()
    return Connection(read_fd, writable=False), Connection(write_fd, readable=False)


def _stop(reader: _Reader) -> None:
    if reader.process.poll() is None:
        reader.process.kill()
    try:
        reader.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        log.warning("reader process %s did not die", reader.process.pid)
    for conn in (reader.jobs, reader.replies):
        with contextlib.suppress(OSError):
            conn.close()


def default_workers() -> int:
    """One reader per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
