"""The weekly digest as a coordinator sees it: rendered in headless Chromium, read back by OCR.

tests/test_render.py checks the digest's HTML as text.  Here the inlined HTML goes through
Debian's Chromium to a PNG (tests/support/chromium.py), and Tesseract must read every
network's row in it: the name followed by its status ("Behöver uppmärksamhet").  The second
test removes one network and proves the check can fail: that name must not be read.

Needs chromium and tesseract with Swedish data: `scripts/ensure-chromium` (run by `make test`).
Set MAILBOT_ARTIFACTS=DIR to keep the screenshots for a human to look at.
Each render takes ~1 s in Chromium and ~2.7 s in Tesseract on 2 cores.
"""

from __future__ import annotations

import copy
import html as html_lib
import re
from pathlib import Path
from typing import Any

from mailbot.outbox.render import STATUS_WORDS, Renderer
from mailbot.outbox.samples import sample_contexts
from tests.support.chromium import (
    assert_rows_visible,
    missing_names,
    missing_rows,
    normalise,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
REMOVED = "Anpassad skola"

# What Tesseract 5.3 read of the sample digest's network table (with its misreadings:
# "vuxenutbildning" in lower case, "o" for 0, "1 fas" for "I fas", the status wrapped).
OBSERVED_OCR = """\
Nätverk Läge Hållna Planerade Krav Anmärkningar
vuxenutbildning Efter o 3 6 2
Grundskola Behöver 1 1 4 1

uppmärksamhet
Förskola Behöver 1 3 4 1
uppmärksamhet
Anpassad skola I fas 1 3 4 o
Introduktionsprogrammen 1 fas 2 4 6 o
"""


def _digest() -> dict[str, Any]:
    return copy.deepcopy(sample_contexts()["digest"])


def _rows(context: dict[str, Any]) -> dict[str, str]:
    return {n["name"]: STATUS_WORDS[n["status"]] for n in context["networks"]}


def _visible_text(html: str) -> str:
    """The HTML without its head, tags and entities: what a browser could show at all."""
    body = re.sub(r"(?is)<head>.*?</head>", " ", html)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def _mentions(value: Any, name: str) -> bool:
    if isinstance(value, str):
        return name.casefold() in value.casefold()
    if isinstance(value, dict):
        return any(_mentions(v, name) for v in value.values())
    if isinstance(value, list):
        return any(_mentions(v, name) for v in value)
    return False


def _without_network(context: dict[str, Any], name: str) -> dict[str, Any]:
    """The context with the network gone: its row, and every list entry that names it."""
    return {
        key: [item for item in value if not _mentions(item, name)]
        if isinstance(value, list)
        else value
        for key, value in context.items()
    }


def test_every_network_row_is_visible(tmp_path: Path) -> None:
    context = _digest()
    rows = _rows(context)
    assert len(rows) == 5
    html = Renderer(TEMPLATES).render("digest", context).html

    text = assert_rows_visible(html, list(rows), tmp_path, row_words=rows, keep_as="digest.png")

    assert (tmp_path / "page.png").stat().st_size > 10_000
    assert missing_names(text, ["Veckoöversikt vecka 12", "Nätverken 2025"]) == []


def test_a_removed_network_is_not_visible(tmp_path: Path) -> None:
    context = _without_network(_digest(), REMOVED)
    rows = _rows(context)
    assert REMOVED not in rows and len(rows) == 4
    html = Renderer(TEMPLATES).render("digest", context).html
    # Not anywhere a browser could show it, so OCR reading it would be a false positive.
    assert normalise(REMOVED) not in normalise(_visible_text(html))

    assert_rows_visible(
        html,
        list(rows),
        tmp_path,
        row_words=rows,
        absent=[REMOVED],
        keep_as="digest-without-anpassad-skola.png",
    )


def test_tolerance_on_what_tesseract_read() -> None:
    """The matching, without Chromium: misreadings pass, wrong rows and names do not."""
    rows = _rows(_digest())
    assert missing_names(OBSERVED_OCR, rows) == []
    assert missing_rows(OBSERVED_OCR, rows) == []
    # ö read as é, one letter dropped: within one edit per eight letters.
    assert missing_names("Férskola Grundskla", ["Förskola", "Grundskola"]) == []
    # Every row must carry its own status, not the next row's.
    for name, words in [
        ("Grundskola", "I fas"),
        ("Vuxenutbildning", "Behöver uppmärksamhet"),
        ("Förskola", "Efter"),
        ("Anpassad skola", "Behöver uppmärksamhet"),
    ]:
        assert missing_rows(OBSERVED_OCR, {name: words}, others=rows) == [
            f"{name!r} without {words!r}"
        ]
    # A network that is not there, and a different one that resembles a present one.
    absent = ["Gymnasieskola", "Grundsärskola", "Förskoleklass"]
    assert missing_names(OBSERVED_OCR, absent) == absent
    assert normalise("Behöver uppmärksamhet, 1 fas") == "behoveruppmarksamhetifas"
