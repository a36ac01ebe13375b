"""Units of answers.py and decisions.py: an answer read in its thread, row by row of
issue 11's table, and the coordinator's decision lines. The end-to-end conversation
(Dovecot, aiosmtpd, the store) is tests/test_conversation.py; here each case is one
mail read against one of mailbot's sent mails (people and addresses invented)."""

from __future__ import annotations

import io
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from mailbot.parse.mime import parse_mail
from mailbot.reasons import ReasonCode
from mailbot.rules import load_networks
from mailbot.understand.analyze import Context, analyze
from mailbot.understand.answers import (
    Answer,
    AnswerKind,
    SentMail,
    find_thread,
    new_text,
    read_answer,
    says_nothing,
    strip_for_reading,
)
from mailbot.understand.decisions import parse_decisions, token_of
from mailbot.verdict import Thread

TZ = ZoneInfo("Europe/Stockholm")
CHAIR = "maria.holm@falkoping.se"
RECEIPT_TEXT = (
    "Hej!\n\nTack för ditt mejl. Det här registrerades för nätverket Förskola:\n\n"
    "Mötesdatum (6 st):\n"
    "- fredag 14 mars 2025 kl. 09.00–12.00, Stadshuset Skövde\n"
    "- fredag 11 april 2025 kl. 09.00–12.00, Stadshuset Skövde\n"
    "- fredag 16 maj 2025 kl. 09.00–12.00, Stadshuset Skövde\n"
    "- fredag 13 juni 2025 kl. 09.00–12.00, Stadshuset Skövde\n"
    "- fredag 19 september 2025 kl. 09.00–12.00, Stadshuset Skövde\n"
    "- fredag 21 november 2025 kl. 09.00–12.00, Stadshuset Skövde\n\n"
    "Stämmer något inte? Svara på det här mejlet, så rättar vi det.\n\n"
    "Utbildning Skaraborg (mailbot)\n"
)
REMINDER_TEXT = (
    "Hej!\n\nProtokollet från nätverket Förskolas träff fredag 14 mars 2025 har inte "
    "kommit in ännu.\nSkicka det till utbildning@skaraborg.se när det är klart.\n\n"
    "Stämmer något inte? Svara på det här mejlet, så rättar vi det.\n"
)
RECEIPT = SentMail(
    outbox_id=7, kind="receipt", network="forskola", about=None, topic="receipt:3",
    message_id="<receipt.7@skaraborg.se>", subject="Mottaget: mötesdatum för Förskola",
    text=RECEIPT_TEXT, to=(CHAIR,),
)  # fmt: skip
REMINDER = SentMail(
    outbox_id=9, kind="protocol-reminder", network="forskola", about=date(2025, 3, 14),
    topic="protocol:forskola:2025-03-14", message_id="<reminder.9@skaraborg.se>",
    subject="Protokollet från träffen 14 mars saknas", text=REMINDER_TEXT, to=(CHAIR,),
)  # fmt: skip
MEETING = SentMail(
    outbox_id=11, kind="meeting-reminder", network="forskola", about=date(2025, 4, 11),
    topic="meeting:forskola:2025-04-11", message_id="<meeting.11@skaraborg.se>",
    subject="Förskola: träff fredag 11 april", text="Hej!\n\nNätverket Förskola träffas "
    "fredag 11 april 2025 kl. 09.00–12.00.\nSkicka gärna inbjudan och dagordning i god tid.\n",
    to=(CHAIR,),
)  # fmt: skip


class Lookup:
    """The sent mail a test knows of (the store's lookup, in one module's unit test)."""

    def __init__(self, *sent: SentMail) -> None:
        self.sent = list(sent)

    def by_message_ids(self, ids: list[str]) -> list[SentMail]:
        return [s for s in self.sent if s.message_id in ids]

    def by_subject(self, subject: str) -> list[SentMail]:
        return [s for s in self.sent if s.subject == subject]


@pytest.fixture(scope="module")
def context() -> Context:
    networks = load_networks(Path(__file__).resolve().parent.parent / "rules")
    return Context.build(networks, known_senders={CHAIR: {"forskola"}})


def docx(*lines: str) -> bytes:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def answer_to(
    sent: SentMail,
    new: str,
    *,
    quote: bool = True,
    headers: bool = True,
    attachment: tuple[str, bytes] | None = None,
    sender: str = CHAIR,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Maria Holm <{sender}>"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = f"SV: {sent.subject}"
    msg["Date"] = format_datetime(datetime(2025, 3, 20, 9, 0, tzinfo=TZ))
    msg["Message-ID"] = "<answer.1@falkoping.se>"
    if headers:
        msg["In-Reply-To"] = sent.message_id
        msg["References"] = sent.message_id
    body = new
    if quote:
        body += (
            "\n\nFrån: Utbildning Skaraborg <utbildning@skaraborg.se>\n"
            "Skickat: den 4 mars 2025 07:00\nTill: Maria Holm <maria.holm@falkoping.se>\n"
            f"Ämne: {sent.subject}\n\n{sent.text}"
        )
    msg.set_content(body)
    if attachment:
        name, data = attachment
        msg.add_attachment(
            data,
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
            filename=name,
        )
    return msg.as_bytes()


def read(
    raw: bytes, sent: SentMail, context: Context, found: dict[str, str] | None = None
) -> Answer:
    mail = parse_mail(raw)
    located = find_thread(mail, Lookup(RECEIPT, REMINDER, MEETING))
    assert located is not None
    thread, chosen = located
    assert chosen == sent
    plain = analyze(strip_for_reading(mail, chosen), context).verdict()
    return read_answer(
        mail, plain, thread, chosen, reference=date(2025, 3, 20),
        protocol_found=found or {"found": "none"},
    )  # fmt: skip


# -- the thread ----------------------------------------------------------------------


def test_thread_by_headers_and_by_subject_and_quote() -> None:
    by_header = find_thread(parse_mail(answer_to(RECEIPT, "Tack!")), Lookup(RECEIPT))
    assert by_header is not None and by_header[0].found_by == "header"
    by_subject = find_thread(
        parse_mail(answer_to(RECEIPT, "Tack!", headers=False)), Lookup(RECEIPT)
    )
    assert by_subject is not None and by_subject[0].found_by == "subject"
    assert by_subject[0] == Thread(
        outbox_id=7, kind="receipt", network="forskola", topic="receipt:3",
        message_id="<receipt.7@skaraborg.se>", found_by="subject",
    )  # fmt: skip
    # The subject alone is not enough: the answer must quote mailbot's text.
    bare = answer_to(RECEIPT, "Tack!", headers=False, quote=False)
    assert find_thread(parse_mail(bare), Lookup(RECEIPT)) is None
    # A fresh mail with the same words in its subject is no answer.
    fresh = answer_to(RECEIPT, "Hej", headers=False).replace(b"Subject: SV: ", b"Subject: ")
    assert find_thread(parse_mail(fresh), Lookup(RECEIPT)) is None


def test_new_text_cuts_the_quote_in_every_client_style() -> None:
    outlook = "Bra!\n\nFrån: Utbildning Skaraborg\nSkickat: den 4 mars\n\n" + RECEIPT_TEXT
    gmail = (
        "Bra!\n\nDen tis 4 mars 2025 kl 07:00 skrev Utbildning Skaraborg "
        "<utbildning@skaraborg.se>:\n" + "".join(f"> {line}\n" for line in RECEIPT_TEXT.split("\n"))
    )
    iphone = "Bra!\n\nSkickat från min iPhone\n\n" + "".join(
        f"> {line}\n" for line in RECEIPT_TEXT.split("\n")
    )
    unmarked = "Bra!\n\n" + RECEIPT_TEXT  # a client whose quote marker is not known
    for text in (outlook, gmail, iphone, unmarked):
        assert new_text(text, "SV: x", RECEIPT_TEXT) == "Bra!", text[:60]


@pytest.mark.parametrize(
    "text, nothing",
    [
        ("Tack!", True),
        ("Stämmer bra, tack. /Maria", True),
        ("Hej!\n\nOk, uppfattat.\n\nHälsningar Maria", True),
        ("👍", True),
        ("Träffen flyttas till den 25 april.", False),
        ("Jag har redan skickat protokollet", False),
        ("Sluta skicka påminnelser", False),
        ("Jag är inte sekreterare längre", False),
        ("Kan ni skicka mig listan över alla medlemmar i nätverket och deras adresser?", False),
    ],
)
def test_says_nothing(text: str, nothing: bool) -> None:
    assert says_nothing(text) is nothing


# -- the table of issue 11, row by row -------------------------------------------------


def test_thanks_is_ignored(context: Context) -> None:
    got = read(answer_to(RECEIPT, "Tack, det stämmer!\n\n/Maria"), RECEIPT, context)
    assert got.kind is AnswerKind.NOTHING
    assert got.verdict.disposition == "ignored"
    assert got.verdict.ignored_reason == "reply-without-content"
    assert got.verdict.meetings == [] and got.pauses == ()


def test_a_move_to_a_receipt_that_lists_six_meetings(context: Context) -> None:
    raw = answer_to(RECEIPT, "Hej!\n\nTräffen den 11 april flyttas till 25 april, samma tid.")
    got = read(raw, RECEIPT, context)
    assert got.kind is AnswerKind.MEETING_CHANGE
    assert got.verdict.disposition == "apply"
    assert got.verdict.network == "forskola"  # from the thread
    assert [(c.action, c.moved_from, c.to) for c in got.verdict.changes] == [
        ("moved", date(2025, 4, 11), date(2025, 4, 25))
    ]
    # None of the six quoted meetings is read as new.
    assert [m.date for m in got.verdict.meetings] == [date(2025, 4, 25)]


def test_a_move_that_names_only_the_new_date(context: Context) -> None:
    got = read(answer_to(MEETING, "Vi flyttar träffen till den 25 april."), MEETING, context)
    assert got.kind is AnswerKind.MEETING_CHANGE
    assert [(c.action, c.moved_from, c.to) for c in got.verdict.changes] == [
        ("moved", date(2025, 4, 11), date(2025, 4, 25))
    ]


def test_a_cancellation_of_the_threads_meeting(context: Context) -> None:
    got = read(answer_to(MEETING, "Tyvärr måste vi ställa in den träffen."), MEETING, context)
    assert got.kind is AnswerKind.MEETING_CHANGE
    assert [(c.action, c.on) for c in got.verdict.changes] == [("cancelled", date(2025, 4, 11))]


def test_a_new_place_for_the_threads_meeting(context: Context) -> None:
    raw = answer_to(MEETING, "Ny lokal: vi ses den 11 april kl 13-16 i Folkets hus, Tibro.")
    got = read(raw, MEETING, context)
    assert got.kind is AnswerKind.MEETING_CHANGE
    assert [m.date for m in got.verdict.meetings] == [date(2025, 4, 11)]
    assert got.verdict.changes == []


def test_the_protocol_attached_without_a_date(context: Context) -> None:
    document = docx("Minnesanteckningar nätverket Förskola", "Närvarande:", "Lena Ström, Hjo")
    raw = answer_to(REMINDER, "Här kommer det.", attachment=("anteckningar.docx", document))
    got = read(raw, REMINDER, context)
    assert got.kind is AnswerKind.PROTOCOL
    assert got.verdict.protocol is not None
    assert got.verdict.protocol.meeting_date == date(2025, 3, 14)  # the reminder's meeting
    assert "protocol" in got.verdict.kinds


def test_already_sent_goes_to_review_and_pauses_the_meeting(context: Context) -> None:
    raw = answer_to(REMINDER, "Protokollet skickade jag in den 6 mars. Snälla kolla igen.")
    found = {"found": "waiting", "on": "2025-03-06", "message": "12"}
    got = read(raw, REMINDER, context, found)
    assert got.kind is AnswerKind.ALREADY_SENT
    assert got.verdict.disposition == "needs_review"
    assert [r.code for r in got.verdict.review] == [ReasonCode.REPLY_ALREADY_SENT]
    assert got.verdict.review[0].args["found"] == "waiting"
    assert got.verdict.meetings == []  # "6 mars" is a past event, not a meeting
    assert got.pauses == ((None, date(2025, 3, 14)),)


def test_a_past_date_is_no_meeting(context: Context) -> None:
    got = read(
        answer_to(RECEIPT, "Som jag skrev i mars var vi 14 personer den 14 mars."), RECEIPT, context
    )
    assert got.verdict.meetings == [] and got.verdict.changes == []


def test_a_person_changed_pauses_that_person(context: Context) -> None:
    raw = answer_to(REMINDER, "Jag är inte sekreterare längre, Per Dahl har tagit över.")
    got = read(raw, REMINDER, context)
    assert got.kind is AnswerKind.PEOPLE_CHANGED
    assert got.verdict.disposition == "needs_review"
    assert got.pauses == ((CHAIR, None),)


def test_stop_pauses_that_person(context: Context) -> None:
    got = read(answer_to(MEETING, "Snälla sluta skicka påminnelser till mig."), MEETING, context)
    assert got.kind is AnswerKind.STOP
    assert [r.code for r in got.verdict.review] == [ReasonCode.REPLY_STOP]
    assert got.pauses == ((CHAIR, None),)


def test_a_corrected_plan_attached_is_read_as_a_plan(context: Context) -> None:
    plan = docx(
        "Mötesdatum nätverket Förskola 2025",
        "fredag 14 mars 2025 kl. 9–12",
        "fredag 9 maj 2025 kl. 9–12",
        "fredag 13 juni 2025 kl. 9–12",
    )
    raw = answer_to(RECEIPT, "Rättad plan bifogad.", attachment=("Mötesdatum 2025.docx", plan))
    got = read(raw, RECEIPT, context)
    assert got.kind is AnswerKind.DOCUMENTS
    assert "meeting_dates" in got.verdict.kinds
    assert date(2025, 5, 9) in [m.date for m in got.verdict.meetings]


def test_anything_else_goes_to_review_with_the_thread(context: Context) -> None:
    raw = answer_to(REMINDER, "Kan ni skicka mig listan över alla medlemmar och deras adresser?")
    got = read(raw, REMINDER, context)
    assert got.kind is AnswerKind.OTHER
    assert got.verdict.disposition == "needs_review"
    assert [r.code for r in got.verdict.review] == [ReasonCode.REPLY_OTHER]
    assert got.verdict.in_reply_to is not None and got.verdict.in_reply_to.outbox_id == 9


def test_an_unknown_senders_move_is_not_applied(context: Context) -> None:
    raw = answer_to(RECEIPT, "Träffen den 11 april flyttas till 25 april.", sender="x@gmail.com")
    got = read(raw, RECEIPT, context)
    assert got.kind is AnswerKind.MEETING_CHANGE
    assert got.verdict.disposition == "needs_review"


# -- the coordinator's decision lines -------------------------------------------------

NETWORKS = {"förskola": "forskola", "forskola": "forskola", "grundskola": "grundskola"}


def test_decision_lines() -> None:
    text = (
        "27 godkänn\n28 godkänn förskola\n#29: avvisa dubblett av 28\n30 återställ\n"
        "31 kanske\nHälsningar Göran"
    )
    parsed = parse_decisions(text, [27, 28, 29, 30, 31], NETWORKS)
    assert [(d.item, d.verb, d.network, d.reason) for d in parsed.lines] == [
        (27, "apply", None, None),
        (28, "apply", "forskola", None),
        (29, "dismiss", None, "dubblett av 28"),
        (30, "revert", None, "återställt"),
    ]
    assert parsed.unread == ["31 kanske"]


def test_a_decision_without_a_number_needs_a_single_item() -> None:
    assert [d.item for d in parse_decisions("Godkänn", [40], NETWORKS).lines] == [40]
    two = parse_decisions("godkänn", [40, 41], NETWORKS)
    assert two.lines == [] and two.unread == ["godkänn"]


def test_apply_to_an_unknown_network_is_not_read() -> None:
    parsed = parse_decisions("27 godkänn fotbollsklubben", [27], NETWORKS)
    assert parsed.lines == [] and parsed.unread == ["27 godkänn fotbollsklubben"]


def test_token_in_subject() -> None:
    assert token_of("SV: Att granska: 2 mejl [#1f3a9c2e]") == "1f3a9c2e"
    assert token_of("SV: Att granska: 2 mejl") is None
    assert token_of("[#xyz]") is None
