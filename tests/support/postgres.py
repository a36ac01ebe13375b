"""A real PostgreSQL server for the test suite.

SQLite forgives what PostgreSQL does not: it ignores ``VARCHAR(n)`` limits, stores NUL
characters in text, and serialises every writer, so concurrency bugs never show.  mailbot
supports ``[store] url = "postgresql+psycopg://..."``, so the suite proves the store on a real
server.  This module starts a private PostgreSQL instance that:

* is initialised by ``initdb`` into a private temporary directory (never the system cluster,
  never ``/etc/postgresql`` or ``/var/lib/postgresql``; the system service may stay stopped);
* listens only on 127.0.0.1, on a port picked at start-up, with ``trust`` authentication for
  127.0.0.1 and the private unix socket only: a throw-away server for tests, no passwords;
* keeps its unix socket in that private directory below ``/tmp`` (socket paths are limited to
  107 bytes, pytest's ``tmp_path`` can be longer);
* runs with ``fsync = off`` (and no synchronous commit, no full-page writes) because its data
  is thrown away: durability is SQLite's and the production server's business, not the
  tests', and this makes ``CREATE DATABASE`` and commits cheap;
* works when the tests run as root (CI containers; PostgreSQL refuses to run as root, so the
  server runs as the ``postgres`` system user that Debian's package creates) and as an
  ordinary user;
* never outlives the test session: the postmaster leads its own process group, which
  :meth:`Postgres.stop` (or a ``weakref`` finalizer, or the kernel via ``PR_SET_PDEATHSIG``
  when the test process is killed) takes down as a whole.

Measured with PostgreSQL 15: ``initdb`` plus start takes ~1 s, so start one server per test
session and give each test its own schema (:meth:`Postgres.create_schema`, milliseconds) or,
where it matters, its own database (:meth:`Postgres.create_database`, 30-300 ms).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import weakref
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import quote

import psycopg
from psycopg import sql

__all__ = ["Postgres", "PostgresError", "find_postgres_bindir"]

HOST = "127.0.0.1"
"""The server only ever listens here: a trust-authenticated server must not face a network."""

SUPERUSER = "mailbot"
"""The bootstrap superuser ``initdb`` creates, whatever the OS user running the server."""

DATABASE = "mailbot"
"""The database :attr:`Postgres.url` names; created by :meth:`Postgres.start`."""

SYSTEM_USER = "postgres"
"""The OS account the server runs as when the tests run as root."""

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
_SUN_PATH_MAX = 107
"""Longest unix socket path Linux accepts (108 bytes including the terminating NUL)."""

_SOCKET_NAME_MAX = len("/.s.PGSQL.65535.lock")

_SERVER_SETTINGS = {
    "listen_addresses": HOST,
    # Throw-away data: durability costs time and proves nothing here (see module docstring).
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    # The log goes to stderr, which start() sends to log_file.
    "logging_collector": "off",
    "log_timezone": "UTC",
    # Deliberately not UTC: production servers in Sweden run on local time, and mailbot must
    # not depend on the session time zone (timestamptz values are instants either way).
    "timezone": "Europe/Stockholm",
}


class PostgresError(RuntimeError):
    """PostgreSQL could not be started, stopped or used; the message includes its log."""


class _PortInUseError(PostgresError):
    """The port picked by :func:`_free_port` was taken by another process before we bound it."""


def find_postgres_bindir() -> Path | None:
    """The directory holding ``initdb`` and ``postgres``, or None when they are not installed.

    Debian keeps the server binaries in ``/usr/lib/postgresql/<major>/bin``, off the PATH (only
    client wrappers are on it), so ``pg_config --bindir`` and that glob come before PATH.
    The newest major version wins when several are installed.
    """
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            result = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=False
            )
            if result.returncode == 0 and result.stdout.strip():
                candidates.append(Path(result.stdout.strip()))

    def major(path: str) -> int:
        version = Path(path).parent.name
        return int(version) if version.isdigit() else 0

    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=major, reverse=True)
    candidates.extend(Path(path) for path in debian)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for directory in candidates:
        if all(os.access(directory / name, os.X_OK) for name in ("initdb", "postgres")):
            return directory
    return None


def _free_port() -> int:
    """A currently unused TCP port on 127.0.0.1 (released again: see :class:`_PortInUseError`)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _group_alive(pgid: int) -> bool:
    """Whether a live (non-zombie) process is left in process group ``pgid``.

    Zombies are ignored: reaping orphans is PID 1's job, which some containers never do, and
    a zombie holds no port, socket or file.  Without /proc, falls back to a signal probe.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if len(fields) > 2 and fields[0] != "Z" and fields[2] == str(pgid):
            return True
    return False


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def _kill_and_remove(pgid: int | None, root: Path | None) -> None:
    """The finalizer: SIGKILL the server's process group and remove its private directory."""
    if pgid is not None:
        _signal_group(pgid, signal.SIGKILL)
        deadline = time.monotonic() + STOP_TIMEOUT
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.01)
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)


def _setpriv() -> str | None:
    return shutil.which("setpriv") or shutil.which("setpriv", path="/usr/bin:/bin")


def _supports_pdeathsig(setpriv: str) -> bool:
    probe = subprocess.run(
        [setpriv, "--help"], capture_output=True, text=True, check=False, timeout=5
    )
    return "--pdeathsig" in probe.stdout


class Postgres:
    """One private PostgreSQL server on 127.0.0.1 with a database ``mailbot``.

    Typical use (one server per test session, one schema or database per test)::

        with Postgres(tmp_path_factory.mktemp("pg")) as server:
            url = server.create_schema("t1")     # .../mailbot?options=-c search_path=t1
            url = server.create_database("t2")   # postgresql+psycopg://mailbot@127.0.0.1:P/t2
            ...

    ``base_dir`` (normally a pytest temp directory) receives only the server's log, which
    survives :meth:`stop` for debugging; the data directory and socket live in a private
    directory below ``/tmp`` that :meth:`stop` removes.
    """

    def __init__(self, base_dir: Path, *, database: str = DATABASE) -> None:
        self.base_dir = base_dir
        self.database = database
        self.log_file = base_dir / "postgres.log"
        self.host = HOST
        self.port = 0
        self.user = SUPERUSER
        self._root: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize[[int | None, Path | None], Postgres] | None = None
        self._as_root = os.geteuid() == 0
        self._names = itertools.count(1)
        self._log_mark = 0

    # ------------------------------------------------------------------ public API

    @property
    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        """The process (and process group) id of the server while it runs, else None."""
        return self._proc.pid if self._proc is not None else None

    @property
    def url(self) -> str:
        """SQLAlchemy URL of :attr:`database`, for ``[store] url`` / ``MAILBOT_STORE__URL``."""
        return self.url_for(self.database)

    def url_for(self, database: str, *, schema: str | None = None) -> str:
        """SQLAlchemy URL of ``database``; with ``schema``, sessions work inside that schema.

        The schema becomes the connection's ``search_path`` (libpq ``options``), so
        unqualified names, Alembic's version table included, live in it.
        """
        if not self.port:
            raise PostgresError("PostgreSQL is not started")
        url = f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"
        if schema is not None:
            url += "?options=" + quote(f"-c search_path={schema}", safe="")
        return url

    @property
    def socket_dir(self) -> Path | None:
        """The private directory of the unix socket (also the parent of the data directory)."""
        return self._root

    def start(self) -> None:
        """initdb, start the server, wait until it accepts connections, create the database.

        Retries with a fresh port (up to three times) if another process took the one picked.
        """
        if self.is_running:
            raise PostgresError("PostgreSQL is already running")
        bindir = find_postgres_bindir()
        if bindir is None:
            raise PostgresError(
                "the PostgreSQL server (initdb, postgres) is not installed; "
                "run scripts/ensure-postgres (apt-get install postgresql)"
            )
        self.base_dir.mkdir(parents=True, exist_ok=True)
        self._root = self._make_root()
        # From here on the finalizer removes the directory even if start() fails half-way.
        self._arm_finalizer(None)
        try:
            self._initdb(bindir)
            for attempt in range(1, 4):
                self.port = _free_port()
                self._spawn(bindir)
                try:
                    self._wait_until_ready()
                except _PortInUseError:
                    self._kill()
                    if attempt == 3:
                        raise
                    continue
                break
            self.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.database)))
        except BaseException:
            self._kill()
            self._remove_root()
            raise

    def stop(self) -> None:
        """Fast shutdown (SIGINT: sessions are ended), then make sure no process is left.

        Whatever survives ``STOP_TIMEOUT`` seconds, or a postmaster that already died and left
        backends behind, is SIGKILLed as a process group.  The data directory is removed.
        """
        proc = self._proc
        try:
            if proc is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self._postmaster_pid(proc), signal.SIGINT)
                try:
                    proc.wait(STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    _signal_group(proc.pid, signal.SIGKILL)
                    proc.wait(STOP_TIMEOUT)
                self._reap_group(proc.pid)
        finally:
            self._proc = None
            self._remove_root()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def log(self) -> str:
        """initdb's output and the server's log of this run, for debugging failed tests."""
        try:
            return self.log_file.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def connect(self, database: str = "postgres") -> psycopg.Connection[tuple[object, ...]]:
        """An autocommit psycopg connection as the superuser (CREATE DATABASE needs that)."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            dbname=database,
            autocommit=True,
            connect_timeout=5,
        )

    def execute(self, statement: sql.SQL | sql.Composed, database: str = "postgres") -> None:
        """Run one statement in autocommit mode (``CREATE DATABASE`` refuses transactions)."""
        with self.connect(database) as conn:
            conn.execute(statement)

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database (``t1``, ``t2``... when unnamed) and return its URL.

        Cheaper than a server per test, and as isolated: nothing is shared between databases
        except roles.
        """
        name = name or f"t{next(self._names)}"
        # template0 is never connected to (no "source database is being accessed" errors) and
        # is the smallest template: copying it is the cheapest way to an empty database.
        self.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(sql.Identifier(name)))
        return self.url_for(name)

    def create_schema(self, name: str) -> str:
        """Create an empty schema in :attr:`database` and return a URL confined to it.

        An empty schema is as good as an empty database for mailbot's store, and takes
        milliseconds where ``CREATE DATABASE`` takes 30-300 ms (it copies a template).
        """
        self.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)), self.database)
        return self.url_for(self.database, schema=name)

    def drop_schema(self, name: str) -> None:
        self.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)),
            self.database,
        )

    def drop_database(self, name: str) -> None:
        """Drop ``name``, ending sessions still connected to it (a test's leftover pool)."""
        self.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"<Postgres {self.host}:{self.port} {state}>"

    # ------------------------------------------------------------------ internals

    def _make_root(self) -> Path:
        """A private directory below /tmp for the data directory and the unix socket.

        /tmp rather than ``base_dir``: pytest's temp directories are 0700 root-owned (the
        ``postgres`` user could not traverse them) and may be too deep for a socket path.
        """
        parent = "/tmp" if os.path.isdir("/tmp") else None
        root = Path(tempfile.mkdtemp(prefix="mailbot-pg-", dir=parent))
        if len(os.fsencode(root)) + _SOCKET_NAME_MAX > _SUN_PATH_MAX:
            shutil.rmtree(root, ignore_errors=True)
            raise PostgresError(f"temporary directory {root} is too long for a unix socket")
        if self._as_root:
            account = pwd.getpwnam(SYSTEM_USER)
            os.chown(root, account.pw_uid, account.pw_gid)
        return root

    def _remove_root(self) -> None:
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None

    @property
    def _data_dir(self) -> Path:
        assert self._root is not None
        return self._root / "data"

    def _prefix(self, *, pdeathsig: bool) -> list[str]:
        """Run as ``postgres`` when root; optionally die with the test process (pdeathsig).

        ``setpriv`` execs in place, so the pid Popen sees is the postmaster itself.  Changing
        the uid clears the parent-death signal, hence a second ``setpriv`` that sets it after
        the switch.  Without setpriv, ``runuser`` (which forks) does the switch; the process
        group still reaches the postmaster.
        """
        setpriv = _setpriv()
        prefix: list[str] = []
        if self._as_root:
            try:
                pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                raise PostgresError(
                    f"running as root but there is no {SYSTEM_USER!r} user to run PostgreSQL "
                    "as (it refuses to run as root); install the postgresql package"
                ) from None
            if setpriv is not None:
                prefix = [setpriv, f"--reuid={SYSTEM_USER}", f"--regid={SYSTEM_USER}"]
                prefix += ["--init-groups", "--"]
            else:
                runuser = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin")
                if runuser is None:
                    raise PostgresError("running as root needs setpriv or runuser")
                prefix = [runuser, "-u", SYSTEM_USER, "--"]
        if pdeathsig and setpriv is not None and _supports_pdeathsig(setpriv):
            prefix += [setpriv, "--pdeathsig", "KILL", "--"]
        return prefix

    def _env(self) -> dict[str, str]:
        env = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C"}
        if self._as_root:
            env["HOME"] = str(self._root)
        return env

    def _initdb(self, bindir: Path) -> None:
        command = [
            *self._prefix(pdeathsig=False),
            str(bindir / "initdb"),
            "--pgdata",
            str(self._data_dir),
            "--username",
            SUPERUSER,
            "--encoding",
            "UTF8",
            "--no-locale",
            "--auth",
            "trust",
            "--no-sync",  # see fsync in _SERVER_SETTINGS
        ]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=False,
            env=self._env(),
            cwd=self._root,
            timeout=120,
        )
        with self.log_file.open("a") as log:
            log.write(f"$ {' '.join(command)}\n{result.stdout}{result.stderr}\n")
        if result.returncode != 0:
            raise PostgresError(f"initdb failed ({result.returncode}):\n{self.log()[-6000:]}")
        # Our own pg_hba.conf: trust over the private socket and from 127.0.0.1, nothing else
        # (initdb's also admits ::1, and replication connections we do not need).
        hba = self._data_dir / "pg_hba.conf"
        hba.write_text(
            "# Generated by tests/support/postgres.py -- private test server.\n"
            "local all all trust\n"
            f"host all all {HOST}/32 trust\n"
        )
        if self._as_root:
            account = pwd.getpwnam(SYSTEM_USER)
            os.chown(hba, account.pw_uid, account.pw_gid)

    def _spawn(self, bindir: Path) -> None:
        assert self._root is not None
        settings = {
            **_SERVER_SETTINGS,
            "port": str(self.port),
            "unix_socket_directories": str(self._root),
        }
        command = [*self._prefix(pdeathsig=True), str(bindir / "postgres")]
        command += ["-D", str(self._data_dir)]
        for key, value in settings.items():
            command += ["-c", f"{key}={value}"]
        self._log_mark = self.log_file.stat().st_size if self.log_file.exists() else 0
        with self.log_file.open("ab") as log:
            log.write(f"$ {' '.join(command)}\n".encode())
            log.flush()
            # A new session makes the postmaster a process-group leader, so stop() and the
            # finalizer reach it and every backend at once.
            self._proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
                env=self._env(),
                cwd=self._root,
            )
        # If the test forgets stop(), garbage collection or the interpreter's exit still kills
        # the whole group and removes the data directory.
        self._arm_finalizer(self._proc.pid)

    def _arm_finalizer(self, pgid: int | None) -> None:
        if self._finalizer is not None:
            self._finalizer.detach()
        self._finalizer = weakref.finalize(self, _kill_and_remove, pgid, self._root)

    def _wait_until_ready(self) -> None:
        """Poll until a real connection succeeds (the port opens before recovery is done)."""
        proc = self._proc
        assert proc is not None
        deadline = time.monotonic() + START_TIMEOUT
        last_error: BaseException | None = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                log = self.log()[self._log_mark :]
                if "Address already in use" in log:
                    raise _PortInUseError(f"port {self.port} was taken")
                raise PostgresError(
                    f"postgres exited with status {proc.returncode} while starting.\n"
                    f"--- {self.log_file} ---\n{log[-6000:]}"
                )
            try:
                with self.connect():
                    return
            except psycopg.OperationalError as error:
                last_error = error
                time.sleep(0.05)
        raise PostgresError(
            f"PostgreSQL did not accept connections on {self.host}:{self.port} within "
            f"{START_TIMEOUT:.0f} s (last error: {last_error!r}).\n"
            f"--- {self.log_file} ---\n{self.log()[-6000:]}"
        )

    def _postmaster_pid(self, proc: subprocess.Popen[bytes]) -> int:
        """The postmaster's pid: ``proc`` itself unless runuser forked it (then the pid file).

        A pid from the file counts only if it is in our process group: a stale file left by a
        crash could name a recycled pid of some other process.
        """
        with contextlib.suppress(OSError, ValueError, IndexError):
            pid = int((self._data_dir / "postmaster.pid").read_text().split()[0])
            if os.getpgid(pid) == proc.pid:
                return pid
        return proc.pid

    def _kill(self) -> None:
        """SIGKILL everything of a failed start (no shutdown: nothing worth keeping)."""
        proc = self._proc
        if proc is None:
            return
        _signal_group(proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(STOP_TIMEOUT)
        self._reap_group(proc.pid)
        self._proc = None
        self._arm_finalizer(None)

    def _reap_group(self, pgid: int) -> None:
        """Wait for the backends to follow the postmaster; SIGKILL stragglers after 5 s."""
        deadline = time.monotonic() + 5.0
        while _group_alive(pgid):
            if time.monotonic() >= deadline:
                _signal_group(pgid, signal.SIGKILL)
                kill_deadline = time.monotonic() + STOP_TIMEOUT
                while _group_alive(pgid):
                    if time.monotonic() >= kill_deadline:
                        raise PostgresError(f"postgres processes in group {pgid} survive SIGKILL")
                    time.sleep(0.01)
                return
            time.sleep(0.01)
