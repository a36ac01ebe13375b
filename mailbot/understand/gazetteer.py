"""Lexicons shipped in mailbot/data/: Sweden's 290 municipalities (SCB's list, so a
municipality is never read as part of a person's name, "Lilla Edet" included) and
the given names used in Sweden (Jörg Michael's name dictionary, GFDL, with a short list
of newer names), to accept a first name written alone and to see a surname written first.
Loaded once; matching folds case and diacritics the way people type (skovde = Skövde).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def fold(text: str) -> str:
    """Lower case without diacritics, for matching what people type (skovde = Skövde)."""
    if text.isascii():
        return text.lower()
    if len(text) <= 64:
        return _fold_short(text)
    return _fold(text)


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c)
    )


_fold_short = lru_cache(maxsize=8192)(_fold)


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def municipalities() -> dict[str, str]:
    """Folded name -> the municipality's name, for all 290 ("lilla edet" -> "Lilla Edet")."""
    found: dict[str, str] = {}
    for line in _lines("municipalities.tsv"):
        _code, name = line.split("\t", 1)
        found[fold(name)] = name
    return found


@cache
def _municipality_pattern() -> re.Pattern[str]:
    names = sorted(municipalities(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<!\w)(" + alternatives + r")(?:s)?(?:\s+kommun)?(?!\w)")


def municipality_in(text: str) -> str | None:
    """The first of Sweden's municipalities named in `text`, or None."""
    found = _municipality_pattern().search(fold(text))
    return municipalities()[found.group(1)] if found else None


def is_municipality(text: str) -> bool:
    """`text` is a municipality's name and nothing else ("Lilla Edet", "Skövde kommun")."""
    folded = re.sub(r"\s+kommun$", "", fold(text).strip(" ,.;:()"))
    return folded in municipalities() or folded.rstrip("s") in municipalities()


@cache
def given_names() -> frozenset[str]:
    """Folded given names: the dictionary's Swedish names (name<TAB>frequency) and the
    newer ones (several a line)."""
    names = {fold(line.split("\t", 1)[0]) for line in _lines("given_names_se.txt")}
    names.update(fold(word) for line in _lines("given_names_extra.txt") for word in line.split())
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """`word` is a given name used in Sweden; a compound one when each part is
    ("Ann-Charlotte", "Karl-Erik")."""
    folded = fold(word.strip())
    if folded in given_names():
        return True
    parts = folded.split("-")
    return len(parts) > 1 and all(part in given_names() for part in parts)
