"""How long one whole mail takes to understand: MIME walk, the three documents through
the worker, and the analysis (network, kinds, members, meetings, protocol).

    .venv/bin/python -m pytest bench/bench_mail.py -p no:cacheprovider

The goal (issue 3): a mail carrying a 3-page .docx, a 10-page PDF and an .xlsx is
parsed in well under 100 ms per attachment.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

import pytest

from bench.bench_documents import meeting_xlsx, ten_page_pdf, three_page_docx
from mailbot.parse.mime import parse_mail
from mailbot.parse.types import Limits
from mailbot.rules import load_networks
from mailbot.understand.analyze import Context, analyze

RULES = Path(__file__).resolve().parent.parent / "rules"


def mail_with_three_documents() -> bytes:
    msg = EmailMessage()
    msg["From"] = "Eva Exempel <eva.exempel@vara.se>"
    msg["To"] = "utbildning@skaraborg.se"
    msg["Subject"] = "Protokoll och medlemsförteckning förskolenätverket"
    msg["Date"] = "Mon, 17 Mar 2025 10:00:00 +0100"
    msg["Message-ID"] = "<bench@vara.se>"
    msg.set_content("Hej!\n\nBifogar protokoll, bilaga och förteckning.\n\nEva")
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for data, ctype, name in (
        (three_page_docx(), word, "Protokoll 2025-03-14.docx"),
        (ten_page_pdf(), "application/pdf", "Bilaga.pdf"),
        (meeting_xlsx(), excel, "Mötesplan.xlsx"),
    ):
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=SMTP)


@pytest.fixture(scope="module")
def raw() -> bytes:
    return mail_with_three_documents()


def test_understand_whole_mail(benchmark: Any, raw: bytes) -> None:
    context = Context.build(load_networks(RULES))
    limits = Limits()
    parse_mail(raw, limits)  # warm the document worker

    def run() -> dict[str, Any]:
        return analyze(parse_mail(raw, limits), context).as_json()

    result = benchmark(run)
    assert result["network"] == "forskola"
    assert benchmark.stats.stats.median < 0.3  # three documents, 100 ms each at most
