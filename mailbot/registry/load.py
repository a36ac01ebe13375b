"""Reading the applied mail from the store, for the fold."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.models import AttachmentText, Message, MessageState, Understanding
from mailbot.registry.fold import DEFAULT_MATCH_WINDOW, Applied, fold
from mailbot.registry.state import NetworkState
from mailbot.verdict import Verdict


def applied_messages(engine: Engine, until: datetime | None = None) -> list[Applied]:
    """Every applied message (sent on or before `until`), with its understanding."""
    with Session(engine) as session:
        return applied_in(session, until)


def applied_in(session: Session, until: datetime | None = None) -> list[Applied]:
    """`applied_messages`, in an open session (a stage's transaction)."""
    query = (
        select(Message, Understanding)
        .join(Understanding, col(Understanding.message_pk) == col(Message.id))
        .where(Message.state == MessageState.APPLIED.value)
    )
    if until is not None:
        query = query.where(col(Message.sent_at) <= until)
    rows = session.exec(query).all()
    pks = [m.id for m, _u in rows if m.id is not None]
    names: dict[int, list[str]] = defaultdict(list)
    if pks:
        for att in session.exec(
            select(AttachmentText).where(col(AttachmentText.message_pk).in_(pks))
        ).all():
            heading = "\n".join((att.text or "").strip().split("\n")[:3])
            names[att.message_pk].append(f"{att.filename or ''}\n{heading}")
    applied = []
    for message, understanding in rows:
        assert message.id is not None
        verdict = Verdict.load(understanding.result_json)  # decoded once, here
        text = "\n".join([message.subject or "", *names.get(message.id, [])])
        applied.append(Applied(message.id, message.sent_at, verdict, text))
    return applied


def build_states(
    engine: Engine,
    slugs: list[str],
    until: datetime | None = None,
    windows: Mapping[str, int] | None = None,
) -> dict[str, NetworkState]:
    """Every network's registry as known at `until`; `windows` are the networks'
    `protocol.match_window_days` (default 21)."""
    applied = applied_messages(engine, until)
    windows = windows or {}
    return {slug: fold(slug, applied, windows.get(slug, DEFAULT_MATCH_WINDOW)) for slug in slugs}


def known_senders(states: dict[str, NetworkState]) -> dict[str, set[str]]:
    """Current members' addresses -> the networks they belong to."""
    found: dict[str, set[str]] = defaultdict(set)
    for slug, state in states.items():
        for member in state.current_members():
            if member.email:
                found[member.email.lower()].add(slug)
    return dict(found)
