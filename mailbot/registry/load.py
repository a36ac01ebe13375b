"""Reading the applied mail from the store, for the fold."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from mailbot.models import AttachmentText, Message, MessageEvent, MessageState, Understanding
from mailbot.registry.fold import DEFAULT_MATCH_WINDOW, Applied, fold
from mailbot.registry.state import NetworkState
from mailbot.verdict import Verdict


def applied_messages(engine: Engine, until: datetime | None = None) -> list[Applied]:
    """Every applied message (sent on or before `until`), with its understanding."""
    with Session(engine) as session:
        return applied_in(session, until)


def applied_in(
    session: Session,
    until: datetime | None = None,
    only: Iterable[int] | None = None,
    network: str | None = None,
) -> list[Applied]:
    """`applied_messages`, in an open session (a stage's transaction); `only`: just
    these messages (those that are applied); `network`: just that network's."""
    query = (
        select(Message, Understanding)
        .join(Understanding, col(Understanding.message_pk) == col(Message.id))
        .where(Message.state == MessageState.APPLIED.value)
    )
    if until is not None:
        query = query.where(col(Message.sent_at) <= until)
    if only is not None:
        query = query.where(col(Message.id).in_(list(only)))
    if network is not None:
        query = query.where(Understanding.network == network)
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


class RegistryCache:
    """The applied messages decoded once, and each network's fold redone only when its
    own applied messages changed: the registry as it stands, for the pipeline, which
    asks before every mail it reads (a rebuild each time would grow with the history).

    Every change of a message's state writes a `MessageEvent`, so on SQLite, whose
    writers commit one after another in the order of their event ids, only the
    messages with events after the last one seen are read again. Elsewhere (ids from
    a sequence may commit out of order) every applied message's `updated_at` is
    compared. Read with a session of its own (committed data only), never inside a
    transaction that may roll back.
    """

    def __init__(self) -> None:
        self._items: dict[int, tuple[datetime, Applied]] = {}
        self._last_event: int | None = None
        self._states: dict[str, tuple[tuple[tuple[int, datetime], ...], int, NetworkState]] = {}
        # Goes up whenever a network's registry is folded anew.
        self.version = 0
        self._dirty = True  # items changed since the states were last checked

    def applied(self, session: Session) -> list[Applied]:
        """Every applied message, read from the store only where it changed."""
        bind = session.get_bind()
        if bind.dialect.name == "sqlite" and self._last_event is not None:
            self._refresh_changed(session)
        else:
            self._refresh_all(session)
        return [item for _updated, item in self._items.values()]

    def _last_event_id(self, session: Session) -> int:
        return int(session.exec(select(func.max(MessageEvent.id))).one() or 0)

    def _refresh_all(self, session: Session) -> None:
        last = self._last_event_id(session)
        rows = session.exec(
            select(Message.id, Message.updated_at).where(
                Message.state == MessageState.APPLIED.value
            )
        ).all()
        current = {pk: updated for pk, updated in rows if pk is not None}
        for pk in set(self._items) - set(current):
            del self._items[pk]
            self._dirty = True
        self._load(
            [pk for pk, at in current.items() if self._items.get(pk, (None,))[0] != at], session
        )
        self._last_event = last

    def _refresh_changed(self, session: Session) -> None:
        assert self._last_event is not None
        events = session.exec(
            select(
                MessageEvent.id,
                MessageEvent.message_pk,
                MessageEvent.from_state,
                MessageEvent.to_state,
            ).where(col(MessageEvent.id) > self._last_event)
        ).all()
        if not events:
            return
        self._last_event = max(event_id or 0 for event_id, _pk, _from, _to in events)
        applied = MessageState.APPLIED.value
        # Only a message entering or leaving `applied` changes the registry.
        changed = {pk for _id, pk, before, after in events if applied in (before, after)}
        for pk in changed:
            if self._items.pop(pk, None) is not None:
                self._dirty = True  # it was applied: whatever it is now, the fold changes
        self._load(sorted(changed), session)

    def _load(self, pks: list[int], session: Session) -> None:
        for start in range(0, len(pks), 500):
            stamps = {
                pk: updated
                for pk, state, updated in session.exec(
                    select(Message.id, Message.state, Message.updated_at).where(
                        col(Message.id).in_(pks[start : start + 500])
                    )
                ).all()
                if state == MessageState.APPLIED.value and pk is not None
            }
            if not stamps:
                continue
            for item in applied_in(session, only=list(stamps)):
                self._items[item.message_pk] = (stamps[item.message_pk], item)
                self._dirty = True

    def states(
        self, session: Session, slugs: Iterable[str], windows: Mapping[str, int] | None = None
    ) -> dict[str, NetworkState]:
        """Every network's registry as it stands now (as `build_states` without `until`)."""
        windows = windows or {}
        slugs = list(slugs)
        applied = self.applied(session)
        if not self._dirty and all(
            slug in self._states
            and self._states[slug][1] == windows.get(slug, DEFAULT_MATCH_WINDOW)
            for slug in slugs
        ):
            return {slug: self._states[slug][2] for slug in slugs}
        self._dirty = False
        by_network: dict[str, list[Applied]] = defaultdict(list)
        for item in applied:
            by_network[item.verdict.network or ""].append(item)
        states = {}
        for slug in slugs:
            items = by_network.get(slug, [])
            window = windows.get(slug, DEFAULT_MATCH_WINDOW)
            signature = tuple(sorted((i.message_pk, self._items[i.message_pk][0]) for i in items))
            cached = self._states.get(slug)
            if cached is None or cached[0] != signature or cached[1] != window:
                cached = (signature, window, fold(slug, items, window))
                self._states[slug] = cached
                self.version += 1
            states[slug] = cached[2]
        return states
