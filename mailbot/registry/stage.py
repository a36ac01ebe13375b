"""The pipeline stage that registers a classified message: classified -> applied.

The registry itself is a fold over the applied messages (see fold.py), so registering
is the state change; the fold picks the message up from then on, in the order mails
were sent. One check happens here, because it needs the registry as it stands: a
protocol dated on no known meeting, within the window of two or more planned meetings
that have no protocol, could record any of them. That is for a person to say, not a
guess: the message goes to review with the candidates (`protocol-date-ambiguous`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from mailbot import review
from mailbot.models import Message, MessageState, Understanding
from mailbot.pipeline import StageContext, Transition
from mailbot.reasons import Reason, ReasonCode
from mailbot.registry.fold import DEFAULT_MATCH_WINDOW, fold, held_elsewhere
from mailbot.registry.load import applied_in
from mailbot.registry.state import NetworkState
from mailbot.review import Corrections, ReviewError
from mailbot.understand.stage import store_verdict
from mailbot.verdict import DecisionResult, Verdict


@dataclass
class RegisterStage:
    # Each network's protocol.match_window_days (rules/).
    windows: Mapping[str, int] = field(default_factory=dict)
    # A network's registry as committed, with the (sent_at, id) of its last mail (the
    # app's RegistryCache); None: folded here from the store.
    registry: Callable[[str, int], tuple[NetworkState, tuple[datetime, int] | None]] | None = None
    name: str = "register"
    consumes: MessageState = MessageState.CLASSIFIED

    def run(self, session: Session, message: Message, ctx: StageContext) -> Transition:
        understanding = session.get(Understanding, message.id)
        network = understanding.network if understanding else None
        kinds = understanding.kinds if understanding else "[]"
        if understanding is not None:
            verdict = Verdict.load(understanding.result_json)
            if verdict.answer == "decision":
                return self._decide(session, message, understanding, verdict)
        if understanding is not None and network:
            reason = self._ambiguous(session, message, verdict, network)
            if reason is not None:
                verdict.needs_review(reason)
                store_verdict(understanding, verdict)
                session.add(understanding)
                return Transition(MessageState.NEEDS_REVIEW, reason.english())
        return Transition(MessageState.APPLIED, f"registered for {network}: {kinds}")

    def _decide(
        self, session: Session, message: Message, understanding: Understanding, verdict: Verdict
    ) -> Transition:
        """Carry out a coordinator's decisions by mail (decisions.py), each as review.py
        makes it, in this transaction; what came of each is kept for the confirmation."""
        actor = f"{verdict.sender} (mail #{message.id})"
        results = []
        for line in verdict.decisions:
            try:
                if line.verb == "apply":
                    corrections = Corrections(network=line.network)
                    outcome = review.apply_in(
                        session, line.item, actor, corrections, networks=list(self.windows)
                    )
                elif line.verb == "dismiss":
                    outcome = review.dismiss_in(session, line.item, actor, line.reason or "")
                else:
                    outcome = review.revert_in(session, line.item, actor, line.reason or "")
            except ReviewError as exc:
                results.append(
                    DecisionResult(
                        item=line.item,
                        verb=line.verb,
                        done=False,
                        detail=str(exc),
                        detail_sv=exc.swedish,
                    )
                )
                continue
            applied_to = None
            if line.verb == "apply":
                decided = session.get(Understanding, line.item)
                applied_to = decided.network if decided else None
            results.append(
                DecisionResult(
                    item=line.item,
                    verb=line.verb,
                    done=True,
                    detail=outcome.sentence,
                    network=applied_to,
                )
            )
        verdict.decided = results
        store_verdict(understanding, verdict)
        session.add(understanding)
        done = sum(r.done for r in results)
        return Transition(
            MessageState.APPLIED, f"{done} of {len(results)} decisions carried out by mail"
        )

    def _ambiguous(
        self, session: Session, message: Message, verdict: Verdict, network: str
    ) -> Reason | None:
        if verdict.protocol is None or verdict.protocol.meeting_date is None:
            return None
        when = verdict.protocol.meeting_date
        window = self.windows.get(network, DEFAULT_MATCH_WINDOW)
        state = None
        if self.registry is not None:
            # Committed mail only, which is all there is: this transaction has applied
            # nothing yet. The network's registry as it stands is the one this mail
            # meets when everything in it was sent before it (the usual order).
            folded, last = self.registry(network, window)
            if last is None or last[0] <= message.sent_at:
                state = folded
        if state is None:
            earlier = applied_in(session, until=message.sent_at, network=network)
            state = fold(network, earlier, window)
        candidates = held_elsewhere(state, when, window)
        if len(candidates) < 2:
            return None
        return Reason(
            ReasonCode.PROTOCOL_DATE_AMBIGUOUS,
            {
                "date": when.isoformat(),
                "candidates": ", ".join(m.date.isoformat() for m in candidates),
            },
        )
