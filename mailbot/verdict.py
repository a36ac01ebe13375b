"""The understanding of one mail, as every stage after the reader sees it.

The reader (`understand/analyze.py`) ends in a `Verdict`: one typed, versioned value.
It is stored as JSON with the message (`understanding.result_json`) and decoded once,
with `Verdict.load`, wherever it is read back: the registry's fold, the planner, the
digest, the review decisions, the CLI. Nobody reads the JSON as a dict.

`as_dict()` is the `mailbot parse --json` interface of issue 3 (message_id, from,
subject, disposition, ignored_reason, network, kinds, members, meetings, protocol,
reasons), plus keys beyond it: `version`, `review` (why a person must look, as reason
codes), `changes` (moved and cancelled meetings), `member_changes` (a partial member
update), `in_reply_to` (the mail of mailbot's that this one answers) and `answer` (what
such an answer says). Times are "HH:MM", dates ISO.

Stores written before version 2 (no `version`, no `review`) load too: their review
reasons are read from the English sentences (`reasons.review_reasons`).
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from mailbot.reasons import Reason, legacy_review_reasons

VERSION = 2

Disposition = Literal["apply", "needs_review", "ignored"]


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore", frozen=False)


class MemberRead(_Model):
    name: str
    email: str | None = None
    municipality: str | None = None
    role: str = "ledamot"


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


class MeetingRead(_Model):
    date: date
    start: time | None = None
    end: time | None = None
    place: str | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _clock(cls, value: object) -> object:
        if isinstance(value, str) and value and ":" not in value:
            return None
        return value or None

    @field_serializer("start", "end")
    def _out(self, value: time | None) -> str | None:
        return _hhmm(value)


class ProtocolRead(_Model):
    meeting_date: date | None = None
    attendees: list[str] = Field(default_factory=list)


class Change(_Model):
    """A meeting moved (`moved_from` -> `to`) or cancelled (`on`)."""

    action: Literal["moved", "cancelled"]
    moved_from: date | None = Field(default=None, alias="from")
    to: date | None = None
    on: date | None = Field(default=None, alias="date")

    def as_dict(self) -> dict[str, str]:
        if self.action == "moved":
            return {
                "action": "moved",
                "from": self.moved_from.isoformat() if self.moved_from else "",
                "to": self.to.isoformat() if self.to else "",
            }
        return {"action": "cancelled", "date": self.on.isoformat() if self.on else ""}


class MemberChanges(_Model):
    joining: list[str] = Field(default_factory=list)
    leaving: list[str] = Field(default_factory=list)


class Thread(_Model):
    """The mail of mailbot's that a mail answers (by In-Reply-To/References, or by its
    subject and quoted text), as `messages --json` shows it."""

    outbox_id: int
    kind: str
    network: str | None = None
    about: date | None = None
    topic: str = ""
    message_id: str = ""
    # How it was found: "header" (In-Reply-To/References) or "subject" (a client that
    # dropped the headers: "SV: <mailbot's subject>" and mailbot's text quoted).
    found_by: Literal["header", "subject"] = "header"

    def public(self) -> dict[str, Any]:
        return {
            "outbox_id": self.outbox_id,
            "kind": self.kind,
            "network": self.network,
            "about": self.about.isoformat() if self.about else None,
        }


class DecisionLine(_Model):
    """One line of a coordinator's answer to a review request (decisions.py)."""

    item: int
    verb: Literal["apply", "dismiss", "revert"]
    network: str | None = None
    reason: str | None = None
    line: str = ""


class DecisionResult(_Model):
    """What came of one decision: done, or why not (for the confirmation)."""

    item: int
    verb: Literal["apply", "dismiss", "revert"]
    done: bool
    detail: str  # English: the decision's sentence, or why it could not be made
    detail_sv: str = ""  # Swedish, for the confirmation: why it could not be made
    network: str | None = None  # the network it was applied to


class Verdict(_Model):
    version: int = VERSION
    message_id: str | None = None
    sender: str | None = Field(default=None, alias="from")
    subject: str = ""
    disposition: Disposition = "ignored"
    ignored_reason: str | None = None
    network: str | None = None
    kinds: list[str] = Field(default_factory=list)
    members: list[MemberRead] = Field(default_factory=list)
    meetings: list[MeetingRead] = Field(default_factory=list)
    protocol: ProtocolRead | None = None
    reasons: list[str] = Field(default_factory=list)  # English sentences, for people
    review: list[Reason] = Field(default_factory=list)  # why a person must look
    changes: list[Change] = Field(default_factory=list)
    member_changes: MemberChanges | None = None
    in_reply_to: Thread | None = None
    answer: str | None = None  # what an answer to mailbot says (answers.AnswerKind)
    # A coordinator's answer to a review request: the decisions read, the lines that
    # could not be read, and (after the register stage) what came of each decision.
    decisions: list[DecisionLine] = Field(default_factory=list)
    unread_lines: list[str] = Field(default_factory=list)
    decided: list[DecisionResult] = Field(default_factory=list)

    @field_validator("review", mode="before")
    @classmethod
    def _reasons(cls, value: object) -> object:
        if not isinstance(value, list):
            return []
        found = [Reason.from_json(item) for item in value]
        return [r for r in found if r is not None]

    @field_validator("kinds", mode="before")
    @classmethod
    def _kinds(cls, value: object) -> object:
        return sorted(value) if isinstance(value, (list, set, tuple)) else []

    # -- reading and writing ----------------------------------------------------------

    @classmethod
    def load(cls, text: str | None) -> Verdict:
        """A stored understanding (any version). Never raises on a well-formed store;
        an unreadable one becomes a verdict that says so, for a person."""
        if not text:
            return cls()
        data = json.loads(text)
        if not isinstance(data, dict):
            return cls()
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        verdict = cls.model_validate(data)
        if "review" not in data:
            verdict.review = legacy_review_reasons(data.get("reasons") or [])
        return verdict

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender,
            "subject": self.subject,
            "disposition": self.disposition,
            "ignored_reason": self.ignored_reason,
            "network": self.network,
            "kinds": sorted(self.kinds),
            "members": [m.model_dump() for m in self.members],
            "meetings": [m.model_dump(mode="json") for m in self.meetings],
            "protocol": None
            if self.protocol is None
            else {
                "meeting_date": self.protocol.meeting_date.isoformat()
                if self.protocol.meeting_date
                else None,
                "attendees": list(self.protocol.attendees),
            },
            "reasons": list(self.reasons),
            "version": self.version,
            "review": [r.to_json() for r in self.review],
            "changes": [c.as_dict() for c in self.changes],
            "in_reply_to": self.in_reply_to.model_dump(mode="json") if self.in_reply_to else None,
            "answer": self.answer,
        }
        if self.decisions or self.unread_lines or self.decided:
            out["decisions"] = [d.model_dump() for d in self.decisions]
            out["unread_lines"] = list(self.unread_lines)
            out["decided"] = [d.model_dump() for d in self.decided]
        if self.member_changes is not None:
            out["member_changes"] = self.member_changes.model_dump()
        return out

    def dump(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False)

    # -- what the rest of mailbot asks ---------------------------------------------

    @property
    def suspect_sender(self) -> bool:
        """Whether a reason says the From may not be the author's (no answer then)."""
        return any(r.suspect_sender for r in self.review)

    def needs_review(self, reason: Reason) -> None:
        """Send to a person, for `reason` (added to the reasons)."""
        self.disposition = "needs_review"
        self.review = [*self.review, reason]
        self.reasons = [*self.reasons, reason.english()]
