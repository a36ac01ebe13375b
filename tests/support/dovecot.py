"""A real Dovecot IMAP server for the test suite.

Mocked IMAP servers agree with whatever the client believes; a real Dovecot does not.  This
module starts a private Dovecot 2.3 instance per test (or per module) that:

* listens only on 127.0.0.1, on a port picked at start-up, so parallel test runs and a system
  Dovecot (if one is running) never collide with it;
* keeps its configuration, sockets, state, log and mail under ``base_dir`` (normally pytest's
  ``tmp_path``) and never reads ``/etc/dovecot`` or writes ``/run/dovecot`` or
  ``/var/lib/dovecot``;
* works when the tests run as root (CI containers) and as an ordinary user.

Dovecot behaviour worth knowing when writing client tests against it (measured with 2.3.19,
pinned down by ``tests/test_dovecot_harness.py``):

* UIDVALIDITY of a new mailbox is ``max(now, last_used + 1)``: Dovecot remembers the last value
  it handed out in ``dovecot-uidvalidity`` at the root of the mail storage, so deleting and
  recreating a folder always yields a new, larger UIDVALIDITY, even within the same second
  (observed: +1 per recreate).  No sleeping or bumping is needed.  UIDs of the recreated folder
  start at 1 again, so UIDVALIDITY is the only signal that cached UIDs are stale.
* IDLE: ``EXISTS`` for another session's APPEND arrives ~0.5 s later (inotify, then Dovecot's
  500 ms notification batching), never instantly; allow >= 2 s in assertions.
  ``mailbox_idle_check_interval`` (1 s here) is only the polling fallback without inotify, and
  ``imap_idle_notify_interval`` is just the "* OK Still here" keep-alive, left at 2 minutes so
  it does not show up in ``idle_check()`` results (Dovecot still sends one after an error).
* A session IDLEing in a folder that another session deletes gets ``* BYE IMAP session state
  is inconsistent, please relogin.`` and EOF.  If the folder is deleted *and recreated* within
  the 0.5 s batching window it instead gets ``* NO Internal error occurred`` and stays
  connected, but broken; it never learns the new UIDVALIDITY without a new SELECT/login.
* FETCH BODY[] returns exactly the APPENDed bytes for CRLF messages; bare LF line endings come
  back as CRLF.  A message's first session sees ``\\Recent`` in its flags.
* A failed LOGIN is answered after ~0.5 s; the escalating per-IP penalty is disabled here.
* :meth:`Dovecot.start` takes ~0.1 s (TLS adds ~0.05 s for the certificates on first start).
  :meth:`Dovecot.stop` takes a few ms: connected clients get ``* BYE Server shutting down.``
  then EOF.  :meth:`Dovecot.kill` gives them a bare EOF/reset.  Mail, UIDs and UIDVALIDITY
  survive both, and :meth:`Dovecot.restart` comes back on the same port(s).
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import weakref
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from tests.support.tls import make_test_ca

__all__ = ["Dovecot", "DovecotError", "find_dovecot"]

HOST = "127.0.0.1"
"""Dovecot only ever listens here: the harness must not expose a test account to the network."""

START_TIMEOUT = 15.0
STOP_TIMEOUT = 10.0
STOP_GRACE = 5.0
CLIENT_TIMEOUT = 10.0

_SUN_PATH_MAX = 107
"""Longest unix socket path Linux accepts (108 bytes including the terminating NUL)."""

_LONGEST_SOCKET_SUFFIX = len("/token-login/imap-urlauth") + 8
"""Dovecot 2.3's longest socket path below its base_dir, plus some slack."""

_UNUSED_ID_RANGE = range(61000, 62000)
_APPENDUID_RE = re.compile(rb"\[APPENDUID (\d+) (\d+)\]")
_DOVECOT_CANDIDATES = ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot", "/opt/homebrew/sbin/dovecot")


class DovecotError(RuntimeError):
    """Dovecot could not be started, stopped or used; the message includes its log."""


class _PortInUseError(DovecotError):
    """Dovecot lost the race for the port picked by :func:`_free_port` to another process."""


def find_dovecot() -> Path | None:
    """Return the ``dovecot`` master binary, or None when Dovecot is not installed.

    Debian puts it in /usr/sbin, which is not on an ordinary user's PATH, hence the fallbacks.
    """
    found = shutil.which("dovecot")
    if found:
        return Path(found)
    for candidate in _DOVECOT_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


def _free_port() -> int:
    """Ask the kernel for a currently unused TCP port on 127.0.0.1.

    The port is released again before Dovecot binds it, so another process can take it in
    between; :meth:`Dovecot.start` detects that and retries with fresh ports.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        try:
            sock.connect((HOST, port))
        except OSError:
            return False
        return True


def _unused_id() -> int:
    """Return a number that is neither a uid nor a gid known to this system.

    As root the mail processes need *some* unprivileged uid (Dovecot refuses to access mail as
    uid 0).  Borrowing ``dovecot``, ``dovenull`` or ``nobody`` would share file ownership with
    other processes; a fresh, unnamed uid owns nothing but this harness's Maildir.
    """
    for candidate in _UNUSED_ID_RANGE:
        try:
            pwd.getpwuid(candidate)
        except KeyError:
            try:
                grp.getgrgid(candidate)
            except KeyError:
                return candidate
    raise DovecotError(f"no unused uid/gid in {_UNUSED_ID_RANGE}")


def _group_members(pgid: int) -> dict[int, str] | None:
    """Live (non-zombie) processes of group ``pgid`` as {pid: executable name}, via /proc.

    Returns None where /proc is unavailable.  Zombies are ignored because reaping orphans is
    PID 1's job and in some containers PID 1 never does it; they hold no ports or files.
    Dovecot execs each service binary, so the name tells sessions ("imap") from the rest.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    members = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, _, rest = stat.partition(" (")[2].rpartition(")")
        fields = rest.split()
        if len(fields) > 2 and fields[0] != "Z" and fields[2] == str(pgid):
            members[int(entry.name)] = name
    return members


def _group_alive(pgid: int) -> bool:
    """Whether any process is left in process group ``pgid``."""
    members = _group_members(pgid)
    if members is not None:
        return bool(members)
    try:  # not Linux: a signal probe (which counts zombies too)
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _port_bindable(port: int) -> bool:
    """Whether Dovecot could bind ``port`` now (it sets SO_REUSEADDR, so TIME_WAIT is fine)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
            sock.listen()
        except OSError:
            return False
        return True


def _signal_group(pgid: int, signum: int = signal.SIGKILL) -> None:
    """Signal a whole process group, ignoring one that is already gone."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def _pdeathsig_prefix() -> list[str]:
    """Command prefix that makes the kernel SIGKILL Dovecot if the test process dies.

    A test run killed from outside (CI job timeout, pytest-timeout's ``thread`` method, which
    calls ``os._exit``) runs no teardown, and an orphaned Dovecot would keep the port and the
    temp dir alive.  Dovecot's children exit by themselves once their master is gone.
    ``PR_SET_PDEATHSIG`` fires when the *thread* that spawned the process exits, so start
    Dovecot from the main thread or a thread that outlives it.
    """
    setpriv = shutil.which("setpriv") or shutil.which("setpriv", path="/usr/bin:/bin")
    if setpriv is None:
        return []
    probe = subprocess.run(
        [setpriv, "--help"], capture_output=True, text=True, check=False, timeout=5
    )
    if "--pdeathsig" not in probe.stdout:
        return []
    return [setpriv, "--pdeathsig", "KILL", "--"]


class Dovecot:
    """One private Dovecot IMAP server with two users and Maildir storage under ``base_dir``.

    Typical use::

        with Dovecot(tmp_path) as server:
            uid = server.append("INBOX", b"Subject: hi\\r\\n\\r\\nbody\\r\\n")
            with server.client("INBOX") as imap:
                ...

    ``port`` speaks plain IMAP (and STARTTLS when ``tls=True``); ``tls_port`` speaks implicit
    TLS.  ``user``/``password`` is the account the helpers use; ``other_user`` /
    ``other_password`` is a second, independent mailbox for tests about wrong accounts.
    Plaintext LOGIN/AUTHENTICATE PLAIN is allowed without TLS, as Dovecot treats connections
    from 127.0.0.1 as secure anyway.

    ``extra_config`` is appended verbatim to the generated ``dovecot.conf``; Dovecot applies
    the last assignment of a setting, so it can override any default chosen here.
    """

    host: str = HOST

    def __init__(self, base_dir: Path, *, tls: bool = False, extra_config: str = "") -> None:
        # Resolved because valid_chroot_dirs and passwd-file homes are compared literally.
        self.base_dir: Path = Path(base_dir).resolve()
        self.tls: bool = tls
        self.extra_config: str = extra_config
        self.user: str = "mailbot@example.test"
        self.password: str = "mailbot-test-password"
        self.other_user: str = "other@example.test"
        self.other_password: str = "other-test-password"
        self.port: int = _free_port()
        self.tls_port: int | None = _free_port() if tls else None
        self.ca_file: Path | None = self.base_dir / "tls" / "ca.pem" if tls else None

        self.config_file: Path = self.base_dir / "dovecot.conf"
        self.log_file: Path = self.base_dir / "dovecot.log"
        self.mail_root: Path = self.base_dir / "mail"
        self._stderr_file = self.base_dir / "dovecot.stderr"
        self._passwd_file = self.base_dir / "passwd"
        self._state_dir = self.base_dir / "state"
        self._tls_dir = self.base_dir / "tls"

        self._as_root = os.geteuid() == 0
        if self._as_root:
            self._mail_uid = self._mail_gid = _unused_id()
            self._login_user, self._internal_user = "dovenull", "dovecot"
            self._internal_group = "dovecot"
            for name in (self._login_user, self._internal_user):
                try:
                    pwd.getpwnam(name)
                except KeyError:
                    raise DovecotError(
                        f"system user {name!r} is missing; install dovecot-core "
                        "(scripts/ensure-dovecot) which creates it"
                    ) from None
        else:
            # Without root Dovecot cannot switch users at all, so every process, including
            # the mail processes, runs as us.
            self._mail_uid, self._mail_gid = os.getuid(), os.getgid()
            try:
                me = pwd.getpwuid(self._mail_uid).pw_name
                my_group = grp.getgrgid(self._mail_gid).gr_name
            except KeyError:
                raise DovecotError(
                    f"uid {self._mail_uid}/gid {self._mail_gid} has no passwd/group entry; "
                    "Dovecot's settings need names"
                ) from None
            self._login_user = self._internal_user = me
            self._internal_group = my_group

        self._proc: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize[[int, int], Dovecot] | None = None
        self._run_dir: Path | None = None
        self._short_run_dir = False
        self._started_once = False
        self._command_prefix: list[str] | None = None
        self._log_marks: tuple[int, int] = (0, 0)

    # ------------------------------------------------------------------ lifecycle

    @property
    def is_running(self) -> bool:
        """Whether the Dovecot master process is alive (not whether it accepts logins)."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start Dovecot and return once a LOGIN on :attr:`port` succeeds.

        The first start may move to other ports if the ones picked in ``__init__`` were taken
        meanwhile; later starts (``restart``) insist on the same ports so that clients that
        cached the address reconnect to the same server.
        """
        if self.is_running:
            raise DovecotError("Dovecot is already running")
        binary = find_dovecot()
        if binary is None:
            raise DovecotError(
                "dovecot is not installed; run scripts/ensure-dovecot "
                "(apt-get install dovecot-imapd)"
            )
        self._prepare_files()
        attempts = 1 if self._started_once else 3
        for attempt in range(1, attempts + 1):
            if not self._started_once and not all(map(_port_bindable, self._ports())):
                # Taken since __init__: move on now rather than let Dovecot retry for ~2 s.
                self.port = _free_port()
                self.tls_port = _free_port() if self.tls else None
            self._run_dir = self._make_run_dir()
            self._write_config()
            self._spawn(binary)
            try:
                self._wait_until_ready()
            except _PortInUseError:
                self._cleanup_after_failed_start()
                if attempt == attempts:
                    raise
                self.port = _free_port()
                self.tls_port = _free_port() if self.tls else None
                continue
            except BaseException:
                self._cleanup_after_failed_start()
                raise
            self._started_once = True
            return

    def stop(self) -> None:
        """Shut Dovecot down gracefully and wait until every process and the port are gone.

        SIGTERM goes to the master's whole process group, as systemd's default
        ``KillMode=control-group`` does for ``systemctl stop dovecot``: IMAP sessions answer
        ``* BYE Server shutting down.`` and exit, the log process flushes, the master exits,
        all within milliseconds.  Signalling only the master (what ``dovecot stop`` does) is
        not enough with 2.3.19: the master lingers ~1 s, then exits and leaves IMAP processes
        with connected clients running (and silent), ``shutdown_clients = yes`` or not.

        Dovecot runs in the foreground (``-F``) as our child, which avoids the pid-file dance
        of a daemonised master and lets us wait for its exit directly.
        """
        proc = self._proc
        if proc is None:
            return
        try:
            # Also when the master died on its own: its children may still be serving clients.
            if _group_alive(proc.pid):
                self._stop_sessions(proc.pid)
                _signal_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                _signal_group(proc.pid, signal.SIGKILL)
                proc.wait(STOP_TIMEOUT)
            self._reap_group(proc.pid, grace=STOP_GRACE)
        finally:
            self._forget_process()
        self._wait_ports_closed()

    def kill(self) -> None:
        """SIGKILL the master and all its children at once: a crash, not a shutdown.

        Useful for testing a client against a server that vanishes without ``* BYE``.
        """
        proc = self._proc
        if proc is None:
            return
        try:
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait(STOP_TIMEOUT)
            self._reap_group(proc.pid, grace=0.0)
        finally:
            self._forget_process()
        self._wait_ports_closed()

    def restart(self) -> None:
        """Stop (if running) and start again on the same port(s) with the same mail."""
        self.stop()
        self.start()

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
        """Dovecot's log of all runs so far, for debugging failed tests.

        Includes what the master printed to stderr before its log service was up (config
        errors, failed binds), which never reaches ``log_file``.
        """
        return self._read_logs((0, 0))

    def _read_logs(self, offsets: tuple[int, int]) -> str:
        parts = []
        for path, offset in zip((self._stderr_file, self.log_file), offsets, strict=True):
            with contextlib.suppress(FileNotFoundError), path.open("rb") as file:
                file.seek(offset)
                parts.append(file.read().decode(errors="replace"))
        return "".join(parts)

    def _log_sizes(self) -> tuple[int, int]:
        sizes = []
        for path in (self._stderr_file, self.log_file):
            try:
                sizes.append(path.stat().st_size)
            except FileNotFoundError:
                sizes.append(0)
        return sizes[0], sizes[1]

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"<Dovecot {self.host}:{self.port} tls_port={self.tls_port} {state}>"

    # ------------------------------------------------------------------ helpers for tests

    def client(
        self,
        folder: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        readonly: bool = False,
    ) -> IMAPClient:
        """A logged-in plain-IMAP client (10 s timeout), optionally with ``folder`` selected.

        Logs in as :attr:`user` unless told otherwise; ``password`` defaults to the right one
        for :attr:`user` and :attr:`other_user`.

        The caller owns the connection: use it as a context manager (``with server.client()
        as imap:``), which logs out and swallows errors from an already dead connection.
        The helpers below each use their own short-lived connection, so they never disturb
        the session state (selected folder, IDLE) of a connection under test.
        """
        user = self.user if user is None else user
        if password is None:
            password = self.other_password if user == self.other_user else self.password
        imap = IMAPClient(self.host, port=self.port, ssl=False, timeout=CLIENT_TIMEOUT)
        try:
            imap.login(user, password)
            if folder is not None:
                imap.select_folder(folder, readonly=readonly)
        except BaseException:
            with contextlib.suppress(Exception):
                imap.shutdown()
            raise
        return imap

    def append(
        self,
        folder: str,
        raw: bytes,
        flags: Sequence[str | bytes] = (),
        msg_time: datetime | None = None,
    ) -> int | None:
        """APPEND ``raw`` unchanged; return its UID from the APPENDUID response (UIDPLUS)."""
        with self.client() as imap:
            response = imap.append(folder, raw, flags=tuple(flags), msg_time=msg_time)
        match = _APPENDUID_RE.search(response if isinstance(response, bytes) else b"")
        return int(match.group(2)) if match else None

    def create_folder(self, name: str) -> None:
        with self.client() as imap:
            imap.create_folder(name)

    def delete_folder(self, name: str) -> None:
        """DELETE a folder.  Recreating it later yields a new UIDVALIDITY (see module doc)."""
        with self.client() as imap:
            imap.delete_folder(name)

    def uidvalidity(self, folder: str) -> int:
        with self.client() as imap:
            status = imap.folder_status(folder, [b"UIDVALIDITY"])
        return int(status[b"UIDVALIDITY"])

    def uids(self, folder: str) -> list[int]:
        with self.client(folder, readonly=True) as imap:
            found = imap.search(["ALL"])
        return sorted(int(uid) for uid in found)

    def count(self, folder: str) -> int:
        with self.client() as imap:
            status = imap.folder_status(folder, [b"MESSAGES"])
        return int(status[b"MESSAGES"])

    def fetch_raw(self, folder: str, uid: int) -> bytes:
        """The exact bytes stored for ``uid`` (BODY.PEEK[], so \\Seen is left alone)."""
        with self.client(folder, readonly=True) as imap:
            response = imap.fetch([uid], [b"BODY.PEEK[]"])
        if uid not in response:
            raise KeyError(f"UID {uid} not found in {folder!r}")
        body = response[uid][b"BODY[]"]
        return bytes(body)

    # ------------------------------------------------------------------ internals

    def _prepare_files(self) -> None:
        """Create directories, the passwd-file and (once) the TLS material."""
        for directory in (self.base_dir, self._state_dir):
            directory.mkdir(parents=True, exist_ok=True)
        self.mail_root.mkdir(mode=0o755, exist_ok=True)
        lines = []
        for index, (user, password) in enumerate(
            ((self.user, self.password), (self.other_user, self.other_password)), start=1
        ):
            home = self.mail_root / f"user{index}"
            # Created here rather than by Dovecot so that the chdir() into it right after
            # login succeeds on the very first session (Dovecot logs an error otherwise).
            home.mkdir(mode=0o700, exist_ok=True)
            if self._as_root:
                os.chown(home, self._mail_uid, self._mail_gid)
                # "/./" makes Dovecot chroot the mail process into mail_root *as root*, before
                # dropping to the mail uid.  pytest's tmp_path lives below a 0700 root-owned
                # directory that the unprivileged mail uid could not traverse otherwise.
                userdb_home = f"{self.mail_root}/./{home.name}"
            else:
                userdb_home = str(home)
            lines.append(
                f"{user}:{{PLAIN}}{password}:{self._mail_uid}:{self._mail_gid}::{userdb_home}::\n"
            )
        self._passwd_file.write_text("".join(lines))
        self._passwd_file.chmod(0o600)
        if self.tls and self.ca_file is not None and not self.ca_file.exists():
            self._make_certificates()

    def _make_run_dir(self) -> Path:
        """Dovecot's ``base_dir`` (sockets, pid file): inside base_dir unless the path is long.

        Unix socket paths are limited to 107 bytes, and pytest's tmp_path plus Dovecot's
        longest socket name can exceed that (long test names, a deep $TMPDIR in CI).  Then a
        short private directory in /tmp is used instead and removed again on stop/kill.
        """
        inside = self.base_dir / "run"
        if len(os.fsencode(inside)) + _LONGEST_SOCKET_SUFFIX <= _SUN_PATH_MAX:
            inside.mkdir(exist_ok=True)
            self._short_run_dir = False
            return inside
        self._short_run_dir = True
        return Path(tempfile.mkdtemp(prefix="dovecot-", dir="/tmp"))

    def _make_certificates(self) -> None:
        """Create a throw-away CA and a server certificate for 127.0.0.1/localhost."""
        try:
            make_test_ca(self._tls_dir)
        except RuntimeError as exc:
            raise DovecotError(str(exc)) from None

    def _write_config(self) -> None:
        """Write ``dovecot.conf`` for the current ports; nothing is included from /etc."""
        assert self._run_dir is not None
        if self.tls:
            ssl = (
                "ssl = yes\n"
                f"ssl_cert = <{self._tls_dir / 'server.pem'}\n"
                f"ssl_key = <{self._tls_dir / 'server.key'}\n"
                "ssl_min_protocol = TLSv1.2"
            )
            imaps = f"address = {HOST}\n    port = {self.tls_port}\n    ssl = yes"
        else:
            ssl = "ssl = no"
            imaps = "port = 0"
        if self._as_root:
            privileges = (
                # Login processes parse untrusted input: as in a production install they run
                # as dovenull, which owns nothing, chrooted into an empty directory.
                f"default_login_user = {self._login_user}\n"
                f"default_internal_user = {self._internal_user}\n"
                f"default_internal_group = {self._internal_group}\n"
                # Mail processes chroot into mail_root (see the "/./" in the passwd-file).
                f"valid_chroot_dirs = {self.mail_root}\n"
                # The auth process reads the passwd-file below base_dir; as "dovecot" it could
                # not traverse pytest's 0700 temp directories.
                "service auth {\n  user = root\n}"
            )
            anvil_chroot = ""
        else:
            privileges = (
                f"default_login_user = {self._login_user}\n"
                f"default_internal_user = {self._internal_user}\n"
                f"default_internal_group = {self._internal_group}\n"
                # chroot() needs root: disable it for every service that uses it by default.
                "service imap-login {\n  chroot =\n}\n"
                "service imap-urlauth-login {\n  chroot =\n}"
            )
            anvil_chroot = "chroot =\n  "
        config = f"""\
# Generated by tests/support/dovecot.py -- private test instance, nothing from /etc/dovecot.
instance_name = mailbot-test-{self.port}
base_dir = {self._run_dir}
state_dir = {self._state_dir}
log_path = {self.log_file}
protocols = imap
listen = {HOST}
shutdown_clients = yes
{ssl}

{privileges}
first_valid_uid = 1
first_valid_gid = 0

passdb {{
  driver = passwd-file
  args = {self._passwd_file}
}}
userdb {{
  driver = passwd-file
  args = {self._passwd_file}
}}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_cache_size = 0
auth_verbose = yes
# A failed LOGIN is answered after ~0.5 s regardless: 2.3.19 polls its delayed-failure queue
# every 500 ms.
auth_failure_delay = 0
# Without the penalty socket, auth disables anvil's per-IP penalty, which would otherwise delay
# *every* later LOGIN from 127.0.0.1, correct ones included, by 2, 4, 8 ... 15 s after a failed
# one.  (login_trusted_networks no longer exempts clients from it in 2.3.)
service anvil {{
  {anvil_chroot}unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}

# "/" as separator like Exchange and Gmail; LAYOUT=fs so "." is an ordinary character.
mail_location = maildir:~/Maildir:LAYOUT=fs:INBOX=~/Maildir/INBOX
namespace inbox {{
  inbox = yes
  separator = /
  prefix =
  mailbox Drafts {{
    special_use = \\Drafts
  }}
  mailbox Sent {{
    special_use = \\Sent
  }}
  mailbox Trash {{
    special_use = \\Trash
  }}
  mailbox Junk {{
    special_use = \\Junk
  }}
  mailbox Archive {{
    special_use = \\Archive
  }}
}}
# Throw-away data: skip fsync for speed (SIGKILL still loses nothing, the page cache stays).
mail_fsync = never
mail_max_userip_connections = 100
# IDLE learns of changes via inotify (then batches them for 0.5 s); this is only the polling
# fallback for file systems without inotify.
mailbox_idle_check_interval = 1 secs
# The "* OK Still here" keep-alive while IDLEing; long so it does not clutter idle_check().
imap_idle_notify_interval = 2 mins

service imap-login {{
  inet_listener imap {{
    address = {HOST}
    port = {self.port}
  }}
  inet_listener imaps {{
    {imaps}
  }}
}}

{self.extra_config}
"""
        self.config_file.write_text(config)

    def _spawn(self, binary: Path) -> None:
        assert self._run_dir is not None
        # A pid file left by kill() could name a recycled pid and make Dovecot refuse to start.
        with contextlib.suppress(FileNotFoundError):
            (self._run_dir / "master.pid").unlink()
        if self._command_prefix is None:
            self._command_prefix = _pdeathsig_prefix()
        command = [*self._command_prefix, str(binary), "-F", "-c", str(self.config_file)]
        self._log_marks = self._log_sizes()
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C"}
        if "TZ" in os.environ:
            env["TZ"] = os.environ["TZ"]
        with self._stderr_file.open("ab") as stderr:
            # A new session makes the master a process-group leader, so kill() and the
            # leftover check can address the master and all of its children at once.
            self._proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
                env=env,
            )
        # If the test forgets stop(), the interpreter's exit (or garbage collection) still
        # kills the whole group; stop()/kill() detach this again.
        self._finalizer = weakref.finalize(self, _signal_group, self._proc.pid, signal.SIGKILL)

    def _wait_until_ready(self) -> None:
        """Poll until a real LOGIN succeeds: an open port alone may precede a working auth."""
        proc = self._proc
        assert proc is not None
        deadline = time.monotonic() + START_TIMEOUT
        last_error: BaseException | None = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                log = self._read_logs(self._log_marks)
                if "Address already in use" in log:
                    raise _PortInUseError(f"port {self.port} or {self.tls_port} was taken")
                raise DovecotError(
                    f"Dovecot exited with status {proc.returncode} while starting.\n"
                    f"--- {self.log_file} ---\n{log[-6000:]}"
                )
            try:
                imap = IMAPClient(self.host, port=self.port, ssl=False, timeout=2.0)
                try:
                    imap.login(self.user, self.password)
                finally:
                    with contextlib.suppress(Exception):
                        imap.logout()
            except (OSError, IMAPClientError) as error:
                last_error = error
                time.sleep(0.05)
                continue
            if self.tls_port is None or _port_open(self.tls_port):
                return
        raise DovecotError(
            f"Dovecot did not accept a LOGIN on {self.host}:{self.port} within "
            f"{START_TIMEOUT:.0f} s (last error: {last_error!r}).\n"
            f"--- {self.log_file} ---\n{self._read_logs(self._log_marks)[-6000:]}"
        )

    def _cleanup_after_failed_start(self) -> None:
        proc = self._proc
        if proc is None:
            return
        try:
            _signal_group(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(STOP_TIMEOUT)
            self._reap_group(proc.pid, grace=0.0)
        finally:
            self._forget_process()

    def _stop_sessions(self, pgid: int) -> None:
        """SIGTERM the IMAP session processes first and give them a moment to go.

        Their "Disconnected: Server shutting down" lines only reach the log while Dovecot's
        log process is still alive; signalling everybody at once loses them.
        """
        members = _group_members(pgid) or {}
        sessions = {pid for pid, name in members.items() if name == "imap"}
        for pid in sessions:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 2.0
        while sessions and time.monotonic() < deadline:
            sessions &= set(_group_members(pgid) or {})
            time.sleep(0.005)

    def _reap_group(self, pgid: int, *, grace: float) -> None:
        """Wait for the master's children to exit; SIGKILL whatever outlives ``grace`` seconds.

        After SIGTERM they normally go within milliseconds, but an IMAP process busy with a
        large APPEND may take a moment; we never leave one behind.
        """
        deadline = time.monotonic() + grace
        while _group_alive(pgid):
            if time.monotonic() >= deadline:
                _signal_group(pgid, signal.SIGKILL)
                kill_deadline = time.monotonic() + STOP_TIMEOUT
                while _group_alive(pgid):
                    if time.monotonic() >= kill_deadline:
                        raise DovecotError(f"Dovecot processes in group {pgid} survive SIGKILL")
                    time.sleep(0.02)
                return
            time.sleep(0.02)

    def _forget_process(self) -> None:
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        self._proc = None
        if self._short_run_dir and self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None

    def _ports(self) -> list[int]:
        return [port for port in (self.port, self.tls_port) if port is not None]

    def _wait_ports_closed(self) -> None:
        ports = self._ports()
        deadline = time.monotonic() + STOP_TIMEOUT
        while any(_port_open(port) for port in ports):
            if time.monotonic() >= deadline:
                raise DovecotError(f"{self.host}:{ports} still accept connections after stop")
            time.sleep(0.02)
