"""The conversation both ways (issue 11), against a real Dovecot and a real aiosmtpd.

A spring of Förskola (people invented): the chair sends the member list and a plan of
six meetings; mailbot answers; people answer mailbot's mail the way their clients write
answers (Outlook's "Från: … Skickat: …", Gmail's "Den … skrev …:", an iPhone's "> "
quotes, a client that drops the threading headers), and the coordinator decides by
answering the review request. Each row of the issue's table is checked:

- "Tack!" to a meeting reminder: ignored, no answer;
- "Träffen 11 april flyttas till 25 april" to a receipt that lists six meetings: the move,
  in the thread, and no meeting from the quoted receipt;
- "Protokollet skickade jag in den 20 mars" to a protocol reminder: review, that
  meeting's reminders pause; the coordinator dismisses it by mail (with the token) and
  the reminders go on;
- the protocol attached to an answer whose client dropped the headers: the protocol of
  the meeting the reminder was about;
- "Jag är inte sekreterare längre": review, reminders to that person pause;
- an auto-reply in the thread: nothing answers it;
- a decision without the token, and one whose DMARC failed: nothing decided;
- `review revert`: the move is taken back out.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from mailbot.app import App
from mailbot.cli.outbox import _intake
from mailbot.config import load_settings
from mailbot.ticker import Ticker
from tests.support.cli import REPO, clean_env, mailbot, mailbot_here
from tests.support.dovecot import Dovecot
from tests.support.outbox import write_config
from tests.support.smtp import ReceivedMessage, SmtpServer

TZ = ZoneInfo("Europe/Stockholm")
CHAIR = "greta.lindqvist@hjo.se"
SECRETARY = "nils.ekberg@tibro.se"
COORDINATOR = "samordnare@skaraborg.se"
MAILBOX = "utbildning@skaraborg.se"


def mail(
    sender: str,
    subject: str,
    when: str,
    body: str,
    *,
    in_reply_to: str | None = None,
    extra: dict[str, str] | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = MAILBOX
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.fromisoformat(when).replace(tzinfo=TZ))
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].rstrip(">"))
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    for name, value in (extra or {}).items():
        message[name] = value
    message.set_content(body)
    if attachment is not None:
        name, data = attachment
        message.add_attachment(
            data,
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
            filename=name,
        )
    return message.as_bytes()


def text_of(received: ReceivedMessage) -> str:
    parsed = email.message_from_bytes(received.data, policy=email.policy.default)
    body = parsed.get_body(("plain",))  # type: ignore[attr-defined]
    return str(body.get_content())


def header(received: ReceivedMessage, name: str) -> str:
    parsed = email.message_from_bytes(received.data, policy=email.policy.default)
    return str(parsed.get(name) or "")


def outlook_reply(received: ReceivedMessage, sender: str, when: str, new: str) -> bytes:
    """Outlook: the new text, then "Från: … Skickat: … Till: … Ämne: …" and the text."""
    quoted = (
        f"\n\nFrån: Utbildning Skaraborg <{MAILBOX}>\nSkickat: den 3 mars 2025 07:00\n"
        f"Till: {sender}\nÄmne: {header(received, 'Subject')}\n\n{text_of(received)}"
    )
    return mail(
        sender,
        f"SV: {header(received, 'Subject')}",
        when,
        new + quoted,
        in_reply_to=header(received, "Message-ID"),
    )


def gmail_reply(received: ReceivedMessage, sender: str, when: str, new: str) -> bytes:
    quoted = "\n".join("> " + line for line in text_of(received).splitlines())
    attribution = f"\n\nDen tis 4 mars 2025 kl 07:00 skrev Utbildning Skaraborg <{MAILBOX}>:\n\n"
    return mail(
        sender,
        f"Re: {header(received, 'Subject')}",
        when,
        new + attribution + quoted,
        in_reply_to=header(received, "Message-ID"),
    )


def iphone_reply(
    received: ReceivedMessage,
    sender: str,
    when: str,
    new: str,
    *,
    headers: bool = True,
    attachment: tuple[str, bytes] | None = None,
) -> bytes:
    quoted = "\n".join("> " + line for line in text_of(received).splitlines())
    body = (
        f"{new}\n\nSkickat från min iPhone\n\n> 31 mars 2025 kl. 07:00 skrev Utbildning "
        f"Skaraborg <{MAILBOX}>:\n>\n{quoted}"
    )
    return mail(
        sender,
        f"Sv: {header(received, 'Subject')}",
        when,
        body,
        in_reply_to=header(received, "Message-ID") if headers else None,
        attachment=attachment,
    )


MEMBER_LIST = mail(
    f"Greta Lindqvist <{CHAIR}>",
    "Medlemsförteckning nätverket Förskola 2025",
    "2025-02-24T09:00",
    "Hej!\n\nHär kommer medlemsförteckningen för nätverket Förskola 2025.\n\n"
    f"Ordförande: Greta Lindqvist, Hjo, {CHAIR}\n"
    f"Sekreterare: Nils Ekberg, Tibro, {SECRETARY}\n"
    "Ledamot: Vera Holm, Skövde, vera.holm@skovde.se\n"
    "Ledamot: Otto Sjö, Falköping, otto.sjo@falkoping.se\n\nVänliga hälsningar\nGreta\n",
)
PLAN = mail(
    f"Greta Lindqvist <{CHAIR}>",
    "Mötesplan nätverket Förskola 2025",
    "2025-03-03T06:30",
    "Hej!\n\nHär är mötesplanen för nätverket Förskola 2025, kl. 9–12:\n\n"
    "fredag 14 mars 2025\nfredag 11 april 2025\nfredag 16 maj 2025\nfredag 13 juni 2025\n"
    "fredag 19 september 2025\nfredag 21 november 2025\n\nVänliga hälsningar\nGreta\n",
)


def protocol_docx() -> bytes:
    document = Document()
    document.add_heading("Protokoll nätverksträff Förskola", level=1)
    document.add_paragraph("Närvarande: Greta Lindqvist, Nils Ekberg, Vera Holm, Otto Sjö")
    document.add_paragraph("1. Mötet öppnas")
    document.add_paragraph("2. Kompetensutveckling i förskolan")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Dovecot, SmtpServer]]:
    base = tmp_path_factory.mktemp("conversation")
    dovecot = Dovecot(base / "dovecot")
    dovecot.start()
    try:
        with SmtpServer(base / "smtp") as smtp:
            yield dovecot, smtp
    finally:
        dovecot.stop()


class Year:
    """The conversation's state: the app, its servers, and a tick per day."""

    def __init__(self, base: Path, dovecot: Dovecot, smtp: SmtpServer) -> None:
        self.dovecot, self.smtp = dovecot, smtp
        self.config = write_config(
            base / "mailbot.toml", smtp=smtp, imap=dovecot, quiet=False,
            coordinators=[COORDINATOR], coordinator_name="Göran",
        )  # fmt: skip
        self.state = base / "state"
        settings = load_settings(self.config, state_dir=self.state, rules_dir=REPO / "rules")
        self.app = App(settings)
        self.ticker = Ticker(self.app)

    def send(self, raw: bytes) -> None:
        self.dovecot.append("INBOX", raw)

    def tick(self, day: str) -> list[ReceivedMessage]:
        before = len(self.smtp.messages)
        self.ticker.run(date.fromisoformat(day), intake=lambda: _intake(self.app))
        return self.smtp.messages[before:]

    def messages(self) -> dict[str, dict[str, object]]:
        res = mailbot_here("messages", "--json", "--state", self.state, "--config", self.config)
        assert res.returncode == 0, res.stderr
        return {m["subject"]: m for m in json.loads(res.stdout)}

    def meetings(self, day: str) -> dict[str, str]:
        res = mailbot_here("network", "forskola", "--json", "--today", day,
                           "--state", self.state, "--config", self.config)  # fmt: skip
        assert res.returncode == 0, res.stderr
        return {m["date"]: m["status"] for m in json.loads(res.stdout)["meetings"]}


def _kind(received: ReceivedMessage) -> str:
    return header(received, "X-Mailbot-Kind")


def _only(found: list[ReceivedMessage], kind: str, to: str) -> ReceivedMessage:
    matching = [m for m in found if _kind(m) == kind and to in m.recipients]
    assert len(matching) == 1, [(_kind(m), m.recipients) for m in found]
    return matching[0]


@pytest.fixture(scope="module")
def year(
    tmp_path_factory: pytest.TempPathFactory, servers: tuple[Dovecot, SmtpServer]
) -> Iterator[Year]:
    dovecot, smtp = servers
    smtp.reset()
    with pytest.MonkeyPatch.context() as env:
        for key in [k for k in os.environ if k.startswith("MAILBOT_")]:
            env.delenv(key)
        yield Year(tmp_path_factory.mktemp("year"), dovecot, smtp)


def test_the_conversation(year: Year) -> None:
    # -- the list and the plan; receipts and the first meeting's reminder ------------
    year.send(MEMBER_LIST)
    year.tick("2025-02-24")
    year.send(PLAN)
    first = year.tick("2025-03-04")  # 10 days before 14 March
    receipt = next(
        m for m in first if _kind(m) == "receipt" and "mötesdatum" in header(m, "Subject")
    )
    reminder = _only(first, "meeting-reminder", CHAIR)
    assert "fredag 16 maj 2025" in text_of(receipt)  # the receipt lists the meetings

    # -- "Tack!" to the reminder (Gmail): nothing, no answer -------------------------
    year.send(gmail_reply(reminder, f"Greta Lindqvist <{CHAIR}>", "2025-03-04T08:00", "Tack!"))
    # -- the move, answered to the receipt that lists six meetings (Outlook) ----------
    move = outlook_reply(
        receipt,
        f"Greta Lindqvist <{CHAIR}>",
        "2025-03-04T09:00",
        "Hej!\n\nTräffen den 11 april flyttas till den 25 april, samma tid.\n\n/Greta",
    )
    year.send(move)
    answered = year.tick("2025-03-05")
    stored = year.messages()
    thanks = stored[f"Re: {header(reminder, 'Subject')}"]
    assert thanks["state"] == "ignored" and thanks["ignored_reason"] == "reply-without-content"
    assert thanks["in_reply_to"]["kind"] == "meeting-reminder"  # type: ignore[index]
    moved = stored[f"SV: {header(receipt, 'Subject')}"]
    assert moved["state"] == "applied", moved["reasons"]
    assert moved["in_reply_to"] == {  # type: ignore[comparison-overlap]
        "outbox_id": moved["in_reply_to"]["outbox_id"],  # type: ignore[index]
        "kind": "receipt",
        "network": "forskola",
        "about": None,
    }
    meetings = year.meetings("2025-03-05")
    assert "2025-04-11" not in meetings and meetings["2025-04-25"] == "planned"
    assert sorted(meetings) == [
        "2025-03-14", "2025-04-25", "2025-05-16", "2025-06-13", "2025-09-19", "2025-11-21",
    ]  # fmt: skip
    # The receipt of the answer is in its thread; nothing answered the "Tack!".
    in_thread = [m for m in answered if _kind(m) == "receipt"]
    assert len(in_thread) == 1
    assert header(in_thread[0], "In-Reply-To") == email.message_from_bytes(move)["Message-ID"]
    assert not [m for m in answered if "Tack" in header(m, "Subject")]

    # -- the protocol reminder (31 March); "already sent" (iPhone) ----------------------
    reminded = year.tick("2025-03-31")
    protocol_reminder = _only(reminded, "protocol-reminder", SECRETARY)
    year.send(
        iphone_reply(
            protocol_reminder,
            f"Nils Ekberg <{SECRETARY}>",
            "2025-03-31T10:00",
            "Hej, protokollet skickade jag in den 20 mars.",
        )
    )
    answered = year.tick("2025-04-01")
    already = next(m for s, m in year.messages().items() if "saknas" in s and s.startswith("Sv:"))
    assert already["state"] == "needs_review"
    codes = [r["code"] for r in already["understanding"]["review"]]  # type: ignore[index]
    assert codes == ["reply-already-sent"]
    request = _only(answered, "review-request", COORDINATOR)
    assert f"#{already['id']}" in text_of(request)
    token = header(request, "Subject").rsplit("[#", 1)[1].rstrip("]")
    assert token in header(request, "Message-ID")
    # Paused: no second protocol reminder a week later.
    assert not [m for m in year.tick("2025-04-07") if _kind(m) == "protocol-reminder"]

    # -- decisions without the token, or with DMARC failing, decide nothing ----------------
    year.send(
        mail(
            f"Göran <{COORDINATOR}>", f"Beslut #{already['id']}", "2025-04-07T10:00",
            f"{already['id']} avvisa",
        )
    )  # fmt: skip
    year.send(
        mail(
            f"Göran <{COORDINATOR}>", f"SV: {header(request, 'Subject')}", "2025-04-07T11:00",
            f"{already['id']} avvisa",
            in_reply_to=header(request, "Message-ID"),
            extra={"Authentication-Results": "mx.skaraborg.se; dmarc=fail"},
        )
    )  # fmt: skip
    quiet = year.tick("2025-04-08")
    assert not [m for m in quiet if _kind(m) == "decision-receipt"]
    stored = year.messages()
    assert stored[already["subject"]]["state"] == "needs_review"  # type: ignore[index]

    # -- the real decision: an answer with the token ---------------------------------
    year.send(
        outlook_reply(
            request, f"Göran <{COORDINATOR}>", "2025-04-08T09:00",
            f"{already['id']} avvisa protokollet har inte kommit\n99 kanske senare\nvi ses",
        )
    )  # fmt: skip
    decided = year.tick("2025-04-09")
    confirmation = _only(decided, "decision-receipt", COORDINATOR)
    assert f"#{already['id']}: avvisat" in text_of(confirmation)
    assert "99 kanske senare" in text_of(confirmation)  # a line it could not read, said so
    assert "vi ses" not in text_of(confirmation)  # a greeting is no decision
    assert year.messages()[already["subject"]]["state"] == "ignored"  # type: ignore[index]
    # The pause is lifted: the reminders go on (the week since the last one has passed).
    assert [m for m in decided if _kind(m) == "protocol-reminder"]

    # -- the protocol, attached to an answer whose client dropped the headers --------
    year.send(
        iphone_reply(
            protocol_reminder,
            f"Nils Ekberg <{SECRETARY}>",
            "2025-04-14T12:00",
            "Här kommer protokollet.",
            headers=False,
            attachment=("Protokoll.docx", protocol_docx()),
        )
    )
    year.tick("2025-04-15")
    meetings = year.meetings("2025-04-15")
    assert meetings["2025-03-14"] == "held"
    stored = year.messages()
    attached = next(
        m
        for m in stored.values()
        if m["in_reply_to"] and "protocol" in m["kinds"]  # type: ignore[operator]
    )
    assert attached["in_reply_to"]["kind"] == "protocol-reminder"  # type: ignore[index]

    # -- "not the secretary any more": review, reminders to her pause ----------------
    year.send(
        gmail_reply(
            protocol_reminder, f"Nils Ekberg <{SECRETARY}>", "2025-04-15T08:00",
            "Hej! Jag är inte sekreterare längre, Anna Berg har tagit över.",
        )
    )  # fmt: skip
    # -- an auto-reply in the thread: nothing answers it ---------------------------------
    year.send(
        mail(
            f"Nils Ekberg <{SECRETARY}>",
            f"Automatiskt svar: {header(protocol_reminder, 'Subject')}",
            "2025-04-15T08:01", "Jag är på semester till 22/4.",
            in_reply_to=header(protocol_reminder, "Message-ID"),
            extra={"Auto-Submitted": "auto-replied"},
        )
    )  # fmt: skip
    after = year.tick("2025-04-16")
    assert not [m for m in after if SECRETARY in m.recipients and _kind(m) != "review-notice"]
    stored = year.messages()
    role = next(m for m in stored.values() if m["reasons"] and "role changed" in str(m["reasons"]))
    assert role["state"] == "needs_review"
    auto = next(m for s, m in stored.items() if s.startswith("Automatiskt svar"))
    assert auto["state"] == "ignored" and auto["ignored_reason"] == "auto-reply"

    # -- undo: the move is taken back out -------------------------------------------
    res = mailbot("review", "revert", str(moved["id"]), "--reason", "fel träff",
                  "--state", year.state, "--config", year.config, env=clean_env())  # fmt: skip
    assert res.returncode == 0, res.stderr
    meetings = year.meetings("2025-04-16")
    assert "2025-04-11" in meetings and "2025-04-25" not in meetings
    assert year.messages()[moved["subject"]]["state"] == "reverted"  # type: ignore[index]

    # -- "godkänn" by mail: the coordinator applies an unknown sender's plan ------------
    year.send(
        mail(
            "Kajsa Lööf <kajsa.loof@konsultbolaget.se>", "Mötesdatum nätverket Förskola hösten",
            "2025-04-16T09:00",
            "Hej!\n\nNytt mötesdatum för nätverket Förskola: fredag 17 oktober 2025 kl. 9–12.\n",
        )
    )  # fmt: skip
    asked = year.tick("2025-04-17")
    request = _only(asked, "review-request", COORDINATOR)
    assert "kajsa.loof@konsultbolaget.se" in text_of(request)
    assert "2025-10-17" not in year.meetings("2025-04-17")
    year.send(
        gmail_reply(request, f"Göran <{COORDINATOR}>", "2025-04-17T10:00", "godkänn")
    )  # one item: the number may be left out
    confirmed = year.tick("2025-04-18")
    confirmation = _only(confirmed, "decision-receipt", COORDINATOR)
    assert ": godkänt (forskola)" in text_of(confirmation)
    assert year.meetings("2025-04-18")["2025-10-17"] == "planned"
