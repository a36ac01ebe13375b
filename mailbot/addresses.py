"""Who sent a mail: the one address of its From header, as RFC 5322 reads it.

mailbot decides who may change a network's records, and who gets receipts and review
notices, from this address alone. So it is read the strict way:

- the header is parsed as an address list *before* anything is decoded: an encoded
  word can only ever be (part of) a display name, never an address. `=?utf-8?q?Anna_
  <anna@kommun.se>?= <mallory@example.com>` is mallory@example.com, whatever the name
  says;
- it must name exactly one mailbox. Several mailboxes, a group, none, or a mailbox
  whose address part the parser had to guess at is a `FromProblem`, and the mail goes
  to a person (the caller decides how);
- the display name is kept only as one line of plain text (`oneline.one_line`).

`alignment_problem` compares the domains of Sender and Return-Path with From's: a
mail whose envelope or Sender is on another organisation's domain may be sent on
someone's behalf, or forged, and is not applied without review.

Pure: strings in, values out, never raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email import _header_value_parser as rfc5322  # the parser email.headerregistry uses
from typing import Any

from mailbot.oneline import fix_surrogates, one_line

MAX_ADDRESS = 254  # RFC 5321's limit on a path
MAX_NAME = 120
MAX_HEADER = 4000  # characters of a From header that are parsed at all

# What mailbot accepts as a mailbox address once the parser has found one: a dot-atom
# local part (or the quoted forms real clients never send) is refused in favour of the
# plain form, an ASCII or IDNA domain of at least two labels. Anything else is a reason
# for a person to look, never a guess.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDR_SPEC = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")


@dataclass(frozen=True)
class FromProblem:
    """Why a From header does not name one sender. `code` is stable (see `reasons`)."""

    code: str  # from-missing | from-several | from-group | from-unparsable
    count: int = 0  # mailboxes found, for from-several

    def english(self) -> str:
        return {
            "from-missing": "the mail has no From address",
            "from-several": f"the From header names {self.count} mailboxes, not one sender",
            "from-group": "the From header is a group, not one sender",
            "from-unparsable": "the From header's address cannot be read as one mailbox",
        }[self.code]


@dataclass(frozen=True)
class From:
    """The sender as RFC 5322 sees it: `address` is set exactly when `problem` is None."""

    address: str | None
    name: str | None
    problem: FromProblem | None = None


def is_mailbox_address(text: str | None) -> bool:
    """A plain `local@domain.tld`, nothing else: no spaces, no quotes, no line breaks,
    no route, no literal. What mailbot is willing to write into To or Cc."""
    return bool(text) and len(text or "") <= MAX_ADDRESS and bool(_ADDR_SPEC.fullmatch(text or ""))


def read_from(values: Sequence[str | None]) -> From:
    """The sender of a mail from the raw (undecoded) values of its From header(s)."""
    present = [v for v in values if v is not None and v.strip()]
    if not present:
        return From(None, None, FromProblem("from-missing"))
    if len(present) > 1:
        return From(None, None, FromProblem("from-several", len(present)))
    text = fix_surrogates(present[0])[:MAX_HEADER]
    # Unfold (RFC 5322 2.2.3): a line break followed by white space is white space.
    text = re.sub(r"\r?\n(?=[ \t])", "", text)
    try:
        parsed, rest = rfc5322.get_address_list(text)
    except Exception:  # the stdlib parser raises on some hostile input: not one mailbox
        return From(None, None, FromProblem("from-unparsable"))
    if rest.strip() or any(ch in text for ch in "\r\n\x00"):
        return From(None, None, FromProblem("from-unparsable"))
    groups = [a for a in parsed.addresses if a[0].token_type == "group"]
    mailboxes = list(parsed.all_mailboxes)
    if groups:
        return From(None, None, FromProblem("from-group"))
    if not mailboxes:
        return From(None, None, FromProblem("from-missing"))
    if len(mailboxes) > 1:
        return From(None, None, FromProblem("from-several", len(mailboxes)))
    mailbox = mailboxes[0]
    if mailbox.token_type != "mailbox" or _defects_outside_name(parsed):
        return From(None, None, FromProblem("from-unparsable"))
    address = _addr_spec(mailbox)
    if address is None:
        return From(None, None, FromProblem("from-unparsable"))
    name = one_line(_display_name(mailbox), MAX_NAME) or None
    return From(address, name)


def _display_name(mailbox: Any) -> str:
    try:
        return str(mailbox.display_name or "")
    except Exception:  # a name the decoder chokes on is no name
        return ""


def _addr_spec(mailbox: Any) -> str | None:
    try:
        local, domain = mailbox.local_part, mailbox.domain
    except Exception:  # an address part the parser could not make sense of
        return None
    if not isinstance(local, str) or not isinstance(domain, str):
        return None
    address = f"{local}@{domain}".lower()
    return address if is_mailbox_address(address) else None


def _defects_outside_name(token: Any, in_name: bool = False) -> bool:
    """Whether the parser had to repair anything but a display name: a guessed address
    (`anna@x <b@y>`, a missing '>', a space in the local part) is no address to trust.
    Defects inside the display name (an unknown charset, an unencoded character) only
    make the name ugly; it is cleaned up anyway."""
    in_name = in_name or getattr(token, "token_type", "") == "display-name"
    if not in_name and getattr(token, "defects", None):
        return True
    if isinstance(token, list):
        return any(_defects_outside_name(child, in_name) for child in token)
    return False


# -- alignment of Sender and Return-Path with From --------------------------------


def _domain_of(values: Iterable[str | None]) -> tuple[str | None, bool]:
    """(domain, present) of the first Sender/Return-Path value that names an address.
    `<>` (the null path of a bounce) names none."""
    for value in values:
        if value is None or not value.strip():
            continue
        text = fix_surrogates(value)[:MAX_HEADER].strip()
        if text in ("<>", ""):
            continue
        found = read_from([text])
        if found.address is None:
            return None, True  # present but unreadable: that alone is a disagreement
        return found.address.rsplit("@", 1)[1], True
    return None, False


def same_organisation(a: str, b: str) -> bool:
    """Domains agree when one is the other or a subdomain of it (DMARC's relaxed
    alignment without a public-suffix list: mail.skovde.se and skovde.se agree)."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    return a == b or a.endswith("." + b) or b.endswith("." + a)


@dataclass(frozen=True)
class Misalignment:
    header: str  # "Sender" | "Return-Path"
    domain: str | None  # None: present but unreadable

    def english(self) -> str:
        where = self.domain or "an unreadable address"
        return f"the {self.header} header ({where}) is not on the From address's domain"


def alignment_problem(
    from_address: str | None,
    sender_values: Sequence[str | None],
    return_path_values: Sequence[str | None],
) -> Misalignment | None:
    """The first of Sender and Return-Path whose domain disagrees with From's."""
    if from_address is None or "@" not in from_address:
        return None  # the From problem itself is the reason
    own = from_address.rsplit("@", 1)[1]
    for header, values in (("Sender", sender_values), ("Return-Path", return_path_values)):
        domain, present = _domain_of(values)
        if not present:
            continue
        if domain is None or not same_organisation(domain, own):
            return Misalignment(header, domain)
    return None


def mailbox_addresses(values: Sequence[str | None]) -> list[str]:
    """Every plain address of an address header (To, Cc), parsed before decoding, for
    information only (never for trust)."""
    found: list[str] = []
    for value in values:
        if not value:
            continue
        text = re.sub(r"\r?\n(?=[ \t])", "", fix_surrogates(value)[:MAX_HEADER])
        try:
            parsed, _rest = rfc5322.get_address_list(text)
            mailboxes = list(parsed.all_mailboxes)
        except Exception:  # hostile syntax: nothing to list
            continue
        for mailbox in mailboxes:
            address = _addr_spec(mailbox)
            if address is not None:
                found.append(address)
    return found
