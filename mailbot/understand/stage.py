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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session, delete

from mailbot.envelope import read_envelope
from mailbot.models import AttachmentText, Message, MessageState, Understanding
from mailbot.parse.mime import ParsedMail
from mailbot.parse.types import DocumentReader, Limits
from mailbot.pipeline import StageContext, Transition
from mailbot.reasons import Reason, ReasonCode
from mailbot.understand.analyze import Context, analyze, sender_reasons, understand_bytes
from mailbot.understand.answers import (
    SentMail,
    find_thread,
    new_text,
    read_answer,
    referenced_ids,
    strip_for_reading,
)
from mailbot.understand.decisions import parse_decisions, token_of
from mailbot.understand.pool import ReadingPool, senders_entry
from mailbot.understand.threads import StoreLookup, add_pauses, protocol_found
from mailbot.verdict import Thread, Verdict

log = logging.getLogger(__name__)

# An answer to mailbot's mail that is machine-written stays ignored (never answered).
MACHINE_REASONS = frozenset(
    {"auto-reply", "bounce", "receipt", "own-mail", "calendar-reply", "spam", "newsletter"}
)
UNDERSTANDING_VERSION = "2"  # the Verdict model (mailbot/verdict.py)
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
        return understand_bytes(raw, ctx, limits)[1].as_dict()
    except Exception as exc:
        log.exception("reading the mail failed")
        envelope = read_envelope(raw)
        verdict = Verdict(
            message_id=envelope.message_id,
            sender=envelope.from_addr,
            subject=envelope.subject or "",
        )
        verdict.needs_review(
            Reason(ReasonCode.READER_FAILED, {"error": f"{type(exc).__name__}: {exc}"})
        )
        return verdict.as_dict()


def decide_by_mail(
    mail: ParsedMail, verdict: Verdict, thread: Thread, sent: SentMail, context: Context
) -> Verdict:
    """A coordinator's answer to a review request: the decisions it carries, or why it
    decides nothing (decisions.py). The register stage carries them out."""
    out = verdict.model_copy(deep=True)
    out.in_reply_to = thread
    out.network, out.kinds, out.members, out.meetings = None, [], [], []
    out.protocol, out.changes = None, []
    token = str(sent.context.get("token") or "")
    echoed = bool(token) and (
        any(token in ref for ref in referenced_ids(mail)) or token_of(mail.subject) == token
    )
    sender = (verdict.sender or "").lower()
    # Judged from the mail itself: a mail with nothing for the store carries no review
    # reasons, yet a forged From must never decide.
    suspect = any(r.suspect_sender for r in sender_reasons(mail, context))
    why = (
        "not-coordinator"
        if sender not in context.coordinators
        else "suspect"
        if suspect
        else "no-token"
        if not echoed
        else None
    )
    out.answer = "decision"
    if why is not None:
        out.disposition = "needs_review"
        out.review = [Reason(ReasonCode.DECISION_REFUSED, {"why": why})]
        out.reasons = [r.english() for r in out.review]
        return out
    listed = sent.context.get("items")
    items = (
        [int(i["id"]) for i in listed if isinstance(i, dict)] if isinstance(listed, list) else []
    )
    names = {alias: n.slug for n in context.networks for alias in (n.name.lower(), *n.aliases)}
    parsed = parse_decisions(new_text(mail.text, mail.subject, sent.text), items, names)
    out.decisions = parsed.lines
    out.unread_lines = parsed.unread
    out.disposition = "apply"
    out.review = []
    out.reasons = [
        f"a coordinator's answer to a review request: {len(parsed.lines)} decisions, "
        f"{len(parsed.unread)} lines not understood"
    ]
    return out


_ATTACHMENTS: Table = AttachmentText.__table__  # type: ignore[attr-defined]
_UNDERSTANDINGS: Table = Understanding.__table__  # type: ignore[attr-defined]


def verdict_columns(verdict: Verdict) -> dict[str, Any]:
    """A verdict as its row holds it: the JSON and the columns that index it."""
    return {
        "disposition": verdict.disposition,
        "ignored_reason": verdict.ignored_reason,
        "network": verdict.network,
        "kinds": json.dumps(sorted(verdict.kinds)),
        "result_json": verdict.dump(),
    }


def store_verdict(row: Understanding, verdict: Verdict) -> None:
    """Write a verdict to its row: the JSON and the columns that index it."""
    for name, value in verdict_columns(verdict).items():
        setattr(row, name, value)


@dataclass
class UnderstandStage:
    context: Context
    limits: Limits
    # The registry's current members (address -> networks): they may send from any
    # address, and their membership is evidence for the network.
    senders: Callable[[], dict[str, set[str]]] | None = None
    # Reads attachments (the app's one document worker); None: the process-wide one.
    reader: DocumentReader | None = None
    # Reader processes that read the next mails ahead (pool.py); None: read here.
    pool: ReadingPool | None = None
    pool_min_batch: int = 4
    name: str = "understand"
    consumes: MessageState = MessageState.RECEIVED

    def _known_senders(self) -> dict[str, set[str]]:
        return self.senders() if self.senders else self.context.known_senders

    def prepare(self, messages: Sequence[Message], ctx: StageContext) -> None:
        """Have the pool read these waiting mails ahead, in order (when there are
        enough of them to be worth the processes)."""
        if self.pool is None or len(messages) < self.pool_min_batch:
            return
        senders = self._known_senders()
        for message in messages:
            assert message.id is not None
            path = str(ctx.raw_store.path(message.sha256))
            self.pool.submit(message.id, path, message.sent_at.date(), senders)

    def forget(self, keys: set[int]) -> None:
        if self.pool is not None:
            self.pool.forget(keys)

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
        assert message.id is not None
        context = replace(
            self.context,
            fallback_date=message.sent_at.date(),
            known_senders=self._known_senders(),
        )
        read = self.pool.take(message.id) if self.pool is not None else None
        if read is not None:
            mail, verdict = read.mail, read.verdict
            if senders_entry(context.known_senders, mail.from_addr) != read.senders_seen:
                # The registry changed this sender's standing since it was read ahead.
                verdict = analyze(mail, context).verdict()
        else:
            raw = ctx.raw_store.get(message.sha256)
            mail, verdict = understand_bytes(raw, context, self.limits, self.reader)
        verdict = self._in_thread(session, message, mail, verdict, context)
        # A re-run after a crash starts clean: the stage's rows are replaced, not added.
        # Written as plain statements, not ORM objects: this runs for every mail.
        connection = session.connection()
        for table in (_ATTACHMENTS, _UNDERSTANDINGS):
            connection.execute(delete(table).where(table.c.message_pk == message.id))
        rows = [
            {
                "message_pk": message.id,
                "position": position,
                "filename": att.filename,
                "content_type": att.content_type[:200],
                "size": att.size,
                "kind": doc.kind if doc else ("mail" if att.mail else None),
                "text": doc.text if doc else (att.mail.text if att.mail else None),
                "tables_json": json.dumps(doc.tables, ensure_ascii=False)
                if doc and doc.tables
                else None,
                "problem": doc.problem if doc else None,
            }
            for position, att in enumerate(mail.all_attachments())
            for doc in [att.document]
        ]
        if rows:
            connection.execute(_ATTACHMENTS.insert(), rows)
        connection.execute(
            _UNDERSTANDINGS.insert().values(
                message_pk=message.id,
                understood_at=ctx.now,
                version=UNDERSTANDING_VERSION,
                **verdict_columns(verdict),
            )
        )
        summary = "; ".join(verdict.reasons)[:1000] or None
        return Transition(_NEXT_STATE[verdict.disposition], summary)

    def _in_thread(
        self,
        session: Session,
        message: Message,
        mail: ParsedMail,
        verdict: Verdict,
        context: Context,
    ) -> Verdict:
        """An answer to mailbot's own mail is read in its thread (answers.py). Machine
        mail (an auto-reply in the thread) and mailbot's own mail stay ignored: nothing
        ever answers them, so no loop."""
        if verdict.ignored_reason in MACHINE_REASONS:
            return verdict
        lookup = StoreLookup(session, message.sent_at.date())
        found = find_thread(mail, lookup)
        if found is None:
            return verdict
        thread, sent = found
        if thread.kind == "review-request":
            return decide_by_mail(mail, verdict, thread, sent, context)
        plain = analyze(strip_for_reading(mail, sent), context).verdict()
        assert message.id is not None
        answer = read_answer(
            mail,
            plain,
            thread,
            sent,
            reference=message.sent_at.date(),
            protocol_found=protocol_found(session, thread.network, thread.about, verdict.sender),
        )
        reason = "; ".join(r.english() for r in answer.verdict.review) or answer.kind.value
        add_pauses(session, message.id, answer.verdict.network, answer.pauses, reason)
        return answer.verdict
