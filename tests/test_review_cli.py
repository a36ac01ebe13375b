"""The review queue through the real CLI: list, show, apply (with corrections), dismiss."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import mailbot, messages_json

CORPUS = Path(__file__).resolve().parent / "corpus"


def _ingest(state: Path) -> list[dict[str, object]]:
    res = mailbot("ingest", "--state", state, CORPUS, timeout=600)
    assert res.returncode == 0, res.stderr
    listed = mailbot("review", "list", "--state", state, "--json")
    assert listed.returncode == 0, listed.stderr
    items: list[dict[str, object]] = json.loads(listed.stdout)
    return items


def test_review_apply_and_dismiss_are_kept_with_who_decided(tmp_path: Path) -> None:
    state = tmp_path / "state"
    waiting = _ingest(state)
    expected = sorted(
        json.loads(p.read_text())["message_id"]
        for p in CORPUS.glob("*.json")
        if json.loads(p.read_text())["disposition"] == "needs_review"
    )
    by_id = {m["id"]: m for m in messages_json(state)}
    assert sorted(by_id[i["id"]]["message_id"] for i in waiting) == expected
    assert all(item["why"] for item in waiting)

    # A consultancy's member list: the coordinator knows them and applies it.
    consultancy = next(i for i in waiting if "member_list" in i["kinds"])
    shown = mailbot("review", "show", str(consultancy["id"]), "--state", state, "--json")
    assert json.loads(shown.stdout)["understanding"]["members"]
    applied = mailbot(
        "review", "apply", str(consultancy["id"]), "--network", "grundskola",
        "--kind", "member_list", "--by", "Koordinatorn", "--state", state,
    )  # fmt: skip
    assert applied.returncode == 0, applied.stderr
    after = {m["id"]: m for m in messages_json(state)}[consultancy["id"]]
    assert after["state"] == "applied" and after["network"] == "grundskola"
    assert after["understanding"]["kinds"] == ["member_list"]

    other = next(i for i in waiting if i["id"] != consultancy["id"])
    dismissed = mailbot(
        "review", "dismiss", str(other["id"]), "--reason", "dubblett", "--by", "Koordinatorn",
        "--state", state,
    )  # fmt: skip
    assert dismissed.returncode == 0, dismissed.stderr
    gone = {m["id"]: m for m in messages_json(state)}[other["id"]]
    assert gone["state"] == "ignored" and "dubblett" in gone["reason"]
    shown = json.loads(
        mailbot("review", "show", str(other["id"]), "--state", state, "--json").stdout
    )
    assert shown["decisions"][0]["by"] == "Koordinatorn"
    # decided once: a second decision is refused
    again = mailbot("review", "dismiss", str(other["id"]), "--reason", "x", "--state", state)
    assert again.returncode == 1 and "not waiting for review" in again.stderr
    left = json.loads(mailbot("review", "list", "--state", state, "--json").stdout)
    assert len(left) == len(waiting) - 2
