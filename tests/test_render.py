"""The mail templates: every kind renders in Swedish, as text and as inlined HTML."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest

from mailbot.outbox.render import (
    EXPECTED_CONTEXT,
    KINDS,
    Rendered,
    Renderer,
    datum,
    datum_tid,
    kort_datum,
    tid,
    tidsintervall,
)
from mailbot.outbox.samples import sample_contexts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Every kind the outbox knows (issue 5, `mailbot outbox list`).
ALL_KINDS = [
    "meeting-reminder",
    "meeting-moved",
    "meeting-cancelled",
    "protocol-reminder",
    "meetings-behind",
    "member-list-missing",
    "meeting-dates-missing",
    "deliverable-reminder",
    "mission-ending",
    "receipt",
    "review-notice",
    "review-request",
    "decision-receipt",
    "reminders",
    "digest",
]
SWEDISH = re.compile(r"[åäöÅÄÖ]")
FOOTER = "Svara på det här mejlet om något inte stämmer"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(TEMPLATES)


@pytest.fixture(scope="module")
def rendered(renderer: Renderer) -> dict[str, Rendered]:
    return {kind: renderer.render(kind, ctx) for kind, ctx in sample_contexts().items()}


def test_every_kind_has_templates_samples_and_documented_context() -> None:
    assert list(KINDS) == ALL_KINDS
    assert list(sample_contexts()) == ALL_KINDS
    for kind in ALL_KINDS:
        for suffix in (".subject.txt", ".txt", ".html"):
            assert (TEMPLATES / f"{kind}{suffix}").is_file(), f"{kind}{suffix}"


def _documented_top_keys(kind: str) -> set[str]:
    return {key for key in EXPECTED_CONTEXT[kind] if "." not in key}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_sample_context_matches_expected_context(kind: str) -> None:
    ctx = sample_contexts()[kind]
    assert set(ctx) == _documented_top_keys(kind)
    for key in EXPECTED_CONTEXT[kind]:
        if "[]." in key:
            outer, inner = key.split("[].")
            assert all(inner in item for item in ctx[outer]), key
        elif "." in key:
            outer, inner = key.split(".")
            assert ctx[outer] is None or inner in ctx[outer], key


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_each_template_documents_its_context(kind: str) -> None:
    for suffix in (".subject.txt", ".txt", ".html"):
        head = (TEMPLATES / f"{kind}{suffix}").read_text(encoding="utf-8")
        assert head.startswith("{#"), f"{kind}{suffix} starts with its context comment"
        comment = head[: head.index("#}")]
        for key in _documented_top_keys(kind):
            assert key in comment, f"{kind}{suffix} does not document {key}"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_renders_non_empty_swedish_subject_text_and_html(
    kind: str, rendered: dict[str, Rendered]
) -> None:
    out = rendered[kind]
    assert out.subject and out.text.strip() and out.html.strip()
    assert "\n" not in out.subject and out.subject == out.subject.strip()
    assert len(out.subject) < 140
    for part in (out.subject, out.text, out.html):
        assert SWEDISH.search(part), part[:200]
        assert "{{" not in part and "{%" not in part and "{#" not in part
        assert "\ufffd" not in part  # no mangled characters
    # The names in the sample survive in both bodies, å ä ö and all.
    assert "Hej " in out.text
    greeting = out.text.splitlines()[0]
    assert greeting in out.html
    assert FOOTER in out.text and FOOTER in out.html
    assert "mailbot för Utbildning Skaraborg" in out.text


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_html_is_inlined_and_keeps_its_style_block(
    kind: str, rendered: dict[str, Rendered]
) -> None:
    html = rendered[kind].html
    assert re.search(r'<table[^>]*class="outer"[^>]*style="[^"]*border-collapse', html)
    assert re.search(r'<td[^>]*class="content"[^>]*style="[^"]*font-family', html)
    assert re.search(r'<p[^>]*style="[^"]*margin', html)
    assert "<style>" in html  # kept for clients that read it
    assert 'lang="sv"' in html and "charset=utf-8" in html
    assert "<img" not in html
    assert 'width="600"' in html or 'width="720"' in html


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chunks.append(data)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_text_alternative_is_plain_and_says_what_the_html_says(
    kind: str, rendered: dict[str, Rendered]
) -> None:
    out = rendered[kind]
    assert not re.search(r"</?[a-zA-Z][^>]*>", out.text), "HTML tags in the text part"
    assert "&amp;" not in out.text and "&lt;" not in out.text and "&#" not in out.text
    assert "\n\n\n" not in out.text
    assert all(line == line.rstrip() for line in out.text.splitlines())
    parser = _TextOnly()
    parser.feed(out.html)
    visible = " ".join(" ".join(parser.chunks).split())
    # Every date the sample mentions is written the same way in both parts.
    for found in re.findall(
        r"\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|"
        r"september|oktober|november|december)",
        out.text,
    ):
        assert found in visible, found


def test_swedish_survives_inlining_in_detail(rendered: dict[str, Rendered]) -> None:
    html = rendered["meeting-reminder"].html
    assert "Stadshuset i Skövde, sal Ödegården" in html
    assert "fredag 14 mars 2025 kl. 9.00–12.00" in html
    assert "Hej Åsa!" in html
    assert "&aring;" not in html and "&ouml;" not in html


def test_meeting_reminder_says_what_to_do(rendered: dict[str, Rendered]) -> None:
    out = rendered["meeting-reminder"]
    assert out.subject == "Dags att skicka kallelse: Förskola träffas fredag 14 mars 2025"
    assert "kallelse och dagordning till medlemmarna" in out.text
    assert "När:  fredag 14 mars 2025 kl. 9.00–12.00" in out.text
    assert ".ics" in out.text


def test_receipt_names_what_was_registered_and_the_next_meeting(
    rendered: dict[str, Rendered],
) -> None:
    text = rendered["receipt"].text
    assert "Protokoll för nätverksträffen fredag 14 mars 2025." in text
    assert "Nästa planerade träff: fredag 16 maj 2025 kl. 9.00–12.00" in text
    assert "Flyttad träff: 3 oktober blir fredag 10 oktober 2025." in text
    assert "Svara på det här mejlet och skriv vad som ska ändras" in text
    assert rendered["receipt"].subject.startswith("Registrerat: protokoll 14 mars")


def test_digest_has_a_row_per_network_with_swedish_status(
    rendered: dict[str, Rendered],
) -> None:
    out = rendered["digest"]
    for row in sample_contexts()["digest"]["networks"]:
        assert row["name"] in out.html and row["name"] in out.text
    for word in ("I fas", "Behöver uppmärksamhet", "Efter"):
        assert word in out.html and word in out.text
    # Status cells carry their colour inline, for Outlook.
    assert re.search(r'<td[^>]*class="status-behind"[^>]*style="[^"]*background-color', out.html)
    for heading in ("Anmärkningar", "Kom in den här veckan", "Väntar på granskning",
                    "Utskick som misslyckades", "Träffar de närmaste fyra veckorna"):  # fmt: skip
        assert heading in out.html and heading.upper() in out.text
    assert "Protokoll saknas" in out.html and "protocol-missing" not in out.html
    assert "550 5.1.1 Mottagaren finns inte" in out.html
    assert out.subject == (
        "Veckoöversikt vecka 12: 1 efter, 2 behöver uppmärksamhet, 1 att granska, "
        "1 misslyckat utskick"
    )


def test_digest_of_a_quiet_week(renderer: Renderer) -> None:
    ctx = sample_contexts()["digest"]
    for row in ctx["networks"]:
        row["status"] = "on-track"
    ctx.update(findings=[], arrived=[], review=[], failed=[], upcoming=[])
    out = renderer.render("digest", ctx)
    assert out.subject == "Veckoöversikt vecka 12: alla nätverk i fas"
    assert "Inget nytt den här veckan." in out.text and "Inget väntar." in out.html


@pytest.mark.parametrize(
    ("writer", "host", "expected"),
    [
        ("sekreterare", None, "Du står som sekreterare i nätverket"),
        ("värdrektor", "Ållonöskolan i Tidaholm", "rektorn som är värd för träffen"),
        ("värdkommun", "Lidköping", "den här gången var Lidköping värd"),
    ],
)
def test_protocol_reminder_names_who_writes_it(
    renderer: Renderer, writer: str, host: str | None, expected: str
) -> None:
    ctx = sample_contexts()["protocol-reminder"] | {"writer": writer, "host": host}
    out = renderer.render("protocol-reminder", ctx)
    assert expected in out.text and expected in out.html
    assert "skicka protokollet till utbildning@skaraborg.se" in out.text


def test_deliverable_reminder_before_and_after_the_due_date(renderer: Renderer) -> None:
    ctx = sample_contexts()["deliverable-reminder"]
    before = renderer.render("deliverable-reminder", ctx)
    assert before.subject.startswith("Påminnelse: Arbetsordning för kalenderåret ska in 15 feb")
    assert "om 12 dagar" in before.text
    after = renderer.render("deliverable-reminder", ctx | {"overdue": True, "days": 1})
    assert after.subject == "Försenad: Arbetsordning för kalenderåret – Förskola"
    assert "för 1 dag sedan" in after.text


def test_optional_values_may_be_none(renderer: Renderer) -> None:
    ctx = sample_contexts()["meeting-reminder"] | {
        "recipient_name": None,
        "meeting_start": None,
        "meeting_end": None,
        "meeting_place": None,
    }
    out = renderer.render("meeting-reminder", ctx)
    assert out.text.startswith("Hej!\n")
    assert "fredag 14 mars 2025\n" in out.text and "kl." not in out.text
    assert "Svara gärna med platsen" in out.text
    receipt = sample_contexts()["receipt"] | {
        "member_list": {"count": 14, "chair": "Åke Fröjd", "secretary": None},
        "meetings": [],
        "protocol_for": None,
        "next_meeting": None,
        "report": "Arbetsordning för kalenderåret",
    }
    out = renderer.render("receipt", receipt)
    assert "Medlemsförteckning med 14 medlemmar. Ordförande: Åke Fröjd." in out.text
    assert "Förteckningen säger inte vem som är sekreterare" in out.text
    assert "Vi har ingen planerad träff framåt" in out.text
    assert out.subject == "Registrerat: medlemsförteckning och rapport – Anpassad skola"


def test_html_escapes_values_but_text_does_not(renderer: Renderer) -> None:
    ctx = sample_contexts()["review-notice"] | {"original_subject": "Möte <fredag> & protokoll"}
    out = renderer.render("review-notice", ctx)
    assert "Möte &lt;fredag&gt; &amp; protokoll" in out.html
    assert "<fredag>" not in out.html
    assert "Möte <fredag> & protokoll" in out.text
    assert out.subject == "Vi tittar på ditt mejl: Möte <fredag> & protokoll"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_a_missing_variable_is_an_error(renderer: Renderer, kind: str) -> None:
    ctx = sample_contexts()[kind]
    for key in list(ctx):
        partial = {k: v for k, v in ctx.items() if k != key}
        with pytest.raises(jinja2.UndefinedError):
            renderer.render(kind, partial)


def test_a_missing_nested_key_is_an_error(renderer: Renderer) -> None:
    ctx = copy.deepcopy(sample_contexts()["digest"])
    del ctx["networks"][0]["status"]
    with pytest.raises(jinja2.UndefinedError):
        renderer.render("digest", ctx)


def test_renderers_do_not_share_an_environment(tmp_path: Path) -> None:
    (tmp_path / "x.subject.txt").write_text("Ämne {{ n }}", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Text {{ n }}", encoding="utf-8")
    (tmp_path / "x.html").write_text(
        "<html><head><style>p { color: red; }</style></head><body><p>{{ n }}</p></body></html>",
        encoding="utf-8",
    )
    mine = Renderer(tmp_path)
    out = mine.render("x", {"n": "å<ä>"})
    assert out == Rendered(subject="Ämne å<ä>", text="Text å<ä>\n", html=out.html)
    assert '<p style="color: red;">å&lt;ä&gt;</p>' in out.html
    assert mine.env is not Renderer(TEMPLATES).env
    with pytest.raises(jinja2.TemplateNotFound):
        mine.render("meeting-reminder", sample_contexts()["meeting-reminder"])


def test_date_and_time_filters() -> None:
    assert datum(date(2025, 3, 14)) == "fredag 14 mars 2025"
    assert datum("2025-06-20") == "fredag 20 juni 2025"
    assert datum(datetime(2025, 12, 1, 10, 30)) == "måndag 1 december 2025"
    assert kort_datum(date(2025, 8, 9)) == "9 augusti"
    assert tid(time(9, 0)) == "9.00"
    assert tid(time(13, 5)) == "13.05"
    assert tid("08:30") == "8.30"
    assert tidsintervall(time(9, 0), time(12, 0)) == "9.00–12.00"
    assert tidsintervall(time(9, 0)) == "9.00"
    assert datum_tid(date(2025, 3, 14), time(9, 0), time(12, 0)) == (
        "fredag 14 mars 2025 kl. 9.00–12.00"
    )
    assert datum_tid(date(2025, 3, 14)) == "fredag 14 mars 2025"


def _sample_values(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _sample_values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _sample_values(item)]
    return [value]


def test_samples_are_swedish_and_invented() -> None:
    text = " ".join(str(v) for v in _sample_values(sample_contexts()))
    assert SWEDISH.search(text)
    assert "utbildning@skaraborg.se" in text
