"""Why a mail waits for a person: reasons as codes with arguments, put into words here.

The reader (`understand/analyze.py`) decides *that* a person must look and records
each reason as a `Reason(code, args)`; this module is the one place that says it in
words: English for the operator's CLI and logs, Swedish for the coordinator and the
members (digest, review notices, the desk). A test checks that every code has both.

Stored in the understanding's JSON under `review` as `{"code": ..., "args": {...}}`;
`review_reasons(result)` reads them back (and understands stores written before the
codes existed, whose reasons are English sentences only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final


@dataclass(frozen=True)
class Wording:
    english: str
    swedish: str
    # The From address may not be the real author's: never answer it (a review notice
    # would go to the person being impersonated, or to the forger).
    suspect_sender: bool = False


CATALOG: Final[dict[str, Wording]] = {
    "sender-unknown": Wording(
        "the sender {sender} is not a known member or from a trusted domain",
        "okänd avsändare: {sender} är varken känd medlem eller från en betrodd domän",
    ),
    "auth-failed": Wording(
        "the sender's domain failed {check} (Authentication-Results)",
        "avsändarens domän klarade inte {check}: avsändaren kan vara förfalskad",
        suspect_sender=True,
    ),
    "sender-misaligned": Wording(
        "the {header} header ({domain}) is not on the From address's domain",
        "{header} ({domain}) hör inte till avsändaradressens domän: mejlet kan vara skickat "
        "för någon annans räkning eller förfalskat",
        suspect_sender=True,
    ),
    "from-missing": Wording(
        "the mail has no From address",
        "mejlet saknar avsändaradress",
        suspect_sender=True,
    ),
    "from-several": Wording(
        "the From header names {count} mailboxes, not one sender",
        "avsändarraden har {count} adresser, inte en avsändare",
        suspect_sender=True,
    ),
    "from-group": Wording(
        "the From header is a group, not one sender",
        "avsändarraden är en grupp, inte en avsändare",
        suspect_sender=True,
    ),
    "from-unparsable": Wording(
        "the From header's address cannot be read as one mailbox",
        "avsändaradressen går inte att läsa som en adress",
        suspect_sender=True,
    ),
    "meeting-cancelled": Wording(
        "a meeting is cancelled; a person confirms before it is removed",
        "en träff ställs in: bekräfta innan den tas bort",
    ),
    "member-leaves": Wording(
        "{names} leaves the network; a person confirms the change",
        "{names} lämnar nätverket: bekräfta ändringen",
    ),
    "network-ambiguous": Wording(
        "more than one network is named and none clearly",
        "flera nätverk nämns och inget tydligt",
    ),
    "network-unknown": Wording(
        "no network could be told from the mail",
        "det går inte att se vilket nätverk",
    ),
    "member-list-empty": Wording(
        "it looks like a member list but no people could be read",
        "ser ut som en medlemsförteckning men inga personer kunde läsas",
    ),
    "protocol-undated": Wording(
        "a protocol, but the meeting's date could not be found",
        "ett protokoll, men träffens datum hittades inte",
    ),
    "date-vague": Wording(
        "{text!r} is not a date; a person must read it",
        "”{text}” är inget datum: läs själv",
    ),
    "protocol-date-ambiguous": Wording(
        "the protocol of {date} matches no planned meeting, and could record any of "
        "{candidates}; a person says which",
        "protokollet från {date} hör inte till någon planerad träff och kan gälla "
        "{candidates}: välj vilken",
    ),
    "unreadable": Wording(
        "{detail}",
        "{detail_sv}",
    ),
    "reader-failed": Wording(
        "mailbot could not read this mail: {error}",
        "mailbot kunde inte läsa mejlet ({error})",
    ),
}


@dataclass(frozen=True)
class Reason:
    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    @property
    def wording(self) -> Wording:
        return CATALOG[self.code]

    def english(self) -> str:
        return self.wording.english.format(**self.args)

    def swedish(self) -> str:
        args = dict(self.args)
        if self.code == "unreadable":
            args["detail_sv"] = unreadable_sv(str(args.get("detail", "")))
        return self.wording.swedish.format(**args)

    @property
    def suspect_sender(self) -> bool:
        return self.wording.suspect_sender

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "args": dict(self.args)}

    @classmethod
    def from_json(cls, data: object) -> Reason | None:
        if not isinstance(data, Mapping):
            return None
        code, args = data.get("code"), data.get("args")
        if not isinstance(code, str) or code not in CATALOG:
            return None
        return cls(code, dict(args) if isinstance(args, Mapping) else {})


def review_reasons(result: Mapping[str, Any] | None) -> list[Reason]:
    """The review reasons of a stored understanding. An understanding stored before the
    codes existed has English sentences only: they come back as `unreadable`-style
    reasons that show the sentence as it is."""
    if not result:
        return []
    coded = result.get("review")
    if isinstance(coded, list):
        return [r for r in (Reason.from_json(item) for item in coded) if r is not None]
    legacy = []
    for sentence in (str(r) for r in result.get("reasons") or []):
        if not sentence or _INFORMATIONAL.match(sentence):
            continue
        failed = _LEGACY_AUTH.fullmatch(sentence)
        legacy.append(
            Reason("auth-failed", {"check": failed.group(1)})
            if failed
            else Reason("unreadable", {"detail": sentence})
        )
    return legacy


# The one pre-code sentence that changes what mailbot does (no answer to a forged From).
_LEGACY_AUTH = re.compile(r"the sender's domain failed (.+) \(Authentication-Results\)")


# In a pre-code understanding: the sentences that say what was read, not why to look.
_INFORMATIONAL = re.compile(
    r"^(a forward|quoted history|the protocol names|a change of members|applied after review|"
    r"(the subject|an attachment's file name|a document heading|the text|an attachment) "
    r"names the network|the sender is a known member|"
    r"(member list|meeting dates|protocol|report|agenda): )",
    re.IGNORECASE,
)


def suspect_sender(result: Mapping[str, Any] | None) -> bool:
    """Whether any reason says the From address may not be the author's."""
    return any(r.suspect_sender for r in review_reasons(result))


# What the mail and document readers report (English, technical) in the coordinator's
# words. They stay arguments of `unreadable`: the detail is shown, never re-decided.
_UNREADABLE_SV: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE | re.DOTALL), swedish)
    for pattern, swedish in (
        (r"attachment (.+?): (.+)", r"bilagan \1 kunde inte läsas (\2)"),
        (r"cannot read (.+)", r"kan inte läsa \1"),
        (r"more than (\d+) MIME parts.*", r"fler än \1 delar i mejlet: resten lästes inte"),
        (r"nested deeper than (\d+) levels.*", r"mer än \1 nivåer inbäddat: resten lästes inte"),
        (r"message is ([\d.]+) MB, over the limit of (\d+) MB",
         r"mejlet är \1 MB, över gränsen \2 MB"),
    )
)  # fmt: skip


def unreadable_sv(detail: str) -> str:
    for pattern, swedish in _UNREADABLE_SV:
        if pattern.fullmatch(detail):
            return pattern.sub(swedish, detail)
    return detail
