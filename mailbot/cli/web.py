"""Commands for the coordinator's desk: `web` (serve it) and `user add|list|remove`."""

from __future__ import annotations

import getpass
import json
import sys
from typing import Annotated

import typer

from mailbot.cli.common import (
    ConfigOpt,
    JsonOpt,
    RulesOpt,
    StateOpt,
    VerboseOpt,
    _fail,
    _open,
    err,
)
from mailbot.users import UserError, add_user, list_users, remove_user


def web(
    host: Annotated[
        str | None, typer.Option("--host", help="Address to listen on (default: web.host).")
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Port to listen on (default: web.port, 8025).")
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="Judge the networks as of this day, YYYY-MM-DD (a look back)."
        ),
    ] = None,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Serve the coordinator's desk (the web page) until Ctrl-C or SIGTERM."""
    from mailbot.cli.registry import parse_today
    from mailbot.web import serve

    mailbot = _open(config, state, rules, verbose)
    if not list_users(mailbot.engine):
        err.print(
            "[yellow]warning:[/] no users yet: add one with `mailbot user add NAME`",
            highlight=False,
        )
    where = f"http://{host or mailbot.settings.web.host}:{port or mailbot.settings.web.port}/"
    err.print(f"the desk: {where} (Ctrl-C stops)", highlight=False)
    serve(mailbot, host, port, parse_today(today) if today else None)


user_app = typer.Typer(help="Who may log in to the desk.", no_args_is_help=True)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="The user name to log in with.")],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from stdin (one line)."),
    ] = False,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Add a user (asks for the password twice unless --password-stdin)."""
    mailbot = _open(config, state, rules, False)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise _fail("the passwords differ; nothing was added", 1)
    try:
        add_user(mailbot.engine, name, password)
    except UserError as exc:
        raise _fail(str(exc), 1) from None
    print(f"user {name} added; log in at the desk (`mailbot web`)")


@user_app.command("list")
def user_list(
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The desk's users, with when they last logged in."""
    mailbot = _open(config, state, rules, False)
    found = list_users(mailbot.engine)
    if as_json:
        data = [
            {"name": u.name, "created_at": u.created_at, "last_login_at": u.last_login_at}
            for u in found
        ]
        sys.stdout.write(json.dumps(data, indent=1) + "\n")
        return
    if not found:
        print("no users; add one with `mailbot user add NAME`")
    for u in found:
        print(f"{u.name}  added {u.created_at}  last login {u.last_login_at or 'never'}")


@user_app.command("remove")
def user_remove(
    name: Annotated[str, typer.Argument(help="The user to remove.")],
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Remove a user (their open sessions end at their next request)."""
    mailbot = _open(config, state, rules, False)
    try:
        remove_user(mailbot.engine, name)
    except UserError as exc:
        raise _fail(str(exc), 1) from None
    print(f"user {name} removed")
