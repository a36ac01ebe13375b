"""The options every command shares, defined once: --state, --rules, --config, --json."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

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
