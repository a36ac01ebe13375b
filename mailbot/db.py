"""Opening the store: the engine, SQLite pragmas, and migrations to the newest schema."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, create_engine

from mailbot.errors import ConfigError

if TYPE_CHECKING:
    from alembic.config import Config

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
            # Added to the URL's own options (a search_path, say), not in their place.
            parsed = make_url(url)
            options = " ".join(
                part
                for part in (parsed.query.get("options"), "-c synchronous_commit=off")
                if isinstance(part, str) and part
            )
            return create_engine(parsed.update_query_dict({"options": options}), pool_pre_ping=True)
        return create_engine(url, pool_pre_ping=True)
    raise ConfigError(f"unsupported database URL scheme in {url.split(':', 1)[0]!r}")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


_REVISION = re.compile(r'^(down_)?revision\s*=\s*"([^"]*)"', re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration's revision, read from the files (without importing
    Alembic, which costs a command like `mailbot status` a third of a second)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except (OperationalError, ProgrammingError):
        return None  # a new store: no table yet
    return str(row[0]) if row else None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    head = head_revision()
    if head is not None and _current_revision(engine) == head:
        return
    from alembic import command

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
