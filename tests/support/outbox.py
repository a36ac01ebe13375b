"""Helpers for the outbox delivery tests: configs, an in-process tick, reading rows and mail.

The tests talk to real servers (aiosmtpd, Dovecot); these helpers only write the
configuration an operator would write, and read what mailbot stored or sent.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from mailbot.app import App
from mailbot.config import load_settings
from mailbot.outbox.store import as_json
from mailbot.ticker import Ticker, TickReport
from tests.support.cli import REPO, clean_env, mailbot
from tests.support.dovecot import Dovecot
from tests.support.smtp import SmtpServer

RULES = REPO / "rules"
SCENARIO = REPO / "tests" / "scenario_year" / "mails"
# January 2025 of the scenario year: the member list (chair Johan Ekström, secretary Sara
# Bergkvist) and the meeting plan, whose first meeting is Thursday 23 January.
INTRO_MAILS = (
    SCENARIO / "001-introduktionsprogrammen-forteckning-docx.eml",
    SCENARIO / "002-introduktionsprogrammen-motesplan.eml",
)
NETWORK = "introduktionsprogrammen"
CHAIR = "johan.ekstrom@skovde.se"
SECRETARY = "sara.bergkvist@lidkoping.se"
MAILBOX = "utbildning@skaraborg.se"
MEETING = date(2025, 1, 23)
# rules/introduktionsprogrammen.toml: remind_chair_days_before = 10.
REMINDER_DAY = date(2025, 1, 13)
OUTBOX_KEYS = {
    "id", "kind", "network", "to", "cc", "subject", "about", "key", "state", "message_id",
    "created", "sent",
}  # fmt: skip

# Only the meeting reminder on REMINDER_DAY: no receipts, and the weekly digest is due
# only late on Sundays (REMINDER_DAY is a Monday).
QUIET = {"receipts": False, "digest_weekday": 7, "digest_time": "23:59"}


def toml_section(name: str, values: dict[str, Any]) -> str:
    lines = [f"[{name}]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def write_config(
    path: Path,
    *,
    smtp: SmtpServer | None = None,
    imap: Dovecot | None = None,
    quiet: bool = True,
    **outbox: Any,
) -> Path:
    """A mailbot.toml: [smtp] at the test server (plain, no AUTH), [imap] at the test
    Dovecot (password in a file), [outbox] with `QUIET` (unless quiet=False) and `outbox`."""
    parts = []
    if smtp is not None:
        parts.append(
            toml_section(
                "smtp",
                {"host": smtp.host, "port": smtp.port, "security": "plain", "timeout": 10},
            )
        )
    if imap is not None:
        secret = path.with_suffix(".imap-password")
        secret.write_text(imap.password + "\n", encoding="utf-8")
        parts.append(
            toml_section(
                "imap",
                {
                    "host": imap.host,
                    "port": imap.port,
                    "security": "plain",
                    "user": imap.user,
                    "password_file": str(secret),
                    "handled": "leave",
                    "timeout": 10,
                },
            )
        )
    # Not quiet: the digest goes to the mailbox as the coordinator (with no coordinator
    # configured, mailbot sends no digest at all).
    loud = {"coordinators": [MAILBOX]}
    values = {**(QUIET if quiet else loud), **outbox}
    if values:
        parts.append(toml_section("outbox", values))
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def copy_state(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


@contextmanager
def open_app(config: Path, state: Path) -> Iterator[App]:
    settings = load_settings(config, state_dir=state, rules_dir=RULES)
    app = App(settings)
    try:
        yield app
    finally:
        if "engine" in app.__dict__:
            app.engine.dispose()


def tick(config: Path, state: Path, day: date, **kw: Any) -> TickReport:
    """What `mailbot tick --today DAY --no-intake` does, in this process (for timing)."""
    with open_app(config, state) as app:
        ticker = Ticker(app)
        ticker.recover(day)
        return ticker.run(day, **kw)


def rows(config: Path, state: Path) -> list[dict[str, Any]]:
    """The `outbox list --json` objects, read in this process."""
    with open_app(config, state) as app:
        return [as_json(r) for r in app.outbox.items()]


def row_detail(config: Path, state: Path, item: int) -> dict[str, Any]:
    """Fields `outbox show --json` has beyond `outbox list`, read in this process."""
    with open_app(config, state) as app:
        row = next(r for r in app.outbox.items() if r.id == item)
        return {
            **as_json(row),
            "message_id": row.message_id,
            "attempts": row.attempts,
            "next_attempt_at": row.next_attempt_at,
            "last_error": row.last_error,
            "history": row.history.splitlines(),
            "copied_to_sent": row.copied_to_sent,
            "mime": row.mime,
        }


def cli(*args: str | Path, config: Path, state: Path, **env: str) -> Any:
    """`mailbot ARGS --config C --state S` in a subprocess; asserts exit 0."""
    res = mailbot(*args, "--config", config, "--state", state, env=clean_env(**env))
    assert res.returncode == 0, (res.returncode, res.stdout, res.stderr)
    return res


def cli_json(*args: str | Path, config: Path, state: Path) -> Any:
    return json.loads(cli(*args, "--json", config=config, state=state).stdout)


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def message_ids(server: SmtpServer) -> list[str]:
    return [str(parse(m.data)["Message-ID"]) for m in server.messages]


def drop_in_inbox(state: Path, name: str, raw: bytes) -> Path:
    """Deliver a mail to the embedded default's Maildir, old enough to be taken at once."""
    new = state / "inbox" / "new"
    for sub in ("new", "cur", "tmp"):
        (state / "inbox" / sub).mkdir(parents=True, exist_ok=True)
    path = new / name
    path.write_bytes(raw)
    os.utime(path, (path.stat().st_atime - 60, path.stat().st_mtime - 60))
    return path


def sent_folder_ids(server: Dovecot, folder: str = "Sent") -> list[tuple[str, set[bytes]]]:
    """(Message-ID, flags) of every mail in the folder."""
    with server.client() as imap:
        if not imap.folder_exists(folder):
            return []
        imap.select_folder(folder, readonly=True)
        uids = imap.search(["ALL"])
        if not uids:
            return []
        fetched = imap.fetch(uids, ["FLAGS", "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    found = []
    for uid in sorted(fetched):
        data = fetched[uid]
        header = next(v for k, v in data.items() if k.startswith(b"BODY[HEADER"))
        found.append((str(parse(bytes(header))["Message-ID"]), set(data[b"FLAGS"])))
    return found
