"""Reading the applied mail from the store, for the fold."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from mailbot.models import AttachmentText, Message, MessageEvent, MessageState, Understanding
from mailbot.registry.fold import DEFAULT_MATCH_WINDOW, Applied, apply_one, fold
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


@dataclass
class _Fold:
    """One network's registry, folded from its applied mail in the order sent."""

    state: NetworkState
    window: int
    last: tuple[datetime, int] | None = None  # (sent_at, message) of the last folded


class RegistryCache:
    """The applied messages decoded once, and each network's registry kept folded: a
    newly applied mail later than everything folded is applied to the fold (one step),
    anything else (a mail undone, one sent earlier than the last folded) folds that
    network again. The registry as it stands, for the pipeline, which asks before every
    mail it reads: a rebuild each time would grow with the square of the history.

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
        self._folds: dict[str, _Fold] = {}
        self._added: list[Applied] = []  # applied since the folds were last brought up
        self._refold: set[str] = set()  # networks to fold again from the start
        # Goes up whenever a network's registry changes.
        self.version = 0

    def applied(self, session: Session) -> list[Applied]:
        """Every applied message, read from the store only where it changed."""
        self._refresh(session)
        return [item for _updated, item in self._items.values()]

    def _refresh(self, session: Session) -> None:
        bind = session.get_bind()
        if bind.dialect.name == "sqlite" and self._last_event is not None:
            self._refresh_changed(session)
        else:
            self._refresh_all(session)

    def _last_event_id(self, session: Session) -> int:
        return int(session.exec(select(func.max(MessageEvent.id))).one() or 0)

    def _drop(self, pk: int) -> None:
        dropped = self._items.pop(pk, None)
        if dropped is not None:  # it was applied: its network folds again
            self._refold.add(dropped[1].verdict.network or "")

    def _refresh_all(self, session: Session) -> None:
        last = self._last_event_id(session)
        rows = session.exec(
            select(Message.id, Message.updated_at).where(
                Message.state == MessageState.APPLIED.value
            )
        ).all()
        current = {pk: updated for pk, updated in rows if pk is not None}
        stale = [pk for pk in self._items if current.get(pk) != self._items[pk][0]]
        for pk in stale:
            self._drop(pk)
        self._load([pk for pk in current if pk not in self._items], session)
        self._last_event = last

    def _refresh_changed(self, session: Session) -> None:
        assert self._last_event is not None
        events = session.exec(
            select(
                MessageEvent.id, MessageEvent.message_pk, MessageEvent.from_state,
                MessageEvent.to_state,
            ).where(col(MessageEvent.id) > self._last_event)
        ).all()  # fmt: skip
        if not events:
            return
        self._last_event = max(event_id or 0 for event_id, _pk, _from, _to in events)
        applied = MessageState.APPLIED.value
        # Only a message entering or leaving `applied` changes the registry.
        changed = {pk for _id, pk, before, after in events if applied in (before, after)}
        for pk in changed:
            self._drop(pk)
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
                self._added.append(item)

    def folded(
        self, session: Session, slug: str, window: int = DEFAULT_MATCH_WINDOW
    ) -> tuple[NetworkState, tuple[datetime, int] | None]:
        """One network's registry as it stands, and the (sent_at, id) of the last mail
        in it. Not to be changed by the caller."""
        return self._bring_up(session, {slug: window})[slug]

    def states(
        self, session: Session, slugs: Iterable[str], windows: Mapping[str, int] | None = None
    ) -> dict[str, NetworkState]:
        """Every network's registry as it stands now (as `build_states` without `until`)."""
        windows = windows or {}
        wanted = {slug: windows.get(slug, DEFAULT_MATCH_WINDOW) for slug in slugs}
        return {slug: state for slug, (state, _last) in self._bring_up(session, wanted).items()}

    def _bring_up(
        self, session: Session, wanted: Mapping[str, int]
    ) -> dict[str, tuple[NetworkState, tuple[datetime, int] | None]]:
        self._refresh(session)
        for item in sorted(self._added, key=lambda a: (a.sent_at, a.message_pk)):
            slug = item.verdict.network or ""
            fold_ = self._folds.get(slug)
            key = (item.sent_at, item.message_pk)
            if slug in self._refold or fold_ is None:
                continue  # folded from the start below, or when first asked for
            if fold_.last is None or key > fold_.last:
                apply_one(fold_.state, item, fold_.window)
                fold_.last = key
                self.version += 1
            else:
                self._refold.add(slug)  # sent before what is folded: fold again
        self._added = []
        for slug, window in wanted.items():
            fold_ = self._folds.get(slug)
            if fold_ is None or slug in self._refold or fold_.window != window:
                items = sorted(
                    (i for _u, i in self._items.values() if (i.verdict.network or "") == slug),
                    key=lambda a: (a.sent_at, a.message_pk),
                )
                last = (items[-1].sent_at, items[-1].message_pk) if items else None
                self._folds[slug] = _Fold(fold(slug, items, window), window, last)
                self._refold.discard(slug)
                self.version += 1
        return {slug: (self._folds[slug].state, self._folds[slug].last) for slug in wanted}
