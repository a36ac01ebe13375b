"""The weekly digest's content, and the Swedish words for what the coordinator reads.

`digest_context` gathers, as known on a day: every network's picture (worst first), the
open findings with a short Swedish explanation, the mail that arrived in the last seven
days, the mail waiting for review (with why, in Swedish), the notices that could not be
delivered, and the meetings of the next four weeks. The digest template renders it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.models import Message, MessageState, OutboxItem, OutboxState, Understanding
from mailbot.outbox.planner import NetworkView
from mailbot.reasons import KIND_SV
from mailbot.registry.engine import holiday_on, local_date
from mailbot.registry.state import Finding
from mailbot.rules import RuleProblem
from mailbot.verdict import Verdict

ARRIVED_DAYS = 7
UPCOMING_DAYS = 28

_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def reason_sv(message: Message, understanding: Understanding | None) -> str:
    """Why a message waits for review, in Swedish (the words are in mailbot/reasons.py)."""
    verdict = Verdict.load(understanding.result_json) if understanding is not None else None
    found = verdict.review if verdict is not None else []
    if found:
        return "; ".join(r.swedish() for r in found)
    return message.reason or "behöver granskas"


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
        return (
            f"uppdraget gällde till {rules.valid_to.isoformat()}: de senaste reglerna gäller "
            "tills regelfilen får nästa period"
        )
    if finding.rule == "mission-ending" and rules.valid_to is not None:
        return f"uppdraget gäller till {rules.valid_to.isoformat()}: reglerna behöver nästa period"
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
    broken: Mapping[str, Sequence[RuleProblem]] | None = None,
) -> dict[str, Any]:
    """The digest's context as known at `until` (the end of `today`); `broken`: the
    networks whose rules file cannot be read (they are skipped), with the problems."""
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
                        "reason": reason_sv(message, understanding)
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
        "broken": [
            {
                "network": slug,
                "file": str(problems[0].file.name),
                "problem": f"rad {problems[0].line}: {problems[0].message}"
                if problems[0].line
                else problems[0].message,
            }
            for slug, problems in sorted((broken or {}).items())
            if problems
        ],
    }


# -- the coordinator's review request ---------------------------------------------------

_KIND_SV = {
    "member_list": "medlemsförteckning",
    "meeting_dates": "mötesdatum",
    "protocol": "protokoll",
    "report": "rapport",
    "agenda": "kallelse eller dagordning",
}


def read_sv(verdict: Verdict) -> str:
    """What mailbot read in a mail, in a few Swedish words (for the review request)."""
    if verdict.in_reply_to is not None:
        thread = verdict.in_reply_to
        about = f" om träffen {thread.about.isoformat()}" if thread.about else ""
        return f"ett svar på mailbots {KIND_SV.get(thread.kind, 'mejl')}{about}"
    parts = []
    if verdict.members:
        count = len(verdict.members)
        parts.append(f"medlemsförteckning med {count} {'person' if count == 1 else 'personer'}")
    if verdict.protocol is not None and verdict.protocol.meeting_date:
        parts.append(f"protokoll från {verdict.protocol.meeting_date.isoformat()}")
    dates = [m.date.isoformat() for m in verdict.meetings]
    if dates and verdict.protocol is None:
        parts.append("mötesdatum " + ", ".join(dates[:6]) + (" …" if len(dates) > 6 else ""))
    parts += [_KIND_SV[k] for k in verdict.kinds if k in ("report", "agenda")]
    return "; ".join(parts) or "inget mailbot kände igen"


def waiting_for_review(
    engine: Engine, until: datetime | None = None
) -> list[tuple[Message, Understanding]]:
    """The mail that waits for a person (sent by `until`), oldest first: the review
    request, the digest's callers and the desk's queue all read it here."""
    query = (
        select(Message, Understanding)
        .join(Understanding, col(Understanding.message_pk) == col(Message.id))
        .where(Message.state == MessageState.NEEDS_REVIEW.value)
    )
    if until is not None:
        query = query.where(col(Message.sent_at) <= until)
    with Session(engine) as session:
        return list(session.exec(query.order_by(col(Message.sent_at))).all())


def review_items(
    engine: Engine, until: datetime, listed: set[int], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The mail that waits for a person (sent by `until`) and was in no review request
    yet (`listed`), oldest first, as the request shows it."""
    items: list[dict[str, Any]] = []
    for message, understanding in waiting_for_review(engine, until):
        if message.id is None or message.id in listed:
            continue
        verdict = Verdict.load(understanding.result_json)
        items.append(
            {
                "id": message.id,
                "date": local_date(message.sent_at),
                "sender": message.from_addr or "(okänd)",
                "subject": message.subject or "(inget ämne)",
                "network": names.get(verdict.network or ""),
                "read": read_sv(verdict),
                "reason": reason_sv(message, understanding),
            }
        )
    return items
