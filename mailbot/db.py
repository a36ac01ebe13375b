"""Opening the store: the engine, SQLite pragmas, and migrations to the newest schema."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from mailbot.errors import ConfigError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _sqlite_pragmas(synchronous: str) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        # WAL lets the CLI read while the daemon writes; synchronous=FULL makes every
        # commit durable before we flag or move the mail on the server.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    return on_connect


def make_engine(url: str, *, group_commit: bool = False) -> Engine:
    """The store's engine. `group_commit=True`: for work that can be done again (the
    pipeline's stages): a commit is atomic and survives a crash of mailbot, but reaches
    the disk with the next durable commit of any connection (SQLite: synchronous=NORMAL
    on these connections, and the next FULL commit's fsync of the WAL takes every
    earlier commit along; PostgreSQL: synchronous_commit off). Everything that must be
    on disk before mailbot acts outside (intake before the server copy is touched, an
    outbox row before it is sent) goes through the durable engine."""
    if url.startswith("sqlite"):
        db_path = url.split(":///", 1)[-1]
        if db_path and db_path != ":memory:":
            Path(db_path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas("NORMAL" if group_commit else "FULL"))
        return engine
    if url.startswith("postgresql"):
        if group_commit:
            options = {"options": "-c synchronous_commit=off"}
            return create_engine(url, pool_pre_ping=True, connect_args=options)
        return create_engine(url, pool_pre_ping=True)
    raise ConfigError(f"unsupported database URL scheme in {url.split(':', 1)[0]!r}")


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    try:
        command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise ConfigError(f"cannot open the store: {exc.orig}") from None


def open_store(url: str, *, upgrade: bool = True) -> Engine:
    engine = make_engine(url)
    if upgrade:
        migrate(engine)
    return engine


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One unit of work: commits on success, rolls back on any exception."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
