"""Render mailbot's outgoing mail from the Jinja2 templates in `templates/`.

Every kind of notice has three templates:

- `KIND.subject.txt`: the subject line (whitespace is collapsed to single spaces);
- `KIND.txt`: the plain-text alternative, extending `base.txt`;
- `KIND.html`: the HTML part, extending `base.html`; its `<style>` block is inlined into
  `style="..."` attributes with css_inline (Outlook ignores most `<style>` rules) and
  also kept in the head for the clients that do read it.

The context each kind expects is listed in `EXPECTED_CONTEXT` and, in the same words,
in a comment at the top of each template. Every environment is created per `Renderer`
with `StrictUndefined`, so a missing key fails loudly instead of leaving a gap in a mail.
The key `subject` is added by the renderer (the rendered subject line) for the body
templates.

Dates and times are written the Swedish way by the filters registered here:
`datum` "fredag 14 mars 2025", `kort_datum` "14 mars", `tid` "9.00",
`tidsintervall` "9.00–12.00" (templates put "kl." in front), and `datum_tid`
"fredag 14 mars 2025 kl. 9.00–12.00" for a meeting's date with its time when known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final

import css_inline
import jinja2
from markupsafe import Markup

from mailbot.oneline import one_line

# The context keys of each kind. "a.b" is key b of the mapping under a (when a is not
# None); "a[].b" is key b of every item of the list under a. Dates are `datetime.date`,
# times `datetime.time` (or ISO strings); "| None" in the template comments marks the
# keys that may be None. The renderer adds `subject` itself.
EXPECTED_CONTEXT: Final[dict[str, list[str]]] = {
    "meeting-reminder": [
        "network",
        "recipient_name",
        "meeting_date",
        "meeting_start",
        "meeting_end",
        "meeting_place",
    ],
    "meeting-moved": [
        "network",
        "recipient_name",
        "previous_date",
        "previous_start",
        "meeting_date",
        "meeting_start",
        "meeting_end",
        "meeting_place",
    ],
    "meeting-cancelled": [
        "network",
        "recipient_name",
        "meeting_date",
        "meeting_start",
        "meeting_place",
        "year",
        "meetings_held",
        "meetings_planned",
        "meetings_required",
        "mailbox",
    ],
    "protocol-reminder": [
        "network",
        "recipient_name",
        "writer",
        "host",
        "meeting_date",
        "meeting_place",
        "due_date",
        "mailbox",
    ],
    "meetings-behind": [
        "network",
        "recipient_name",
        "year",
        "meetings_held",
        "meetings_planned",
        "meetings_required",
        "planned_dates",
        "coordinator_name",
        "mailbox",
    ],
    "member-list-missing": [
        "network",
        "recipient_name",
        "year",
        "deadline",
        "mailbox",
    ],
    "meeting-dates-missing": [
        "network",
        "recipient_name",
        "year",
        "deadline",
        "meetings_required",
        "weekdays",
        "mailbox",
    ],
    "deliverable-reminder": [
        "network",
        "recipient_name",
        "deliverable",
        "due_date",
        "overdue",
        "days",
        "mailbox",
    ],
    "mission-ending": [
        "network",
        "recipient_name",
        "valid_to",
        "days",
        "rules_file",
    ],
    "receipt": [
        "network",
        "recipient_name",
        "received_date",
        "original_subject",
        "member_list",
        "member_list.count",
        "member_list.chair",
        "member_list.secretary",
        "meetings",
        "meetings[].date",
        "meetings[].start",
        "meetings[].end",
        "meetings[].place",
        "meetings[].change",
        "meetings[].previous_date",
        "protocol_for",
        "report",
        "next_meeting",
        "next_meeting.date",
        "next_meeting.start",
        "next_meeting.end",
        "next_meeting.place",
        "year",
        "meetings_held",
        "meetings_required",
    ],
    "review-notice": [
        "network",
        "recipient_name",
        "received_date",
        "original_subject",
        "coordinator_name",
    ],
    "review-request": [
        "recipient_name",
        "count",
        "items",
        "items[].id",
        "items[].date",
        "items[].sender",
        "items[].subject",
        "items[].network",
        "items[].read",
        "items[].reason",
        "token",
    ],
    "decision-receipt": [
        "recipient_name",
        "results",
        "results[].item",
        "results[].verb",
        "results[].done",
        "results[].network",
        "results[].detail",
        "unread",
        "original_subject",
    ],
    "reminders": [
        "recipient_name",
        "count",
        "networks",
        "sections",  # `Section`s, already rendered
    ],
    "digest": [
        "recipient_name",
        "today",
        "year",
        "week",
        "networks",
        "networks[].name",
        "networks[].status",
        "networks[].held",
        "networks[].planned",
        "networks[].required",
        "networks[].findings",
        "findings",
        "findings[].network",
        "findings[].rule",
        "findings[].severity",
        "findings[].about",
        "findings[].due",
        "findings[].detail",
        "arrived",
        "arrived[].date",
        "arrived[].network",
        "arrived[].sender",
        "arrived[].subject",
        "arrived[].kinds",
        "arrived[].outcome",
        "review",
        "review[].id",
        "review[].date",
        "review[].sender",
        "review[].subject",
        "review[].network",
        "review[].reason",
        "failed",
        "failed[].id",
        "failed[].date",
        "failed[].kind",
        "failed[].to",
        "failed[].subject",
        "failed[].error",
        "upcoming",
        "upcoming[].date",
        "upcoming[].start",
        "upcoming[].end",
        "upcoming[].network",
        "upcoming[].place",
        "broken",
        "broken[].network",
        "broken[].file",
        "broken[].problem",
    ],
}

KINDS: Final[tuple[str, ...]] = tuple(EXPECTED_CONTEXT)

_MONTHS: Final = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
_WEEKDAYS: Final = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")

# Codes used elsewhere in mailbot, in the words a coordinator reads.
STATUS_WORDS: Final[dict[str, str]] = {
    "on-track": "I fas",
    "attention": "Behöver uppmärksamhet",
    "behind": "Efter",
}
RULE_WORDS: Final[dict[str, str]] = {
    "meeting-count-behind": "För få träffar",
    "meeting-weekday": "Fel dag för träff",
    "protocol-missing": "Protokoll saknas",
    "member-list-missing": "Medlemsförteckning saknas",
    "meeting-dates-missing": "Mötesdatum saknas",
    "deliverable-due-soon": "Leverans snart",
    "deliverable-overdue": "Leverans försenad",
    "mission-ending": "Uppdraget går snart ut",
    "mission-ended": "Uppdraget har gått ut",
}
SEVERITY_WORDS: Final[dict[str, str]] = {
    "info": "Info",
    "warning": "Varning",
    "overdue": "Försenad",
}
MAIL_KIND_WORDS: Final[dict[str, str]] = {
    "member_list": "medlemsförteckning",
    "meeting_dates": "mötesdatum",
    "protocol": "protokoll",
    "report": "rapport",
    "agenda": "kallelse/dagordning",
}
OUTCOME_WORDS: Final[dict[str, str]] = {
    "applied": "Registrerat",
    "needs_review": "Granskas",
    "ignored": "Ignorerat",
}
NOTICE_WORDS: Final[dict[str, str]] = {
    "meeting-reminder": "Påminnelse om träff",
    "meeting-moved": "Flyttad träff",
    "meeting-cancelled": "Inställd träff",
    "protocol-reminder": "Påminnelse om protokoll",
    "meetings-behind": "För få träffar",
    "member-list-missing": "Medlemsförteckning saknas",
    "meeting-dates-missing": "Mötesdatum saknas",
    "deliverable-reminder": "Påminnelse om leverans",
    "mission-ending": "Uppdraget går snart ut",
    "review-request": "Att granska",
    "decision-receipt": "Dina beslut",
    "receipt": "Kvitto",
    "review-notice": "Granskningsbesked",
    "digest": "Veckoöversikt",
}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Section:
    """One notice as a part of a bundle (`reminders`): its subject, its heading and its
    content blocks, without greeting and signature. Already rendered and escaped, so
    `plain_context` leaves it as it is."""

    kind: str
    subject: str
    heading: str
    text: str
    html: Markup
    redirect_reason: str | None = None


def _require(value: object) -> None:
    """A filter given an undefined value fails like the template itself would."""
    if isinstance(value, jinja2.Undefined):
        str(value)  # StrictUndefined raises UndefinedError, naming the variable
        raise jinja2.UndefinedError("a date or time filter was given an undefined value")


def _as_date(value: date | str) -> date:
    _require(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _as_time(value: time | datetime | str) -> time:
    _require(value)
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    return time.fromisoformat(value.replace(".", ":"))


def datum(value: date | str) -> str:
    """'fredag 14 mars 2025'."""
    day = _as_date(value)
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def kort_datum(value: date | str) -> str:
    """'14 mars'."""
    day = _as_date(value)
    return f"{day.day} {_MONTHS[day.month - 1]}"


def tid(value: time | datetime | str) -> str:
    """'9.00', '13.30': Swedish clock time, hour without a leading zero, a dot."""
    moment = _as_time(value)
    return f"{moment.hour}.{moment.minute:02d}"


def tidsintervall(start: time | datetime | str, end: time | datetime | str | None = None) -> str:
    """'9.00–12.00' (en dash); just the start when the end is unknown."""
    if end is None:
        return tid(start)
    return f"{tid(start)}–{tid(end)}"


def datum_tid(
    value: date | str,
    start: time | datetime | str | None = None,
    end: time | datetime | str | None = None,
) -> str:
    """'fredag 14 mars 2025 kl. 9.00–12.00'; just the date when no time is known."""
    if start is None:
        return datum(value)
    return f"{datum(value)} kl. {tidsintervall(start, end)}"


def antal(count: int, singular: str, plural: str) -> str:
    """'1 träff', '3 träffar'."""
    _require(count)
    return f"{count} {singular if count == 1 else plural}"


def fornamn(name: str) -> str:
    """The first name, for a greeting: 'Karin Ljungqvist' -> 'Karin'."""
    _require(name)
    parts = name.split()
    return parts[0] if parts else name


def _words(table: Mapping[str, str]) -> Callable[[str], str]:
    def translate(code: str) -> str:
        _require(code)
        return table.get(code, table.get(code.replace("-", "_"), code))

    return translate


def _list_sv(items: list[str]) -> str:
    """'a, b och c'."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]


def swedish_filters() -> dict[str, Any]:
    """The Jinja2 filters that put dates, counts and codes into Swedish: the mail
    templates and the desk's pages use the same."""
    return dict(
        datum=datum,
        kort_datum=kort_datum,
        tid=tid,
        tidsintervall=tidsintervall,
        datum_tid=datum_tid,
        antal=antal,
        fornamn=fornamn,
        lista=_list_sv,
        status_ord=_words(STATUS_WORDS),
        regel=_words(RULE_WORDS),
        allvar=_words(SEVERITY_WORDS),
        posttyp=_words(MAIL_KIND_WORDS),
        utfall=_words(OUTCOME_WORDS),
        notistyp=_words(NOTICE_WORDS),
    )


_BLANK_LINES = re.compile(r"\n{3,}")


class Renderer:
    """Renders one kind of notice with a context into subject, text and inlined HTML."""

    def __init__(self, templates_dir: Path) -> None:
        self.templates_dir = templates_dir
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir), encoding="utf-8"),
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html",), default_for_string=False, default=False
            ),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,
        )
        self.env.filters.update(swedish_filters())
        # Keep the <style> block for clients that honour it; never fetch anything remote.
        self._inliner = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)

    def section(self, kind: str, context: Mapping[str, Any]) -> Section:
        """A notice's own part (its `heading` and `content` blocks), for a bundle."""
        context = plain_context(context)
        subject = one_line(self.env.get_template(f"{kind}.subject.txt").render(context), 250)
        body_context = {**context, "subject": subject}
        text_template = self.env.get_template(f"{kind}.txt")
        html_template = self.env.get_template(f"{kind}.html")
        text = "".join(text_template.blocks["content"](text_template.new_context(body_context)))
        html_context = html_template.new_context(body_context)
        heading = "".join(html_template.blocks["heading"](html_context))
        html = "".join(html_template.blocks["content"](html_context))
        redirect = context.get("redirect_reason")
        return Section(
            kind=kind,
            subject=subject,
            heading=one_line(Markup(heading).striptags(), 250),
            text=_tidy_text(text).strip("\n"),
            html=Markup(html.strip()),
            redirect_reason=str(redirect) if redirect else None,
        )

    def render(self, kind: str, context: Mapping[str, Any]) -> Rendered:
        # What a mail said (a subject, a name, a place) is one line of plain text before
        # any template sees it: it can fill a line, never start a new one.
        context = plain_context(context)
        subject = one_line(self.env.get_template(f"{kind}.subject.txt").render(context), 250)
        body_context = {**context, "subject": subject}
        text = self.env.get_template(f"{kind}.txt").render(body_context)
        html = self.env.get_template(f"{kind}.html").render(body_context)
        return Rendered(subject=subject, text=_tidy_text(text), html=self._inliner.inline(html))


CONTEXT_TEXT_LIMIT = 500


def plain_context(value: Any) -> Any:
    """Every string in a context (at any depth) made one line of plain text."""
    if isinstance(value, str):
        return one_line(value, CONTEXT_TEXT_LIMIT)
    if isinstance(value, Mapping):
        return {key: plain_context(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_context(item) for item in value]
    return value


def _tidy_text(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)) + "\n"
