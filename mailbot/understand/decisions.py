"""The coordinator decides by mail: an answer to a review request (`review-request`).

A review request lists the mail that waits for a person, each with its number (`#27`),
and carries a random token in its Message-ID and its subject (`[#1f3a9c2e]`), as GNU
Mailman's confirmation mails do. An answer decides, one line per item:

    27 godkänn             apply as read
    27 godkänn förskola    apply, to that network
    27 avvisa dubblett     dismiss, with the reason
    27 återställ           take an applied mail back out (one named in a receipt copy)

When the request holds one item, the number may be left out. An answer decides only
when it comes from a coordinator's address (the From as RFC 5322 reads it), echoes the
token (its In-Reply-To/References name the request, or its subject carries the token),
and neither DMARC nor SPF failed: a forged From alone decides nothing. Lines mailbot
cannot read decide nothing and are answered with what mailbot understood.

Pure: parsing only; the register stage carries the decisions out (review.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mailbot.verdict import DecisionLine

TOKEN = re.compile(r"\[#([0-9a-f]{8,16})\]")
_LINE = re.compile(
    r"^\s*(?:(?:nr\.?|nummer)\s*)?#?(?P<item>\d{1,9})?\s*[:.,)-]?\s*"
    r"(?P<verb>godkänn\w*|godkänd|godkänt|godta\w*|ok|ja|avvisa\w*|avslå\w*|avfärda\w*|nej|"
    r"släng|återställ\w*|ångra|backa)\b\s*(?P<rest>.*)$",
    re.I,
)
_APPLY = re.compile(r"^(?:godkänn\w*|godkänd|godkänt|godta\w*|ok|ja)$", re.I)
_DISMISS = re.compile(r"^(?:avvisa\w*|avslå\w*|avfärda\w*|nej|släng)$", re.I)


def token_of(subject: str) -> str | None:
    found = TOKEN.search(subject or "")
    return found.group(1) if found else None


@dataclass(frozen=True)
class Parsed:
    lines: list[DecisionLine]
    unread: list[str]  # lines that look like a decision but cannot be read


def parse_decisions(text: str, items: Sequence[int], networks: Mapping[str, str]) -> Parsed:
    """The decisions in an answer's new text. `items`: the request's item numbers;
    `networks`: a network's name or alias (lower case) -> its slug."""
    decisions: list[DecisionLine] = []
    unread: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        found = _LINE.match(line)
        if found is None:
            if re.match(r"^\s*#?\d{1,9}\b", line):
                unread.append(line[:200])  # a number, but no verb mailbot knows
            continue
        item = int(found.group("item")) if found.group("item") else None
        if item is None:
            if len(items) != 1:
                unread.append(line[:200])  # which item? the number may be left out only
                continue  # when the request has one
            item = items[0]
        verb_word = found.group("verb")
        rest = found.group("rest").strip(" .,:;-")
        if _APPLY.match(verb_word):
            network = _network(rest, networks) if rest else None
            if rest and network is None:
                unread.append(line[:200])  # "godkänn <something that is no network>"
                continue
            decisions.append(DecisionLine(item=item, verb="apply", network=network, line=line))
        elif _DISMISS.match(verb_word):
            decisions.append(
                DecisionLine(item=item, verb="dismiss", reason=rest or "avvisat", line=line)
            )
        else:
            decisions.append(
                DecisionLine(item=item, verb="revert", reason=rest or "återställt", line=line)
            )
    return Parsed(decisions, unread)


def _network(text: str, networks: Mapping[str, str]) -> str | None:
    wanted = " ".join(text.lower().split())
    if wanted in networks:
        return networks[wanted]
    # "förskola, tack" / "till förskola": a known name inside a short rest.
    for name in sorted(networks, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", wanted):
            return networks[name]
    return None
