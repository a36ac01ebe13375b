"""The options every command shares, defined once: --state, --rules, --config, --json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")]
