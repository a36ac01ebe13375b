"""Commands over mail: `run`, `ingest`, `messages`, `show`, `check`, `parse`, `eval`,
`config`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from sqlmodel import Session, col, func, select

from mailbot import __version__
from mailbot.app import App
from mailbot.cli.common import (
    ConfigOpt,
    JsonOpt,
    RulesOpt,
    StateOpt,
    VerboseOpt,
    _fail,
    _open,
    _print_understanding,
    _settings,
    err,
    out,
)
from mailbot.errors import MailbotError
from mailbot.models import Message, MessageEvent, MessageSource, MessageState, Understanding
from mailbot.redact import redact
from mailbot.statedir import StateLock
from mailbot.verdict import Verdict

commands = typer.Typer()


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def message_json(
    message: Message,
    sources: list[MessageSource],
    state_dir: Path,
    understanding: Understanding | None = None,
) -> dict[str, Any]:
    verdict = Verdict.load(understanding.result_json) if understanding else None
    result = verdict.as_dict() if verdict else None
    return {
        "id": message.id,
        "state": message.state,
        "reason": message.reason,
        "message_id": message.message_id,
        "from": message.from_addr,
        "subject": message.subject,
        "date": _iso(message.date_header),
        "sent_at": _iso(message.sent_at),
        "received_at": _iso(message.received_at),
        "size": message.size,
        "sha256": message.sha256,
        "raw_path": str((state_dir / message.raw_path).resolve()),
        "attempts": message.attempts,
        "last_error": message.last_error,
        "duplicate_of": message.duplicate_of,
        "disposition": understanding.disposition if understanding else None,
        "ignored_reason": understanding.ignored_reason if understanding else None,
        "network": understanding.network if understanding else None,
        "kinds": verdict.kinds if verdict else [],
        "reasons": verdict.reasons if verdict else [],
        # The mail of mailbot's that this one answers, or null.
        "in_reply_to": verdict.in_reply_to.public() if verdict and verdict.in_reply_to else None,
        "understanding": result,
        "sources": [
            {
                "mailbox": s.mailbox,
                "uidvalidity": s.uidvalidity,
                "uid": s.uid,
                "key": s.key,
                "arrived_at": _iso(s.arrived_at),
                "handled": s.action_done,
            }
            for s in sources
        ],
    }


@commands.command()
def run(
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Run the daemon: watch the mailbox (or the local Maildir) until SIGTERM or Ctrl-C."""
    from mailbot.daemon import Daemon

    mailbot = _open(config, state, rules, verbose)
    # One daemon per state: a second would plan and send everything twice.
    with StateLock(mailbot.state_dir, "mailbot run"):
        print(f"mailbot {__version__}: store {mailbot.settings.safe_database_url}", file=sys.stderr)
        daemon = Daemon(mailbot)
        daemon.install_signal_handlers()
        try:
            code = daemon.run()
        finally:
            mailbot.close()
    raise typer.Exit(code)


@commands.command()
def sync(
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Take everything new from the configured mailbox through every stage, then exit.

    For cron, a first import of a mailbox with years of history, and the benchmark.
    The same intake and pipeline as the daemon (raw bytes durable, then the row, then
    the server copy marked); it sends nothing (`mailbot tick` does). A progress bar
    shows on a terminal."""
    from mailbot.sync import run_sync

    mailbot = _open(config, state, rules, verbose)
    # Beside a daemon or another sync the pipeline would run twice on the same mail.
    with StateLock(mailbot.state_dir, "mailbot sync", wait=600):
        try:
            report = run_sync(mailbot, err)
        finally:
            mailbot.close()
    if as_json:
        out.print_json(json.dumps(report.as_dict()))
    else:
        err.print(report.summary(), highlight=False)
    if report.failed:
        raise typer.Exit(1)


@commands.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help=".eml files, Maildir folders, mbox files, or folders.")
    ],
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Take mail from files into the store, through the same intake as the daemon."""
    from rich.progress import BarColumn, Progress, TextColumn

    from mailbot.sources.files import ingest_paths, iter_files

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")
    mailbot = _open(config, state, rules, verbose)
    state_dir = mailbot.settings.state_dir
    total = sum(1 for _ in iter_files(paths, state_dir))
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} files"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=total)
        report = ingest_paths(
            paths, mailbot.intake, exclude=state_dir, progress=lambda _p: progress.advance(task)
        )
    try:
        pipeline = mailbot.pipeline.run_pending()
    finally:
        mailbot.close()
    summary = {
        "files": report.files,
        "mails": report.mails,
        "new": report.new,
        "already_known": report.known,
        "duplicates": report.duplicate,
        "quarantined_on_intake": report.quarantined,
        "pipeline_advanced": pipeline.advanced,
        "pipeline_failed": pipeline.failed,
        "errors": report.errors,
    }
    if as_json:
        out.print_json(json.dumps(summary))
    else:
        err.print(
            f"{report.files} files, {report.mails} mails: {report.new} new, "
            f"{report.known} already known, {report.duplicate} duplicates "
            f"({report.quarantined} quarantined at intake)",
            highlight=False,
        )
        for problem in report.errors:
            err.print(f"[red]could not read[/] {escape(problem)}", highlight=False)
    if report.errors:
        raise typer.Exit(1)


@commands.command()
def messages(
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Only messages in this state: " + ", ".join(s.value for s in MessageState),
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many, newest first.")] = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """List the stored messages with their state and reason."""
    if status is not None and status not in {s.value for s in MessageState}:
        raise _fail(f"unknown state {status!r}; one of {', '.join(s.value for s in MessageState)}")
    mailbot = _open(config, state, rules, verbose)
    with Session(mailbot.engine) as session:
        query = select(Message)
        if status:
            query = query.where(Message.state == status)
        if limit:
            query = query.order_by(col(Message.id).desc()).limit(limit)
        rows = sorted(session.exec(query).all(), key=lambda m: m.id or 0)
        by_message: dict[int, list[MessageSource]] = {}
        for src in session.exec(select(MessageSource).order_by(col(MessageSource.id))).all():
            by_message.setdefault(src.message_pk, []).append(src)
        counts = dict(
            session.exec(select(Message.state, func.count()).group_by(Message.state)).all()
        )
        understood = {u.message_pk: u for u in session.exec(select(Understanding)).all()}
    if as_json:
        sys.stdout.write(
            json.dumps(
                [
                    message_json(
                        m,
                        by_message.get(m.id or 0, []),
                        mailbot.settings.state_dir,
                        understood.get(m.id or 0),
                    )
                    for m in rows
                ],
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
        return
    table = Table(title=f"{len(rows)} messages", title_justify="left")
    for name in ("id", "state", "received", "from", "subject", "reason"):
        table.add_column(name, overflow="fold")
    for m in rows:
        table.add_row(
            str(m.id),
            m.state,
            m.received_at.strftime("%Y-%m-%d %H:%M") if m.received_at else "",
            m.from_addr or "",
            (m.subject or "")[:80],
            (m.reason or "")[:120],
        )
    out.print(table)
    out.print(
        "  ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "the store is empty",
        highlight=False,
    )


@commands.command()
def show(
    message_id: Annotated[int, typer.Argument(metavar="ID", help="The message's number.")],
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    raw: Annotated[bool, typer.Option("--raw", help="Print the raw bytes.")] = False,
    verbose: VerboseOpt = False,
) -> None:
    """Show one message: its headers, state, history, and where its raw bytes are."""
    mailbot = _open(config, state, rules, verbose)
    with Session(mailbot.engine) as session:
        message = session.get(Message, message_id)
        if message is None:
            raise _fail(f"no message {message_id} in {mailbot.settings.safe_database_url}", 1)
        sources = list(
            session.exec(select(MessageSource).where(MessageSource.message_pk == message_id)).all()
        )
        events = list(
            session.exec(
                select(MessageEvent)
                .where(MessageEvent.message_pk == message_id)
                .order_by(col(MessageEvent.id))
            ).all()
        )
        understanding = session.get(Understanding, message_id)
    data = message_json(message, sources, mailbot.settings.state_dir, understanding)
    if raw:
        sys.stdout.buffer.write(mailbot.raw_store.get(message.sha256))
        return
    data["history"] = [
        {"at": _iso(e.at), "from": e.from_state, "to": e.to_state, "by": e.actor, "why": e.reason}
        for e in events
    ]
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    # Plain lines, never folded: paths and Message-IDs must stay copy-pastable.
    for key in (
        "id",
        "state",
        "reason",
        "message_id",
        "from",
        "subject",
        "date",
        "sent_at",
        "received_at",
        "size",
        "sha256",
        "raw_path",
        "attempts",
        "last_error",
        "duplicate_of",
    ):
        if data[key] not in (None, ""):
            print(f"{key + ':':<13} {data[key]}")
    for s in data["sources"]:
        where = f"UIDVALIDITY {s['uidvalidity']} UID {s['uid']}" if s["uid"] else s["key"]
        print(f"seen in:      {s['mailbox']} ({where})")
    print("history:")
    for h in data["history"]:
        print(f"  {h['at']}  {h['from'] or '-'} -> {h['to']}  ({h['by']}) {h['why'] or ''}")


@commands.command()
def check(
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    verbose: VerboseOpt = False,
) -> None:
    """Check the setup: the store opens, and the IMAP login and folders work."""
    mailbot = _open(config, state, rules, verbose)
    settings = mailbot.settings
    print(f"store:   {settings.safe_database_url} ... ", end="", file=sys.stderr, flush=True)
    _ = mailbot.engine
    print("ok", file=sys.stderr)
    rules_ok = _check_rules(mailbot)
    smtp_ok = _check_smtp(mailbot) and rules_ok
    if not settings.outbox.coordinators:
        print(
            "digest:  no coordinators configured (outbox.coordinators): no weekly digest is "
            "sent, and notices without a recipient go to nobody",
            file=sys.stderr,
        )
    if not settings.imap.enabled:
        print(
            f"mailbox: none configured; the daemon watches {settings.inbox_dir}/", file=sys.stderr
        )
        if not smtp_ok:
            raise typer.Exit(1)
        return
    from mailbot.sources.imap import connect

    imap = settings.imap
    where = f"{imap.host}:{imap.effective_port} ({imap.security.value}, {imap.auth})"
    print(f"imap:    {imap.user} at {where} ... ", end="", file=sys.stderr, flush=True)
    try:
        client = connect(imap, mailbot.imap_credentials())
    except MailbotError:
        print("FAILED", file=sys.stderr)
        raise
    except OSError as exc:
        print("FAILED", file=sys.stderr)
        raise _fail(f"cannot reach {where}: {exc}", 1) from None
    problems = 0
    try:
        print("logged in", file=sys.stderr)
        wanted = list(imap.folders)
        if imap.handled.value == "move":
            wanted.append(imap.handled_folder)
        for folder in wanted:
            if not client.folder_exists(folder):
                created = folder == imap.handled_folder
                note = "missing (the daemon creates it)" if created else "MISSING"
                problems += 0 if created else 1
                print(f"folder:  {folder}: {note}", file=sys.stderr)
                continue
            info = client.folder_status(folder, [b"MESSAGES", b"UIDVALIDITY"])
            print(
                f"folder:  {folder}: {info[b'MESSAGES']} mails, UIDVALIDITY {info[b'UIDVALIDITY']}",
                file=sys.stderr,
            )
        idle = "yes" if client.has_capability("IDLE") else "no (polling)"
        print(f"idle:    {idle}", file=sys.stderr)
    finally:
        client.logout()
    if problems or not smtp_ok:
        raise typer.Exit(1)


def _check_rules(mailbot: App) -> bool:
    """The rules folder: True when every file is sound (a broken one stops its network)."""
    loaded = mailbot.rules
    names = ", ".join(n.slug for n in loaded.networks) or "none"
    print(f"rules:   {len(loaded.networks)} networks ({names})", file=sys.stderr)
    for problem in loaded.problems:
        print(f"rules:   BROKEN {problem}", file=sys.stderr)
    return not loaded.problems


def _check_smtp(mailbot: App) -> bool:
    """Log in to the SMTP server without sending anything; True when it works."""
    from mailbot.outbox.transport import SmtpTransport

    transport = mailbot.transport
    if not isinstance(transport, SmtpTransport):
        print(f"smtp:    {mailbot.describe_transport()}", file=sys.stderr)
        return True
    print(f"smtp:    {transport!r} ... ", end="", file=sys.stderr, flush=True)
    result = transport.probe()
    print("ok" if result.ok else f"FAILED: {result.detail}", file=sys.stderr)
    return result.ok


@commands.command()
def parse(
    files: Annotated[
        list[Path], typer.Argument(help="Messages (.eml, RFC 5322); each is read on its own.")
    ],
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Show what mailbot understands of mail, without touching the store. With --json,
    one JSON object a line, a mail a line, in the order given."""
    from mailbot.understand.stage import understand_safely

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise _fail(f"no such file: {', '.join(missing)}")
    mailbot = _open(config, state, rules, verbose)
    context = mailbot.understanding_context()
    limits = mailbot.settings.limits.parse_limits()
    for file in files:
        result = understand_safely(file.read_bytes(), context, limits)
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()  # a line as soon as its mail is read
            continue
        if len(files) > 1:
            print(f"== {file}")
        _print_understanding(result)


@commands.command("eval")
def evaluate_corpus(
    folder: Annotated[Path, typer.Argument(help="Folder of NAME.eml with NAME.json expected.")],
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 when a score is below its threshold.")
    ] = False,
    show_failures: Annotated[bool, typer.Option("--failures", help="List every miss.")] = False,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Score the parser on a corpus folder, field by field."""
    from mailbot.evaluate import THRESHOLDS, evaluate
    from mailbot.understand.stage import understand_safely

    if not folder.is_dir():
        raise _fail(f"no such folder: {folder}")
    mailbot = _open(config, state, rules, verbose)
    context = mailbot.understanding_context()
    limits = mailbot.settings.limits.parse_limits()
    scores = evaluate(folder, lambda p: understand_safely(p.read_bytes(), context, limits))
    if scores.cases == 0:
        raise _fail(f"no NAME.eml with NAME.json in {folder}")
    table = scores.table()
    if as_json:
        out.print_json(json.dumps({"cases": scores.cases, "scores": table}))
    else:
        print(f"{scores.cases} cases in {folder}")
        for name, value in table.items():
            mark = "ok" if value >= THRESHOLDS[name] else f"BELOW {THRESHOLDS[name]:.2f}"
            print(f"  {name:<14} {value:6.3f}  {mark}")
        places = scores.c("places")
        if places.tp + places.fn:
            print(f"  {'places':<14} {places.accuracy():6.3f}  (not scored)")
    if show_failures or (check and scores.below()):
        for case, problems in sorted(scores.failures.items()):
            for problem in problems:
                print(f"  {case}: {problem}", file=sys.stderr)
    if check and scores.below():
        raise _fail(f"below the threshold: {', '.join(scores.below())}", 1)


@commands.command("config")
def show_config(
    state: StateOpt = None,
    rules: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Print the effective configuration (secrets masked)."""
    settings = _settings(config, state, rules)
    data = json.loads(settings.model_dump_json())  # SecretStr fields dump as **********
    if settings.store.url:
        data["store"]["url"] = settings.safe_database_url
    data["database_url"] = settings.safe_database_url
    # Belt and braces: any secret mailbot knows is masked wherever it would appear.
    out.print_json(redact(json.dumps(data)))
