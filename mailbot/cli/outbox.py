"""Commands over the outbox: `tick`, `outbox list|show|retry`, `digest --preview`."""

from __future__ import annotations

import email
import email.policy
import getpass
import json
import logging
import os
import sys
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mailbot.app import App
from mailbot.cli.common import (
    ConfigOpt,
    JsonOpt,
    RulesOpt,
    StateOpt,
    VerboseOpt,
    setup_logging,
)
from mailbot.config import load_settings
from mailbot.models import OutboxItem, OutboxState
from mailbot.outbox.store import as_json as item_json
from mailbot.statedir import StateLock
from mailbot.ticker import Ticker, TickReport, end_of_day, today_in_sweden

out = Console()
err = Console(stderr=True)

DayOpt = Annotated[str | None, typer.Option(help="YYYY-MM-DD.", show_default=False)]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _app(config: Path | None, state: Path | None, rules: Path | None, verbose: bool) -> App:
    """The app; only warnings are logged unless --verbose (the tables are the output)."""
    settings = load_settings(config, state_dir=state, rules_dir=rules)
    setup_logging(logging.WARNING, verbose)
    return App(settings)


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{option} {value!r} is not a date like 2025-06-01") from None


def _intake(mailbot: App) -> int:
    from mailbot.daemon import Daemon

    daemon = Daemon(mailbot)
    daemon.build_sources(nudge=False)
    return sum(source.take_once() for source in daemon.sources)


def tick(
    today: Annotated[
        str | None,
        typer.Option("--today", help="Run as of this day, YYYY-MM-DD (default: today in Sweden)."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First day of a replay, YYYY-MM-DD.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day of a replay, YYYY-MM-DD.")
    ] = None,
    send: Annotated[
        bool | None,
        typer.Option(
            "--send/--dry-run",
            help="Send what is due, or render and record it without sending "
            "(default: outbox.dry_run in the configuration, normally send).",
            show_default=False,
        ),
    ] = None,
    no_intake: Annotated[
        bool, typer.Option("--no-intake", help="Do not read the mailbox first.")
    ] = False,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """One full cycle as of a day: intake, processing, evaluation, outbox.

    With --from/--to, one cycle per day in between (replaying a year, a demo)."""
    first, last, single = _day(start, "--from"), _day(end, "--to"), _day(today, "--today")
    if (first is None) != (last is None):
        raise _fail("give both --from and --to")
    if first is not None and single is not None:
        raise _fail("give either --today or --from/--to, not both")
    if first is not None and last is not None and last < first:
        raise _fail("--to is before --from")
    days = (
        [first + timedelta(days=i) for i in range((last - first).days + 1)]
        if first is not None and last is not None
        else [single or today_in_sweden()]
    )
    mailbot = _app(config, state, rules, verbose)
    # A tick beside a running daemon would plan and send what the daemon does too.
    # Another tick (a cron job and an operator at once) is waited for, up to ten minutes.
    with StateLock(mailbot.state_dir, "mailbot tick", wait=600):
        _tick(mailbot, days, send=send, no_intake=no_intake, as_json=as_json)


def _tick(
    mailbot: App, days: list[date], *, send: bool | None, no_intake: bool, as_json: bool
) -> None:
    dry_run = None if send is None else not send
    ticker = Ticker(mailbot)
    if not no_intake:
        taken = _intake(mailbot)
        if taken and not as_json:
            err.print(f"took in {taken} new mail", highlight=False)
    ticker.recover(days[0])
    reports: list[TickReport] = []
    for number, day in enumerate(days, 1):
        report = ticker.run(day, dry_run=dry_run)
        reports.append(report)
        if len(days) > 1 and not as_json and (report.planned or number % 30 == 0):
            err.print(
                f"{day.isoformat()}  {len(report.planned)} planned  ({number}/{len(days)} days)",
                highlight=False,
            )
    planned = [row for r in reports for row in r.planned]
    rows = [fresh for row in planned if row.id and (fresh := mailbot.outbox.get(row.id))]
    if as_json:
        sys.stdout.write(
            json.dumps([item_json(r) for r in rows], ensure_ascii=False, indent=1) + "\n"
        )
        return
    _print_rows(
        rows,
        f"Planned {days[0].isoformat()}" + (f" – {days[-1].isoformat()}" if len(days) > 1 else ""),
    )
    total = reports[-1].dispatch
    sent = sum(r.dispatch.sent for r in reports)
    dry = sum(1 for r in rows if r.state == OutboxState.DRY_RUN.value)
    quiet = sum(1 for r in rows if r.state == OutboxState.SKIPPED.value)
    deferred = sum(r.dispatch.deferred for r in reports)
    failed = sum(r.dispatch.failed for r in reports)
    capped = total.capped
    out.print(
        f"{len(rows)} planned; {sent} sent, {dry} dry-run, {deferred} deferred, {failed} failed"
        + (f", {capped} waiting for tomorrow (daily cap)" if capped else "")
        + (f", {quiet} skipped (a first start catches up quietly)" if quiet else ""),
        highlight=False,
    )
    out.print(f"outgoing: {mailbot.describe_transport()}", highlight=False)
    if total.stopped:
        raise _fail(f"sending paused: {total.stopped}", 1)


def _print_rows(rows: list[OutboxItem], title: str) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in ("id", "kind", "network", "to", "about", "state", "subject"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row.id),
            row.kind,
            row.network or "",
            ", ".join(json.loads(row.to_json)),
            row.about.isoformat() if row.about else "",
            row.state,
            row.subject,
        )
    out.print(table)


outbox_app = typer.Typer(help="What mailbot sends: list, show, retry.", no_args_is_help=True)


@outbox_app.command("list")
def outbox_list(
    state_filter: Annotated[
        str | None,
        typer.Option("--status", help="Only items in this state (pending, sent, failed...)."),
    ] = None,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every notification, oldest first."""
    mailbot = _app(config, state, rules, False)
    if state_filter is not None and state_filter not in {s.value for s in OutboxState}:
        raise _fail(f"--status must be one of {', '.join(s.value for s in OutboxState)}")
    rows = mailbot.outbox.items(states=[state_filter] if state_filter else None)
    if as_json:
        sys.stdout.write(json.dumps([item_json(r) for r in rows], ensure_ascii=False) + "\n")
        return
    _print_rows(rows, f"Outbox: {len(rows)} item(s)")


@outbox_app.command("show")
def outbox_show(
    item: Annotated[int, typer.Argument(help="The item's id (from outbox list).")],
    raw: Annotated[bool, typer.Option("--raw", help="Print the exact message bytes.")] = False,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One notification: headers, state, history and the plain-text body."""
    mailbot = _app(config, state, rules, False)
    row = mailbot.outbox.get(item)
    if row is None:
        raise _fail(f"no outbox item {item}")
    if raw:
        sys.stdout.buffer.write(row.mime)
        return
    text = _plain_text(row.mime)
    shown = item_json(row)  # one truth for `list` and `show` (sent: null unless sent)
    if as_json:
        data = {
            **shown,
            "attempts": row.attempts,
            "last_error": row.last_error,
            "redirected": row.redirected,
            "history": row.history.splitlines(),
            "text": text,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for label, value in (
        ("id", row.id),
        ("kind", row.kind),
        ("network", row.network or "-"),
        ("to", ", ".join(json.loads(row.to_json))),
        ("cc", ", ".join(json.loads(row.cc_json)) or "-"),
        ("subject", row.subject),
        ("about", row.about.isoformat() if row.about else "-"),
        ("state", row.state),
        ("created", row.created_day.isoformat()),
        ("sent", shown["sent"] or "-"),
        ("attempts", row.attempts),
        ("message-id", row.message_id),
        ("key", row.key),
        ("last error", row.last_error or "-"),
        ("redirected", row.redirected or "-"),
    ):
        out.print(f"[bold]{label:>11}[/] {escape(str(value))}", highlight=False)
    out.print("\n[bold]history[/]", highlight=False)
    for line in row.history.splitlines():
        out.print(f"  {escape(line)}", highlight=False)
    out.print("\n" + escape(text), highlight=False)


def _plain_text(mime: bytes) -> str:
    if not mime:
        return ""
    message = email.message_from_bytes(mime, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain",))
    return body.get_content() if body is not None else ""


@outbox_app.command("retry")
def outbox_retry(
    item: Annotated[int, typer.Argument(help="The item's id (from outbox list).")],
    by: Annotated[str | None, typer.Option("--by", help="Who asks (default: your login).")] = None,
    now: Annotated[bool, typer.Option("--now/--later", help="Send at once.")] = True,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Queue a failed, deferred or dry-run notification again (and send it now)."""
    mailbot = _app(config, state, rules, False)
    actor = by or os.environ.get("MAILBOT_ACTOR") or getpass.getuser()
    try:
        row = mailbot.outbox.retry(item, actor)
    except (LookupError, ValueError) as exc:
        raise _fail(str(exc)) from None
    out.print(f"outbox item {row.id} queued again", highlight=False)
    if now:
        report = mailbot.send_due(today_in_sweden())
        fresh = mailbot.outbox.get(item)
        assert fresh is not None
        out.print(f"outbox item {row.id}: {fresh.state} {fresh.last_error or ''}", highlight=False)
        if report.stopped:
            raise _fail(f"sending paused: {report.stopped}", 1)


def digest(
    preview: Annotated[
        bool, typer.Option("--preview", help="Write the digest's HTML to a file, print its path.")
    ] = False,
    today: Annotated[
        str | None, typer.Option("--today", help="As of this day (default: today in Sweden).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write (default: state/).")
    ] = None,
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """The coordinator's weekly digest as of a day."""
    from mailbot.outbox.digest import digest_context

    if not preview:
        raise _fail("only --preview is supported: the daemon sends the digest itself")
    day = _day(today, "--today") or today_in_sweden()
    mailbot = _app(config, state, rules, False)
    views = Ticker(mailbot).views(day)
    o = mailbot.settings.outbox
    name = o.coordinator_name or None
    context = digest_context(
        mailbot.engine, views, day, end_of_day(day), name, mailbot.rules.broken
    )
    rendered = mailbot.renderer.render("digest", context)
    target = output or mailbot.settings.state_dir / f"digest-{day.isoformat()}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rendered.html, encoding="utf-8")
    target.with_suffix(".txt").write_text(rendered.text, encoding="utf-8")
    print(target.resolve())
