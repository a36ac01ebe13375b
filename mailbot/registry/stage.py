"""The pipeline stage that registers a classified message: classified -> applied.

The registry itself is a fold over the applied messages (see fold.py), so registering
is the state change; the fold picks the message up from then on, in the order mails
were sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from mailbot.models import Message, MessageState, Understanding
from mailbot.pipeline import StageContext, Transition


@dataclass
class RegisterStage:
    name: str = "register"
    consumes: MessageState = MessageState.CLASSIFIED

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
        understanding = session.get(Understanding, message.id)
        network = understanding.network if understanding else None
        kinds = understanding.kinds if understanding else "[]"
        return Transition(MessageState.APPLIED, f"registered for {network}: {kinds}")
