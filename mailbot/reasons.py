"""Why a mail waits for a person: reasons as codes with arguments, put into words here.

The reader (`understand/analyze.py`) decides *that* a person must look and records
each reason as a `Reason(code, args)`; this module is the one place that says it in
words: English for the operator's CLI and logs, Swedish for the coordinator and the
members (digest, review notices, the desk). A test checks that every code has both.

Stored in the understanding's JSON under `review` as `{"code": ..., "args": {...}}`;
`Verdict.load` reads them back (`legacy_review_reasons` understands stores written
before the codes existed, whose reasons are English sentences only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final


class ReasonCode(StrEnum):
    """Every reason mailbot gives for sending a mail to a person (stable: stored)."""

    SENDER_UNKNOWN = "sender-unknown"
    AUTH_FAILED = "auth-failed"
    SENDER_MISALIGNED = "sender-misaligned"
    FROM_MISSING = "from-missing"
    FROM_SEVERAL = "from-several"
    FROM_GROUP = "from-group"
    FROM_UNPARSABLE = "from-unparsable"
    MEETING_CANCELLED = "meeting-cancelled"
    MEMBER_LEAVES = "member-leaves"
    ATTENDANCE_UNLISTED = "attendance-unlisted"
    NETWORK_AMBIGUOUS = "network-ambiguous"
    NETWORK_UNKNOWN = "network-unknown"
    MEMBER_LIST_EMPTY = "member-list-empty"
    PROTOCOL_UNDATED = "protocol-undated"
    DATE_VAGUE = "date-vague"
    PROTOCOL_DATE_AMBIGUOUS = "protocol-date-ambiguous"
    REPLY_ALREADY_SENT = "reply-already-sent"
    REPLY_PEOPLE_CHANGED = "reply-people-changed"
    REPLY_STOP = "reply-stop"
    REPLY_OTHER = "reply-other"
    DECISION_REFUSED = "decision-refused"
    UNREADABLE = "unreadable"
    READER_FAILED = "reader-failed"


@dataclass(frozen=True)
class Wording:
    english: str
    swedish: str
    # The From address may not be the real author's: never answer it (a review notice
    # would go to the person being impersonated, or to the forger).
    suspect_sender: bool = False


CATALOG: Final[dict[ReasonCode, Wording]] = {
    ReasonCode.SENDER_UNKNOWN: Wording(
        "the sender {sender} is not a known member or from a trusted domain",
        "okänd avsändare: {sender} är varken känd medlem eller från en betrodd domän",
    ),
    ReasonCode.AUTH_FAILED: Wording(
        "the sender's domain failed {check} (Authentication-Results)",
        "avsändarens domän klarade inte {check}: avsändaren kan vara förfalskad",
        suspect_sender=True,
    ),
    ReasonCode.SENDER_MISALIGNED: Wording(
        "the {header} header ({domain}) is not on the From address's domain",
        "{header} ({domain}) hör inte till avsändaradressens domän: mejlet kan vara skickat "
        "för någon annans räkning eller förfalskat",
        suspect_sender=True,
    ),
    ReasonCode.FROM_MISSING: Wording(
        "the mail has no From address",
        "mejlet saknar avsändaradress",
        suspect_sender=True,
    ),
    ReasonCode.FROM_SEVERAL: Wording(
        "the From header names {count} mailboxes, not one sender",
        "avsändarraden har {count} adresser, inte en avsändare",
        suspect_sender=True,
    ),
    ReasonCode.FROM_GROUP: Wording(
        "the From header is a group, not one sender",
        "avsändarraden är en grupp, inte en avsändare",
        suspect_sender=True,
    ),
    ReasonCode.FROM_UNPARSABLE: Wording(
        "the From header's address cannot be read as one mailbox",
        "avsändaradressen går inte att läsa som en adress",
        suspect_sender=True,
    ),
    ReasonCode.MEETING_CANCELLED: Wording(
        "a meeting is cancelled; a person confirms before it is removed",
        "en träff ställs in: bekräfta innan den tas bort",
    ),
    ReasonCode.ATTENDANCE_UNLISTED: Wording(
        "attendance is given without names ({text}); a person lists who came",
        "närvaron anges utan namn ({text}): ange vilka som var där",
    ),
    ReasonCode.MEMBER_LEAVES: Wording(
        "{names} leaves the network; a person confirms the change",
        "{names} lämnar nätverket: bekräfta ändringen",
    ),
    ReasonCode.NETWORK_AMBIGUOUS: Wording(
        "more than one network is named and none clearly",
        "flera nätverk nämns och inget tydligt",
    ),
    ReasonCode.NETWORK_UNKNOWN: Wording(
        "no network could be told from the mail",
        "det går inte att se vilket nätverk",
    ),
    ReasonCode.MEMBER_LIST_EMPTY: Wording(
        "it looks like a member list but no people could be read",
        "ser ut som en medlemsförteckning men inga personer kunde läsas",
    ),
    ReasonCode.PROTOCOL_UNDATED: Wording(
        "a protocol, but the meeting's date could not be found",
        "ett protokoll, men träffens datum hittades inte",
    ),
    ReasonCode.DATE_VAGUE: Wording(
        "{text!r} is not a date; a person must read it",
        "”{text}” är inget datum: läs själv",
    ),
    ReasonCode.PROTOCOL_DATE_AMBIGUOUS: Wording(
        "the protocol of {date} matches no planned meeting, and could record any of "
        "{candidates}; a person says which",
        "protokollet från {date} hör inte till någon planerad träff och kan gälla "
        "{candidates}: välj vilken",
    ),
    ReasonCode.REPLY_ALREADY_SENT: Wording(
        "the answer says the protocol of {about} was already sent; {searched_en}; its "
        "reminders wait until a person decides",
        "svaret säger att protokollet från {about} redan är skickat; {searched_sv}; "
        "påminnelserna om det väntar tills någon har bestämt",
    ),
    ReasonCode.REPLY_PEOPLE_CHANGED: Wording(
        "the answer says a person or role changed ({what}); reminders to {person} on this "
        "network wait until a person decides",
        "svaret säger att en person eller roll har ändrats ({what}); påminnelser till "
        "{person} i nätverket väntar tills någon har bestämt",
    ),
    ReasonCode.REPLY_STOP: Wording(
        "the answer asks mailbot to stop ({what}); reminders to {person} on this network "
        "wait until a person decides",
        "svaret ber mailbot att sluta ({what}); påminnelser till {person} i nätverket "
        "väntar tills någon har bestämt",
    ),
    ReasonCode.REPLY_OTHER: Wording(
        "an answer to mailbot's {kind} that mailbot cannot act on by itself",
        "ett svar på mailbots {kind_sv} som mailbot inte kan hantera själv",
    ),
    ReasonCode.DECISION_REFUSED: Wording(
        "an answer to a review request that decides nothing: {why_en}",
        "ett svar på en granskningslista som inte beslutar något: {why_sv}",
        suspect_sender=True,
    ),
    ReasonCode.UNREADABLE: Wording(
        "{detail}",
        "{detail_sv}",
    ),
    ReasonCode.READER_FAILED: Wording(
        "mailbot could not read this mail: {error}",
        "mailbot kunde inte läsa mejlet ({error})",
    ),
}


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    args: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", ReasonCode(self.code))

    @property
    def wording(self) -> Wording:
        return CATALOG[self.code]

    def english(self) -> str:
        args = dict(self.args)
        if self.code is ReasonCode.REPLY_ALREADY_SENT:
            args["searched_en"] = _searched(args, english=True)
        if self.code is ReasonCode.DECISION_REFUSED:
            args["why_en"] = REFUSED[str(args.get("why"))][0]
        return self.wording.english.format(**args)

    def swedish(self) -> str:
        args = dict(self.args)
        if self.code is ReasonCode.UNREADABLE:
            args["detail_sv"] = unreadable_sv(str(args.get("detail", "")))
        if self.code is ReasonCode.REPLY_ALREADY_SENT:
            args["searched_sv"] = _searched(args, english=False)
        if self.code is ReasonCode.REPLY_OTHER:
            args["kind_sv"] = KIND_SV.get(str(args.get("kind", "")), "mejl")
        if self.code is ReasonCode.DECISION_REFUSED:
            args["why_sv"] = REFUSED[str(args.get("why"))][1]
        return self.wording.swedish.format(**args)

    @property
    def suspect_sender(self) -> bool:
        return self.wording.suspect_sender

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "args": dict(self.args)}

    @classmethod
    def from_json(cls, data: object) -> Reason | None:
        if isinstance(data, Reason):
            return data
        if not isinstance(data, Mapping):
            return None
        code, args = data.get("code"), data.get("args")
        if not isinstance(code, str) or code not in ReasonCode._value2member_map_:
            return None
        return cls(ReasonCode(code), dict(args) if isinstance(args, Mapping) else {})


# Why an answer to a review request decided nothing (English, Swedish).
REFUSED: Final[dict[str, tuple[str, str]]] = {
    "not-coordinator": (
        "it does not come from a coordinator's address",
        "det kommer inte från en samordnares adress",
    ),
    "no-token": (
        "it does not carry the request's token (a forged From alone decides nothing)",
        "det bär inte granskningslistans kod (en förfalskad avsändare beslutar ingenting)",
    ),
    "suspect": (
        "the sender's domain failed DMARC or SPF, or the From may be someone else's",
        "avsändarens domän klarade inte DMARC eller SPF, eller avsändaren kan vara förfalskad",
    ),
}


def _searched(args: Mapping[str, Any], *, english: bool) -> str:
    """What mailbot found of a protocol an answer says was already sent."""
    found, on, message = args.get("found"), args.get("on", "?"), args.get("message", "?")
    if found == "applied":
        return (
            f"a protocol for that meeting arrived on {on} (message #{message})"
            if english
            else f"ett protokoll för träffen kom in {on} (mejl #{message})"
        )
    if found == "waiting":
        return (
            f"a mail from the sender of {on} waits for review (message #{message})"
            if english
            else f"ett mejl från avsändaren {on} väntar på granskning (mejl #{message})"
        )
    return (
        "no protocol for that meeting has arrived"
        if english
        else "inget protokoll för den träffen har kommit in"
    )


# The kinds of mailbot's own mail, as an answer to it is described in Swedish.
KIND_SV: Final[dict[str, str]] = {
    "receipt": "kvitto",
    "review-notice": "granskningsbesked",
    "meeting-reminder": "påminnelse om träffen",
    "protocol-reminder": "påminnelse om protokollet",
    "meetings-behind": "mejl om för få träffar",
    "member-list-missing": "påminnelse om medlemsförteckningen",
    "meeting-dates-missing": "påminnelse om mötesdatumen",
    "deliverable-reminder": "påminnelse om en leverans",
    "reminders": "påminnelser",
    "meeting-moved": "mejl om en flyttad träff",
    "meeting-cancelled": "mejl om en inställd träff",
    "review-request": "granskningslista",
    "digest": "veckoöversikt",
}


def legacy_review_reasons(sentences: Iterable[object]) -> list[Reason]:
    """The review reasons of an understanding stored before the codes existed (English
    sentences only): each shown as it is, but DMARC/SPF failing still known as such."""
    legacy = []
    for sentence in (str(r) for r in sentences):
        if not sentence or _INFORMATIONAL.match(sentence):
            continue
        failed = _LEGACY_AUTH.fullmatch(sentence)
        legacy.append(
            Reason(ReasonCode.AUTH_FAILED, {"check": failed.group(1)})
            if failed
            else Reason(ReasonCode.UNREADABLE, {"detail": sentence})
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
