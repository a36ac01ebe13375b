"""Answers to mailbot's own mail, read in their thread.

Every mail mailbot sends says "Svara på det här mejlet". An answer is found by its
`In-Reply-To`/`References` naming a mail mailbot sent, or, when a client dropped those
headers, by a reply subject ("SV:", "Re:", "Svar:", "VS:", ...) on mailbot's subject
together with mailbot's own text in the quoted part (`find_thread`).

An answer is then read in its context (`read_answer`): the network and the meeting come
from the thread, not from a fresh guess; only the new text counts (the quoted mailbot
mail is cut off, also where the client's quote marker was not recognised); dates the
answer mentions as past events ("skickade jag in den 6 maj") are not meetings. What it
can say (`AnswerKind`), and what happens:

- nothing new ("Tack!", "Stämmer bra"): ignored (`reply-without-content`);
- a meeting moved, cancelled, or a new time or place: that change, to the thread's
  network and meeting, applied when the sender may change the network (the usual trust
  rules), with a receipt in the thread;
- the protocol, attached to an answer to a protocol reminder: the protocol of the
  meeting the reminder was about (also when the document gives no date);
- "the protocol was already sent": review, with what mailbot finds of that protocol;
  that meeting's reminders pause until a person decides;
- a person or role changed, or "stop": review; reminders to that person on that network
  pause until a person decides;
- a corrected member list or plan attached: read and applied as such;
- anything else: review, with the thread.

Pure: the caller (the understand stage) looks up mailbot's sent mail (`SentLookup`) and
writes the pauses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal, Protocol

from mailbot.parse.mime import ParsedMail
from mailbot.parse.quotes import split_quoted, strip_signature_noise
from mailbot.reasons import Reason, ReasonCode
from mailbot.understand.meetings import MeetingFindings, meetings_in_text
from mailbot.verdict import Change, MeetingRead, ProtocolRead, Thread, Verdict

# "SV:", "Sv:", "Re:", "Svar:", "VS:", "AW:", repeated ("SV: SV: Re:"), with a count
# ("Re[2]:").
REPLY_PREFIX = re.compile(r"^\s*(?:(?:sv|re|svar|vs|aw|antw)(?:\[\d+\])?\s*:\s*)+", re.I)
_ID = re.compile(r"<[^<>\s]+>")


class AnswerKind(StrEnum):
    NOTHING = "nothing"
    MEETING_CHANGE = "meeting-change"
    PROTOCOL = "protocol"
    ALREADY_SENT = "already-sent"
    PEOPLE_CHANGED = "people-changed"
    STOP = "stop"
    DOCUMENTS = "documents"  # a corrected member list or plan, read as such
    OTHER = "other"


@dataclass(frozen=True)
class SentMail:
    """One mail mailbot sent (an outbox row), as a thread needs it."""

    outbox_id: int
    kind: str
    network: str | None
    about: date | None
    topic: str
    message_id: str
    subject: str  # the subject the mail went out with
    text: str  # its plain-text part
    to: tuple[str, ...]
    context: Mapping[str, object] = field(default_factory=dict)  # a review request's items


class SentLookup(Protocol):
    """mailbot's sent mail, looked up by the caller (the store)."""

    def by_message_ids(self, ids: Sequence[str]) -> list[SentMail]: ...

    def by_subject(self, subject: str) -> list[SentMail]: ...


# -- the thread ---------------------------------------------------------------------


def referenced_ids(mail: ParsedMail) -> list[str]:
    """The Message-IDs an incoming mail names as its parents, the nearest first."""
    ids: list[str] = []
    for name in ("in-reply-to", "references"):
        for value in mail.headers.get(name, []):
            found = _ID.findall(value)
            ids += reversed(found) if name == "references" else found
    return list(dict.fromkeys(ids))


def find_thread(mail: ParsedMail, lookup: SentLookup) -> tuple[Thread, SentMail] | None:
    """The mail of mailbot's that `mail` answers, or None. Several reminders that went
    as one mail are one thread: the one the answer is about is chosen (`_choose`)."""
    ids = referenced_ids(mail)
    if ids:
        sent = lookup.by_message_ids(ids)
        order = {mid: i for i, mid in enumerate(ids)}
        sent.sort(key=lambda s: (order.get(s.message_id, len(order)), s.outbox_id))
        if sent:
            siblings = [s for s in sent if s.message_id == sent[0].message_id]
            chosen = _choose(siblings, mail)
            return _thread(chosen, "header"), chosen
    subject = mail.subject or ""
    if not REPLY_PREFIX.match(subject):
        return None
    bare = REPLY_PREFIX.sub("", subject).strip()
    if not bare:
        return None
    candidates = [c for c in lookup.by_subject(bare) if _quotes(mail.text, c.text)]
    if candidates:
        siblings = [c for c in candidates if c.message_id == candidates[0].message_id]
        chosen = _choose(siblings, mail)
        return _thread(chosen, "subject"), chosen
    return None


def _choose(siblings: list[SentMail], mail: ParsedMail) -> SentMail:
    """Of the notices one mail carried, the one an answer is about: a protocol reminder
    when the answer brings a document or says it was sent, a meeting's when it speaks of
    a change, else the first."""
    if len(siblings) == 1:
        return siblings[0]
    text = mail.text
    documents = any(a.document is not None for a in mail.all_attachments())
    wanted: tuple[str, ...] = ()
    if documents or _ALREADY_SENT.search(text):
        wanted = _PROTOCOL_KINDS
    elif _CHANGE.search(text):
        wanted = ("meeting-reminder", "meeting-moved")
    return next((s for s in siblings if s.kind in wanted), siblings[0])


def _thread(sent: SentMail, found_by: Literal["header", "subject"]) -> Thread:
    return Thread(
        outbox_id=sent.outbox_id,
        kind=sent.kind,
        network=sent.network,
        about=sent.about,
        topic=sent.topic,
        message_id=sent.message_id,
        found_by=found_by,
    )


def _distinctive(text: str) -> list[str]:
    """Lines of mailbot's mail that a quote of it would carry (not greetings)."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    return [line for line in lines if len(line) >= 30]


def _unquote(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^(?:\s*>)+", "", line)).strip()


def _quotes(answer: str, sent_text: str) -> bool:
    """Whether the answer quotes mailbot's text (two of its lines, or one if short)."""
    wanted = set(_distinctive(sent_text))
    if not wanted:
        return False
    seen = {_unquote(line) for line in answer.split("\n")}
    found = len(wanted & seen)
    return found >= min(2, len(wanted))


def new_text(answer: str, subject: str, sent_text: str) -> str:
    """What the answer says now: cut at the first quote marker, and at the first line
    of mailbot's own text (clients whose quote marker is not recognised)."""
    text = split_quoted(answer, subject).new
    mine = set(_distinctive(sent_text))
    every = {_unquote(line) for line in sent_text.split("\n")}  # "Hej!" too
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _unquote(line) in mine:
            # Back over the short lines of mailbot's mail just above ("Hej!", blanks).
            while i > 0 and _unquote(lines[i - 1]) in every:
                i -= 1
            text = "\n".join(lines[:i])
            break
    return strip_signature_noise(text).strip()


# -- what it says --------------------------------------------------------------------

_GREETING = re.compile(
    r"^(?:hej|hejsan|hallå|tjena|god morgon|hälsningar|vänliga hälsningar|vänlig hälsning|"
    r"med vänliga hälsningar|mvh|/\s*\w+)\b",
    re.I,
)
_THANKS = re.compile(
    r"\b(?:tack|tackar|stämmer|det stämmer|ok|okej|toppen|perfekt|bra|fint|uppfattat|"
    r"noterat|kanon|👍)\b",
    re.I,
)
_ALREADY_SENT = re.compile(
    r"\b(?:redan (?:skickat|mejlat|mailat|lämnat|sänt)|har (?:redan )?(?:skickat|mejlat|"
    r"mailat)|skickade (?:jag|vi|det|den|in)|skickades|mejlade (?:jag|vi)|mailade (?:jag|vi)|"
    r"finns (?:redan )?hos er|har ni (?:redan )?fått|ni borde ha fått|kom in den)\b",
    re.I,
)
_STOP = re.compile(
    r"\b(?:sluta (?:skicka|mejla|maila|påminna)|avregistrera|vill inte (?:ha|få) (?:fler|några)?|"
    r"ta bort mig|skicka inte fler|inga fler (?:påminnelser|mejl))\b",
    re.I,
)
_PEOPLE = re.compile(
    r"\b(?:inte (?:längre )?(?:sekreterare|ordförande|med i nätverket|ansvarig)|"
    r"har tagit över|tar över|ny (?:sekreterare|ordförande)|slutat|slutar|går i pension|"
    r"ersätter mig|har bytt (?:tjänst|jobb|arbete)|föräldraledig|tjänstledig|"
    r"kontakta (?:\w+ ){0,3}i stället|är numera)\b",
    re.I,
)
_CHANGE = re.compile(
    r"\b(?:flytta\w*|ny tid|nytt datum|ändra\w*|ställ\w* in|inställ\w*|ny plats|ny lokal|"
    r"byter (?:lokal|plats|datum|dag)|i stället|istället|skjuts upp|tidigare|senare)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:skickade|skickat|skickades|skrev|mejlade|mailade|hade|hölls|träffades|var|kom|"
    r"fick|sände|lämnade)\b",
    re.I,
)
_PROTOCOL_KINDS = ("protocol-reminder",)


def _content_lines(text: str) -> list[str]:
    return [
        line
        for line in (raw.strip() for raw in text.split("\n"))
        if line and not _GREETING.match(line) and not re.fullmatch(r"[\w .,-]{1,40}", line)
    ] or [line.strip() for line in text.split("\n") if line.strip() and not _GREETING.match(line)]


def says_nothing(text: str) -> bool:
    """Thanks, an "OK", a greeting and a name: nothing for the store."""
    words = re.findall(r"\w+", text)
    if not words:
        return True
    if any(p.search(text) for p in (_ALREADY_SENT, _STOP, _PEOPLE, _CHANGE)):
        return False
    return len(words) <= 12 and bool(_THANKS.search(text) or len(words) <= 4)


def _change_text(text: str) -> str:
    """The answer without lines that speak of the past ("skickade jag in den 6 maj")."""
    return "\n".join(
        line for line in text.split("\n") if not (_PAST.search(line) and not _CHANGE.search(line))
    )


@dataclass(frozen=True)
class Answer:
    kind: AnswerKind
    verdict: Verdict
    # Reminders to hold back until a person decides: (person or None, meeting or None).
    pauses: tuple[tuple[str | None, date | None], ...] = ()


def read_answer(
    mail: ParsedMail,
    verdict: Verdict,
    thread: Thread,
    sent: SentMail,
    *,
    reference: date,
    protocol_found: dict[str, str],
) -> Answer:
    """What an answer says, in its thread (see the module doc). `verdict` is the plain
    reading of the mail's new part (for its documents, and for who sent it: the trust
    reasons); `protocol_found` is what mailbot finds of the thread meeting's protocol
    (`found`: none | applied | waiting, with `on` and `message`)."""
    text = new_text(mail.text, mail.subject, sent.text)
    out = verdict.model_copy(deep=True)
    out.in_reply_to = thread
    out.network = thread.network or verdict.network
    out.reasons = [f"an answer to mailbot's {thread.kind} (by {thread.found_by})"]
    trust = [r for r in verdict.review if _is_trust(r)]
    sender = verdict.sender
    documents = [a for a in mail.all_attachments() if a.document is not None and a.document.text]

    Pauses = tuple[tuple[str | None, date | None], ...]

    def review(kind: AnswerKind, reason: Reason, pauses: Pauses = ()) -> Answer:
        out.answer = kind.value
        out.disposition = "needs_review"
        out.kinds = []
        out.members, out.meetings, out.protocol, out.changes = [], [], None, []
        out.review = [*trust, reason]
        out.reasons += [r.english() for r in out.review]
        return Answer(kind, out, pauses)

    # Documents first: a protocol or a corrected list or plan is read for what it is.
    if documents and thread.kind in _PROTOCOL_KINDS:
        when = verdict.protocol.meeting_date if verdict.protocol else None
        when = when or thread.about
        if when is not None:
            out.answer = AnswerKind.PROTOCOL.value
            attendees = verdict.protocol.attendees if verdict.protocol else []
            out.protocol = ProtocolRead(meeting_date=when, attendees=attendees)
            out.kinds = sorted({*verdict.kinds, "protocol"})
            out.meetings = [MeetingRead(date=when)]
            out.review = [r for r in verdict.review if r.code is not ReasonCode.PROTOCOL_UNDATED]
            out.disposition = "needs_review" if out.review else "apply"
            out.reasons += ["the protocol of the meeting the reminder was about"]
            return Answer(AnswerKind.PROTOCOL, out)
    if documents and ({"member_list", "meeting_dates"} & set(verdict.kinds)):
        out.answer = AnswerKind.DOCUMENTS.value
        out.reasons += verdict.reasons
        return Answer(AnswerKind.DOCUMENTS, out)

    if _STOP.search(text):
        what = _quote(_STOP, text)
        reason = Reason(ReasonCode.REPLY_STOP, {"what": what, "person": sender or "?"})
        return review(AnswerKind.STOP, reason, ((sender, None),))
    if _PEOPLE.search(text):
        what = _quote(_PEOPLE, text)
        reason = Reason(ReasonCode.REPLY_PEOPLE_CHANGED, {"what": what, "person": sender or "?"})
        return review(AnswerKind.PEOPLE_CHANGED, reason, ((sender, None),))
    if _ALREADY_SENT.search(text) and thread.kind in (*_PROTOCOL_KINDS, "reminders"):
        about = thread.about.isoformat() if thread.about else "?"
        reason = Reason(ReasonCode.REPLY_ALREADY_SENT, {"about": about, **protocol_found})
        return review(AnswerKind.ALREADY_SENT, reason, ((None, thread.about),))

    change = _meeting_change(_change_text(text), thread, reference)
    if change is not None:
        out.answer = AnswerKind.MEETING_CHANGE.value
        out.kinds = ["meeting_dates"]
        out.members, out.protocol = [], None
        out.meetings, out.changes = change
        out.review = list(trust)
        out.disposition = "needs_review" if trust else "apply"
        out.reasons += ["a change to the meeting the thread is about"]
        out.reasons += [r.english() for r in trust]
        return Answer(AnswerKind.MEETING_CHANGE, out)
    if says_nothing(text):
        out.answer = AnswerKind.NOTHING.value
        out.disposition = "ignored"
        out.ignored_reason = "reply-without-content"
        out.kinds, out.members, out.meetings, out.protocol, out.changes = [], [], [], None, []
        out.review = []
        out.reasons += ["nothing new in the answer"]
        return Answer(AnswerKind.NOTHING, out)
    return review(AnswerKind.OTHER, Reason(ReasonCode.REPLY_OTHER, {"kind": thread.kind}))


def _is_trust(reason: Reason) -> bool:
    return reason.suspect_sender or reason.code is ReasonCode.SENDER_UNKNOWN


def _quote(pattern: re.Pattern[str], text: str) -> str:
    for line in text.split("\n"):
        if pattern.search(line):
            return line.strip()[:120]
    return ""


def _meeting_change(
    text: str, thread: Thread, reference: date
) -> tuple[list[MeetingRead], list[Change]] | None:
    """A move, cancellation or new time or place of a meeting, in the answer's text;
    the thread's meeting is the one meant when the text names only the new date."""
    if not _CHANGE.search(text) and not re.search(r"\bkl\.?\s*\d|\bplats\b|\blokal\b", text, re.I):
        return None
    findings = MeetingFindings()
    anchor = thread.about or reference
    meetings_in_text(text, anchor, findings, plan=False, source="answer", keep_past=thread.about)
    moved = list(findings.moved)
    cancelled = list(findings.cancelled)
    meetings = findings.sorted()
    if not moved and not cancelled and thread.about is not None:
        if re.search(r"\bställ\w* in|\binställ\w*", text, re.I):
            cancelled = [thread.about]
        elif len(meetings) == 1 and meetings[0].date != thread.about and _CHANGE.search(text):
            moved = [(thread.about, meetings[0].date)]
        elif not meetings and not re.search(r"\d", text):
            return None
    if not moved and not cancelled and not meetings:
        return None
    if not moved and not cancelled and thread.about is None:
        return None
    reads = [
        MeetingRead(date=m.date, start=m.start, end=m.end, place=m.place)
        for m in meetings
        if m.date != (thread.about if moved else None)
    ]
    if not moved and not cancelled:
        # A new time or place for the thread's meeting, without a new date.
        same = [r for r in reads if r.date == thread.about]
        if not same:
            return None
        reads = same
    changes = [Change(action="moved", moved_from=a, to=b) for a, b in moved]
    changes += [Change(action="cancelled", on=d) for d in cancelled]
    # Never a meeting years away from the thread's: a date read in the wrong year.
    if thread.about is not None:
        near = thread.about - timedelta(days=200), thread.about + timedelta(days=200)
        reads = [r for r in reads if near[0] <= r.date <= near[1]]
    return reads, changes


def strip_for_reading(mail: ParsedMail, sent: SentMail) -> ParsedMail:
    """The answer as the plain reader should see it: its new text only, and none of the
    HTML tables (those of a quoted receipt would read as a meeting plan)."""
    return replace(mail, text=new_text(mail.text, mail.subject, sent.text), html_tables=[])
