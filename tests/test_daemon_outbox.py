"""`mailbot run` on its embedded default sends what is due: a receipt for an applied
mail, this week's digest at start (a catch-up tick), each once, as .eml files in
state/outbox/, and says where outgoing mail goes when it starts."""

from __future__ import annotations

import email
import email.policy
import re
import signal
from email.utils import format_datetime
from pathlib import Path

from tests.support.daemon import DaemonProcess, wait_until

SCENARIO = Path(__file__).resolve().parent / "scenario_year" / "mails"


def _outgoing(state: Path) -> list[email.message.EmailMessage]:
    folder = state / "outbox"
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, email.message.EmailMessage)
        found.append(message)
    return found


def _sent_now(path: Path) -> bytes:
    """The scenario's member list, as if sent a minute ago."""
    from datetime import UTC, datetime, timedelta

    raw = path.read_bytes()
    now = format_datetime(datetime.now(UTC) - timedelta(minutes=1)).encode()
    return re.sub(rb"(?m)^Date: .*$", b"Date: " + now, raw, count=1)


def test_daemon_sends_a_receipt_and_the_weekly_digest_once(tmp_path: Path) -> None:
    state = tmp_path / "state"
    # This week's digest is due from Monday 00:00 on, whatever the wall clock says.
    # The coordinators as an operator writes a list in the environment: comma-separated.
    env = {
        "MAILBOT_OUTBOX__DIGEST_TIME": "00:00",
        "MAILBOT_OUTBOX__DAILY_TIME": "00:00",
        "MAILBOT_OUTBOX__COORDINATORS": "samordnare@skaraborg.se, utbildning@skaraborg.se",
    }
    with DaemonProcess(state, env=env) as daemon:
        daemon.start()
        assert "written as .eml files to" in daemon.log()
        assert str(state / "outbox") in daemon.log()
        # The start is a catch-up tick: this week's digest, once.
        wait_until(
            lambda: any(m["X-Mailbot-Kind"] == "digest" for m in _outgoing(state)),
            20,
            "the digest",
        )
        mail = SCENARIO / "001-introduktionsprogrammen-forteckning-docx.eml"
        (state / "inbox" / "new" / "lista.eml").write_bytes(_sent_now(mail))
        wait_until(
            lambda: any(m["X-Mailbot-Kind"] == "receipt" for m in _outgoing(state)),
            20,
            "the receipt",
        )
        receipt = next(m for m in _outgoing(state) if m["X-Mailbot-Kind"] == "receipt")
        assert receipt["To"].addresses[0].addr_spec == "sara.bergkvist@lidkoping.se"
        assert receipt["Auto-Submitted"] == "auto-generated"
        assert receipt["X-Auto-Response-Suppress"] == "All"
        body = receipt.get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        assert "Medlemsförteckning med 10 medlemmar" in text
        assert "Ordförande: Johan Ekström" in text
        assert daemon.stop(signal.SIGTERM) == 0
        kinds = sorted(str(m["X-Mailbot-Kind"]) for m in _outgoing(state))
        # A restart plans nothing twice.
        daemon.start()
        daemon.wait_for_log("ready: ")
        assert daemon.stop(signal.SIGTERM) == 0
        assert sorted(str(m["X-Mailbot-Kind"]) for m in _outgoing(state)) == kinds
        # One digest a coordinator (two, from a comma-separated list), one receipt.
        assert kinds.count("digest") == 2 and kinds.count("receipt") == 1
        digests = [m for m in _outgoing(state) if m["X-Mailbot-Kind"] == "digest"]
        assert sorted(m["To"].addresses[0].addr_spec for m in digests) == [
            "samordnare@skaraborg.se",
            "utbildning@skaraborg.se",
        ]
