"""From a parsed mail to what it means: the `mailbot parse --json` interface.

Reading order, as a careful person reads: is it from a machine (ignore)? What is new
in it (not the quoted history)? Which network is it about? What kinds of paperwork
does it carry? Then the people, meetings and protocol, and finally: is mailbot sure
enough to apply it, or should a person look (needs_review, always with a reason)?
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from mailbot.config import DEFAULT_TRUSTED_DOMAINS
from mailbot.parse.mime import Attachment, ParsedMail, parse_mail
from mailbot.parse.quotes import (
    is_reply_subject,
    says_little,
    split_quoted,
    strip_signature_noise,
)
from mailbot.parse.swedish_dates import find_vague
from mailbot.parse.types import DocumentReader, Limits
from mailbot.reasons import Reason, ReasonCode
from mailbot.rules import Network
from mailbot.understand.attendance import (
    attendees_in_label_table,
    attendees_in_table,
    attendees_in_text,
)
from mailbot.understand.machine import machine_reason
from mailbot.understand.meetings import (
    MeetingFindings,
    default_time,
    meetings_in_table,
    meetings_in_text,
)
from mailbot.understand.members import (
    Member,
    members_from_changes,
    members_from_table,
    members_from_text,
    normalize_role,
    people_in_line,
    role_assignments,
)
from mailbot.understand.network import NetworkMatcher, decide_network
from mailbot.understand.protocol import attendees_from_table, attendees_from_text, protocol_date
from mailbot.verdict import (
    Change,
    Disposition,
    MeetingRead,
    MemberChanges,
    MemberRead,
    ProtocolRead,
    Verdict,
)

KIND_WORDS = {
    "protocol": re.compile(
        r"\b(?:protokoll\w*|minnesanteckning\w*|mötesanteckning\w*|anteckningar från|"
        r"mötesprotokoll|justerat protokoll|närvarorapport\w*)|^\s*anteckningar\b",
        re.IGNORECASE | re.MULTILINE,
    ),
    "agenda": re.compile(r"\b(?:dagordning\w*|kallelse\w*|agenda)\b", re.IGNORECASE),
    "member_list": re.compile(
        r"\b(?:medlemsförteckning\w*|medlemslista\w*|förteckning\w*|deltagarförteckning\w*|"
        r"kontaktlista\w*|medlemmar|ledamöter|nätverksmedlemmar|representanter|"
        r"deltagarlista\w*|sammansättning|nya medlemmar|ny medlem|ersätter|rollfördelning)\b",
        re.IGNORECASE,
    ),
    "meeting_dates": re.compile(
        r"\b(?:mötesplan\w*|mötesdatum|mötestider|mötesdagar|datum för|träffar|"
        r"nätverksträffar|planering|kalendarium|terminsplanering|flytta\w*|ställs in|"
        r"inställ\w*|nytt datum|nästa möte|nästa träff|mötestillfällen|träffdatum|"
        r"plats och tid)\b",
        re.IGNORECASE,
    ),
    "report": re.compile(
        r"\b(?:delrapport\w*|slutrapport\w*|rapport|återrapport\w*|"
        r"kompetensutvecklingsplan\w*|verksamhetsberättelse\w*|årsrapport\w*|"
        r"arbetsordning\w*|verksamhetsplan\w*|redovisning\w*|uppföljning\w*|årsredovisning)\b",
        re.IGNORECASE,
    ),
}
_GREETING = re.compile(
    r"^\s*(?:vänliga hälsningar|vänlig hälsning|med vänlig hälsning|med vänliga hälsningar|"
    r"mvh|hälsningar|hälsning|bästa hälsningar|kind regards|best regards|/\s*\w+|//\s*\w+)"
    r"\s*[,!.]?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Context:
    """What the reader knows besides the mail itself."""

    networks: list[Network]
    matcher: NetworkMatcher
    trusted_domains: tuple[str, ...] = DEFAULT_TRUSTED_DOMAINS
    known_senders: dict[str, set[str]] = field(default_factory=dict)  # address -> slugs
    fallback_date: date | None = None  # when the mail has no usable Date header
    # mailbot's own From address(es): its mail (or a copy of it) is never input.
    own_addresses: tuple[str, ...] = ()
    # The coordinators' addresses: their answers to a review request decide.
    coordinators: tuple[str, ...] = ()

    @classmethod
    def build(cls, networks: list[Network], **kwargs: Any) -> Context:
        return cls(networks=networks, matcher=NetworkMatcher.build(networks), **kwargs)


@dataclass
class Understanding:
    message_id: str | None
    from_addr: str | None
    subject: str
    disposition: Disposition = "ignored"
    ignored_reason: str | None = None
    network: str | None = None
    kinds: list[str] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    meetings: MeetingFindings = field(default_factory=MeetingFindings)
    protocol: tuple[date | None, list[str]] | None = None
    reasons: list[str] = field(default_factory=list)  # English, for the CLI and logs
    review: list[Reason] = field(default_factory=list)  # why a person must look (codes)
    review_notes: list[Reason] = field(default_factory=list)  # gathered while reading
    member_changes: dict[str, list[str]] | None = None  # a partial update, not a full list

    def verdict(self) -> Verdict:
        """The typed value every later stage reads (mailbot/verdict.py)."""
        protocol = None
        if self.protocol is not None:
            when, attendees = self.protocol
            protocol = ProtocolRead(meeting_date=when, attendees=list(attendees))
        return Verdict(
            message_id=self.message_id,
            sender=self.from_addr,
            subject=self.subject,
            disposition=self.disposition,
            ignored_reason=self.ignored_reason,
            network=self.network,
            kinds=sorted(self.kinds),
            members=[
                MemberRead(name=m.name, email=m.email, municipality=m.municipality, role=m.role)
                for m in self.members
            ],
            meetings=[
                MeetingRead(date=m.date, start=m.start, end=m.end, place=m.place)
                for m in self.meetings.sorted()
            ],
            protocol=protocol,
            reasons=list(self.reasons),
            review=list(self.review),
            changes=[Change(action="moved", moved_from=a, to=b) for a, b in self.meetings.moved]
            + [Change(action="cancelled", on=d) for d in self.meetings.cancelled],
            member_changes=MemberChanges(**self.member_changes) if self.member_changes else None,
        )

    def as_json(self) -> dict[str, Any]:
        """The `mailbot parse --json` object (and the extra keys of `Verdict.as_dict`)."""
        return self.verdict().as_dict()


@dataclass
class _Block:
    where: str  # body | document
    name: str
    text: str
    tables: list[list[list[str]]]

    @property
    def heading(self) -> str:
        lines = [line.strip() for line in self.text.split("\n") if line.strip()]
        return "\n".join(lines[:3])

    @property
    def title(self) -> str:
        """The heading lines that read as titles: short, not sentences ending in '.'."""
        return "\n".join(
            line for line in self.heading.split("\n") if len(line) <= 100 and not line.endswith(".")
        )


def cut_signature(text: str) -> str:
    """The text above the closing greeting ("Vänliga hälsningar ...")."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _GREETING.match(line):
            return "\n".join(lines[:i]).rstrip()
    return text


def _doc_blocks(attachments: list[Attachment], out: list[_Block], problems: list[str]) -> None:
    for att in attachments:
        if att.document is not None and (att.document.text.strip() or att.document.tables):
            out.append(
                _Block("document", att.filename or "bilaga", att.document.text, att.document.tables)
            )
        if att.mail is not None:
            # An attached mail (forward as attachment, .msg, winmail.dat): its content counts.
            inner = att.mail
            text = split_quoted(inner.text, inner.subject).new
            if inner.subject:
                text = f"{inner.subject}\n{text}"
            if text.strip():
                out.append(
                    _Block(
                        "document",
                        att.filename or inner.subject or "bifogat mejl",
                        text,
                        inner.html_tables,
                    )
                )
            _doc_blocks(inner.attachments, out, problems)


def _reference(mail: ParsedMail, ctx: Context) -> date:
    if mail.date is not None and 1990 <= mail.date.year <= 2100:
        return mail.date.astimezone(UTC).date()
    return ctx.fallback_date or datetime.now(UTC).date()


def _trusted(sender: str | None, ctx: Context) -> bool:
    if not sender or "@" not in sender:
        return False
    domain = sender.rsplit("@", 1)[1].lower()
    if sender in ctx.known_senders:
        return True
    return any(domain == d or domain.endswith("." + d) for d in ctx.trusted_domains)


def sender_reasons(mail: ParsedMail, ctx: Context) -> list[Reason]:
    """Why the sender cannot be trusted to change a network's records, if it cannot.

    The sender is From's one address as RFC 5322 reads it (mailbot/addresses.py). It is
    trusted when it is a known member of a network or on a trusted domain, and nothing
    says the From may be someone else's: Sender and Return-Path on From's domain, and
    DMARC and SPF not failing at the receiving server."""
    if mail.from_problem is not None:
        args = {"count": mail.from_problem.count} if mail.from_problem.count else {}
        return [Reason(ReasonCode(mail.from_problem.code), args)]
    found: list[Reason] = []
    if mail.misalignment is not None:
        found.append(
            Reason(
                ReasonCode.SENDER_MISALIGNED,
                {
                    "header": mail.misalignment.header,
                    "domain": mail.misalignment.domain or "?",
                },
            )
        )
    failed = _authentication_failed(mail)
    if failed:
        found.append(Reason(ReasonCode.AUTH_FAILED, {"check": failed}))
    if not _trusted(mail.from_addr, ctx):
        found.append(Reason(ReasonCode.SENDER_UNKNOWN, {"sender": mail.from_addr or "(unknown)"}))
    return found


def analyze(mail: ParsedMail, ctx: Context) -> Understanding:
    result = Understanding(mail.message_id, mail.from_addr, mail.subject)
    machine = machine_reason(mail)
    if machine is not None:
        result.ignored_reason, why = machine
        result.reasons.append(why)
        return result
    if mail.from_addr and mail.from_addr.lower() in ctx.own_addresses:
        result.ignored_reason = "own-mail"
        result.reasons.append(f"sent by mailbot's own address {mail.from_addr}: never input")
        return result

    reference = _reference(mail, ctx)
    split = split_quoted(mail.text, mail.subject)
    body = strip_signature_noise(split.new)
    body_main = cut_signature(body)
    forwarded = bool(split.quoted and split.forward and says_little(body))
    if forwarded:
        # A forward with nothing of its own ("Se nedan"): the forwarded mail is the content.
        body = f"{body}\n{split.quoted}"
        body_main = f"{body_main}\n\n{split.quoted}"
        result.reasons.append("a forward: the forwarded mail is read as the content")
    elif split.quoted:
        result.reasons.append("quoted history below the new text is not read")

    # What a person writes fits well within this; a binary part read as text does not.
    body_main = body_main[:_BODY_CHARS]
    blocks = [_Block("body", "brödtext", body_main, mail.html_tables)]
    problems = list(mail.problems)
    _doc_blocks(mail.attachments, blocks, problems)

    # -- which network ------------------------------------------------------------
    places: list[tuple[str, str]] = [("subject", mail.subject), ("body", body[:_SCAN_CHARS])]
    for block in blocks[1:]:
        places += [
            ("filename", block.name),
            ("heading", block.heading),
            ("document", block.text[:20000]),
        ]
    extra = {slug: 2.0 for slug in ctx.known_senders.get(mail.from_addr or "", set())}
    decision = decide_network(places, ctx.matcher, extra=extra)
    result.network = decision.slug
    result.reasons.extend(decision.reasons if decision.slug or decision.ambiguous else [])

    # -- which kinds ----------------------------------------------------------------
    # A reply's subject names the mail it answers ("SV: Kallelse"), not what it carries.
    subject = "" if is_reply_subject(mail.subject) and not forwarded else mail.subject
    if forwarded:
        subject += "\n" + _forwarded_subject(split.quoted)
    strong = [subject] + [b.name for b in blocks[1:]] + [b.title for b in blocks[1:]]
    body_head = "\n".join(body_main.split("\n")[:6])
    structured = any(_ATTENDANCE.search(b.text) for b in blocks)
    kinds: set[str] = set()
    triggers: dict[str, str] = {}
    for kind, pattern in KIND_WORDS.items():
        for text in [*strong, body_head]:
            found = pattern.search(text)
            if found and text is body_head and not _body_evidence(kind, text, structured):
                continue
            if found:
                kinds.add(kind)
                triggers[kind] = found.group(0)
                result.reasons.append(f"{kind.replace('_', ' ')}: {found.group(0)!r}")
                break
    # A protocol's own "Plats och tid" is the meeting it records, not a plan of dates.
    if "protocol" in kinds and _PROTOCOL_OWN.fullmatch(triggers.get("meeting_dates", "")):
        kinds.discard("meeting_dates")
        result.reasons.append("'plats och tid' of a protocol: the meeting it records")

    # "Deltagare förskolenätverket 2025" as the subject: the list of who takes part.
    if not kinds & {"member_list", "protocol"} and _PARTICIPANTS.search(subject):
        kinds.add("member_list")
        result.reasons.append("member list: 'deltagare' in the subject")

    # -- protocol -------------------------------------------------------------------
    if "protocol" in kinds:
        proto_block = _protocol_block(blocks)
        when = protocol_date(proto_block.text, reference, [proto_block.name, mail.subject])
        attendees = _attendees(proto_block)
        result.protocol = (when, attendees)
        unlisted = _UNLISTED.search(proto_block.text)
        if unlisted:
            # "Närvarande: samtliga kommuner utom Tibro och Karlsborg": who came is not
            # written; a person must say it, the reader cannot.
            result.review_notes.append(
                Reason(ReasonCode.ATTENDANCE_UNLISTED, {"text": unlisted.group(0)[:80]})
            )
        if when is not None:
            result.meetings.add(when, None, None, None, "the meeting the protocol records")

    # -- meetings -------------------------------------------------------------------
    plan = "meeting_dates" in kinds
    for block in blocks:
        stated = default_time(block.text) if block.tables else None
        for table in block.tables:
            meetings_in_table(table, reference, result.meetings, source=block.name, default=stated)
        meetings_in_text(
            block.text,
            reference,
            result.meetings,
            plan=plan and "protocol" not in kinds,
            source=block.name,
            keep_past=result.protocol[0] if result.protocol else None,
        )
    # A date the mail cancels is no meeting, wherever else it is written (Outlook's
    # "När: den 22 maj" above a cancelled invitation).
    for day in result.meetings.cancelled:
        result.meetings.meetings.pop(day, None)
    if result.protocol is not None and result.protocol[0] is not None:
        others = [d for d in result.meetings.meetings if d != result.protocol[0]]
        if others:
            kinds.add("meeting_dates")
            result.reasons.append("the protocol names the next meeting")
    elif result.meetings.meetings:
        kinds.add("meeting_dates")
    if result.meetings.moved or result.meetings.cancelled:
        kinds.add("meeting_dates")
    # "Den blir vecka 44": a meeting announced without a date. Only on a line that
    # speaks of a meeting; "under hösten" in a report is not one.
    vague = [
        v
        for line in body_main.split("\n")
        if _MEETINGISH.search(line) and not _PAST_TENSE.search(line)
        for v in find_vague(line)
        if _ALMOST_A_DATE.search(v)
    ]
    if vague and not result.meetings.meetings:
        kinds.add("meeting_dates")

    # -- members --------------------------------------------------------------------
    members: list[Member] = []
    for block in blocks:
        for table in block.tables:
            if _is_meeting_table(table):
                continue  # a plan's host column is no member list
            in_table = members_from_table(table)
            if len(in_table) >= 2 or (in_table and "member_list" in kinds):
                members.extend(in_table)
    # "Presidiet ... är:" introduces people; "Presidiet har fastställt" does not.
    presidium_named = any(_PRESIDIUM.search(t) for t in strong) or bool(
        _PRESIDIUM_LIST.search(body_head)
    )
    if not members and not kinds:
        # No word says what it is, but the new text is a list of people with their
        # addresses or municipalities ("Här kommer den uppdaterade listan"): a member list.
        listed = members_from_text(cut_signature(body_main))
        if len([m for m in listed if m.email or m.municipality]) >= 3:
            members = listed
            kinds.add("member_list")
            result.reasons.append("member list: a list of people with addresses in the text")
    if not members and ("member_list" in kinds or presidium_named) and "protocol" not in kinds:
        for block in blocks:
            members.extend(members_from_text(cut_signature(block.text)))
    elif members and "protocol" not in kinds:
        # The presidium written as lines ("Ordförande: Malin T, Lidköping") above a
        # table of everyone else: those lines name people and roles too.
        labelled = [
            person
            for block in blocks
            for line in block.text.split("\n")
            if (on_line := people_in_line(line)) and normalize_role(line.split(":")[0])
            for person in on_line
        ]
        members = labelled + members
    joining, leaving = members_from_changes(body_main)
    if (joining or leaving) and not members:
        members = joining
        kinds.add("member_list")
        result.member_changes = {
            "joining": [m.name for m in joining],
            "leaving": list(leaving),
        }
        result.reasons.append(
            "a change of members: " + ", ".join(m.name for m in joining) or "someone leaves"
        )
    if leaving:
        result.review_notes.append(Reason(ReasonCode.MEMBER_LEAVES, {"names": ", ".join(leaving)}))
    if members and ("member_list" in kinds or "protocol" not in kinds):
        kinds.add("member_list")
        roles = role_assignments("\n".join(b.text for b in blocks))
        listed = _dedupe(members)
        result.members = [
            Member(m.name, m.email, m.municipality, _role_of(m, roles, listed, mail))
            if m.role == "ledamot"
            else m
            for m in listed
        ]
    elif "member_list" in kinds and "protocol" in kinds:
        kinds.discard("member_list")

    result.kinds = sorted(kinds)
    _decide(result, mail, ctx, problems, vague, decision.ambiguous)
    return result


# Vague forms that stand for a coming meeting's date ("vecka 44", "i början av mars",
# "datum meddelas senare"); a season or a school year in a report is no such thing.
_ALMOST_A_DATE = re.compile(
    r"\b(?:vecka|veckorna|v\.?\s?\d|början|mitten|slutet|meddelas|återkommer|nästa vecka|"
    r"om \w+ veckor|på (?:mån|tis|ons|tors|fre)dag)",
    re.I,
)
_PAST_TENSE = re.compile(
    r"\b(?:har träffats|träffades|hölls|har haft|genomfördes|har genomförts)\b", re.I
)
_SCAN_CHARS = 20_000  # of a body searched for network names
_BODY_CHARS = 200_000  # of a body read for meetings, people and kinds
_ATTENDANCE = re.compile(
    r"^\s*(?:närvarande|deltagare|närvarolista|beslutande|tjänstgörande ersättare|"
    r"övriga (?:deltagande|närvarande))\b",
    re.I | re.M,
)
_DELIVERS = re.compile(
    r"^\s*(?:delrapport|slutrapport|återrapport|rapport|kompetensutvecklingsplan|"
    r"arbetsordning|verksamhetsplan|redovisning)|\b(?:bifogar|bifogad|bifogat|här kommer|"
    r"här är|skickar|översänder|lämnar)\b",
    re.I | re.M,
)
_UNLISTED = re.compile(
    r"^\s*(?:närvarande|deltagare|deltog|beslutande)\b[^\n]{0,20}?\b(?:samtliga|alla)\s+"
    r"(?:kommuner|ledamöter|medlemmar|deltagare)\s+(?:utom|förutom)\s+[^.\n]{1,80}",
    re.I | re.M,
)
_PROTOCOL_OWN = re.compile(r"plats och tid|datum för|tid och plats", re.I)
_PARTICIPANTS = re.compile(r"\bdeltagar(?:e|na|lista|listan)\b", re.I)
_COUNTED = re.compile(
    r"\b(?:\d+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|alla|samtliga|"
    r"våra|några|flera)\s+(?:nya\s+)?(?:ledamöter|medlemmar|representanter|deltagare)\b",
    re.I,
)
_HEADING_AGENDA = re.compile(r"^\s*(?:dagordning|kallelse|agenda)\b", re.I | re.M)


def _body_evidence(kind: str, text: str, structured: bool) -> bool:
    """Running text is weak evidence of a kind: "Kallelse kommer från Sanna" is no
    agenda and "Värdkommunen skriver protokoll" no protocol. An agenda in the body
    must stand as a heading; a protocol needs an attendance list somewhere."""
    if kind == "agenda":
        return bool(_HEADING_AGENDA.search(text))
    if kind == "protocol":
        return structured
    if kind == "member_list":
        # "Nätverket har 15 ledamöter" counts the members; it lists none.
        return bool(KIND_WORDS["member_list"].search(_COUNTED.sub(" ", text)))
    if kind == "report":
        # "Här kommer återrapporteringen" delivers one; "presidiet har fastställt
        # arbetsordningen" only speaks of one.
        return bool(_DELIVERS.search(text))
    return True


_PRESIDIUM = re.compile(r"\bpresidi(?:et|um)\b", re.I)
_PRESIDIUM_LIST = re.compile(r"\bpresidi(?:et|um)\b[^\n]*(?::|\bär|består av)\s*$", re.I | re.M)
_MEETINGISH = re.compile(r"\b(?:möte\w*|träff\w*|nätverksträff\w*|sammanträde\w*)\b", re.I)
_FWD_SUBJECT = re.compile(r"^\s*(?:ämne|subject)\s*:\s*(.+)$", re.I | re.M)


def _forwarded_subject(quoted: str) -> str:
    match = _FWD_SUBJECT.search(quoted)
    return match.group(1) if match else ""


def _role_of(member: Member, roles: dict[str, str], listed: list[Member], mail: ParsedMail) -> str:
    """A member's role from the prose: by full name; by first name when one member of
    the list has it ("Ulrika är ordförande"); "jag" is the sender (by address or name)."""
    name = member.name.lower()
    if name in roles:
        return roles[name]
    first = name.split()[0]
    if first in roles and sum(m.name.lower().split()[0] == first for m in listed) == 1:
        return roles[first]
    sender = (mail.from_addr or "").lower()
    if "jag" in roles and (
        (member.email and member.email.lower() == sender)
        or (mail.from_name and mail.from_name.lower() == name)
    ):
        return roles["jag"]
    return member.role


def _protocol_block(blocks: list[_Block]) -> _Block:
    """The block that is the protocol: a titled document with its attendance first."""
    titled = [b for b in blocks[1:] if KIND_WORDS["protocol"].search(b.name + "\n" + b.title)]
    for block in titled + blocks:
        if _attendees(block):
            return block
    return titled[0] if titled else blocks[0]


def _attendees(block: _Block) -> list[str]:
    """Everyone present, from the attendance tables (NÄRVAROLISTA marks, a front page
    laid out as a table) and the labelled lists in the text, each once."""
    found: list[str] = []
    for table in block.tables:
        for name in attendees_in_table(table) + attendees_in_label_table(table):
            if name not in found:
                found.append(name)
    for name in attendees_in_text(block.text):
        if name not in found:
            found.append(name)
    if found:
        return found
    for table in block.tables:
        found = attendees_from_table(table)
        if found:
            return found
    return attendees_from_text(block.text)


_AUTH_FAIL = re.compile(r"\b(dmarc|spf)\s*=\s*(fail|permerror)\b", re.I)


def _authentication_failed(mail: ParsedMail) -> str | None:
    """DMARC or SPF failing in the receiving server's Authentication-Results: the From
    address may be forged, so the mail must not change a network's records unseen."""
    for value in mail.headers.get("authentication-results", []):
        found = _AUTH_FAIL.search(value)
        if found:
            return f"{found.group(1).upper()}={found.group(2).lower()}"
    return None


def _is_meeting_table(rows: list[list[str]]) -> bool:
    header = " ".join(c.lower() for row in rows[:4] for c in row)
    return bool(re.search(r"\b(?:datum|dag|tid)\b", header)) and not re.search(
        r"\b(?:e-?post|mejl|mail|roll|funktion)\b", header
    )


def _dedupe(members: list[Member]) -> list[Member]:
    seen: dict[str, Member] = {}
    for m in members:
        key = m.name.lower()
        if key not in seen:
            seen[key] = m
    return list(seen.values())


def _decide(
    result: Understanding,
    mail: ParsedMail,
    ctx: Context,
    problems: list[str],
    vague: list[str],
    ambiguous: bool,
) -> None:
    review: list[Reason] = list(result.review_notes)
    review.extend(Reason(ReasonCode.UNREADABLE, {"detail": p}) for p in problems)
    if vague and not result.meetings.meetings:
        review.append(Reason(ReasonCode.DATE_VAGUE, {"text": vague[0]}))
    if result.meetings.cancelled and not result.meetings.meetings:
        review.append(Reason(ReasonCode.MEETING_CANCELLED))
    if not result.kinds and not result.meetings.meetings and not problems:
        result.disposition = "ignored"
        result.ignored_reason = "no-content"
        result.reasons.append("nothing for the store: no network paperwork in it")
        return
    if ambiguous:
        review.append(Reason(ReasonCode.NETWORK_AMBIGUOUS))
    elif result.network is None:
        review.append(Reason(ReasonCode.NETWORK_UNKNOWN))
    if "member_list" in result.kinds and not result.members:
        review.append(Reason(ReasonCode.MEMBER_LIST_EMPTY))
    if result.protocol is not None and result.protocol[0] is None:
        review.append(Reason(ReasonCode.PROTOCOL_UNDATED))
    review.extend(sender_reasons(mail, ctx))
    if review:
        result.disposition = "needs_review"
        result.review = review
        result.reasons.extend(r.english() for r in review)
    else:
        result.disposition = "apply"


def understand_bytes(
    raw: bytes, ctx: Context, limits: Limits, reader: DocumentReader | None = None
) -> tuple[ParsedMail, Verdict]:
    """A raw mail parsed and understood (the pipeline's stage and the reading pool)."""
    mail = parse_mail(raw, limits, reader=reader)
    return mail, analyze(mail, ctx).verdict()
