"""Intake against a real SQLite file and raw store: dedupe, cursor, limits, states."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, func, select

from mailbot.app import App
from mailbot.intake import Origin, Outcome
from mailbot.models import IntakeCursor, Message, MessageEvent, MessageSource
from tests.conftest import make_mail

BOX = "imap://utbildning@example.se:993/INBOX"


def count(app: App, model: type) -> int:
    with Session(app.engine) as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def test_new_mail_is_durable_before_its_row(app: App) -> None:
    raw = make_mail()
    res = app.intake.accept(raw, Origin(BOX, uidvalidity=7, uid=1))
    assert res.outcome is Outcome.NEW and res.state == "received"
    with Session(app.engine) as s:
        msg = s.get(Message, res.message_pk)
        assert msg is not None
        assert (app.settings.state_dir / msg.raw_path).read_bytes() == raw
        assert msg.subject == "Protokoll nätverksträff"
        assert msg.from_addr == "eva.exempel@vara.se"
        assert msg.sent_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
        cur = s.get(IntakeCursor, BOX)
        assert cur is not None and (cur.uidvalidity, cur.last_uid) == (7, 1)
    assert count(app, MessageEvent) == 1


def test_same_location_twice_is_known(app: App) -> None:
    raw = make_mail()
    first = app.intake.accept(raw, Origin(BOX, uidvalidity=7, uid=1))
    again = app.intake.accept(raw, Origin(BOX, uidvalidity=7, uid=1))
    assert again.outcome is Outcome.KNOWN and again.message_pk == first.message_pk
    assert count(app, Message) == 1 and count(app, MessageSource) == 1


def test_same_bytes_new_uid_is_known_with_a_second_location(app: App) -> None:
    raw = make_mail()
    first = app.intake.accept(raw, Origin(BOX, uidvalidity=7, uid=1))
    moved = app.intake.accept(raw, Origin(BOX, uidvalidity=8, uid=1))
    assert moved.outcome is Outcome.KNOWN and moved.message_pk == first.message_pk
    assert count(app, Message) == 1 and count(app, MessageSource) == 2


def test_same_message_id_and_content_other_transport_is_a_duplicate(app: App) -> None:
    raw = make_mail(msgid="<a1@vara.se>")
    relayed = b"Received: from relay.example.se by mx.example.se; Fri, 14 Mar 2025\r\n" + raw
    first = app.intake.accept(raw, Origin(BOX, uidvalidity=7, uid=1))
    second = app.intake.accept(relayed, Origin(BOX, uidvalidity=7, uid=2))
    assert second.outcome is Outcome.DUPLICATE and second.state == "duplicate"
    with Session(app.engine) as s:
        dup = s.get(Message, second.message_pk)
        assert dup is not None and dup.duplicate_of == first.message_pk
        assert "same Message-ID" in (dup.reason or "")


def test_same_message_id_other_content_is_a_new_mail(app: App) -> None:
    # Broken clients reuse Message-IDs; different content must not be swallowed.
    a = make_mail(msgid="<same@vara.se>", body="Första")
    b = make_mail(msgid="<same@vara.se>", body="Andra")
    assert app.intake.accept(a, Origin("file:/x", key="a")).outcome is Outcome.NEW
    assert app.intake.accept(b, Origin("file:/x", key="b")).outcome is Outcome.NEW
    assert count(app, Message) == 2


def test_not_a_mail_is_kept_and_quarantined(app: App) -> None:
    res = app.intake.accept(b"\x00\x01 binary junk", Origin("file:/x", key="junk.bin"))
    assert res.state == "quarantined"
    with Session(app.engine) as s:
        msg = s.get(Message, res.message_pk)
        assert msg is not None and "not an RFC 5322 message" in (msg.reason or "")
        assert (app.settings.state_dir / msg.raw_path).exists()


def test_leading_blank_lines_still_a_mail(app: App) -> None:
    res = app.intake.accept(b"   \r\n" + make_mail(), Origin("file:/x", key="a"))
    assert res.state == "received"


def test_over_size_limit_is_kept_and_quarantined(app: App) -> None:
    app.intake.max_message_bytes = 2048
    raw = make_mail(body="x" * 5000)
    res = app.intake.accept(raw, Origin("file:/x", key="big"))
    assert res.state == "quarantined"
    with Session(app.engine) as s:
        msg = s.get(Message, res.message_pk)
        assert msg is not None and "over the limit" in (msg.reason or "")


def test_reset_cursor_on_new_uidvalidity(app: App) -> None:
    app.intake.accept(make_mail(), Origin(BOX, uidvalidity=7, uid=5))
    app.intake.reset_cursor(BOX, 9)
    cur = app.intake.cursor(BOX)
    assert cur is not None and (cur.uidvalidity, cur.last_uid) == (9, 0)
    # A late fetch from the old UIDVALIDITY must not move the new cursor.
    app.intake.accept(make_mail(), Origin(BOX, uidvalidity=7, uid=6))
    cur = app.intake.cursor(BOX)
    assert cur is not None and cur.last_uid == 0


def test_pending_actions_until_marked(app: App) -> None:
    res = app.intake.accept(make_mail(), Origin(BOX, uidvalidity=7, uid=3))
    assert [p.uid for p in app.intake.pending_actions(BOX, 7)] == [3]
    app.intake.mark_handled([res.source_pk])
    assert app.intake.pending_actions(BOX, 7) == []


def test_absurd_date_falls_back_to_arrival(app: App) -> None:
    arrived = datetime(2025, 2, 1, 8, 0, tzinfo=UTC)
    raw = make_mail(date=datetime(2091, 1, 1, tzinfo=UTC))
    res = app.intake.accept(raw, Origin(BOX, uidvalidity=1, uid=1, arrived_at=arrived))
    with Session(app.engine) as s:
        msg = s.get(Message, res.message_pk)
        assert msg is not None and msg.sent_at == arrived


def test_store_survives_reopen(app: App, settings) -> None:  # type: ignore[no-untyped-def]
    app.intake.accept(make_mail(), Origin(BOX, uidvalidity=1, uid=1))
    app.engine.dispose()
    again = App(settings)
    assert count(again, Message) == 1
    again.engine.dispose()


def _rows(app: App) -> list[tuple[object, ...]]:
    with Session(app.engine) as s:
        messages = [
            (m.id, m.sha256, m.state, m.duplicate_of, m.reason, m.message_id, m.sent_at)
            for m in s.exec(select(Message).order_by(Message.id)).all()
        ]
        sources = [
            (x.message_pk, x.mailbox, x.uidvalidity, x.uid, x.key, x.action_done)
            for x in s.exec(select(MessageSource).order_by(MessageSource.id)).all()
        ]
        events = [
            (e.message_pk, e.from_state, e.to_state, e.reason)
            for e in s.exec(select(MessageEvent).order_by(MessageEvent.id)).all()
        ]
        cursors = [(c.mailbox, c.uidvalidity, c.last_uid) for c in s.exec(select(IntakeCursor))]
    return [*messages, *sources, *events, *cursors]


def test_a_batch_is_taken_in_as_one_mail_after_another(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    """accept_many (one fsync, one transaction) gives the outcomes and rows that
    accept one mail after another gives, on a batch with every kind of repeat: the
    same bytes twice, a copy with other transport headers (a duplicate), a location
    already known, a mail too large and bytes that are not mail."""
    from mailbot.config import load_settings

    a = make_mail(subject="A", msgid="<a@vara.se>")
    b = make_mail(subject="B", msgid="<b@vara.se>")
    b_copy = b"Received: from relay.example.se\r\n" + b  # same mail, other transport
    huge = make_mail(subject="Stor", body="x" * 5000, msgid="<huge@vara.se>")
    files = "file:/tmp/inkorg"
    first = [(a, Origin(BOX, uidvalidity=7, uid=1))]
    batch = [
        (a, Origin(BOX, uidvalidity=7, uid=1)),  # a location already known
        (b, Origin(BOX, uidvalidity=7, uid=2)),
        (b_copy, Origin(BOX, uidvalidity=7, uid=3)),  # a duplicate of b, in the batch
        (b, Origin(BOX, uidvalidity=7, uid=4)),  # the same bytes as uid 2
        (huge, Origin(BOX, uidvalidity=7, uid=5)),
        (b"not a mail at all", Origin(files, key="junk.eml")),
        (a, Origin(files, key="a.eml")),  # known bytes, from a file
        (a, Origin(files, key="a.eml")),  # the very same file twice
    ]
    apps = []
    for name in ("one", "many"):
        s = load_settings(None, state_dir=tmp_path / name)
        s.limits.max_message_bytes = 4096
        mailbot = App(s)
        mailbot.intake.max_message_bytes = 4096
        mailbot.intake.clock = lambda: datetime(2025, 3, 15, tzinfo=UTC)
        mailbot.intake.accept_many(first)
        if name == "one":
            outcomes = [mailbot.intake.accept(raw, origin) for raw, origin in batch]
        else:
            outcomes = mailbot.intake.accept_many(batch)
        apps.append((mailbot, outcomes))
    (one, one_out), (many, many_out) = apps
    assert [(o.outcome, o.message_pk, o.source_pk, o.state) for o in many_out] == [
        (o.outcome, o.message_pk, o.source_pk, o.state) for o in one_out
    ]
    assert [o.outcome for o in many_out] == [
        Outcome.KNOWN, Outcome.NEW, Outcome.DUPLICATE, Outcome.KNOWN, Outcome.NEW,
        Outcome.NEW, Outcome.KNOWN, Outcome.KNOWN,
    ]  # fmt: skip
    assert [o.state for o in many_out][4:6] == ["quarantined", "quarantined"]
    assert _rows(many) == _rows(one)
    # Every raw file is in place and nothing is left half-written.
    raw_dir = tmp_path / "many" / "raw"
    assert not list((raw_dir / "tmp").iterdir())
    with Session(many.engine) as s:
        for m in s.exec(select(Message)).all():
            assert (tmp_path / "many" / m.raw_path).is_file()
