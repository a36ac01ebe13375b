"""What the coordinator's desk shows, read from the store: domain functions the web
pages (mailbot/web/) and the CLI call. No page holds a query or a rule of its own.

- `overview`: every network's state (the digest's `network_word`), this year's
  meetings on a timeline (the engine's phases), open findings, participation (which
  municipalities came to which meeting), and the queue and failed deliveries.
- `network_page`: one network's members (with history), meetings and their protocols,
  deliverables, the mail that changed it, the rules file in force.
- `review_queue`, `message_view`: the mail that waits for a person, and one mail with
  what mailbot read, why it is unsure, its text, its files and its thread.
- `outbox_view`: what was sent, what waits, what failed, and the pauses.
- publishing: `publish`, `withdraw`, `published` (the public minutes).

Decisions are not here: review.py (apply, dismiss, revert), Outbox.retry, `pause` and
`lift_pause` below; every one records who made it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import getaddresses
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from mailbot.app import App
from mailbot.errors import MailbotError
from mailbot.models import (
    AttachmentText,
    Message,
    MessageEvent,
    MessageState,
    OutboxItem,
    OutboxState,
    Pause,
    Publication,
    ReviewDecision,
    Understanding,
    utcnow,
)
from mailbot.oneline import one_line
from mailbot.outbox.digest import (
    finding_detail,
    network_word,
    read_sv,
    reason_sv,
    waiting_for_review,
)
from mailbot.outbox.planner import ANY_NETWORK, NetworkView
from mailbot.outbox.store import RETRYABLE_STATES
from mailbot.parse.mime import Attachment, attachment_files, parse_mail
from mailbot.registry.engine import local_date
from mailbot.registry.state import MemberRecord
from mailbot.understand.gazetteer import fold
from mailbot.understand.members import MUNICIPALITIES
from mailbot.verdict import Verdict

ROLE_SV = {
    "ordforande": "ordförande",
    "sekreterare": "sekreterare",
    "presidium": "presidium",
    "ledamot": "ledamot",
}
PHASE_SV = {
    "held": "hållen, protokoll finns",
    "past": "hållen, protokoll saknas",
    "planned": "planerad",
    "cancelled": "inställd",
}
MESSAGE_STATE_SV = {
    "received": "mottaget",
    "parsed": "läst",
    "classified": "läst",
    "applied": "registrerat",
    "ignored": "ignorerat",
    "needs_review": "väntar på granskning",
    "quarantined": "i karantän",
    "duplicate": "dubblett",
    "reverted": "återställt",
}
OUTBOX_STATE_SV = {
    "pending": "väntar",
    "sending": "skickas",
    "sent": "skickat",
    "deferred": "försöker igen",
    "failed": "misslyckades",
    "dry-run": "provkörning",
    "skipped": "inte skickat (första starten)",
    "withdrawn": "återkallat",
}


class DeskError(MailbotError):
    """Something the desk cannot do as asked: English (`str`) and Swedish."""

    def __init__(self, english: str, swedish: str) -> None:
        super().__init__(english)
        self.swedish = swedish


# -- the overview --------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingDot:
    day: date
    phase: str  # held | past | planned | cancelled
    protocol_message: int | None


@dataclass(frozen=True)
class FindingRow:
    rule: str
    severity: str
    detail: str | None
    due: date | None
    meeting: date | None


@dataclass(frozen=True)
class Participation:
    """Which municipalities came to which meeting (from the protocols' attendees and
    the member list's municipalities)."""

    meetings: tuple[date, ...]  # held meetings with a protocol, this year
    rows: tuple[tuple[str, tuple[bool, ...]], ...]  # municipality, came to each
    unknown: int  # attendees whose municipality could not be told

    @property
    def absent(self) -> list[str]:
        """Municipalities that came to no meeting this year (with meetings recorded)."""
        if not self.meetings:
            return []
        return [name for name, came in self.rows if not any(came)]


@dataclass(frozen=True)
class NetworkRow:
    slug: str
    name: str
    word: str  # on-track | attention | behind
    held: int
    planned: int
    required: int
    meetings: tuple[MeetingDot, ...]
    findings: tuple[FindingRow, ...]
    participation: Participation
    publish: bool


@dataclass(frozen=True)
class Overview:
    today: date
    networks: tuple[NetworkRow, ...]
    waiting_review: int
    failed: tuple[OutboxRow, ...]
    broken: tuple[tuple[str, str], ...]  # a network whose rules file is broken, why


def _views(app: App, today: date) -> list[NetworkView]:
    from mailbot.ticker import Ticker

    return Ticker(app).views(today)


def _row(view: NetworkView, today: date) -> NetworkRow:
    state, status = view.state, view.status
    dots = tuple(
        MeetingDot(
            day,
            phase,
            state.meetings[day].protocol_message_pk if day in state.meetings else None,
        )
        for day, phase in sorted(status.phases.items())
    )
    findings = tuple(
        FindingRow(f.rule, f.severity, finding_detail(f, view), f.due, f.meeting)
        for f in status.findings
    )
    return NetworkRow(
        slug=view.network.slug,
        name=view.network.name,
        word=network_word(view),
        held=status.meetings_held,
        planned=status.meetings_planned,
        required=status.meetings_required,
        meetings=dots,
        findings=findings,
        participation=participation(view, today.year),
        publish=view.network.obligations.protocol.publish,
    )


def overview(app: App, today: date) -> Overview:
    order = {"behind": 0, "attention": 1, "on-track": 2}
    rows = sorted(
        (_row(v, today) for v in _views(app, today)), key=lambda r: (order[r.word], r.name)
    )
    with Session(app.engine) as session:
        waiting = len(
            session.exec(
                select(Message.id).where(Message.state == MessageState.NEEDS_REVIEW.value)
            ).all()
        )
        failed = session.exec(
            select(OutboxItem)
            .where(OutboxItem.state == OutboxState.FAILED.value)
            .order_by(col(OutboxItem.id).desc())
        ).all()
    broken = tuple((slug, str(problems[0])) for slug, problems in sorted(app.rules.broken.items()))
    return Overview(today, tuple(rows), waiting, tuple(_outbox_row(r) for r in failed), broken)


def _municipality_of(name: str, members: Sequence[MemberRecord]) -> str | None:
    """An attendee's municipality: a municipality named in the line ("Lena Ström, Hjo"),
    else the member list's for the same name (or the one member with that first name)."""
    folded = fold(name)
    for muni in MUNICIPALITIES:
        if fold(muni) in folded.replace(",", " ").split():
            return muni
    bare = fold(name.split(",")[0].split("(")[0]).strip()
    same = {m.municipality for m in members if m.municipality and fold(m.name) == bare}
    if len(same) == 1:
        return same.pop()
    if " " not in bare and bare:
        first = {
            m.municipality for m in members if m.municipality and fold(m.name).split(" ")[0] == bare
        }
        if len(first) == 1:
            return first.pop()
    return None


def participation(view: NetworkView, year: int) -> Participation:
    state = view.state
    held = [
        m
        for day, m in sorted(state.meetings.items())
        if day.year == year and m.protocol_received is not None and m.status != "cancelled"
    ]
    municipalities = sorted(
        {m.municipality for m in state.current_members() if m.municipality}
        | {
            muni
            for meeting in held
            for name in meeting.attendees
            if (muni := _municipality_of(name, state.members))
        }
    )
    came: dict[str, list[bool]] = {muni: [False] * len(held) for muni in municipalities}
    unknown = 0
    for i, meeting in enumerate(held):
        for name in meeting.attendees:
            muni = _municipality_of(name, state.members)
            if muni is None:
                unknown += 1
            else:
                came[muni][i] = True
    return Participation(
        meetings=tuple(m.date for m in held),
        rows=tuple((muni, tuple(came[muni])) for muni in municipalities),
        unknown=unknown,
    )


# -- one network ---------------------------------------------------------------------


@dataclass(frozen=True)
class MemberLine:
    name: str
    role: str
    municipality: str | None
    email: str | None
    since: date
    until: date | None
    message: int


@dataclass(frozen=True)
class FileLink:
    message: int
    position: int
    filename: str
    kind: str | None


@dataclass(frozen=True)
class MeetingLine:
    day: date
    phase: str
    start: str | None
    end: str | None
    place: str | None
    moved_from: date | None
    announced_by: int
    protocol_message: int | None
    documents: tuple[FileLink, ...]
    attendees: tuple[str, ...]
    published: bool


@dataclass(frozen=True)
class ChangeLine:
    message: int
    day: date
    sender: str
    subject: str
    state: str
    read: str


@dataclass(frozen=True)
class DeliverableLine:
    name: str
    due: str


@dataclass(frozen=True)
class NetworkPage:
    row: NetworkRow
    members: tuple[MemberLine, ...]
    former: tuple[MemberLine, ...]
    meetings: tuple[MeetingLine, ...]
    deliverables: tuple[DeliverableLine, ...]
    changes: tuple[ChangeLine, ...]
    rules_file: str
    rules_text: str
    valid_from: date | None
    valid_to: date | None


def _member(m: MemberRecord) -> MemberLine:
    return MemberLine(
        m.name,
        m.role,
        m.municipality,
        m.email,
        local_date(m.since),
        local_date(m.until) if m.until else None,
        m.message_pk,
    )


def network_page(app: App, slug: str, today: date) -> NetworkPage:
    view = next((v for v in _views(app, today) if v.network.slug == slug), None)
    if view is None:
        raise DeskError(f"no network {slug!r}", f"Det finns inget nätverk {slug!r}.")
    row = _row(view, today)
    state, rules = view.state, view.network.obligations
    protocol_pks = [m.protocol_message_pk for m in state.meetings.values() if m.protocol_message_pk]
    with Session(app.engine) as session:
        files = session.exec(
            select(AttachmentText)
            .where(col(AttachmentText.message_pk).in_(protocol_pks or [-1]))
            .where(col(AttachmentText.kind).is_not(None))
            .order_by(col(AttachmentText.position))
        ).all()
        published = {
            (p.message_pk, p.position)
            for p in session.exec(
                select(Publication)
                .where(Publication.network == slug)
                .where(col(Publication.withdrawn_at).is_(None))
            ).all()
        }
        changed = session.exec(
            select(Message, Understanding)
            .join(Understanding, col(Understanding.message_pk) == col(Message.id))
            .where(Understanding.network == slug)
            .where(
                col(Message.state).in_(
                    [
                        MessageState.APPLIED.value,
                        MessageState.REVERTED.value,
                        MessageState.NEEDS_REVIEW.value,
                    ]
                )
            )
            .order_by(col(Message.sent_at).desc())
        ).all()
    by_message: dict[int, list[FileLink]] = {}
    for f in files:
        by_message.setdefault(f.message_pk, []).append(
            FileLink(f.message_pk, f.position, f.filename or f"bilaga-{f.position + 1}", f.kind)
        )
    meetings = tuple(
        MeetingLine(
            day=m.date,
            phase=view.status.phases.get(m.date, m.status),
            start=m.start.strftime("%H.%M") if m.start else None,
            end=m.end.strftime("%H.%M") if m.end else None,
            place=m.place,
            moved_from=m.moved_from,
            announced_by=m.message_pk,
            protocol_message=m.protocol_message_pk,
            documents=tuple(by_message.get(m.protocol_message_pk or -1, [])),
            attendees=tuple(m.attendees),
            published=any(
                (m.protocol_message_pk, f.position) in published
                for f in by_message.get(m.protocol_message_pk or -1, [])
            ),
        )
        for day, m in sorted(state.meetings.items())
        if day.year == today.year or (m.protocol_message_pk and day.year == today.year - 1)
    )
    members = sorted(
        (_member(m) for m in state.current_members()),
        key=lambda m: (m.role == "ledamot", m.role, m.name),
    )
    former = sorted(
        (_member(m) for m in state.members if m.until is not None),
        key=lambda m: m.until or m.since,
        reverse=True,
    )
    changes = tuple(
        ChangeLine(
            message=message.id or 0,
            day=local_date(message.sent_at),
            sender=message.from_addr or "(okänd)",
            subject=message.subject or "(inget ämne)",
            state=message.state,
            read=read_sv(Verdict.load(understanding.result_json)),
        )
        for message, understanding in changed
    )
    deliverables = tuple(
        DeliverableLine(d.name, str(d.due or f"varje år {d.due_each_year}"))
        for d in rules.deliverables
    )
    path = view.network.path
    return NetworkPage(
        row=row,
        members=tuple(members),
        former=tuple(former),
        meetings=meetings,
        deliverables=deliverables,
        changes=changes,
        rules_file=path.name,
        rules_text=_read(path),
        valid_from=rules.valid_from,
        valid_to=rules.valid_to,
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        return f"(kan inte läsa {path.name}: {exc.strerror})"


# -- the review queue and one mail ---------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    message: int
    day: date
    sender: str
    subject: str
    network: str | None
    kinds: tuple[str, ...]
    read: str
    why: str  # in Swedish (the desk)
    sent_at: datetime
    network_slug: str | None
    why_en: tuple[str, ...]  # the same reasons in English (the CLI)


def review_queue(engine: Engine, network_names: dict[str, str]) -> list[QueueItem]:
    """The mail that waits for a person, oldest first."""
    items = []
    for message, understanding in waiting_for_review(engine):
        verdict = Verdict.load(understanding.result_json)
        items.append(
            QueueItem(
                message=message.id or 0,
                day=local_date(message.sent_at),
                sender=message.from_addr or "(okänd)",
                subject=message.subject or "(inget ämne)",
                network=network_names.get(verdict.network or "", verdict.network),
                kinds=tuple(verdict.kinds),
                read=read_sv(verdict),
                why=reason_sv(message, understanding),
                sent_at=message.sent_at,
                network_slug=understanding.network,
                why_en=tuple(r.english() for r in verdict.review),
            )
        )
    return items


@dataclass(frozen=True)
class FileLine:
    position: int
    filename: str
    content_type: str
    size: int
    kind: str | None
    problem: str | None
    downloadable: bool


@dataclass(frozen=True)
class ThreadLine:
    """A mail in the thread: mailbot's (an outbox row) or an incoming one."""

    mine: bool
    ref: int  # the outbox row's id, or the message's
    day: date
    subject: str
    who: str
    text: str


@dataclass(frozen=True)
class DecisionLine:
    decision: str
    actor: str
    at: datetime
    reason: str | None


@dataclass(frozen=True)
class MessageView:
    message: int
    state: str
    sender: str
    to: str
    day: date
    sent_at: datetime
    subject: str
    verdict: Verdict
    why: str
    read: str
    text: str
    html_only: bool
    files: tuple[FileLine, ...]
    thread: tuple[ThreadLine, ...]
    decisions: tuple[DecisionLine, ...]
    events: tuple[tuple[datetime, str, str], ...]  # when, state, who


def message_view(app: App, message_id: int) -> MessageView:
    engine = app.engine
    with Session(engine) as session:
        message = session.get(Message, message_id)
        understanding = session.get(Understanding, message_id)
        if message is None:
            raise DeskError(f"no message {message_id}", f"Det finns inget mejl nr {message_id}.")
        files = session.exec(
            select(AttachmentText)
            .where(AttachmentText.message_pk == message_id)
            .order_by(col(AttachmentText.position))
        ).all()
        decisions = session.exec(
            select(ReviewDecision)
            .where(ReviewDecision.message_pk == message_id)
            .order_by(col(ReviewDecision.at))
        ).all()
        events = session.exec(
            select(MessageEvent)
            .where(MessageEvent.message_pk == message_id)
            .order_by(col(MessageEvent.at))
        ).all()
        verdict = Verdict.load(understanding.result_json) if understanding else Verdict()
        thread = _thread(session, message, verdict)
    raw = _raw(app, message)
    parsed = parse_mail(raw, app.settings.limits.parse_limits()) if raw is not None else None
    text = parsed.text if parsed is not None else "(originalet kunde inte läsas)"
    html_only = parsed is not None and parsed.content_type.startswith("text/html")
    to = ", ".join((parsed.to if parsed else [])[:20])
    return MessageView(
        message=message_id,
        state=message.state,
        sender=message.from_addr or "(okänd)",
        to=to,
        day=local_date(message.sent_at),
        sent_at=message.sent_at,
        subject=message.subject or "(inget ämne)",
        verdict=verdict,
        why=reason_sv(message, understanding) if message.state == "needs_review" else "",
        read=read_sv(verdict),
        text=text,
        html_only=html_only,
        files=tuple(
            FileLine(
                f.position,
                f.filename or f"bilaga-{f.position + 1}",
                f.content_type,
                f.size,
                f.kind,
                f.problem,
                downloadable=True,
            )
            for f in files
        ),
        thread=thread,
        decisions=tuple(DecisionLine(d.decision, d.actor, d.at, d.reason) for d in decisions),
        events=tuple((e.at, e.to_state, e.actor) for e in events),
    )


def verdict_of(engine: Engine, message_id: int) -> Verdict:
    """What mailbot read in one mail (an empty reading when it was never read)."""
    with Session(engine) as session:
        understanding = session.get(Understanding, message_id)
    return Verdict.load(understanding.result_json) if understanding else Verdict()


def _thread(session: Session, message: Message, verdict: Verdict) -> tuple[ThreadLine, ...]:
    """mailbot's mail this one answers, and mailbot's mail that answered it."""
    lines: list[ThreadLine] = []
    rows: list[OutboxItem] = []
    if verdict.in_reply_to is not None:
        parent = session.get(OutboxItem, verdict.in_reply_to.outbox_id)
        if parent is not None:
            rows.append(parent)
    rows += session.exec(
        select(OutboxItem)
        .where(OutboxItem.source_message_pk == message.id)
        .order_by(col(OutboxItem.id))
    ).all()
    seen: set[int] = set()
    for row in rows:
        if row.id is None or row.id in seen:
            continue
        seen.add(row.id)
        lines.append(
            ThreadLine(
                mine=True,
                ref=row.id,
                day=row.sent_day or row.created_day,
                subject=row.subject,
                who=", ".join(json.loads(row.to_json)),
                text=_plain(row.notice_mime or row.mime),
            )
        )
    return tuple(sorted(lines, key=lambda line: (line.day, line.ref)))


def _plain(mime: bytes) -> str:
    parsed = parse_mail(mime)
    return parsed.text.strip()


def _raw(app: App, message: Message) -> bytes | None:
    try:
        return (app.settings.state_dir / message.raw_path).read_bytes()
    except OSError:
        return None


@dataclass(frozen=True)
class Download:
    filename: str  # safe for a Content-Disposition header and a disk
    content_type: str
    data: bytes


def download(app: App, message_id: int, position: int, *, public: bool = False) -> Download:
    """One file of a mail, by its position (as attachment_text numbers them). With
    `public`, only a file marked for publishing (and not withdrawn)."""
    with Session(app.engine) as session:
        message = session.get(Message, message_id)
        if public:
            mark = session.exec(
                select(Publication)
                .where(Publication.message_pk == message_id)
                .where(Publication.position == position)
                .where(col(Publication.withdrawn_at).is_(None))
            ).first()
            if mark is None:
                message = None
    missing = DeskError(
        f"no file {position} in message {message_id}", "Filen finns inte (eller är inte publik)."
    )
    if message is None:
        raise missing
    raw = _raw(app, message)
    if raw is None:
        raise missing
    files = attachment_files(raw, app.settings.limits.parse_limits())
    if not 0 <= position < len(files) or files[position].payload is None:
        raise missing
    found: Attachment = files[position]
    return Download(
        download_name(found.filename, position), _content_type(found), found.payload or b""
    )


def download_name(name: str | None, position: int) -> str:
    """The name a file is offered under: as the sender wrote it (spaces, å, ä, ö kept),
    but one line, no path, no quotes or control characters, no leading dot."""
    text = one_line(name or "", 240).replace("/", "_").replace("\\", "_")
    text = re.sub(r'["<>:|?*;]', "_", text).strip(". ")[:120].strip(". ")
    return text or f"bilaga-{position + 1}"


def _content_type(found: Attachment) -> str:
    ctype = one_line(found.content_type, 100).lower()
    # Served as attachments; text and HTML as bytes to save, never as a page.
    if ctype.startswith("text/") or "html" in ctype or "xml" in ctype or "/" not in ctype:
        return "application/octet-stream"
    return ctype


# -- the outbox ----------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxRow:
    id: int
    kind: str
    network: str | None
    about: date | None
    to: str
    subject: str
    state: str
    attempts: int
    day: date
    sent_at: datetime | None
    error: str | None
    topic: str
    retryable: bool


def _outbox_row(row: OutboxItem) -> OutboxRow:
    return OutboxRow(
        id=row.id or 0,
        kind=row.kind,
        network=row.network,
        about=row.about,
        to=", ".join(a for _, a in getaddresses(json.loads(row.to_json))),
        subject=row.subject,
        state=row.state,
        attempts=row.attempts,
        day=row.sent_day or row.created_day,
        sent_at=row.sent_at,
        error=row.last_error,
        topic=row.topic,
        retryable=row.state in RETRYABLE_STATES,
    )


@dataclass(frozen=True)
class PauseLine:
    id: int
    network: str
    person: str | None
    about: date | None
    topic: str | None
    reason: str
    since: datetime
    by: str | None
    message: int | None


@dataclass(frozen=True)
class OutboxView:
    waiting: tuple[OutboxRow, ...]
    failed: tuple[OutboxRow, ...]
    sent: tuple[OutboxRow, ...]
    other: tuple[OutboxRow, ...]
    pauses: tuple[PauseLine, ...]


def outbox_view(engine: Engine, limit: int = 200) -> OutboxView:
    with Session(engine) as session:
        rows = session.exec(
            select(OutboxItem).order_by(col(OutboxItem.id).desc()).limit(limit)
        ).all()
        failed = session.exec(
            select(OutboxItem).where(OutboxItem.state == OutboxState.FAILED.value)
        ).all()
        pauses = session.exec(
            select(Pause).where(col(Pause.lifted_at).is_(None)).order_by(col(Pause.id))
        ).all()
    out = [_outbox_row(r) for r in rows]
    waiting = ("pending", "sending", "deferred")
    return OutboxView(
        waiting=tuple(r for r in out if r.state in waiting),
        failed=tuple(sorted((_outbox_row(r) for r in failed), key=lambda r: -r.id)),
        sent=tuple(r for r in out if r.state == "sent"),
        other=tuple(r for r in out if r.state not in (*waiting, "sent", "failed")),
        pauses=tuple(
            PauseLine(
                p.id or 0,
                p.network,
                p.person,
                p.about,
                p.topic,
                p.reason,
                p.created_at,
                p.created_by,
                p.message_pk,
            )
            for p in pauses
        ),
    )


def pause(
    engine: Engine,
    actor: str,
    *,
    network: str | None = None,
    person: str | None = None,
    topic: str | None = None,
    reason: str = "",
) -> int:
    """Hold back reminders to one person (on one network, or every one) or on one
    notice topic, until a person lifts the pause."""
    if not person and not topic:
        raise DeskError("a pause needs a person or a topic", "Ange en person eller ett ämne.")
    with Session(engine) as session:
        row = Pause(
            network=network or ANY_NETWORK,
            person=person.lower() if person else None,
            topic=topic,
            reason=one_line(reason, 500) or "pausat på skrivbordet",
            created_by=actor,
        )
        session.add(row)
        session.commit()
        return row.id or 0


def lift_pause(engine: Engine, pause_id: int, actor: str) -> None:
    with Session(engine) as session:
        row = session.get(Pause, pause_id)
        if row is None or row.lifted_at is not None:
            raise DeskError(f"no active pause {pause_id}", "Pausen finns inte (längre).")
        row.lifted_at = utcnow()
        row.lifted_by = actor
        session.add(row)
        session.commit()


# -- published minutes ---------------------------------------------------------------


@dataclass(frozen=True)
class PublishedLine:
    network: str
    meeting_date: date
    message: int
    position: int
    filename: str
    published_at: datetime


def publish(app: App, message_id: int, position: int, actor: str) -> PublishedLine:
    """Mark a registered protocol's document for the public page. Only for networks
    whose rules say `publish = true`, and only a file of an applied protocol."""
    publishing = {n.slug for n in app.networks if n.obligations.protocol.publish}
    with Session(app.engine) as session:
        message = session.get(Message, message_id)
        understanding = session.get(Understanding, message_id)
        file = session.exec(
            select(AttachmentText)
            .where(AttachmentText.message_pk == message_id)
            .where(AttachmentText.position == position)
        ).first()
        if message is None or understanding is None or file is None:
            raise DeskError(f"no file {position} in message {message_id}", "Filen finns inte.")
        verdict = Verdict.load(understanding.result_json)
        slug = verdict.network or ""
        when = verdict.protocol.meeting_date if verdict.protocol else None
        if message.state != MessageState.APPLIED.value or when is None:
            raise DeskError(
                "only a registered protocol can be published",
                "Bara ett registrerat protokoll kan publiceras.",
            )
        if slug not in publishing:
            raise DeskError(
                f"network {slug!r} does not publish its minutes (rules: protocol.publish)",
                "Nätverkets uppdrag säger inte att anteckningarna ska publiceras.",
            )
        row = session.exec(
            select(Publication)
            .where(Publication.message_pk == message_id)
            .where(Publication.position == position)
        ).first()
        if row is None:
            row = Publication(
                network=slug,
                meeting_date=when,
                message_pk=message_id,
                position=position,
                filename=download_name(file.filename, position),
                published_by=actor,
            )
        else:
            row.withdrawn_at, row.withdrawn_by = None, None
            row.published_at, row.published_by = utcnow(), actor
        session.add(row)
        session.commit()
        return PublishedLine(slug, when, message_id, position, row.filename, row.published_at)


def withdraw(engine: Engine, message_id: int, position: int, actor: str) -> None:
    with Session(engine) as session:
        row = session.exec(
            select(Publication)
            .where(Publication.message_pk == message_id)
            .where(Publication.position == position)
            .where(col(Publication.withdrawn_at).is_(None))
        ).first()
        if row is None:
            raise DeskError("not published", "Filen är inte publicerad.")
        row.withdrawn_at, row.withdrawn_by = utcnow(), actor
        session.add(row)
        session.commit()


def published(engine: Engine, network: str | None = None) -> list[PublishedLine]:
    with Session(engine) as session:
        query = select(Publication).where(col(Publication.withdrawn_at).is_(None))
        if network is not None:
            query = query.where(Publication.network == network)
        rows = session.exec(
            query.order_by(col(Publication.meeting_date).desc(), col(Publication.id))
        ).all()
    return [
        PublishedLine(
            r.network, r.meeting_date, r.message_pk, r.position, r.filename, r.published_at
        )
        for r in rows
    ]
