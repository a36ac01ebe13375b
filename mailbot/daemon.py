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
from datetime import UTC, datetime
from functools import cached_property
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from mailbot.app import App
from mailbot.sources import MailSource
from mailbot.sources.maildir import MaildirSource, ensure_maildir
from mailbot.ticker import Ticker, reminders_allowed, today_in_sweden

log = logging.getLogger(__name__)


def _no_nudge(fresh: int) -> None:
    return None


@dataclass
class Daemon:
    app: App
    sources: list[MailSource] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    _wake: threading.Event = field(default_factory=threading.Event, repr=False)

    @cached_property
    def ticker(self) -> Ticker:
        return Ticker(self.app)

    def build_sources(self, *, nudge: bool = True) -> None:
        """The mailbox sources; `nudge=False` for a one-shot poll (`mailbot tick`)."""
        settings = self.app.settings
        callback = self._nudge if nudge else _no_nudge
        if settings.imap.enabled:
            from mailbot.sources.imap import ImapSource

            creds = self.app.imap_credentials()
            for folder in settings.imap.folders:
                self.sources.append(
                    ImapSource(settings.imap, creds, folder, self.app.intake, callback)
                )
        else:
            ensure_maildir(settings.inbox_dir)
            self.sources.append(
                MaildirSource(
                    settings.inbox_dir,
                    self.app.intake,
                    callback,
                    poll_interval=settings.daemon.maildir_poll_interval,
                )
            )

    def _nudge(self, fresh: int) -> None:
        """New mail arrived: have the worker run the pipeline now rather than at the next
        tick. Only a signal: the source goes straight back to its mailbox (IDLE), so the
        reading, evaluation and sending never delay the taking in of the next mail."""
        self._wake.set()

    def _work(self) -> None:
        """The pipeline worker: runs the pipeline (and, after applied mail, the
        evaluation) whenever a source signals new mail; nudges during a run are kept
        and answered by one more run."""
        while not self.stop.is_set():
            if not self._wake.wait(0.5):
                continue
            self._wake.clear()
            try:
                self.catch_up()
            except Exception:
                log.exception("pipeline run failed; the next nudge or tick tries again")

    def catch_up(self) -> None:
        report = self.app.pipeline.run_pending(self.stop.is_set)
        if report.advanced or report.failed:
            log.info(
                "pipeline: %d advanced, %d failed, %d quarantined",
                report.advanced,
                report.failed,
                report.quarantined,
            )
        if report.advanced:
            # Evaluation after applied mail: receipts, review notices, and whatever the
            # new mail changed (a moved meeting) go out now, not tomorrow morning.
            self.evaluate()

    def evaluate(self) -> None:
        """The idempotent catch-up tick for today: plan what is due, send it."""
        try:
            report = self.ticker.run(
                today_in_sweden(), now=datetime.now(UTC), stop=self.stop.is_set
            )
        except Exception:
            log.exception("evaluation failed; the next tick tries again")
            return
        if report.planned or report.dispatch.sent or report.dispatch.failed:
            d = report.dispatch
            log.info(
                "outbox: %d planned, %d sent, %d dry-run, %d deferred, %d failed",
                len(report.planned),
                d.sent,
                d.dry_run,
                d.deferred,
                d.failed,
            )

    def recover(self) -> None:
        try:
            self.ticker.recover(today_in_sweden())
        except Exception:
            log.exception("crash recovery of the outbox failed; trying again in a minute")

    def send_due(self) -> None:
        """Retries whose backoff has run out (deferred rows); and rows a crash left in
        `sending` that could not be checked at start (the Sent folder was unreachable)."""
        self.recover()
        if not self.app.outbox.count_waiting():
            return
        now = datetime.now(UTC)
        today = today_in_sweden(now)
        reminders = reminders_allowed(today, now, self.app.settings.outbox.daily_time)
        try:
            self.app.send_due(today, stop=self.stop.is_set, reminders=reminders)
        except Exception:
            log.exception("sending failed; the next tick tries again")

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
        log.info("outgoing mail: %s", self.app.describe_transport())
        if self.app.settings.outbox.dry_run:
            log.info("outbox.dry_run is on: notices are rendered and recorded, never sent")
        if not self.app.settings.outbox.coordinators:
            log.warning(
                "no coordinators configured (outbox.coordinators): no weekly digest is sent, "
                "and notices that have no recipient are not sent to anyone"
            )
        # A crash mid-send left rows in `sending`: find out whether they went out.
        self.recover()
        if on_started is not None:
            on_started(descriptions)

        # Boot the document reader now (about 0.4 s) rather than on the first mail.
        self.app.documents.start()
        scheduler = BackgroundScheduler(timezone="Europe/Stockholm")
        scheduler.add_job(
            self.catch_up,
            "interval",
            seconds=self.app.settings.daemon.catch_up_interval,
            id="pipeline-catch-up",
            max_instances=1,
            coalesce=True,
        )
        o = self.app.settings.outbox
        hour, minute = (int(p) for p in o.daily_time.split(":"))
        scheduler.add_job(
            self.evaluate,
            "cron",
            hour=hour,
            minute=minute,
            id="daily-evaluation",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        d_hour, d_minute = (int(p) for p in o.digest_time.split(":"))
        scheduler.add_job(
            self.evaluate,  # the tick plans this week's digest once its moment has passed
            "cron",
            day_of_week=o.digest_weekday - 1,
            hour=d_hour,
            minute=d_minute,
            id="weekly-digest",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        scheduler.add_job(
            self.send_due,
            "interval",
            seconds=min(60.0, o.retry_base_seconds),
            id="send-deferred",
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        desk = None
        if self.app.settings.web.enabled:
            from mailbot.web import DeskServer

            desk = DeskServer(self.app)
            desk.start()
        # Catch up on anything left from a previous run before new mail arrives: the
        # pipeline, then today's tick (after downtime: each due notice once).
        self.catch_up()
        self.evaluate()

        threads = [
            threading.Thread(target=s.run, args=(self.stop,), name=f"source-{i}", daemon=True)
            for i, s in enumerate(self.sources)
        ]
        threads.append(threading.Thread(target=self._work, name="pipeline", daemon=True))
        for thread in threads:
            thread.start()
        log.info("ready: %d mailbox source(s) running; SIGTERM or Ctrl-C stops", len(self.sources))
        try:
            while not self.stop.is_set():
                self.stop.wait(0.5)
                if not any(t.is_alive() for t in threads[: len(self.sources)]):
                    log.error("every mailbox source stopped unexpectedly; exiting")
                    self.stop.set()
                    return 1
        finally:
            self.stop.set()
            for thread in threads:
                thread.join(timeout=120)
            scheduler.shutdown(wait=True)
            if desk is not None:
                desk.stop()
            log.info("stopped cleanly")
        return 0
