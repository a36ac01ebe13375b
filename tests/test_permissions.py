"""The state folder is private: 0700, every file in it 0600, whatever the umask.

The real `mailbot` command runs with the usual umask (022) on a fresh state and writes
all it writes (the store with its WAL files, raw mails, outgoing .eml files, a digest
preview); nothing may be readable by another user. An existing state that is open to
others is warned about, with the fix, and left as it is.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import clean_env, mailbot
from tests.support.daemon import DaemonProcess, wait_until
from tests.support.outbox import INTRO_MAILS, drop_in_inbox


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        if not path.is_symlink():
            found[str(path.relative_to(root))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _run(*args: str | Path) -> str:
    res = mailbot(*args, env=clean_env())
    assert res.returncode == 0, (args, res.stdout, res.stderr)
    return res.stderr


@pytest.mark.usefixtures("umask_022")
def test_everything_mailbot_creates_is_its_users_only(tmp_path: Path) -> None:
    state = tmp_path / "state"
    _run("ingest", *INTRO_MAILS, "--state", state)
    _run("tick", "--today", "2025-01-13", "--send", "--no-intake", "--state", state)
    _run("digest", "--preview", "--today", "2025-01-13", "--state", state)
    # The daemon too, on the embedded default, with a mail in its local inbox; looked
    # at while it runs (SQLite's -wal and -shm files exist only while the store is open).
    daemon = DaemonProcess(state).start()
    try:
        drop_in_inbox(
            state, "1.eml", INTRO_MAILS[1].read_bytes().replace(b"Message-ID: <", b"Message-ID: <x")
        )
        wait_until(lambda: not any((state / "inbox" / "new").iterdir()), 30, "the mail taken")
        modes = _modes(state)
    finally:
        daemon.stop()
    modes.update(_modes(state))
    kinds = {Path(p).suffix for p in modes}
    assert {".db", ".eml", ".html", ".txt"} <= kinds, sorted(modes)
    assert any(p.startswith("raw/") for p in modes) and any(p.startswith("outbox/") for p in modes)
    assert any(p.endswith(("-wal", "-shm")) for p in modes), sorted(modes)
    loose = {p: oct(m) for p, m in modes.items() if m & 0o077}
    assert loose == {}
    for path, mode in modes.items():
        if (state / path).is_dir():
            assert mode == 0o700, path
        else:
            assert mode == 0o600, path


@pytest.mark.usefixtures("umask_022")
def test_a_state_open_to_others_is_warned_about_and_left_alone(tmp_path: Path) -> None:
    state = tmp_path / "state"
    _run("ingest", INTRO_MAILS[0], "--state", state)
    os.chmod(state, 0o755)
    (state / "notes.txt").write_text("x")
    os.chmod(state / "notes.txt", 0o644)
    stderr = _run("messages", "--state", state)
    flat = " ".join(stderr.split())
    assert f"{state} is 0755" in flat
    assert "1 entries inside are open to other users" in flat
    assert f"chmod -R go-rwx {state}" in flat
    assert stat.S_IMODE(state.stat().st_mode) == 0o755  # reported, not changed
