"""A simulated year (tests/scenario_year/, written independently of the code): its mail
taken in with `mailbot ingest`, then `mailbot status --json --today D` at checkpoints
compared with what a careful coordinator expects on day D."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import mailbot, mailbot_here, messages_json

SCENARIO = Path(__file__).resolve().parent / "scenario_year"


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCENARIO / "expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    state = tmp_path_factory.mktemp("scenario") / "state"
    res = mailbot("ingest", "--state", state, SCENARIO / "mails", timeout=900)
    assert res.returncode == 0, res.stderr
    confirm_removals(state)
    return state


def confirm_removals(state: Path) -> None:
    """The coordinator's part: mailbot sends removals (a cancelled meeting, someone
    leaving) to review by design; a coordinator confirms them. The fold places them at
    the time the mail was sent, so the picture on later checkpoints is as expected."""
    waiting = json.loads(mailbot("review", "list", "--state", state, "--json").stdout)
    for item in waiting:
        why = " ".join(item["why"])
        if "cancelled" in why or "leaves the network" in why:
            done = mailbot(
                "review", "apply", str(item["id"]), "--by", "koordinator", "--state", state
            )
            assert done.returncode == 0, done.stderr


def _status(state: Path, day: str) -> dict[str, dict[str, Any]]:
    res = mailbot_here("status", "--state", state, "--today", day, "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["today"] == day
    return {n["network"]: n for n in data["networks"]}


def _meeting_of(subject: str) -> str | None:
    for word in subject.replace("(", " ").replace(")", " ").split():
        if len(word) >= 10 and word[:4].isdigit() and word[4] == "-":
            return word[:10]
    return None


def _pairs(findings: list[dict[str, Any]], rules: set[str]) -> set[tuple[str, str | None, str]]:
    return {
        (f["rule"], f.get("meeting", _meeting_of(f.get("subject", ""))), f["severity"])
        for f in findings
        if f["rule"] in rules
    }


def test_status_at_each_checkpoint(state: Path, expected: dict[str, Any]) -> None:
    rules = set(expected["checked_rules"])
    problems = []
    for point in expected["checkpoints"]:
        day = point["today"]
        got = _status(state, day)
        for slug, want in point["networks"].items():
            have = got[slug]
            for key in ("meetings_required", "meetings_held", "meetings_planned"):
                if have[key] != want[key]:
                    problems.append(f"{day} {slug} {key}: expected {want[key]}, got {have[key]}")
            wanted = _pairs(want["findings"], rules)
            tolerated = _pairs(want.get("tolerated_findings", []), rules)
            found = {
                (f["rule"], _meeting_of(f["subject"]) if f["rule"] in _PER_MEETING else None,
                 f["severity"])
                for f in have["findings"]
                if f["rule"] in rules
            }  # fmt: skip
            if not wanted <= found or not found <= wanted | tolerated:
                problems.append(
                    f"{day} {slug}: missing {sorted(wanted - found, key=str)}, "
                    f"unexpected {sorted(found - wanted - tolerated, key=str)}"
                )
    assert not problems, "\n".join(problems)


_PER_MEETING = {"protocol-missing", "meeting-weekday"}


def test_members_and_review_at_each_checkpoint(state: Path, expected: dict[str, Any]) -> None:
    problems = []
    for point in expected["checkpoints"]:
        day = point["today"]
        for slug, want in point["networks"].items():
            res = mailbot_here("network", slug, "--state", state, "--today", day, "--json")
            assert res.returncode == 0, res.stderr
            have = {(m["name"], m["role"]) for m in json.loads(res.stdout)["members"]}
            wanted = {(m["name"], m["role"]) for m in want["members"]}
            if have != wanted:
                problems.append(
                    f"{day} {slug} members: missing {sorted(wanted - have)}, "
                    f"extra {sorted(have - wanted)}"
                )
    waiting = {m["message_id"] for m in messages_json(state, "--status", "needs_review")}
    must_wait = {mid for point in expected["checkpoints"] for mid in point["needs_review"]}
    only_apply = {m["message_id"] for m in expected["mails"] if m.get("disposition") == ["apply"]}
    for mid in sorted(must_wait - waiting):
        problems.append(f"{mid} should wait for review")
    for mid in sorted(waiting & only_apply):
        problems.append(f"{mid} waits for review but should have been applied")
    assert not problems, "\n".join(problems)


def test_the_same_mail_in_another_order_or_twice_gives_the_same_picture(
    state: Path, expected: dict[str, Any], tmp_path: Path
) -> None:
    mails = sorted((SCENARIO / "mails").glob("*.eml"), reverse=True)
    other = tmp_path / "reverse"
    for i, mail in enumerate(mails):  # reversed order, copied one by one
        target = tmp_path / "in" / f"{i:03}-{mail.name}"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(mail, target)
    assert mailbot("ingest", "--state", other, tmp_path / "in", timeout=900).returncode == 0
    assert mailbot("ingest", "--state", other, SCENARIO / "mails", timeout=900).returncode == 0
    confirm_removals(other)
    for point in expected["checkpoints"]:
        assert _status(other, point["today"]) == _status(state, point["today"])
