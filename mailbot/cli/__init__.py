"""The `mailbot` command line, one module per command group: mail.py (run, ingest,
messages, show, check, parse, eval, config), registry.py (status, network, review),
rules.py, outbox.py (tick, outbox, digest), web.py (web, user); common.py holds what
they share. Every command takes --state, --rules and --config."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

from mailbot import __version__
from mailbot.cli.common import err, out
from mailbot.errors import MailbotError
from mailbot.redact import format_exception, install_thread_hook, redact
from mailbot.statedir import private_umask

app = typer.Typer(
    name="mailbot",
    help="mailbot: reads the shared mailbox of the networks and keeps track of their duties.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def _main(
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="On an error, print the traceback (secrets masked)."),
    ] = False,
) -> None:
    if version:
        out.print(f"mailbot {__version__}")
        raise typer.Exit(0)


def _register_subcommands() -> None:
    from mailbot.cli.mail import commands
    from mailbot.cli.outbox import digest, outbox_app, tick
    from mailbot.cli.registry import network, review_app, status
    from mailbot.cli.rules import rules_app
    from mailbot.cli.web import user_app, web

    app.registered_commands += commands.registered_commands
    app.command("status")(status)
    app.command("network")(network)
    app.add_typer(review_app, name="review")
    app.add_typer(rules_app, name="rules")
    app.command("tick")(tick)
    app.add_typer(outbox_app, name="outbox")
    app.command("digest")(digest)
    app.command("web")(web)
    app.add_typer(user_app, name="user")


_register_subcommands()


def main() -> None:
    """The console entry point: every error is one clear line, secrets masked; the
    traceback (masked too) only with `--debug` or MAILBOT_DEBUG=1."""
    install_thread_hook()
    private_umask()  # every file this process writes is its user's only (statedir.py)
    try:
        app()
    except (MailbotError, OSError) as exc:
        _report(exc, code=2)
    except SQLAlchemyError as exc:
        _report(exc, code=2, what="the store failed")
    except Exception as exc:  # a bug: say so plainly, and how to see more
        _report(exc, code=70, what=f"unexpected {type(exc).__name__}")


def _report(exc: BaseException, *, code: int, what: str | None = None) -> None:
    detail = (
        redact(getattr(exc, "orig", None) or exc)
        if isinstance(exc, SQLAlchemyError)
        else redact(exc)
    )
    message = f"{what}: {detail}" if what else detail
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    if _debugging():
        err.print(escape(format_exception(exc)), highlight=False)
    elif code == 70:
        err.print("run with --debug (or MAILBOT_DEBUG=1) to see the traceback", highlight=False)
    sys.exit(code)


def _debugging() -> bool:
    return "--debug" in sys.argv[1:] or os.environ.get("MAILBOT_DEBUG", "") not in ("", "0")
