"""`mailbot digest --preview` on a real store (the scenario year, taken in with `mailbot
ingest`): the HTML file it writes, rendered in headless Chromium and read back by OCR,
shows every network's row with its status, and the text says what waits for review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mailbot.outbox.render import STATUS_WORDS
from tests.support.chromium import assert_rows_visible
from tests.support.cli import mailbot

SCENARIO = Path(__file__).resolve().parent / "scenario_year"
NAMES = {
    "anpassad-skola": "Anpassad skola",
    "forskola": "Förskola",
    "grundskola": "Grundskola",
    "introduktionsprogrammen": "Introduktionsprogrammen",
    "vuxenutbildning": "Vuxenutbildning",
}
BEHIND = {
    "meeting-count-behind",
    "protocol-missing",
    "member-list-missing",
    "meeting-dates-missing",
}


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    state = tmp_path_factory.mktemp("digest") / "state"
    res = mailbot("ingest", "--state", state, SCENARIO / "mails", timeout=900)
    assert res.returncode == 0, res.stderr
    return state


def _expected_words(state: Path, day: str) -> dict[str, str]:
    """Each network's status in the coordinator's words, from `status --json`: behind when
    one of the network's own duties is open, attention for any other finding."""
    res = mailbot("status", "--state", state, "--today", day, "--json")
    assert res.returncode == 0, res.stderr
    words = {}
    for network in json.loads(res.stdout)["networks"]:
        rules = {f["rule"] for f in network["findings"]}
        code = "behind" if rules & BEHIND else "attention" if rules else "on-track"
        words[NAMES[network["network"]]] = STATUS_WORDS[code]
    return words


def test_digest_preview_shows_every_network_in_chromium(state: Path, tmp_path: Path) -> None:
    day = "2025-10-06"
    res = mailbot("digest", "--preview", "--today", day, "--state", state)
    assert res.returncode == 0, res.stderr
    path = Path(res.stdout.strip())
    assert path.is_file() and path.suffix == ".html"
    html = path.read_text(encoding="utf-8")
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert "vecka 41" in text
    # The mail from an unknown Gmail address waits for review, with why, in Swedish.
    assert "VÄNTAR PÅ GRANSKNING" in text and "okänd avsändare" in text
    words = _expected_words(state, day)
    assert set(words.values()) != {STATUS_WORDS["on-track"]}  # the check means something
    assert_rows_visible(
        html,
        list(words),
        tmp_path,
        row_words=words,
        height=4000,
        keep_as="digest-scenario-2025-10-06.png",
    )
