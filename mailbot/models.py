"""The store's tables. Every change to them goes through Alembic migrations.

Later stages (parsing, the registry, the outbox) add their own tables; the intake
owns `message`, `message_source`, `intake_cursor` and `message_event`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class MessageState(StrEnum):
    """Where a message is in the pipeline.

    `received` is the first state (raw bytes durable, row committed). Stages move a
    message on; the terminal states say why nothing more will happen to it.
    """

    RECEIVED = "received"
    PARSED = "parsed"
    CLASSIFIED = "classified"
    APPLIED = "applied"
    IGNORED = "ignored"
    NEEDS_REVIEW = "needs_review"
    QUARANTINED = "quarantined"
    DUPLICATE = "duplicate"
    # Was applied, then taken back out by a person (`review revert`): the registry is the
    # fold without it; the decision is kept with who and why.
    REVERTED = "reverted"


TERMINAL_STATES = frozenset(
    {
        MessageState.APPLIED,
        MessageState.IGNORED,
        MessageState.NEEDS_REVIEW,
        MessageState.QUARANTINED,
        MessageState.DUPLICATE,
    }
)


class Message(SQLModel, table=True):
    """One distinct mail, identified by the sha256 of its raw bytes."""

    __tablename__ = "message"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    # Relative to the state folder, e.g. raw/<sha256>.eml
    raw_path: str = Field(max_length=200)
    message_id: str | None = Field(default=None, max_length=998, index=True)
    # Digest of the headers and body that identify the mail regardless of transport
    # (Received:, Delivered-To: ...): same Message-ID and same digest = same mail.
    content_digest: str | None = Field(default=None, max_length=64)
    from_addr: str | None = Field(default=None, sa_column=Column(Text))
    subject: str | None = Field(default=None, sa_column=Column(Text))
    # The Date header as parsed (UTC); None when missing or unparseable.
    date_header: datetime | None = None
    # When the mail counts as sent: Date header, or arrival when that is missing/absurd.
    sent_at: datetime
    # When mailbot took it in.
    received_at: datetime = Field(default_factory=utcnow)
    state: str = Field(default=MessageState.RECEIVED.value, max_length=32, index=True)
    reason: str | None = Field(default=None, sa_column=Column(Text))
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    duplicate_of: int | None = Field(default=None, foreign_key="message.id")
    updated_at: datetime = Field(default_factory=utcnow)


class MessageSource(SQLModel, table=True):
    """Where a message was seen: an IMAP UID, a Maildir file, a file or mbox entry.

    The unique key stops a second row for the same server copy after a crash between
    the commit and the IMAP flag/move.
    """

    __tablename__ = "message_source"
    __table_args__ = (
        UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_source_location"),
        Index("ix_source_pending", "mailbox", "action_done"),
    )

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", index=True)
    # e.g. imap://user@host:993/INBOX, maildir:/abs/path, mbox:/abs/file, file:/abs/dir
    # (Text: a file path has no useful length limit, and PostgreSQL enforces one.)
    mailbox: str = Field(sa_column=Column(Text, nullable=False))
    # IMAP only; NULL for files, so the unique key never collides for them
    # (NULLs are distinct in unique constraints on SQLite and PostgreSQL).
    uidvalidity: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    uid: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    # For files: the file name or mbox entry number, for people reading `mailbot show`.
    key: str | None = Field(default=None, sa_column=Column(Text))
    # Server arrival time (INTERNALDATE, file mtime), UTC.
    arrived_at: datetime | None = None
    # True once the handled action (flag, move) was done on the server.
    action_done: bool = False
    seen_at: datetime = Field(default_factory=utcnow)


class IntakeCursor(SQLModel, table=True):
    """How far intake has read a mailbox folder: the UIDVALIDITY and the last UID."""

    __tablename__ = "intake_cursor"

    mailbox: str = Field(sa_column=Column(Text, primary_key=True))
    uidvalidity: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    last_uid: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)


class MessageEvent(SQLModel, table=True):
    """Audit trail: every state change of a message, with who or what made it and why."""

    __tablename__ = "message_event"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    from_state: str | None = Field(default=None, max_length=32)
    to_state: str = Field(max_length=32)
    actor: str = Field(default="mailbot", max_length=200)
    reason: str | None = Field(default=None, sa_column=Column(Text))


class AttachmentText(SQLModel, table=True):
    """The text extracted from one attachment, kept so nothing is parsed twice."""

    __tablename__ = "attachment_text"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", index=True)
    position: int  # order in the mail, depth first
    filename: str | None = Field(default=None, sa_column=Column(Text))
    content_type: str = Field(max_length=200)
    size: int = Field(sa_column=Column(BigInteger, nullable=False))
    kind: str | None = Field(default=None, max_length=32)  # docx, pdf, ... or None
    text: str | None = Field(default=None, sa_column=Column(Text))
    tables_json: str | None = Field(default=None, sa_column=Column(Text))
    problem: str | None = Field(default=None, sa_column=Column(Text))


class Understanding(SQLModel, table=True):
    """What mailbot understood of a message: the `mailbot parse --json` object."""

    __tablename__ = "understanding"

    message_pk: int = Field(foreign_key="message.id", primary_key=True)
    disposition: str = Field(max_length=32, index=True)
    ignored_reason: str | None = Field(default=None, max_length=64)
    network: str | None = Field(default=None, max_length=100, index=True)
    kinds: str = Field(default="[]", max_length=200)  # JSON list
    result_json: str = Field(sa_column=Column(Text, nullable=False))
    understood_at: datetime = Field(default_factory=utcnow)
    version: str = Field(default="1", max_length=20)


class ReviewDecision(SQLModel, table=True):
    """What a coordinator decided about a mail waiting for review, and who decided."""

    __tablename__ = "review_decision"

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", index=True)
    decision: str = Field(max_length=16)  # apply | dismiss
    network: str | None = Field(default=None, max_length=100)
    kinds: str | None = Field(default=None, max_length=200)  # JSON list, when overridden
    # What the person corrected in what mailbot read (review.Corrections, as JSON).
    corrections: str | None = Field(default=None, sa_column=Column(Text))
    reason: str | None = Field(default=None, sa_column=Column(Text))
    actor: str = Field(max_length=200)
    at: datetime = Field(default_factory=utcnow)


class OutboxState(StrEnum):
    """Where an outgoing mail is. `pending` and `deferred` wait for the sender;
    `sending` is held only during an attempt (a crash leaves it, resolved at start);
    `sent`, `failed` and `dry-run` are final (`outbox retry` re-queues them)."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DEFERRED = "deferred"
    FAILED = "failed"
    DRY_RUN = "dry-run"
    # Planned at a first start, which catches up quietly: recorded (so it is not planned
    # again), not sent (`outbox retry` sends it).
    SKIPPED = "skipped"
    # Planned from a mail that was then taken back out (`review revert`) before it went.
    WITHDRAWN = "withdrawn"


class OutboxItem(SQLModel, table=True):
    """One outgoing mail, rendered and given its Message-ID before the first attempt.

    `key` is the idempotency key: kind, network, what it is about (a meeting's date, a
    period), the round of a repeated notice, and the recipient. A second plan of the same
    notice hits the unique key and is not added, so re-evaluating, restarting or
    crashing never sends twice.
    """

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    # The key without round and recipient: what repeats are counted by.
    topic: str = Field(sa_column=Column(Text, nullable=False, index=True))
    round: int = 1
    kind: str = Field(max_length=40, index=True)
    network: str | None = Field(default=None, max_length=100, index=True)
    about: date | None = None  # the meeting's date, for meeting and protocol notices
    to_json: str = Field(sa_column=Column(Text, nullable=False))  # JSON list
    cc_json: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    subject: str = Field(sa_column=Column(Text, nullable=False))
    message_id: str = Field(max_length=998, index=True)
    mime: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # the exact bytes
    # Why this went to the coordinator instead of its usual recipient, if it did.
    redirected: str | None = Field(default=None, sa_column=Column(Text))
    # The mail this answers (receipts, review notices).
    source_message_pk: int | None = Field(default=None, foreign_key="message.id")
    state: str = Field(default=OutboxState.PENDING.value, max_length=16, index=True)
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    # One line per attempt or decision, for `mailbot outbox show`.
    history: str = Field(default="", sa_column=Column(Text, nullable=False))
    created_day: date  # the day of the tick that planned it (simulated with --today)
    created_at: datetime = Field(default_factory=utcnow)
    sent_day: date | None = None  # the tick's day when it was sent
    sent_at: datetime | None = None
    copied_to_sent: bool = False  # appended to the IMAP Sent folder
    # The notice's template context (bundle.encode_context): several reminders to one
    # person on one day are written as one mail from these when they are sent.
    context_json: str | None = Field(default=None, sa_column=Column(Text))
    # The mail it answers (receipts, review notices) or the earlier mail about the same
    # meeting (reminders): In-Reply-To, and the References chain (space-separated), so
    # that mail clients show it in its thread.
    in_reply_to: str | None = Field(default=None, sa_column=Column(Text))
    references: str | None = Field(default=None, sa_column=Column(Text))
    # The notice rendered on its own; `mime` is the mail it goes (went) out in, which is
    # a bundle's when several reminders went together (they then share `message_id`).
    notice_mime: bytes | None = Field(default=None, sa_column=Column(LargeBinary))


class Meta(SQLModel, table=True):
    """Facts about the store itself, as key and value (e.g. `first_tick`)."""

    __tablename__ = "meta"

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(sa_column=Column(Text, nullable=False))


class Pause(SQLModel, table=True):
    """Reminders held back until a person decides: on one meeting of a network (an
    answer says the protocol was already sent), or to one person on a network (an
    answer says the person left, or asks mailbot to stop). Lifted when the mail that
    caused it is decided (applied, dismissed) or by a person."""

    __tablename__ = "pause"

    id: int | None = Field(default=None, primary_key=True)
    network: str = Field(max_length=100, index=True)
    person: str | None = Field(default=None, max_length=320)  # an address, or any
    about: date | None = None  # a meeting, or any
    message_pk: int | None = Field(default=None, foreign_key="message.id")
    reason: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    lifted_at: datetime | None = None
    lifted_by: str | None = Field(default=None, max_length=320)
    # One notice topic only (a pause set on the desk's outbox page), or any.
    topic: str | None = Field(default=None, sa_column=Column(Text))
    created_by: str | None = Field(default=None, max_length=200)  # a person, or mailbot


class DeskUser(SQLModel, table=True):
    """A person who may use the desk (the web page): `mailbot user add NAME`."""

    __tablename__ = "desk_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    password_hash: str = Field(sa_column=Column(Text, nullable=False))  # Argon2id
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime | None = None


class Publication(SQLModel, table=True):
    """A registered protocol the coordinator marked for publishing: served without login
    on /publicerat/<network> (and its Atom feed) until it is withdrawn."""

    __tablename__ = "publication"
    __table_args__ = (UniqueConstraint("message_pk", "position", name="uq_publication_file"),)

    id: int | None = Field(default=None, primary_key=True)
    network: str = Field(max_length=100, index=True)
    meeting_date: date
    message_pk: int = Field(foreign_key="message.id")
    position: int  # the attachment (attachment_text.position) that is the document
    filename: str = Field(sa_column=Column(Text, nullable=False))
    published_at: datetime = Field(default_factory=utcnow)
    published_by: str = Field(max_length=200)
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = Field(default=None, max_length=200)
