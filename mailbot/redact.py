"""Secrets never shown: passwords, client secrets and tokens masked in every output.

mailbot holds secrets (the IMAP and SMTP passwords, a PostgreSQL URL's password, the
OAuth client secret and certificate password, the access tokens it gets). Configuration
objects keep them in `SecretStr`, so printing settings shows `**********`; but an
exception from a driver, a library's debug log or a traceback can still carry the text
itself. So every secret mailbot knows is also registered here, and everything the
process writes for people passes `redact`: the log formatter, the CLI's error lines and
`--debug` tracebacks, and the handler of uncaught exceptions in threads.

This registry is deliberately process-wide: a secret must be masked wherever the
process writes it, including in third-party libraries' logs, which cannot be handed an
object. It only ever grows, and holds nothing but the strings to mask.
"""

from __future__ import annotations

import base64
import logging
import sys
import threading
import traceback
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "**********"
# Shorter "secrets" would mask ordinary words all over the logs; such a password is
# refused by any real server anyway.
MIN_SECRET = 4


class Redactor:
    def __init__(self) -> None:
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str | None) -> None:
        """Register a secret, with the forms it is written in (URL-quoted, base64)."""
        if not secret or len(secret) < MIN_SECRET:
            return
        forms = {secret, quote(secret, safe=""), quote_plus(secret), quote(secret)}
        forms.add(base64.b64encode(secret.encode()).decode().rstrip("="))
        with self._lock:
            self._secrets.update(f for f in forms if len(f) >= MIN_SECRET)

    def add_all(self, secrets: Iterable[str | None]) -> None:
        for secret in secrets:
            self.add(secret)

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def __len__(self) -> int:
        return len(self._secrets)


REDACTOR = Redactor()


def redact(text: object) -> str:
    return REDACTOR.redact(str(text))


class RedactingFormatter(logging.Formatter):
    """A log formatter whose whole output (message, arguments, traceback) is redacted."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def format_exception(exc: BaseException) -> str:
    """A traceback, redacted (for `--debug`)."""
    return redact("".join(traceback.format_exception(exc)))


def install_thread_hook() -> None:
    """Uncaught exceptions in threads are printed redacted (the default prints them raw)."""

    def hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "a thread"
        exc = args.exc_value
        if exc is None:
            return
        text = "".join(traceback.format_exception(args.exc_type, exc, args.exc_traceback))
        sys.stderr.write(f"Exception in {name}:\n{redact(text)}")

    threading.excepthook = hook
