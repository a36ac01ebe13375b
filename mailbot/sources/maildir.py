"""The embedded default: a local Maildir (`state/inbox/`) watched by polling.

Mail is taken from `new/`; once stored it is renamed into `cur/` with the Maildir
"seen" flag, so the folder shows what is handled, exactly as a mail client would.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from mailbot.intake import Intake, Origin
from mailbot.sources import Notify

log = logging.getLogger(__name__)


def ensure_maildir(root: Path) -> None:
    for sub in ("new", "cur", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)


def seen_name(name: str) -> str:
    """The `cur/` name for a handled mail: Maildir info `:2,` with the S (seen) flag."""
    base, sep, flags = name.partition(":2,")
    if not sep:
        return f"{name}:2,S"
    return name if "S" in flags else f"{base}:2,{''.join(sorted(flags + 'S'))}"


class MaildirSource:
    def __init__(
        self,
        root: Path,
        intake: Intake,
        notify: Notify,
        *,
        poll_interval: float = 1.0,
        settle: float = 0.5,
    ) -> None:
        self.root = root
        self.intake = intake
        self.notify = notify
        self.poll_interval = poll_interval
        # A file changed this recently may still be being copied in (cp, not rename).
        self.settle = settle
        self.mailbox = f"maildir:{root.resolve()}"
        # Told (done, total) as a poll takes mail in (`mailbot sync`'s progress bar).
        self.progress: Callable[[int, int], None] | None = None

    def describe(self) -> str:
        return f"local Maildir {self.root} (drop .eml files into {self.root / 'new'})"

    def take_once(self) -> int:
        """One pass over the folder (`mailbot tick`)."""
        return self.poll_once()

    def poll_once(self, stop: threading.Event | None = None) -> int:
        ensure_maildir(self.root)
        new_dir = self.root / "new"
        fresh = 0
        now = time.time()
        entries = sorted(os.scandir(new_dir), key=lambda e: e.name)
        for done, entry in enumerate(entries):
            if self.progress is not None:
                self.progress(done, len(entries))
            if stop is not None and stop.is_set():
                break
            if entry.name.startswith(".") or not entry.is_file(follow_symlinks=False):
                continue
            try:
                stat = entry.stat()
                if now - stat.st_mtime < self.settle:
                    continue
                raw = Path(entry.path).read_bytes()
            except FileNotFoundError:
                continue  # taken by someone else meanwhile
            arrived = datetime.fromtimestamp(stat.st_mtime, UTC)
            origin = Origin(mailbox=self.mailbox, key=entry.name, arrived_at=arrived)
            accepted = self.intake.accept(raw, origin)
            # Only after the commit: rename into cur/, the Maildir way of "handled".
            handled = self.root / "cur" / seen_name(entry.name)
            os.replace(entry.path, handled)
            # What the delivery wrote with its own umask is private from now on, as
            # everything in the state folder is (statedir.py).
            with contextlib.suppress(OSError):
                os.chmod(handled, 0o600)
            self.intake.mark_handled([accepted.source_pk])
            if accepted.outcome != "known":
                fresh += 1
                log.info(
                    "stored %s as message %s (%s)", entry.name, accepted.message_pk, accepted.state
                )
        if self.progress is not None:
            self.progress(len(entries), len(entries))
        return fresh

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                fresh = self.poll_once(stop)
            except OSError as exc:
                log.error("cannot read %s: %s", self.root, exc)
                fresh = 0
            if fresh:
                self.notify(fresh)
            stop.wait(self.poll_interval)
