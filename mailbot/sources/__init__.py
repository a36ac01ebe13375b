"""Places mail comes from. Each source hands raw bytes to `Intake.accept`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

# Called by a source after a batch, with the number of new messages stored.
Notify = Callable[[int], None]


class MailSource(Protocol):
    """A mailbox the daemon watches.

    Contract: `run(stop)` takes in every mail that arrives, through `Intake.accept`
    (raw bytes durable, row committed) and only then marks or moves it at the source.
    It returns only when `stop` is set, after finishing the message in hand. It
    handles its own reconnects and backoff, and never raises for a network fault.
    """

    # Told (done, total) as a poll takes mail in; None: nobody is watching.
    progress: Callable[[int, int], None] | None

    def describe(self) -> str: ...

    def run(self, stop: threading.Event) -> None: ...

    def poll_once(self, stop: threading.Event | None = None) -> int:
        """Take in what is there now (one pass, on an open connection); the number of
        new messages."""
        ...

    def take_once(self) -> int:
        """Open what is needed, take in what is there now, close again (`mailbot tick`).
        Raises on a fault: a one-shot command reports it instead of retrying."""
        ...
