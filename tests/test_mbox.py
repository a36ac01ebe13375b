"""The strict mbox splitter."""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from pathlib import Path

from mailbot.sources.mbox import is_separator, looks_like_mbox, split_mbox
from tests.conftest import make_mail


def test_unquoted_from_in_body_does_not_split(tmp_path: Path) -> None:
    path = tmp_path / "a.mbox"
    path.write_bytes(
        b"From MAILER-DAEMON Sun Aug  7 11:40:37 2022 extra info\n"
        b"From: foo\nSubject: s\n\nHello\n\nFrom time to time\n\n"
        b"From eva@vara.se Mon Mar  3 08:00:00 2025\n"
        b"From: eva@vara.se\nSubject: t\n\nsecond\n"
    )
    mails = list(split_mbox(path))
    assert [m for m, _ in mails] == [
        b"From: foo\nSubject: s\n\nHello\n\nFrom time to time\n",
        b"From: eva@vara.se\nSubject: t\n\nsecond\n",
    ]
    assert mails[0][1] == datetime(2022, 8, 7, 11, 40, 37, tzinfo=UTC)


def test_reads_what_the_stdlib_writes(tmp_path: Path) -> None:
    path = tmp_path / "b.mbox"
    box = mailbox.mbox(path)
    originals = [make_mail(subject=f"Nr {i}") for i in range(5)]
    for raw in originals:
        box.add(raw)
    box.close()
    assert looks_like_mbox(path)
    got = [m for m, _ in split_mbox(path)]
    assert len(got) == 5
    for raw, mail in zip(originals, got, strict=True):
        assert mail.replace(b"\r\n", b"\n").rstrip() == raw.replace(b"\r\n", b"\n").rstrip()


def test_separator_shapes() -> None:
    assert is_separator(b"From - Mon Jan  6 10:00:00 2025\n")
    assert is_separator(b"From a@b.se Fri Mar 14 09:30 2025\n")
    assert is_separator(b"From a@b.se Fri Mar 14 09:30:00 CET 2025\n")
    assert not is_separator(b"From time to time\n")
    assert not is_separator(b"From: a@b.se\n")


def test_plain_eml_is_not_mbox(tmp_path: Path) -> None:
    path = tmp_path / "c.eml"
    path.write_bytes(make_mail())
    assert not looks_like_mbox(path)
