"""The daemon against a real Dovecot: nothing lost, nothing doubled, whatever happens.

Each test runs the real `mailbot run` in a subprocess, as in production, and reads
the store (a real SQLite file) to check what it did.
"""

from __future__ import annotations

import email
import hashlib
import signal
import sqlite3
import threading
import time
from email.policy import SMTP
from pathlib import Path

from tests.conftest import imap_config, make_mail
from tests.support.daemon import DaemonProcess, wait_until
from tests.support.dovecot import Dovecot

HANDLED = "mailbot/handled"


def rows(state: Path, sql: str) -> list[tuple[object, ...]]:
    db = state / "mailbot.db"
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=30) as conn:
        return list(conn.execute(sql))


def stored_ids(state: Path) -> list[str]:
    return [str(r[0]) for r in rows(state, "select message_id from message")]


def numbered(i: int, tag: str = "n") -> bytes:
    return make_mail(subject=f"Mail {tag}{i}", msgid=f"<{tag}{i}@test.vara.se>")


def test_mail_appended_while_idling_is_stored_within_2_seconds(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot)
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        daemon.wait_for_log("connected: IMAP")
        time.sleep(0.5)  # let it settle into IDLE
        for i in range(3):
            dovecot.append("INBOX", numbered(i))
            took = wait_until(lambda i=i: len(stored_ids(state)) == i + 1, 2, f"mail {i} stored")
            assert took < 2
        # handled mail is moved, only after it was stored
        wait_until(lambda: dovecot.count(HANDLED) == 3, 5, "3 mails moved to mailbot/handled")
        assert dovecot.count("INBOX") == 0
        assert daemon.stop() == 0
    raw_files = list((state / "raw").glob("*.eml"))
    assert len(raw_files) == 3


def test_500_mails_in_bursts_each_stored_exactly_once(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot)
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        daemon.wait_for_log("connected: IMAP")
        sent = [f"<b{i}@test.vara.se>" for i in range(500)]
        with dovecot.client("INBOX") as imap:
            for burst in range(5):
                for i in range(burst * 100, burst * 100 + 100):
                    imap.append("INBOX", numbered(i, "b"))
                time.sleep(0.3)
        wait_until(lambda: len(stored_ids(state)) >= 500, 60, "500 mails stored")
        wait_until(lambda: dovecot.count(HANDLED) == 500, 30, "500 mails moved")
        time.sleep(1)  # anything doubled late would show now
        ids = stored_ids(state)
        assert sorted(ids) == sorted(sent)
        assert rows(state, "select count(*) from message_source") == [(500,)]
        assert dovecot.count("INBOX") == 0
        assert daemon.stop() == 0


def test_sigkill_in_the_middle_of_a_fetch_loses_and_doubles_nothing(
    tmp_path: Path, dovecot: Dovecot
):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot, batch_size=5)
    sent = [f"<k{i}@test.vara.se>" for i in range(300)]
    with dovecot.client("INBOX") as imap:
        for i in range(300):
            imap.append("INBOX", numbered(i, "k"))
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        # kill it while it is working through the folder
        wait_until(lambda: len(stored_ids(state)) >= 20, 30, "some mails stored")
        daemon.stop(signal.SIGKILL)
        partial = len(stored_ids(state))
        assert 0 < partial < 300, "the kill should land mid-way"
        daemon.start()
        wait_until(lambda: len(stored_ids(state)) >= 300, 60, "all 300 stored")
        wait_until(lambda: dovecot.count(HANDLED) == 300, 30, "all 300 moved")
        time.sleep(1)
        assert sorted(stored_ids(state)) == sorted(sent)
        assert rows(state, "select count(*) from message_source") == [(300,)]
        # and each was read by the pipeline once: none left behind, none failed
        wait_until(
            lambda: rows(state, "select count(*) from message where state = 'received'") == [(0,)],
            30,
            "every mail read",
        )
        assert rows(state, "select count(*) from message where state = 'quarantined'") == [(0,)]
        assert daemon.stop() == 0
    # no raw file is orphaned or half-written
    assert len(list((state / "raw").glob("*.eml"))) == 300


def test_dovecot_stopped_and_started_while_running(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot)
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        daemon.wait_for_log("connected: IMAP")
        dovecot.append("INBOX", numbered(1, "r"))
        wait_until(lambda: len(stored_ids(state)) == 1, 5, "first mail")
        dovecot.stop()
        daemon.wait_for_log("reconnecting in", timeout=15)
        time.sleep(2)  # a few failed reconnects while the server is down
        dovecot.start()
        daemon.wait_for_log("connected: IMAP", timeout=20, occurrence=2)
        dovecot.append("INBOX", numbered(2, "r"))
        wait_until(lambda: len(stored_ids(state)) == 2, 10, "second mail after restart")
        assert sorted(stored_ids(state)) == ["<r1@test.vara.se>", "<r2@test.vara.se>"]
        assert daemon.stop() == 0


def test_mailbox_recreated_with_new_uidvalidity_doubles_nothing(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    dovecot.create_folder("Delad")
    # Dovecot tells an IDLE session nothing when its folder is deleted and recreated;
    # the daemon sees the new UIDVALIDITY at its next IDLE renewal (10 min by default).
    config = imap_config(
        tmp_path / "mailbot.toml", dovecot, folders=("Delad",), handled="leave", idle_renew=3
    )
    mails = [numbered(i, "u") for i in range(10)]
    for raw in mails:
        dovecot.append("Delad", raw)
    before = dovecot.uidvalidity("Delad")
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        wait_until(lambda: len(stored_ids(state)) == 10, 15, "10 mails stored")
        dovecot.delete_folder("Delad")
        dovecot.create_folder("Delad")
        assert dovecot.uidvalidity("Delad") != before
        for raw in mails:  # the same mails come back, e.g. restored from a backup
            dovecot.append("Delad", raw)
        dovecot.append("Delad", numbered(99, "u"))
        wait_until(lambda: len(stored_ids(state)) == 11, 30, "the one new mail stored")
        daemon.wait_for_log("UIDVALIDITY changed", timeout=10)
        time.sleep(1)
        assert sorted(stored_ids(state)) == sorted(
            [f"<u{i}@test.vara.se>" for i in range(10)] + ["<u99@test.vara.se>"]
        )
        # each server copy is recorded under its own UIDVALIDITY: 10 + 11 locations
        assert rows(state, "select count(*) from message_source") == [(21,)]
        assert daemon.stop() == 0


def big_mail(size_mb: int) -> bytes:
    msg = email.message.EmailMessage()
    msg["From"] = "eva.exempel@vara.se"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = "Stor bilaga"
    msg["Message-ID"] = "<big@test.vara.se>"
    msg.set_content("Se bilagan.")
    msg.add_attachment(
        bytes(range(256)) * (size_mb * 4096),
        maintype="application",
        subtype="octet-stream",
        filename="stor.bin",
    )
    return msg.as_bytes(policy=SMTP)


def many_parts(parts: int) -> bytes:
    msg = email.message.EmailMessage()
    msg["From"] = "eva.exempel@vara.se"
    msg["Subject"] = "Många delar"
    msg["Message-ID"] = "<parts@test.vara.se>"
    msg.set_content("Början")
    for i in range(parts - 1):
        msg.add_attachment(f"del {i}\n", filename=f"del{i}.txt")
    return msg.as_bytes(policy=SMTP)


def test_30mb_mail_and_2000_part_mail(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot)
    big, parts = big_mail(30), many_parts(2000)
    assert len(big) > 30 * 1024 * 1024
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        daemon.wait_for_log("connected: IMAP")
        dovecot.append("INBOX", big)
        dovecot.append("INBOX", parts)
        wait_until(lambda: len(stored_ids(state)) == 2, 60, "both stored")
        assert daemon.stop() == 0
    got = dict(rows(state, "select message_id, sha256 from message"))
    assert got["<big@test.vara.se>"] == hashlib.sha256(big).hexdigest()
    assert got["<parts@test.vara.se>"] == hashlib.sha256(parts).hexdigest()
    assert (state / "raw" / f"{got['<big@test.vara.se>']}.eml").read_bytes() == big


def test_refused_login_is_reported_not_retried_in_a_tight_loop(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot, login_failure_backoff=60)
    (tmp_path / "mailbot.password").write_text("wrong password\n")
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        daemon.wait_for_log("IMAP login as")
        time.sleep(3)
        log = daemon.log()
        assert log.count("IMAP login as") == 1, log
        assert "mailbot-test-password" not in log and "wrong password" not in log
        assert "Next try in 60 s" in log
        assert daemon.stop() == 0  # and it still stops promptly while waiting


def test_sigterm_while_busy_finishes_the_current_message(tmp_path: Path, dovecot: Dovecot):
    state = tmp_path / "state"
    config = imap_config(tmp_path / "mailbot.toml", dovecot, batch_size=5)
    with dovecot.client("INBOX") as imap:
        for i in range(200):
            imap.append("INBOX", numbered(i, "t"))
    stop_at = threading.Event()
    with DaemonProcess(state, config=config) as daemon:
        daemon.start()
        wait_until(lambda: len(stored_ids(state)) >= 10, 30, "some stored")
        stop_at.set()
        assert daemon.stop(signal.SIGTERM, timeout=15) == 0
        stored = len(stored_ids(state))
        # every stored mail was also handled on the server: nothing half-done
        assert dovecot.count(HANDLED) == stored
        assert rows(state, "select count(*) from message_source where action_done = 0") == [(0,)]
        daemon.start()
        wait_until(lambda: len(stored_ids(state)) == 200, 60, "the rest after restart")
        assert daemon.stop() == 0
