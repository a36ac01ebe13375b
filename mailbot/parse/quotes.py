"""New content versus quoted history in replies and forwards.

Replies and forwards carry older messages below the new text. Dates in that history
are not this mail's meetings, so the understanding stage reads the new part only,
except for a forward whose new part says nothing of its own ("Se nedan"): then the
forwarded mail is the content the sender means to deliver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FORWARD_MARKERS = re.compile(
    r"^\s*(?:-{2,}\s*(?:vidarebefordrat meddelande|forwarded message|videresendt melding)\s*-{2,}"
    r"|(?:inledning av vidarebefordrat meddelande|begin forwarded message)\s*:?"
    r"|-{2,}\s*(?:ursprungligt meddelande|original message|originalmeddelande)\s*-{2,})\s*$",
    re.IGNORECASE,
)
_ORIGINAL_MARKER = re.compile(
    r"-{2,}\s*(?:ursprungligt meddelande|original message|originalmeddelande)", re.IGNORECASE
)
# Outlook: "Från: Anna <a@x>" then, within a few lines, "Skickat: den 3 mars 2025 10:14".
_FROM_LINE = re.compile(r"^\s*\*?(?:från|from|fra)\s*:\*?\s*\S", re.IGNORECASE)
_SENT_LINE = re.compile(r"^\s*\*?(?:skickat|sent|datum|date|sendt)\s*:\*?\s*\S", re.IGNORECASE)
# Gmail / Apple / Thunderbird: "Den tors 6 mars 2025 kl 10:14 skrev Anna Berg <a@x>:"
_WROTE = re.compile(
    r"^\s*(?:den|on|le|am)\b.{0,200}?\b(?:skrev|wrote|a écrit|schrieb)\b.{0,200}?:\s*$",
    re.IGNORECASE,
)
_WROTE_START = re.compile(r"^\s*(?:den|on)\s+\S", re.IGNORECASE)
_WROTE_END = re.compile(r"\b(?:skrev|wrote)\b.{0,200}:\s*$", re.IGNORECASE)
_UNDERSCORES = re.compile(r"^\s*_{10,}\s*$")
_QUOTED = re.compile(r"^\s*>")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:vb|fwd?|vs|wg|tr)\s*:", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^\s*(?:sv|re|aw|vs)\s*:", re.IGNORECASE)
_MOBILE_SIGNATURE = re.compile(
    r"^\s*(?:skickat från min|sent from my|hämta outlook för|get outlook for)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Split:
    new: str  # what the sender wrote now
    quoted: str  # the history below it ("" when none)
    forward: bool  # the history is a forwarded mail (not a reply's quote)


def is_forward_subject(subject: str) -> bool:
    return bool(_FORWARD_SUBJECT.match(subject or ""))


def is_reply_subject(subject: str) -> bool:
    return bool(_REPLY_SUBJECT.match(subject or ""))


def _header_block_at(lines: list[str], i: int) -> bool:
    """An Outlook-style quoted header block starts at line i."""
    if not _FROM_LINE.match(lines[i]):
        return False
    return any(_SENT_LINE.match(line) for line in lines[i + 1 : i + 5])


def _wrote_line_at(lines: list[str], i: int) -> bool:
    if _WROTE.match(lines[i]):
        return True
    # The attribution line is often wrapped over two lines by the client.
    if _WROTE_START.match(lines[i]) and i + 1 < len(lines):
        return bool(_WROTE.match(lines[i] + " " + lines[i + 1]) or _WROTE_END.search(lines[i + 1]))
    return False


def split_quoted(text: str, subject: str = "") -> Split:
    """Cut the text at the first marker of quoted or forwarded history."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        forward_marker = bool(_FORWARD_MARKERS.match(line))
        cut = (
            forward_marker
            or _header_block_at(lines, i)
            or _wrote_line_at(lines, i)
            or (_UNDERSCORES.match(line) and i + 1 < len(lines) and _header_block_at(lines, i + 1))
        )
        if not cut and _QUOTED.match(line):
            # A block of "> " lines: history, unless the author answers in between
            # (then the quoted lines are dropped and the answers kept).
            return _split_interleaved(lines, subject)
        if cut:
            new = "\n".join(lines[:i]).rstrip()
            quoted = "\n".join(lines[i:])
            is_forward = (
                forward_marker and not _ORIGINAL_MARKER.search(line)
            ) or is_forward_subject(subject)
            return Split(new, quoted, is_forward)
    return Split(text.rstrip(), "", False)


def _split_interleaved(lines: list[str], subject: str) -> Split:
    new_lines = [line for line in lines if not _QUOTED.match(line)]
    quoted_lines = [line for line in lines if _QUOTED.match(line)]
    return Split(
        "\n".join(new_lines).rstrip(), "\n".join(quoted_lines), is_forward_subject(subject)
    )


def strip_signature_noise(text: str) -> str:
    """Drop "Skickat från min iPhone" and similar client footers."""
    return "\n".join(line for line in text.split("\n") if not _MOBILE_SIGNATURE.match(line))


def says_little(text: str) -> bool:
    """A new part with hardly anything of its own ("Se nedan", "FYI", a greeting)."""
    words = re.findall(r"\w+", strip_signature_noise(text))
    return len(words) <= 25
