"""At most one reminder mail a person a day: what is due for one person is one mail.

Reminders (`REMINDER_KINDS`) are planned one notice per topic, each with its own
idempotency key and history, so "at most weekly" and "never twice" hold per topic. When
they are sent, the outbox takes every reminder due to one person at that moment and
writes them as one mail (a bundle, kind `reminders`): each notice's own heading and
content, in order, with every meeting's invitation attached. The rows of a bundle share
its Message-ID and bytes. A reminder to someone who already got a reminder mail that day
waits for the next working day. Answers to mail (receipts, review notices, moved and
cancelled meetings) and the digest are not reminders: they go on their own, any day.

The notice's template context is stored with its row (`encode_context`) so that a
bundle can be written from it later; dates and times keep their types.
"""

from __future__ import annotations

import email
import email.policy
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from mailbot.outbox.compose import Attachment

REMINDER_KINDS = frozenset(
    {
        "meeting-reminder",
        "protocol-reminder",
        "meetings-behind",
        "member-list-missing",
        "meeting-dates-missing",
        "deliverable-reminder",
        "mission-ending",
    }
)


def _tagged(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, Mapping):
        return {str(k): _tagged(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_tagged(v) for v in value]
    return value


def _untagged(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            if tag == "$date":
                return date.fromisoformat(text)
            if tag == "$time":
                return time.fromisoformat(text)
            if tag == "$datetime":
                return datetime.fromisoformat(text)
        return {k: _untagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_untagged(v) for v in value]
    return value


def encode_context(context: Mapping[str, Any]) -> str:
    return json.dumps(_tagged(context), ensure_ascii=False, sort_keys=True)


def decode_context(text: str) -> dict[str, Any]:
    decoded = _untagged(json.loads(text))
    assert isinstance(decoded, dict)
    return decoded


def invitations(mime: bytes) -> list[Attachment]:
    """The .ics parts of a notice's own mail, to attach to the bundle it goes in."""
    parsed = email.message_from_bytes(mime, policy=email.policy.default)
    found: list[Attachment] = []
    for part in parsed.walk():
        if part.get_content_type() != "text/calendar":
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        method = str(part.get_param("method") or "REQUEST")
        found.append(
            Attachment(
                data=data,
                maintype="text",
                subtype="calendar",
                filename=part.get_filename() or "inbjudan.ics",
                params={"method": method, "charset": "utf-8"},
            )
        )
    return found


def networks_of(contexts: Sequence[Mapping[str, Any]]) -> list[str]:
    """The networks named by the contexts, in order, each once."""
    return list(dict.fromkeys(str(c["network"]) for c in contexts if c.get("network")))
