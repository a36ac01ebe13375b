"""The people who may use the desk (the web page), and how a login is checked.

Passwords are hashed with Argon2id (argon2-cffi, its default parameters), never kept
or logged in clear. A login checks the hash in constant time also for an unknown name
(a dummy hash), so timing tells nothing about which names exist. `LoginThrottle`
counts wrong passwords per user name and per client address within a window: after
`attempts` of them the login waits (HTTP 429) until the window has passed.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.errors import MailbotError
from mailbot.models import DeskUser, utcnow

MIN_PASSWORD = 10
NAME = re.compile(r"^[A-Za-z0-9._@-]{1,100}$")
_hasher = PasswordHasher()


@cache
def _dummy() -> str:
    """A hash to verify against when the user does not exist (the same time either
    way); made on first use, not at import (Argon2 takes a quarter of a second)."""
    return _hasher.hash("not a password anybody has")


class UserError(MailbotError):
    """A user that cannot be added or removed as asked."""


@dataclass(frozen=True)
class User:
    name: str
    created_at: str
    last_login_at: str | None


def add_user(engine: Engine, name: str, password: str) -> User:
    if not NAME.match(name):
        raise UserError(
            f"user name {name!r}: use 1-100 letters, digits, '.', '_', '-' or '@' (no spaces)"
        )
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password must be at least {MIN_PASSWORD} characters")
    with Session(engine) as session:
        if session.exec(select(DeskUser).where(DeskUser.name == name)).first() is not None:
            raise UserError(f"user {name!r} already exists (remove it first to reset)")
        row = DeskUser(name=name, password_hash=_hasher.hash(password))
        session.add(row)
        session.commit()
        session.refresh(row)
        return _public(row)


def list_users(engine: Engine) -> list[User]:
    with Session(engine) as session:
        rows = session.exec(select(DeskUser).order_by(col(DeskUser.name))).all()
        return [_public(r) for r in rows]


def remove_user(engine: Engine, name: str) -> None:
    with Session(engine) as session:
        row = session.exec(select(DeskUser).where(DeskUser.name == name)).first()
        if row is None:
            raise UserError(f"no user {name!r}")
        session.delete(row)
        session.commit()


def exists(engine: Engine, name: str) -> bool:
    with Session(engine) as session:
        return session.exec(select(DeskUser.id).where(DeskUser.name == name)).first() is not None


def check_password(engine: Engine, name: str, password: str) -> bool:
    """Whether `name` may log in with `password` (records the login when so)."""
    with Session(engine) as session:
        row = session.exec(select(DeskUser).where(DeskUser.name == name)).first()
        stored = row.password_hash if row is not None else _dummy()
        try:
            _hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        if row is None:
            return False
        if _hasher.check_needs_rehash(stored):
            row.password_hash = _hasher.hash(password)
        row.last_login_at = utcnow()
        session.add(row)
        session.commit()
        return True


def _public(row: DeskUser) -> User:
    return User(
        name=row.name,
        created_at=row.created_at.isoformat(timespec="minutes"),
        last_login_at=row.last_login_at.isoformat(timespec="minutes")
        if row.last_login_at
        else None,
    )


class LoginThrottle:
    """Wrong passwords per key (a user name, a client address) within a window."""

    def __init__(
        self, attempts: int, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.attempts, self.window_s, self.clock = attempts, window_s, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures.setdefault(key, deque())
        while found and found[0] <= now - self.window_s:
            found.popleft()
        return found

    def wait_s(self, *keys: str) -> float:
        """Seconds until a login may be tried again (0: now)."""
        now = self.clock()
        with self._lock:
            waits = [
                found[0] + self.window_s - now
                for key in keys
                if len(found := self._recent(key, now)) >= self.attempts
            ]
        return max(waits, default=0.0)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
