"""`mailbot ingest`: .eml files, Maildir folders and mbox files through the same intake.

Every regular file under the given paths is taken: an mbox is split into its mails,
a Maildir's `new/` and `cur/` are read, anything else is one mail. A file that is not
a mail at all is still stored, and quarantined with that reason: nothing is dropped
silently. Files are only read, never moved or deleted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mailbot.intake import Accepted, Intake, Origin, Outcome
from mailbot.sources.mbox import looks_like_mbox, split_mbox


@dataclass
class IngestReport:
    files: int = 0
    mails: int = 0
    new: int = 0
    known: int = 0
    duplicate: int = 0
    quarantined: int = 0
    errors: list[str] = field(default_factory=list)
    message_pks: list[int] = field(default_factory=list)


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def iter_files(paths: list[Path], exclude: Path | None = None) -> Iterator[tuple[Path, str]]:
    """(file, container kind) for every file to read, in a stable order.

    `exclude` is mailbot's own state folder: never read the store as if it were mail.
    """
    skip = exclude.resolve() if exclude is not None else None
    for path in paths:
        if skip is not None and (path.resolve() == skip or skip in path.resolve().parents):
            continue
        if path.is_file():
            yield path, "file"
        elif path.is_dir() and is_maildir(path):
            for sub in ("new", "cur"):
                for child in sorted((path / sub).iterdir()):
                    if child.is_file() and not child.name.startswith("."):
                        yield child, "maildir"
        elif path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                dirnames[:] = sorted(
                    d
                    for d in dirnames
                    if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
                )
                if is_maildir(here):
                    dirnames[:] = []
                    yield from iter_files([here], exclude)
                    continue
                for name in sorted(filenames):
                    if not name.startswith("."):
                        yield here / name, "file"


def _mails(path: Path, kind: str) -> Iterator[tuple[Origin, bytes]]:
    parent = path.parent.resolve()
    if kind == "maildir":
        container = f"maildir:{parent.parent}"
        yield Origin(mailbox=container, key=path.name, arrived_at=_mtime(path)), path.read_bytes()
    elif looks_like_mbox(path):
        fallback = _mtime(path)
        for index, (raw, date) in enumerate(split_mbox(path)):
            origin = Origin(
                mailbox=f"mbox:{path.resolve()}", key=str(index), arrived_at=date or fallback
            )
            yield origin, raw
    else:
        yield (
            Origin(mailbox=f"file:{parent}", key=path.name, arrived_at=_mtime(path)),
            path.read_bytes(),
        )


def ingest_paths(
    paths: list[Path],
    intake: Intake,
    *,
    exclude: Path | None = None,
    progress: Callable[[Path], None] | None = None,
    batch: int = 100,
    batch_bytes: int = 32 * 1024 * 1024,
) -> IngestReport:
    """Every mail in `paths` through intake, in batches (one flush to disk and one
    transaction each); a batch the store refuses is taken one mail at a time, so one
    bad mail costs only itself."""
    report = IngestReport()
    waiting: list[tuple[Path, Origin, bytes]] = []
    waiting_bytes = 0

    def count(accepted: Accepted) -> None:
        report.mails += 1
        report.message_pks.append(accepted.message_pk)
        if accepted.outcome is Outcome.KNOWN:
            report.known += 1
        elif accepted.outcome is Outcome.DUPLICATE:
            report.duplicate += 1
        else:
            report.new += 1
            if accepted.state == "quarantined":
                report.quarantined += 1

    def flush() -> None:
        nonlocal waiting_bytes
        waiting_bytes = 0
        items = [(raw, origin) for _path, origin, raw in waiting]
        try:
            for accepted in intake.accept_many(items, action_done=True):
                count(accepted)
        except Exception:
            for path, origin, raw in waiting:
                try:
                    count(intake.accept(raw, origin, action_done=True))
                except OSError as exc:
                    report.errors.append(f"{path}: {exc.strerror or exc}")
                except Exception as exc:  # the store refused it, or a bug: report, go on
                    report.errors.append(f"{path}: {type(exc).__name__}: {exc}")
        waiting.clear()

    for path, kind in iter_files(paths, exclude):
        report.files += 1
        if progress is not None:
            progress(path)
        try:
            for origin, raw in _mails(path, kind):
                waiting.append((path, origin, raw))
                waiting_bytes += len(raw)
                if len(waiting) >= batch or waiting_bytes >= batch_bytes:
                    flush()
        except OSError as exc:
            report.errors.append(f"{path}: {exc.strerror or exc}")
        except Exception as exc:  # an unreadable container, or a bug: report, go on
            report.errors.append(f"{path}: {type(exc).__name__}: {exc}")
    if waiting:
        flush()
    return report
