"""Writes the mails of the scenario year 2025 to tests/scenario_year/mails/.

A calendar year of mail to utbildning@skaraborg.se for the five professional networks
of Utbildning Skaraborg: member lists, meeting plans, protocols (docx, PDF, body
text), moved and cancelled meetings, and a few distractions. Every person is
invented; the municipalities and their mail domains are real. The ground truth for
`mailbot status --json --today D` is in expected.json, the storyline in README.md.

Deterministic: the same bytes on every run (fixed MIME boundaries, fixed timestamps
inside the .docx/.xlsx zip files and the PDFs).

    cd /work/main && .venv/bin/python tests/scenario_year/generate.py
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import docx
import openpyxl
from fpdf import FPDF
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
OUT = HERE / "mails"
TZ = ZoneInfo("Europe/Stockholm")
MAILBOX = "Utbildning Skaraborg <utbildning@skaraborg.se>"

DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PDF = ("application", "pdf")

DOMAINS = {
    "Essunga": "essunga.se",
    "Falköping": "falkoping.se",
    "Grästorp": "grastorp.se",
    "Gullspång": "gullspang.se",
    "Götene": "gotene.se",
    "Hjo": "hjo.se",
    "Karlsborg": "karlsborg.se",
    "Lidköping": "lidkoping.se",
    "Mariestad": "mariestad.se",
    "Skara": "skara.se",
    "Skövde": "skovde.se",
    "Tibro": "tibro.se",
    "Tidaholm": "tidaholm.se",
    "Töreboda": "toreboda.se",
    "Vara": "vara.se",
    "Skaraborgs Kommunalförbund": "skaraborg.se",
}

KOMMUN = {
    "Falköping": "Falköpings kommun",
    "Grästorp": "Grästorps kommun",
    "Gullspång": "Gullspångs kommun",
    "Karlsborg": "Karlsborgs kommun",
    "Lidköping": "Lidköpings kommun",
    "Mariestad": "Mariestads kommun",
    "Tidaholm": "Tidaholms kommun",
}
for _m in DOMAINS:
    KOMMUN.setdefault(_m, _m if _m == "Skaraborgs Kommunalförbund" else f"{_m} kommun")

ROLE_LABEL = {
    "ordforande": "Ordförande",
    "sekreterare": "Sekreterare",
    "presidium": "Presidiet",
    "ledamot": "",
}


def local_part(name: str) -> str:
    s = name.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), (" ", ".")):
        s = s.replace(a, b)
    return s


@dataclass(frozen=True)
class Person:
    name: str
    muni: str
    role: str = "ledamot"
    title: str = "Rektor"
    sub: str = ""

    @property
    def email(self) -> str:
        return f"{local_part(self.name)}@{DOMAINS[self.muni]}"

    @property
    def addr(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def first(self) -> str:
        return self.name.split()[0]


# ---------------------------------------------------------------- the people

INTRO = [
    Person("Johan Ekström", "Skövde", "ordforande", "Rektor introduktionsprogrammen"),
    Person("Sara Bergkvist", "Lidköping", "sekreterare", "Biträdande rektor"),
    Person("Nils Fagerberg", "Falköping", "presidium", "Rektor"),
    Person("Ida Holmgren", "Mariestad"),
    Person("Mikael Sjöberg", "Skara"),
    Person("Fatima Karimi", "Vara", title="Biträdande rektor"),
    Person("Oskar Lindahl", "Tidaholm"),
    Person("Helena Wester", "Götene"),
    Person("Jonas Palm", "Tibro"),
    Person("Kristoffer Sand", "Skaraborgs Kommunalförbund", title="Processledare"),
]
INTRO_NEW = [
    Person("Rebecka Nyström", "Mariestad"),
    Person("Elias Kaya", "Töreboda", title="Biträdande rektor"),
]
INTRO_AUG = [p for p in INTRO if p.name != "Ida Holmgren"]
INTRO_AUG = [*INTRO_AUG[:3], INTRO_NEW[0], *INTRO_AUG[3:], INTRO_NEW[1]]

ANPASSAD = [
    Person("Eva Nordin", "Skövde", "ordforande", "Rektor", "Anpassad grundskola"),
    Person("Linnea Åberg", "Mariestad", "sekreterare", "Rektor", "Anpassad gymnasieskola"),
    Person("Anneli Ström", "Falköping", sub="Anpassad grundskola"),
    Person("Tomas Berglund", "Lidköping", sub="Anpassad gymnasieskola"),
    Person("Per Holm", "Tibro", sub="Anpassad grundskola"),
    Person("Jenny Kvist", "Skara", sub="Anpassad gymnasieskola"),
    Person("Magnus Öberg", "Vara", sub="Anpassad grundskola"),
    Person("Camilla Rask", "Tidaholm", sub="Anpassad grundskola"),
    Person("Sofia Lundh", "Götene", sub="Anpassad grundskola"),
    Person("Pia Granlund", "Karlsborg", sub="Anpassad grundskola"),
]
ANPASSAD_NEW = Person("Karin Dahlgren", "Tibro", sub="Anpassad grundskola")

VUX = [
    Person("Anders Wikström", "Skara", "ordforande", "Rektor vuxenutbildningen"),
    Person("Maria Hellström", "Tidaholm", "sekreterare", "Verksamhetschef vuxenutbildning"),
    Person("Lars Gustavsson", "Skövde", "presidium", "Rektor Komvux"),
    Person("Emma Sjögren", "Lidköping"),
    Person("Robert Ek", "Falköping"),
    Person("Hanna Lilja", "Mariestad"),
    Person("Daniel Forsberg", "Töreboda"),
    Person("Sanna Björk", "Vara"),
    Person("Peter Nyberg", "Götene"),
    Person("Maja Ekdahl", "Essunga"),
    Person("Viktor Hedlund", "Grästorp"),
]

# Grundskola never sends a member list; these two sign their mails with their roles.
GRUND_SEKR = Person("Henrik Sandberg", "Falköping", "sekreterare", "Rektor")
GRUND_ORDF = Person("Petra Almqvist", "Tidaholm", "ordforande", "Rektor")
GRUND_PRESENT = [
    "Petra Almqvist, Tidaholm",
    "Henrik Sandberg, Falköping",
    "Jonna Eklund, Skövde",
    "Stefan Wiklund, Lidköping",
    "Marie Åkesson, Mariestad",
    "Ali Yilmaz, Skara",
    "Gunilla Hagström, Vara",
    "Tobias Lind, Götene",
]

FORSKOLA = [
    Person("Malin Torstensson", "Lidköping", "ordforande", "Verksamhetschef förskola"),
    Person("Josefin Alm", "Vara", "sekreterare", "Rektor förskola"),
    Person("Therese Lundgren", "Tibro", "presidium", "Rektor förskola"),
    Person("Karolina Blom", "Tidaholm", "presidium", "Rektor förskola"),
    Person("Ulrika Sten", "Skövde", title="Rektor förskola"),
    Person("Amira Hassan", "Falköping", title="Rektor förskola"),
    Person("Louise Ferm", "Mariestad", title="Rektor förskola"),
    Person("Cecilia Borg", "Skara", title="Rektor förskola"),
    Person("Birgitta Wall", "Hjo", title="Rektor förskola"),
    Person("Frida Nord", "Grästorp", title="Rektor förskola"),
    Person("Ingela Ros", "Gullspång", title="Rektor förskola"),
    Person("Jessica Falk", "Götene", title="Rektor förskola"),
]


def who(people: Sequence[Person], name: str) -> Person:
    for p in people:
        if p.name == name:
            return p
    raise KeyError(name)


def present(people: Iterable[Person], *absent: str) -> tuple[list[str], list[str]]:
    here = [f"{p.name}, {p.muni}" for p in people if p.name not in absent]
    away = [f"{p.name}, {p.muni}" for p in people if p.name in absent]
    return here, away


# ---------------------------------------------------------------- documents


def stamp(d: datetime) -> datetime:
    return d.astimezone(UTC).replace(tzinfo=None)


def normalize_zip(data: bytes, when: datetime) -> bytes:
    """Fixed member timestamps and core properties, so the bytes are reproducible."""
    iso = stamp(when).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    rb"\g<1>" + iso + rb"\g<3>",
                    blob,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=stamp(when).timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, blob)
    return out.getvalue()


Block = tuple[Any, ...]


def make_docx(blocks: Sequence[Block], author: str, when: datetime) -> bytes:
    d = docx.Document()
    for block in blocks:
        kind = block[0]
        if kind == "h":
            d.add_heading(block[1], level=block[2] if len(block) > 2 else 1)
        elif kind == "p":
            d.add_paragraph(block[1])
        elif kind == "b":
            para = d.add_paragraph()
            para.add_run(block[1]).bold = True
        elif kind == "list":
            for item in block[1]:
                d.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows = block[1]
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
                    if r == 0:
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = stamp(when)
    cp.modified = stamp(when)
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return normalize_zip(buf.getvalue(), when)


def make_xlsx(sheet: str, rows: Sequence[Sequence[str]], author: str, when: datetime) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, width in zip("ABCDEF", (22, 14, 26, 24, 34, 16), strict=True):
        ws.column_dimensions[col].width = width
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = stamp(when)
    wb.properties.modified = stamp(when)
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue(), when)


def pdf_safe(text: str) -> str:
    return text.replace("–", "-").replace("’", "'")


def make_pdf(title: str, lines: Sequence[str], author: str, when: datetime) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(when.astimezone(UTC))
    pdf.set_author(author)
    pdf.set_title(pdf_safe(title))
    pdf.set_creator("Microsoft® Word för Microsoft 365")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 9, pdf_safe(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for line in lines:
        if line.startswith("## "):
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, pdf_safe(line[3:]), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 11)
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 6, pdf_safe(line) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@dataclass
class Protocol:
    """One protocol or set of minnesanteckningar, rendered as docx, PDF or text."""

    title: str
    when: str  # "torsdag 23 januari 2025, kl. 13.00–16.00"
    place: str
    present: list[str]
    absent: list[str]
    items: list[tuple[str, str]]
    next_meeting: str = ""
    writer: str = ""
    heading_present: str = "Närvarande"

    def lines(self) -> list[str]:
        out = [f"Datum: {self.when}", f"Plats: {self.place}", "", f"## {self.heading_present}:"]
        out += self.present
        if self.absent:
            out += ["", "## Anmält förhinder:"]
            out += self.absent
        out.append("")
        for n, (head, text) in enumerate(self.items, start=1):
            out += [f"## § {n} {head}", text, ""]
        if self.next_meeting:
            out += [f"Nästa möte: {self.next_meeting}", ""]
        if self.writer:
            out.append(f"Vid protokollet: {self.writer}")
        return out

    def text(self) -> str:
        body = [self.title.upper(), ""] + [ln.removeprefix("## ") for ln in self.lines()]
        return "\n".join(body)

    def docx(self, author: str, when: datetime) -> bytes:
        blocks: list[Block] = [
            ("h", self.title, 1),
            ("p", f"Datum: {self.when}"),
            ("p", f"Plats: {self.place}"),
            ("b", f"{self.heading_present}:"),
            ("list", self.present),
        ]
        if self.absent:
            blocks += [("b", "Anmält förhinder:"), ("list", self.absent)]
        for n, (head, text) in enumerate(self.items, start=1):
            blocks += [("h", f"§ {n} {head}", 2), ("p", text)]
        if self.next_meeting:
            blocks.append(("p", f"Nästa möte: {self.next_meeting}"))
        if self.writer:
            blocks.append(("p", f"Vid protokollet: {self.writer}"))
        return make_docx(blocks, author, when)

    def pdf(self, author: str, when: datetime) -> bytes:
        return make_pdf(self.title, self.lines(), author, when)


# ---------------------------------------------------------------- mails


@dataclass
class Attachment:
    filename: str
    data: bytes
    mime: tuple[str, str]


@dataclass
class Mail:
    slug: str
    when: datetime
    sender: str
    subject: str
    body: str
    msgid_style: str = "outlook"
    to: str = MAILBOX
    cc: str = ""
    html: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    in_reply_to: str = ""
    cte: str = "quoted-printable"

    @property
    def message_id(self) -> str:
        h = hashlib.sha256(f"scenario-2025/{self.slug}".encode()).hexdigest().upper()
        domain = self.sender.rsplit("@", 1)[1].rstrip(">")
        if self.msgid_style == "gmail":
            return f"<CAF{h[:8].lower()}+{h[8:40]}@mail.gmail.com>"
        if self.msgid_style == "apple":
            return f"<{str(uuid.UUID(h[:32])).upper()}@{domain}>"
        if self.msgid_style == "list":
            return f"<{self.when:%Y%m%d%H%M%S}.{h[:16].lower()}@nyhetsbrev.skaraborg.se>"
        n = int(h[40:42], 16) % 9 + 1
        letters = "".join(chr(ord("A") + int(c, 16) % 26) for c in h[:2])
        host = f"{letters}{n}PR0{n}MB{int(h[42:48], 16) % 10000:04d}"
        return f"<{host}{h[2:34]}@{host}.eurprd0{n}.prod.outlook.com>"

    def build(self) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = self.to
        if self.cc:
            msg["Cc"] = self.cc
        msg["Subject"] = self.subject
        msg["Date"] = format_datetime(self.when)
        msg["Message-ID"] = self.message_id
        if self.in_reply_to:
            msg["In-Reply-To"] = self.in_reply_to
            msg["References"] = self.in_reply_to
        msg["MIME-Version"] = "1.0"
        domain = self.sender.rsplit("@", 1)[1].rstrip(">")
        msg["Authentication-Results"] = (
            f"spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; "
            f"dmarc=pass action=none header.from={domain}"
        )
        if self.msgid_style == "outlook":
            msg["Content-Language"] = "sv-SE"
            msg["X-MS-Has-Attach"] = "yes" if self.attachments else ""
        for name, value in self.headers:
            msg[name] = value
        msg.set_content(self.body, cte=self.cte)
        if self.html:
            msg.add_alternative(self.html, subtype="html", cte="quoted-printable")
        for att in self.attachments:
            msg.add_attachment(
                att.data, maintype=att.mime[0], subtype=att.mime[1], filename=att.filename
            )
        seed = hashlib.sha256(self.slug.encode()).hexdigest()[:16]
        for i, part in enumerate(msg.walk()):
            if part.is_multipart():
                part.set_boundary(f"_{i:03d}_{seed}_")
        return msg


def at(month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=TZ)


def sig(p: Person, extra: str = "") -> str:
    lines = ["", "Med vänliga hälsningar", p.name, p.title]
    if extra:
        lines.append(extra)
    lines += [KOMMUN.get(p.muni, p.muni), p.email]
    return "\n".join(lines)


def html_of(text: str) -> str:
    paras = "".join(f'<p class="MsoNormal">{line or "&nbsp;"}</p>\n' for line in text.split("\n"))
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)"></head>'
        f'<body lang="SV"><div class="WordSection1">\n{paras}</div></body></html>\n'
    )


def role_label(p: Person) -> str:
    return ROLE_LABEL[p.role]


MAILS: list[Mail] = []


def add(mail: Mail) -> Mail:
    MAILS.append(mail)
    return mail


# ================================================================ introduktionsprogrammen

sara = who(INTRO, "Sara Bergkvist")
johan = who(INTRO, "Johan Ekström")
mikael = who(INTRO, "Mikael Sjöberg")


def intro_list_docx(people: Sequence[Person], when: datetime, heading: str) -> bytes:
    rows = [["Namn", "Kommun", "Befattning", "Roll i nätverket", "E-post"]]
    rows += [[p.name, p.muni, p.title, role_label(p), p.email] for p in people]
    return make_docx(
        [
            ("h", heading, 1),
            ("p", "Nätverket för Introduktionsprogrammen, Utbildning Skaraborg"),
            ("table", rows),
            ("p", f"Uppdaterad {when:%Y-%m-%d} av {sara.name}, sekreterare."),
        ],
        sara.name,
        when,
    )


w = at(1, 9, 8, 41)
add(
    Mail(
        "introduktionsprogrammen-forteckning-docx",
        w,
        sara.addr,
        "Förteckning nätverket Introduktionsprogrammen 2025",
        "Hej!\n\nBifogar förteckningen över de personer som ingår i nätverket för "
        "Introduktionsprogrammen 2025. Johan Ekström (Skövde) fortsätter som ordförande "
        "och jag som sekreterare. Mötesplanen skickar jag i ett separat mejl.\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment(
                "Förteckning Introduktionsprogrammen 2025.docx",
                intro_list_docx(INTRO, w, "Förteckning över nätverkets medlemmar 2025"),
                DOCX,
            )
        ],
    )
)

INTRO_PLAN_TEXT = (
    "Nätverksträffar 2025 – Introduktionsprogrammen\n\n"
    "2025-01-23 (torsdag) kl. 13.00–16.00, Skaraborgs Kommunalförbund, Skövde\n"
    "2025-03-20 (torsdag) kl. 13.00–16.00, Stadshuset, Lidköping\n"
    "2025-04-24 (torsdag) kl. 13.00–16.00, Kommunhuset, Falköping\n"
    "2025-06-05 (torsdag) kl. 09.00–12.00, Stadshuset, Mariestad\n"
    "2025-09-11 (torsdag) kl. 13.00–16.00, Rådhuset, Skara\n"
    "2025-12-11 (torsdag) kl. 13.00–16.00, Skaraborgs Kommunalförbund, Skövde\n"
)
w = at(1, 10, 9, 14)
intro_plan = add(
    Mail(
        "introduktionsprogrammen-motesplan",
        w,
        sara.addr,
        "Mötesplan 2025 – nätverket Introduktionsprogrammen",
        "Hej!\n\nHär kommer plats och tid för nätverksträffarna 2025.\n\n"
        + INTRO_PLAN_TEXT
        + "\nKallelse och dagordning kommer från Johan inför varje träff.\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        html=html_of(
            "Hej!\n\nHär kommer plats och tid för nätverksträffarna 2025.\n\n"
            + INTRO_PLAN_TEXT
            + "\nKallelse och dagordning kommer från Johan inför varje träff."
            + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen")
        ),
    )
)


def intro_kallelse(
    slug: str,
    when: datetime,
    date_text: str,
    place: str,
    points: str,
    members: Sequence[Person] = INTRO,
) -> None:
    add(
        Mail(
            slug,
            when,
            johan.addr,
            f"Kallelse nätverksträff Introduktionsprogrammen {date_text}",
            f"Hej alla!\n\nVälkomna till nätverksträff {date_text}, {place}.\n\n"
            f"Dagordning\n{points}\n" + sig(johan, "Ordförande, nätverket Introduktionsprogrammen"),
            to=", ".join(p.addr for p in members if p is not johan),
            cc=MAILBOX,
        )
    )


intro_kallelse(
    "introduktionsprogrammen-kallelse-januari",
    at(1, 20, 7, 55),
    "torsdag 23 januari kl. 13.00–16.00",
    "Skaraborgs Kommunalförbund, Skövde",
    "1. Mötets öppnande\n2. Arbetsordning 2025\n3. Kompetensutvecklingsplanen 2023–2025\n"
    "4. Skolnärvaro – lägesbild\n5. Övriga frågor",
)

w = at(1, 29, 15, 2)
prot = Protocol(
    "Protokoll nätverksträff Introduktionsprogrammen",
    "torsdag 23 januari 2025, kl. 13.00–16.00",
    "Skaraborgs Kommunalförbund, Skövde",
    *present(INTRO, "Jonas Palm", "Helena Wester"),
    items=[
        ("Mötets öppnande", "Ordföranden Johan Ekström öppnade mötet."),
        ("Arbetsordning 2025", "Presidiets förslag till arbetsordning godkändes."),
        (
            "Kompetensutvecklingsplanen",
            "Planen för 2023–2025 följs upp; sista insatserna genomförs under hösten.",
        ),
        ("Skolnärvaro", "Kommunerna redovisade frånvarostatistik för IMA och IMS."),
    ],
    next_meeting="torsdag 20 mars kl. 13.00–16.00, Stadshuset, Lidköping",
    writer="Sara Bergkvist",
)
add(
    Mail(
        "introduktionsprogrammen-protokoll-0123-docx",
        w,
        sara.addr,
        "Protokoll nätverksträff 23 januari – Introduktionsprogrammen",
        "Hej!\n\nBifogar protokollet från nätverksträffen den 23 januari.\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment("Protokoll IM-nätverket 2025-01-23.docx", prot.docx(sara.name, w), DOCX)
        ],
    )
)

intro_kallelse(
    "introduktionsprogrammen-kallelse-mars",
    at(3, 14, 10, 20),
    "torsdag 20 mars kl. 13.00–16.00",
    "Stadshuset, Lidköping",
    "1. Mötets öppnande\n2. Föregående protokoll\n3. IMV – elever som följer nationellt "
    "program\n4. Samverkan med Vux-nätverket\n5. Övriga frågor",
)

w = at(3, 26, 13, 37)
prot = Protocol(
    "Protokoll nätverksträff Introduktionsprogrammen",
    "torsdag 20 mars 2025, kl. 13.00–16.00",
    "Stadshuset, Lidköping",
    *present(INTRO, "Kristoffer Sand"),
    items=[
        ("Mötets öppnande", "Johan Ekström öppnade mötet och hälsade välkommen till Lidköping."),
        ("Föregående protokoll", "Protokollet från 23 januari lades till handlingarna."),
        ("IMV", "Nils Fagerberg redovisade hur många elever som följer ett nationellt program."),
        ("Samverkan med Vux", "Presidierna träffas i maj om yrkesutbildningar."),
    ],
    next_meeting="torsdag 24 april kl. 13.00–16.00, Kommunhuset, Falköping",
    writer="Sara Bergkvist",
)
add(
    Mail(
        "introduktionsprogrammen-protokoll-0320-pdf",
        w,
        sara.addr,
        "Protokoll 20 mars",
        "Hej,\n\nHär är protokollet från Introduktionsprogrammens nätverksträff i Lidköping "
        "den 20 mars.\n" + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment("Protokoll_IM_2025-03-20.pdf", prot.pdf(sara.name, w), PDF),
        ],
    )
)

# The protocol of 24 April arrives 26 days later (due 8 May).
w = at(5, 20, 16, 48)
prot = Protocol(
    "Protokoll nätverksträff Introduktionsprogrammen",
    "torsdag 24 april 2025, kl. 13.00–16.00",
    "Kommunhuset, Falköping",
    *present(INTRO, "Fatima Karimi", "Oskar Lindahl", "Ida Holmgren"),
    items=[
        ("Mötets öppnande", "Johan Ekström öppnade mötet."),
        ("Skolnärvaro", "Gemensam rutin för uppföljning av frånvaro diskuterades."),
        ("Kompetensutveckling", "Höstens föreläsning om språkutvecklande arbete bokas."),
    ],
    next_meeting="torsdag 5 juni kl. 09.00–12.00, Stadshuset, Mariestad",
    writer="Sara Bergkvist",
)
add(
    Mail(
        "introduktionsprogrammen-protokoll-0424-sent-brodtext",
        w,
        sara.addr,
        "Protokoll Introduktionsprogrammen 24 april (ursäkta dröjsmålet)",
        "Hej!\n\nHär kommer äntligen protokollet från nätverksträffen den 24 april i "
        "Falköping. Ber om ursäkt för att det har dröjt.\n\n"
        + prot.text()
        + "\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
    )
)

w = at(6, 11, 11, 5)
prot = Protocol(
    "Protokoll nätverksträff Introduktionsprogrammen",
    "torsdag 5 juni 2025, kl. 09.00–12.00",
    "Stadshuset, Mariestad",
    *present(INTRO, "Mikael Sjöberg"),
    items=[
        ("Mötets öppnande", "Johan Ekström öppnade mötet."),
        ("Föregående protokoll", "Protokollet från 24 april lades till handlingarna."),
        ("Läsåret 2025/26", "Kommunerna redovisade sina platser på IMA och IMS till hösten."),
    ],
    next_meeting="torsdag 11 september kl. 13.00–16.00, Rådhuset, Skara",
    writer="Sara Bergkvist",
)
add(
    Mail(
        "introduktionsprogrammen-protokoll-0605-docx",
        w,
        sara.addr,
        "Protokoll IM-nätverket 5 juni",
        "Hej!\n\nBifogar protokollet från träffen i Mariestad den 5 juni. Trevlig sommar!\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment("Protokoll IM-nätverket 2025-06-05.docx", prot.docx(sara.name, w), DOCX)
        ],
    )
)

# A complete new member list: Ida Holmgren leaves, Rebecka Nyström and Elias Kaya join.
w = at(8, 18, 9, 30)
add(
    Mail(
        "introduktionsprogrammen-forteckning-uppdaterad-docx",
        w,
        sara.addr,
        "Uppdaterad förteckning – nätverket Introduktionsprogrammen inför hösten",
        "Hej!\n\nInför hösten bifogar jag en uppdaterad förteckning över nätverket. Ida "
        "Holmgren har gått vidare till en annan tjänst och Rebecka Nyström representerar "
        "nu Mariestad. Töreboda är nytt i nätverket med Elias Kaya. Förteckningen ersätter "
        "den som skickades i januari.\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment(
                "Förteckning Introduktionsprogrammen HT2025.docx",
                intro_list_docx(INTRO_AUG, w, "Förteckning över nätverkets medlemmar, hösten 2025"),
                DOCX,
            )
        ],
    )
)

w = at(8, 28, 14, 12)
add(
    Mail(
        "introduktionsprogrammen-mote-flyttas",
        w,
        sara.addr,
        "Ändrat datum: nätverksträffen i september – Introduktionsprogrammen",
        "Hej alla!\n\nMötet den 11 september flyttas till den 18 september, samma tid "
        "(13.00–16.00) och samma plats (Rådhuset, Skara). Flera av oss är på Skolverkets "
        "konferens den 11:e.\n" + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        to=", ".join(p.addr for p in INTRO_AUG if p is not sara),
        cc=MAILBOX,
    )
)

# A reply-all to the January plan, quoting it (with the old 11 September).
w = at(9, 1, 8, 3)
add(
    Mail(
        "introduktionsprogrammen-svar-citerar-gammal-plan",
        w,
        mikael.addr,
        "SV: Mötesplan 2025 – nätverket Introduktionsprogrammen",
        "Hej Sara!\n\nJag tar med mig siffrorna om IMV-eleverna till nästa träff. Kan du "
        "skicka länken till den delade mappen igen? Jag hittar den inte.\n\n"
        "Hälsningar\nMikael Sjöberg\nRektor, Skara kommun\n\n"
        "Från: Sara Bergkvist <sara.bergkvist@lidkoping.se>\n"
        "Skickat: den 10 januari 2025 09:14\n"
        "Till: Utbildning Skaraborg <utbildning@skaraborg.se>\n"
        "Ämne: Mötesplan 2025 – nätverket Introduktionsprogrammen\n\n"
        "Hej!\n\nHär kommer plats och tid för nätverksträffarna 2025.\n\n"
        + INTRO_PLAN_TEXT
        + "\nKallelse och dagordning kommer från Johan inför varje träff.\n",
        to=sara.addr,
        cc=MAILBOX,
        in_reply_to=intro_plan.message_id,
    )
)

w = at(9, 24, 10, 26)
prot = Protocol(
    "Protokoll nätverksträff Introduktionsprogrammen",
    "torsdag 18 september 2025, kl. 13.00–16.00",
    "Rådhuset, Skara",
    *present(INTRO_AUG, "Jonas Palm"),
    items=[
        ("Mötets öppnande", "Johan Ekström öppnade mötet och hälsade Rebecka och Elias välkomna."),
        ("Föregående protokoll", "Protokollet från 5 juni lades till handlingarna."),
        ("Skolnärvaro", "Uppföljning av den gemensamma rutinen efter skolstarten."),
        ("Kompetensutveckling 2026", "Presidiet tar fram ett förslag till ny plan."),
    ],
    next_meeting="torsdag 11 december kl. 13.00–16.00, Skaraborgs Kommunalförbund, Skövde",
    writer="Sara Bergkvist",
)
add(
    Mail(
        "introduktionsprogrammen-protokoll-0918-pdf",
        w,
        sara.addr,
        "Protokoll från nätverksträffen 18 september – Introduktionsprogrammen",
        "Hej!\n\nBifogar protokollet från träffen i Skara i torsdags, den 18/9.\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment("Protokoll_IM_2025-09-18.pdf", prot.pdf(sara.name, w), PDF),
        ],
    )
)

intro_kallelse(
    "introduktionsprogrammen-kallelse-december",
    at(12, 4, 8, 15),
    "torsdag 11 december kl. 13.00–16.00",
    "Skaraborgs Kommunalförbund, Skövde",
    "1. Mötets öppnande\n2. Föregående protokoll\n3. Utvärdering av kompetensutvecklingsplanen"
    " 2023–2025\n4. Arbetsordning 2026\n5. Övriga frågor",
    INTRO_AUG,
)

w = at(12, 17, 15, 51)
prot = Protocol(
    "Protokoll nätverksträff Introduktionsprogrammen",
    "torsdag 11 december 2025, kl. 13.00–16.00",
    "Skaraborgs Kommunalförbund, Skövde",
    *present(INTRO_AUG, "Helena Wester", "Elias Kaya"),
    items=[
        ("Mötets öppnande", "Johan Ekström öppnade mötet."),
        ("Kompetensutvecklingsplanen", "Planen 2023–2025 utvärderades; rapport till skolcheferna."),
        ("Arbetsordning 2026", "Presidiet skickar förslag till arbetsordning i januari."),
    ],
    next_meeting="mötesplanen för 2026 skickas ut i januari",
    writer="Sara Bergkvist",
)
add(
    Mail(
        "introduktionsprogrammen-protokoll-1211-docx",
        w,
        sara.addr,
        "Protokoll IM-nätverket 11 december",
        "Hej!\n\nBifogar protokollet från årets sista träff. God jul!\n"
        + sig(sara, "Sekreterare, nätverket Introduktionsprogrammen"),
        attachments=[
            Attachment("Protokoll IM-nätverket 2025-12-11.docx", prot.docx(sara.name, w), DOCX)
        ],
    )
)

add(
    Mail(
        "introduktionsprogrammen-autosvar",
        at(12, 22, 9, 2),
        sara.addr,
        "Automatiskt svar: Tack för protokollet 11 december",
        "Hej!\n\nJag är ledig från och med 22 december till och med 6 januari och läser inte "
        "min e-post. Vid brådskande ärenden, kontakta Johan Ekström, "
        "johan.ekstrom@skovde.se.\n\nSara Bergkvist\n",
        headers=[
            ("Auto-Submitted", "auto-replied"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "sara.bergkvist@lidkoping.se"),
        ],
    )
)


# ================================================================ anpassad skola

eva = who(ANPASSAD, "Eva Nordin")
linnea = who(ANPASSAD, "Linnea Åberg")
anneli = who(ANPASSAD, "Anneli Ström")
tomas = who(ANPASSAD, "Tomas Berglund")
jenny = who(ANPASSAD, "Jenny Kvist")
ANPASSAD_AUG = [ANPASSAD_NEW if p.name == "Per Holm" else p for p in ANPASSAD]

w = at(1, 13, 13, 22)
rows = [["Namn", "Kommun", "Befattning", "Undernätverk", "E-post", "Roll"]]
rows += [[p.name, p.muni, p.title, p.sub, p.email, role_label(p)] for p in ANPASSAD]
add(
    Mail(
        "anpassad-skola-forteckning-xlsx",
        w,
        linnea.addr,
        "Deltagare i nätverket Anpassad skola 2025",
        "Hej!\n\nBifogar förteckningen över deltagarna i nätverket Anpassad skola 2025, "
        "uppdelad på undernätverken anpassad grundskola och anpassad gymnasieskola. Eva "
        "Nordin är ordförande och jag är sekreterare.\n"
        + sig(linnea, "Sekreterare, Anpassad skola"),
        attachments=[
            Attachment(
                "Deltagare Anpassad skola 2025.xlsx",
                make_xlsx("Deltagare 2025", rows, linnea.name, w),
                XLSX,
            )
        ],
    )
)

ANPASSAD_DATES = (
    "Fredag 14/2 kl. 9–12, Skövde (värd: Eva Nordin)\n"
    "Fredag 11/4 kl. 9–12, Falköping (värd: Anneli Ström)\n"
    "Fredag 23/5 kl. 9–14, Lidköping – gemensam träff för båda undernätverken "
    "(värd: Tomas Berglund)\n"
    "Torsdag 16/10 kl. 9–15, Skara – studiebesök, OBS torsdag (värd: Jenny Kvist)\n"
    "Fredag 19/12 kl. 9–12, Mariestad (värd: Linnea Åberg)\n"
)
w = at(1, 14, 10, 5)
anpassad_dates_body = (
    "Hej!\n\nHär är datumen för nätverksträffarna i Anpassad skola 2025. Rektorn som är "
    "värd skriver minnesanteckningarna och skickar dem hit.\n\n"
    + ANPASSAD_DATES
    + sig(linnea, "Sekreterare, Anpassad skola")
)
anpassad_dates = add(
    Mail(
        "anpassad-skola-datum",
        w,
        linnea.addr,
        "Datum för nätverksträffar 2025 – Anpassad skola",
        anpassad_dates_body,
    )
)

w = at(2, 3, 7, 48)
add(
    Mail(
        "anpassad-skola-datum-skickas-igen",
        w,
        linnea.addr,
        "VB: Datum för nätverksträffar 2025 – Anpassad skola",
        "Hej!\n\nSkickar datumen en gång till eftersom jag inte har fått någon bekräftelse på "
        "att de kommit fram.\n\n/Linnea\n\n"
        "-----Ursprungligt meddelande-----\n"
        "Från: Linnea Åberg <linnea.aberg@mariestad.se>\n"
        "Skickat: den 14 januari 2025 10:05\n"
        "Till: Utbildning Skaraborg <utbildning@skaraborg.se>\n"
        "Ämne: Datum för nätverksträffar 2025 – Anpassad skola\n\n" + anpassad_dates_body,
        in_reply_to=anpassad_dates.message_id,
    )
)

w = at(2, 19, 16, 10)
prot = Protocol(
    "Minnesanteckningar nätverket Anpassad skola",
    "fredag 14 februari 2025, kl. 9–12",
    "Skövde",
    *present(ANPASSAD, "Pia Granlund"),
    items=[
        ("Inledning", "Eva Nordin hälsade välkommen till Skövde."),
        ("Elevhälsan", "Erfarenhetsutbyte om elevhälsans arbete i anpassade skolformer."),
        ("Programutbud", "Anpassad gymnasieskola kartlägger utbudet i Skaraborg till våren."),
    ],
    next_meeting="fredag 11 april kl. 9–12 i Falköping",
    writer="Eva Nordin (värd)",
)
add(
    Mail(
        "anpassad-skola-minnesanteckningar-0214-docx",
        w,
        eva.addr,
        "Minnesanteckningar Anpassad skola 14 februari",
        "Hej!\n\nSom värd för träffen bifogar jag minnesanteckningarna från nätverksträffen "
        "den 14 februari. De kan läggas ut på utbildningskaraborg.se.\n"
        + sig(eva, "Ordförande, Anpassad skola"),
        attachments=[
            Attachment(
                "Minnesanteckningar anpassad skola 250214.docx", prot.docx(eva.name, w), DOCX
            )
        ],
    )
)

add(
    Mail(
        "anpassad-skola-kallelse-april",
        at(4, 4, 9, 40),
        eva.addr,
        "Kallelse: nätverket Anpassad skola fredag 11 april",
        "Hej alla!\n\nVälkomna till nätverksträff fredag 11 april kl. 9–12 i Falköping. Anneli "
        "Ström är värd.\n\nDagordning\n1. Inledning\n2. Elevernas resultat och progression\n"
        "3. Kompetensutveckling för personal\n4. Övriga frågor\n"
        + sig(eva, "Ordförande, Anpassad skola"),
        to=", ".join(p.addr for p in ANPASSAD if p is not eva),
        cc=MAILBOX,
    )
)

w = at(4, 17, 14, 3)
prot = Protocol(
    "Minnesanteckningar nätverket Anpassad skola",
    "fredag 11 april 2025, kl. 9–12",
    "Falköping",
    *present(ANPASSAD, "Magnus Öberg", "Sofia Lundh"),
    items=[
        ("Inledning", "Anneli Ström hälsade välkommen till Falköping."),
        ("Resultat och progression", "Genomgång av gemensamma uppföljningsverktyg."),
        ("Kompetensutveckling", "Förslag om gemensam studiedag i augusti."),
    ],
    next_meeting="fredag 23 maj kl. 9–14 i Lidköping",
    writer="Anneli Ström (värd)",
)
add(
    Mail(
        "anpassad-skola-minnesanteckningar-0411-pdf",
        w,
        anneli.addr,
        "Minnesanteckningar från nätverket Anpassad skola 11/4",
        "Hej!\n\nBifogar minnesanteckningarna från fredagens träff i Falköping.\n" + sig(anneli),
        attachments=[
            Attachment(
                "Minnesanteckningar_anpassad_skola_2025-04-11.pdf", prot.pdf(anneli.name, w), PDF
            )
        ],
    )
)

w = at(5, 28, 11, 47)
prot = Protocol(
    "Minnesanteckningar nätverket Anpassad skola",
    "fredag 23 maj 2025, kl. 9–14",
    "Lidköping, gemensam träff för anpassad grundskola och anpassad gymnasieskola",
    *present(ANPASSAD, "Camilla Rask"),
    items=[
        ("Inledning", "Tomas Berglund hälsade välkommen till Lidköping."),
        ("Övergångar", "Övergången från anpassad grundskola till anpassad gymnasieskola."),
        ("Arbetsmarknaden", "Praktikplatser och samverkan med näringslivet."),
    ],
    next_meeting="torsdag 16 oktober kl. 9–15 i Skara (studiebesök)",
    writer="Tomas Berglund (värd)",
)
add(
    Mail(
        "anpassad-skola-minnesanteckningar-0523-brodtext",
        w,
        tomas.addr,
        "Minnesanteckningar Anpassad skola 23 maj",
        "Hej,\n\nHär kommer minnesanteckningarna från den gemensamma träffen i Lidköping.\n\n"
        + prot.text()
        + "\n"
        + sig(tomas),
    )
)

w = at(8, 20, 10, 31)
add(
    Mail(
        "anpassad-skola-ny-deltagare-ersatter",
        w,
        linnea.addr,
        "Ändring i förteckningen – nätverket Anpassad skola",
        "Hej!\n\nFrån och med 1 september ersätter Karin Dahlgren, rektor för anpassad "
        "grundskola i Tibro (karin.dahlgren@tibro.se), Per Holm i nätverket Anpassad skola. "
        "Per har gått i pension. Övriga deltagare är desamma.\n"
        + sig(linnea, "Sekreterare, Anpassad skola"),
    )
)

w = at(10, 22, 9, 12)
prot = Protocol(
    "Minnesanteckningar nätverket Anpassad skola",
    "torsdag 16 oktober 2025, kl. 9–15",
    "Skara, studiebesök",
    *present(ANPASSAD_AUG, "Tomas Berglund", "Pia Granlund"),
    items=[
        ("Studiebesök", "Besök på anpassad gymnasieskola och två praktikplatser i Skara."),
        ("Programutbud", "Kartläggningen av programutbudet presenterades."),
        ("Revidering av uppdraget", "Synpunkter till skolchefens årliga revidering."),
    ],
    next_meeting="fredag 19 december kl. 9–12 i Mariestad",
    writer="Jenny Kvist (värd)",
)
add(
    Mail(
        "anpassad-skola-minnesanteckningar-1016-docx",
        w,
        jenny.addr,
        "Minnesanteckningar studiebesök 16 oktober – Anpassad skola",
        "Hej!\n\nBifogar minnesanteckningarna från studiebesöket i Skara.\n" + sig(jenny),
        attachments=[
            Attachment(
                "Minnesanteckningar 2025-10-16 Anpassad skola.docx", prot.docx(jenny.name, w), DOCX
            )
        ],
    )
)

add(
    Mail(
        "anpassad-skola-kallelse-december",
        at(12, 10, 13, 0),
        eva.addr,
        "Kallelse: nätverket Anpassad skola fredag 19 december",
        "Hej alla!\n\nVälkomna till årets sista nätverksträff fredag 19 december kl. 9–12 i "
        "Mariestad. Linnea Åberg är värd.\n\nDagordning\n1. Inledning\n2. Årets arbete\n"
        "3. Datum 2026\n4. Övriga frågor\n\nGlögg serveras!\n"
        + sig(eva, "Ordförande, Anpassad skola"),
        to=", ".join(p.addr for p in ANPASSAD_AUG if p is not eva),
        cc=MAILBOX,
    )
)


# ================================================================ vuxenutbildning

anders = who(VUX, "Anders Wikström")
maria = who(VUX, "Maria Hellström")

w = at(1, 16, 11, 20)
vux_lines = ["Förteckning nätverket Vuxenutbildning 2025", ""]
for p in VUX:
    label = {
        "ordforande": "Ordförande",
        "sekreterare": "Sekreterare (presidiet)",
        "presidium": "Presidiet",
        "ledamot": "Ledamot",
    }[p.role]
    vux_lines.append(f"{label}: {p.name}, {p.muni}, {p.email}")
add(
    Mail(
        "vuxenutbildning-forteckning-brodtext",
        w,
        maria.addr,
        "Förteckning nätverket Vuxenutbildning 2025",
        "Hej!\n\nPå uppdrag av presidiet skickar jag förteckningen över nätverket "
        "Vuxenutbildning 2025.\n\n"
        + "\n".join(vux_lines)
        + "\n\nDatumen för årets träffar kommer när presidiet har fastställt arbetsordningen.\n"
        + sig(maria, "Sekreterare, presidiet för nätverket Vuxenutbildning"),
        html=html_of(
            "Hej!\n\nPå uppdrag av presidiet skickar jag förteckningen över nätverket "
            "Vuxenutbildning 2025.\n\n" + "\n".join(vux_lines)
        ),
    )
)

VUX_MEETINGS = [
    ("torsdag 13 mars", "09.00–12.00", "Stadshuset, Skövde", "Skövde (Lars Gustavsson)"),
    ("torsdag 27 mars", "09.00–12.00", "Kommunhuset, Nossebro", "Essunga (Maja Ekdahl)"),
    ("torsdag 8 maj", "09.00–12.00", "Stadshuset, Lidköping", "Lidköping (Emma Sjögren)"),
    ("torsdag 12 juni", "09.00–12.00", "Kommunhuset, Falköping", "Falköping (Robert Ek)"),
    ("torsdag 11 september", "09.00–12.00", "Kommunhuset, Töreboda", "Töreboda (Daniel Forsberg)"),
    ("torsdag 23 oktober", "09.00–12.00", "Rådhuset, Skara", "Skara (Anders Wikström)"),
    ("torsdag 4 december", "09.00–12.00", "Kommunhuset, Vara", "Vara (Sanna Björk)"),
]
w = at(3, 4, 14, 6)
add(
    Mail(
        "vuxenutbildning-motesplan-mars-docx",
        w,
        maria.addr,
        "Mötesdatum 2025 – nätverket Vuxenutbildning",
        "Hej!\n\nUrsäkta att datumen har dröjt. Presidiet har nu fastställt arbetsordningen "
        "och bifogat finns datum, tid och plats för årets nätverksträffar. Värdkommunen "
        "står för lokal och är sekreterare vid mötet. Vi ses redan den 13 mars i Skövde.\n"
        + sig(maria, "Sekreterare, presidiet för nätverket Vuxenutbildning"),
        attachments=[
            Attachment(
                "Mötesplan Vuxenutbildning 2025.docx",
                make_docx(
                    [
                        ("h", "Mötesplan 2025 – nätverket Vuxenutbildning", 1),
                        ("p", "Fastställd av presidiet 2025-03-03."),
                        (
                            "table",
                            [["Datum", "Tid", "Plats", "Värdkommun (sekreterare)"]]
                            + [list(m) for m in VUX_MEETINGS],
                        ),
                    ],
                    maria.name,
                    w,
                ),
                DOCX,
            )
        ],
    )
)


def vux_protocol(host: Person, when_text: str, place: str, absent: Sequence[str]) -> Protocol:
    return Protocol(
        "Protokoll nätverket Vuxenutbildning",
        when_text,
        place,
        *present(VUX, *absent),
        items=[
            (
                "Mötets öppnande",
                f"Ordföranden Anders Wikström öppnade mötet; {host.name} är sekreterare som värd.",
            ),
            ("Yrkesutbildningar med språkstöd", "Lägesrapport från arbetsgruppen."),
            ("Lärcenter", "Erfarenhetsutbyte om regional samverkan."),
            ("Samverkan med IM-nätverket", "Gemensamt presidiemöte planeras."),
        ],
        writer=f"{host.name}, {host.muni}",
    )


lars = who(VUX, "Lars Gustavsson")
w = at(3, 19, 10, 44)
prot = vux_protocol(
    lars, "torsdag 13 mars 2025, kl. 09.00–12.00", "Stadshuset, Skövde", ["Viktor Hedlund"]
)
add(
    Mail(
        "vuxenutbildning-protokoll-0313-docx",
        w,
        lars.addr,
        "Protokoll nätverket Vuxenutbildning 13 mars",
        "Hej!\n\nSkövde var värd för mötet den 13 mars; här är protokollet.\n" + sig(lars),
        attachments=[
            Attachment("Protokoll Vux-nätverket 2025-03-13.docx", prot.docx(lars.name, w), DOCX)
        ],
    )
)

maja = who(VUX, "Maja Ekdahl")
w = at(4, 3, 15, 30)
prot = vux_protocol(
    maja,
    "torsdag 27 mars 2025, kl. 09.00–12.00",
    "Kommunhuset, Nossebro",
    ["Hanna Lilja", "Peter Nyberg"],
)
add(
    Mail(
        "vuxenutbildning-protokoll-0327-pdf",
        w,
        maja.addr,
        "Protokoll vux 27/3",
        "Hej,\n\nBifogar protokollet från nätverket Vuxenutbildnings träff i Nossebro den "
        "27 mars.\n" + sig(maja),
        attachments=[Attachment("Protokoll vux 2025-03-27.pdf", prot.pdf(maja.name, w), PDF)],
    )
)

emma = who(VUX, "Emma Sjögren")
w = at(5, 19, 8, 52)
prot = vux_protocol(
    emma, "torsdag 8 maj 2025, kl. 09.00–12.00", "Stadshuset, Lidköping", ["Daniel Forsberg"]
)
add(
    Mail(
        "vuxenutbildning-protokoll-0508-pdf",
        w,
        emma.addr,
        "Protokoll nätverket Vuxenutbildning 8 maj",
        "Hej!\n\nHär kommer protokollet från träffen i Lidköping den 8 maj.\n" + sig(emma),
        attachments=[Attachment("Protokoll_Vux_20250508.pdf", prot.pdf(emma.name, w), PDF)],
    )
)

robert = who(VUX, "Robert Ek")
w = at(6, 17, 13, 15)
prot = vux_protocol(
    robert,
    "torsdag 12 juni 2025, kl. 09.00–12.00",
    "Kommunhuset, Falköping",
    ["Sanna Björk", "Maja Ekdahl"],
)
add(
    Mail(
        "vuxenutbildning-protokoll-0612-brodtext",
        w,
        robert.addr,
        "Protokoll Vuxenutbildning 12 juni",
        "Hej!\n\nFalköping var värd den 12 juni, så här kommer protokollet direkt i mejlet.\n\n"
        + prot.text()
        + "\n"
        + sig(robert),
    )
)

add(
    Mail(
        "vuxenutbildning-autosvar",
        at(7, 14, 10, 2),
        maria.addr,
        "Automatiskt svar: Påminnelse om protokoll och höstens träffar",
        "Tack för ditt mejl. Jag har semester till och med den 10 augusti. Vid brådskande "
        "ärenden, kontakta Lars Gustavsson, lars.gustavsson@skovde.se.\n\n"
        "Maria Hellström\nTidaholms kommun\n",
        headers=[
            ("Auto-Submitted", "auto-replied"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "maria.hellstrom@tidaholm.se"),
        ],
    )
)

# 11 September, hosted by Töreboda: no protocol ever arrives.

add(
    Mail(
        "vuxenutbildning-kallelse-oktober",
        at(10, 16, 7, 30),
        anders.addr,
        "Kallelse nätverket Vuxenutbildning torsdag 23 oktober",
        "Hej!\n\nVälkomna till Skara torsdag 23 oktober kl. 09.00–12.00, Rådhuset.\n\n"
        "Dagordning\n1. Mötets öppnande\n2. Lärcenter\n3. KomX\n4. Arbetsordning 2026\n"
        "5. Övriga frågor\n\nDaniel: kan du skicka protokollet från Töreboda i september?\n"
        + sig(anders, "Ordförande, nätverket Vuxenutbildning"),
        to=", ".join(p.addr for p in VUX if p is not anders),
        cc=MAILBOX,
    )
)

w = at(10, 29, 14, 40)
prot = vux_protocol(
    anders, "torsdag 23 oktober 2025, kl. 09.00–12.00", "Rådhuset, Skara", ["Emma Sjögren"]
)
add(
    Mail(
        "vuxenutbildning-protokoll-1023-docx",
        w,
        anders.addr,
        "Protokoll nätverket Vuxenutbildning 23 oktober",
        "Hej!\n\nSkara var värd för oktoberträffen; protokollet är bifogat.\n"
        + sig(anders, "Ordförande, nätverket Vuxenutbildning"),
        attachments=[
            Attachment("Protokoll Vux-nätverket 2025-10-23.docx", prot.docx(anders.name, w), DOCX)
        ],
    )
)

sanna = who(VUX, "Sanna Björk")
w = at(12, 10, 9, 58)
prot = vux_protocol(
    sanna,
    "torsdag 4 december 2025, kl. 09.00–12.00",
    "Kommunhuset, Vara",
    ["Robert Ek", "Viktor Hedlund"],
)
add(
    Mail(
        "vuxenutbildning-protokoll-1204-pdf",
        w,
        sanna.addr,
        "Protokoll Vuxenutbildning 4 december",
        "Hej!\n\nBifogar protokollet från nätverksträffen i Vara den 4 december.\n" + sig(sanna),
        attachments=[Attachment("Protokoll vux 2025-12-04.pdf", prot.pdf(sanna.name, w), PDF)],
    )
)


# ================================================================ grundskola

henrik = GRUND_SEKR
petra = GRUND_ORDF
GRUND_SIG = "Sekreterare, nätverket Grundskola"

w = at(1, 21, 12, 33)
add(
    Mail(
        "grundskola-motesplan",
        w,
        henrik.addr,
        "Plats och tid för nätverksträffarna 2025 – Grundskola",
        "Hej!\n\nHär kommer plats och tid för grundskolenätverkets träffar 2025:\n\n"
        "torsdag 13 februari kl. 13.00-16.00, Kommunhuset, Falköping\n"
        "8/5 kl 13-16, Skaraborgs Kommunalförbund, Skövde\n"
        "torsdag 18 september kl. 13.00–16.00, Stadshuset, Lidköping\n"
        "27/11 kl. 13.00–16.00, Kommunhuset, Tidaholm\n\n"
        "Förteckningen över nätverkets medlemmar skickar jag så snart alla kommuner har "
        "svarat vem som representerar dem.\n" + sig(henrik, GRUND_SIG),
    )
)

w = at(2, 24, 10, 12)
prot = Protocol(
    "Protokoll grundskolenätverket",
    "torsdag 13 februari 2025, kl. 13.00–16.00",
    "Kommunhuset, Falköping",
    GRUND_PRESENT[:6],
    GRUND_PRESENT[6:],
    items=[
        ("Mötets öppnande", "Ordföranden Petra Almqvist öppnade mötet."),
        ("Mottagande av nyanlända", "Erfarenhetsutbyte om studiehandledning på modersmålet."),
        ("Skolnärvaro", "Kommunerna delar sina rutiner för frånvarouppföljning."),
    ],
    next_meeting="8 maj kl. 13–16 i Skövde",
    writer="Henrik Sandberg",
)
add(
    Mail(
        "grundskola-protokoll-0213-docx",
        w,
        henrik.addr,
        "Protokoll 13/2",
        "Hej!\n\nBifogar protokollet från grundskolenätverkets träff den 13 februari.\n"
        + sig(henrik, GRUND_SIG),
        attachments=[
            Attachment(
                "Protokoll grundskolenätverket 2025-02-13.docx", prot.docx(henrik.name, w), DOCX
            )
        ],
    )
)

w = at(5, 14, 16, 5)
prot = Protocol(
    "Protokoll grundskolenätverket",
    "torsdag 8 maj 2025, kl. 13.00–16.00",
    "Skaraborgs Kommunalförbund, Skövde",
    GRUND_PRESENT[:5] + GRUND_PRESENT[6:],
    GRUND_PRESENT[5:6],
    items=[
        ("Mötets öppnande", "Petra Almqvist öppnade mötet."),
        ("Kompetensförsörjning", "Rekrytera och behålla legitimerad personal i Skaraborg."),
        ("Fullföljda studier", "Utvecklingsprojekt som gett resultat delades."),
    ],
    next_meeting="torsdag 18 september kl. 13.00–16.00, Stadshuset, Lidköping",
    writer="Henrik Sandberg",
)
grund_may = add(
    Mail(
        "grundskola-protokoll-0508-brodtext",
        w,
        henrik.addr,
        "Protokoll grundskolenätverket 8 maj",
        "Hej!\n\nProtokollet från träffen den 8 maj:\n\n"
        + prot.text()
        + "\n"
        + sig(henrik, GRUND_SIG),
    )
)

w = at(5, 16, 8, 20)
prot.present = GRUND_PRESENT[:5] + GRUND_PRESENT[7:]
prot.absent = GRUND_PRESENT[5:7]
add(
    Mail(
        "grundskola-protokoll-0508-rattad",
        w,
        henrik.addr,
        "SV: Protokoll grundskolenätverket 8 maj – rättad version",
        "Hej igen!\n\nRättad version: Gunilla Hagström (Vara) hade anmält förhinder och ska "
        "inte stå som närvarande. I övrigt oförändrat.\n\n"
        + prot.text()
        + "\n"
        + sig(henrik, GRUND_SIG),
        in_reply_to=grund_may.message_id,
    )
)

w = at(9, 2, 13, 44)
add(
    Mail(
        "grundskola-mote-installt",
        w,
        henrik.addr,
        "Inställt: grundskolenätverkets träff 18 september",
        "Hej alla!\n\nMötet den 18 september ställs in på grund av att flera kommuner har "
        "krockande rektorskonferenser. Vi hittar tyvärr inget nytt datum i höst, så nästa "
        "träff blir som planerat i Tidaholm i november.\n" + sig(henrik, GRUND_SIG),
        cc=petra.addr,
    )
)

add(
    Mail(
        "grundskola-kallelse-november",
        at(11, 20, 7, 50),
        petra.addr,
        "Kallelse grundskolenätverket torsdag 27 november",
        "Hej!\n\nVälkomna till grundskolenätverkets träff torsdag 27 november kl. 13.00–16.00 "
        "i Kommunhuset, Tidaholm.\n\nDagordning\n1. Mötets öppnande\n2. Skolnärvaro\n"
        "3. Nyanländas lärande\n4. Mötesplan och förteckning 2026\n5. Övriga frågor\n"
        + sig(petra, "Ordförande, nätverket Grundskola"),
        cc=henrik.addr,
    )
)

w = at(12, 3, 11, 18)
prot = Protocol(
    "Protokoll grundskolenätverket",
    "torsdag 27 november 2025, kl. 13.00–16.00",
    "Kommunhuset, Tidaholm",
    GRUND_PRESENT[:4] + GRUND_PRESENT[5:],
    GRUND_PRESENT[4:5],
    items=[
        ("Mötets öppnande", "Petra Almqvist öppnade mötet."),
        ("Skolnärvaro", "Uppföljning av höstens frånvarostatistik."),
        ("Planering 2026", "Mötesplan och förteckning för 2026 skickas i januari."),
    ],
    writer="Henrik Sandberg",
)
add(
    Mail(
        "grundskola-protokoll-1127-pdf",
        w,
        henrik.addr,
        "Protokoll grundskolenätverket 27 november",
        "Hej!\n\nBifogar protokollet från novemberträffen i Tidaholm.\n" + sig(henrik, GRUND_SIG),
        attachments=[
            Attachment(
                "Protokoll grundskolenätverket 2025-11-27.pdf", prot.pdf(henrik.name, w), PDF
            )
        ],
    )
)


# ================================================================ förskola

malin = who(FORSKOLA, "Malin Torstensson")
josefin = who(FORSKOLA, "Josefin Alm")
FSK_SIG = "Sekreterare, nätverket Förskola"

w = at(1, 15, 14, 27)
fsk_blocks: list[Block] = [
    ("h", "Förteckning över nätverket Förskola 2025", 1),
    ("b", "Presidium"),
    ("p", f"Ordförande: {malin.name}, {malin.muni}, {malin.email}"),
    ("p", f"Sekreterare: {josefin.name}, {josefin.muni}, {josefin.email}"),
]
fsk_blocks += [
    ("p", f"Presidiet: {p.name}, {p.muni}, {p.email}") for p in FORSKOLA if p.role == "presidium"
]
fsk_blocks += [
    ("b", "Övriga medlemmar"),
    (
        "table",
        [["Namn", "Kommun", "E-post"]]
        + [[p.name, p.muni, p.email] for p in FORSKOLA if p.role == "ledamot"],
    ),
]
add(
    Mail(
        "forskola-forteckning-docx",
        w,
        josefin.addr,
        "Förteckning nätverket förskola 2025",
        "Hej!\n\nBifogar förteckningen över personerna i förskolenätverket 2025. Presidiet "
        "är Malin Torstensson (ordförande), jag själv (sekreterare), Therese Lundgren och "
        "Karolina Blom.\n" + sig(josefin, FSK_SIG),
        attachments=[
            Attachment(
                "Förteckning förskolenätverket 2025.docx",
                make_docx(fsk_blocks, josefin.name, w),
                DOCX,
            )
        ],
    )
)

w = at(1, 22, 9, 36)
add(
    Mail(
        "forskola-motesplan",
        w,
        josefin.addr,
        "Nätverksträffar förskola 2025 – plats och tid",
        "Hej!\n\nHär kommer plats och tid för förskolenätverkets träffar 2025:\n\n"
        "fredagen den 7 februari kl. 8.30–12.00, Stadshuset, Lidköping\n"
        "fredagen den 4 april kl. 8.30–12.00, Kommunhuset, Vara\n"
        "fredagen den 20 juni kl. 8.30–12.00, Kommunhuset, Tibro\n"
        "fredagen den 26 september kl. 8.30–12.00, Stadshuset, Tidaholm\n"
        "fredagen den 21 november kl. 8.30–12.00, Stadshuset, Skövde\n\n"
        "Kallelse och dagordning kommer från Malin inför varje träff.\n" + sig(josefin, FSK_SIG),
        html=html_of(
            "Hej!\n\nHär kommer plats och tid för förskolenätverkets träffar 2025:\n\n"
            "fredagen den 7 februari kl. 8.30–12.00, Stadshuset, Lidköping\n"
            "fredagen den 4 april kl. 8.30–12.00, Kommunhuset, Vara\n"
            "fredagen den 20 juni kl. 8.30–12.00, Kommunhuset, Tibro\n"
            "fredagen den 26 september kl. 8.30–12.00, Stadshuset, Tidaholm\n"
            "fredagen den 21 november kl. 8.30–12.00, Stadshuset, Skövde\n\n"
            "Kallelse och dagordning kommer från Malin inför varje träff." + sig(josefin, FSK_SIG)
        ),
    )
)

w = at(2, 12, 15, 3)
prot = Protocol(
    "Minnesanteckningar förskolenätverket",
    "fredag 7 februari 2025, kl. 8.30–12.00",
    "Stadshuset, Lidköping",
    *present(FORSKOLA, "Ingela Ros", "Birgitta Wall"),
    items=[
        ("Välkommen", "Malin Torstensson hälsade välkommen."),
        ("Språkutvecklande arbete", "Erfarenhetsutbyte mellan kommunerna."),
        ("Volymminskning", "Hur kommunerna organiserar när barnkullarna minskar."),
    ],
    next_meeting="fredag 4 april i Vara",
    writer="Josefin Alm",
)
add(
    Mail(
        "forskola-minnesanteckningar-0207-docx",
        w,
        josefin.addr,
        "Minnesanteckningar förskolenätverket 7 februari",
        "Hej!\n\nBifogar minnesanteckningarna från träffen den 7 februari, för publicering på "
        "utbildningskaraborg.se.\n" + sig(josefin, FSK_SIG),
        attachments=[
            Attachment(
                "Minnesanteckningar förskola 2025-02-07.docx", prot.docx(josefin.name, w), DOCX
            )
        ],
    )
)

w = at(4, 9, 11, 11)
prot = Protocol(
    "Minnesanteckningar förskolenätverket",
    "fredag 4 april 2025, kl. 8.30–12.00",
    "Kommunhuset, Vara",
    *present(FORSKOLA, "Jessica Falk"),
    items=[
        ("Välkommen", "Josefin Alm hälsade välkommen till Vara."),
        ("Övergångar", "Övergången förskola–förskoleklass: gemensam checklista."),
        ("Närvaro", "Barnens närvaro på förskolan; kommunerna jämför statistik."),
    ],
    next_meeting="fredag 20 juni i Tibro",
    writer="Josefin Alm",
)
add(
    Mail(
        "forskola-minnesanteckningar-0404-pdf",
        w,
        josefin.addr,
        "Minnesanteckningar 4/4 förskola",
        "Hej!\n\nHär är minnesanteckningarna från fredagens träff i Vara.\n"
        + sig(josefin, FSK_SIG),
        attachments=[
            Attachment("Minnesanteckningar_forskola_2025-04-04.pdf", prot.pdf(josefin.name, w), PDF)
        ],
    )
)

w = at(5, 26, 8, 9)
add(
    Mail(
        "forskola-mote-flyttas-midsommar",
        w,
        josefin.addr,
        "Nytt datum för junimötet – förskolenätverket",
        "Hej alla!\n\nMötet den 20 juni flyttas till fredagen den 13 juni, samma tid "
        "(8.30–12.00) och plats (Kommunhuset, Tibro). Jag hade missat att den 20 juni är "
        "midsommarafton!\n" + sig(josefin, FSK_SIG),
        to=", ".join(p.addr for p in FORSKOLA if p is not josefin),
        cc=MAILBOX,
    )
)

# Sent from a phone 12 minutes after midnight: it counts from 1 July, not 30 June.
w = at(7, 1, 0, 12)
prot = Protocol(
    "Minnesanteckningar förskolenätverket",
    "fredag 13 juni 2025, kl. 8.30–12.00",
    "Kommunhuset, Tibro",
    *present(FORSKOLA, "Louise Ferm", "Amira Hassan", "Frida Nord"),
    items=[
        ("Välkommen", "Therese Lundgren hälsade välkommen till Tibro."),
        ("Trygghet och lekro", "Erfarenheter av arbetet med trygghet och lekro."),
        ("Hösten", "Presidiet planerar höstens teman."),
    ],
    next_meeting="fredag 26 september i Tidaholm",
    writer="Josefin Alm",
)
add(
    Mail(
        "forskola-minnesanteckningar-0613-midnatt-brodtext",
        w,
        josefin.addr,
        "Minnesanteckningar förskola 13 juni",
        "Hej! Förlåt att det dröjt, här kommer minnesanteckningarna från junimötet.\n\n"
        + prot.text()
        + "\n\n/Josefin\n\nSkickat från min iPhone",
        msgid_style="apple",
        cte="8bit",
        headers=[("X-Mailer", "iPhone Mail (22F76)")],
    )
)

add(
    Mail(
        "forskola-kallelse-september",
        at(9, 19, 13, 25),
        malin.addr,
        "Kallelse förskolenätverket fredag 26 september",
        "Hej alla!\n\nVälkomna till förskolenätverkets träff fredag 26 september kl. "
        "8.30–12.00 i Stadshuset, Tidaholm.\n\nDagordning\n1. Välkommen\n2. Språkutvecklande "
        "arbete\n3. Volymminskning\n4. Övriga frågor\n"
        + sig(malin, "Ordförande, nätverket Förskola"),
        to=", ".join(p.addr for p in FORSKOLA if p is not malin),
        cc=MAILBOX,
    )
)

w = at(10, 2, 10, 0)
prot = Protocol(
    "Minnesanteckningar förskolenätverket",
    "fredag 26 september 2025, kl. 8.30–12.00",
    "Stadshuset, Tidaholm",
    *present(FORSKOLA, "Cecilia Borg"),
    items=[
        ("Välkommen", "Karolina Blom hälsade välkommen till Tidaholm."),
        ("Språkutvecklande arbete", "Gemensam fortbildning under våren 2026."),
        ("Volymminskning", "Fortsatt erfarenhetsutbyte."),
    ],
    next_meeting="fredag 21 november i Skövde",
    writer="Josefin Alm",
)
add(
    Mail(
        "forskola-minnesanteckningar-0926-docx",
        w,
        josefin.addr,
        "Minnesanteckningar förskolenätverket 26 september",
        "Hej!\n\nBifogar minnesanteckningarna från träffen i Tidaholm.\n" + sig(josefin, FSK_SIG),
        attachments=[
            Attachment(
                "Minnesanteckningar förskola 2025-09-26.docx", prot.docx(josefin.name, w), DOCX
            )
        ],
    )
)

# An unknown private address sends a different member list: it must wait for review.
lena_lines = [
    "Ordförande: Malin Torstensson, Lidköping",
    "Sekreterare: Lena Vikström, Skara, lena.vikstrom.skara@gmail.com",
    "Presidiet: Therese Lundgren, Tibro",
    "Presidiet: Karolina Blom, Tidaholm",
    "Ulrika Sten, Skövde",
    "Amira Hassan, Falköping",
    "Louise Ferm, Mariestad",
    "Birgitta Wall, Hjo",
    "Frida Nord, Grästorp",
    "Ingela Ros, Gullspång",
    "Jessica Falk, Götene",
    "Josefin Alm, Vara",
]
add(
    Mail(
        "forskola-forteckning-okand-gmail",
        at(10, 6, 21, 17),
        "Lena Vikström <lena.vikstrom.skara@gmail.com>",
        "Ny förteckning förskolenätverket",
        "Hej!\n\nJag har börjat som rektor för förskolorna i Skara och har blivit tillfrågad "
        "om att ta över som sekreterare i förskolenätverket. Här är förteckningen som den "
        "ser ut nu, jag ersätter Cecilia Borg för Skara:\n\n"
        + "\n".join(lena_lines)
        + "\n\nSkickar från min privata mejl eftersom jag inte har fått min kommunadress än.\n\n"
        "Vänliga hälsningar\nLena Vikström\n",
        msgid_style="gmail",
        cte="base64",
        html='<div dir="ltr">'
        + "<br>".join(
            [
                "Hej!",
                "",
                "Jag har börjat som rektor för förskolorna i Skara och har blivit "
                "tillfrågad om att ta över som sekreterare i förskolenätverket. Här är "
                "förteckningen som den ser ut nu, jag ersätter Cecilia Borg för Skara:",
                "",
                *lena_lines,
                "",
                "Vänliga hälsningar",
                "Lena Vikström",
            ]
        )
        + "</div>\n",
    )
)

w = at(11, 27, 14, 44)
prot = Protocol(
    "Minnesanteckningar förskolenätverket",
    "fredag 21 november 2025, kl. 8.30–12.00",
    "Stadshuset, Skövde",
    *present(FORSKOLA, "Therese Lundgren", "Jessica Falk"),
    items=[
        ("Välkommen", "Ulrika Sten hälsade välkommen till Skövde."),
        ("Årets arbete", "Utvärdering av årets teman."),
        ("Revidering av uppdraget", "Synpunkter till skolchefens årliga revidering."),
    ],
    next_meeting="datum för 2026 skickas ut i januari",
    writer="Josefin Alm",
)
add(
    Mail(
        "forskola-minnesanteckningar-1121-pdf",
        w,
        josefin.addr,
        "Minnesanteckningar förskolenätverket 21 november",
        "Hej!\n\nBifogar minnesanteckningarna från novemberträffen i Skövde.\n"
        + sig(josefin, FSK_SIG),
        attachments=[
            Attachment("Minnesanteckningar förskola 2025-11-21.pdf", prot.pdf(josefin.name, w), PDF)
        ],
    )
)


# ================================================================ distraction: newsletter

NEWS = (
    "Nyhetsbrev oktober 2025 – Utbildning Skaraborg\n\n"
    "Konferens: Närvaro och studiero\n"
    "För rektorer i grundskolan och förskoleklass. Torsdag 20 november 2025 kl. 9–16, "
    "Skövde. Anmälan senast 31 oktober.\n\n"
    "Nytt från nätverken\n"
    "Förskolenätverket och nätverket Anpassad skola publicerar sina minnesanteckningar "
    "på utbildningskaraborg.se.\n\n"
    "Du får det här nyhetsbrevet eftersom adressen prenumererar. Avsluta prenumerationen: "
    "https://www.skaraborg.se/nyhetsbrev/avsluta\n"
)
add(
    Mail(
        "nyhetsbrev-oktober",
        at(10, 14, 7, 0),
        "Utbildning Skaraborg nyhetsbrev <nyhetsbrev@skaraborg.se>",
        "Nyhetsbrev oktober: konferens om närvaro och studiero",
        NEWS,
        msgid_style="list",
        html=html_of(NEWS),
        headers=[
            ("Precedence", "bulk"),
            ("List-Id", "Nyhetsbrev Utbildning Skaraborg <nyhetsbrev.skaraborg.se>"),
            ("List-Unsubscribe", "<https://www.skaraborg.se/nyhetsbrev/avsluta>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("X-Mailer", "Nyhetsbrevstjänsten 4.2"),
        ],
    )
)


# ================================================================ write


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.eml"):
        old.unlink()
    ordered = sorted(MAILS, key=lambda m: (m.when, m.slug))
    for n, mail in enumerate(ordered, start=1):
        path = OUT / f"{n:03d}-{mail.slug}.eml"
        path.write_bytes(mail.build().as_bytes(policy=policy.default))
    print(f"wrote {len(ordered)} mails to {OUT}")


if __name__ == "__main__":
    main()
