"""What every command group shares, defined once: the options (--state, --rules,
--config, --json), the consoles, opening the app, failing with one line."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from mailbot.app import App
from mailbot.config import Settings, load_settings
from mailbot.redact import RedactingFormatter

StateOpt = Annotated[
    Path | None,
    typer.Option(
        "--state",
        envvar="MAILBOT_STATE_DIR",
        help="State folder (store, raw mail, local inbox). Default: ./state",
        show_default=False,
    ),
]
RulesOpt = Annotated[
    Path | None,
    typer.Option(
        "--rules",
        envvar="MAILBOT_RULES_DIR",
        help="Rules folder, one file per network. Default: ./rules",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        envvar="MAILBOT_CONFIG",
        help="Configuration file. Default: ./mailbot.toml when present.",
        show_default=False,
    ),
]


def setup_logging(level: int, verbose: bool) -> None:
    """Logs to stderr at `level` (DEBUG with --verbose); library chatter (IMAP protocol
    lines, SQL) only with --verbose."""
    handler = logging.StreamHandler(sys.stderr)
    # Every line, traceback included, passes the redactor: no secret reaches a log.
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s"))
    logging.basicConfig(
        level=logging.DEBUG if verbose else level,
        handlers=[handler],
        force=True,
    )
    for noisy in ("imapclient", "apscheduler", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")]


out = Console()
err = Console(stderr=True)


def _settings(config: Path | None, state: Path | None, rules: Path | None) -> Settings:
    return load_settings(config, state_dir=state, rules_dir=rules)


def _setup_logging(settings: Settings, verbose: bool) -> None:
    setup_logging(getattr(logging, settings.log_level.upper(), logging.INFO), verbose)


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _open(config: Path | None, state: Path | None, rules: Path | None, verbose: bool) -> App:
    settings = _settings(config, state, rules)
    _setup_logging(settings, verbose)
    return App(settings)


def _print_understanding(result: dict[str, Any]) -> None:
    print(f"from:        {result['from']}")
    print(f"subject:     {result['subject']}")
    verdict = result["disposition"]
    if result["ignored_reason"]:
        verdict += f" ({result['ignored_reason']})"
    print(f"disposition: {verdict}")
    print(f"network:     {result['network'] or '-'}")
    print(f"kinds:       {', '.join(result['kinds']) or '-'}")
    for m in result["members"]:
        extra = ", ".join(x for x in (m["municipality"], m["email"]) if x)
        print(f"member:      {m['name']} ({m['role']}{', ' + extra if extra else ''})")
    for m in result["meetings"]:
        when = f"{m['start'] or ''}-{m['end'] or ''}" if m["start"] else ""
        print(f"meeting:     {m['date']} {when} {m['place'] or ''}".rstrip())
    if result["protocol"]:
        p = result["protocol"]
        print(f"protocol:    meeting {p['meeting_date']}, present: {', '.join(p['attendees'])}")
    for reason in result["reasons"]:
        print(f"  - {reason}")
