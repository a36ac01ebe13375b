"""Configuration: `mailbot.toml`, overridden by `MAILBOT_*` environment variables.

Precedence, highest first: explicit command-line options (state and rules folders),
environment variables (`MAILBOT_IMAP__HOST=...`, nested with a double underscore),
the TOML file, then the defaults below. Secrets (passwords, client secrets) come
from the environment or from a file named in the config; they are held as
`SecretStr` so that printing or logging a settings object never shows them.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, get_origin

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from mailbot.addresses import is_mailbox_address
from mailbot.errors import ConfigError
from mailbot.oneline import one_line
from mailbot.parse.types import Limits
from mailbot.redact import REDACTOR

# The fifteen Skaraborg municipalities and Skaraborgs Kommunalförbund.
DEFAULT_TRUSTED_DOMAINS = (
    "essunga.se", "falkoping.se", "grastorp.se", "gullspang.se", "gotene.se", "hjo.se",
    "karlsborg.se", "lidkoping.se", "mariestad.se", "skara.se", "skovde.se", "tibro.se",
    "tidaholm.se", "toreboda.se", "vara.se", "skaraborg.se",
)  # fmt: skip

log = logging.getLogger(__name__)

ENV_PREFIX = "MAILBOT_"
DEFAULT_CONFIG_NAME = "mailbot.toml"


class _ListFriendlyEnv(EnvSettingsSource):
    """The environment, where a list is written as people write it: comma-separated
    (`MAILBOT_OUTBOX__COORDINATORS=a@kommun.se,b@kommun.se`); JSON is accepted too."""

    def decode_complex_value(self, field_name: str, field: Any, value: Any) -> Any:
        try:
            return super().decode_complex_value(field_name, field, value)
        except ValueError:
            annotation = getattr(field, "annotation", None)
            if get_origin(annotation) is list and isinstance(value, str):
                return [item.strip() for item in value.split(",") if item.strip()]
            raise


# Environment variables mailbot reads besides the settings (the CLI's and the tests').
_OTHER_ENV = {
    "CONFIG", "STATE_DIR", "RULES_DIR", "ACTOR", "DEBUG", "TEST_FAULT", "REQUIRE_POSTGRES",
    "TEST_CORPORA", "TEST_SMTP_PORT",
}  # fmt: skip


def unknown_environment(environ: Mapping[str, str] | None = None) -> list[str]:
    """`MAILBOT_*` variables that name no setting (a single underscore where two belong,
    `MAILBOT_IMAP_HOST`, or a misspelt key): they would be silently ignored."""
    environ = os.environ if environ is None else environ
    known = set(_OTHER_ENV)
    for name, field in Settings.model_fields.items():
        known.add(name.upper())
        section = field.annotation
        if isinstance(section, type) and issubclass(section, BaseModel):
            known.update(f"{name.upper()}__{key.upper()}" for key in section.model_fields)
    return sorted(
        key
        for key in environ
        if key.upper().startswith(ENV_PREFIX) and key.upper()[len(ENV_PREFIX) :] not in known
    )


class Security(StrEnum):
    TLS = "tls"  # implicit TLS (port 993 / 465)
    STARTTLS = "starttls"
    PLAIN = "plain"  # only sensible on 127.0.0.1 (tests, a local relay)


class HandledAction(StrEnum):
    """What intake does to a mail on the server once it is safely stored."""

    LEAVE = "leave"
    SEEN = "seen"
    MOVE = "move"


def _read_secret(value: SecretStr | None, path: Path | None, what: str) -> SecretStr | None:
    if value is not None and value.get_secret_value():
        return value
    if path is None or str(path) == "":
        return None
    try:
        text = Path(path).expanduser().read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"cannot read {what} file {path}: {exc.strerror}") from None
    if not text:
        raise ConfigError(f"{what} file {path} is empty")
    return SecretStr(text)


class _Section(BaseModel):
    # A misspelt key is an error, not a silently ignored setting.
    model_config = ConfigDict(extra="forbid")


class ImapConfig(_Section):
    """The shared mailbox. An empty host means the embedded default: a local Maildir."""

    host: str = ""
    port: int | None = None  # default from security: 993 for tls, 143 otherwise
    security: Security = Security.TLS
    ca_file: Path | None = None  # extra CA bundle (self-signed test servers)
    user: str = ""
    auth: Literal["password", "oauth2-m365"] = "password"
    password: SecretStr | None = None
    password_file: Path | None = None
    folders: list[str] = Field(default_factory=lambda: ["INBOX"])
    handled: HandledAction = HandledAction.MOVE
    handled_folder: str = "mailbot/handled"
    timeout: float = Field(default=60.0, gt=0)  # seconds, every IMAP call
    idle: bool = True
    # RFC 2177: clients should re-issue IDLE at least every 29 minutes.
    idle_renew: float = Field(default=600.0, gt=0)
    poll_interval: float = Field(default=60.0, gt=0)  # when the server has no IDLE
    # Mails a FETCH asks for (and intake takes in one transaction); at most 16 MB.
    batch_size: int = Field(default=100, ge=1, le=1000)
    max_backoff: float = Field(default=300.0, gt=0)
    login_failure_backoff: float = Field(default=900.0, gt=0)

    @property
    def enabled(self) -> bool:
        return bool(self.host)

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return 993 if self.security is Security.TLS else 143

    def resolved_password(self) -> SecretStr | None:
        return _read_secret(self.password, self.password_file, "IMAP password")

    @model_validator(mode="after")
    def _check(self) -> ImapConfig:
        if self.enabled:
            if not self.user:
                raise ValueError("imap.user is required when imap.host is set")
            if not self.folders:
                raise ValueError("imap.folders must name at least one folder")
            if self.handled is HandledAction.MOVE and not self.handled_folder:
                raise ValueError("imap.handled = 'move' needs imap.handled_folder")
        return self


class OAuth2Config(_Section):
    """Microsoft 365 app-only (client credentials) settings; see docs/microsoft365.md."""

    tenant: str = ""
    client_id: str = ""
    client_secret: SecretStr | None = None
    client_secret_file: Path | None = None
    certificate_file: Path | None = None
    certificate_thumbprint: str | None = None
    certificate_password: SecretStr | None = None
    authority_host: str = "https://login.microsoftonline.com"
    scopes: list[str] = Field(default_factory=lambda: ["https://outlook.office365.com/.default"])
    refresh_margin: float = Field(default=300.0, ge=0)

    def resolved_secret(self) -> SecretStr | None:
        return _read_secret(self.client_secret, self.client_secret_file, "OAuth2 client secret")


class StoreConfig(_Section):
    # Empty: SQLite at <state>/mailbot.db. Otherwise an SQLAlchemy URL, e.g.
    # postgresql+psycopg://mailbot@localhost/mailbot
    url: str = ""


class LimitsConfig(_Section):
    """Explicit limits on input. Over a limit a mail is still kept: quarantined (too
    large to take in) or sent to review with the reason (a part it could not read)."""

    max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    max_parts: int = Field(default=500, ge=1)
    max_depth: int = Field(default=20, ge=1)
    max_attachment_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    max_uncompressed_bytes: int = Field(default=100 * 1024 * 1024, ge=1024)
    max_compression_ratio: float = Field(default=200.0, gt=1)
    max_document_seconds: float = Field(default=10.0, gt=0)
    max_pages: int = Field(default=200, ge=1)
    max_cells: int = Field(default=200_000, ge=1)

    def parse_limits(self) -> Limits:
        return Limits(
            max_message_bytes=self.max_message_bytes,
            max_parts=self.max_parts,
            max_depth=self.max_depth,
            max_attachment_bytes=self.max_attachment_bytes,
            max_uncompressed_bytes=self.max_uncompressed_bytes,
            max_compression_ratio=self.max_compression_ratio,
            max_document_seconds=self.max_document_seconds,
            max_pages=self.max_pages,
            max_cells=self.max_cells,
        )


class TrustConfig(_Section):
    """Senders from these domains may change a network's records (with the network's
    own members and addresses pinned in rules/). Subdomains count too."""

    domains: list[str] = Field(default_factory=lambda: list(DEFAULT_TRUSTED_DOMAINS))


class PipelineConfig(_Section):
    max_attempts: int = Field(default=3, ge=1, le=100)
    # Reader processes that parse and understand mail ahead of the pipeline, on every
    # core (mailbot/understand/pool.py). None: one per core; 0: none, every mail is
    # read in the pipeline's own thread.
    readers: int | None = Field(default=None, ge=0, le=64)
    # The readers start once this many mails wait to be read (a lone new mail is read
    # at once, without waking processes for it).
    readers_min_batch: int = Field(default=4, ge=1)
    # How many waiting mails the pipeline looks ahead at (and has read ahead).
    lookahead: int = Field(default=32, ge=1, le=10_000)


class DaemonConfig(_Section):
    maildir_poll_interval: float = Field(default=1.0, gt=0)
    # How often the scheduler re-runs pending pipeline work (retries, catch-up).
    catch_up_interval: float = Field(default=60.0, gt=0)


class WebConfig(_Section):
    """The coordinator's desk (`mailbot web`, and `mailbot run` when enabled)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(default=8025, ge=1, le=65535)
    # Signs the session cookies. Empty: generated once into <state>/web-secret (0600).
    secret: SecretStr | None = None
    # A session ends after this long without a request.
    session_idle_hours: float = Field(default=8.0, gt=0, le=24 * 30)
    # Wrong passwords for one user name (or from one address) before the login waits.
    login_attempts: int = Field(default=5, ge=1, le=100)
    login_window_minutes: float = Field(default=15.0, gt=0)
    # Behind a reverse proxy with TLS: the proxy's address(es), whose X-Forwarded-For
    # and X-Forwarded-Proto are believed ("*": any). Empty: none (direct connections).
    forwarded_allow_ips: list[str] = Field(default_factory=list)
    # Cookies only over HTTPS (set when the desk is reached through a TLS proxy).
    secure_cookies: bool = False
    # The public address of the published minutes, for the Atom feed's links
    # (e.g. https://mailbot.skaraborg.se); empty: the address the request came to.
    public_url: str = ""
    # The largest form a page accepts (bytes).
    max_form_bytes: int = Field(default=1_000_000, ge=10_000)


class SmtpConfig(_Section):
    """Outgoing mail. An empty host means the embedded default: every outgoing mail is
    written as an .eml file to <state>/outbox/ and nothing leaves the machine."""

    host: str = ""
    port: int | None = None  # default from security: 465 for tls, 587 for starttls, 25 plain
    security: Security = Security.STARTTLS
    ca_file: Path | None = None
    # Empty user: no AUTH (a relay that trusts this host).
    user: str = ""
    # oauth2-m365: XOAUTH2 with the same app-only token as IMAP (see [oauth2]).
    auth: Literal["password", "oauth2-m365"] = "password"
    password: SecretStr | None = None
    password_file: Path | None = None
    timeout: float = Field(default=60.0, gt=0)
    local_hostname: str | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.host)

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return {Security.TLS: 465, Security.STARTTLS: 587, Security.PLAIN: 25}[self.security]

    def resolved_password(self) -> SecretStr | None:
        return _read_secret(self.password, self.password_file, "SMTP password")


class OutboxConfig(_Section):
    """What mailbot sends, to whom, and how carefully."""

    # The address networks write to; mailbot's mail comes from it and says so.
    mailbox: str = "utbildning@skaraborg.se"
    # From: of mailbot's mail (default: the mailbox). Mail from this address is never
    # read as input (no loops with mailbot's own copies or bounces of them).
    from_address: str = ""
    from_name: str = "Utbildning Skaraborg"
    # Who gets the weekly digest, copies of "falling behind" and notices that have no
    # other recipient. Empty: the mailbox itself.
    coordinators: list[str] = Field(default_factory=list)
    # The coordinator's name, for greetings ("Hej Anna!"); empty: "Hej!".
    coordinator_name: str = ""
    # Who answers for a deliverable of the school directors (rules: responsible =
    # ["skolchef"]) when the network's rules file pins nobody (contacts.school_director).
    school_director: str = ""
    # Render and record everything, send nothing (rows end in state "dry-run").
    dry_run: bool = False
    receipts: bool = True  # receipts to senders of applied mail, review notices
    # Receipts only for mail sent at most this many days before the day of the tick
    # (a first start on a mailbox with a year of old mail sends no flood of receipts).
    receipt_max_age_days: int = Field(default=7, ge=0, le=60)
    # At most this many mails to one recipient per day; the rest wait for tomorrow.
    per_recipient_daily_cap: int = Field(default=6, ge=1, le=1000)
    # Repeated notices (protocol reminder weekly; behind, missing paperwork and overdue
    # deliverables monthly) stop after this many rounds; the digest keeps showing them.
    max_rounds: int = Field(default=4, ge=1, le=52)
    # Temporary failures (4xx, timeouts): retry after base * 2^(n-1) seconds, at most
    # retry_max_seconds apart, then give up as failed after max_attempts.
    retry_base_seconds: float = Field(default=60.0, gt=0)
    retry_max_seconds: float = Field(default=3600.0, gt=0)
    max_attempts: int = Field(default=12, ge=1, le=100)
    # The weekly digest: ISO weekday (1 = Monday) and time, Europe/Stockholm.
    digest_weekday: int = Field(default=1, ge=1, le=7)
    digest_time: str = Field(default="07:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    # The daily evaluation (reminders) runs at this time, Europe/Stockholm.
    daily_time: str = Field(default="07:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    # IMAP folder that gets a copy of every sent mail (needs [imap]); empty: none.
    # Microsoft 365 calls it "Sent Items". Also used to resolve a crash mid-send.
    sent_folder: str = ""
    # Seconds to look for the server's own copy in the Sent folder before filing one
    # (Exchange Online files mail sent over SMTP AUTH itself, within seconds). Empty:
    # 10 for Microsoft 365 (smtp.office365.com), else 0 (one look right after sending).
    sent_folder_grace: float | None = Field(default=None, ge=0, le=120)

    @property
    def sender(self) -> str:
        return self.from_address or self.mailbox

    @model_validator(mode="after")
    def _plain_addresses(self) -> OutboxConfig:
        # These become From, Reply-To and To of every mail: plain addresses only.
        named = [("outbox.mailbox", self.mailbox)]
        if self.from_address:
            named.append(("outbox.from_address", self.from_address))
        named += [(f"outbox.coordinators[{i}]", a) for i, a in enumerate(self.coordinators)]
        if self.school_director:
            named.append(("outbox.school_director", self.school_director))
        for key, address in named:
            if not is_mailbox_address(address):
                raise ValueError(
                    f"{key} = {address!r} is not a plain mail address (name@domain.se)"
                )
        if one_line(self.from_name, 120) != self.from_name:
            raise ValueError("outbox.from_name must be one line of plain text")
        return self


class Settings(BaseSettings):
    """All of mailbot's configuration. Build it with `load_settings`, not directly."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        case_sensitive=False,
    )

    state_dir: Path = Path("state")
    rules_dir: Path = Path("rules")
    # The mail templates; default: ./templates, else the ones shipped beside the package.
    templates_dir: Path | None = None
    imap: ImapConfig = Field(default_factory=ImapConfig)
    oauth2: OAuth2Config = Field(default_factory=OAuth2Config)
    store: StoreConfig = Field(default_factory=StoreConfig)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    trust: TrustConfig = Field(default_factory=TrustConfig)
    pipeline: PipelineConfig = Field(default_factory=PipelineConfig)
    daemon: DaemonConfig = Field(default_factory=DaemonConfig)
    smtp: SmtpConfig = Field(default_factory=SmtpConfig)
    outbox: OutboxConfig = Field(default_factory=OutboxConfig)
    web: WebConfig = Field(default_factory=WebConfig)
    log_level: str = "INFO"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment beats the file; the file arrives as init kwargs.
        return (_ListFriendlyEnv(settings_cls), init_settings)

    @property
    def database_url(self) -> str:
        if self.store.url:
            return self.store.url
        return f"sqlite:///{(self.state_dir / 'mailbot.db').resolve()}"

    @property
    def safe_database_url(self) -> str:
        """The database URL with any password masked, for logs and screens."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            return make_url(self.database_url).render_as_string(hide_password=True)
        except (ArgumentError, ValueError):
            # Not a URL SQLAlchemy reads (its error would quote it whole): mask by shape.
            return re.sub(r"(://[^/:@]*:)[^@/]+@", r"\1***@", self.database_url)

    @property
    def raw_dir(self) -> Path:
        return self.state_dir / "raw"

    @property
    def inbox_dir(self) -> Path:
        return self.state_dir / "inbox"

    @property
    def templates_path(self) -> Path:
        if self.templates_dir is not None:
            return self.templates_dir
        local = Path("templates")
        if (local / "base.html").is_file():
            return local
        return Path(__file__).resolve().parent.parent / "templates"

    @property
    def outbox_dir(self) -> Path:
        """Where the embedded default writes outgoing mail (.eml files)."""
        return self.state_dir / "outbox"


def find_config_file(explicit: Path | None) -> Path | None:
    """The config file: --config, else $MAILBOT_CONFIG, else ./mailbot.toml if present."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"config file {explicit} does not exist")
        return explicit
    env = os.environ.get(f"{ENV_PREFIX}CONFIG")
    if env:
        path = Path(env)
        if not path.is_file():
            raise ConfigError(f"MAILBOT_CONFIG names {path}, which does not exist")
        return path
    default = Path(DEFAULT_CONFIG_NAME)
    return default if default.is_file() else None


def load_settings(
    config_file: Path | None = None,
    *,
    state_dir: Path | None = None,
    rules_dir: Path | None = None,
) -> Settings:
    """Read the TOML file (if any), apply the environment, then the CLI overrides."""
    path = find_config_file(config_file)
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    for name in unknown_environment():
        log.warning(
            "%s names no setting and is ignored (nested settings take a double underscore: "
            "MAILBOT_IMAP__HOST)",
            name,
        )
    try:
        settings = Settings(**data)
    except SettingsError as exc:
        raise ConfigError(f"cannot read the MAILBOT_* environment: {_cause(exc)}") from None
    except ValidationError as exc:
        where = f" in {path}" if path else ""
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}{_from_env(err['loc'])}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration{where}: {problems}") from None
    # Command-line options beat both file and environment.
    updates: dict[str, Any] = {}
    if state_dir is not None:
        updates["state_dir"] = state_dir
    if rules_dir is not None:
        updates["rules_dir"] = rules_dir
    if updates:
        settings = settings.model_copy(update=updates)
    REDACTOR.add_all(secrets_in(settings))
    return settings


def _from_env(loc: Sequence[str | int]) -> str:
    """' (from MAILBOT_X__Y)' when the environment set the value at `loc`."""
    parts = [str(p) for p in loc if isinstance(p, str)]
    for depth in range(len(parts), 0, -1):
        name = ENV_PREFIX + "__".join(parts[:depth]).upper()
        if name in {k.upper() for k in os.environ}:
            return f" (from {name})"
    return ""


def _cause(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__
    return f"{exc}: {cause}" if cause else str(exc)


def secrets_in(settings: Settings) -> list[str]:
    """Every secret the settings hold or point to, for `redact` to mask everywhere."""
    found: list[str] = []
    readers = (
        settings.imap.resolved_password,
        settings.smtp.resolved_password,
        settings.oauth2.resolved_secret,
        lambda: settings.oauth2.certificate_password,
        lambda: settings.web.secret,
    )
    for read in readers:
        try:
            secret = read()
        except ConfigError:  # an unreadable secret file is reported where it is used
            continue
        if secret is not None:
            found.append(secret.get_secret_value())
    if settings.store.url:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            password = make_url(settings.store.url).password
        except (ArgumentError, ValueError):
            password = None
        if password:
            found.append(str(password))
        else:
            # A URL SQLAlchemy cannot read may still hold a password: user:PASSWORD@host.
            match = re.search(r"://[^/:@]*:([^@/]+)@", settings.store.url)
            if match:
                found.append(match.group(1))
    return found
