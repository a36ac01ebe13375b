"""`mailbot sync` against a real Dovecot, and the reading pool that runs it on every core:
the same verdicts as reading one mail at a time, and a mail the pool cannot read is
read the careful way instead of being lost."""

from __future__ import annotations

import json
import os
import signal
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mailbot.app import App
from mailbot.config import load_settings
from mailbot.models import MessageState
from mailbot.pipeline import StageContext
from mailbot.registry.load import build_states, known_senders
from mailbot.understand.pool import ReadingPool
from mailbot.understand.stage import understand_bytes
from tests.conftest import imap_config, make_mail
from tests.support.cli import REPO, clean_env, mailbot, messages_json
from tests.support.dovecot import Dovecot

CORPUS = REPO / "tests" / "corpus"
DAY = date(2025, 6, 1)
FINAL = {
    MessageState.APPLIED.value,
    MessageState.IGNORED.value,
    MessageState.NEEDS_REVIEW.value,
    MessageState.DUPLICATE.value,
    MessageState.QUARANTINED.value,
}


def corpus_mails(count: int) -> list[Path]:
    # Spread over the corpus: lists, plans, protocols, answers, attachments of each kind.
    files = sorted(CORPUS.glob("*.eml"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def verdicts(state: Path) -> dict[str, tuple[str, object]]:
    """Message-ID -> (state, what was understood), for comparing two runs."""
    found = {}
    for row in messages_json(state):
        understanding = row["understanding"] or {}
        found[row["sha256"]] = (
            row["state"],
            {k: understanding.get(k) for k in ("disposition", "network", "kinds", "members")},
        )
    return found


def test_sync_takes_the_mailbox_through_every_stage_and_leaves_it_alone(
    tmp_path: Path, dovecot: Dovecot
) -> None:
    mails = corpus_mails(24)
    for path in mails:
        dovecot.append("INBOX", path.read_bytes())
    config = imap_config(tmp_path / "mailbot.toml", dovecot, handled="leave")
    runs = {}
    for readers in ("2", "0"):
        state = tmp_path / f"state-{readers}"
        env = clean_env(MAILBOT_PIPELINE__READERS=readers)
        res = mailbot("sync", "--config", config, "--state", state, "--json", env=env)
        assert res.returncode == 0, res.stderr
        report = json.loads(res.stdout)
        assert report["taken_in"] == len(mails)
        assert report["read"] >= len(mails)  # every message, through every stage
        assert sum(report["states"].values()) == len(mails)
        assert set(report["states"]) <= FINAL, report["states"]
        runs[readers] = verdicts(state)
        # Nothing new: a second sync takes nothing and reads nothing.
        again = mailbot("sync", "--config", config, "--state", state, "--json", env=env)
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["taken_in"] == 0
        assert json.loads(again.stdout)["read"] == 0
    # On every core or one mail at a time: the same store.
    assert runs["2"] == runs["0"]
    assert len({state for state, _ in runs["0"].values()}) > 1  # a mix, not all one verdict
    # handled = "leave": the server copy is untouched, not even \Seen.
    with dovecot.client("INBOX") as imap:
        flags = [v[b"FLAGS"] for v in imap.fetch(imap.search(), ["FLAGS"]).values()]
    assert len(flags) == len(mails) and all(b"\\Seen" not in f for f in flags)


def test_sync_without_a_terminal_prints_a_summary(tmp_path: Path) -> None:
    # The embedded default: a local Maildir.
    state = tmp_path / "state"
    inbox = state / "inbox" / "new"
    inbox.mkdir(parents=True)
    for i, path in enumerate(corpus_mails(5)):
        target = inbox / f"{i}.eml"
        target.write_bytes(path.read_bytes())
        old = time.time() - 10  # settled: not being copied in any more
        os.utime(target, (old, old))
    res = mailbot("sync", "--state", state, env=clean_env())
    assert res.returncode == 0, res.stderr
    assert "took in 5 new mail" in res.stderr and "The store now holds" in res.stderr


@pytest.fixture
def pool_app(tmp_path: Path) -> App:
    settings = load_settings(None, state_dir=tmp_path / "state", rules_dir=REPO / "rules")
    return App(settings)


def test_the_pool_reads_as_the_pipeline_does(pool_app: App) -> None:
    context = pool_app.understanding_context()
    limits = pool_app.settings.limits.parse_limits()
    files = corpus_mails(8)
    with ReadingPool(context, limits, workers=2, job_seconds=30, memory_limit_bytes=None) as pool:
        for key, path in enumerate(files):
            pool.submit(key, str(path), DAY, {})
        for key, path in enumerate(files):
            read = pool.take(key)
            assert read is not None, path
            ctx = replace(context, fallback_date=DAY)
            _mail, expected = understand_bytes(path.read_bytes(), ctx, limits)
            assert read.verdict.dump() == expected.dump(), path
        assert pool.stats.read == len(files) and pool.stats.given_up == 0


def test_a_mail_the_pool_cannot_read_is_given_up_not_lost(pool_app: App, tmp_path: Path) -> None:
    """A reader stuck on a mail (here: a FIFO nobody writes to) is killed after
    `job_seconds`; a reader that dies is replaced; both mails come back as None, for
    the stage to read the careful way, and the pool goes on with the next."""
    context = pool_app.understanding_context()
    limits = pool_app.settings.limits.parse_limits()
    stuck = tmp_path / "stuck.eml"
    os.mkfifo(stuck)
    good = corpus_mails(1)[0]
    with ReadingPool(context, limits, workers=1, job_seconds=2, memory_limit_bytes=None) as pool:
        started = time.monotonic()
        pool.submit(1, str(stuck), DAY, {})
        pool.submit(2, str(good), DAY, {})
        assert pool.take(1) is None
        assert time.monotonic() - started < 20
        assert pool.take(2) is not None
        assert pool.stats.by_reason == {"too-slow": 1}
        # A reader killed under a mail: the mail is given up at once, a new reader
        # takes the next one.
        pool.submit(3, str(stuck), DAY, {})
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            busy = [r for r in pool._readers if r.job is not None and r.job.key == 3]
            if busy:
                os.kill(busy[0].process.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
        assert pool.take(3) is None
        pool.submit(4, str(good), DAY, {})
        assert pool.take(4) is not None
        assert (
            pool.stats.by_reason.get("reader-crashed", 0)
            + pool.stats.by_reason.get("reader-gone", 0)
            == 1
        )


def test_a_sender_vouched_for_meanwhile_is_read_again(pool_app: App) -> None:
    """Read ahead while the sender was unknown, taken after a member list made them a
    member: the stage analyses the mail again with the registry as it is now."""
    from sqlmodel import Session

    from mailbot.intake import Origin
    from mailbot.models import Message, Understanding

    address = "tova.tallgren@gmail.com"
    raw = make_mail(
        subject="Protokoll förskolenätverket 2025-03-10",
        body="Hej!\n\nProtokoll från förskolenätverkets möte 2025-03-10.\n\n"
        "Närvarande: Tova Tallgren, Ola Oxelberg\n\n§ 1 Mötet öppnas\n\nHälsningar\nTova",
        sender=address,
    )
    app = pool_app
    pk = app.intake.accept(raw, Origin(mailbox="test", key="1")).message_pk
    context = app.understanding_context()
    limits = app.settings.limits.parse_limits()
    vouched = {address: {"forskola"}}
    # The test can fail: the sender's standing changes what the mail means.
    before = understand_bytes(raw, replace(context, known_senders={}), limits)[1]
    after = understand_bytes(raw, replace(context, known_senders=vouched), limits)[1]
    assert before.dump() != after.dump()

    senders: dict[str, set[str]] = {}
    stage = next(s for s in app.stages if s.name == "understand")

    def run_stage() -> tuple[object, str]:
        with Session(app.engine) as session:
            message = session.get(Message, pk)
            assert message is not None
            ctx = StageContext(app.raw_store, message.received_at)
            stage.prepare([message], ctx)  # type: ignore[attr-defined]
            senders.update(vouched)  # meanwhile, a member list made them a member
            result = stage.run(session, message, ctx)
            row = session.get(Understanding, pk)
            assert row is not None
            written = row.result_json
            session.rollback()
            senders.clear()
            return result, written

    with ReadingPool(context, limits, workers=1, job_seconds=30, memory_limit_bytes=None) as pool:
        stage.pool, stage.pool_min_batch, stage.senders = pool, 1, lambda: senders  # type: ignore[attr-defined]
        pooled = run_stage()
        assert pool.stats.read == 1  # it was read ahead, with the sender unknown
    stage.pool = None  # type: ignore[attr-defined]
    one_at_a_time = run_stage()
    assert pooled == one_at_a_time
    assert json.loads(pooled[1])["disposition"] == after.disposition


def test_the_registry_cache_is_the_registry(tmp_path: Path) -> None:
    """The known senders the pipeline asks for before every mail, kept up to date by
    what changed, equal a rebuild from scratch, also after a decision undid one."""
    from mailbot import review
    from mailbot.sources.files import ingest_paths

    settings = load_settings(None, state_dir=tmp_path / "state2", rules_dir=REPO / "rules")
    mailbot_app = App(settings)
    ingest_paths(corpus_mails(40), mailbot_app.intake)
    slugs = [n.slug for n in mailbot_app.networks]

    def rebuilt() -> dict[str, set[str]]:
        senders = known_senders(
            build_states(mailbot_app.engine, slugs, windows=mailbot_app.match_windows)
        )
        for net in mailbot_app.networks:
            contacts = net.obligations.contacts
            for address in [contacts.chair, contacts.secretary, *contacts.trusted_senders]:
                if address:
                    senders.setdefault(address.lower(), set()).add(net.slug)
        return senders

    def same_registry() -> None:
        from sqlmodel import Session

        with Session(mailbot_app.engine) as session:
            kept = mailbot_app._registry.states(session, slugs, mailbot_app.match_windows)
        fresh = build_states(mailbot_app.engine, slugs, windows=mailbot_app.match_windows)
        for slug in slugs:
            assert kept[slug].current_members() == fresh[slug].current_members(), slug
            assert kept[slug].meetings == fresh[slug].meetings, slug

    assert mailbot_app.known_senders() == rebuilt()
    mailbot_app.pipeline.run_pending()
    cached = mailbot_app.known_senders()
    assert cached == rebuilt()
    same_registry()
    members = [
        row for row in messages_json(settings.state_dir)
        if row["state"] == "applied" and "member_list" in (row["kinds"] or [])
    ]  # fmt: skip
    assert members, "the corpus sample has an applied member list"
    review.revert(mailbot_app.engine, members[0]["id"], "test", "fel lista")
    time.sleep(1.1)  # a change made outside the pipeline is seen within a second
    assert mailbot_app.known_senders() == rebuilt()
    assert mailbot_app.known_senders() != cached
    same_registry()
