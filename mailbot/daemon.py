"""`mailbot run`: the daemon.

Each mailbox source runs in its own thread and pushes new mail through intake; after
each batch it nudges the pipeline. APScheduler runs the periodic catch-up jobs. The
scheduler only nudges: every job is an idempotent catch-up tick and all truth is in
the store, so a missed or doubled tick costs nothing.

SIGTERM or Ctrl-C sets one stop event: sources finish the message in hand, the
scheduler waits for its running job, and the process exits 0.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from mailbot.app import App
from mailbot.sources import MailSource
from mailbot.sources.maildir import MaildirSource, ensure_maildir

log = logging.getLogger(__name__)


@dataclass
class Daemon:
    app: App
    sources: list[MailSource] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def build_sources(self) -> None:
        settings = self.app.settings
        if settings.imap.enabled:
            from mailbot.sources.imap import ImapSource

            creds = self.app.imap_credentials()
            for folder in settings.imap.folders:
                self.sources.append(
                    ImapSource(settings.imap, creds, folder, self.app.intake, self._nudge)
                )
        else:
            ensure_maildir(settings.inbox_dir)
            self.sources.append(
                MaildirSource(
                    settings.inbox_dir,
                    self.app.intake,
                    self._nudge,
                    poll_interval=settings.daemon.maildir_poll_interval,
                )
            )

    def _nudge(self, fresh: int) -> None:
        """New mail arrived: run the pipeline now rather than at the next tick."""
        self.catch_up()

    def catch_up(self) -> None:
        report = self.app.pipeline.run_pending(self.stop.is_set)
        if report.advanced or report.failed:
            log.info(
                "pipeline: %d advanced, %d failed, %d quarantined",
                report.advanced,
                report.failed,
                report.quarantined,
            )

    def install_signal_handlers(self) -> None:
        def _handler(signum: int, _frame: FrameType | None) -> None:
            if self.stop.is_set():
                return
            name = signal.Signals(signum).name
            log.info("%s received: finishing the current message, then exiting", name)
            self.stop.set()

        signal.signal(signal.SIGTERM, _handler)
        signal.signal(signal.SIGINT, _handler)

    def run(self, on_started: Callable[[list[str]], None] | None = None) -> int:
        self.build_sources()
        descriptions = [s.describe() for s in self.sources]
        for text in descriptions:
            log.info("watching %s", text)
        if not self.app.settings.imap.enabled:
            log.info(
                "no IMAP server configured (imap.host is empty): using the embedded "
                "default, a local Maildir at %s",
                self.app.settings.inbox_dir,
            )
        if on_started is not None:
            on_started(descriptions)

        # Boot the document reader now (about 0.4 s) rather than on the first mail.
        from mailbot.parse.documents import default_worker

        default_worker().start()
        scheduler = BackgroundScheduler(timezone="Europe/Stockholm")
        scheduler.add_job(
            self.catch_up,
            "interval",
            seconds=self.app.settings.daemon.catch_up_interval,
            id="pipeline-catch-up",
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        # Catch up on anything left from a previous run before new mail arrives.
        self.catch_up()

        threads = [
            threading.Thread(target=s.run, args=(self.stop,), name=f"source-{i}", daemon=True)
            for i, s in enumerate(self.sources)
        ]
        for thread in threads:
            thread.start()
        log.info("ready: %d mailbox source(s) running; SIGTERM or Ctrl-C stops", len(threads))
        try:
            while not self.stop.is_set():
                self.stop.wait(0.5)
                if not any(t.is_alive() for t in threads):
                    log.error("every mailbox source stopped unexpectedly; exiting")
                    self.stop.set()
                    return 1
        finally:
            self.stop.set()
            for thread in threads:
                thread.join(timeout=120)
            scheduler.shutdown(wait=True)
            log.info("stopped cleanly")
        return 0
