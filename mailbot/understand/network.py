"""Which network a mail is about, from the aliases in rules/, weighed by where they stand.

A name in the subject or an attachment's file name or heading is strong evidence; a
name in running text is weak (a förskola protocol may well mention "grundskolan").
All aliases of all networks form one pattern, longest first, so "anpassad grundskola"
is read as anpassad-skola and never also as grundskola.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from mailbot.rules import Network

# Weight per place; repeated mentions in one place count once (body: up to 2).
WEIGHTS = {"subject": 4.0, "filename": 3.0, "heading": 3.0, "body": 1.0, "document": 0.5}
_REPEAT_CAP = {"body": 2, "document": 2}


@dataclass(frozen=True)
class NetworkMatcher:
    pattern: re.Pattern[str] | None
    exact: re.Pattern[str] | None
    slug_of: dict[str, str]

    @classmethod
    def build(cls, networks: list[Network]) -> NetworkMatcher:
        slug_of: dict[str, str] = {}
        exact_of: dict[str, str] = {}
        for net in networks:
            for alias in net.aliases:
                slug_of.setdefault(alias.lower(), net.slug)
            for alias in net.exact_aliases:
                exact_of.setdefault(alias, net.slug)
        words = sorted(slug_of, key=len, reverse=True)
        pattern = (
            # An optional genitive -s: "Förskolenätverkets träff".
            re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")s?(?!\w)", re.I)
            if words
            else None
        )
        exact_words = sorted(exact_of, key=len, reverse=True)
        exact = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in exact_words) + r")(?![\w])")
            if exact_words
            else None
        )
        slug_of.update(exact_of)
        return cls(pattern, exact, slug_of)

    def find(self, text: str) -> list[tuple[str, str]]:
        """(slug, alias as written) for every mention, in order."""
        found: list[tuple[int, str, str]] = []
        taken: list[tuple[int, int]] = []
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                found.append((m.start(), self.slug_of[m.group(1).lower()], m.group(1)))
                taken.append(m.span())
        if self.exact is not None:
            for m in self.exact.finditer(text):
                if any(a <= m.start() < b for a, b in taken):
                    continue  # "IM" inside "IM-nätverket" is the same mention
                found.append((m.start(), self.slug_of[m.group(1)], m.group(1)))
        return [(slug, alias) for _pos, slug, alias in sorted(found)]


@dataclass(frozen=True)
class NetworkDecision:
    slug: str | None
    ambiguous: bool
    scores: dict[str, float]
    reasons: list[str]


def decide_network(
    places: list[tuple[str, str]], matcher: NetworkMatcher, *, extra: dict[str, float] | None = None
) -> NetworkDecision:
    """places: (kind of place, text) with kinds from WEIGHTS. `extra` adds evidence
    from outside the text (the sender's known membership)."""
    scores: dict[str, float] = defaultdict(float)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    first_seen: dict[str, str] = {}
    for where, text in places:
        for slug, alias in matcher.find(text):
            key = (slug, where)
            counts[key] += 1
            if counts[key] > _REPEAT_CAP.get(where, 1):
                continue
            scores[slug] += WEIGHTS[where]
            first_seen.setdefault(slug, f"{_place(where)} names the network ({alias!r})")
    for slug, weight in (extra or {}).items():
        scores[slug] += weight
        first_seen.setdefault(slug, "the sender is a known member of the network")
    if not scores:
        return NetworkDecision(None, False, {}, ["no network is named"])
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, best_score = ranked[0]
    if len(ranked) > 1:
        second, second_score = ranked[1]
        if best_score < 1.5 * second_score:
            return NetworkDecision(
                None,
                True,
                dict(scores),
                [f"both {best} and {second} are named, with no clear winner"],
            )
    return NetworkDecision(best, False, dict(scores), [first_seen[best]])


def _place(where: str) -> str:
    return {
        "subject": "the subject",
        "filename": "an attachment's file name",
        "heading": "a document heading",
        "body": "the text",
        "document": "an attachment",
    }[where]
