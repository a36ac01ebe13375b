"""A real SMTP server for the test suite: aiosmtpd's Controller on 127.0.0.1.

Mocking aiosmtplib would test our beliefs about SMTP; this harness speaks the protocol over
TCP, so the transport's parsing, timeouts, TLS and AUTH are exercised for real.  It can be
told to misbehave the way production servers do:

* :meth:`SmtpServer.fail_next` answers the next RCPT TO or DATA (``at=``) with a given code,
  e.g. 451 (greylisting), 421 (shutting down) or 550 (mailbox unavailable);
* :meth:`SmtpServer.hang` sleeps before answering DATA (a stuck server);
* :meth:`SmtpServer.refuse_recipient` always refuses one address at RCPT TO;
* ``tls="starttls"`` or ``"implicit"`` with a throw-away CA made by the ``openssl`` CLI
  (:attr:`SmtpServer.ca_file` is what a client must trust);
* ``auth=True`` offers AUTH PLAIN/LOGIN (:attr:`user`/:attr:`password`) and XOAUTH2
  (accepting :attr:`token` for :attr:`user`), allowed without TLS so plain tests work.

Every accepted message lands in :attr:`SmtpServer.messages` with its envelope and the exact
bytes received.  aiosmtpd has no XOAUTH2 mechanism; :meth:`_Handler.auth_XOAUTH2`
implements it (aiosmtpd picks up ``auth_<MECHANISM>`` methods of the handler by name).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import secrets
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.support.tls import make_test_ca

__all__ = ["ReceivedMessage", "SmtpServer"]

HOST = "127.0.0.1"


@dataclass(frozen=True)
class ReceivedMessage:
    """One message as the server got it after a successful DATA."""

    envelope_from: str
    recipients: list[str]
    data: bytes
    mail_options: list[str] = field(default_factory=list)
    auth_login: str | None = None
    tls: bool = False


@dataclass
class _Failure:
    at: Literal["rcpt", "data"]
    code: int
    message: str
    times: int


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self._server = server

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        owner = self._server
        failure = owner._take_failure("rcpt")
        if failure is not None:
            return failure
        with owner._lock:
            refused = owner._refused.get(address.lower())
        if refused is not None:
            return f"{refused} 5.1.1 <{address}>: recipient refused by the test server"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        owner = self._server
        seconds = owner._hang_seconds
        if seconds:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(owner._wake(), timeout=seconds)
        failure = owner._take_failure("data")
        if failure is not None:
            return failure
        content = envelope.original_content or b""
        auth = session.auth_data
        login = auth.login if isinstance(auth, LoginPassword) else None
        message = ReceivedMessage(
            envelope_from=envelope.mail_from or "",
            recipients=list(envelope.rcpt_tos),
            data=bytes(content),
            mail_options=list(envelope.mail_options),
            auth_login=login.decode() if isinstance(login, bytes) else login,
            # session.ssl is set by STARTTLS only; implicit TLS shows on the transport.
            tls=session.ssl is not None
            or (
                server.transport is not None and bool(server.transport.get_extra_info("ssl_object"))
            ),
        )
        with owner._lock:
            owner.messages.append(message)
        if owner.on_message is not None:
            # Off the event loop: a hook may do blocking work (an IMAP APPEND).
            await asyncio.get_running_loop().run_in_executor(None, owner.on_message, message)
        return "250 2.0.0 OK queued as test"

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        """SASL XOAUTH2 (Google/Microsoft): ``user=U\\x01auth=Bearer T\\x01\\x01``, base64.

        On failure, real servers send a base64 JSON challenge, wait for an empty line and
        then answer 535; this does the same, so clients that handle that dance are tested.
        """
        if len(args) < 2:
            blob = await server.challenge_auth("")
            if not isinstance(blob, bytes):
                return AuthResult(success=False, handled=False)
        else:
            try:
                blob = base64.b64decode(args[1], validate=True)
            except ValueError:
                await server.push("501 5.5.2 Can't decode base64")
                return AuthResult(success=False, handled=True)
        owner = self._server
        expected = f"user={owner.user}\x01auth=Bearer {owner.token}\x01\x01".encode()
        with owner._lock:
            owner.xoauth2_attempts.append(blob)
        if blob == expected:
            return AuthResult(
                success=True, handled=False, auth_data=LoginPassword(owner.user.encode(), b"")
            )
        error = base64.b64encode(b'{"status":"401","schemes":"bearer","scope":"mail"}')
        await server.push(b"334 " + error)
        await server._reader.readline()
        await server.push("535 5.7.8 Username and Password not accepted (XOAUTH2)")
        return AuthResult(success=False, handled=True)


class SmtpServer:
    """A private SMTP server on 127.0.0.1 at a free port; use as a context manager.

    ``tls``: ``None`` (plain), ``"starttls"`` (offered, not required) or ``"implicit"``.
    ``auth``: offer AUTH PLAIN, LOGIN and XOAUTH2 (not required to send, so the same server
    also serves unauthenticated tests).  ``base_dir`` holds the TLS material.
    """

    host: str = HOST

    def __init__(
        self,
        base_dir: Path,
        *,
        tls: Literal["starttls", "implicit"] | None = None,
        auth: bool = False,
    ) -> None:
        self.base_dir = Path(base_dir)
        self.tls = tls
        self.auth = auth
        self.user = "mailbot@example.test"
        self.password = "smtp-test-password"
        self.token = "test-access-token-" + secrets.token_hex(8)
        self.port = _free_port()
        self.ca_file: Path | None = None
        self.messages: list[ReceivedMessage] = []
        self.xoauth2_attempts: list[bytes] = []
        self._lock = threading.Lock()
        self._failures: list[_Failure] = []
        self._refused: dict[str, int] = {}
        self._hang_seconds = 0.0
        self._wake_event: asyncio.Event | None = None
        self._controller: Controller | None = None
        # Called with each accepted message: e.g. file it in a Sent folder, as Exchange
        # Online does with mail sent over SMTP AUTH.
        self.on_message: Callable[[ReceivedMessage], None] | None = None

    # ------------------------------------------------------------------ behaviour

    def fail_next(
        self, code: int, message: str, times: int = 1, *, at: Literal["rcpt", "data"] = "data"
    ) -> None:
        """Answer the next ``times`` RCPT TO (or DATA) commands with ``code message``."""
        with self._lock:
            self._failures.append(_Failure(at, code, message, times))

    def hang(self, seconds: float) -> None:
        """Wait ``seconds`` before answering each DATA (0 to stop); :meth:`reset` ends it."""
        self._hang_seconds = float(seconds)

    def refuse_recipient(self, address: str, code: int = 550) -> None:
        """Always answer RCPT TO for ``address`` with ``code``."""
        with self._lock:
            self._refused[address.lower()] = code

    def reset(self) -> None:
        """Forget received messages and every misbehaviour; wake a hanging DATA."""
        with self._lock:
            self.messages.clear()
            self.xoauth2_attempts.clear()
            self._failures.clear()
            self._refused.clear()
        self._hang_seconds = 0.0
        self.on_message = None
        self._wake_hanging()

    def _take_failure(self, at: str) -> str | None:
        with self._lock:
            for failure in self._failures:
                if failure.at == at and failure.times > 0:
                    failure.times -= 1
                    if failure.times == 0:
                        self._failures.remove(failure)
                    return f"{failure.code} {failure.message}"
        return None

    async def _wake(self) -> None:
        if self._wake_event is None:
            self._wake_event = asyncio.Event()
        await self._wake_event.wait()

    def _wake_hanging(self) -> None:
        controller, event = self._controller, self._wake_event
        if controller is not None and event is not None:
            controller.loop.call_soon_threadsafe(event.set)
        # The next hang() waits on a fresh event; a waiter still holds the old one.
        self._wake_event = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self._controller is not None:
            raise RuntimeError("the SMTP server is already running")
        kwargs: dict[str, Any] = {}
        if self.tls is not None:
            self._make_certificates()
            context = self._server_context()
            if self.tls == "implicit":
                kwargs["ssl_context"] = context
            else:
                kwargs["tls_context"] = context
        if self.auth:
            kwargs["authenticator"] = self._authenticate
            kwargs["auth_require_tls"] = False
        else:
            kwargs["auth_exclude_mechanism"] = ["XOAUTH2"]
        self._wake_event = None
        controller = Controller(
            _Handler(self),
            hostname=HOST,
            port=self.port,
            server_hostname="smtp.test",
            ready_timeout=10.0,
            **kwargs,
        )
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        """Stop listening; a hanging DATA is woken first so the stop does not wait for it."""
        controller = self._controller
        if controller is None:
            return
        self._hang_seconds = 0.0
        self._wake_hanging()
        self._controller = None
        controller.stop()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def is_running(self) -> bool:
        return self._controller is not None

    # ------------------------------------------------------------------ internals

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == self.user
            and data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False, auth_data=data if ok else None)

    def _server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls = self.base_dir / "smtp-tls"
        context.load_cert_chain(tls / "server.pem", tls / "server.key")
        return context

    def _make_certificates(self) -> None:
        """A throw-away CA and a server certificate for 127.0.0.1/localhost."""
        tls = self.base_dir / "smtp-tls"
        self.ca_file = tls / "ca.pem"
        if self.ca_file.exists():
            return
        make_test_ca(tls, "mailbot SMTP test CA")
