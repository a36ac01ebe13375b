"""Wiring: settings in, the store, intake and pipeline out. Passed explicitly, no globals."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from mailbot.config import Settings
from mailbot.db import open_store
from mailbot.errors import ConfigError
from mailbot.intake import Intake
from mailbot.models import Message, MessageState
from mailbot.pipeline import Pipeline, Stage
from mailbot.rawstore import RawStore
from mailbot.registry.load import build_states, known_senders
from mailbot.registry.stage import RegisterStage
from mailbot.rules import Network, load_networks
from mailbot.sources.imap import Credentials
from mailbot.understand.analyze import Context
from mailbot.understand.stage import UnderstandStage

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    # None: the standard stages, built from the settings and rules/ (see `stages`).
    custom_stages: Sequence[Stage] | None = None
    _senders_cache: tuple[object, dict[str, set[str]]] | None = field(default=None, repr=False)

    @cached_property
    def networks(self) -> list[Network]:
        return load_networks(self.settings.rules_dir)

    def understanding_context(self) -> Context:
        return Context.build(self.networks, trusted_domains=tuple(self.settings.trust.domains))

    @cached_property
    def stages(self) -> list[Stage]:
        """The pipeline's stages, in order.

        Without readable rules the understanding stage cannot run; intake still must:
        mail is taken in and waits in `received` until the rules are fixed.
        """
        if self.custom_stages is not None:
            return list(self.custom_stages)
        try:
            context = self.understanding_context()
        except ConfigError as exc:
            log.error("%s; mail is taken in but not read until the rules are fixed", exc)
            return []
        return [
            UnderstandStage(
                context, self.settings.limits.parse_limits(), senders=self.known_senders
            ),
            RegisterStage(),
        ]

    def known_senders(self) -> dict[str, set[str]]:
        """Current members' addresses per network, from the registry; recomputed only
        when the set of applied messages has changed."""
        with Session(self.engine) as session:
            marker = session.exec(
                select(func.count(), func.max(Message.updated_at)).where(
                    Message.state == MessageState.APPLIED.value
                )
            ).one()
        if self._senders_cache is not None and self._senders_cache[0] == marker:
            return self._senders_cache[1]
        states = build_states(self.engine, [n.slug for n in self.networks])
        senders = known_senders(states)
        for net in self.networks:
            # Addresses pinned in rules/ are trusted for their network, list or no list.
            contacts = net.obligations.contacts
            for address in [contacts.chair, contacts.secretary, *contacts.trusted_senders]:
                if address:
                    senders.setdefault(address.lower(), set()).add(net.slug)
        self._senders_cache = (marker, senders)
        return senders

    @cached_property
    def engine(self) -> Engine:
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        return open_store(self.settings.database_url)

    @cached_property
    def raw_store(self) -> RawStore:
        store = RawStore(self.settings.raw_dir)
        store.clean_tmp()  # half-written files from a crash; their mails are re-fetched
        return store

    @cached_property
    def intake(self) -> Intake:
        return Intake(
            self.engine,
            self.raw_store,
            max_message_bytes=self.settings.limits.max_message_bytes,
        )

    @cached_property
    def pipeline(self) -> Pipeline:
        return Pipeline(
            self.engine,
            self.raw_store,
            self.stages,
            max_attempts=self.settings.pipeline.max_attempts,
        )

    def imap_credentials(self) -> Credentials:
        imap = self.settings.imap
        if imap.auth == "oauth2-m365":
            from mailbot.oauth import M365AppOnlyTokenProvider

            o = self.settings.oauth2
            if not o.tenant or not o.client_id:
                raise ConfigError("imap.auth = 'oauth2-m365' needs oauth2.tenant and client_id")
            secret = o.resolved_secret()
            provider = M365AppOnlyTokenProvider(
                o.tenant,
                o.client_id,
                client_secret=secret.get_secret_value() if secret else None,
                certificate_path=o.certificate_file,
                certificate_thumbprint=o.certificate_thumbprint,
                certificate_password=(
                    o.certificate_password.get_secret_value() if o.certificate_password else None
                ),
                authority_host=o.authority_host,
                scopes=tuple(o.scopes),
                refresh_margin=o.refresh_margin,
            )
            return Credentials(user=imap.user, tokens=provider)
        password = imap.resolved_password()
        if password is None:
            raise ConfigError(
                "imap.host is set but no password: set MAILBOT_IMAP__PASSWORD or imap.password_file"
            )
        return Credentials(user=imap.user, password=password.get_secret_value())
