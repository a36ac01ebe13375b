"""Bounces of mailbot's own mail: a sent notice that comes back undelivered is failed.

Most servers (Microsoft 365 among them) accept a mail at SMTP time and report a bad
address later, as a non-delivery report in the mailbox. The reader ignores such reports
(`ignored_reason` "bounce"); here each one is searched for the Message-IDs mailbot gives
its mail (`<mailbot.HEX@domain>`, see `store.make_message_id`), in the returned headers
or the returned mail, and the matching sent notice becomes `failed` with the report's
diagnostic, so the coordinator sees it in the digest and can fix the address.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.models import Message, MessageState, OutboxItem, OutboxState, Understanding, utcnow
from mailbot.rawstore import RawStore

log = logging.getLogger(__name__)

_OUR_ID = re.compile(rb"<mailbot\.[0-9a-f]{32}@[^>\s]+>")
_DIAGNOSTIC = re.compile(
    rb"(?im)^Diagnostic-Code:[ \t]*(?:[a-z0-9-]+;[ \t]*)?(.+(?:\r?\n[ \t]+.+)*)"
)
_STATUS = re.compile(rb"(?im)^Status:[ \t]*([245]\.\d{1,3}\.\d{1,3})")


def bounce_detail(raw: bytes) -> str:
    """The report's reason in one line: its Diagnostic-Code, else its Status."""
    found = _DIAGNOSTIC.search(raw)
    if found:
        text = re.sub(rb"\s+", b" ", found.group(1)).strip()
        return text.decode("utf-8", "replace")[:300]
    status = _STATUS.search(raw)
    if status:
        return f"status {status.group(1).decode()}"
    return "non-delivery report without a diagnostic"


def match_bounces(engine: Engine, raw_store: RawStore, *, since: datetime, until: datetime) -> int:
    """Fail every sent notice named by a bounce sent in [since, until]; the number failed.
    Idempotent: a notice already failed is left as it is."""
    with Session(engine) as session:
        bounces = session.exec(
            select(Message)
            .join(Understanding, col(Understanding.message_pk) == col(Message.id))
            .where(Message.state == MessageState.IGNORED.value)
            .where(Understanding.ignored_reason == "bounce")
            .where(col(Message.sent_at) >= since)
            .where(col(Message.sent_at) <= until)
        ).all()
    failed = 0
    for bounce in bounces:
        try:
            raw = raw_store.get(bounce.sha256)
        except OSError as exc:
            log.warning("cannot read bounce #%s: %s", bounce.id, exc)
            continue
        ids = {m.decode("ascii", "replace") for m in _OUR_ID.findall(raw)}
        if not ids:
            continue
        detail = bounce_detail(raw)
        with Session(engine) as session:
            rows = session.exec(
                select(OutboxItem)
                .where(col(OutboxItem.message_id).in_(ids))
                .where(OutboxItem.state == OutboxState.SENT.value)
            ).all()
            for row in rows:
                row.state = OutboxState.FAILED.value
                row.last_error = f"bounced: {detail}"
                stamp = utcnow().strftime("%Y-%m-%d %H:%M:%S")
                row.history += (
                    f"{stamp}Z failed: a non-delivery report came back (message "
                    f"#{bounce.id}): {detail}\n"
                )
                session.add(row)
                failed += 1
                log.warning("%s #%s to %s bounced: %s", row.kind, row.id, row.to_json, detail)
            session.commit()
    return failed
