"""The shared mailbox over IMAP: UIDs, IDLE, and the order that loses nothing.

One `ImapSource` watches one folder over its own connection. A poll:
1. SELECT the folder; a changed UIDVALIDITY resets the cursor (sha256 dedupe then
   stops the rescan from doubling anything);
2. finish handled-actions that a crash left undone;
3. UID SEARCH for UIDs above the cursor, fetch them in batches with BODY.PEEK[]
   (PEEK: reading must not set \\Seen behind our back), hand each to intake
   (raw durable, row committed), and only then flag or move them on the server.
Between polls it waits in IDLE when the server offers it, else sleeps.
"""

from __future__ import annotations

import contextlib
import logging
import random
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientError, LoginError

from mailbot.config import HandledAction, ImapConfig, Security
from mailbot.errors import AuthError, ConfigError
from mailbot.intake import Intake, Origin, Outcome
from mailbot.oauth import TransientAuthError
from mailbot.sources import Notify

if TYPE_CHECKING:
    from mailbot.oauth import TokenProvider

log = logging.getLogger(__name__)

SEEN = b"\\Seen"
# Fetch bodies in groups no larger than this many bytes (one huge mail is its own group).
FETCH_BYTES = 16 * 1024 * 1024
# Network-ish failures that a reconnect may cure.
TRANSIENT = (OSError, socket.timeout, ssl.SSLError, IMAPClientError, EOFError)


@dataclass(frozen=True)
class Credentials:
    """How to log in: a password, or an OAuth2 token provider (Microsoft 365)."""

    user: str
    password: str | None = field(default=None, repr=False)  # never in a log line
    tokens: TokenProvider | None = field(default=None, repr=False)

    def login(self, client: IMAPClient) -> None:
        if self.tokens is not None:
            # XOAUTH2 with a fresh app-only token; the provider refreshes it itself.
            client.oauth2_login(self.user, self.tokens.token())
        else:
            client.login(self.user, self.password or "")


def connect(cfg: ImapConfig, creds: Credentials) -> IMAPClient:
    """Open, secure and log in one connection. Raises AuthError on a refused login."""
    context: ssl.SSLContext | None = None
    if cfg.security is not Security.PLAIN:
        context = ssl.create_default_context(cafile=str(cfg.ca_file) if cfg.ca_file else None)
    client = IMAPClient(
        cfg.host,
        port=cfg.effective_port,
        ssl=cfg.security is Security.TLS,
        ssl_context=context if cfg.security is Security.TLS else None,
        timeout=SocketTimeout(connect=cfg.timeout, read=cfg.timeout),
    )
    try:
        # Aware datetimes from INTERNALDATE, so arrival times are true UTC.
        client.normalise_times = False
        if cfg.security is Security.STARTTLS:
            client.starttls(context)
        try:
            creds.login(client)
        except LoginError as exc:
            raise AuthError(f"IMAP login as {creds.user} at {cfg.host} refused: {exc}") from None
    except BaseException:
        _close(client)
        raise
    return client


def _close(client: IMAPClient | None) -> None:
    """Log out politely; if the connection is already gone, just drop the socket."""
    if client is None:
        return
    try:
        client.logout()
    except Exception:  # the connection may already be gone
        with contextlib.suppress(Exception):
            client.shutdown()


def _to_utc(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class ImapSource:
    """Watches one IMAP folder until told to stop."""

    def __init__(
        self,
        cfg: ImapConfig,
        creds: Credentials,
        folder: str,
        intake: Intake,
        notify: Notify,
        *,
        connector: Callable[[ImapConfig, Credentials], IMAPClient] = connect,
    ) -> None:
        self.cfg = cfg
        self.creds = creds
        self.folder = folder
        self.intake = intake
        self.notify = notify
        self.connector = connector
        self.mailbox = f"imap://{creds.user}@{cfg.host}:{cfg.effective_port}/{folder}"
        self.client: IMAPClient | None = None
        self.uidvalidity: int | None = None
        # Told (done, total) as a poll takes mail in (`mailbot sync`'s progress bar).
        self.progress: Callable[[int, int], None] | None = None

    def describe(self) -> str:
        return f"IMAP {self.mailbox} ({self.cfg.security.value}, handled mail: {self._action()})"

    def _action(self) -> str:
        if self.cfg.handled is HandledAction.MOVE:
            return f"moved to {self.cfg.handled_folder}"
        return {HandledAction.SEEN: "marked seen", HandledAction.LEAVE: "left as is"}[
            self.cfg.handled
        ]

    # -- the loop ----------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        backoff = 1.0
        while not stop.is_set():
            try:
                if self.client is None:
                    self.client = self.connector(self.cfg, self.creds)
                    self._prepare()
                    log.info("connected: %s", self.describe())
                fresh = self.poll_once(stop)
                backoff = 1.0  # a good poll: the next fault starts the backoff afresh
                if fresh:
                    self.notify(fresh)
                if not stop.is_set():
                    self._wait(stop)
            except TransientAuthError as exc:
                # The token service was unreachable: a network fault, not bad credentials.
                self._transient_wait(stop, exc, backoff)
                backoff = min(backoff * 2, self.cfg.max_backoff)
            except AuthError as exc:
                # A refused login will not pass by retrying at once: say so, wait long.
                log.error(
                    "%s; check imap.user and the password or OAuth2 settings. Next try in %.0f s.",
                    exc,
                    self.cfg.login_failure_backoff,
                )
                self._drop()
                stop.wait(self.cfg.login_failure_backoff)
            except ConfigError as exc:
                log.error("%s; next try in %.0f s", exc, self.cfg.login_failure_backoff)
                self._drop()
                stop.wait(self.cfg.login_failure_backoff)
            except TRANSIENT as exc:
                self._transient_wait(stop, exc, backoff)
                backoff = min(backoff * 2, self.cfg.max_backoff)
            except Exception as exc:
                # A fault of our own (the store refused a row, a bug): log it with its
                # traceback and keep the watcher alive; the mail stays on the server.
                log.exception("IMAP %s: unexpected error", self.folder)
                self._transient_wait(stop, exc, max(backoff, 30.0))
                backoff = min(backoff * 2, self.cfg.max_backoff)
        self._drop()

    def _transient_wait(self, stop: threading.Event, exc: BaseException, backoff: float) -> None:
        # Exponential backoff with jitter, so a restarted server is not hit by every
        # client at the same instant.
        delay = min(backoff, self.cfg.max_backoff) * random.uniform(0.8, 1.2)
        log.warning(
            "IMAP %s: %s: %s; reconnecting in %.1f s", self.folder, type(exc).__name__, exc, delay
        )
        self._drop()
        stop.wait(delay)

    def _drop(self) -> None:
        _close(self.client)
        self.client = None
        self.uidvalidity = None

    def _prepare(self) -> None:
        client = self._client()
        if self.cfg.handled is HandledAction.MOVE and not client.folder_exists(
            self.cfg.handled_folder
        ):
            log.info("creating folder %s for handled mail", self.cfg.handled_folder)
            client.create_folder(self.cfg.handled_folder)

    def _client(self) -> IMAPClient:
        if self.client is None:
            raise ConnectionError("not connected")
        return self.client

    def take_once(self) -> int:
        """Connect, take in everything new, log out (`mailbot tick`): one pass, no loop."""
        try:
            if self.client is None:
                self.client = self.connector(self.cfg, self.creds)
                self._prepare()
            return self.poll_once()
        finally:
            self._drop()

    # -- one poll ------------------------------------------------------------------

    def poll_once(self, stop: threading.Event | None = None) -> int:
        """Take in everything new in the folder; returns how many new messages."""
        client = self._client()
        info = client.select_folder(self.folder)
        uidvalidity = int(info[b"UIDVALIDITY"])
        cursor = self.intake.cursor(self.mailbox)
        if cursor is None or cursor.uidvalidity != uidvalidity:
            if cursor is not None:
                log.warning(
                    "%s: UIDVALIDITY changed from %s to %s; rescanning the folder "
                    "(known mails are recognised by content, nothing is doubled)",
                    self.mailbox,
                    cursor.uidvalidity,
                    uidvalidity,
                )
            self.intake.reset_cursor(self.mailbox, uidvalidity)
            last_uid = 0
        else:
            last_uid = cursor.last_uid
        self.uidvalidity = uidvalidity
        self._finish_pending_actions(uidvalidity)
        # "n:*" always matches the highest UID, even when it is below n: filter.
        uids = sorted(u for u in client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
        if not uids:
            return 0
        log.debug("%s: %d new UIDs after %d", self.folder, len(uids), last_uid)
        fresh = 0
        done = 0
        sizes = self._sizes(uids)
        if self.progress is not None:
            self.progress(0, len(uids))
        for group in _groups(uids, sizes, self.cfg.batch_size):
            if stop is not None and stop.is_set():
                break
            fresh += self._take(group, uidvalidity, stop)
            done += len(group)
            if self.progress is not None:
                self.progress(done, len(uids))
        return fresh

    def _sizes(self, uids: list[int]) -> dict[int, int]:
        sizes: dict[int, int] = {}
        client = self._client()
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            for uid, data in client.fetch(chunk, ["RFC822.SIZE"]).items():
                sizes[int(uid)] = int(data.get(b"RFC822.SIZE", 0))
        return sizes

    def _take(self, uids: list[int], uidvalidity: int, stop: threading.Event | None) -> int:
        client = self._client()
        response = client.fetch(uids, ["BODY.PEEK[]", "INTERNALDATE"])
        items: list[tuple[bytes, Origin]] = []
        for uid in uids:
            data = response.get(uid)
            if data is None or b"BODY[]" not in data:
                continue  # expunged meanwhile: nothing to take
            origin = Origin(
                mailbox=self.mailbox,
                uidvalidity=uidvalidity,
                uid=uid,
                arrived_at=_to_utc(data.get(b"INTERNALDATE")),
            )
            items.append((bytes(data[b"BODY[]"]), origin))
        del response
        # The whole batch: raw files durable, then the rows in one transaction.
        accepted_all = self.intake.accept_many(
            items, action_done=self.cfg.handled is HandledAction.LEAVE
        )
        fresh = 0
        done: list[tuple[int, int]] = []  # (uid, source pk) stored, action still to do
        for (_raw, origin), accepted in zip(items, accepted_all, strict=True):
            stored = origin.uid
            assert stored is not None
            if accepted.outcome is not Outcome.KNOWN:
                fresh += 1
                log.debug(
                    "stored UID %s of %s as message %s (%s)",
                    stored,
                    self.folder,
                    accepted.message_pk,
                    accepted.state,
                )
            if not accepted.action_done:
                done.append((stored, accepted.source_pk))
        if fresh:
            log.info(
                "stored %d new mail from %s (UID %s to %s)", fresh, self.folder, uids[0], uids[-1]
            )
        # Only now, with every row committed, touch the server copies.
        self._handle([uid for uid, _ in done])
        self.intake.mark_handled([pk for _, pk in done])
        return fresh

    def _finish_pending_actions(self, uidvalidity: int) -> None:
        if self.cfg.handled is HandledAction.LEAVE:
            return
        pending = self.intake.pending_actions(self.mailbox, uidvalidity)
        if not pending:
            return
        log.info("%s: finishing %d handled-actions left by a crash", self.folder, len(pending))
        # UID STORE/MOVE on a UID that no longer exists is a no-op: safe to repeat.
        self._handle([p.uid for p in pending if p.uid is not None])
        self.intake.mark_handled([p.id for p in pending if p.id is not None])

    def _handle(self, uids: list[int]) -> None:
        if not uids or self.cfg.handled is HandledAction.LEAVE:
            return
        client = self._client()
        if self.cfg.handled is HandledAction.SEEN:
            client.add_flags(uids, [SEEN], silent=True)
            return
        if client.has_capability("MOVE"):
            client.move(uids, self.cfg.handled_folder)
        else:
            client.copy(uids, self.cfg.handled_folder)
            client.delete_messages(uids, silent=True)
            if client.has_capability("UIDPLUS"):
                client.uid_expunge(uids)
            else:
                client.expunge()

    # -- waiting -------------------------------------------------------------------

    def _wait(self, stop: threading.Event) -> None:
        client = self._client()
        if not (self.cfg.idle and client.has_capability("IDLE")):
            stop.wait(self.cfg.poll_interval)
            return
        client.idle()
        started = time.monotonic()
        early_empty = 0
        try:
            # Check in short slices so a stop request is honoured within a second;
            # renew IDLE before servers drop it (RFC 2177: at most 29 minutes).
            while not stop.is_set() and time.monotonic() - started < self.cfg.idle_renew:
                asked = time.monotonic()
                responses = client.idle_check(timeout=1)
                if any(_is_bye(r) for r in responses):
                    raise ConnectionError("the server said BYE during IDLE")
                if any(_is_news(r) for r in responses):
                    break
                # imapclient swallows EOF: a closed socket polls readable at once and
                # yields nothing. Twice in a row means the server is gone.
                early_empty = early_empty + 1 if not responses and _early(asked) else 0
                if early_empty >= 2:
                    raise ConnectionError("the server closed the connection during IDLE")
        finally:
            with contextlib.suppress(*TRANSIENT):
                client.idle_done()


def _early(asked: float) -> bool:
    return time.monotonic() - asked < 0.5


def _is_bye(response: Any) -> bool:
    return isinstance(response, tuple) and bool(response) and response[0] == b"BYE"


def _is_news(response: Any) -> bool:
    if isinstance(response, tuple) and len(response) >= 2:
        return response[1] in (b"EXISTS", b"RECENT")
    return False


def _groups(uids: list[int], sizes: dict[int, int], max_count: int) -> list[list[int]]:
    groups: list[list[int]] = []
    current: list[int] = []
    current_bytes = 0
    for uid in uids:
        size = sizes.get(uid, 0)
        if current and (len(current) >= max_count or current_bytes + size > FETCH_BYTES):
            groups.append(current)
            current, current_bytes = [], 0
        current.append(uid)
        current_bytes += size
    if current:
        groups.append(current)
    return groups
