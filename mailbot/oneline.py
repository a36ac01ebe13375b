"""Text from a mail, made safe to write anywhere mailbot writes: one line of plain text.

Everything a mail says (a subject, a display name, a file name, a meeting's place)
can reach mail that mailbot sends from the shared mailbox, files on disk and calendar
invitations. Before it does, it passes `one_line`:

- it was decoded once (RFC 2047) where it was read; an encoded word still left in it
  (a double-encoded word, an unknown charset kept raw) is neutralised, so no later
  layer (Python's `email` decodes encoded words on assignment) can decode it again;
- control characters (C0, C1, DEL, NUL), line and paragraph separators, bidirectional
  overrides and lone surrogates are removed, and runs of white space become one space,
  so it can never start a header, end the headers, or hide what it says;
- it is cut to a bounded length, with an ellipsis.

`safe_filename` does the same for a name written to disk, and keeps it inside its
folder. Pure functions; they never raise.
"""

from __future__ import annotations

import re
import unicodedata

# An RFC 2047 encoded word, or what is left of one: "=?" is where a decoder starts.
_ENCODED_WORD_START = "=?"
_ENCODED_WORD_NEUTRAL = "= ?"
# Bidirectional controls can make a subject read differently from what it is.
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BREAKS = set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_SPACES = re.compile(r"\s+")
DEFAULT_LIMIT = 300
ELLIPSIS = "…"


def fix_surrogates(text: str) -> str:
    """Raw 8-bit header bytes arrive from the stdlib parser as surrogate escapes; read
    them as UTF-8, else as Windows-1252 (what Swedish clients send)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    data = text.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _clean_char(ch: str) -> str:
    if ch in _BREAKS or ch == "\t":
        return " "
    if ch in _BIDI:
        return ""
    category = unicodedata.category(ch)
    if category == "Cc":  # C0, DEL, C1: NUL, bare CR, ESC, ...
        return ""
    if category == "Cs":  # a lone surrogate cannot be encoded anywhere
        return "\ufffd"
    return ch


def one_line(text: object, limit: int = DEFAULT_LIMIT) -> str:
    """`text` as one line of plain text, at most `limit` characters (see the module)."""
    if text is None:
        return ""
    value = fix_surrogates(str(text))
    # A pathological input (a 5 MB header) is cut before the per-character work.
    value = value[: max(limit, 0) * 4 + 64]
    value = "".join(_clean_char(ch) for ch in value)
    value = _SPACES.sub(" ", value).strip()
    while _ENCODED_WORD_START in value:
        value = value.replace(_ENCODED_WORD_START, _ENCODED_WORD_NEUTRAL)
    if len(value) > limit:
        value = value[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return value


def is_one_line(text: str, limit: int = DEFAULT_LIMIT) -> bool:
    """Whether `text` is already what `one_line` makes of it."""
    return one_line(text, limit) == text


_UNSAFE_NAME = re.compile(r"[^\w.+@=-]+", re.UNICODE)


def safe_filename(name: object, *, fallback: str = "fil", limit: int = 120) -> str:
    """A file name that stays in its folder: one line, no path separators, no leading
    dots (no hidden files, no '..'), only word characters and `.+@=-`."""
    text = one_line(name, limit * 2).replace("/", "_").replace("\\", "_")
    text = _UNSAFE_NAME.sub("_", text).strip("._ ")
    text = text[:limit].strip("._ ")
    return text or fallback
