"""Protocols and minnesanteckningar: the date of the meeting and who was there.

A protocol names its meeting near the top ("Protokoll nätverksträff 2025-03-14",
"Datum: fredag 14 mars"), lists those present under "Närvarande" (or "Deltagare"),
and those absent under "Frånvarande" / "Anmält förhinder", which must not count.
"""

from __future__ import annotations

import re
from datetime import date

from mailbot.parse.swedish_dates import find_dates
from mailbot.understand.members import (
    EMAIL,
    clean_name,
    is_person_name,
    municipality_of,
)

_PRESENT = re.compile(
    r"^\s*(?:närvarande(?:\s+(?:ledamöter|deltagare|medlemmar))?|deltagare|deltog|"
    r"närvarolista|present)\b\s*:?\s*(.*)$",
    re.IGNORECASE,
)
# Lines that start another section and so end the list of those present.
_SECTION = re.compile(
    r"^\s*(?:frånvarande|ej närvarande|anmält förhinder|anmälda förhinder|förhinder|"
    r"frånvaro|ej närvarande|övriga|adjungerad\w*|gäst\w*|inbjudna|dagordning|agenda|"
    r"plats|tid|datum|lokal|ordförande|sekreterare|justerare|justering|protokollförare|"
    r"vid protokollet|mötets|§|\d+\s*[.)§]|\d+\s+\S|punkt|ärende|information|beslut|"
    r"nästa möte|nästa träff|kommande|fråga)",
    re.IGNORECASE,
)
_HEADING_DATE_HINT = re.compile(
    r"\b(?:protokoll|minnesanteckning\w*|mötesanteckning\w*|anteckningar|datum|tid|"
    r"nätverksträff|nätverksmöte|möte|träff|sammanträde)\b",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"\b(?:nästa|kommande|följande)\s+(?:möte|träff|nätverksträff|sammanträde)", re.I
)
# Front-page fields whose dates are not the meeting's: the adjustment, the notice
# board ("anslag ... uppsättande/nedtagande"), where the minutes are kept.
_NOT_THE_MEETING = re.compile(
    r"\b(?:juster\w*|utses att|anslag\w*|uppsättande|nedtagande|sätts upp|tas ned|"
    r"förvaringsplats\w*|underskrift\w*|paragrafer|datum för (?:anslag|justering)\w*|"
    r"expedierad\w*|skickad\w*|upprättad\w*)\b",
    re.IGNORECASE,
)
_MEETING_FIELD = re.compile(
    r"^\s*(?:sammanträdesdatum|mötesdatum|datum för (?:mötet|träffen|sammanträdet)|"
    r"plats och tid|tid och plats|sammanträdestid|datum och tid|tid\s*:)",
    re.IGNORECASE,
)
_ABSENT_MARK = re.compile(r"^\s*(?:x|ja|yes|närvarande|✓|✔|1)\s*$", re.IGNORECASE)


def protocol_date(text: str, reference: date, hints: list[str]) -> date | None:
    """The date of the meeting a protocol records.

    Searched first in the document's opening lines that carry a heading word
    ("Protokoll", "Datum", "Tid"), then in `hints` (file name, subject), then in any of
    the first lines. A "Nästa möte" line is never the protocol's own date.
    """
    lines = [
        line for line in text.split("\n") if line.strip() and not _NOT_THE_MEETING.search(line)
    ][:20]
    # The front page's own field first: "Sammanträdesdatum 2025-05-12", "Plats och tid".
    for line in lines:
        if _MEETING_FIELD.search(line) and not _NEXT.search(line):
            found = find_dates(line, reference, prefer="past")
            if found:
                return found[0].date
    for line in lines:
        if _NEXT.search(line) or not _HEADING_DATE_HINT.search(line):
            continue
        found = find_dates(line, reference, prefer="past")
        if found:
            return found[0].date
    for hint in hints:
        found = find_dates(hint.replace("_", " "), reference, prefer="past")
        if found:
            return found[0].date
    for line in lines[:8]:
        if _NEXT.search(line):
            continue
        found = find_dates(line, reference, prefer="past")
        if found:
            return found[0].date
    return None


def _names_in(chunk: str) -> list[str]:
    names: list[str] = []
    chunk = EMAIL.sub(" ", chunk)
    for part in re.split(r"[;\n]|,(?=\s*[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ])|\s[–—-]\s|\t", chunk):
        part = re.sub(r"\([^)]*\)", " ", part)  # "(Skövde)", "(ordf.)"
        part = part.split(",")[0]  # "Anna Berg, Skövde"
        part = re.sub(r"^\s*[-•*·▪◦]\s*", "", part)
        part = clean_name(part)
        if not part:
            continue
        if is_person_name(part):
            names.append(part)
            continue
        # "Anna Berg Skövde kommun" or "Anna Berg ordf": the leading words.
        words = part.split()
        for n in (3, 2):
            if len(words) > n and is_person_name(" ".join(words[:n])):
                tail = " ".join(words[n:])
                if municipality_of(tail) or not is_person_name(" ".join(words[: n + 1])):
                    names.append(" ".join(words[:n]))
                    break
    return names


def attendees_from_text(text: str) -> list[str]:
    """Names under "Närvarande" until the next section."""
    lines = text.split("\n")
    attendees: list[str] = []
    for i, line in enumerate(lines):
        match = _PRESENT.match(line)
        if not match:
            continue
        collected = [match.group(1)]
        blank_run = 0
        for follow in lines[i + 1 :]:
            if not follow.strip():
                blank_run += 1
                if blank_run >= 2 and any(c.strip() for c in collected):
                    break
                continue
            blank_run = 0
            if _SECTION.match(follow) or _PRESENT.match(follow):
                break
            collected.append(follow)
        for name in _names_in("\n".join(collected)):
            if name not in attendees:
                attendees.append(name)
        if attendees:
            break
    return attendees


def attendees_from_table(rows: list[list[str]]) -> list[str]:
    """A table of people with a "Närvarande"/"Närvaro" column marked x/ja."""
    if not rows:
        return []
    header = [c.strip().lower() for c in rows[0]]
    name_col = next((i for i, c in enumerate(header) if c.startswith(("namn", "deltagare"))), None)
    mark_col = next((i for i, c in enumerate(header) if c.startswith(("närvar", "deltog"))), None)
    if name_col is None or mark_col is None:
        return []
    names = []
    for row in rows[1:]:
        if max(name_col, mark_col) >= len(row):
            continue
        name = clean_name(row[name_col])
        if is_person_name(name) and _ABSENT_MARK.match(row[mark_col]):
            names.append(name)
    return names
