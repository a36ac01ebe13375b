"""The state folder is private: 0700, and every file mailbot writes in it 0600.

`state/` holds the raw mails, the store (mail text, senders, what mailbot sends) and
the outgoing mail. Two layers keep it private:

- the `mailbot` command sets its process umask to 077 first thing (`private_umask`,
  called by the CLI's entry point, never by library code, since a umask is the whole
  process's), so every file and folder it creates is its own user's only;
- independently of any umask, the state folder is created 0700, and the SQLite file
  0600 before SQLite opens it (SQLite gives its journal, WAL and shared-memory files
  the database file's mode); raw mails and outgoing .eml files are written 0600.

mailbot never changes the mode of what it finds: an existing state whose folder or
files are open to other users is reported once at start, with the command that fixes
it.
"""

from __future__ import annotations

import fcntl
import logging
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from mailbot.errors import MailbotError

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
# A state with more files than this is checked by a sample of that many (a start must
# stay quick); each file mailbot makes has the same mode, so a sample finds a problem.
MAX_CHECKED = 20_000


def private_umask() -> None:
    """From now on, whatever this process creates is its own user's only."""
    os.umask(PRIVATE_UMASK)


@dataclass(frozen=True)
class LooseModes:
    folder_mode: int | None  # the state folder's mode, when looser than 0700
    files: int  # files or folders inside readable or writable by others
    example: Path | None

    def describe(self, root: Path) -> str:
        parts = []
        if self.folder_mode is not None:
            parts.append(f"{root} is {self.folder_mode:04o}")
        if self.files:
            parts.append(
                f"{self.files} entries inside are open to other users (e.g. {self.example})"
            )
        return (
            "; ".join(parts)
            + f": mail and its senders can be read by other users; fix: chmod -R go-rwx {root}"
        )


def secure_state_dir(root: Path) -> LooseModes | None:
    """Create the state folder private (or find it), and report what is not private."""
    if not root.exists():
        root.mkdir(mode=DIR_MODE, parents=True)
        os.chmod(root, DIR_MODE)  # mkdir's mode is masked; say it exactly
        return None
    loose = find_loose_modes(root)
    if loose is not None:
        log.warning("%s", loose.describe(root))
    return loose


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (e.g. the SQLite file, so
    that SQLite, which copies its mode to the files beside it, makes them 0600 too)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def find_loose_modes(root: Path) -> LooseModes | None:
    folder_mode = stat.S_IMODE(root.stat().st_mode)
    loose_folder = folder_mode if folder_mode & 0o077 else None
    count = 0
    example: Path | None = None
    checked = 0
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            checked += 1
            if checked > MAX_CHECKED:
                break
            path = Path(dirpath) / name
            try:
                info = path.lstat()
            except OSError:  # gone meanwhile
                continue
            if stat.S_ISLNK(info.st_mode):
                continue  # a link's own mode means nothing
            if stat.S_IMODE(info.st_mode) & 0o077:
                count += 1
                example = example or path
        if checked > MAX_CHECKED:
            break
    if loose_folder is None and not count:
        return None
    return LooseModes(loose_folder, count, example)


# -- one daemon per state ---------------------------------------------------------------

LOCK_NAME = "daemon.lock"


class StateBusy(MailbotError):
    """Another mailbot process holds the state's lock (a daemon is running on it)."""


class StateLock:
    """An exclusive lock on the state folder, held by `mailbot run` for its lifetime and
    by `mailbot tick` while it runs: two daemons on one state, or a tick beside the
    daemon, would both plan and send. The kernel drops the lock when the process dies,
    so a crash never leaves a stale lock; the file keeps the holder's pid for the
    message."""

    def __init__(self, state_dir: Path, what: str, *, wait: float = 0.0) -> None:
        self.path = state_dir / LOCK_NAME
        self.what = what
        # How long to wait for another short-lived holder (a `tick` from cron) to finish;
        # a running daemon is never waited for: it holds the lock until it stops.
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> StateLock:
        self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_holder(fd)
                if "mailbot run" not in holder and time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                os.close(fd)
                raise StateBusy(
                    f"{holder} is already running on {self.path.parent} (lock {self.path}); "
                    f"stop it before starting {self.what}, or give another --state"
                ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {self.what}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StateLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode(errors="replace").strip()
    except OSError:
        text = ""
    pid, _, what = text.partition(" ")
    if pid.isdigit():
        return f"{what or 'mailbot'} (pid {pid})"
    return "another mailbot process"
