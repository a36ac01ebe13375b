"""Delivering one finished message: SMTP (aiosmtplib) or ``.eml`` files (the embedded default).

A transport does exactly one thing: hand one already-rendered message, with its final
Message-ID, to the next hop, and say how that went as a :class:`SendResult`.  It keeps no
state between calls and never retries; the durable outbox decides what to do with the
answer (sent, defer with backoff, fail), because only the outbox knows whether a message
was already attempted.

Classification (``SendResult.outcome``), the contract the outbox relies on:

* 2xx after DATA, every recipient accepted: **sent**.
* 2xx after DATA, some RCPT TO refused: **sent**, the refused ones in ``refused``/``detail``.
* every RCPT TO refused: **temporary** if any refusal was 4xx, else **permanent**.
* 4xx at MAIL FROM, RCPT or DATA: **temporary**; 5xx there: **permanent**.
* 4xx at the greeting, EHLO or STARTTLS (e.g. ``421``): **temporary**, affects_all;
  5xx there (e.g. ``554 no service``): **permanent**, affects_all.
* timeout (connect or any single command), connection refused or lost, DNS failure, any
  other OSError: **temporary**, affects_all.
* TLS handshake or certificate verification failure, or no STARTTLS offered although
  ``security="starttls"``: **temporary**, affects_all (never a downgrade to plain text).
* AUTH answered with 5xx (530/534/535/538...), no usable AUTH mechanism, XOAUTH2 not
  offered, or the token provider raising ``AuthError``: **permanent**, affects_all.
* AUTH answered with 4xx (``454``) or the token provider raising ``TransientAuthError``:
  **temporary**, affects_all.
* an unusable address (malformed; non-ASCII without server SMTPUTF8): **permanent**.

Why authentication failures are *permanent*: retrying a wrong password or a revoked app
registration every few minutes helps nobody and may lock the account; it is a configuration
problem for the operator.  But it is not a problem of *this* message, so every such result
has ``affects_all=True``: the caller should stop the queue and alert the operator instead of
marking message after message as failed (and may re-queue them once the configuration is
fixed).  TLS failures are temporary because on a server that usually works they are almost
always a passing problem (a certificate being rotated, a middlebox); a persistent one shows
up as ever-deferred mail with the reason in ``detail``.

A partial recipient refusal counts as *sent*: the message was accepted for the others, and
retrying it would deliver it to them a second time.  The refused addresses are in
``SendResult.refused`` (and ``detail``) for the outbox to report.

A connection lost *after* the DATA payload went out but before the server's answer is
reported as temporary although the server may have delivered the message.  That window
cannot be closed by SMTP; the fixed Message-ID (and the Sent folder check) is how the
outbox avoids a visible duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import email.policy
import os
import secrets
import ssl
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any, Final, Literal, Protocol, TypeVar

import aiosmtplib

from mailbot.errors import AuthError, TransientAuthError
from mailbot.oauth import TokenProvider
from mailbot.oneline import safe_filename

__all__ = [
    "FileTransport",
    "Refusal",
    "SendResult",
    "SmtpTransport",
    "Transport",
    "wire_bytes",
]

Outcome = Literal["sent", "temporary", "permanent"]
Security = Literal["tls", "starttls", "plain"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Refusal:
    """One recipient the server would not take (RCPT TO answered with 4xx/5xx)."""

    address: str
    code: int
    message: str


@dataclass(frozen=True)
class SendResult:
    """How one send attempt ended; see the module docstring for the full table.

    ``code`` is the SMTP reply code that decided the outcome (None when there was none:
    a network failure, a file written).  ``detail`` is one line for an operator and never
    contains a password or token.  ``refused`` lists recipients the server turned down
    while accepting the message for others.  ``affects_all`` says the failure is not
    about this message (server unreachable, authentication, TLS): every other message
    would fail the same way now, so the caller should pause the queue rather than go on.
    """

    outcome: Outcome
    code: int | None
    detail: str
    refused: tuple[Refusal, ...] = ()
    affects_all: bool = False

    @property
    def ok(self) -> bool:
        return self.outcome == "sent"


class Transport(Protocol):
    """Something that can deliver a finished message.

    Contract:

    * ``send`` never raises for network, server, file system or credential problems: those
      are answered with a :class:`SendResult` (``temporary`` or ``permanent``).  Only
      programming errors (a non-message argument, an empty recipient list) raise.
    * It sends ``message`` as it is; it does not add or change the Message-ID.  The
      caller fixes the Message-ID before the first attempt and owns idempotency: a
      transport may deliver a message twice if asked twice.
    * ``envelope_from``/``recipients`` are the SMTP envelope; headers are not consulted,
      so Cc and Bcc recipients must be in ``recipients``.  A ``Bcc`` header is never
      transmitted.
    * It is safe to call from any thread that is not running an asyncio event loop (and,
      less efficiently, from one that is).
    """

    def send(
        self, message: Outgoing, *, envelope_from: str, recipients: list[str]
    ) -> SendResult: ...


# A message to send: built here, or the exact wire bytes (CRLF) the outbox verified and
# stored (see compose.py), which are sent unchanged, byte for byte.
Outgoing = EmailMessage | bytes


def _wire(message: Outgoing, *, utf8: bool = False) -> bytes:
    return message if isinstance(message, bytes) else wire_bytes(message, utf8=utf8)


def _message_id(message: Outgoing) -> str | None:
    if isinstance(message, bytes):
        head = message.split(b"\r\n\r\n", 1)[0]
        parsed = BytesHeaderParser(policy=email.policy.compat32).parsebytes(head + b"\r\n\r\n")
        value = parsed.get("Message-ID")
    else:
        value = message.get("Message-ID")
    return str(value) if value is not None else None


def wire_bytes(message: EmailMessage, *, utf8: bool = False) -> bytes:
    """The bytes a transport sends for ``message``: CRLF line endings, no Bcc header.

    Public so that the copy appended to the Sent folder can be byte-identical to what the
    recipients got (which is what a later Message-ID search expects to find).
    """
    if "Bcc" in message:
        message = copy.deepcopy(message)
        del message["Bcc"]
    policy = email.policy.SMTPUTF8 if utf8 else email.policy.SMTP
    return message.as_bytes(policy=policy)


def _check_arguments(message: Outgoing, recipients: list[str]) -> None:
    if not isinstance(message, (EmailMessage, bytes)):
        raise TypeError(f"message must be an email.message.EmailMessage, not {type(message)}")
    if not recipients:
        raise ValueError("a message needs at least one recipient")


# ----------------------------------------------------------------------------- SMTP

_TEMPORARY_AUTH_CODES: Final = range(400, 500)


class _Stage:
    """Where in the SMTP dialogue we are, for the classification of failures."""

    CONNECT = "connect"
    TLS = "tls"
    AUTH = "auth"
    SEND = "send"


class SmtpTransport:
    """Sends over SMTP with aiosmtplib, one connection per message.

    Synchronous on purpose: the daemon's outbox worker is a plain thread, and each
    :meth:`send` runs its own short-lived event loop (``asyncio.run``).  One connection
    per message keeps the failure of one message from leaking into the next and costs
    nothing at mailbot's volume (tens of mails a day).

    ``security``: ``"tls"`` is implicit TLS (port 465), ``"starttls"`` requires the
    upgrade (a server without STARTTLS is an error, never a silent downgrade),
    ``"plain"`` uses no TLS at all (only for 127.0.0.1 relays and tests).  Certificates
    are always verified against the system CAs, plus ``ca_file`` when given.

    Authentication: ``password`` gives AUTH PLAIN or LOGIN (whichever the server offers;
    aiosmtplib prefers CRAM-MD5, then PLAIN, then LOGIN); ``tokens`` gives XOAUTH2 with
    ``username`` as the mailbox, asking the provider for a token on every send (it caches
    and refreshes itself).  Neither: no AUTH (a trusted relay).  ``timeout`` bounds the
    connect and every single SMTP command, not the whole send.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        security: Security,
        username: str | None,
        password: str | None = None,
        tokens: TokenProvider | None = None,
        timeout: float = 60,
        ca_file: Path | None = None,
        local_hostname: str | None = None,
    ) -> None:
        if security not in ("tls", "starttls", "plain"):
            raise ValueError(f"security must be 'tls', 'starttls' or 'plain', not {security!r}")
        if password is not None and tokens is not None:
            raise ValueError("give either a password or a token provider, not both")
        if (password is not None or tokens is not None) and not username:
            raise ValueError("a username is needed with a password or a token provider")
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self.host = host
        self.port = port
        self.security: Security = security
        self.username = username
        self._password = password
        self._tokens = tokens
        self.timeout = float(timeout)
        self.ca_file = ca_file
        self.local_hostname = local_hostname
        self._tls_context: ssl.SSLContext | None = None

    def __repr__(self) -> str:
        auth = "xoauth2" if self._tokens else "password" if self._password is not None else "none"
        return (
            f"SmtpTransport({self.host}:{self.port}, security={self.security}, "
            f"user={self.username!r}, auth={auth})"
        )

    def send(self, message: Outgoing, *, envelope_from: str, recipients: list[str]) -> SendResult:
        """Deliver ``message`` to ``recipients``; see :class:`Transport` for the contract."""
        _check_arguments(message, recipients)
        return _run_sync(lambda: self._send(message, envelope_from, list(recipients)))

    def probe(self) -> SendResult:
        """Connect, TLS and AUTH as for a send, then QUIT without sending (`mailbot
        check`). ``sent`` means the server would take mail from us."""
        return _run_sync(lambda: self._send(None, "", []))

    # -- internals

    def _context(self) -> ssl.SSLContext:
        if self._tls_context is None:
            context = ssl.create_default_context()
            if self.ca_file is not None:
                context.load_verify_locations(cafile=str(self.ca_file))
            self._tls_context = context
        return self._tls_context

    async def _send(
        self, message: Outgoing | None, envelope_from: str, recipients: list[str]
    ) -> SendResult:
        stage = _Stage.CONNECT
        try:
            token: str | None = None
            if self._tokens is not None:
                stage = _Stage.AUTH
                token = self._tokens.token()
                stage = _Stage.CONNECT
            use_tls = self.security == "tls"
            smtp = aiosmtplib.SMTP(
                hostname=self.host,
                port=self.port,
                timeout=self.timeout,
                local_hostname=self.local_hostname,
                use_tls=use_tls,
                # False, not None: None would upgrade opportunistically on "plain".
                start_tls=False,
                tls_context=self._context() if self.security != "plain" else None,
            )
            await smtp.connect()
            try:
                if self.security == "starttls":
                    stage = _Stage.TLS
                    await smtp.ehlo()
                    if not smtp.supports_extension("starttls"):
                        return SendResult(
                            "temporary",
                            None,
                            f"{self.host}:{self.port} does not offer STARTTLS; not sending "
                            "without TLS (security = 'starttls')",
                            affects_all=True,
                        )
                    await smtp.starttls()
                if self.username is not None and (token is not None or self._password is not None):
                    stage = _Stage.AUTH
                    await smtp.ehlo()
                    if token is not None:
                        if "xoauth2" not in smtp.server_auth_methods:
                            return SendResult(
                                "permanent",
                                None,
                                f"{self.host} does not offer AUTH XOAUTH2 (it offers: "
                                f"{', '.join(smtp.server_auth_methods) or 'no AUTH'})",
                                affects_all=True,
                            )
                        await smtp.auth_xoauth2(self.username, token)
                    else:
                        assert self._password is not None
                        await smtp.login(self.username, self._password)
                stage = _Stage.SEND
                if message is None:  # probe(): everything up to the first MAIL FROM
                    return SendResult("sent", None, "connected and accepted our login")
                return await self._transaction(smtp, message, envelope_from, recipients)
            finally:
                await _close(smtp)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            return _all_refused(exc)
        except TransientAuthError as exc:
            return SendResult("temporary", None, f"no OAuth2 token: {exc}", affects_all=True)
        except AuthError as exc:
            return SendResult("permanent", None, f"no OAuth2 token: {exc}", affects_all=True)
        except aiosmtplib.SMTPResponseException as exc:
            return self._response_failure(exc, stage)
        except aiosmtplib.SMTPTimeoutError as exc:
            return SendResult(
                "temporary",
                None,
                f"timed out after {self.timeout:g} s ({stage}) at {self.host}:{self.port}: "
                f"{_one_line(exc)}",
                affects_all=True,
            )
        except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPConnectError) as exc:
            cause = exc.__cause__
            if isinstance(cause, ssl.SSLError):
                return self._tls_failure(cause)
            return SendResult(
                "temporary",
                None,
                f"connection to {self.host}:{self.port} failed ({stage}): {_one_line(exc)}",
                affects_all=True,
            )
        except ssl.SSLError as exc:
            return self._tls_failure(exc)
        except (OSError, TimeoutError) as exc:
            return SendResult(
                "temporary",
                None,
                f"network error ({stage}) with {self.host}:{self.port}: {_one_line(exc)}",
                affects_all=True,
            )
        except aiosmtplib.SMTPNotSupported as exc:
            return SendResult("permanent", None, f"not supported by {self.host}: {exc}")
        except aiosmtplib.SMTPException as exc:
            # "No suitable authentication method found." and similar setup problems.
            return SendResult(
                "permanent",
                None,
                f"SMTP setup problem ({stage}) with {self.host}: {_one_line(exc)}",
                affects_all=stage != _Stage.SEND,
            )

    async def _transaction(
        self,
        smtp: aiosmtplib.SMTP,
        message: Outgoing,
        envelope_from: str,
        recipients: list[str],
    ) -> SendResult:
        if smtp.is_ehlo_or_helo_needed:
            await smtp.ehlo()
        addresses = [envelope_from, *recipients]
        utf8 = not all(address.isascii() for address in addresses)
        options: list[str] = []
        if utf8:
            if not smtp.supports_extension("smtputf8"):
                return SendResult(
                    "permanent",
                    None,
                    f"{self.host} does not support SMTPUTF8, needed for a non-ASCII address "
                    f"in {addresses}",
                )
            options.append("SMTPUTF8")
        data = _wire(message, utf8=utf8)
        # A server without 8BITMIME gets 8-bit bodies anyway: every server mailbot will
        # meet (Exchange Online, Postfix) has it, and re-encoding would change the bytes
        # that the Sent folder copy must match.
        if not data.isascii() and smtp.supports_extension("8bitmime"):
            options.append("BODY=8BITMIME")
        try:
            errors, answer = await smtp.sendmail(
                envelope_from, recipients, data, mail_options=options
            )
        except ValueError as exc:  # aiosmtplib's address check
            return SendResult("permanent", None, f"unusable address: {exc}")
        refused = tuple(
            Refusal(address, response.code, response.message)
            for address, response in errors.items()
        )
        detail = f"accepted by {self.host}: {_one_line(answer)}"
        if refused:
            detail += "; refused: " + ", ".join(
                f"{r.address} ({r.code} {_one_line(r.message)})" for r in refused
            )
        return SendResult("sent", 250, detail, refused=refused)

    def _response_failure(self, exc: aiosmtplib.SMTPResponseException, stage: str) -> SendResult:
        code = exc.code
        text = _one_line(exc.message)
        if stage == _Stage.AUTH:
            if code in _TEMPORARY_AUTH_CODES:
                return SendResult(
                    "temporary",
                    code,
                    f"{self.host} could not authenticate {self.username} right now: {code} {text}",
                    affects_all=True,
                )
            return SendResult(
                "permanent",
                code,
                f"authentication as {self.username} at {self.host} failed: {code} {text} "
                "(check the SMTP user, password or OAuth2 app permissions)",
                affects_all=True,
            )
        where = {
            aiosmtplib.SMTPSenderRefused: "MAIL FROM",
            aiosmtplib.SMTPDataError: "DATA",
        }.get(type(exc), stage)
        whole_server = stage in (_Stage.CONNECT, _Stage.TLS)
        if 400 <= code < 500:
            outcome: Outcome = "temporary"
        elif 500 <= code < 600:
            outcome = "permanent"
        else:  # nonsense from the server: nothing says retrying will not help
            outcome = "temporary"
        return SendResult(
            outcome, code, f"{self.host} answered {code} {text} ({where})", affects_all=whole_server
        )

    def _tls_failure(self, exc: ssl.SSLError) -> SendResult:
        what = (
            "certificate verification failed"
            if isinstance(exc, ssl.SSLCertVerificationError)
            else "TLS handshake failed"
        )
        return SendResult(
            "temporary",
            None,
            f"{what} with {self.host}:{self.port}: {_one_line(exc)}",
            affects_all=True,
        )


def _all_refused(exc: aiosmtplib.SMTPRecipientsRefused) -> SendResult:
    refused = tuple(Refusal(e.recipient, e.code, e.message) for e in exc.recipients)
    temporary = any(400 <= r.code < 500 for r in refused)
    listing = ", ".join(f"{r.address} ({r.code} {_one_line(r.message)})" for r in refused)
    return SendResult(
        "temporary" if temporary else "permanent",
        refused[0].code if refused else None,
        f"every recipient refused: {listing}",
        refused=refused,
    )


async def _close(smtp: aiosmtplib.SMTP) -> None:
    """QUIT politely, but never let a failing QUIT change the outcome of a send."""
    if smtp.is_connected:
        with contextlib.suppress(aiosmtplib.SMTPException, OSError, TimeoutError):
            await smtp.quit(timeout=min(smtp.timeout or 5.0, 5.0))
    smtp.close()


def _one_line(value: object) -> str:
    text = " ".join(str(value).split())
    return text or type(value).__name__


def _run_sync(factory: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
    """Run a coroutine to completion from synchronous code.

    From a plain thread (the daemon's outbox worker): ``asyncio.run``.  From a thread that
    already runs an event loop, ``asyncio.run`` refuses, so a short-lived helper thread
    does it instead (blocking the caller's loop, as any synchronous call would).
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    box: dict[str, Any] = {}

    def runner() -> None:
        try:
            box["value"] = asyncio.run(factory())
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=runner, name="mailbot-smtp", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    result: _T = box["value"]
    return result


# ----------------------------------------------------------------------------- files

_MAX_ID_CHARS: Final = 120


class FileTransport:
    """The embedded default: each message becomes ``<directory>/<timestamp>-<id>.eml``.

    Used when no SMTP server is configured, so that a fresh installation (and every demo)
    shows what would have been sent without sending anything.  The file holds the wire
    bytes (:func:`wire_bytes`, CRLF) preceded by two header lines recording the envelope,
    ``X-Mailbot-Envelope-From`` and ``X-Mailbot-Envelope-To``, since Bcc recipients are
    visible nowhere else.

    Writes are atomic: a temporary file in the same directory is written and fsynced, then
    hard-linked to its final name (which fails rather than replaces if the name exists),
    then the directory is fsynced.  A reader never sees half a message, a crash leaves at
    most a ``.tmp-*`` file, and a different message that happens to get the same name
    (same Message-ID within the same microsecond) gets a ``-1``, ``-2``... suffix instead
    of overwriting.  Writing the very same bytes under the same name again is recognised
    and reported as sent without a second file.
    """

    def __init__(self, directory: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        self.directory = Path(directory)
        self._clock = clock or (lambda: datetime.now(UTC))

    def __repr__(self) -> str:
        return f"FileTransport({str(self.directory)!r})"

    def send(self, message: Outgoing, *, envelope_from: str, recipients: list[str]) -> SendResult:
        """Write ``message`` as a new ``.eml`` file; see :class:`Transport` for the contract."""
        _check_arguments(message, recipients)
        envelope = (
            f"X-Mailbot-Envelope-From: <{envelope_from}>\r\n"
            f"X-Mailbot-Envelope-To: {', '.join(f'<{r}>' for r in recipients)}\r\n"
        ).encode()
        utf8 = not all(a.isascii() for a in [envelope_from, *recipients])
        data = envelope + _wire(message, utf8=utf8)
        stamp = self._clock().astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        stem = f"{stamp}-{_file_id(_message_id(message))}"
        try:
            path = self._write(stem, data)
        except OSError as exc:
            return SendResult(
                "temporary",
                None,
                f"cannot write to {self.directory}: {exc.strerror or exc}",
                affects_all=True,
            )
        return SendResult("sent", None, f"written to {path}")

    def holds(self, message_id: str) -> bool:
        """Whether a message with this Message-ID was already written (crash recovery)."""
        return any(self.directory.glob(f"*-{_file_id(message_id)}.eml"))

    def _write(self, stem: str, data: bytes) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self.directory / f".tmp-{secrets.token_hex(8)}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            for attempt in range(1000):
                final = self.directory / (f"{stem}.eml" if not attempt else f"{stem}-{attempt}.eml")
                try:
                    os.link(temporary, final)
                except FileExistsError:
                    with contextlib.suppress(OSError):
                        if final.read_bytes() == data:
                            return final
                    continue
                _fsync_directory(self.directory)
                return final
            raise FileExistsError(f"no free name for {stem}.eml in {self.directory}")
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()


def _file_id(message_id: object) -> str:
    text = str(message_id or "").strip().strip("<>")
    return safe_filename(text, fallback="no-message-id", limit=_MAX_ID_CHARS)


def _fsync_directory(directory: Path) -> None:
    """Make the new directory entry durable (a rename/link is only durable after this)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
