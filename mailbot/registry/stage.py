"""The pipeline stage that registers a classified message: classified -> applied.

The registry itself is a fold over the applied messages (see fold.py), so registering
is the state change; the fold picks the message up from then on, in the order mails
were sent. One check happens here, because it needs the registry as it stands: a
protocol dated on no known meeting, within the window of two or more planned meetings
that have no protocol, could record any of them. That is for a person to say, not a
guess: the message goes to review with the candidates (`protocol-date-ambiguous`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from mailbot.models import Message, MessageState, Understanding
from mailbot.pipeline import StageContext, Transition
from mailbot.reasons import Reason
from mailbot.registry.fold import DEFAULT_MATCH_WINDOW, fold, held_elsewhere
from mailbot.registry.load import applied_in


@dataclass
class RegisterStage:
    # Each network's protocol.match_window_days (rules/).
    windows: Mapping[str, int] = field(default_factory=dict)
    name: str = "register"
    consumes: MessageState = MessageState.CLASSIFIED

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
        understanding = session.get(Understanding, message.id)
        network = understanding.network if understanding else None
        kinds = understanding.kinds if understanding else "[]"
        if understanding is not None and network:
            reason = self._ambiguous(session, message, understanding, network)
            if reason is not None:
                result = json.loads(understanding.result_json)
                result["disposition"] = "needs_review"
                result["review"] = [*result.get("review", []), reason.to_json()]
                result["reasons"] = [*result.get("reasons", []), reason.english()]
                understanding.result_json = json.dumps(result, ensure_ascii=False)
                understanding.disposition = "needs_review"
                session.add(understanding)
                return Transition(MessageState.NEEDS_REVIEW, reason.english())
        return Transition(MessageState.APPLIED, f"registered for {network}: {kinds}")

    def _ambiguous(
        self, session: Session, message: Message, understanding: Understanding, network: str
    ) -> Reason | None:
        protocol = json.loads(understanding.result_json).get("protocol")
        if not isinstance(protocol, dict) or not protocol.get("meeting_date"):
            return None
        try:
            when = date.fromisoformat(str(protocol["meeting_date"]))
        except ValueError:
            return None
        window = self.windows.get(network, DEFAULT_MATCH_WINDOW)
        state = fold(network, applied_in(session, until=message.sent_at), window)
        candidates = held_elsewhere(state, when, window)
        if len(candidates) < 2:
            return None
        return Reason(
            "protocol-date-ambiguous",
            {
                "date": when.isoformat(),
                "candidates": ", ".join(m.date.isoformat() for m in candidates),
            },
        )
