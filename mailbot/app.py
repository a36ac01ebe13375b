"""Wiring: settings in, the store, intake and pipeline out. Passed explicitly, no globals."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlmodel import Session

from mailbot.config import Settings
from mailbot.db import make_engine, open_store
from mailbot.errors import ConfigError
from mailbot.intake import Intake
from mailbot.outbox.render import Renderer
from mailbot.outbox.store import DispatchReport, Outbox, OutboxPolicy
from mailbot.outbox.transport import FileTransport, SmtpTransport, Transport
from mailbot.pipeline import Pipeline, Stage
from mailbot.rawstore import RawStore
from mailbot.registry.load import RegistryCache, known_senders
from mailbot.registry.stage import RegisterStage
from mailbot.registry.state import NetworkState
from mailbot.rules import LoadedRules, Network, load_rules
from mailbot.sources.imap import Credentials
from mailbot.statedir import private_file, secure_state_dir
from mailbot.understand.analyze import Context
from mailbot.understand.stage import UnderstandStage

if TYPE_CHECKING:
    from mailbot.oauth import TokenProvider
    from mailbot.outbox.sentfolder import SentFolder
    from mailbot.parse.documents import DocumentWorker
    from mailbot.understand.pool import ReadingPool

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    # None: the standard stages, built from the settings and rules/ (see `stages`).
    custom_stages: Sequence[Stage] | None = None
    _senders_cache: tuple[int, dict[str, set[str]]] | None = field(default=None, repr=False)
    _pool: ReadingPool | None = field(default=None, repr=False)
    _registry: RegistryCache = field(default_factory=RegistryCache, repr=False)
    _senders_checked: tuple[int | None, float] = field(default=(None, 0.0), repr=False)

    @cached_property
    def rules(self) -> LoadedRules:
        """The rules folder: sound networks, and broken files (each named once, in one
        sentence; its network is skipped, the others go on)."""
        loaded = load_rules(self.settings.rules_dir)
        for problem in loaded.problems:
            if problem.file.stem in loaded.broken:
                log.error(
                    "rules: %s; network %r is skipped until the file is fixed",
                    problem,
                    problem.file.stem,
                )
            else:
                log.error("rules: %s", problem)
        return loaded

    @property
    def networks(self) -> list[Network]:
        return self.rules.networks

    def understanding_context(self) -> Context:
        return Context.build(
            self.networks,
            trusted_domains=tuple(self.settings.trust.domains),
            own_addresses=self.own_addresses,
            coordinators=tuple(a.lower() for a in self.settings.outbox.coordinators),
        )

    @property
    def own_addresses(self) -> tuple[str, ...]:
        """mailbot's own From address: mail from it is never read as input."""
        return (self.settings.outbox.sender.lower(),)

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
                context,
                self.settings.limits.parse_limits(),
                senders=self.known_senders,
                reader=self.documents.extract,
                pool=self.reading_pool(context),
                pool_min_batch=self.settings.pipeline.readers_min_batch,
            ),
            RegisterStage(self.match_windows, registry=self.folded_registry),
        ]

    def reading_pool(self, context: Context) -> ReadingPool | None:
        """The reader processes that read mail ahead of the pipeline (None: configured
        off, or one core); they start with the first batch and stop with `close`."""
        from mailbot.parse.documents.worker import DEFAULT_MEMORY_LIMIT_BYTES
        from mailbot.understand.pool import ReadingPool, default_workers

        cfg = self.settings.pipeline
        workers = default_workers() if cfg.readers is None else cfg.readers
        if workers < 1 or (cfg.readers is None and workers < 2):
            return None
        limits = self.settings.limits
        self._pool = ReadingPool(
            context,
            limits.parse_limits(),
            workers=workers,
            job_seconds=limits.max_document_seconds,
            memory_limit_bytes=DEFAULT_MEMORY_LIMIT_BYTES,
        )
        return self._pool

    def close(self) -> None:
        """Stop the processes this app started (the reading pool, the document worker)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        if "documents" in self.__dict__:
            self.documents.close()
        if "stage_engine" in self.__dict__:
            self.stage_engine.dispose()

    @cached_property
    def documents(self) -> DocumentWorker:
        """The one process that reads attachments for this app (killed and replaced
        when a document runs over its limits; see mailbot/parse/documents/)."""
        from mailbot.parse.documents import default_worker

        return default_worker()

    @property
    def match_windows(self) -> dict[str, int]:
        """Each network's `protocol.match_window_days` (a protocol on another day)."""
        return {n.slug: n.obligations.protocol.match_window_days for n in self.networks}

    def folded_registry(
        self, slug: str, window: int
    ) -> tuple[NetworkState, tuple[datetime, int] | None]:
        """One network's registry as committed, kept folded (RegistryCache)."""
        with Session(self.engine) as session:
            return self._registry.folded(session, slug, window)

    def known_senders(self) -> dict[str, set[str]]:
        """Current members' addresses per network, from the registry; recomputed only
        when a network's registry changed (registry/load.py: RegistryCache). Asked
        before every mail the pipeline reads: the store is looked at again when the
        pipeline applied or undid a mail since, and at least once a second for what
        others (the desk, a decision by mail) changed."""
        pipeline = self.__dict__.get("pipeline")
        generation = pipeline.applied_transitions if pipeline is not None else None
        now = time.monotonic()
        if (
            self._senders_cache is not None
            and generation is not None
            and self._senders_checked[0] == generation
            and now - self._senders_checked[1] < 1.0
        ):
            return self._senders_cache[1]
        self._senders_checked = (generation, now)
        with Session(self.engine) as session:
            states = self._registry.states(
                session, [n.slug for n in self.networks], windows=self.match_windows
            )
        marker = self._registry.version
        if self._senders_cache is not None and self._senders_cache[0] == marker:
            return self._senders_cache[1]
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
    def state_dir(self) -> Path:
        """The state folder, made private (0700, umask 077) before anything is written
        in it; an existing one open to other users is warned about once."""
        secure_state_dir(self.settings.state_dir)
        return self.settings.state_dir

    @cached_property
    def engine(self) -> Engine:
        _ = self.state_dir
        if not self.settings.store.url:
            private_file(self.settings.state_dir / "mailbot.db")
        return open_store(self.settings.database_url)

    @cached_property
    def raw_store(self) -> RawStore:
        _ = self.state_dir
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
            lookahead=self.settings.pipeline.lookahead,
            stage_engine=self.stage_engine,
        )

    @cached_property
    def stage_engine(self) -> Engine:
        """The pipeline stages' engine: group commit (db.make_engine)."""
        _ = self.engine  # created and migrated first
        return make_engine(self.settings.database_url, group_commit=True)

    @cached_property
    def m365_tokens(self) -> TokenProvider:
        """The Microsoft 365 app-only token provider, shared by IMAP and SMTP."""
        from mailbot.oauth import M365AppOnlyTokenProvider

        o = self.settings.oauth2
        if not o.tenant or not o.client_id:
            raise ConfigError("auth = 'oauth2-m365' needs oauth2.tenant and oauth2.client_id")
        secret = o.resolved_secret()
        return M365AppOnlyTokenProvider(
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

    def imap_credentials(self) -> Credentials:
        imap = self.settings.imap
        if imap.auth == "oauth2-m365":
            return Credentials(user=imap.user, tokens=self.m365_tokens)
        password = imap.resolved_password()
        if password is None:
            raise ConfigError(
                "imap.host is set but no password: set MAILBOT_IMAP__PASSWORD or imap.password_file"
            )
        return Credentials(user=imap.user, password=password.get_secret_value())

    # -- outgoing mail ------------------------------------------------------------------

    @cached_property
    def transport(self) -> Transport:
        """SMTP when [smtp] names a host; else the embedded default, .eml files."""
        smtp = self.settings.smtp
        if not smtp.enabled:
            return FileTransport(self.settings.outbox_dir)
        password = tokens = None
        if smtp.user:
            if smtp.auth == "oauth2-m365":
                tokens = self.m365_tokens
            else:
                secret = smtp.resolved_password()
                if secret is None:
                    raise ConfigError(
                        "smtp.user is set but no password: set MAILBOT_SMTP__PASSWORD or "
                        "smtp.password_file"
                    )
                password = secret.get_secret_value()
        return SmtpTransport(
            smtp.host,
            smtp.effective_port,
            security=smtp.security.value,
            username=smtp.user or None,
            password=password,
            tokens=tokens,
            timeout=smtp.timeout,
            ca_file=smtp.ca_file,
            local_hostname=smtp.local_hostname,
        )

    def describe_transport(self) -> str:
        smtp = self.settings.smtp
        if not smtp.enabled:
            return (
                "no SMTP server configured (smtp.host is empty): outgoing mail is written "
                f"as .eml files to {self.settings.outbox_dir}"
            )
        return (
            f"SMTP {smtp.host}:{smtp.effective_port} ({smtp.security.value}), "
            f"from {self.settings.outbox.sender}"
        )

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.settings.templates_path)

    @cached_property
    def outbox(self) -> Outbox:
        o = self.settings.outbox
        return Outbox(
            self.engine,
            self.renderer,
            OutboxPolicy(
                sender=o.sender,
                sender_name=o.from_name,
                mailbox=o.mailbox,
                cap_per_recipient=o.per_recipient_daily_cap,
                retry_base=o.retry_base_seconds,
                retry_max=o.retry_max_seconds,
                max_attempts=o.max_attempts,
                sent_folder_grace=self.sent_folder_grace,
            ),
            lock_file=self.settings.state_dir / "outbox.lock",
        )

    @property
    def sent_folder_grace(self) -> float:
        """How long to look for the server's own Sent copy (see `Outbox._copy`)."""
        configured = self.settings.outbox.sent_folder_grace
        if configured is not None:
            return configured
        host = self.settings.smtp.host.lower()
        return 10.0 if host.endswith(("office365.com", "outlook.com")) else 0.0

    def send_due(
        self,
        today: date,
        *,
        dry_run: bool | None = None,
        stop: Callable[[], bool] = lambda: False,
        reminders: bool = True,
    ) -> DispatchReport:
        """Send every outbox row that is due, with the Sent-folder copy when one is
        configured. `dry_run` None: the configuration decides (a dry run sends nothing).
        `reminders`: whether reminders may go now (working days, from the daily time)."""
        dry = self.settings.outbox.dry_run if dry_run is None else dry_run
        if dry:
            return DispatchReport()
        sent_copy = self.sent_folder()
        try:
            return self.outbox.dispatch(
                self.transport,
                today,
                sent_copy=sent_copy,
                stop=stop,
                reminders=reminders,
            )
        finally:
            if sent_copy is not None:
                sent_copy.close()

    def sent_folder(self) -> SentFolder | None:
        """The IMAP Sent folder for copies of sent mail, when configured."""
        folder = self.settings.outbox.sent_folder
        if not folder or not self.settings.imap.enabled:
            return None
        from mailbot.outbox.sentfolder import SentFolder

        return SentFolder(self.settings.imap, self.imap_credentials(), folder)
