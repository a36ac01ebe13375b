"""`mailbot ingest`, `messages` and `show` through the real command line."""

from __future__ import annotations

import hashlib
import json
import mailbox
from pathlib import Path

from mailbot.sources.mbox import looks_like_mbox, split_mbox
from tests.conftest import make_mail
from tests.support.cli import corpora_dir, mailbot, messages_json


def sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def test_eml_maildir_mbox_and_folders(tmp_path: Path) -> None:
    state = tmp_path / "state"
    single = tmp_path / "one.eml"
    single.write_bytes(make_mail(subject="Medlemsförteckning"))
    maildir = tmp_path / "Maildir"
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "new" / "1.eml").write_bytes(make_mail(subject="Ny"))
    (maildir / "cur" / "2.eml:2,S").write_bytes(make_mail(subject="Läst"))
    (maildir / "tmp" / "3.eml").write_bytes(make_mail(subject="Halvskriven"))
    box_path = tmp_path / "archive.mbox"
    box = mailbox.mbox(box_path)
    for i in range(3):
        box.add(make_mail(subject=f"Arkiv {i}"))
    box.close()

    res = mailbot("ingest", "--state", state, single, maildir, box_path)
    assert res.returncode == 0, res.stderr
    assert "6 mails: 6 new" in res.stderr
    listed = messages_json(state)
    subjects = sorted(m["subject"] for m in listed)
    assert subjects == sorted(
        ["Medlemsförteckning", "Ny", "Läst", "Arkiv 0", "Arkiv 1", "Arkiv 2"]
    )  # tmp/ is a Maildir's work area, never read
    # every one was read by the pipeline and has a verdict with reasons
    assert all(m["state"] in ("applied", "ignored", "needs_review") for m in listed)
    assert all(m["disposition"] and m["reasons"] for m in listed)
    # the files are only read, never moved
    assert (maildir / "new" / "1.eml").exists()

    again = mailbot("ingest", "--state", state, tmp_path, "--json")
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["new"] == 0 and summary["already_known"] == summary["mails"] == 6
    assert len(messages_json(state)) == 6


def test_show_and_raw(tmp_path: Path) -> None:
    state = tmp_path / "state"
    raw = make_mail(subject="Visa mig")
    (tmp_path / "a.eml").write_bytes(raw)
    assert mailbot("ingest", "--state", state, tmp_path / "a.eml").returncode == 0
    [msg] = messages_json(state)
    assert Path(msg["raw_path"]).read_bytes() == raw
    shown = mailbot("show", str(msg["id"]), "--state", state, "--json")
    data = json.loads(shown.stdout)
    assert data["history"][0]["to"] == "received" and data["sha256"] == sha(raw)
    human = mailbot("show", str(msg["id"]), "--state", state)
    assert "Visa mig" in human.stdout and msg["raw_path"][-20:] in human.stdout.replace("\n", "")
    assert mailbot("show", "999", "--state", state).returncode == 1


def test_status_filter_and_errors(tmp_path: Path) -> None:
    state = tmp_path / "state"
    (tmp_path / "junk.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "ok.eml").write_bytes(make_mail())
    assert mailbot("ingest", "--state", state, tmp_path).returncode == 0
    quarantined = messages_json(state, "--status", "quarantined")
    assert len(quarantined) == 1 and "not an RFC 5322" in quarantined[0]["reason"]
    bad = mailbot("messages", "--state", state, "--status", "nonsense")
    assert bad.returncode == 2 and "unknown state" in bad.stderr
    missing = mailbot("ingest", "--state", state, tmp_path / "nope.eml")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_every_corpus_file_ends_in_the_store(tmp_path: Path) -> None:
    corpora = corpora_dir()
    state = tmp_path / "state"
    res = mailbot("ingest", "--state", state, corpora, timeout=600)
    assert res.returncode == 0, res.stderr
    stored = {m["sha256"]: m for m in messages_json(state)}
    expected: set[str] = set()
    files = [p for p in sorted(corpora.rglob("*")) if p.is_file()]
    for path in files:
        raw = path.read_bytes()
        if looks_like_mbox(path):
            expected.update(sha(mail) for mail, _date in split_mbox(path))
        else:
            expected.add(sha(raw))
    missing = expected - set(stored)
    assert not missing, f"{len(missing)} corpus mails not in the store"
    # every one ends in a clear state, with its reason
    for m in stored.values():
        assert m["state"] in {"applied", "ignored", "needs_review", "quarantined", "duplicate"}
        assert m["reason"], m
        if m["state"] in ("applied", "ignored", "needs_review"):
            assert m["disposition"] and m["reasons"]
    assert len(files) > 200


def test_ingested_corpus_shows_each_disposition_and_reasons(tmp_path: Path) -> None:
    """The daemon's path (intake, then the understand stage) gives what `parse` gives."""
    corpus = Path(__file__).resolve().parent / "corpus"
    state = tmp_path / "state"
    res = mailbot("ingest", "--state", state, corpus, timeout=600)
    assert res.returncode == 0, res.stderr
    by_id = {m["message_id"]: m for m in messages_json(state) if m["message_id"]}
    cases = sorted(corpus.glob("*.eml"))
    assert len(cases) >= 50
    for eml in cases:
        expected = json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))
        stored = by_id[expected["message_id"]]
        assert stored["disposition"] == expected["disposition"], eml.name
        assert stored["network"] == expected["network"], eml.name
        assert stored["reasons"], eml.name
        state_for = {"apply": "applied", "needs_review": "needs_review", "ignored": "ignored"}
        assert stored["state"] == state_for[expected["disposition"]], eml.name
