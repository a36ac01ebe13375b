"""Splitting an mbox file into mails, strictly.

The standard library's `mailbox.mbox` starts a new mail at every line beginning with
"From ", so an unescaped "From time to time" in a body splits one mail in two. Here a
separator is a "From " line that carries an asctime date ("From sender Sun Aug  7
11:40:37 2022 ..."), at the start of the file or after an empty line: what mbox
writers produce, and what a body line almost never is. Streams line by line, so a
large archive is never held in memory whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_SEPARATOR = re.compile(
    rb"^From \S*.*?("
    + _DAY.encode()
    + rb" "
    + _MONTH.encode()
    + rb" [ \d]?\d \d\d:\d\d(?::\d\d)? (?:[A-Z]{3,4} |[+-]\d{4} )?\d{4})"
)


def is_separator(line: bytes) -> bool:
    return bool(_SEPARATOR.match(line))


def separator_date(line: bytes) -> datetime | None:
    match = _SEPARATOR.match(line)
    if not match:
        return None
    words = match.group(1).decode("ascii").split()
    text = " ".join(w for w in words if not re.fullmatch(r"[A-Z]{3,4}|[+-]\d{4}", w))
    for fmt in ("%a %b %d %H:%M:%S %Y", "%a %b %d %H:%M %Y"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def looks_like_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return is_separator(fh.readline(4096))
    except OSError:
        return False


def split_mbox(path: Path) -> Iterator[tuple[bytes, datetime | None]]:
    """Each mail's bytes (without its From_ line) and the From_ line's date."""
    current: list[bytes] = []
    date: datetime | None = None
    started = False
    previous_blank = True
    with path.open("rb") as fh:
        for line in fh:
            if previous_blank and is_separator(line):
                if started:
                    yield _finish(current), date
                current, date, started = [], separator_date(line), True
                previous_blank = False
                continue
            current.append(line)
            previous_blank = line in (b"\n", b"\r\n")
    if started or current:
        yield _finish(current), date


def _finish(lines: list[bytes]) -> bytes:
    # The empty line before the next From_ line belongs to the mbox format, not the mail.
    if lines and lines[-1] in (b"\n", b"\r\n"):
        lines = lines[:-1]
    return b"".join(lines)
