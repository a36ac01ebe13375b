"""The embedded default: `mailbot run` with no IMAP server watches state/inbox/."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

from tests.conftest import make_mail
from tests.support.daemon import DaemonProcess, wait_until


def stored_subjects(state: Path) -> list[str]:
    db = state / "mailbot.db"
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("select subject from message order by id")]


def test_eml_dropped_into_new_is_stored_and_filed(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with DaemonProcess(state) as daemon:
        daemon.start()
        assert "embedded default" in daemon.log() and str(state / "inbox") in daemon.log()
        # as an operator would: copy a file straight into new/
        (state / "inbox" / "new" / "protokoll.eml").write_bytes(make_mail(subject="Släppt"))
        took = wait_until(lambda: stored_subjects(state) == ["Släppt"], 5, "the mail in the store")
        assert took < 5
        wait_until(
            lambda: (state / "inbox" / "cur" / "protokoll.eml:2,S").exists(), 5, "moved to cur/"
        )
        assert not (state / "inbox" / "new" / "protokoll.eml").exists()
        assert daemon.stop(signal.SIGTERM) == 0
        assert "stopped cleanly" in daemon.log()


def test_ctrl_c_exits_cleanly_and_restart_takes_what_arrived_meanwhile(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with DaemonProcess(state) as daemon:
        daemon.start()
        assert daemon.stop(signal.SIGINT) == 0
        # mail that arrives while the daemon is down waits in new/
        for i in range(20):
            (state / "inbox" / "new" / f"{i:02}.eml").write_bytes(make_mail(subject=f"Nr {i}"))
        daemon.start()
        wait_until(lambda: len(stored_subjects(state)) == 20, 10, "20 mails stored")
        assert sorted(stored_subjects(state)) == sorted(f"Nr {i}" for i in range(20))
        assert daemon.stop() == 0
