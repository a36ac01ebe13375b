"""`mailbot rules ...`: the rules folder (one TOML file per network).

A sub-app of the `mailbot` command line (`app.add_typer(rules_app, name="rules")` in
cli.py); kept in its own module so the rules commands can grow without cli.py.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from mailbot.cli.common import ConfigOpt, JsonOpt, RulesOpt, StateOpt
from mailbot.config import load_settings
from mailbot.errors import MailbotError
from mailbot.registry.engine import MISSION_NOTICE_DAYS
from mailbot.rules import Network, check_rules, load_networks
from mailbot.ticker import today_in_sweden

rules_app = typer.Typer(
    help="The rules folder: one TOML file per network (recognition and obligations).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


@rules_app.callback()
def _rules() -> None:
    # A callback keeps `check` a subcommand even while it is the only one (Typer would
    # otherwise make the app itself the command), both standalone and under `mailbot`.
    pass


def _mission_warnings(networks: list[Network], today: date) -> list[str]:
    """Missions that end within MISSION_NOTICE_DAYS, or have ended (the rules engine's
    `mission-ending` and `mission-ended`): the file needs the next period."""
    found = []
    for network in networks:
        end = network.obligations.valid_to
        if end is None:
            continue
        days = (end - today).days
        if days < 0:
            found.append(
                f"{network.path}: the mission ended {end.isoformat()}; the last rules stay "
                "in force until valid_from/valid_to give the next period"
            )
        elif days <= MISSION_NOTICE_DAYS:
            found.append(
                f"{network.path}: the mission ends {end.isoformat()} (in {days} days); "
                "give the rules the next period"
            )
    return found


@rules_app.command("check")
def check(
    rules: RulesOpt = None,
    state: StateOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Judge missions' ends as of this day (default: today)."),
    ] = None,
) -> None:
    """Validate every network file: print each problem as file:line: message, and warn
    about missions that end within 60 days or have ended.

    Exit status 0 when all files are valid, 1 when there are problems, 2 when the
    configuration itself cannot be read.
    """
    try:
        # The config file and MAILBOT_RULES_DIR may name the folder; --rules wins.
        rules_dir = load_settings(config, state_dir=state, rules_dir=rules).rules_dir
    except MailbotError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    problems = check_rules(rules_dir)
    networks = [] if problems else load_networks(rules_dir)
    slugs = [network.slug for network in networks]
    try:
        day = date.fromisoformat(today) if today else today_in_sweden()
    except ValueError:
        err.print(
            f"[bold red]error:[/] --today {escape(str(today))!r} is not a date like 2026-11-01"
        )
        raise typer.Exit(2) from None
    warnings = _mission_warnings(networks, day)
    if as_json:
        report = {
            "rules_dir": str(rules_dir),
            "ok": not problems,
            "networks": slugs,
            "problems": [
                {"file": str(p.file), "line": p.line, "message": p.message} for p in problems
            ],
            "warnings": warnings,
        }
        out.print_json(json.dumps(report, ensure_ascii=False))
    elif warnings:
        for warning in warnings:
            err.print(f"warning: {escape(warning)}", highlight=False, soft_wrap=True)
    for problem in problems:
        # One problem per line, never wrapped: editors and CI jump to file:line.
        err.print(escape(str(problem)), highlight=False, soft_wrap=True)
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        err.print(f"{len(problems)} {noun} in {escape(str(rules_dir))}", highlight=False)
        raise typer.Exit(1)
    if not as_json:
        out.print(
            f"{len(slugs)} network files OK: {', '.join(slugs)}", highlight=False, soft_wrap=True
        )
