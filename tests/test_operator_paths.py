"""The operator's first hour (issue 10), through the real `mailbot` command.

- Lists from the environment are comma-separated (JSON too); a bad value is one
  sentence naming the variable; a `MAILBOT_*` variable that names no setting is warned
  about.
- One broken rules file stops only its own network: named in one sentence, shown as
  broken in `status` and the digest; `mailbot check` says so and exits non-zero.
- A second daemon on a state refuses to start, and so does a `tick` beside a daemon.
- A dry run records only `dry-run` rows, and nothing it planned is ever sent unless the
  operator retries it; `outbox show` and `outbox list` agree on `sent`.
- A first start on an empty store catches up quietly: the backlog is recorded
  (`skipped`), not sent; what a person needs that day still goes.
- Without coordinators, no digest is sent to the mailbox, and `check` says so.
"""

from __future__ import annotations

import json
import shutil
import signal
from datetime import date
from pathlib import Path

from mailbot.app import App
from mailbot.config import load_settings
from mailbot.models import OutboxState
from tests.support.cli import REPO, clean_env, mailbot
from tests.support.daemon import DaemonProcess
from tests.support.outbox import INTRO_MAILS, SCENARIO

RULES = REPO / "rules"
MAILS = sorted(SCENARIO.glob("*.eml"))


def _ok(*args: str | Path, **env: str) -> tuple[str, str]:
    res = mailbot(*args, env=clean_env(**env))
    assert res.returncode == 0, (args, res.stdout, res.stderr)
    return res.stdout, res.stderr


def _flat(text: str) -> str:
    return " ".join(text.split())


# -- the environment -----------------------------------------------------------------


def test_lists_from_the_environment_and_variables_that_name_nothing(tmp_path: Path) -> None:
    out, err = _ok(
        "config",
        "--state",
        tmp_path / "state",
        MAILBOT_OUTBOX__COORDINATORS="a@skovde.se, b@hjo.se",
        MAILBOT_IMAP__FOLDERS="INBOX",
        MAILBOT_TRUST__DOMAINS='["skovde.se", "hjo.se"]',
        MAILBOT_IMAP_HOST="imap.example.se",  # a single underscore: names no setting
    )
    shown = json.loads(out)
    assert shown["outbox"]["coordinators"] == ["a@skovde.se", "b@hjo.se"]
    assert shown["imap"]["folders"] == ["INBOX"]
    assert shown["trust"]["domains"] == ["skovde.se", "hjo.se"]
    assert shown["imap"]["host"] == ""
    assert "MAILBOT_IMAP_HOST names no setting and is ignored" in _flat(err)

    res = mailbot("config", env=clean_env(MAILBOT_LIMITS__MAX_PARTS="många"))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    message = _flat(res.stderr)
    assert message.startswith("error: invalid configuration: limits.max_parts (from ")
    assert "MAILBOT_LIMITS__MAX_PARTS" in message
    assert len(res.stderr.strip().splitlines()) <= 3  # one sentence, wrapped by the terminal


# -- a broken rules file -------------------------------------------------------------


def test_one_broken_rules_file_stops_only_its_network(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    broken = rules / "grundskola.toml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("per_year = 4", 'per_year = "fyra"'),
        encoding="utf-8",
    )
    state = tmp_path / "state"
    _ok("ingest", *INTRO_MAILS, "--state", state, "--rules", rules)
    out, err = _ok("status", "--json", "--today", "2025-03-03", "--state", state, "--rules", rules)
    status = json.loads(out)
    assert "grundskola" not in {n["network"] for n in status["networks"]}
    assert len(status["networks"]) == 4
    (entry,) = status["broken"]
    assert entry["network"] == "grundskola"
    assert "grundskola.toml:" in entry["problems"][0] and "per_year" in entry["problems"][0]
    assert "Traceback" not in err

    out, _ = _ok("status", "--today", "2025-03-03", "--state", state, "--rules", rules)
    assert "not checked: its rules file is broken" in _flat(out)

    res = mailbot("check", "--state", state, "--rules", rules, env=clean_env())
    assert res.returncode == 1
    assert "rules: BROKEN" in _flat(res.stderr) and "grundskola.toml" in res.stderr

    out, _ = _ok("digest", "--preview", "--today", "2025-03-03", "--state", state, "--rules", rules)
    html = Path(out.strip()).read_text(encoding="utf-8")
    assert "regelfilen grundskola.toml går inte att läsa" in html


# -- one daemon per state --------------------------------------------------------------


def test_a_second_daemon_and_a_tick_beside_it_refuse(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with DaemonProcess(state) as daemon:
        daemon.start()
        second = mailbot("run", "--state", state, env=clean_env())
        assert second.returncode == 2
        message = _flat(second.stderr)
        assert "mailbot run (pid " in message and "is already running on" in message
        assert "Traceback" not in second.stderr
        tick = mailbot("tick", "--today", "2025-01-13", "--state", state, env=clean_env())
        assert tick.returncode == 2
        assert "is already running on" in _flat(tick.stderr)
        assert daemon.stop(signal.SIGTERM) == 0
    # Once it has stopped, the lock is free again.
    _ok("tick", "--today", "2025-01-13", "--no-intake", "--dry-run", "--state", state)


# -- dry run, first start, coordinators -------------------------------------------------


def _app(state: Path, config: Path | None = None) -> App:
    return App(load_settings(config, state_dir=state, rules_dir=RULES))


def test_a_dry_run_never_sends_what_it_planned(tmp_path: Path) -> None:
    state = tmp_path / "state"
    config = tmp_path / "mailbot.toml"
    # A cap of one: under the old rules the capped rows stayed pending after a dry run.
    config.write_text(
        '[outbox]\ncoordinators = ["samordnare@skaraborg.se"]\nper_recipient_daily_cap = 1\n',
        encoding="utf-8",
    )
    _ok("ingest", *MAILS[:6], "--state", state, "--config", config)
    out, _ = _ok(
        "tick", "--today", "2025-02-17", "--dry-run", "--no-intake", "--json",
        "--state", state, "--config", config,
    )  # fmt: skip
    # (A first start on an empty store: the backlog is `skipped`, the rest `dry-run`.)
    planned = [r for r in json.loads(out) if r["state"] != "skipped"]
    assert planned and {r["state"] for r in planned} == {"dry-run"}
    assert all(r["sent"] is None for r in json.loads(out))
    # Real ticks afterwards (the same day and later) send none of them.
    _ok(
        "tick",
        "--today",
        "2025-02-17",
        "--send",
        "--no-intake",
        "--state",
        state,
        "--config",
        config,
    )
    _ok(
        "tick",
        "--today",
        "2025-02-18",
        "--send",
        "--no-intake",
        "--state",
        state,
        "--config",
        config,
    )
    listed = json.loads(_ok("outbox", "list", "--json", "--state", state, "--config", config)[0])
    by_id = {r["id"]: r for r in listed}
    assert {by_id[r["id"]]["state"] for r in planned} == {"dry-run"}
    # `show` and `list` agree: a dry-run row was never sent.
    shown = json.loads(
        _ok(
            "outbox", "show", str(planned[0]["id"]), "--json", "--state", state, "--config", config
        )[0]
    )
    assert shown["sent"] is None and shown["state"] == "dry-run"
    # The operator says so: then it goes.
    _ok("outbox", "retry", str(planned[0]["id"]), "--state", state, "--config", config)
    listed = json.loads(_ok("outbox", "list", "--json", "--state", state, "--config", config)[0])
    assert {r["id"]: r for r in listed}[planned[0]["id"]]["state"] == "sent"


def test_a_first_start_catches_up_quietly(tmp_path: Path) -> None:
    state = tmp_path / "state"
    config = tmp_path / "mailbot.toml"
    config.write_text('[outbox]\ncoordinators = ["samordnare@skaraborg.se"]\n', encoding="utf-8")
    app = _app(state, config)
    from mailbot.sources.files import ingest_paths
    from mailbot.ticker import Ticker

    ingest_paths(MAILS, app.intake, exclude=state)
    app.pipeline.run_pending()
    # A first start in mid-September: a year of backlog (late protocols, missing lists,
    # a network behind, overdue deliverables) exists; it is recorded, not sent.
    first = Ticker(app).run(date(2025, 9, 29))
    assert first.quiet
    ids = {r.id for r in first.planned}
    states = {(r.kind, r.state) for r in app.outbox.items() if r.id in ids}
    backlog = {"protocol-reminder", "meetings-behind", "member-list-missing"}
    assert {k for k, s in states if s == OutboxState.SKIPPED.value} >= backlog & {
        k for k, _ in states
    }
    assert not {k for k, s in states if s == OutboxState.SENT.value} & backlog
    sent_kinds = {k for k, s in states if s == OutboxState.SENT.value}
    assert "digest" in sent_kinds  # the picture goes to the coordinator
    # The next day is no first start: what becomes due from then on goes as usual, and
    # the skipped topics keep their rhythm (no second notice the day after).
    later = Ticker(app).run(date(2025, 9, 30))
    assert not later.quiet
    assert not {r.topic for r in later.planned} & {r.topic for r in first.planned}
    app.engine.dispose()


def test_without_coordinators_no_digest_goes_to_the_mailbox(tmp_path: Path) -> None:
    state = tmp_path / "state"
    _ok("ingest", *INTRO_MAILS, "--state", state)
    out, _ = _ok("tick", "--today", "2025-01-13", "--no-intake", "--json", "--state", state)
    kinds = [r["kind"] for r in json.loads(out)]
    assert "digest" not in kinds and "meeting-reminder" in kinds
    res = mailbot("check", "--state", state, env=clean_env())
    assert "no coordinators configured" in _flat(res.stderr)
