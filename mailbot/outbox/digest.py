"""The weekly digest's content, and the Swedish words for what the coordinator reads.

`digest_context` gathers, as known on a day: every network's picture (worst first), the
open findings with a short Swedish explanation, the mail that arrived in the last seven
days, the mail waiting for review (with why, in Swedish), the notices that could not be
delivered, and the meetings of the next four weeks. The digest template renders it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.models import Message, MessageState, OutboxItem, OutboxState, Understanding
from mailbot.outbox.planner import NetworkView
from mailbot.registry.engine import holiday_on, local_date
from mailbot.registry.state import Finding

ARRIVED_DAYS = 7
UPCOMING_DAYS = 28

_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")

# The reader's reasons (English, for logs and the CLI) in the coordinator's words.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), swedish)
    for pattern, swedish in (
        (r"the sender (\S+) is not a known member or from a trusted domain",
         r"okänd avsändare: \1 är varken känd medlem eller från en betrodd domän"),
        (r"the sender's domain failed (\S+) \(Authentication-Results\)",
         r"avsändarens domän klarade inte \1: avsändaren kan vara förfalskad"),
        (r"a meeting is cancelled; a person confirms before it is removed",
         "en träff ställs in: bekräfta innan den tas bort"),
        (r"(.+) leaves the network; a person confirms the change",
         r"\1 lämnar nätverket: bekräfta ändringen"),
        (r"more than one network is named and none clearly",
         "flera nätverk nämns och inget tydligt"),
        (r"no network could be told from the mail", "det går inte att se vilket nätverk"),
        (r"it looks like a member list but no people could be read",
         "ser ut som en medlemsförteckning men inga personer kunde läsas"),
        (r"a protocol, but the meeting's date could not be found",
         "ett protokoll, men träffens datum hittades inte"),
        (r"'(.+)' is not a date; a person must read it", r"”\1” är inget datum: läs själv"),
        (r"attachment (.+?): (.+)", r"bilagan \1 kunde inte läsas (\2)"),
        (r"cannot read (.+)", r"kan inte läsa \1"),
        (r"mailbot could not read this mail: (.+)", r"mailbot kunde inte läsa mejlet (\1)"),
    )
)  # fmt: skip
# Reasons that explain what was understood, not why a person must look.
_NOT_REVIEW = re.compile(
    r"^(a forward|quoted history|the protocol names|a change of members|"
    r"(the subject|an attachment's file name|a document heading|the text|an attachment) "
    r"names the network|the sender is a known member|"
    r"(member list|meeting dates|protocol|report|agenda): )",
    re.IGNORECASE,
)


def reason_sv(reasons: list[str] | str | None) -> str:
    """Why a message waits for review, in Swedish: the reader's reasons without the
    informational ones (which network, what was found); unknown ones are kept as is."""
    if not reasons:
        return "okänd orsak"
    parts = reasons.split("; ") if isinstance(reasons, str) else [str(r) for r in reasons]
    out = []
    for part in (p.strip() for p in parts):
        if not part or _NOT_REVIEW.match(part):
            continue
        for pattern, swedish in _REASONS:
            if pattern.fullmatch(part):
                out.append(pattern.sub(swedish, part))
                break
        else:
            out.append(part)
    return "; ".join(out) or "behöver granskas"


def _reasons(message: Message, understanding: Understanding | None) -> list[str] | str | None:
    if understanding is not None:
        found = json.loads(understanding.result_json).get("reasons")
        if isinstance(found, list) and found:
            return [str(r) for r in found]
    return message.reason


def finding_detail(finding: Finding, view: NetworkView) -> str | None:
    """A short Swedish explanation of a finding, for the digest."""
    status, rules = view.status, view.network.obligations
    if finding.rule == "meeting-count-behind":
        return (
            f"{status.meetings_held} av minst {status.meetings_required} träffar hållna, "
            f"{status.meetings_planned} planerade"
        )
    if finding.rule == "meeting-weekday" and finding.meeting is not None:
        holiday = holiday_on(finding.meeting)
        if holiday is not None and rules.meetings.avoid_holidays:
            return f"träffen är på {holiday[1]}"
        wanted = " eller ".join(f"{d}ar" for d in rules.meetings.weekdays)
        return f"träffen är på en {_WEEKDAYS[finding.meeting.weekday()]}, ska vara på {wanted}"
    if finding.rule == "protocol-missing":
        writer = {
            "sekreterare": "sekreteraren",
            "värdrektor": "värdrektorn",
            "värdkommun": "värdkommunen",
        }[rules.protocol.writer]
        return f"{writer} skriver protokollet"
    if finding.rule.startswith("deliverable-"):
        return finding.subject.split(", due ")[0]
    if finding.rule == "mission-ended" and rules.valid_to is not None:
        return f"uppdraget gällde till {rules.valid_to.isoformat()}: reglerna behöver nästa period"
    return None


# The network's own duties to the mailbox: any of these open means "behind". Other
# findings (a meeting on the wrong day, a deliverable, the mission's end) need attention.
BEHIND_RULES = frozenset(
    {"meeting-count-behind", "protocol-missing", "member-list-missing", "meeting-dates-missing"}
)


def network_word(view: NetworkView) -> str:
    findings = view.status.findings
    if any(f.rule in BEHIND_RULES for f in findings):
        return "behind"
    if findings:
        return "attention"
    return "on-track"


def digest_context(
    engine: Engine,
    views: Sequence[NetworkView],
    today: date,
    until: datetime,
    coordinator_name: str | None,
) -> dict[str, Any]:
    """The digest's context as known at `until` (the end of `today`)."""
    order = {"behind": 0, "attention": 1, "on-track": 2}
    names = {v.network.slug: v.network.name for v in views}
    ranked = sorted(views, key=lambda v: (order[network_word(v)], v.network.name))
    networks = [
        {
            "name": v.network.name,
            "status": network_word(v),
            "held": v.status.meetings_held,
            "planned": v.status.meetings_planned,
            "required": v.status.meetings_required,
            "findings": len(v.status.findings),
        }
        for v in ranked
    ]
    findings = [
        {
            "network": v.network.name,
            "rule": f.rule,
            "severity": f.severity,
            "about": f.meeting,
            "due": f.due,
            "detail": finding_detail(f, v),
        }
        for v in ranked
        for f in v.status.findings
    ]
    since = today - timedelta(days=ARRIVED_DAYS - 1)
    arrived: list[dict[str, Any]] = []
    review: list[dict[str, Any]] = []
    with Session(engine) as session:
        rows = session.exec(
            select(Message, Understanding)
            .join(Understanding, col(Understanding.message_pk) == col(Message.id), isouter=True)
            .where(col(Message.sent_at) <= until)
            .where(
                col(Message.state).in_(
                    [
                        MessageState.APPLIED.value,
                        MessageState.NEEDS_REVIEW.value,
                        MessageState.IGNORED.value,
                        MessageState.QUARANTINED.value,
                    ]
                )
            )
            .order_by(col(Message.sent_at))
        ).all()
        for message, understanding in rows:
            day = local_date(message.sent_at)
            network = names.get(understanding.network or "") if understanding else None
            if message.state in (MessageState.NEEDS_REVIEW.value, MessageState.QUARANTINED.value):
                review.append(
                    {
                        "id": message.id,
                        "date": day,
                        "sender": message.from_addr or "(okänd)",
                        "subject": message.subject or "(inget ämne)",
                        "network": network,
                        "reason": reason_sv(_reasons(message, understanding))
                        if message.state == MessageState.NEEDS_REVIEW.value
                        else f"i karantän: {message.reason or 'okänd orsak'}",
                    }
                )
            if day < since or message.state == MessageState.QUARANTINED.value:
                continue
            arrived.append(
                {
                    "date": day,
                    "network": network,
                    "sender": message.from_addr or "(okänd)",
                    "subject": message.subject or "(inget ämne)",
                    "kinds": json.loads(understanding.kinds) if understanding else [],
                    "outcome": message.state,
                }
            )
        failed_rows = session.exec(
            select(OutboxItem)
            .where(OutboxItem.state == OutboxState.FAILED.value)
            .where(col(OutboxItem.created_day) <= today)
            .order_by(col(OutboxItem.id))
        ).all()
    failed = [
        {
            "id": row.id,
            "date": row.created_day,
            "kind": row.kind,
            "to": json.loads(row.to_json),
            "subject": row.subject,
            "error": row.last_error or "okänt fel",
        }
        for row in failed_rows
    ]
    horizon = today + timedelta(days=UPCOMING_DAYS)
    upcoming = sorted(
        (
            {
                "date": d,
                "start": m.start,
                "end": m.end,
                "network": v.network.name,
                "place": m.place,
            }
            for v in views
            for d, m in v.state.meetings.items()
            if m.status == "planned" and today <= d < horizon
        ),
        key=lambda item: (item["date"], item["network"]),
    )
    week = today.isocalendar()[1]
    return {
        "recipient_name": coordinator_name,
        "today": today,
        "year": today.year,
        "week": week,
        "networks": networks,
        "findings": findings,
        "arrived": arrived,
        "review": review,
        "failed": failed,
        "upcoming": upcoming,
    }
