#!/usr/bin/env python3
"""Generate the real-layout HOLDOUT corpus for `mailbot parse --json`.

Run from the repository root:

    .venv/bin/python tests/corpus_real_holdout/generate.py

Writes NNN-name.eml and NNN-name.json next to this script (old NNN-*.eml/json are
removed first). Everything is deterministic: fixed Date headers, Message-IDs, MIME
boundaries, zip timestamps, document properties and PDF creation dates.

The author of this corpus has not seen mailbot's code, tests/corpus_real/ or the
tests. The layouts are modelled on real public Swedish municipal documents (listed
in README.md); every person is invented. Municipalities and places are real.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import quopri
import re
import sys
import zipfile
from datetime import UTC, datetime
from email.header import Header
from email.utils import formataddr
from html import escape
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
MAILBOX = "utbildning@skaraborg.se"
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
CASES: list[tuple[str, bytes, dict]] = []


# ---------------------------------------------------------------- determinism


def h(seed: str, n: int = 32) -> str:
    return hashlib.sha256(seed.encode("utf-8")).hexdigest().upper()[:n]


def mid_exchange(seed: str, host: str = "GV3P280MB0712") -> str:
    return f"<{host}{h(seed, 20)}@{host}.SWEP280.PROD.OUTLOOK.COM>"


def mid_apple(seed: str, domain: str) -> str:
    x = h(seed, 32)
    return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}@{domain}>"


def mid_thunderbird(seed: str, domain: str) -> str:
    x = h(seed, 32).lower()
    return f"<{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}@{domain}>"


def thread_index(seed: str) -> str:
    return base64.b64encode(hashlib.sha256(seed.encode()).digest()[:22]).decode()


def boundary(seed: str, style: str = "outlook") -> str:
    if style == "outlook":
        return f"_00{len(seed) % 10}_{h(seed, 36)}_"
    if style == "apple":
        return f"Apple-Mail={h(seed, 8)}-{h(seed + 'x', 4)}-{h(seed + 'y', 4)}-{h(seed + 'z', 12)}"
    return f"------------{h(seed, 24)}"


# ---------------------------------------------------------------- MIME by hand


def enc_header(value: str) -> str:
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()


def mailbox(name: str, email: str) -> str:
    return formataddr((name, email), charset="utf-8") if name else email


class Part:
    def __init__(self, headers: list[str], body: bytes):
        self.headers = headers
        self.body = body if body.endswith(b"\n") else body + b"\n"

    def bytes(self) -> bytes:
        return ("\n".join(self.headers)).encode("ascii") + b"\n\n" + self.body


def b64(data: bytes) -> bytes:
    s = base64.b64encode(data).decode("ascii")
    return ("\n".join(s[i : i + 76] for i in range(0, len(s), 76)) + "\n").encode("ascii")


def text(
    body: str, subtype: str = "plain", charset: str = "utf-8", cte: str = "qp", params: str = ""
) -> Part:
    raw = body.encode(charset)
    if cte == "qp":
        data, cte_name = quopri.encodestring(raw), "quoted-printable"
    elif cte == "b64":
        data, cte_name = b64(raw), "base64"
    else:
        data, cte_name = raw, cte
    return Part(
        [
            f'Content-Type: text/{subtype}; charset="{charset}"{params}',
            f"Content-Transfer-Encoding: {cte_name}",
        ],
        data,
    )


def attach(
    data: bytes, ctype: str, filename: str, style: str = "outlook", disposition: str = "attachment"
) -> Part:
    if style == "outlook":  # RFC 2047 inside quotes, as Outlook/Exchange writes it
        try:
            filename.encode("ascii")
            enc = filename
        except UnicodeEncodeError:
            enc = Header(filename, "utf-8").encode(maxlinelen=1000)
        ct = f'Content-Type: {ctype};\n\tname="{enc}"'
        cd = (
            f'Content-Disposition: {disposition};\n\tfilename="{enc}"; size={len(data)};\n'
            f'\tcreation-date="Wed, 01 Jan 2025 08:00:00 GMT";\n'
            f'\tmodification-date="Wed, 01 Jan 2025 08:00:00 GMT"'
        )
    else:  # RFC 2231, as Thunderbird and Apple Mail write it
        q = quote(filename, safe="")
        ct = f"Content-Type: {ctype};\n name*=utf-8''{q}"
        cd = f"Content-Disposition: {disposition};\n filename*=utf-8''{q}"
    return Part([ct, cd, "Content-Transfer-Encoding: base64"], b64(data))


def multi(subtype: str, bnd: str, parts: list[Part], extra: str = "") -> Part:
    out = [b"This is a multi-part message in MIME format.\n\n"] if subtype == "mixed" else []
    for p in parts:
        out.append(b"--" + bnd.encode() + b"\n" + p.bytes())
    out.append(b"--" + bnd.encode() + b"--\n")
    return Part([f'Content-Type: multipart/{subtype};\n\tboundary="{bnd}"{extra}'], b"".join(out))


def message(headers: list[tuple[str, str]], body: Part) -> bytes:
    lines = [f"{k}: {v}" for k, v in headers] + ["MIME-Version: 1.0"]
    return Part(lines + body.headers, body.body).bytes()


def outlook_html(body: str) -> str:
    paras = []
    for line in body.split("\n"):
        paras.append(
            f'<p class="MsoNormal">{escape(line) if line.strip() else "&nbsp;"}<o:p></o:p></p>'
        )
    return wrap_outlook_html("\n".join(paras))


def wrap_outlook_html(inner: str) -> str:
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        "<style><!--\n"
        "p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; "
        'font-family:"Aptos",sans-serif;}\n'
        "table.MsoTableGrid {border-collapse:collapse;}\n"
        "--></style>\n</head>\n"
        '<body lang="SV" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n' + inner + "\n</div>\n</body>\n</html>\n"
    )


def outlook_headers(
    seed: str,
    frm: str,
    subject: str,
    date: str,
    to: str = MAILBOX,
    cc: str | None = None,
    attach_: bool = False,
    reply_to_mid: str | None = None,
) -> list[tuple[str, str]]:
    hd = [("From", frm), ("To", to)]
    if cc:
        hd.append(("CC", cc))
    hd += [
        ("Subject", enc_header(subject)),
        ("Thread-Topic", enc_header(re.sub(r"^(SV|VB|Sv|RE|AW): ", "", subject))),
        ("Thread-Index", thread_index(seed)),
        ("Date", date),
        ("Message-ID", mid_exchange(seed)),
    ]
    if reply_to_mid:
        hd += [("References", reply_to_mid), ("In-Reply-To", reply_to_mid)]
    hd += [
        ("Accept-Language", "sv-SE, en-US"),
        ("Content-Language", "sv-SE"),
        ("X-MS-Has-Attach", "yes" if attach_ else ""),
        ("X-MS-TNEF-Correlator", ""),
        ("msip_labels", ""),
    ]
    return hd


def outlook_mail(
    seed: str,
    frm: str,
    subject: str,
    date: str,
    plain: str,
    html: str | None = None,
    attachments: list[Part] = (),
    **kw,
) -> tuple[bytes, str]:
    alt = multi(
        "alternative",
        boundary(seed + "alt"),
        [text(plain), text(html or outlook_html(plain), "html")],
    )
    body = alt
    if attachments:
        body = multi("mixed", boundary(seed + "mix"), [alt, *attachments])
    hd = outlook_headers(seed, frm, subject, date, attach_=bool(attachments), **kw)
    return message(hd, body), mid_exchange(seed)


# ---------------------------------------------------------------- documents


def fixed_zip(data: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2025-01-01T08:00:00Z",
                    content,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            zout.writestr(zi, content)
    return out.getvalue()


def docx_bytes(build, author: str) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.revision = 2
    cp.created = datetime(2025, 1, 1, 8, 0, 0)
    cp.modified = datetime(2025, 1, 1, 8, 0, 0)
    buf = io.BytesIO()
    d.save(buf)
    return fixed_zip(buf.getvalue())


def cell_lines(cell, lines: list[str], bold: bool = False) -> None:
    """Fill a Word cell with one paragraph per line, as people type lists in cells."""
    cell.text = ""
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        p = first if i == 0 else cell.add_paragraph()
        r = p.add_run(line)
        r.bold = bold


def docx_grid(d, rows: list[list], header_bold: bool = True, style: str = "Table Grid"):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = style
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            lines = val if isinstance(val, list) else [val]
            cell_lines(t.cell(r, c), lines, bold=header_bold and r == 0)
    return t


def xlsx_bytes(build, author: str) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    build(wb)
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = datetime(2025, 1, 1, 8, 0, 0)
    wb.properties.modified = datetime(2025, 1, 1, 8, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_zip(buf.getvalue())


def latin1(s: str) -> str:
    s.encode("latin-1")  # the core Helvetica font only has Latin-1
    return s


def new_pdf(author: str, title: str):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2025, 1, 1, 8, 0, 0, tzinfo=UTC))
    pdf.set_author(latin1(author))
    pdf.set_title(latin1(title))
    pdf.set_creator("Microsoft Word")
    pdf.set_producer("Microsoft: Print To PDF")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, 18)
    pdf.add_page()
    return pdf


# ---------------------------------------------------------------- expected JSON


def member(name, email=None, municipality=None, role="ledamot"):
    return {"name": name, "email": email, "municipality": municipality, "role": role}


def meeting(date, start=None, end=None, place=None):
    return {"date": date, "start": start, "end": end, "place": place}


def add(
    name: str,
    raw: bytes,
    *,
    mid: str,
    frm: str,
    subject: str,
    disposition: str,
    network,
    kinds=(),
    members=(),
    meetings=(),
    protocol=None,
    reasons=(),
    ignored_reason=None,
) -> None:
    exp = {
        "message_id": mid,
        "from": frm.lower(),
        "subject": subject,
        "disposition": disposition,
        "ignored_reason": ignored_reason,
        "network": network,
        "kinds": sorted(kinds),
        "members": list(members),
        "meetings": sorted(meetings, key=lambda m: (m["date"], m["start"] or "")),
        "protocol": protocol,
        "reasons": list(reasons),
    }
    CASES.append((name, raw, exp))


def person(name: str, email: str) -> str:
    return mailbox(name, email)


# ============================================================================
# 001 förskola: protocol front page in the municipal template (label/value table)
# ============================================================================


def c001():
    seed = "rh001"
    frm, addr_ = "Jenny Brink", "jenny.brink@vara.se"
    subject = "Protokoll förskolenätverket 14 november"
    present = [
        "Cecilia Hammar, Lidköping, ordförande",
        "Jenny Brink, Vara, sekreterare",
        "Petra Ljungqvist, Tibro",
        "Anneli Roos, Tidaholm",
        "Sara Wennberg, Skövde",
        "Emelie Dahlgren, Falköping",
        "Hanna Sjögren, Skara",
        "Karolina Modig, Hjo",
        "Therese Alm, Grästorp",
        "Mona Ekwall, Töreboda",
    ]

    def build(d):
        top = docx_grid(
            d,
            [
                [
                    "Förskolenätverket Skaraborg",
                    "PROTOKOLL",
                    "Sammanträdesdatum\n2025-11-14",
                    "Sida\n1 (3)",
                ]
            ],
            header_bold=False,
            style="Normal Table",
        )
        top.cell(0, 1).paragraphs[0].runs[0].bold = True
        d.add_paragraph("")
        docx_grid(
            d,
            [
                [
                    "Plats och tid",
                    [
                        "Stadshuset, Skara, sal Gudhem",
                        "fredagen den 14 november 2025, kl. 09.00–12.00",
                    ],
                ],
                ["Närvarande", present],
                ["Anmält förhinder", ["Lotta Rydén, Mariestad", "Johanna Lilja, Karlsborg"]],
                [
                    "Övriga deltagande",
                    ["Eva-Lena Brodin, utvecklingsledare, Skaraborgs Kommunalförbund, § 4"],
                ],
                ["Utses att justera", "Sara Wennberg"],
                ["Justeringens plats och tid", "Digital justering 2025-11-19"],
                [
                    "Underskrifter",
                    [
                        "Sekreterare ……………………………………  Paragrafer 1–8",
                        "Jenny Brink",
                        "",
                        "Ordförande ……………………………………",
                        "Cecilia Hammar",
                        "",
                        "Justerare ……………………………………",
                        "Sara Wennberg",
                    ],
                ],
            ],
            header_bold=False,
        )
        d.add_paragraph("")
        p = d.add_paragraph()
        p.add_run("PUBLICERING").bold = True
        docx_grid(
            d,
            [
                ["Organ", "Förskolenätverket Skaraborg"],
                ["Sammanträdesdatum", "2025-11-14"],
                ["Publiceras på utbildningskaraborg.se", "2025-11-20"],
                ["Förvaringsplats för protokollet", "Skaraborgs Kommunalförbund, Skövde"],
            ],
            header_bold=False,
        )
        d.add_page_break()
        items = [
            ("§ 1 Mötets öppnande", "Ordföranden hälsar välkomna och förklarar mötet öppnat."),
            (
                "§ 2 Val av justerare",
                "Sara Wennberg utses att jämte ordföranden justera protokollet.",
            ),
            (
                "§ 3 Föregående protokoll",
                "Protokollet från 2025-09-26 godkänns och läggs till handlingarna.",
            ),
            (
                "§ 4 Information från Skaraborgs Kommunalförbund",
                "Eva-Lena Brodin informerar om den regionala satsningen på språkutvecklande "
                "arbetssätt. Anmälan till utbildningsdagen görs senast 2025-12-12.",
            ),
            (
                "§ 5 Arbetsordning 2026",
                "Presidiet redovisar förslag till arbetsordning. "
                "Nätverket ställer sig bakom förslaget. Datumen för 2026 "
                "skickas ut av ordföranden i december.",
            ),
            (
                "§ 6 Erfarenhetsutbyte",
                "Runda kring bemanning och kompetensförsörjning i förskolan.",
            ),
            (
                "§ 7 Nästa sammanträde",
                "Fredag 23 januari 2026 kl. 09.00–12.00, Götene, Kommunhuset.",
            ),
            (
                "§ 8 Mötets avslutande",
                "Ordföranden tackar för visat intresse och avslutar mötet kl. 11.50.",
            ),
        ]
        for head, body in items:
            p = d.add_paragraph()
            p.add_run(head).bold = True
            d.add_paragraph(body)

    doc = docx_bytes(build, frm)
    plain = (
        "Hej!\n\nBifogar justerat protokoll från förskolenätverkets möte i Skara den "
        "14 november.\n\nVänliga hälsningar\nJenny Brink\nRektor förskola\n"
        "Vara kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Wed, 19 Nov 2025 15:42:07 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Protokoll förskolenätverket 2025-11-14.docx",
            )
        ],
    )
    attendees = [p.split(",")[0] for p in present] + ["Eva-Lena Brodin"]
    add(
        "001-forskola-protokoll-framsida-docx",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting("2025-11-14", "09:00", "12:00", "Stadshuset, Skara, sal Gudhem"),
            meeting("2026-01-23", "09:00", "12:00", "Götene, Kommunhuset"),
        ],
        protocol={"meeting_date": "2025-11-14", "attendees": attendees},
        reasons=[
            "municipal protocol template: a label/value table 'Plats och tid', 'Närvarande', "
            "'Anmält förhinder', 'Övriga deltagande', 'Utses att justera'",
            "attendees: everyone under 'Närvarande' plus the guest under 'Övriga deltagande' "
            "(she was there for § 4); 'Anmält förhinder' are not attendees",
            "2025-11-19 (justering), 2025-11-20 (publicering), 2025-09-26 (previous protocol) "
            "and 2025-12-12 (anmälan) are not meetings",
            "§ 7 'Nästa sammanträde' announces 23 January 2026 -> meeting_dates",
        ],
    )


# ============================================================================
# 002 grundskola: PDF protocol with a NÄRVAROLISTA grid (x under Ja / Nej)
# ============================================================================


def c002():
    seed = "rh002"
    frm, addr_ = "Camilla Österberg", "camilla.osterberg@skovde.se"
    subject = "Protokoll rektorsnätverket grundskola 9 oktober"
    rows = [  # name, kommun, ja, nej, anm
        ("Henrik Bäck, ordf", "Falköping", "x", "", ""),
        ("Camilla Österberg, sekr", "Skövde", "x", "", ""),
        ("Robin Ekstrand", "Skövde", "", "x", ""),
        ("Niklas Frid", "Mariestad", "x", "", ""),
        ("Eva Granlund", "Lidköping", "x", "", "värd"),
        ("Fredrik Ahlqvist", "Skara", "x", "", ""),
        ("Susanne Tell", "Vara", "", "x", "förhinder"),
        ("Magnus Hed", "Götene", "x", "", "fr.o.m. § 3"),
        ("Anna-Karin Lövgren", "Tidaholm", "x", "", ""),
        ("Peter Wessman", "Hjo", "", "x", ""),
        ("Jessica Strömberg", "Tibro", "x", "", ""),
        ("Olle Berglind", "Karlsborg", "x", "", "§§ 1-4"),
        ("Maria Fors", "Töreboda", "", "x", "sjuk"),
        ("Stefan Rask", "Gullspång", "x", "", ""),
        ("Lena Norling", "Essunga", "x", "", ""),
        ("Åsa Brandt", "Grästorp", "x", "", ""),
    ]
    pdf = new_pdf(frm, "Protokoll rektorsnätverket grundskola 2025-10-09")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(120, 5, latin1("Rektorsnätverket grundskola Skaraborg"))
    pdf.cell(0, 5, latin1("PROTOKOLL"), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(120, 5, "")
    pdf.cell(0, 5, latin1("Sammanträdesdatum 2025-10-09"), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    front = [
        ("Plats och tid", "Stadshuset, Lidköping, kl. 13.00-16.00"),
        ("Beslutande", "Se närvarolista, sidan 3"),
        ("Sekreterare", "Camilla Österberg"),
        ("Utses att justera", "Fredrik Ahlqvist"),
        ("Justeringens plats och tid", "Digital justering 2025-10-15"),
    ]
    for label, value in front:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(55, 7, latin1(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 7, latin1(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 10)
    for label in ("Sekreterare", "Ordförande", "Justerare"):
        pdf.cell(55, 10, latin1(label))
        pdf.cell(
            0,
            10,
            "....................................................",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.add_page()
    paragraphs = [
        (
            "§ 1 Mötets öppnande",
            "Ordföranden öppnar mötet. Eva Granlund hälsar välkommen till Lidköping.",
        ),
        ("§ 2 Dagordning", "Dagordningen godkänns."),
        (
            "§ 3 Skolchefsnätverket informerar",
            "Henrik Bäck återrapporterar från skolchefsnätverkets möte.",
        ),
        (
            "§ 4 Betyg och bedömning",
            "Erfarenhetsutbyte kring likvärdig bedömning i åk 6 och 9. "
            "Arbetsgruppen redovisar till våren.",
        ),
        ("§ 5 Övriga frågor", "Inga övriga frågor."),
        ("§ 6 Nästa möte", "Enligt fastställd mötesplan."),
    ]
    for head, body in paragraphs:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, latin1(head), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, latin1(body), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, latin1("NÄRVAROLISTA"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    widths = [62, 32, 16, 16, 44]
    pdf.set_font("Helvetica", "B", 9)
    for w, t in zip(widths, ["", "", "Närvarande", "", ""]):
        pdf.cell(w, 6, latin1(t), border="LTR")
    pdf.ln()
    for w, t in zip(widths, ["Namn", "Kommun", "Ja", "Nej", "Anm."]):
        pdf.cell(w, 6, latin1(t), border="LBR")
    pdf.ln()
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(sum(widths), 6, latin1("LEDAMÖTER"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for row in rows:
        for w, t, al in zip(widths, row, "LLCCL"):
            pdf.cell(w, 6, latin1(t), border=1, align=al)
        pdf.ln()
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(sum(widths), 6, latin1("ÖVRIGA NÄRVARANDE"), border=1, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for w, t, al in zip(widths, ("Jonas Melin", "Skaraborgs KF", "x", "", "§ 3"), "LLCCL"):
        pdf.cell(w, 6, latin1(t), border=1, align=al)
    pdf.ln()
    data = bytes(pdf.output())
    plain = (
        "Hej,\n\nHär kommer justerat protokoll med närvarolista från mötet i Lidköping "
        "9/10.\n\nMed vänlig hälsning\n\nCamilla Österberg\nRektor\n"
        "Sektor barn och utbildning, Skövde kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Thu, 16 Oct 2025 07:12:55 +0000",
        plain,
        attachments=[attach(data, "application/pdf", "Protokoll 2025-10-09 rektorsnätverket.pdf")],
    )
    attendees = [r[0].split(",")[0] for r in rows if r[2] == "x"] + ["Jonas Melin"]
    add(
        "002-grundskola-narvarolista-pdf",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[meeting("2025-10-09", "13:00", "16:00", "Stadshuset, Lidköping")],
        protocol={"meeting_date": "2025-10-09", "attendees": attendees},
        reasons=[
            "'Beslutande: Se närvarolista': attendance is the NÄRVAROLISTA grid on page 3",
            "attendees: rows with x under 'Ja' (also those present only for some §§) and the "
            "'ÖVRIGA NÄRVARANDE' row; x under 'Nej' is absent",
            "'Justeringens plats och tid 2025-10-15' is not a meeting; 'Nästa möte: Enligt "
            "fastställd mötesplan' gives no date -> kinds protocol only",
        ],
    )


# ============================================================================
# 003 IM: minnesanteckningar in the body, names in many styles on one line
# ============================================================================


def c003():
    seed = "rh003"
    frm, addr_ = "Pernilla Ek", "pernilla.ek@skovde.se"
    subject = "Minnesanteckningar IM-nätverket 4/12"
    plain = """Hej alla!

Här kommer minnesanteckningarna från gårdagens träff. Tack Maja och Tove för ett fint värdskap!

MINNESANTECKNINGAR IM-NÄTVERKET SKARABORG
Datum: 2025-12-04, kl. 13.00-16.00
Plats: Västerhöjdsgymnasiet, Skövde, rum B12

Närvarande: Rasmus Falk (Falköping, ordf.), Pernilla Ek (Skövde, sekr.), Maja Engström och Tove Nyberg (båda Skövde), Lena Strand, Hjo, Patrik Holm, Skara, Elin Vall - Mariestad, Sofie Ringdahl/Vara
Förhinder: Johan Sand (Lidköping), Mattias Dalén (Tidaholm)
Ej närvarande: Daniel Hägg, Kristin Bolander

1. Incheckning
Kort runda. Flera skolor ser fler sena ankomster till språkintroduktion under hösten.

2. Språkintroduktion och individuellt alternativ
Vi delade erfarenheter av individuella studieplaner. Rasmus tar fram en gemensam mall till nästa gång.

3. Skolverkets konferens
Anmälan till Skolverkets konferens om introduktionsprogrammen den 12 februari görs senast 15 januari. Den som vill åka samordnar via Lena.

4. Övrigt
Inget.

5. Nästa träff
Torsdag 22 januari, heldag kl. 9-15 på De la Gardiegymnasiet i Lidköping. Lunch ingår.

Vid anteckningarna
Pernilla Ek
Sekreterare IM-nätverket
Skövde kommun
"""
    raw, mid = outlook_mail(
        seed, person(frm, addr_), subject, "Fri, 05 Dec 2025 09:03:41 +0000", plain
    )
    add(
        "003-im-minnesanteckningar-brodtext",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting("2025-12-04", "13:00", "16:00", "Västerhöjdsgymnasiet, Skövde, rum B12"),
            meeting("2026-01-22", "09:00", "15:00", "De la Gardiegymnasiet, Lidköping"),
        ],
        protocol={
            "meeting_date": "2025-12-04",
            "attendees": [
                "Rasmus Falk",
                "Pernilla Ek",
                "Maja Engström",
                "Tove Nyberg",
                "Lena Strand",
                "Patrik Holm",
                "Elin Vall",
                "Sofie Ringdahl",
            ],
        },
        reasons=[
            "minnesanteckningar in the body; 'Närvarande:' is one line with names in "
            "several styles: '(Kommun, roll)', 'X och Y (båda Skövde)', 'Name, Kommun', "
            "'Name - Kommun', 'Name/Kommun'",
            "'Förhinder' and 'Ej närvarande' are not attendees",
            "Skolverket's conference 12 February and the deadline 15 January are not "
            "network meetings",
            "'Nästa träff: Torsdag 22 januari, heldag kl. 9-15' -> 2026-01-22 09:00-15:00",
        ],
    )


# ============================================================================
# 004 vux: member list in .xlsx with names written 'Efternamn, Förnamn'
# ============================================================================


VUX = [  # kommun, efternamn, förnamn, befattning, telefon, email, uppdrag
    (
        "Essunga",
        "Törnqvist",
        "Ylva",
        "Rektor vuxenutbildning",
        "0512-570 31",
        "ylva.tornqvist@essunga.se",
        "",
    ),
    (
        "Falköping",
        "Ekdahl",
        "Jonas",
        "Verksamhetschef Komvux",
        "0515-88 51 20",
        "jonas.ekdahl@falkoping.se",
        "",
    ),
    ("Grästorp", "Åberg", "Kent", "Rektor", "0514-580 77", "kent.aberg@grastorp.se", ""),
    ("Gullspång", "Borg", "Helén", "Rektor", "0506-361 40", "helen.borg@gullspang.se", ""),
    ("Götene", "Holmqvist", "Erik", "Rektor", "0511-38 61 05", "erik.holmqvist@gotene.se", ""),
    ("Hjo", "Berg", "Ingela", "Rektor Lärcentrum", "0503-352 60", "ingela.berg@hjo.se", ""),
    ("Karlsborg", "Ask", "Göran", "Rektor", "0505-171 22", "goran.ask@karlsborg.se", ""),
    (
        "Lidköping",
        "Lind",
        "Tobias",
        "Verksamhetschef",
        "0510-77 09 14",
        "tobias.lind@lidkoping.se",
        "Vice ordförande",
    ),
    (
        "Mariestad",
        "Wahl",
        "Agneta",
        "Rektor",
        "0501-75 62 03",
        "agneta.wahl@mariestad.se",
        "Presidiet",
    ),
    ("Skara", "Sundin", "Marie", "Rektor", "0511-321 48", "marie.sundin@skara.se", ""),
    (
        "Skövde",
        "Bergkvist",
        "Hanna",
        "Verksamhetschef vuxenutbildning",
        "0500-49 83 70",
        "hanna.bergkvist@skovde.se",
        "Ordförande",
    ),
    ("Tibro", "Fjäll", "Mikael", "Rektor", "0504-181 36", "mikael.fjall@tibro.se", ""),
    ("Tidaholm", "Kvist", "Anders", "Rektor", "0502-60 64 11", "anders.kvist@tidaholm.se", ""),
    ("Töreboda", "Lidén", "Sanna", "Rektor", "0506-181 95", "sanna.liden@toreboda.se", ""),
    ("Vara", "Rosén", "Camilla", "Rektor", "0512-310 52", "camilla.rosen@vara.se", ""),
]


def c004():
    seed = "rh004"
    frm, addr_ = "Tobias Lind", "tobias.lind@lidkoping.se"
    subject = "Ledamöter vux-nätverket 2026"

    def build(wb):
        from openpyxl.styles import Font

        ws = wb.active
        ws.title = "Ledamöter 2026"
        ws["A1"] = "Vuxenutbildningsnätverket Skaraborg – ledamöter 2026"
        ws["A1"].font = Font(bold=True, size=14)
        ws.merge_cells("A1:F1")
        ws["A2"] = "Senast ändrad 2026-01-26"
        head = ["Kommun", "Namn", "Befattning", "Telefon", "E-post", "Uppdrag"]
        for i, t in enumerate(head, 1):
            c = ws.cell(row=4, column=i, value=t)
            c.font = Font(bold=True)
        r = 5
        for k, en, fn, bef, tel, mail, upp in VUX:
            for i, v in enumerate([k, f"{en}, {fn}", bef, tel, mail, upp or None], 1):
                ws.cell(row=r, column=i, value=v)
            r += 1
        ws.cell(
            row=r + 1,
            column=1,
            value="Sekreterare: värdkommunen för respektive möte för protokoll.",
        )
        for col, w in zip("ABCDEF", (12, 22, 30, 15, 30, 16)):
            ws.column_dimensions[col].width = w

    data = xlsx_bytes(build, frm)
    plain = (
        "Hej!\n\nBifogar aktuell ledamotslista för vuxenutbildningsnätverket 2026. "
        "Hanna är sjukskriven i veckan så jag skickar den i hennes ställe.\n\n"
        "Hälsningar\nTobias Lind\nVerksamhetschef Lärcenter\nLidköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Wed, 28 Jan 2026 12:20:18 +0000",
        plain,
        attachments=[
            attach(
                data,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Ledamöter vux 2026.xlsx",
            )
        ],
    )
    roles = {
        "Ordförande": "ordforande",
        "Vice ordförande": "presidium",
        "Presidiet": "presidium",
        "": "ledamot",
    }
    members = [member(f"{fn} {en}", mail, k, roles[upp]) for k, en, fn, _, _, mail, upp in VUX]
    add(
        "004-vux-ledamoter-xlsx-efternamn-forst",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members,
        reasons=[
            "member list in .xlsx: merged title row, a date row and a blank row above the "
            "header row; names written 'Efternamn, Förnamn' -> 'Förnamn Efternamn'",
            "'Vice ordförande' and 'Presidiet' -> presidium; the secretary is the host "
            "municipality, so nobody has the role sekreterare",
            "phone numbers and 'Senast ändrad 2026-01-26' are not dates of meetings",
        ],
    )


# ============================================================================
# 005 anpassad skola: month grid (rows per body, columns per month) in .docx
# ============================================================================


def c005():
    seed = "rh005"
    frm, addr_ = "Maria Ljung", "maria.ljung@hjo.se"
    subject = "Mötesplan VT 2026 – nätverket anpassad skola"

    def build(d):
        p = d.add_paragraph()
        r = p.add_run("Nätverket anpassad skola – mötesplan VT 2026")
        r.bold = True
        d.add_paragraph("Nätverksträffar och presidiemöten, januari–juni 2026")
        docx_grid(
            d,
            [
                ["", "Tid", "Jan", "Feb", "Mars", "April", "Maj", "Juni"],
                ["Nätverksträff", "09.00–12.00", "16", "–", "13", "24", "–", "5*"],
                ["Värdkommun", "", "Tibro", "", "Hjo", "Götene", "", "Skövde"],
                ["Presidiet (Teams)", "08.00–09.00", "9", "–", "6", "17", "29", "–"],
            ],
        )
        d.add_paragraph("* Heldag med studiebesök kl. 09.00–15.00, lunch ingår.")
        d.add_paragraph(
            "Kallelse och dagordning skickas ut av ordföranden senast en vecka "
            "före varje träff. Protokollet skrivs av värdrektor."
        )
        d.add_paragraph("Datum för HT 2026 beslutas på träffen i juni.")

    doc = docx_bytes(build, frm)
    plain = (
        "Hej,\n\nHär kommer mötesplanen för våren 2026 för nätverket anpassad skola "
        "(båda undernätverken).\n\nGod jul när den kommer!\nMaria\n\n"
        "Maria Ljung\nRektor anpassad grundskola\nHjo kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Wed, 10 Dec 2025 13:55:02 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Mötesplan VT 2026 anpassad skola.docx",
            )
        ],
    )
    add(
        "005-anpassad-manadsraster-docx",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[
            meeting("2026-01-16", "09:00", "12:00", "Tibro"),
            meeting("2026-03-13", "09:00", "12:00", "Hjo"),
            meeting("2026-04-24", "09:00", "12:00", "Götene"),
            meeting("2026-06-05", "09:00", "15:00", "Skövde"),
        ],
        reasons=[
            "month grid: a row per body, a column per month, day numbers in the cells",
            "only the 'Nätverksträff' row is the network's; the 'Presidiet' row is another "
            "body and is not listed",
            "the place of each meeting is the 'Värdkommun' in the same column",
            "'5*' takes the footnote time 09.00–15.00; all dates are Fridays in 2026",
        ],
    )


# ============================================================================
# 006 förskola: Outlook meeting request (text/calendar) for one meeting
# ============================================================================


def c006():
    seed = "rh006"
    frm, addr_ = "Jenny Brink", "jenny.brink@vara.se"
    subject = "Nätverksträff förskola i Vara 6 mars"
    to = ", ".join(
        [
            person("Cecilia Hammar", "cecilia.hammar@lidkoping.se"),
            person("Petra Ljungqvist", "petra.ljungqvist@tibro.se"),
            person("Anneli Roos", "anneli.roos@tidaholm.se"),
            person("Sara Wennberg", "sara.wennberg@skovde.se"),
        ]
    )
    body = (
        "När: den 6 mars 2026 09:00-12:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, "
        "Stockholm, Wien.\nVar: Vara Konserthus, lokal Vinköket\n\n"
        "*~*~*~*~*~*~*~*~*~*\n\n"
        "Hej alla i förskolenätverket!\n\nVarmt välkomna till Vara. Kaffe och smörgås "
        "står framme från 08.30. Parkering finns bakom Konserthuset.\n"
        "Cecilia skickar dagordningen veckan innan.\n\nJenny\n"
    )
    html = outlook_html(body)
    uid = "040000008200E00074C5B7101A82E00800000000" + h(seed, 32)
    desc = body.replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
    ics_lines = [
        "BEGIN:VCALENDAR",
        "METHOD:REQUEST",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        "TZID:W. Europe Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T030000",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:16010101T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "ORGANIZER;CN=Jenny Brink:mailto:jenny.brink@vara.se",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Cecilia Hammar:"
        "mailto:cecilia.hammar@lidkoping.se",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Petra Ljungqvist:"
        "mailto:petra.ljungqvist@tibro.se",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Anneli Roos:"
        "mailto:anneli.roos@tidaholm.se",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Sara Wennberg:"
        "mailto:sara.wennberg@skovde.se",
        "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;"
        "CN=utbildning@skaraborg.se:mailto:utbildning@skaraborg.se",
        f"DESCRIPTION;LANGUAGE=sv-SE:{desc}",
        "UID:" + uid,
        "SUMMARY;LANGUAGE=sv-SE:Nätverksträff förskola i Vara 6 mars",
        "DTSTART;TZID=W. Europe Standard Time:20260306T090000",
        "DTEND;TZID=W. Europe Standard Time:20260306T120000",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        "DTSTAMP:20260202T074512Z",
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        "SEQUENCE:0",
        "LOCATION;LANGUAGE=sv-SE:Vara Konserthus\\, lokal Vinköket",
        "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-CDO-INSTTYPE:0",
        "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "X-MICROSOFT-REQUESTEDATTENDANCEMODE:DEFAULT",
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    folded = []
    for line in ics_lines:  # RFC 5545 folding at 74 octets
        raw_line = line.encode("utf-8")
        chunks = []
        while len(raw_line) > 74:
            cut = 74
            while (raw_line[cut] & 0xC0) == 0x80:
                cut -= 1
            chunks.append(raw_line[:cut])
            raw_line = raw_line[cut:]
        chunks.append(raw_line)
        folded.append(b"\r\n ".join(chunks).decode("utf-8"))
    ics = "\r\n".join(folded) + "\r\n"
    cal = Part(
        [
            'Content-Type: text/calendar; charset="utf-8"; method=REQUEST',
            "Content-Transfer-Encoding: base64",
        ],
        b64(ics.encode("utf-8")),
    )
    alt = multi("alternative", boundary(seed + "alt"), [text(body), text(html, "html"), cal])
    hd = outlook_headers(
        seed, person(frm, addr_), subject, "Mon, 02 Feb 2026 07:45:12 +0000", to=to, cc=MAILBOX
    )
    hd.insert(0, ("X-MS-Exchange-Calendar-Originator-Id", uuid_like(seed)))
    raw = message(hd, alt)
    add(
        "006-forskola-outlook-inbjudan-ics",
        raw,
        mid=mid_exchange(seed),
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[meeting("2026-03-06", "09:00", "12:00", "Vara Konserthus, lokal Vinköket")],
        reasons=[
            "Outlook meeting request: text/plain + text/html + text/calendar METHOD:REQUEST, "
            "the mailbox in Cc",
            "DTSTART/DTEND 2026-03-06 09:00-12:00 W. Europe Standard Time, LOCATION 'Vara "
            "Konserthus, lokal Vinköket'; the 'När:/Var:' lines say the same",
            "coffee from 08.30 is not the start; 'dagordningen veckan innan' is no agenda",
        ],
    )


def uuid_like(seed: str) -> str:
    x = h(seed, 32).lower()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


# ============================================================================
# 007 grundskola: member list as an Outlook HTML table, presidium by footnote *
# ============================================================================


GRUND = [  # kommun, namn, enhet, email, presidium-star
    ("Essunga", "Lena Norling", "Nossebro skolområde", "lena.norling@essunga.se", False),
    ("Falköping", "Henrik Bäck", "Grundskola område Väst", "henrik.back@falkoping.se", True),
    ("Grästorp", "Åsa Brandt", "Grundskolan", "asa.brandt@grastorp.se", False),
    ("Gullspång", "Stefan Rask", "Grundskola Hova/Gullspång", "stefan.rask@gullspang.se", False),
    ("Götene", "Magnus Hed", "Grundskola 7–9", "magnus.hed@gotene.se", False),
    ("Hjo", "Peter Wessman", "Grundskola F–9", "peter.wessman@hjo.se", False),
    ("Karlsborg", "Olle Berglind", "Grundskolan", "olle.berglind@karlsborg.se", False),
    ("Lidköping", "Eva Granlund", "Grundskola centrala området", "eva.granlund@lidkoping.se", True),
    ("Mariestad", "Niklas Frid", "Grundskola norra", "niklas.frid@mariestad.se", True),
    ("Skara", "Fredrik Ahlqvist", "Grundskola F–6", "", False),
    ("Skövde", "Camilla Österberg", "Grundskola område Norr", "camilla.osterberg@skovde.se", True),
    ("Skövde", "Robin Ekstrand", "Grundskola område Syd", "robin.ekstrand@skovde.se", False),
    ("Tibro", "Jessica Strömberg", "Grundskolan", "jessica.stromberg@tibro.se", False),
    ("Tidaholm", "Anna-Karin Lövgren", "Grundskola 4–9", "anna-karin.lovgren@tidaholm.se", False),
    ("Töreboda", "Maria Fors", "Grundskolan", "maria.fors@toreboda.se", False),
    ("Vara", "Susanne Tell", "Grundskola F–9", "susanne.tell@vara.se", False),
]


def c007():
    seed = "rh007"
    frm, addr_ = "Camilla Österberg", "camilla.osterberg@skovde.se"
    subject = "Förteckning rektorsnätverket grundskola läsåret 2025/26"
    intro = (
        "Hej!\n\nHär kommer förteckningen över rektorsnätverket grundskola för läsåret "
        "2025/26, enligt uppdraget.\n"
    )
    after = (
        "* ingår i presidiet\n\nOrdförande: Henrik Bäck, Falköping\n"
        "Sekreterare: Camilla Österberg, Skövde\n\nSkara återkommer med e-postadress.\n\n"
        "Vänliga hälsningar\nCamilla Österberg\nSekreterare, rektorsnätverket grundskola\n"
        "Skövde kommun\n"
    )
    head = ["Kommun", "Rektor", "Enhet", "E-post"]
    rows = [[k, n + ("*" if star else ""), e, m] for k, n, e, m, star in GRUND]
    plain = (
        intro
        + "\n"
        + "\t".join(head)
        + "\n"
        + "\n".join("\t".join(r) for r in rows)
        + "\n\n"
        + after
    )
    cells = "".join(
        f'<td width="160" valign="top" style="border:solid windowtext 1.0pt;'
        f'padding:0cm 5.4pt"><p class="MsoNormal"><b>{escape(t)}</b><o:p></o:p>'
        f"</p></td>"
        for t in head
    )
    trs = [f"<tr>{cells}</tr>"]

    def td(t: str) -> str:
        inner = f'<a href="mailto:{t}">{escape(t)}</a>' if "@" in t else escape(t)
        return (
            '<td width="160" valign="top" style="border:solid windowtext 1.0pt;'
            'border-top:none;padding:0cm 5.4pt"><p class="MsoNormal">'
            f"{inner or '&nbsp;'}<o:p></o:p></p></td>"
        )

    for r in rows:
        trs.append("<tr>" + "".join(td(t) for t in r) + "</tr>")
    table = (
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
        'style="border-collapse:collapse;border:none">\n' + "\n".join(trs) + "\n</table>"
    )
    html = wrap_outlook_html(
        "\n".join(
            f'<p class="MsoNormal">{escape(x) or "&nbsp;"}<o:p></o:p></p>'
            for x in intro.split("\n")
        )
        + "\n"
        + table
        + "\n"
        + "\n".join(
            f'<p class="MsoNormal">{escape(x) or "&nbsp;"}<o:p></o:p></p>'
            for x in after.split("\n")
        )
    )
    raw, mid = outlook_mail(
        seed, person(frm, addr_), subject, "Wed, 03 Sep 2025 10:14:33 +0000", plain, html=html
    )
    role = {"Henrik Bäck": "ordforande", "Camilla Österberg": "sekreterare"}
    members = [
        member(n, m or None, k, role.get(n, "presidium" if star else "ledamot"))
        for k, n, e, m, star in GRUND
    ]
    add(
        "007-grundskola-forteckning-html-fotnot",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "member list as an Outlook HTML table Kommun | Rektor | Enhet | E-post "
            "(tab-separated in the text part); two rektorer from Skövde",
            "'*' after a name is explained under the table: '* ingår i presidiet'",
            "chair and secretary are named in lines under the table; they also carry '*' but "
            "keep their own roles",
            "Skara has no address -> email null",
        ],
    )


# ============================================================================
# 008 IM: school-year plan as short text lines with host school
# ============================================================================


def c008():
    seed = "rh008"
    frm, addr_ = "Pernilla Ek", "pernilla.ek@skovde.se"
    subject = "Datum IM-nätverket läsåret 25/26"
    plain = """Hej,

Här är IM-nätverkets träffar för läsåret 2025/26, som vi beslutade på sista mötet i juni. Alla träffar är kl. 13.00–16.00 om inget annat står.

tis 16/9 – Skara, Katedralskolan
tors 23/10 – Mariestad, Vadsbogymnasiet
tors 4/12 – Skövde, Västerhöjdsgymnasiet
tors 22/1 – Lidköping, De la Gardiegymnasiet. OBS heldag 9–15 med lunch
tis 10/3 – digitalt via Teams, kl 13–15
tors 7/5 – Falköping, Ållebergsgymnasiet

Värdskolan bjuder på fika. Jag skickar ut protokollen efter varje träff.

Trevlig start på terminen!
/Pernilla

Pernilla Ek
Rektor språkintroduktion, Skövde kommun
Sekreterare IM-nätverket Skaraborg
"""
    raw, mid = outlook_mail(
        seed, person(frm, addr_), subject, "Wed, 20 Aug 2025 08:31:09 +0000", plain
    )
    add(
        "008-im-lasarsplan-brodtext",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[
            meeting("2025-09-16", "13:00", "16:00", "Skara, Katedralskolan"),
            meeting("2025-10-23", "13:00", "16:00", "Mariestad, Vadsbogymnasiet"),
            meeting("2025-12-04", "13:00", "16:00", "Skövde, Västerhöjdsgymnasiet"),
            meeting("2026-01-22", "09:00", "15:00", "Lidköping, De la Gardiegymnasiet"),
            meeting("2026-03-10", "13:00", "15:00", "Teams"),
            meeting("2026-05-07", "13:00", "16:00", "Falköping, Ållebergsgymnasiet"),
        ],
        reasons=[
            "school-year plan sent in August: 'tis 16/9' … 'tors 7/5' without years -> "
            "autumn 2025, spring 2026",
            "shared time 13.00–16.00 from the sentence above the list; 22/1 'heldag 9–15' and "
            "10/3 'kl 13–15' override it",
            "'digitalt via Teams' -> place Teams",
        ],
    )


# ============================================================================
# 009 vux: PDF protocol, labels in a left column, 'Tjänstgörande ersättare'
# ============================================================================


def c009():
    seed = "rh009"
    frm, addr_ = "Agneta Wahl", "agneta.wahl@mariestad.se"
    subject = "Protokoll vuxenutbildningsnätverket 25 november"
    present = [
        "Hanna Bergkvist, Skövde, ordförande",
        "Tobias Lind, Lidköping",
        "Agneta Wahl, Mariestad, sekreterare (värdkommun)",
        "Jonas Ekdahl, Falköping",
        "Marie Sundin, Skara",
        "Camilla Rosén, Vara",
        "Erik Holmqvist, Götene",
        "Ingela Berg, Hjo",
        "Sanna Lidén, Töreboda",
        "Ylva Törnqvist, Essunga",
    ]
    pdf = new_pdf(frm, "Protokoll vuxenutbildningsnätverket 2025-11-25")
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(110, 8, latin1("PROTOKOLL"))
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0,
        8,
        latin1("Sammanträdesdatum 2025-11-25     1 (3)"),
        align="R",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, latin1("Vuxenutbildningsnätverket Skaraborg"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    def block(label: str, lines: list[str]) -> None:
        pdf.set_font("Helvetica", "B", 10)
        y = pdf.get_y()
        pdf.multi_cell(50, 6, latin1(label), new_x="RIGHT", new_y="TOP")
        pdf.set_xy(72, y)
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, latin1("\n".join(lines)), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    block(
        "Plats och tid",
        [
            "Stadsbiblioteket, Mariestad, konferensrummet Tidan",
            "tisdagen den 25 november 2025 kl. 09.00-12.00",
        ],
    )
    block("Närvarande ledamöter", present)
    block("Tjänstgörande ersättare", ["Rickard Lööf, Tidaholm, ersätter Anders Kvist"])
    block(
        "Frånvarande",
        [
            "Mikael Fjäll, Tibro",
            "Göran Ask, Karlsborg",
            "Helén Borg, Gullspång",
            "Kent Åberg, Grästorp",
        ],
    )
    block("Övriga närvarande", ["Nora Lundell, SFI-samordnare, Mariestad, § 4"])
    block("Justerare", ["Jonas Ekdahl"])
    block("Justeringens plats\noch tid", ["Digitalt, senast 2025-12-02"])
    pdf.ln(4)
    for label in ("Sekreterare", "Ordförande", "Justerare"):
        pdf.cell(50, 9, latin1(label))
        pdf.cell(
            0, 9, "..............................................", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.add_page()
    items = [
        (
            "§ 1 Mötets öppnande",
            "Ordföranden öppnar mötet och Agneta Wahl hälsar välkommen till Mariestad.",
        ),
        ("§ 2 Föregående protokoll", "Protokollet från 2025-10-21 godkänns."),
        (
            "§ 3 Regionalt yrkesvux",
            "Ansökan om statsbidrag för 2026 ska vara inlämnad senast "
            "2026-02-15. Presidiet samordnar.",
        ),
        (
            "§ 4 SFI i samverkan",
            "Nora Lundell redovisar uppföljningen av kombinationsutbildningar med SFI.",
        ),
        ("§ 5 Övriga frågor", "Inga."),
        (
            "§ 6 Nästa sammanträde",
            "Torsdag 11 december 2025 kl. 09.00-12.00 i Skövde, Kulturhuset. Värd: Skövde.",
        ),
    ]
    for head, body in items:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, latin1(head), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, latin1(body), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    data = bytes(pdf.output())
    plain = (
        "Hej!\n\nBifogat finns protokollet från vux-nätverkets möte hos oss i Mariestad "
        "i tisdags, justerat av Jonas.\n\nMvh\nAgneta Wahl\nRektor Vuxenutbildningen\n"
        "Mariestads kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Tue, 02 Dec 2025 14:05:50 +0000",
        plain,
        attachments=[attach(data, "application/pdf", "Protokoll vux-nätverket 251125.pdf")],
    )
    attendees = [p.split(",")[0] for p in present] + ["Rickard Lööf", "Nora Lundell"]
    add(
        "009-vux-protokoll-pdf-tjanstgorande-ersattare",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting(
                "2025-11-25", "09:00", "12:00", "Stadsbiblioteket, Mariestad, konferensrummet Tidan"
            ),
            meeting("2025-12-11", "09:00", "12:00", "Skövde, Kulturhuset"),
        ],
        protocol={"meeting_date": "2025-11-25", "attendees": attendees},
        reasons=[
            "PDF front page with labels in a left column and the values beside them",
            "attendees: 'Närvarande ledamöter', the 'Tjänstgörande ersättare' (not the member "
            "he replaces) and 'Övriga närvarande'; 'Frånvarande' are not attendees",
            "2025-12-02 (justering), 2025-10-21 (previous protocol) and 2026-02-15 (deadline) "
            "are not meetings",
            "§ 6 announces 11 December 2025 -> meeting_dates",
        ],
    )


# ============================================================================
# 010 anpassad skola: minnesanteckningar .docx, attendance table with X marks
# ============================================================================


ANP = [  # namn, kommun, undernätverk, närvaro 16/1
    ("Ida Norén", "Skövde", "grund", "X"),
    ("Maria Ljung", "Hjo", "grund", "X"),
    ("Tomas Ahl", "Skövde", "gy", "X"),
    ("Karin Vestin", "Lidköping", "gy", "X"),
    ("Emma Vik", "Töreboda", "grund", "förhinder"),
    ("Sara Holmén", "Skara", "grund", "X"),
    ("Anna Lindgren", "Mariestad", "gy", "X"),
    ("Kristoffer Nord", "Falköping", "gy", ""),
    ("Birgitta Sahlin", "Vara", "grund", "X"),
    ("Josefin Alvén", "Götene", "grund", "X"),
    ("Louise Hallin", "Tidaholm", "grund", "förhinder"),
    ("Viktor Edlund", "Tibro", "grund", "X"),
    ("Carina Moberg", "Gullspång", "grund", ""),
    ("Rebecka Wiklander", "Karlsborg", "grund", "X"),
    ("Pia Sterner", "Grästorp", "grund", "X"),
]


def c010():
    seed = "rh010"
    frm, addr_ = "Viktor Edlund", "viktor.edlund@tibro.se"
    subject = "Minnesanteckningar nätverket anpassad skola 16/1"

    def build(d):
        d.add_heading("Minnesanteckningar – nätverket anpassad skola", level=1)
        d.add_paragraph("Datum: fredag 16 januari 2026, kl. 9–12")
        d.add_paragraph("Plats: Centralskolan, Tibro")
        d.add_paragraph("Antecknat av: Viktor Edlund, värdrektor")
        d.add_paragraph("Närvaro")
        docx_grid(
            d,
            [["Namn", "Kommun", "Undernätverk", "Närv."]]
            + [
                [n, k, "anpassad grundskola" if u == "grund" else "anpassad gymnasieskola", x]
                for n, k, u, x in ANP
            ],
        )
        d.add_paragraph("")
        for head, body in [
            (
                "1. Välkommen",
                "Viktor hälsar välkommen till Tibro och berättar kort om verksamheten.",
            ),
            ("2. Föregående anteckningar", "Anteckningarna från 5 december godkändes."),
            (
                "3. Undernätverken",
                "Anpassad gymnasieskola träffades separat efter lunch och "
                "diskuterade APL. Anpassad grundskola tar upp "
                "mottagandefrågor nästa gång.",
            ),
            ("4. Skolinspektionen", "Erfarenheter från tillsyn i två kommuner."),
            ("5. Nästa möte", "Fredag 13 mars kl. 9–12 i Hjo. Maria Ljung är värd."),
        ]:
            p = d.add_paragraph()
            p.add_run(head).bold = True
            d.add_paragraph(body)

    doc = docx_bytes(build, frm)
    plain = (
        "Hej!\n\nSom värd skickar jag minnesanteckningarna från fredagens träff.\n\n"
        "Trevlig helg!\nViktor\n\nViktor Edlund\nRektor anpassad grundskola\n"
        "Tibro kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Wed, 21 Jan 2026 16:28:44 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Minnesanteckningar 2026-01-16.docx",
            )
        ],
    )
    add(
        "010-anpassad-minnesanteckningar-kryss-tabell",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting("2026-01-16", "09:00", "12:00", "Centralskolan, Tibro"),
            meeting("2026-03-13", "09:00", "12:00", "Hjo"),
        ],
        protocol={"meeting_date": "2026-01-16", "attendees": [n for n, _, _, x in ANP if x == "X"]},
        reasons=[
            "attendance table Namn | Kommun | Undernätverk | Närv.: 'X' is present, "
            "'förhinder' and an empty cell are not",
            "the 'Undernätverk' column names both sub-networks: all anpassad-skola",
            "'Anteckningarna från 5 december' is a reference, not a meeting",
            "'Nästa möte: Fredag 13 mars kl. 9–12 i Hjo' -> 2026-03-13",
        ],
    )


# ============================================================================
# 011 grundskola: KALLELSE + DAGORDNING as .docx
# ============================================================================


def c011():
    seed = "rh011"
    frm, addr_ = "Henrik Bäck", "henrik.back@falkoping.se"
    subject = "Kallelse rektorsnätverket grundskola 12 mars"

    def build(d):
        p = d.add_paragraph()
        p.add_run("KALLELSE").bold = True
        d.add_paragraph("Rektorsnätverket grundskola Skaraborg")
        docx_grid(
            d,
            [
                ["Tid", "Torsdag 12 mars 2026 kl. 08.30–11.30 (kaffe från kl. 08.00)"],
                ["Plats", "Ekedalsskolan, Tidaholm, aulan"],
                ["Värd", "Anna-Karin Lövgren, Tidaholm"],
            ],
            header_bold=False,
        )
        d.add_paragraph("")
        p = d.add_paragraph()
        p.add_run("DAGORDNING").bold = True
        for i, item in enumerate(
            [
                "Mötet öppnas",
                "Val av justerare",
                "Föregående protokoll (2026-01-22)",
                "Information från skolchefsnätverket",
                "Tema: närvarofrämjande arbete – erfarenheter från Tidaholm",
                "Gemensam studiedag i augusti – förslag på datum",
                "Övriga frågor",
                "Nästa möte: torsdag 7 maj kl. 13.00–16.00, Skövde",
                "Mötet avslutas",
            ],
            1,
        ):
            d.add_paragraph(f"{i}. {item}")
        d.add_paragraph("")
        d.add_paragraph("Anmäl förhinder till henrik.back@falkoping.se senast 5 mars.")
        d.add_paragraph("Henrik Bäck, ordförande")

    doc = docx_bytes(build, frm)
    plain = (
        "Hej alla!\n\nHär kommer kallelse och dagordning till nätverksträffen i Tidaholm. "
        "Utbildning@skaraborg.se får en kopia.\n\nHälsningar\nHenrik Bäck\n"
        "Rektor, ordförande rektorsnätverket grundskola\nFalköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Thu, 26 Feb 2026 09:40:00 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Kallelse och dagordning 2026-03-12.docx",
            )
        ],
        to=person("Rektorsnätverket grundskola", "rektorsnatverket.grundskola@falkoping.se"),
        cc=MAILBOX,
    )
    add(
        "011-grundskola-kallelse-dagordning-docx",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["agenda", "meeting_dates"],
        meetings=[
            meeting("2026-03-12", "08:30", "11:30", "Ekedalsskolan, Tidaholm, aulan"),
            meeting("2026-05-07", "13:00", "16:00", "Skövde"),
        ],
        reasons=[
            "KALLELSE with a Tid/Plats/Värd table and a numbered DAGORDNING (.docx)",
            "coffee from 08.00 is not the start; 2026-01-22 is the previous protocol; "
            "'senast 5 mars' is a deadline",
            "item 8 announces the next meeting, 7 May 13.00–16.00 in Skövde",
        ],
    )


# ============================================================================
# 012 förskola: member list as PDF table, roles in a block under the table
# ============================================================================


FORSKOLA = [  # kommun, namn, titel, email
    ("Essunga", "Linnea Ståhlberg", "Rektor förskola", "linnea.stahlberg@essunga.se"),
    ("Falköping", "Emelie Dahlgren", "Rektor förskola", "emelie.dahlgren@falkoping.se"),
    ("Grästorp", "Therese Alm", "Rektor förskola", ""),
    ("Gullspång", "Ulrika Fagerström", "Förskolechef", "ulrika.fagerstrom@gullspang.se"),
    ("Götene", "Maria Kjellin", "Rektor förskola", "maria.kjellin@gotene.se"),
    ("Hjo", "Karolina Modig", "Rektor förskola", "karolina.modig@hjo.se"),
    ("Karlsborg", "Johanna Lilja", "Rektor förskola", "johanna.lilja@karlsborg.se"),
    ("Lidköping", "Cecilia Hammar", "Verksamhetschef förskola", "cecilia.hammar@lidkoping.se"),
    ("Mariestad", "Lotta Rydén", "Rektor förskola", "lotta.ryden@mariestad.se"),
    ("Skara", "Hanna Sjögren", "Rektor förskola", "hanna.sjogren@skara.se"),
    ("Skövde", "Sara Wennberg", "Verksamhetschef förskola", "sara.wennberg@skovde.se"),
    ("Tibro", "Petra Ljungqvist", "Rektor förskola", "petra.ljungqvist@tibro.se"),
    ("Tidaholm", "Anneli Roos", "Rektor förskola", "anneli.roos@tidaholm.se"),
    ("Töreboda", "Mona Ekwall", "Rektor förskola", "mona.ekwall@toreboda.se"),
    ("Vara", "Jenny Brink", "Rektor förskola", "jenny.brink@vara.se"),
]


def c012():
    seed = "rh012"
    frm, addr_ = "Jenny Brink", "jenny.brink@vara.se"
    subject = "Förteckning förskolenätverket 2026"
    pdf = new_pdf(frm, "Förteckning förskolenätverket 2026")
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 9, latin1("Förskolenätverket i Skaraborg"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, latin1("Förteckning över ledamöter 2026"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.cell(0, 6, latin1("Uppdaterad 2026-01-12"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    widths = [26, 42, 44, 58]
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_fill_color(220, 230, 241)
    for w, t in zip(widths, ["Kommun", "Namn", "Titel", "E-post"]):
        pdf.cell(w, 7, latin1(t), border=1, fill=True)
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for row in FORSKOLA:
        for w, t in zip(widths, row):
            pdf.cell(w, 7, latin1(t or "-"), border=1)
        pdf.ln()
    pdf.ln(6)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, latin1("Uppdrag i nätverket 2026"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for line in [
        "Ordförande: Cecilia Hammar, Lidköping",
        "Sekreterare: Jenny Brink, Vara",
        "Presidium: ordförande och sekreterare samt Petra Ljungqvist, Tibro, och "
        "Anneli Roos, Tidaholm",
    ]:
        pdf.multi_cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    plain = (
        "Hej!\n\nBifogar förteckningen över förskolenätverket för 2026. Ny sedan i höstas "
        "är Ulrika i Gullspång.\n\n/Jenny\n\nJenny Brink\nRektor förskola, Vara kommun\n"
        "Sekreterare förskolenätverket Skaraborg\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Thu, 15 Jan 2026 11:02:26 +0000",
        plain,
        attachments=[attach(data, "application/pdf", "Förteckning förskolenätverket 2026.pdf")],
    )
    role = {
        "Cecilia Hammar": "ordforande",
        "Jenny Brink": "sekreterare",
        "Petra Ljungqvist": "presidium",
        "Anneli Roos": "presidium",
    }
    members = [member(n, m or None, k, role.get(n, "ledamot")) for k, n, _, m in FORSKOLA]
    add(
        "012-forskola-forteckning-pdf-uppdrag-under",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "PDF table Kommun | Namn | Titel | E-post; 'Förskolechef' and 'Verksamhetschef' "
            "are titles, not network roles",
            "roles in a block under the table: 'Ordförande: …', 'Sekreterare: …', "
            "'Presidium: ordförande och sekreterare samt A, Tibro, och B, Tidaholm'",
            "Grästorp's address is '-' -> email null; 'Uppdaterad 2026-01-12' is no meeting",
        ],
    )


# ============================================================================
# 013 IM: protocol .docx with attendance per half day (Fm / Em columns)
# ============================================================================


def c013():
    seed = "rh013"
    frm, addr_ = "Pernilla Ek", "pernilla.ek@skovde.se"
    subject = "Protokoll IM-nätverket 22 januari"
    rows = [
        ("Rasmus Falk", "Falköping", "x", "x"),
        ("Pernilla Ek", "Skövde", "x", "x"),
        ("Maja Engström", "Skövde", "x", "x"),
        ("Tove Nyberg", "Skövde", "x", ""),
        ("Lena Strand", "Hjo", "x", "x"),
        ("Patrik Holm", "Skara", "", "x"),
        ("Johan Sand", "Lidköping", "x", "x"),
        ("Elin Vall", "Mariestad", "x", "x"),
        ("Mattias Dalén", "Tidaholm", "", ""),
        ("Sofie Ringdahl", "Vara", "x", "x"),
        ("Daniel Hägg", "Götene", "", ""),
        ("Kristin Bolander", "Töreboda", "x", "x"),
    ]

    def build(d):
        d.add_heading("PROTOKOLL", level=1)
        d.add_paragraph("IM-nätverket Skaraborg – nätverksträff (heldag)")
        docx_grid(
            d,
            [
                ["Datum", "2026-01-22"],
                ["Tid", "09.00–15.00"],
                ["Plats", "De la Gardiegymnasiet, Lidköping"],
                ["Ordförande", "Rasmus Falk"],
                ["Sekreterare", "Pernilla Ek"],
                ["Justerare", "Johan Sand"],
            ],
            header_bold=False,
        )
        d.add_paragraph("")
        d.add_paragraph("Närvaro")
        docx_grid(d, [["Namn", "Kommun", "Fm", "Em"]] + [list(r) for r in rows])
        d.add_paragraph("x = närvarande. Mattias Dalén och Daniel Hägg hade anmält förhinder.")
        for head, body in [
            (
                "§ 1 Öppnande",
                "Rasmus Falk öppnar mötet. Johan Sand hälsar välkommen till De la Gardiegymnasiet.",
            ),
            ("§ 2 Föregående protokoll", "Protokollet från 2025-12-04 läggs till handlingarna."),
            (
                "§ 3 Studiebesök",
                "Förmiddagen ägnades åt studiebesök på språkintroduktion och yrkesintroduktion.",
            ),
            (
                "§ 4 Gemensam mall för individuella studieplaner",
                "Mallen antogs med smärre ändringar.",
            ),
            (
                "§ 5 Nästa möte",
                "Tisdag 10 mars kl. 13.00–15.00 via Teams. Länk skickas av ordföranden.",
            ),
        ]:
            p = d.add_paragraph()
            p.add_run(head).bold = True
            d.add_paragraph(body)

    doc = docx_bytes(build, frm)
    plain = "Hej,\n\nProtokollet från heldagen i Lidköping, justerat av Johan.\n\nMvh Pernilla\n"
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Tue, 27 Jan 2026 10:47:31 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Protokoll IM 2026-01-22.docx",
            )
        ],
    )
    add(
        "013-im-protokoll-fm-em-narvaro",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting("2026-01-22", "09:00", "15:00", "De la Gardiegymnasiet, Lidköping"),
            meeting("2026-03-10", "13:00", "15:00", "Teams"),
        ],
        protocol={
            "meeting_date": "2026-01-22",
            "attendees": [n for n, _, fm, em in rows if fm or em],
        },
        reasons=[
            "date, time and place in a label/value table (Datum | Tid | Plats)",
            "attendance per half day (Fm | Em): an x in either column is present; the two "
            "rows without any x had förhinder",
            "2025-12-04 is the previous protocol; '§ 5 Nästa möte' announces 10 March via Teams",
        ],
    )


# ============================================================================
# 014 anpassad skola: member list in plain text (Thunderbird), 'Kommun – Name, mail'
# ============================================================================


def c014():
    seed = "rh014"
    frm, addr_ = "Maria Ljung", "maria.ljung@hjo.se"
    subject = "Deltagare nätverket anpassad skola 2026"
    plain = """Hej!

Inför 2026 har vi gått igenom vilka som ingår i nätverket anpassad skola (anpassad grundskola och anpassad gymnasieskola). Ida Norén fortsätter som ordförande och jag, Maria Ljung, är sekreterare även 2026.

Essunga – vakant, besked kommer i januari
Falköping – Kristoffer Nord (anpassad gymnasieskola), kristoffer.nord@falkoping.se
Grästorp – Pia Sterner, pia.sterner@grastorp.se
Gullspång – Carina Moberg, carina.moberg@gullspang.se
Götene – Josefin Alvén, josefin.alven@gotene.se
Hjo – Maria Ljung, maria.ljung@hjo.se
Karlsborg – Rebecka Wiklander, rebecka.wiklander@karlsborg.se
Lidköping – Karin Vestin (anpassad gymnasieskola), karin.vestin@lidkoping.se
Mariestad – Anna Lindgren, anna.lindgren@mariestad.se
Skara – Sara Holmén, sara.holmen@skara.se
Skövde – Ida Norén, ida.noren@skovde.se, och Tomas Ahl (anpassad gymnasieskola), tomas.ahl@skovde.se
Tibro – Viktor Edlund, viktor.edlund@tibro.se
Tidaholm – Louise Hallin, louise.hallin@tidaholm.se
Töreboda – Emma Vik, emma.vik@toreboda.se
Vara – Birgitta Sahlin, birgitta.sahlin@vara.se

Hör av er om något är fel!

Hälsningar
Maria Ljung
Rektor anpassad grundskola, Hjo kommun
"""
    # Thunderbird: format=flowed single text part, 8bit
    lines = []
    for line in plain.split("\n"):
        if len(line) > 76:
            words, cur = line.split(" "), ""
            for w in words:
                if cur and len(cur) + len(w) + 1 > 72:
                    lines.append(cur + " ")
                    cur = w
                else:
                    cur = f"{cur} {w}" if cur else w
            lines.append(cur)
        else:
            lines.append(line)
    flowed = "\n".join(lines)
    body = Part(
        [
            "Content-Type: text/plain; charset=UTF-8; format=flowed",
            "Content-Transfer-Encoding: 8bit",
        ],
        flowed.encode("utf-8"),
    )
    mid = mid_thunderbird(seed, "hjo.se")
    hd = [
        ("Message-ID", mid),
        ("Date", "Fri, 12 Dec 2025 10:18:44 +0100"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "sv-SE"),
        ("To", MAILBOX),
        ("From", person(frm, addr_)),
        ("Subject", enc_header(subject)),
    ]
    raw = message(hd, body)
    order = [
        "Kristoffer Nord",
        "Pia Sterner",
        "Carina Moberg",
        "Josefin Alvén",
        "Maria Ljung",
        "Rebecka Wiklander",
        "Karin Vestin",
        "Anna Lindgren",
        "Sara Holmén",
        "Ida Norén",
        "Tomas Ahl",
        "Viktor Edlund",
        "Louise Hallin",
        "Emma Vik",
        "Birgitta Sahlin",
    ]
    kommun = {n: k for n, k, _, _ in ANP}
    role = {"Ida Norén": "ordforande", "Maria Ljung": "sekreterare"}
    members = []
    for n in order:
        first, last = n.split(" ", 1)
        email = (
            f"{first}.{last}".lower().translate(str.maketrans("åäöé", "aaoe"))
            + "@"
            + {
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
            }[kommun[n]]
        )
        assert email in plain, email
        members.append(member(n, email, kommun[n], role.get(n, "ledamot")))
    add(
        "014-anpassad-deltagare-brodtext-per-kommun",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "member list in a format=flowed text body, one line per municipality "
            "'Kommun – Name (undernätverk), address'; Skövde's line holds two people",
            "'Essunga – vakant' is no person",
            "roles only in the running text above the list: Ida Norén ordförande, "
            "Maria Ljung sekreterare; everyone else ledamot",
        ],
    )


# ============================================================================
# 015 grundskola: updated member list .docx, one member leaves -> needs_review
# ============================================================================


def c015():
    seed = "rh015"
    frm, addr_ = "Camilla Österberg", "camilla.osterberg@skovde.se"
    subject = "Uppdaterad förteckning grundskolenätverket inför 2026"
    roles_txt = {
        "Henrik Bäck": "Ordförande",
        "Camilla Österberg": "Sekreterare",
        "Eva Granlund": "Presidiet",
        "Niklas Frid": "Presidiet",
    }
    rows = []
    for k, n, e, m, _ in GRUND:
        if n == "Olle Berglind":
            rows.append([k, "(vakant från 2026-01-01)", "", ""])
        else:
            rows.append([k, n, roles_txt.get(n, ""), m])

    def build(d):
        d.add_heading("Rektorsnätverket grundskola Skaraborg", level=1)
        d.add_paragraph("Förteckning över medlemmar, gäller från 2026-01-01")
        docx_grid(d, [["Kommun", "Namn", "Roll i nätverket", "E-post"]] + rows)

    doc = docx_bytes(build, frm)
    plain = (
        "Hej!\n\nBifogar uppdaterad förteckning för grundskolenätverket. Olle Berglind, "
        "Karlsborg, går i pension vid årsskiftet och lämnar därmed nätverket. Karlsborg "
        "har ännu inte utsett någon efterträdare. I övrigt inga ändringar.\n\n"
        "God jul!\nCamilla\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Tue, 16 Dec 2025 13:37:12 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Förteckning grundskolenätverket 2026.docx",
            )
        ],
    )
    rmap = {
        "Ordförande": "ordforande",
        "Sekreterare": "sekreterare",
        "Presidiet": "presidium",
        "": "ledamot",
    }
    members = [
        member(n, m or None, k, rmap[roles_txt.get(n, "")])
        for k, n, e, m, _ in GRUND
        if n != "Olle Berglind"
    ]
    add(
        "015-grundskola-forteckning-docx-ledamot-lamnar",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "updated member list (.docx table Kommun | Namn | Roll i nätverket | E-post)",
            "the body says Olle Berglind leaves the network; Karlsborg's row is "
            "'(vakant från 2026-01-01)' -> someone leaves: a person must remove him",
            "Skara has no address -> email null; 2026-01-01 is no meeting",
        ],
    )


# ============================================================================
# 016 vux: autumn dates from a private outlook.com address -> needs_review
# ============================================================================


def c016():
    seed = "rh016"
    frm, addr_ = "Tobias Lind", "tobbe.lind@outlook.com"
    subject = "Vux-nätverket - datum hösten 2025"
    plain = """Hej!

Skickar från min privata adress eftersom jag inte kommer åt jobbmejlen under semestern.

Datum för vux-nätverket HT 2025:
• Tisdag 16 september kl. 9–12, Lidköping, Stadshuset
• Tisdag 21 oktober kl. 13–16, Teams
• Tisdag 25 november kl. 9–12, Mariestad, Stadsbiblioteket
• Torsdag 11 december kl. 9–12, Skövde, Kulturhuset

Värdkommunen skriver protokoll som vanligt.

/Tobias Lind
vice ordförande vux-nätverket, Lidköpings kommun

Skickat från Outlook för iOS
"""
    seedmid = f"<DU0P251MB{h(seed, 12)}{h(seed + 'b', 12)}@DU0P251MB0876.EURP251.PROD.OUTLOOK.COM>"
    alt = multi(
        "alternative", boundary(seed + "alt"), [text(plain), text(outlook_html(plain), "html")]
    )
    hd = [
        ("From", person(frm, addr_)),
        ("To", MAILBOX),
        ("Subject", enc_header(subject)),
        ("Thread-Topic", enc_header(subject)),
        ("Thread-Index", thread_index(seed)),
        ("Date", "Mon, 25 Aug 2025 06:52:19 +0000"),
        ("Message-ID", seedmid),
        ("Accept-Language", "sv-SE, en-US"),
        ("Content-Language", "sv-SE"),
        ("X-MS-Has-Attach", ""),
        ("X-MS-TNEF-Correlator", ""),
    ]
    raw = message(hd, alt)
    add(
        "016-vux-hostdatum-privat-adress",
        raw,
        mid=seedmid,
        frm=addr_,
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            meeting("2025-09-16", "09:00", "12:00", "Lidköping, Stadshuset"),
            meeting("2025-10-21", "13:00", "16:00", "Teams"),
            meeting("2025-11-25", "09:00", "12:00", "Mariestad, Stadsbiblioteket"),
            meeting("2025-12-11", "09:00", "12:00", "Skövde, Kulturhuset"),
        ],
        reasons=[
            "a clear autumn plan, but sent from a private outlook.com address (the sender "
            "says so) -> needs_review; everything found is still filled in",
            "bulleted lines 'Tisdag 16 september kl. 9–12, Place' without a year, sent in "
            "August -> 2025",
        ],
    )


# ============================================================================
# 017 joint meeting of two networks -> network null, needs_review
# ============================================================================


def c017():
    seed = "rh017"
    frm, addr_ = "Maria Kjellin", "maria.kjellin@gotene.se"
    subject = "Gemensam träff förskola och grundskola 17 april"
    plain = """Hej alla i förskolenätverket och rektorsnätverket grundskola!

Som vi pratade om i höstas bjuder Götene in båda nätverken till en gemensam träff om övergången från förskola till förskoleklass och lågstadiet.

Fredag 17 april 2026 kl. 9.00–15.00
Plats: Götene, Medborgarhuset

Lunch ingår. Anmälan senast 27 mars till mig, gärna med eventuella allergier.

Hälsningar
Maria Kjellin
Rektor förskola
Götene kommun
"""
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Tue, 10 Feb 2026 08:09:27 +0000",
        plain,
        to=", ".join(
            [
                person("Cecilia Hammar", "cecilia.hammar@lidkoping.se"),
                person("Henrik Bäck", "henrik.back@falkoping.se"),
            ]
        ),
        cc=MAILBOX,
    )
    add(
        "017-gemensam-traff-forskola-grundskola",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="needs_review",
        network=None,
        kinds=["meeting_dates"],
        meetings=[meeting("2026-04-17", "09:00", "15:00", "Götene, Medborgarhuset")],
        reasons=[
            "a joint meeting of two networks (förskolenätverket and rektorsnätverket "
            "grundskola), named equally in subject and body: no single network -> network "
            "null, needs_review",
            "the meeting itself is clear; 'senast 27 mars' is a deadline",
        ],
    )


# ============================================================================
# 018 Exchange auto-reply (studieresa) -> ignored
# ============================================================================


def c018():
    seed = "rh018"
    frm, addr_ = "Peter Wessman", "peter.wessman@hjo.se"
    subject = "Automatiskt svar: Kallelse rektorsnätverket grundskola 12 mars"
    plain = (
        "Tack för ditt mejl!\n\nJag är på studieresa 2–6 mars och läser inte min e-post. "
        "Jag är tillbaka måndag 9 mars.\nVid brådskande ärenden, kontakta skolexpeditionen "
        "på Guldkroksskolan.\n\nPeter Wessman\nRektor, Hjo kommun\n"
    )
    alt = multi(
        "alternative", boundary(seed + "alt"), [text(plain), text(outlook_html(plain), "html")]
    )
    hd = outlook_headers(
        seed,
        person(frm, addr_),
        subject,
        "Thu, 26 Feb 2026 09:40:06 +0000",
        to=person("Henrik Bäck", "henrik.back@falkoping.se"),
        cc=MAILBOX,
        reply_to_mid=mid_exchange("rh011"),
    )
    hd += [
        ("Auto-Submitted", "auto-generated"),
        ("X-Auto-Response-Suppress", "All"),
        ("X-MS-Exchange-Inbox-Rules-Loop", "peter.wessman@hjo.se"),
    ]
    raw = message(hd, alt)
    add(
        "018-automatiskt-svar-studieresa",
        raw,
        mid=mid_exchange(seed),
        frm=addr_,
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        reasons=[
            "Exchange out-of-office: 'Automatiskt svar:', Auto-Submitted: auto-generated, "
            "X-Auto-Response-Suppress",
            "the travel dates 2–6 mars and 9 mars are not meetings",
        ],
    )


# ============================================================================
# 019 anpassad skola: reply 'Jag kommer' quoting the kallelse -> ignored no-content
# ============================================================================


def c019():
    seed = "rh019"
    frm, addr_ = "Karin Vestin", "karin.vestin@lidkoping.se"
    subject = "SV: Kallelse nätverket anpassad skola fredag 13 mars"
    plain = """Hej Ida!

Jag kommer, och tar med vår nya biträdande rektor. Ser fram emot det!

/Karin

Karin Vestin
Rektor anpassad gymnasieskola
Lidköpings kommun

Från: Ida Norén <ida.noren@skovde.se>
Skickat: den 2 mars 2026 14:11
Till: Nätverket anpassad skola <anpassadskola.natverk@skovde.se>
Kopia: utbildning@skaraborg.se
Ämne: Kallelse nätverket anpassad skola fredag 13 mars

Hej alla!

Välkomna till nätverksträff fredag 13 mars kl. 9.00–12.00 på Guldkroksskolan i Hjo. Maria är värd.

Dagordning
1. Välkommen
2. Föregående anteckningar (16/1)
3. Mottagande i anpassad grundskola
4. Nästa möte 24 april i Götene

Ida Norén
Ordförande, nätverket anpassad skola
"""
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Tue, 03 Mar 2026 07:58:40 +0000",
        plain,
        to=person("Ida Norén", "ida.noren@skovde.se"),
        cc=MAILBOX,
        reply_to_mid=mid_exchange("rh019-orig"),
    )
    add(
        "019-anpassad-svar-jag-kommer",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network="anpassad-skola",
        reasons=[
            "a reply 'Jag kommer' to the chair, the mailbox only in Cc: nothing for the store",
            "the quoted kallelse (below 'Från: … Skickat: …') is history: its dates and "
            "dagordning are not this mail's",
            "the subject names the network -> anpassad-skola",
        ],
    )


# ============================================================================
# 020 external newsletter about adult education -> ignored
# ============================================================================


def c020():
    seed = "rh020"
    frm, addr_ = "Komvuxforum", "nyhetsbrev@komvuxforum.se"
    subject = "Nyhetsbrev februari: validering, yrkesvux och Vuxenutbildningsdagarna"
    plain = """Nyhetsbrev från Komvuxforum – februari 2026

WEBBINARIUM: Validering i praktiken
Onsdag 4 mars kl. 14.00–15.00, digitalt. Anmäl dig via länken nedan.

VUXENUTBILDNINGSDAGARNA 2026
22–23 april i Göteborg. Early bird till 15 mars.

Nytt om regionalt yrkesvux och statsbidragen för 2026.

Du får det här mejlet eftersom du prenumererar på Komvuxforums nyhetsbrev.
Avsluta prenumerationen: https://komvuxforum.se/avsluta?id=88412
"""
    html = (
        "<html><body><h2>Nyhetsbrev från Komvuxforum – februari 2026</h2>"
        "<h3>WEBBINARIUM: Validering i praktiken</h3><p>Onsdag 4 mars kl. 14.00–15.00, "
        "digitalt.</p><h3>VUXENUTBILDNINGSDAGARNA 2026</h3><p>22–23 april i Göteborg. "
        "Early bird till 15 mars.</p><p>Nytt om regionalt yrkesvux och statsbidragen för "
        '2026.</p><p style="font-size:10px">Du får det här mejlet eftersom du '
        'prenumererar på Komvuxforums nyhetsbrev. <a href="https://komvuxforum.se/'
        'avsluta?id=88412">Avsluta prenumerationen</a></p></body></html>\n'
    )
    bnd = f"=_mlr_{h(seed, 20)}"
    alt = multi("alternative", bnd, [text(plain), text(html, "html")])
    mid = f"<{h(seed, 16).lower()}.{h(seed + 'n', 10).lower()}@mail.komvuxforum.se>"
    hd = [
        ("Return-Path", "<bounce-88412-utbildning=skaraborg.se@mail.komvuxforum.se>"),
        ("From", person(frm, addr_)),
        ("Reply-To", "info@komvuxforum.se"),
        ("To", MAILBOX),
        ("Subject", enc_header(subject)),
        ("Date", "Tue, 17 Feb 2026 06:00:03 +0000"),
        ("Message-ID", mid),
        (
            "List-Unsubscribe",
            "<https://komvuxforum.se/avsluta?id=88412>, "
            "<mailto:unsubscribe@mail.komvuxforum.se?subject=88412>",
        ),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("List-Id", "Komvuxforum nyhetsbrev <nyhetsbrev.komvuxforum.se>"),
        ("Precedence", "bulk"),
        ("X-Mailer", "MailerLite"),
    ]
    raw = message(hd, alt)
    add(
        "020-nyhetsbrev-vuxenutbildning",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="ignored",
        ignored_reason="newsletter",
        network=None,
        reasons=[
            "newsletter: List-Unsubscribe, List-Id, Precedence: bulk, from an outside organisation",
            "the webinar and conference dates are not network meetings",
        ],
    )


# ============================================================================
# 021 IM: digital meeting, attendance only in a Teams attendance report (.csv)
# ============================================================================


def c021():
    seed = "rh021"
    frm, addr_ = "Pernilla Ek", "pernilla.ek@skovde.se"
    subject = "Anteckningar IM-nätverket 10/3 (Teams)"
    plain = """Hej!

Korta anteckningar från gårdagens digitala träff i IM-nätverket (Teams, kl 13–15).

Närvaro: se bifogad närvarorapport från Teams.

1. Uppföljning av heldagen i Lidköping
Mallen för individuella studieplaner används nu i sex kommuner.

2. Yrkesintroduktion och APL
Svårt att hitta APL-platser inom vård och omsorg. Patrik och Elin tar kontakt med Skaraborgs Kommunalförbund.

3. Nästa träff
Torsdag 7 maj kl. 13–16 på Ållebergsgymnasiet i Falköping.

/Pernilla
"""
    people = [  # display name as Teams shows it, first join, last leave, duration, email, role
        (
            "Rasmus Falk",
            "2026-03-10 12:57:03",
            "2026-03-10 15:01:48",
            "2 h 4 min",
            "rasmus.falk@falkoping.se",
            "Organisatör",
        ),
        (
            "Ek Pernilla",
            "2026-03-10 12:58:40",
            "2026-03-10 15:01:40",
            "2 h 3 min",
            "pernilla.ek@skovde.se",
            "Deltagare",
        ),
        (
            "Engström Maja",
            "2026-03-10 13:00:12",
            "2026-03-10 15:00:55",
            "2 h",
            "maja.engstrom@skovde.se",
            "Deltagare",
        ),
        (
            "Lena Strand",
            "2026-03-10 13:01:30",
            "2026-03-10 15:00:58",
            "1 h 59 min",
            "lena.strand@hjo.se",
            "Deltagare",
        ),
        (
            "Patrik Holm",
            "2026-03-10 12:59:51",
            "2026-03-10 15:01:02",
            "2 h 1 min",
            "patrik.holm@skara.se",
            "Deltagare",
        ),
        (
            "Johan Sand",
            "2026-03-10 13:02:44",
            "2026-03-10 15:00:50",
            "1 h 58 min",
            "johan.sand@lidkoping.se",
            "Deltagare",
        ),
        (
            "Elin Vall",
            "2026-03-10 13:00:05",
            "2026-03-10 15:01:11",
            "2 h 1 min",
            "elin.vall@mariestad.se",
            "Deltagare",
        ),
        (
            "Sofie Ringdahl",
            "2026-03-10 13:41:19",
            "2026-03-10 15:00:59",
            "1 h 19 min",
            "sofie.ringdahl@vara.se",
            "Deltagare",
        ),
        (
            "Kristin Bolander",
            "2026-03-10 13:03:26",
            "2026-03-10 14:10:07",
            "1 h 6 min",
            "kristin.bolander@toreboda.se",
            "Deltagare",
        ),
    ]
    out = [
        "1. Sammanfattning",
        "Mötesrubrik\tIM-nätverket Skaraborg",
        f"Deltagare som deltog\t{len(people)}",
        "Starttid\t2026-03-10 12:57:03",
        "Sluttid\t2026-03-10 15:01:48",
        "Mötesvaraktighet\t2 h 4 min",
        "Genomsnittlig närvarotid\t1 h 50 min",
        "",
        "2. Deltagare",
        "Namn\tFörsta anslutning\tSenaste avslutning\tVaraktighet under mötet\tE-post\t"
        "Deltagar-ID (UPN)\tRoll",
    ]
    for n, a, b, dur, mail, role in people:
        out.append(f"{n}\t{a}\t{b}\t{dur}\t{mail}\t{mail}\t{role}")
    out += [
        "",
        "3. Aktiviteter under mötet",
        "Namn\tAnslutningstid\tAvslutningstid\tVaraktighet\tE-post\tRoll",
    ]
    for n, a, b, dur, mail, role in people:
        out.append(f"{n}\t{a}\t{b}\t{dur}\t{mail}\t{role}")
    csv = ("\r\n".join(out) + "\r\n").encode("utf-16")  # BOM + UTF-16LE, as Teams saves it
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Wed, 11 Mar 2026 08:14:02 +0000",
        plain,
        attachments=[attach(csv, "text/csv", "Närvarorapport IM-nätverket Skaraborg.csv")],
    )
    names = [
        "Rasmus Falk",
        "Pernilla Ek",
        "Maja Engström",
        "Lena Strand",
        "Patrik Holm",
        "Johan Sand",
        "Elin Vall",
        "Sofie Ringdahl",
        "Kristin Bolander",
    ]
    add(
        "021-im-teams-narvarorapport-csv",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting("2026-03-10", "13:00", "15:00", "Teams"),
            meeting("2026-05-07", "13:00", "16:00", "Ållebergsgymnasiet, Falköping"),
        ],
        protocol={"meeting_date": "2026-03-10", "attendees": names},
        reasons=[
            "anteckningar in the body; 'Närvaro: se bifogad närvarorapport från Teams'",
            "the attendance is a Teams närvarorapport (.csv, UTF-16 with BOM, tab-separated, "
            "sections '1. Sammanfattning', '2. Deltagare', '3. Aktiviteter under mötet')",
            "display names from two tenants: Skövde shows 'Efternamn Förnamn' ('Ek Pernilla') "
            "-> 'Pernilla Ek'; each person once",
            "meeting date from the report and 'gårdagens' (mail of 11 March); time from the "
            "body 'kl 13–15', not from the join times",
        ],
    )


# ============================================================================
# 022 grundskola: school-year plan .docx with week numbers and host per row
# ============================================================================


def c022():
    seed = "rh022"
    frm, addr_ = "Camilla Österberg", "camilla.osterberg@skovde.se"
    subject = "Mötesplan grundskolenätverket 2025/26"
    rows = [
        ["38", "Torsdag 18/9", "13.00–16.00", "Skara, Stadshuset", "Fredrik Ahlqvist"],
        ["41", "Torsdag 9/10", "13.00–16.00", "Lidköping, Stadshuset", "Eva Granlund"],
        ["47", "Tisdag 18/11", "13.00–15.00", "Teams", "–"],
        ["4", "Torsdag 22/1", "13.00–16.00", "Falköping, Stadshuset", "Henrik Bäck"],
        ["11", "Torsdag 12/3", "08.30–11.30", "Tidaholm, Ekedalsskolan", "Anna-Karin Lövgren"],
        ["19", "Torsdag 7/5", "13.00–16.00", "Skövde, Stadshuset", "Camilla Österberg"],
        ["23", "Onsdag 3/6", "08.30–15.00", "Hjo (heldag, avslutning)", "Peter Wessman"],
    ]

    def build(d):
        p = d.add_paragraph()
        p.add_run("Rektorsnätverket grundskola – mötesplan läsåret 2025/2026").bold = True
        d.add_paragraph("Fastställd av presidiet 2025-06-05")
        docx_grid(d, [["Vecka", "Dag och datum", "Tid", "Plats", "Värd"]] + rows)
        d.add_paragraph("Kallelse och dagordning skickas ut av ordföranden ca en vecka innan.")

    doc = docx_bytes(build, frm)
    plain = (
        "Hej!\n\nBifogar nätverkets mötesplan för nästa läsår så att ni kan boka in "
        "datumen redan nu.\n\nTrevlig sommar!\nCamilla Österberg\n"
        "Sekreterare rektorsnätverket grundskola, Skövde kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Thu, 12 Jun 2025 12:00:41 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Mötesplan 2025-2026.docx",
            )
        ],
    )
    add(
        "022-grundskola-motesplan-veckonummer-docx",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            meeting("2025-09-18", "13:00", "16:00", "Skara, Stadshuset"),
            meeting("2025-10-09", "13:00", "16:00", "Lidköping, Stadshuset"),
            meeting("2025-11-18", "13:00", "15:00", "Teams"),
            meeting("2026-01-22", "13:00", "16:00", "Falköping, Stadshuset"),
            meeting("2026-03-12", "08:30", "11:30", "Tidaholm, Ekedalsskolan"),
            meeting("2026-05-07", "13:00", "16:00", "Skövde, Stadshuset"),
            meeting("2026-06-03", "08:30", "15:00", "Hjo"),
        ],
        reasons=[
            "plan table Vecka | Dag och datum | Tid | Plats | Värd, sent in June for the next "
            "school year: 18/9–18/11 are 2025, 22/1–3/6 are 2026 (the week numbers agree)",
            "week numbers and the 'Värd' column are not dates or places",
            "'Hjo (heldag, avslutning)' -> place Hjo; 'Fastställd 2025-06-05' is no meeting",
        ],
    )


# ============================================================================
# 023 vux: HTML-only anteckningar, Närvarande | Förhinder side by side
# ============================================================================


def c023():
    seed = "rh023"
    frm, addr_ = "Hanna Bergkvist", "hanna.bergkvist@skovde.se"
    subject = "Anteckningar vux-nätverket 11 december"
    left = [
        "Hanna Bergkvist, Skövde (ordf., värd)",
        "Tobias Lind, Lidköping",
        "Agneta Wahl, Mariestad",
        "Jonas Ekdahl, Falköping",
        "Marie Sundin, Skara",
        "Anders Kvist, Tidaholm",
        "Camilla Rosén, Vara",
        "Ingela Berg, Hjo",
        "Mikael Fjäll, Tibro",
        "Sanna Lidén, Töreboda",
        "Helén Borg, Gullspång",
        "Kent Åberg, Grästorp",
    ]
    right = ["Erik Holmqvist, Götene", "Ylva Törnqvist, Essunga", "Göran Ask, Karlsborg"]
    trs = [
        '<tr><td style="border:1px solid #999;padding:4px 8px"><b>Närvarande</b></td>'
        '<td style="border:1px solid #999;padding:4px 8px"><b>Förhinder</b></td></tr>'
    ]
    for i in range(len(left)):
        r = right[i] if i < len(right) else ""
        trs.append(
            f'<tr><td style="border:1px solid #999;padding:4px 8px">{escape(left[i])}'
            f'</td><td style="border:1px solid #999;padding:4px 8px">'
            f"{escape(r) or '&nbsp;'}</td></tr>"
        )
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body dir="ltr"><div style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">
<p>Hej alla!</p>
<p>Här kommer anteckningarna från torsdagens träff hos oss i Skövde.</p>
<p><b>Anteckningar – Vuxenutbildningsnätverket Skaraborg</b><br>
Torsdag 11 december 2025, kl. 9.00–12.00<br>
Kulturhuset, Skövde</p>
<table style="border-collapse:collapse">
{chr(10).join(trs)}
</table>
<p><b>1. Föregående protokoll</b><br>Protokollet från 25 november lades till handlingarna.</p>
<p><b>2. Yrkesvux 2026</b><br>Samtliga kommuner står bakom den gemensamma ansökan. Presidiet skickar in.</p>
<p><b>3. Vårens datum</b><br>Datum för våren 2026 beslutas av presidiet och skickas ut i januari.</p>
<p>God jul!<br>Hanna</p>
<p>Hanna Bergkvist<br>Verksamhetschef vuxenutbildning<br>Skövde kommun</p>
</div></body></html>
"""
    mid = f"<{h(seed, 16).lower()}{h(seed + 'o', 16).lower()}@AS8PR09MB1234.eurprd09.prod.outlook.com>"
    hd = [
        ("From", person(frm, addr_)),
        ("To", MAILBOX),
        ("Subject", enc_header(subject)),
        ("Thread-Topic", enc_header(subject)),
        ("Thread-Index", thread_index(seed)),
        ("Date", "Mon, 15 Dec 2025 15:20:09 +0000"),
        ("Message-ID", mid),
        ("Accept-Language", "sv-SE, en-US"),
        ("Content-Language", "sv-SE"),
        ("X-MS-Has-Attach", ""),
        ("X-Mailer", "Microsoft Outlook Web App"),
    ]
    raw = message(hd, text(html, "html"))
    add(
        "023-vux-anteckningar-html-tva-kolumner",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[meeting("2025-12-11", "09:00", "12:00", "Kulturhuset, Skövde")],
        protocol={"meeting_date": "2025-12-11", "attendees": [x.split(",")[0] for x in left]},
        reasons=[
            "HTML-only body (Outlook on the web); attendance is a two-column table "
            "'Närvarande | Förhinder' read row by row: only the left column attended",
            "'Protokollet från 25 november' is a reference; spring dates 'skickas ut i "
            "januari' -> no new meeting, kinds protocol only",
        ],
    )


# ============================================================================
# 024 anpassad skola: protocol .docx with names written 'Efternamn Förnamn'
# ============================================================================


def c024():
    seed = "rh024"
    frm, addr_ = "Maria Ljung", "maria.ljung@hjo.se"
    subject = "Protokoll nätverket anpassad skola 2026-03-13"
    present = [
        "Ahl Tomas, Skövde",
        "Alvén Josefin, Götene",
        "Hallin Louise, Tidaholm",
        "Holmén Sara, Skara",
        "Lindgren Anna, Mariestad",
        "Ljung Maria, Hjo (sekreterare, värd)",
        "Norén Ida, Skövde (ordförande)",
        "Sahlin Birgitta, Vara",
        "Sterner Pia, Grästorp",
        "Vestin Karin, Lidköping",
        "Vik Emma, Töreboda",
    ]
    absent = [
        "Edlund Viktor, Tibro",
        "Moberg Carina, Gullspång",
        "Nord Kristoffer, Falköping",
        "Wiklander Rebecka, Karlsborg",
    ]

    def build(d):
        p = d.add_paragraph()
        p.add_run("Protokoll fört vid nätverksträff").bold = True
        d.add_paragraph("Nätverket anpassad skola, Skaraborg")
        d.add_paragraph("Tid och plats: fredag 13 mars 2026 kl. 09.00–12.00, Guldkroksskolan, Hjo")
        d.add_paragraph("")
        d.add_paragraph("Närvarande:")
        for x in present:
            d.add_paragraph(x)
        d.add_paragraph("")
        d.add_paragraph("Frånvarande:")
        for x in absent:
            d.add_paragraph(x)
        d.add_paragraph("")
        d.add_paragraph("Justerare: Ahl Tomas")
        for head, body in [
            ("§ 1 Öppnande", "Ordföranden öppnar mötet. Maria Ljung hälsar välkommen till Hjo."),
            ("§ 2 Föregående minnesanteckningar", "Anteckningarna från 16 januari godkänns."),
            (
                "§ 3 Mottagande i anpassad grundskola",
                "Erfarenhetsutbyte om utredningar inför mottagande. Ida sammanställer.",
            ),
            (
                "§ 4 Anpassad gymnasieskola",
                "Tomas Ahl rapporterar från undernätverket om APL "
                "och samverkan med arbetsmarknadsenheterna.",
            ),
            ("§ 5 Övriga frågor", "Inga."),
            ("§ 6 Nästa möte", "Fredag 24 april kl. 9–12 i Götene. Josefin Alvén är värd."),
        ]:
            p = d.add_paragraph()
            p.add_run(head).bold = True
            d.add_paragraph(body)
        d.add_paragraph("")
        d.add_paragraph("Vid protokollet: Ljung Maria")
        d.add_paragraph("Justeras: Norén Ida, ordförande        Ahl Tomas, justerare")

    doc = docx_bytes(build, frm)
    plain = (
        "Hej!\n\nHär kommer det justerade protokollet från nätverksträffen hos oss i "
        "Hjo.\n\nMvh Maria Ljung\nRektor, Hjo kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        person(frm, addr_),
        subject,
        "Wed, 18 Mar 2026 10:29:37 +0000",
        plain,
        attachments=[
            attach(
                doc,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Protokoll anpassad skola 260313.docx",
            )
        ],
    )
    attendees = []
    for x in present:
        last, first = x.split(",")[0].split(" ", 1)
        attendees.append(f"{first} {last}")
    add(
        "024-anpassad-protokoll-efternamn-forst",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            meeting("2026-03-13", "09:00", "12:00", "Guldkroksskolan, Hjo"),
            meeting("2026-04-24", "09:00", "12:00", "Götene"),
        ],
        protocol={"meeting_date": "2026-03-13", "attendees": attendees},
        reasons=[
            "protocol written by the host principal (.docx); 'Närvarande:' one person a "
            "paragraph, in alphabetical order by surname, written 'Efternamn Förnamn, Kommun' "
            "-> 'Förnamn Efternamn'",
            "'Frånvarande' are not attendees; '16 januari' is a reference",
            "'§ 6 Nästa möte: Fredag 24 april kl. 9–12 i Götene' -> meeting_dates",
        ],
    )


# ============================================================================
# 025 förskola: yearly plan in running text, hosts 'i tur och ordning'
# ============================================================================


def c025():
    seed = "rh025"
    frm, addr_ = "Cecilia Hammar", "cecilia.hammar@lidkoping.se"
    subject = "Förskolenätverkets träffar 2026"
    plain = """Hej!

Presidiet har nu lagt förskolenätverkets träffar för 2026. Vi ses på fredagarna 23 januari, 6 mars, 22 maj, 25 september och 4 december. Tiden är 9.00–12.00, utom i maj då vi har heldag med studiebesök kl. 9–15.

Värdkommuner är i tur och ordning Götene, Vara, Tibro, Essunga och Falköping. Värdkommunen bokar lokal och skickar adressen med kallelsen.

Jenny skickar som vanligt protokollen till utbildning@skaraborg.se.

Hälsningar
Cecilia Hammar
Ordförande förskolenätverket Skaraborg
Verksamhetschef förskola, Lidköpings kommun
"""
    bnd = boundary(seed, "apple")
    alt = multi(
        "alternative",
        bnd,
        [
            text(plain),
            text(
                '<html><head><meta http-equiv="content-type" content="text/html; '
                'charset=utf-8"></head><body style="overflow-wrap: break-word;">'
                + "".join(f"<div>{escape(x) or '<br>'}</div>" for x in plain.split("\n"))
                + "</body></html>\n",
                "html",
            ),
        ],
    )
    mid = mid_apple(seed, "lidkoping.se")
    hd = [
        ("From", person(frm, addr_)),
        ("Content-Type", None),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))"),
        ("Subject", enc_header(subject)),
        ("Message-Id", mid),
        ("Date", "Fri, 5 Dec 2025 16:44:20 +0100"),
        ("To", MAILBOX),
        ("X-Mailer", "Apple Mail (2.3826.400.131.1.6)"),
    ]
    lines = []
    for k, v in hd:
        if k == "Content-Type":
            lines += alt.headers
        else:
            lines.append(f"{k}: {v}")
    raw = Part(lines, alt.body).bytes()
    add(
        "025-forskola-arsplan-vardkommuner-i-tur-och-ordning",
        raw,
        mid=mid,
        frm=addr_,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[
            meeting("2026-01-23", "09:00", "12:00", "Götene"),
            meeting("2026-03-06", "09:00", "12:00", "Vara"),
            meeting("2026-05-22", "09:00", "15:00", "Tibro"),
            meeting("2026-09-25", "09:00", "12:00", "Essunga"),
            meeting("2026-12-04", "09:00", "12:00", "Falköping"),
        ],
        reasons=[
            "Apple Mail; the whole plan is two sentences: five Fridays, then the host "
            "municipalities 'i tur och ordning' -> the n-th date is at the n-th host",
            "time 9.00–12.00 for all, except May 'heldag … kl. 9–15'",
            "year 2026 from 'träffar för 2026' (sent in December 2025)",
        ],
    )


def main() -> int:
    for f in list(HERE.glob("[0-9][0-9][0-9]-*.eml")) + list(HERE.glob("[0-9][0-9][0-9]-*.json")):
        f.unlink()
    for fn in (
        c001,
        c002,
        c003,
        c004,
        c005,
        c006,
        c007,
        c008,
        c009,
        c010,
        c011,
        c012,
        c013,
        c014,
        c015,
        c016,
        c017,
        c018,
        c019,
        c020,
        c021,
        c022,
        c023,
        c024,
        c025,
    ):
        fn()
    names = [n for n, _, _ in CASES]
    assert len(names) == len(set(names)) == 25, names
    for name, raw, exp in CASES:
        (HERE / f"{name}.eml").write_bytes(raw)
        (HERE / f"{name}.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(CASES)} cases to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
