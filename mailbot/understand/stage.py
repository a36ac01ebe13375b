"""The pipeline stage that reads a received message and records what it means.

received -> classified (disposition apply: waiting for the registry),
            ignored, needs_review (terminal, with the reasons),
            quarantined (by the runner, when reading keeps failing).
The extracted attachment texts and the understanding are written in the stage's one
transaction, together with the state change.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlmodel import Session, col, delete

from mailbot.envelope import read_envelope
from mailbot.models import AttachmentText, Message, MessageState, Understanding
from mailbot.parse.mime import ParsedMail, parse_mail
from mailbot.parse.types import Limits
from mailbot.pipeline import StageContext, Transition
from mailbot.reasons import Reason
from mailbot.understand.analyze import Context, analyze

log = logging.getLogger(__name__)

UNDERSTANDING_VERSION = "1"
_NEXT_STATE = {
    "apply": MessageState.CLASSIFIED,
    "ignored": MessageState.IGNORED,
    "needs_review": MessageState.NEEDS_REVIEW,
}


def understand_safely(raw: bytes, ctx: Context, limits: Limits) -> dict[str, object]:
    """For `mailbot parse` and `eval`: a bug in the reader becomes a needs_review verdict
    with the error as its reason, never a crash. (The pipeline stage instead lets it
    raise, so the runner retries and, if it persists, quarantines with the reason.)"""
    try:
        return understand_bytes(raw, ctx, limits)[1]
    except Exception as exc:
        log.exception("reading the mail failed")
        envelope = read_envelope(raw)
        reason = Reason("reader-failed", {"error": f"{type(exc).__name__}: {exc}"})
        return {
            "message_id": envelope.message_id,
            "from": envelope.from_addr,
            "subject": envelope.subject or "",
            "disposition": "needs_review",
            "ignored_reason": None,
            "network": None,
            "kinds": [],
            "members": [],
            "meetings": [],
            "protocol": None,
            "reasons": [reason.english()],
            "review": [reason.to_json()],
            "changes": [],
        }


def understand_bytes(
    raw: bytes, ctx: Context, limits: Limits
) -> tuple[ParsedMail, dict[str, object]]:
    mail = parse_mail(raw, limits)
    return mail, analyze(mail, ctx).as_json()


@dataclass
class UnderstandStage:
    context: Context
    limits: Limits
    # The registry's current members (address -> networks): they may send from any
    # address, and their membership is evidence for the network.
    senders: Callable[[], dict[str, set[str]]] | None = None
    name: str = "understand"
    consumes: MessageState = MessageState.RECEIVED

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
        raw = ctx.raw_store.get(message.sha256)
        context = replace(
            self.context,
            fallback_date=message.sent_at.date(),
            known_senders=self.senders() if self.senders else self.context.known_senders,
        )
        mail, result = understand_bytes(raw, context, self.limits)
        assert message.id is not None
        # A re-run after a crash starts clean: the stage's rows are replaced, not added.
        session.execute(delete(AttachmentText).where(col(AttachmentText.message_pk) == message.id))
        for position, att in enumerate(mail.all_attachments()):
            doc = att.document
            session.add(
                AttachmentText(
                    message_pk=message.id,
                    position=position,
                    filename=att.filename,
                    content_type=att.content_type[:200],
                    size=att.size,
                    kind=doc.kind if doc else ("mail" if att.mail else None),
                    text=doc.text if doc else (att.mail.text if att.mail else None),
                    tables_json=json.dumps(doc.tables, ensure_ascii=False)
                    if doc and doc.tables
                    else None,
                    problem=doc.problem if doc else None,
                )
            )
        existing = session.get(Understanding, message.id)
        row = existing or Understanding(message_pk=message.id, result_json="{}", disposition="")
        row.disposition = str(result["disposition"])
        row.ignored_reason = result["ignored_reason"]  # type: ignore[assignment]
        row.network = result["network"]  # type: ignore[assignment]
        row.kinds = json.dumps(result["kinds"])
        row.result_json = json.dumps(result, ensure_ascii=False)
        row.understood_at = ctx.now
        row.version = UNDERSTANDING_VERSION
        session.add(row)
        reasons = result.get("reasons") or []
        summary = "; ".join(str(r) for r in reasons)[:1000] if isinstance(reasons, list) else None
        return Transition(_NEXT_STATE[row.disposition], summary)
