"""Facts about the store itself (the `meta` table): read and written in one place."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from mailbot.models import Meta

FIRST_TICK = "first_tick"  # the day of the first tick: a first start catches up quietly


def get(engine: Engine, key: str) -> str | None:
    with Session(engine) as session:
        row = session.get(Meta, key)
        return row.value if row is not None else None


def set_once(engine: Engine, key: str, value: str) -> bool:
    """Record `key` unless it is there; True when this call recorded it."""
    try:
        with Session(engine) as session:
            if session.get(Meta, key) is not None:
                return False
            session.add(Meta(key=key, value=value))
            session.commit()
    except IntegrityError:  # another process recorded it at the same moment
        return False
    return True
