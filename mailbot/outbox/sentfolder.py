"""The mailbox's Sent folder over IMAP: file a copy of each sent mail, and look one up.

SMTP only delivers a mail; it does not file it anywhere. So that the people sharing the
mailbox see what mailbot sent, the outbox appends a copy of every mail it sent to the
Sent folder ("Sent" on Dovecot, "Sent Items" on Microsoft 365), flagged ``\\Seen``.

The Sent folder also closes the one gap the outbox cannot close by itself: a crash (or a
lost connection) after the SMTP server accepted a mail but before the database recorded
it leaves the notification in state ``sending``, and nobody knows whether it went out.
At start the outbox asks :meth:`SentFolder.contains` for its Message-ID: found means it
was sent (and filed), so it is marked sent and neither resent nor filed a second time.

One :class:`SentFolder` holds one IMAP connection, opened on first use with the intake's
own :func:`mailbot.sources.imap.connect` and reused for later calls. A connection that the
server dropped in between (restart, idle timeout) is replaced once, transparently; if the
fresh one fails too, the call raises :class:`~mailbot.errors.SourceError` (a later retry
may succeed). A refused login raises :class:`~mailbot.errors.AuthError`. Calls are
serialised by a lock, so one instance may be shared between threads.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Callable
from datetime import datetime
from email.parser import HeaderParser
from email.policy import compat32
from types import TracebackType
from typing import Any, Self, TypeVar

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from mailbot.config import ImapConfig
from mailbot.errors import MailbotError, SourceError
from mailbot.sources.imap import Credentials, connect

__all__ = ["SentFolder"]

log = logging.getLogger(__name__)

SEEN = b"\\Seen"
# Signs of a connection that is gone (as opposed to a server's NO/BAD answer): imaplib's
# abort (EOF, "* BYE"), socket errors and timeouts (OSError, including ssl.SSLError).
DROPPED = (IMAPClientAbortError, OSError, EOFError)
# A bare LF (not preceded by CR): mail on IMAP servers has CRLF line ends.
_BARE_LF = re.compile(rb"(?<!\r)\n")
# The longest run of characters that may go into an IMAP quoted string as they are.
_SEARCHABLE = re.compile(r"[\x20-\x7e]+")

T = TypeVar("T")


class SentFolder:
    """One IMAP folder that sent mail is filed in, and looked up by Message-ID.

    ``folder`` is the full mailbox name as the server spells it, hierarchy delimiter and
    namespace prefix included (``"Sent"``, ``"Sent Items"``, ``"INBOX.Sent"``); it is used
    as given, spaces and non-ASCII letters included (imapclient quotes and encodes it).
    """

    def __init__(self, cfg: ImapConfig, creds: Credentials, folder: str) -> None:
        if not folder:
            raise ValueError("the Sent folder needs a name")
        self.cfg = cfg
        self.creds = creds
        self.folder = folder
        self.where = f"imap://{creds.user}@{cfg.host}:{cfg.effective_port}/{folder}"
        self._client: IMAPClient | None = None
        self._folder_ready = False  # known to exist on the current connection
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SentFolder({self.where})"

    # -- the interface --------------------------------------------------------------

    def append(self, raw: bytes, *, when: datetime | None = None) -> None:
        """Append ``raw`` to the folder, flagged ``\\Seen``.

        ``when`` becomes the INTERNALDATE (a naive datetime is local time); without it the
        server uses the current time. Bare LF line ends are sent as CRLF, so the stored copy
        is ``raw`` byte for byte when ``raw`` already has CRLF line ends (as rendered mail
        has). A missing folder is created and subscribed first.

        If the connection drops during the APPEND, the server may or may not have stored
        the copy; before appending again on the fresh connection the folder is searched for
        the mail's Message-ID, so that such a retry does not file a second copy.

        Raises :class:`~mailbot.errors.SourceError` when the server cannot be reached or
        refuses the APPEND, :class:`~mailbot.errors.AuthError` when it refuses the login.
        """
        data = _BARE_LF.sub(b"\r\n", raw)
        message_id = _message_id(data)

        def op(client: IMAPClient, retry: bool) -> None:
            if retry and message_id and self._contains(client, message_id):
                log.info(
                    "%s: %s is already there (APPEND before the connection dropped); "
                    "not filing it again",
                    self.where,
                    message_id,
                )
                return
            self._ensure_folder(client)
            try:
                client.append(self.folder, data, flags=(SEEN,), msg_time=when)
            except IMAPClientError as exc:
                # Deleted by someone since we looked: create it again and retry once.
                if isinstance(exc, IMAPClientAbortError) or "TRYCREATE" not in str(exc):
                    raise
                self._folder_ready = False
                self._ensure_folder(client)
                client.append(self.folder, data, flags=(SEEN,), msg_time=when)
            log.debug("%s: filed %s (%d bytes)", self.where, message_id or "a mail", len(data))

        self._call("APPEND", op)

    def contains(self, message_id: str) -> bool:
        """Whether a mail whose Message-ID is ``message_id`` (with or without ``<>``) is in
        the folder. A folder that does not exist contains nothing.

        SEARCH HEADER finds candidates (a case-insensitive substring match); the
        Message-ID header of each candidate is then compared exactly, so ``<a@x>`` does not
        match ``<aa@x>``. Raises like :meth:`append`.
        """
        wanted = _bare_id(message_id)
        if not wanted:
            raise ValueError("an empty Message-ID cannot be looked up")
        return self._call("SEARCH", lambda client, retry: self._contains(client, wanted))

    def close(self) -> None:
        """Log out (quietly, even when the connection is already gone). May be reused."""
        with self._lock:
            self._drop()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- connection handling --------------------------------------------------------

    def _call(self, what: str, op: Callable[[IMAPClient, bool], T]) -> T:
        """Run ``op`` on the connection; replace a dropped connection once."""
        with self._lock:
            retry = False
            while True:
                fresh = self._client is None
                client = self._connect()
                try:
                    return op(client, retry)
                except MailbotError:
                    self._drop()
                    raise
                except DROPPED as exc:
                    self._drop()
                    if fresh or retry:
                        raise SourceError(
                            f"IMAP {what} in {self.where} failed: connection lost "
                            f"({type(exc).__name__}: {exc})"
                        ) from exc
                    log.warning(
                        "%s: connection lost (%s: %s); reconnecting once",
                        self.where,
                        type(exc).__name__,
                        exc,
                    )
                    retry = True
                except IMAPClientError as exc:
                    # The server answered NO/BAD (quota, permissions) or spoke nonsense.
                    self._drop()
                    raise SourceError(f"IMAP {what} in {self.where} failed: {exc}") from exc

    def _connect(self) -> IMAPClient:
        if self._client is not None:
            return self._client
        try:
            client = connect(self.cfg, self.creds)  # AuthError on a refused login
        except (*DROPPED, IMAPClientError) as exc:
            raise SourceError(
                f"cannot connect to IMAP {self.cfg.host}:{self.cfg.effective_port} "
                f"for {self.folder!r}: {type(exc).__name__}: {exc}"
            ) from exc
        self._client = client
        self._folder_ready = False
        return client

    def _drop(self) -> None:
        client, self._client = self._client, None
        self._folder_ready = False
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # the connection may already be gone
            with contextlib.suppress(Exception):
                client.shutdown()

    # -- IMAP steps (inside _call, under the lock) --------------------------------------

    def _ensure_folder(self, client: IMAPClient) -> None:
        if self._folder_ready:
            return
        if not client.folder_exists(self.folder):
            log.info("%s: creating the folder for sent mail", self.where)
            try:
                client.create_folder(self.folder)
            except IMAPClientError as exc:
                # Another client may have created it meanwhile ([ALREADYEXISTS]).
                if isinstance(exc, IMAPClientAbortError) or not client.folder_exists(self.folder):
                    raise
            try:
                client.subscribe_folder(self.folder)
            except IMAPClientError as exc:
                if isinstance(exc, IMAPClientAbortError):
                    raise
                # Not subscribed only hides the folder in some mail programs.
                log.warning("%s: could not subscribe the folder: %s", self.where, exc)
        self._folder_ready = True

    def _contains(self, client: IMAPClient, wanted: str) -> bool:
        if not client.folder_exists(self.folder):
            return False
        client.select_folder(self.folder, readonly=True)
        uids = client.search(_search_criteria(wanted))
        if not uids:
            return False
        response: dict[Any, dict[bytes, Any]] = client.fetch(
            uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]
        )
        return any(
            wanted in _header_ids(value)
            for data in response.values()
            for key, value in data.items()
            if key.upper().startswith(b"BODY[HEADER") and isinstance(value, bytes)
        )


def _bare_id(message_id: str) -> str:
    """The Message-ID without surrounding whitespace and angle brackets."""
    return message_id.strip().removeprefix("<").removesuffix(">").strip()


def _header_ids(header_block: bytes) -> set[str]:
    # Decoded by hand: with bytes, the parser would keep non-ASCII (RFC 6532) as surrogates.
    text = header_block.decode("utf-8", errors="replace")
    headers = HeaderParser(policy=compat32).parsestr(text)
    return {_bare_id(str(value)) for value in headers.get_all("Message-ID", [])}


def _message_id(raw: bytes) -> str | None:
    """The bare Message-ID of a mail, if it has one."""
    head = raw.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    ids = sorted(_header_ids(head))
    return ids[0] if ids and ids[0] else None


def _search_criteria(wanted: str) -> bytes:
    """SEARCH HEADER Message-ID with a quoted substring of ``wanted``.

    Built by hand because imapclient sends a value without spaces as an atom, which
    breaks on characters such as ``(`` or ``%`` that a Message-ID may contain. A
    Message-ID with non-ASCII characters (RFC 6532) is searched by its longest ASCII
    part; the exact comparison afterwards weeds out the extra candidates.
    """
    runs = _SEARCHABLE.findall(wanted)
    term = max(runs, key=len) if runs else ""
    quoted = term.replace("\\", "\\\\").replace('"', '\\"')
    return f'HEADER Message-ID "{quoted}"'.encode("ascii")
