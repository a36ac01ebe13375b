"""`mailbot rules ...`: the rules folder (one TOML file per network).

A sub-app of the `mailbot` command line (`app.add_typer(rules_app, name="rules")` in
cli.py); kept in its own module so the rules commands can grow without cli.py.
"""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.markup import escape

from mailbot.cli_options import ConfigOpt, JsonOpt, RulesOpt, StateOpt
from mailbot.config import load_settings
from mailbot.errors import MailbotError
from mailbot.rules import check_rules, load_networks

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


@rules_app.command("check")
def check(
    rules: RulesOpt = None,
    state: StateOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Validate every network file: print each problem as file:line: message.

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
    slugs = [] if problems else [network.slug for network in load_networks(rules_dir)]
    if as_json:
        report = {
            "rules_dir": str(rules_dir),
            "ok": not problems,
            "networks": slugs,
            "problems": [
                {"file": str(p.file), "line": p.line, "message": p.message} for p in problems
            ],
        }
        out.print_json(json.dumps(report, ensure_ascii=False))
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
