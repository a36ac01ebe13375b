#!/usr/bin/env python3
"""Generate the held-out evaluation corpus for `mailbot parse --json`.

Run from the repository root:

    .venv/bin/python tests/corpus_holdout/generate.py

Writes NNN-name.eml and NNN-name.json next to this script. Everything is
deterministic (fixed dates, Message-IDs, MIME boundaries, zip timestamps and
document metadata), so re-running gives byte-identical files.

All people are invented. Municipalities, schools and places are real names used
only as settings.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import quopri
import random
import re
import sys
import zipfile
from datetime import UTC, datetime
from email.header import Header
from email.utils import formataddr
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAILBOX = "utbildning@skaraborg.se"
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
CASES: list = []


# --------------------------------------------------------------------------
# small deterministic helpers
# --------------------------------------------------------------------------


def hx(seed: str, n: int = 32) -> str:
    return hashlib.sha256(seed.encode("utf-8")).hexdigest().upper()[:n]


def uuid_like(seed: str) -> str:
    h = hx(seed, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def mid_outlook(seed: str, host: str = "AM9PR02MB7612") -> str:
    return f"<{host}{hx(seed, 24)}@{host}.eurprd02.prod.outlook.com>"


def mid_gmail(seed: str) -> str:
    b = base64.urlsafe_b64encode(hashlib.sha256(seed.encode()).digest()).decode()
    b = b.replace("=", "").replace("-", "x").replace("_", "Q")
    return f"<CA{b[:8]}+{b[8:40]}@mail.gmail.com>"


def mid_apple(seed: str, domain: str) -> str:
    return f"<{uuid_like(seed)}@{domain}>"


def thread_index(seed: str) -> str:
    return base64.b64encode(hashlib.sha256(seed.encode()).digest()[:22]).decode()


def hdr(value: str, charset: str = "utf-8") -> str:
    """RFC 2047-encode a header value when it is not plain ASCII."""
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, charset).encode()


def addr(name: str, email: str, charset: str = "utf-8") -> str:
    if not name:
        return email
    return formataddr((name, email), charset=charset)


def b64body(data: bytes) -> bytes:
    s = base64.b64encode(data).decode("ascii")
    return ("\n".join(s[i : i + 76] for i in range(0, len(s), 76)) + "\n").encode("ascii")


def qpbody(text: str, charset: str) -> bytes:
    return quopri.encodestring(text.encode(charset))


# --------------------------------------------------------------------------
# MIME building (by hand, so that every byte is under control)
# --------------------------------------------------------------------------


class Part:
    def __init__(self, headers: list[str], body: bytes):
        self.headers = headers
        self.body = body

    def render(self) -> bytes:
        head = "\n".join(self.headers).encode("ascii")
        return head + b"\n\n" + self.body


def text_part(
    text: str,
    subtype: str = "plain",
    charset: str = "utf-8",
    cte: str = "quoted-printable",
    declare_charset: bool = True,
    extra: list[str] | None = None,
) -> Part:
    ctype = f"text/{subtype}"
    if declare_charset:
        ctype += f'; charset="{charset}"'
    if cte == "quoted-printable":
        body = qpbody(text, charset)
    elif cte == "base64":
        body = b64body(text.encode(charset))
    else:  # 7bit / 8bit
        body = text.encode(charset)
    if not body.endswith(b"\n"):
        body += b"\n"
    headers = [f"Content-Type: {ctype}", f"Content-Transfer-Encoding: {cte}"]
    return Part(headers + (extra or []), body)


def attachment(
    data: bytes,
    ctype: str,
    filename: str,
    style: str = "rfc2231",
    disposition: str | None = "attachment",
    extra: list[str] | None = None,
) -> Part:
    """style: 'ascii', 'rfc2231' (filename*=utf-8''...), 'outlook' (RFC 2047 in quotes)."""
    if style == "ascii":
        ct = f'{ctype}; name="{filename}"'
        cd = f'{disposition}; filename="{filename}"' if disposition else None
    elif style == "outlook":
        enc = Header(filename, "iso-8859-1").encode(maxlinelen=10000)
        ct = f'{ctype};\n\tname="{enc}"'
        cd = f'{disposition};\n\tfilename="{enc}"' if disposition else None
    else:
        from urllib.parse import quote

        q = quote(filename, safe="")
        ct = f"{ctype};\n name*=utf-8''{q}"
        cd = f"{disposition};\n filename*=utf-8''{q}" if disposition else None
    headers = [f"Content-Type: {ct}"]
    if cd:
        headers.append(f"Content-Disposition: {cd}")
    headers.append("Content-Transfer-Encoding: base64")
    return Part(headers + (extra or []), b64body(data))


def multipart(
    subtype: str,
    boundary: str,
    parts: list[Part],
    extra_ct: str = "",
    preamble: str | None = None,
    extra: list[str] | None = None,
) -> Part:
    ct = f'multipart/{subtype};\n\tboundary="{boundary}"' + extra_ct
    chunks = []
    if preamble:
        chunks.append(preamble.encode("ascii") + b"\n\n")
    for p in parts:
        chunks.append(b"--" + boundary.encode() + b"\n" + p.render())
        if not chunks[-1].endswith(b"\n"):
            chunks[-1] += b"\n"
    chunks.append(b"--" + boundary.encode() + b"--\n")
    return Part([f"Content-Type: {ct}"] + (extra or []), b"".join(chunks))


def rfc822_part(message_bytes: bytes, filename: str | None = None) -> Part:
    headers = ["Content-Type: message/rfc822"]
    if filename:
        headers.append(f'Content-Disposition: attachment; filename="{filename}"')
    return Part(headers, message_bytes if message_bytes.endswith(b"\n") else message_bytes + b"\n")


def message(headers: list[tuple[str, str]], body: Part) -> bytes:
    lines = [f"{k}: {v}" for k, v in headers]
    lines.append("MIME-Version: 1.0")
    return Part(lines + body.headers, body.body).render()


def outlook_html(text: str) -> str:
    paras = []
    for line in text.split("\n"):
        paras.append(
            f'<p class="MsoNormal">{escape(line) if line.strip() else "&nbsp;"}<o:p></o:p></p>'
        )
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
        '<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Aptos",sans-serif;} --></style>\n'
        '</head>\n<body lang="SV" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
        '<div class="WordSection1">\n' + "\n".join(paras) + "\n</div>\n</body>\n</html>\n"
    )


def outlook_headers(
    seed: str,
    frm: str,
    to: str,
    subject: str,
    date: str,
    cc: str | None = None,
    has_attach: bool = False,
    in_reply_to: str | None = None,
    charset: str = "utf-8",
) -> list[tuple[str, str]]:
    h = [("From", frm), ("To", to)]
    if cc:
        h.append(("CC", cc))
    h += [
        ("Subject", hdr(subject, charset)),
        ("Thread-Topic", hdr(re.sub(r"^(SV|VB|Sv|Vb): ", "", subject), charset)),
        ("Thread-Index", thread_index(seed)),
        ("Date", date),
        ("Message-ID", mid_outlook(seed)),
    ]
    if in_reply_to:
        h += [("References", in_reply_to), ("In-Reply-To", in_reply_to)]
    h += [
        ("Accept-Language", "sv-SE, en-US"),
        ("Content-Language", "sv-SE"),
        ("X-MS-Has-Attach", "yes" if has_attach else ""),
        ("X-MS-TNEF-Correlator", ""),
    ]
    return h


def outlook_alt(seed: str, text: str, charset: str = "utf-8") -> Part:
    return multipart(
        "alternative",
        f"_000_{hx(seed + 'alt', 40)}_",
        [text_part(text, "plain", charset), text_part(outlook_html(text), "html", "utf-8")],
    )


def outlook_mail(
    seed: str,
    frm: str,
    subject: str,
    date: str,
    text: str,
    attachments: list[Part] = (),
    to: str = MAILBOX,
    cc: str | None = None,
    in_reply_to: str | None = None,
    charset: str = "utf-8",
) -> tuple[bytes, str]:
    headers = outlook_headers(
        seed,
        frm,
        to,
        subject,
        date,
        cc=cc,
        has_attach=bool(attachments),
        in_reply_to=in_reply_to,
        charset=charset,
    )
    body = outlook_alt(seed, text, charset)
    if attachments:
        body = multipart("mixed", f"_004_{hx(seed + 'mix', 40)}_", [body, *attachments])
    return message(headers, body), mid_outlook(seed)


# --------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------


def normalize_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps and fixed document dates."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2025-01-01T08:00:00Z",
                    content,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.create_system = 0
            zi.external_attr = 0
            zout.writestr(zi, content)
    return out.getvalue()


def make_docx(build, author: str) -> bytes:
    import docx

    doc = docx.Document()
    build(doc)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.comments = ""
    cp.revision = 3
    cp.created = datetime(2025, 1, 1, 8, 0, 0)
    cp.modified = datetime(2025, 1, 1, 8, 0, 0)
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())


def docx_table(doc, rows: list[list[str]], style: str = "Table Grid"):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = style
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
            if r == 0:
                for run in t.cell(r, c).paragraphs[0].runs:
                    run.bold = True
    return t


def make_xlsx(build, author: str) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    build(wb)
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = datetime(2025, 1, 1, 8, 0, 0)
    wb.properties.modified = datetime(2025, 1, 1, 8, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())


def make_pdf(
    lines: list[tuple[str, str]], author: str, title: str, encrypt: tuple[str, str] | None = None
) -> bytes:
    """lines: (style, text) with style in h1/h2/p/b/blank."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2025, 1, 1, 8, 0, 0, tzinfo=UTC))
    pdf.set_author(author)
    pdf.set_title(title)
    pdf.set_creator("Microsoft\u00ae Word f\u00f6r Microsoft 365")
    pdf.set_producer("Microsoft\u00ae Word f\u00f6r Microsoft 365")
    if encrypt:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password=encrypt[0],
            user_password=encrypt[1],
            encryption_method=EncryptionMethod.RC4,
        )
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    for style, text in lines:
        if style == "blank":
            pdf.ln(4)
            continue
        size, weight = {"h1": (16, "B"), "h2": (12, "B"), "b": (11, "B"), "p": (11, "")}[style]
        pdf.set_font("Helvetica", weight, size)
        pdf.multi_cell(0, 6 if size <= 12 else 9, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_scanned_pdf(seed: str) -> bytes:
    """A PDF with only an image (no text layer), like a scanner produces."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    img = Image.new("L", (620, 877), 246)
    d = ImageDraw.Draw(img)
    y = 60
    while y < 800:
        x = 50 + rnd.randint(0, 20)
        end = rnd.randint(300, 570) if rnd.random() < 0.8 else rnd.randint(120, 250)
        while x < end:
            w = rnd.randint(12, 60)
            d.rectangle([x, y, min(x + w, end), y + rnd.randint(7, 10)], fill=rnd.randint(40, 90))
            x += w + rnd.randint(6, 12)
        y += rnd.choice([18, 18, 18, 34])
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2025, 1, 1, 8, 0, 0, tzinfo=UTC))
    pdf.set_creator("RICOH IM C3000")
    pdf.set_producer("RICOH IM C3000")
    pdf.add_page()
    buf.seek(0)
    pdf.image(buf, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def make_odt(paragraphs: list[tuple[str, str]]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P

    doc = OpenDocumentText()
    bold = Style(name="Rubrik", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold", fontsize="14pt"))
    doc.styles.addElement(bold)
    for kind, text in paragraphs:
        if kind == "h":
            doc.text.addElement(H(outlinelevel=1, stylename=bold, text=text))
        else:
            doc.text.addElement(P(text=text))
    buf = io.BytesIO()
    doc.write(buf)
    return normalize_zip(buf.getvalue())


def make_ods(sheet: str, rows: list[list]) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in rows:
        tr = TableRow()
        for val in row:
            if isinstance(val, tuple) and val[0] == "date":
                cell = TableCell(valuetype="date", datevalue=val[1])
                cell.addElement(P(text=val[1]))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(val)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    return normalize_zip(buf.getvalue())


def rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append("\\'%02x" % ch.encode("cp1252")[0])
    return "".join(out)


def make_rtf(title: str, intro: str, rows: list[list[str]]) -> bytes:
    widths = [2600, 4200, 6200, 9600]
    out = [
        r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1053{\fonttbl{\f0\fswiss\fcharset0 Calibri;}}",
        r"{\*\generator Riched20 10.0.22621}\viewkind4\uc1",
        r"\pard\sa200\sl276\slmult1\b\f0\fs28 " + rtf_escape(title) + r"\b0\fs22\par",
        r"\pard\sa200 " + rtf_escape(intro) + r"\par",
    ]
    for i, row in enumerate(rows):
        out.append(r"\trowd\trgaph108" + "".join(f"\\cellx{w}" for w in widths))
        cells = []
        for val in row:
            v = rtf_escape(val)
            cells.append((r"\b " + v + r"\b0" if i == 0 else v) + r"\cell")
        out.append(r"\pard\intbl " + " ".join(cells) + r"\row")
    out.append(r"\pard\sa200\par}")
    return ("\r\n".join(out) + "\r\n").encode("ascii")


def tiny_png(seed: str) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 40), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([4, 8, 30, 32], fill=(0, 84, 142))
    d.rectangle([36, 14, 116, 18], fill=(0, 84, 142))
    d.rectangle([36, 24, 96, 28], fill=(120, 160, 190))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


# --------------------------------------------------------------------------
# expected output
# --------------------------------------------------------------------------


def M(name, email=None, municipality=None, role="ledamot"):
    return {"name": name, "email": email, "municipality": municipality, "role": role}


def mt(date, start=None, end=None, place=None):
    return {"date": date, "start": start, "end": end, "place": place}


def case(
    name: str,
    raw: bytes,
    *,
    message_id: str,
    frm: str,
    subject: str,
    disposition: str,
    network,
    kinds,
    members=(),
    meetings=(),
    protocol=None,
    ignored_reason=None,
    reasons=(),
):
    exp = {
        "message_id": message_id,
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


# ==========================================================================
# APPLY
# ==========================================================================


def c001():
    seed = "001-forskola-forteckning-docx"
    subject = "Förteckning Förskolenätverket ht 2025"
    frm_email = "Linnea.Bergkvist@vara.se"
    rows = [
        ["Kommun", "Namn", "Funktion", "Mejl"],
        ["Essunga", "Helena Sjöberg", "Förskolechef", "helena.sjoberg@essunga.se"],
        ["Falköping", "Therese Axelsson", "Verksamhetschef", "therese.axelsson@falkoping.se"],
        ["Grästorp", "Johanna Ekdahl", "Rektor förskola (ny)", "johanna.ekdahl@grastorp.se"],
        ["Gullspång", "Camilla Norén", "Rektor", "camilla.noren@gullspang.se"],
        ["Götene", "Petra Wallin", "Rektor, ingår i presidiet", "petra.wallin@gotene.se"],
        ["Hjo", "Annika Forsman", "Förskolechef", "annika.forsman@hjo.se"],
        ["Karlsborg", "Malin Öhman", "Rektor", "malin.ohman@karlsborg.se"],
        ["Lidköping", "Ulrika Dahlén", "Verksamhetschef, Ordf.", "ulrika.dahlen@lidkoping.se"],
        ["Mariestad", "Sara Lundqvist", "Verksamhetschef", "sara.lundqvist@mariestad.se"],
        ["Skara", "Ingrid Palm", "Rektor", "ingrid.palm@skara.se"],
        [
            "Skövde",
            "Jenny Kullberg",
            "Verksamhetsutvecklare, presidiet",
            "jenny.kullberg@skovde.se",
        ],
        ["Tibro", "Elin Granqvist", "Rektor (ny)", "elin.granqvist@tibro.se"],
        ["Tidaholm", "Marie Wikström", "Förskolechef", "marie.wikstrom@tidaholm.se"],
        ["Töreboda", "Lotta Berglund", "Rektor", "lotta.berglund@toreboda.se"],
        ["Vara", "Linnea Bergkvist", "Verksamhetschef, Sekr", "linnea.bergkvist@vara.se"],
    ]

    def build(doc):
        doc.add_heading("Förskolenätverket Skaraborg", level=1)
        doc.add_paragraph("Deltagare HT 2025. Uppdaterad 2025-09-08.")
        docx_table(doc, rows)
        doc.add_paragraph("")
        doc.add_paragraph("Presidiet: ordförande, sekreterare samt Götene och Skövde.")

    data = make_docx(build, "Linnea Bergkvist")
    text = (
        "Hej!\n\n"
        "Bifogar aktuell förteckning över oss som ingår i Förskolenätverket inför hösten. "
        "Två nya sedan i våras (Tibro och Grästorp).\n\n"
        "Vänliga hälsningar\n\n"
        "Linnea Bergkvist\n"
        "Verksamhetschef förskola\n"
        "Vara kommun | Sektor utbildning\n"
        "Tel. 0512-310 00\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Linnea Bergkvist", frm_email),
        subject,
        "Mon, 8 Sep 2025 14:12:03 +0000",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Förteckning förskolenätverket HT25.docx",
                style="outlook",
            )
        ],
    )
    roles = {
        "Petra Wallin": "presidium",
        "Ulrika Dahlén": "ordforande",
        "Jenny Kullberg": "presidium",
        "Linnea Bergkvist": "sekreterare",
    }
    members = [M(r[1], r[3], r[0], roles.get(r[1], "ledamot")) for r in rows[1:]]
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "subject names Förskolenätverket",
            "docx table Kommun|Namn|Funktion|Mejl is a member list",
            "roles from Funktion column",
        ],
    )


def c002():
    seed = "002-grundskola-motesdatum-vt2026"
    subject = "Mötesdatum Grundskolenätverket"
    frm_email = "henrik.ljung@skara.se"
    text = (
        "Hej,\n\n"
        "Här kommer våra datum för våren. Presidiet spikade dem på avstämningen i tisdags.\n\n"
        "Mötesdatum VT 2026\n"
        "1. Fre 23 jan 09:00-12:00 Skara, Stadshuset\n"
        "2. Tors 5 mars 13:00-16:00 Vara, Vara Konserthus\n"
        "3. Fre 17 apr 09:00-15:00 Skövde, Kulturhuset (heldag med lunch)\n"
        "4. Ons 3 juni 09:00-12:00 Teams\n\n"
        "Kallelse och dagordning kommer från ordförande ca en vecka innan.\n\n"
        "Mvh\n"
        "Henrik Ljung\n"
        "Rektor Vallhamraskolan, Skara kommun\n"
        "Sekreterare i Grundskolenätverket\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Henrik Ljung", frm_email),
        subject,
        "Thu, 27 Nov 2025 16:05:44 +0100",
        text,
        charset="iso-8859-1",
    )
    meetings = [
        mt("2026-01-23", "09:00", "12:00", "Skara, Stadshuset"),
        mt("2026-03-05", "13:00", "16:00", "Vara, Vara Konserthus"),
        mt("2026-04-17", "09:00", "15:00", "Skövde, Kulturhuset"),
        mt("2026-06-03", "09:00", "12:00", "Teams"),
    ]
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=meetings,
        reasons=[
            "subject names Grundskolenätverket",
            "numbered plan under heading 'Mötesdatum VT 2026'",
            "year 2026 from the heading",
        ],
    )


def c003():
    seed = "003-im-minnesanteckningar-docx"
    subject = "Minnesanteckningar IM 17/10"
    frm_email = "amir.haddad@falkoping.se"

    def build(doc):
        doc.add_heading("Minnesanteckningar nätverksträff", level=1)
        doc.add_paragraph("Nätverket för introduktionsprogrammen i Skaraborg")
        doc.add_paragraph(
            "Datum: fredag 17 oktober 2025, kl. 9.00–12.00\nPlats: Ållebergsgymnasiet, Falköping"
        )
        doc.add_paragraph("Deltagare:")
        for n in [
            "Sanna Ekström (Skövde)",
            "Amir Haddad (Falköping)",
            "Jonas Blom (Lidköping)",
            "Rebecka Strand (Mariestad)",
            "Tomas Ivarsson (Tidaholm)",
            "Nadia Karimi (Skara)",
        ]:
            doc.add_paragraph(n, style="List Bullet")
        doc.add_paragraph("Frånvarande: Peter Lilja (Hjo), Oskar Nyberg (Töreboda)")
        doc.add_heading("1. Inledning", level=2)
        doc.add_paragraph("Sanna hälsade välkommen. Kort presentationsrunda.")
        doc.add_heading("2. Närvaro på IM", level=2)
        doc.add_paragraph(
            "Frånvaron ökade under veckorna 38–40, främst på IMA. Kommunerna delar sina "
            "rutiner för tidiga insatser till nästa gång."
        )
        doc.add_heading("3. Gemensam plan för kompetensutveckling", level=2)
        doc.add_paragraph("Arbetsgruppen (Jonas, Rebecka) lämnar förslag senast 28 november.")
        doc.add_heading("4. Samverkan med Vux-nätverket", level=2)
        doc.add_paragraph(
            "Vux-nätverket bjuder in till ett gemensamt samverkansmöte om yrkesutbildningar "
            "under våren. Presidiet bevakar."
        )
        doc.add_heading("5. Nästa möte", level=2)
        doc.add_paragraph("Fredag 5 december kl 9-12 i Lidköping, De la Gardiegymnasiet.")
        doc.add_paragraph("Vid anteckningarna: Amir Haddad")

    data = make_docx(build, "Amir Haddad")
    text = (
        "Hej!\n\nBifogar minnesanteckningarna från nätverksträffen i fredags.\n\n/Amir\n\n"
        "Amir Haddad\nBiträdande rektor, Introduktionsprogrammen\nÅllebergsgymnasiet, Falköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Amir Haddad", frm_email),
        subject,
        "Wed, 22 Oct 2025 10:31:10 +0200",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Minnesanteckningar_IM_2025-10-17.docx",
                style="ascii",
            )
        ],
    )
    meetings = [
        mt("2025-10-17", "09:00", "12:00", "Ållebergsgymnasiet, Falköping"),
        mt("2025-12-05", "09:00", "12:00", "Lidköping, De la Gardiegymnasiet"),
    ]
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["protocol", "meeting_dates"],
        meetings=meetings,
        protocol={
            "meeting_date": "2025-10-17",
            "attendees": [
                "Sanna Ekström",
                "Amir Haddad",
                "Jonas Blom",
                "Rebecka Strand",
                "Tomas Ivarsson",
                "Nadia Karimi",
            ],
        },
        reasons=[
            "attachment 'Minnesanteckningar nätverksträff' for nätverket för introduktionsprogrammen",
            "Vux-nätverket mentioned only as a partner",
            "Nästa möte 5 december",
            "28 november is a deadline",
        ],
    )


def c004():
    seed = "004-vux-protokoll-pdf"
    subject = "Protokoll komvux-nätverket 30 januari"
    frm_email = "cecilia.rydberg@mariestad.se"
    lines = [
        ("h1", "PROTOKOLL"),
        ("h2", "Nätverket för vuxenutbildning i Skaraborg"),
        ("blank", ""),
        ("p", "Tid: 2026-01-30 kl. 09.30-15.00"),
        ("p", "Plats: Stadshuset, Mariestad"),
        ("blank", ""),
        ("b", "Närvarande:"),
        ("p", "Fredrik Almgren - Skövde (ordförande)"),
        ("p", "Cecilia Rydberg - Mariestad (sekreterare, värdkommun)"),
        ("p", "Lena Kjellberg - Lidköping"),
        ("p", "Mats Hellström - Falköping"),
        ("p", "Birgitta Ahlqvist - Skara"),
        ("p", "Johan Sandell - Götene"),
        ("blank", ""),
        ("b", "Anmält förhinder:"),
        ("p", "Kristina Boman - Tibro"),
        ("p", "Erik Wennberg - Tidaholm"),
        ("blank", ""),
        ("b", "§ 1 Mötets öppnande"),
        ("p", "Ordföranden öppnade mötet och hälsade välkommen till Mariestad."),
        ("b", "§ 2 Föregående protokoll"),
        ("p", "Protokollet från mötet den 28 november lades till handlingarna."),
        ("b", "§ 3 Yrkesutbildning med språkstöd"),
        (
            "p",
            "Arbetsgruppen redovisade nuläget. Delrapporten ska lämnas till skolchefsnätverket "
            "senast den 15 maj.",
        ),
        ("b", "§ 4 Lärcenter och KomX"),
        ("p", "Diskussion om regional samverkan. Varje kommun återkommer med sina behov."),
        ("b", "§ 5 Arbetsordning 2026"),
        ("p", "Presidiet återkommer med förslag."),
        ("b", "§ 6 Mötets avslutande"),
        ("blank", ""),
        ("p", "Vid protokollet: Cecilia Rydberg          Justeras: Fredrik Almgren"),
    ]
    data = make_pdf(lines, "Cecilia Rydberg", "Protokoll Vux-nätverket 2026-01-30")
    text = (
        "Hej,\n\nProtokoll från vårt möte i Mariestad (vi var värdkommun) bifogas som pdf.\n\n"
        "Hälsningar\nCecilia Rydberg\nRektor Komvux Mariestad\n"
    )
    seedb = "Apple-Mail=_" + uuid_like(seed + "b")
    body = multipart(
        "mixed",
        seedb,
        [
            text_part(text, "plain", "utf-8", "quoted-printable"),
            attachment(
                data,
                "application/pdf",
                "Protokoll_vux_260130.pdf",
                style="ascii",
                disposition="inline",
            ),
        ],
    )
    mid = mid_apple(seed, "mariestad.se")
    raw = message(
        [
            ("From", addr("Cecilia Rydberg", frm_email)),
            ("Content-Transfer-Encoding", "7bit"),
            ("Subject", hdr(subject)),
            ("Date", "Mon, 2 Feb 2026 08:47:55 +0100"),
            ("Message-Id", mid),
            ("To", MAILBOX),
            ("X-Mailer", "Apple Mail (2.3826.400.131.1.6)"),
        ],
        body,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[mt("2026-01-30", "09:30", "15:00", "Stadshuset, Mariestad")],
        protocol={
            "meeting_date": "2026-01-30",
            "attendees": [
                "Fredrik Almgren",
                "Cecilia Rydberg",
                "Lena Kjellberg",
                "Mats Hellström",
                "Birgitta Ahlqvist",
                "Johan Sandell",
            ],
        },
        reasons=[
            "subject names komvux-nätverket",
            "inline PDF titled PROTOKOLL",
            "28 november and 15 maj are not meetings",
            "no next meeting announced",
        ],
    )


def c005():
    seed = "005-anpassad-deltagare-xlsx"
    subject = "Deltagarlista nätverket Anpassad skola 25/26"
    frm_email = "asa.lindstrom@lidkoping.se"
    rows = [
        ["Förnamn", "Efternamn", "Kommun", "Skolform", "E-post", "Uppdrag i nätverket"],
        ["Göran", "Fält", "Skövde", "Anp. gymnasieskola", "goran.falt@skovde.se", "Ordförande"],
        [
            "Åsa",
            "Lindström",
            "Lidköping",
            "Anp. grundskola",
            "asa.lindstrom@lidkoping.se",
            "Sekreterare",
        ],
        [
            "Daniel",
            "Westerberg",
            "Mariestad",
            "Anp. gymnasieskola",
            "daniel.westerberg@mariestad.se",
            "Presidium",
        ],
        ["Mikaela", "Roos", "Falköping", "Anp. grundskola", "mikaela.roos@falkoping.se", ""],
        ["Hanna", "Carlén", "Skara", "Anp. grundskola", "hanna.carlen@skara.se", ""],
        [
            "Stefan",
            "Ekholm",
            "Tidaholm",
            "Anp. grund- och gymnasieskola",
            "stefan.ekholm@tidaholm.se",
            "",
        ],
        ["Louise", "Berg", "Götene", "Anp. grundskola", "louise.berg@gotene.se", ""],
        ["Kent", "Sjödin", "Töreboda", "Anp. grundskola", "kent.sjodin@toreboda.se", ""],
    ]

    def build(wb):
        from openpyxl.styles import Font

        ws = wb.active
        ws.title = "Deltagare"
        ws["A1"] = "Nätverket Anpassad skola – deltagare läsåret 2025/2026"
        ws["A1"].font = Font(bold=True, size=13)
        for r, row in enumerate(rows, start=3):
            for c, val in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=val or None)
                if r == 3:
                    cell.font = Font(bold=True)
        for col, w in zip("ABCDEF", (12, 14, 12, 28, 32, 20)):
            ws.column_dimensions[col].width = w

    data = make_xlsx(build, "Åsa Lindström")
    text = (
        "Hej!\n\nHär kommer deltagarlistan för nätverket Anpassad skola läsåret 25/26. "
        "Både anpassad grundskola och anpassad gymnasieskola finns med, se kolumnen Skolform.\n\n"
        "Hälsningar\nÅsa\n\nÅsa Lindström\nRektor, Lidköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Åsa Lindström", frm_email),
        subject,
        "Fri, 12 Sep 2025 11:20:00 +0200",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Deltagare anpassad skola 2025-2026.xlsx",
                style="rfc2231",
            )
        ],
    )
    roles = {
        "Ordförande": "ordforande",
        "Sekreterare": "sekreterare",
        "Presidium": "presidium",
        "": "ledamot",
    }
    members = [M(f"{r[0]} {r[1]}", r[4], r[2], roles[r[5]]) for r in rows[1:]]
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "subject names nätverket Anpassad skola",
            "xlsx with Förnamn/Efternamn columns is a member list",
        ],
    )


def c006():
    seed = "006-grundskola-ledamoter-brodtext-cp1252"
    subject = "Ledamöter Grundskolenätverket ht-25"
    frm_email = "karin.stahl@skovde.se"
    people = [
        ("Skövde", "Karin Ståhl", " (ordf)", "ordforande"),
        ("Skara", "Henrik Ljung", " (sekr)", "sekreterare"),
        ("Lidköping", "Oscar Fridh", "", "ledamot"),
        ("Falköping", "Maja Enqvist", "", "ledamot"),
        ("Mariestad", "Pernilla Svärd", " (presidiet)", "presidium"),
        ("Vara", "Robert Hallberg", "", "ledamot"),
        ("Götene", "Anneli Holm", "", "ledamot"),
        ("Tidaholm", "Lars-Erik Moberg", "", "ledamot"),
        ("Hjo", "Sofia Lund", "", "ledamot"),
        ("Tibro", "Mattias Dahl", "", "ledamot"),
        ("Töreboda", "Eva Bengtsson", "", "ledamot"),
        ("Essunga", "Viktor Nyström", "", "ledamot"),
        ("Grästorp", "Jessica Olofsson", "", "ledamot"),
        ("Karlsborg", "Fredrik Engström", "", "ledamot"),
        ("Gullspång", "Ida Persson", "", "ledamot"),
    ]
    lines = "\n".join(f"{k} \u2013 {n}{r}" for k, n, r, _ in people)
    text = (
        "Hej!\n\nNedan är de som ingår i Grundskolenätverket från och med hösten. "
        "Rätta mig om något är fel, så skickar jag en ny version.\n\n"
        f"{lines}\n\n"
        "Karlsborg och Gullspång är nya för i år \u2013 välkomna!\n\n"
        "/Karin\n\n--\nKarin Ståhl\nVerksamhetschef grundskola\nSkövde kommun\n"
    )
    # text/plain with no charset parameter, Windows-1252 bytes (en dashes are 0x96)
    body = Part(
        ["Content-Type: text/plain", "Content-Transfer-Encoding: 8bit"], text.encode("cp1252")
    )
    mid = f"<{hx(seed, 20)}.{hx(seed + 'x', 8)}@EXCH02.skovde.se>"
    raw = message(
        [
            ("Return-Path", "<karin.stahl@skovde.se>"),
            ("From", addr("Karin Ståhl", "karin.stahl@skovde.se", "iso-8859-1")),
            ("To", MAILBOX),
            ("Subject", hdr(subject, "iso-8859-1")),
            ("Date", "Tue, 19 Aug 2025 13:02:41 +0200"),
            ("Message-ID", mid),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
        body,
    )
    members = [M(n, None, k, role) for k, n, _, role in people]
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "body lines 'Kommun – Namn (roll)'",
            "Windows-1252 body without declared charset",
            "no e-mail addresses given",
        ],
    )


def c007():
    seed = "007-grundskola-kallelse-dagordning"
    subject = "Kallelse Grundskolenätverket torsdag 5 mars"
    frm_email = "karin.stahl@skovde.se"
    text = (
        "Välkomna till Grundskolenätverkets träff!\n\n"
        "Tid: torsdagen den 5 mars kl 13.00 - 16.00\n"
        "Plats: Vara Konserthus, lokal Södra salen, Vara\n\n"
        "Dagordning\n"
        "1. Välkommen, presentation av nya ledamöter\n"
        "2. Föregående mötes protokoll (23/1)\n"
        "3. Skolnärvaro – nuläge i kommunerna\n"
        "4. Rekrytera och behålla legitimerad personal, inspel från Tidaholm\n"
        "5. Mottagande av nyanlända och studiehandledning på modersmålet\n"
        "6. Återrapportering till skolchefsnätverket\n"
        "7. Övrigt\n\n"
        "Fika serveras från 12.45. Meddela förhinder till mig senast måndag 2/3.\n\n"
        "Hälsningar\n"
        "Karin Ståhl, ordförande Grundskolenätverket\n"
        "Skövde kommun\n"
    )
    to = ", ".join(
        [
            addr("Henrik Ljung", "henrik.ljung@skara.se"),
            addr("Oscar Fridh", "oscar.fridh@lidkoping.se"),
            addr("Maja Enqvist", "maja.enqvist@falkoping.se"),
            addr("Pernilla Svärd", "pernilla.svard@mariestad.se"),
            addr("Robert Hallberg", "robert.hallberg@vara.se"),
        ]
    )
    raw, mid = outlook_mail(
        seed,
        addr("Karin Ståhl", "Karin.Stahl@skovde.se"),
        subject,
        "Fri, 27 Feb 2026 15:40:12 +0100",
        text,
        to=to,
        cc=MAILBOX,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["agenda", "meeting_dates"],
        meetings=[mt("2026-03-05", "13:00", "16:00", "Vara Konserthus, lokal Södra salen, Vara")],
        reasons=[
            "kallelse with Dagordning",
            "Tid/Plats lines give the meeting",
            "23/1 and 2/3 are not meetings",
        ],
    )


def c008():
    seed = "008-vux-mote-flyttas"
    subject = "Ändrat datum – Vux-nätverket"
    frm_email = "fredrik.almgren@skovde.se"
    text = (
        "Hej alla,\n\n"
        "Vi behöver tyvärr flytta aprilträffen eftersom lokalen är dubbelbokad. "
        "Mötet den 17/4 flyttas till onsdag 22/4, samma tid (kl 9-12) och samma plats, "
        "Campus Skövde, Högskolevägen.\n\n"
        "Övriga datum under våren ligger kvar som tidigare.\n\n"
        "Hälsningar\n"
        "Fredrik Almgren\n"
        "Ordförande Vux-nätverket\n"
        "Verksamhetschef vuxenutbildning, Skövde kommun\n"
    )
    raw, mid = outlook_mail(
        seed, addr("Fredrik Almgren", frm_email), subject, "Tue, 10 Mar 2026 09:15:33 +0100", text
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[mt("2026-04-22", "09:00", "12:00", "Campus Skövde, Högskolevägen")],
        reasons=["meeting moved from 17/4 to 22/4: listed at the new date only"],
    )


def c009():
    seed = "009-im-gmail-svar"
    subject = "Re: Datum för IM-nätverket i vår"
    frm_email = "sanna.ekstrom@skovde.se"
    new = (
        "Hej!\n\n"
        "Vi tar marsträffen hos oss: fredag 13 mars kl 9.00-12.00 på Västerhöjdsgymnasiet i Skövde. "
        "Jonas skickar ut hela planen till alla när den är klar.\n\n"
        "/Sanna\n"
    )
    attr = "Den mån 3 nov. 2025 kl. 10:14 skrev Jonas Blom <jonas.blom@lidkoping.se>:"
    old = (
        "Hej Sanna,\n\n"
        "Förslag på datum för IM-nätverket i vår:\n"
        "fre 30 jan 9-12 Lidköping\n"
        "fre 6 mars 9-12 Skövde\n"
        "fre 24 april 9-12 Mariestad\n\n"
        "Funkar mars för er?\n\n"
        "/Jonas\n"
    )
    plain = (
        new
        + "\n"
        + attr
        + "\n\n"
        + "".join(f"> {l}\n" if l else ">\n" for l in old.rstrip("\n").split("\n"))
    )
    html = (
        '<div dir="ltr"><div>Hej!</div><div><br></div><div>Vi tar marsträffen hos oss: fredag 13 mars kl '
        "9.00-12.00 på Västerhöjdsgymnasiet i Skövde. Jonas skickar ut hela planen till alla när den är klar."
        '</div><div><br></div><div>/Sanna</div></div><br><div class="gmail_quote gmail_quote_container">'
        '<div dir="ltr" class="gmail_attr">Den mån 3 nov. 2025 kl. 10:14 skrev Jonas Blom &lt;<a href="mailto:'
        'jonas.blom@lidkoping.se">jonas.blom@lidkoping.se</a>&gt;:<br></div><blockquote class="gmail_quote" '
        'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
        + "".join(f"<div>{escape(l) if l else '<br>'}</div>" for l in old.rstrip("\n").split("\n"))
        + "</blockquote></div>\n"
    )
    body = multipart(
        "alternative",
        "000000000000" + hx(seed, 16).lower(),
        [
            text_part(plain, "plain", "UTF-8", "quoted-printable"),
            text_part(html, "html", "UTF-8", "quoted-printable"),
        ],
    )
    parent = mid_gmail(seed + "parent")
    mid = mid_gmail(seed)
    raw = message(
        [
            ("X-Google-Smtp-Source", "AGHT+I" + hx(seed, 30).lower()),
            ("References", parent),
            ("In-Reply-To", parent),
            ("From", addr("Sanna Ekström", frm_email)),
            ("Date", "Tue, 4 Nov 2025 08:02:19 +0100"),
            ("Message-ID", mid),
            ("Subject", hdr(subject)),
            ("To", addr("Jonas Blom", "jonas.blom@lidkoping.se")),
            ("Cc", MAILBOX),
        ],
        body,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[mt("2026-03-13", "09:00", "12:00", "Västerhöjdsgymnasiet i Skövde")],
        reasons=[
            "subject names IM-nätverket",
            "new text announces 13 mars",
            "proposals in the quoted Gmail history are not meetings",
        ],
    )


def c010():
    seed = "010-im-iphone-nasta-traff"
    subject = "IM-nätverket nästa träff"
    frm_email = "jonas.blom@lidkoping.se"
    text = (
        "Hej! Nästa träff i IM-nätverket blir fre 5/12 kl 9-12 i Lidköping, De la Gardiegymnasiet "
        "(aulan). Kallelse kommer från Sanna.\n\nSkickat från min iPhone"
    )
    mid = mid_apple(seed, "lidkoping.se")
    raw = message(
        [
            ("Content-Type", "text/plain;\n\tcharset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("From", addr("Jonas Blom", frm_email)),
            ("Subject", hdr(subject)),
            ("Date", "Thu, 20 Nov 2025 17:48:02 +0100"),
            ("Message-Id", mid),
            ("To", MAILBOX),
            ("X-Mailer", "iPhone Mail (22F76)"),
        ],
        Part([], qpbody(text, "utf-8") + b"\n"),
    )
    # the Content-Type above is a top-level header; Part([]) adds none
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[mt("2025-12-05", "09:00", "12:00", "Lidköping, De la Gardiegymnasiet (aulan)")],
        reasons=["short iPhone mail", "fre 5/12 kl 9-12, year from Date header"],
    )


def c011():
    seed = "011-vux-delrapport-pdf"
    subject = "Delrapport – yrkesutbildning med språkstöd (Vux-nätverket)"
    frm_email = "lena.kjellberg@lidkoping.se"
    lines = [
        ("h1", "Delrapport maj 2026"),
        ("h2", "Gemensam struktur för yrkesutbildning med språkstöd i Skaraborg"),
        ("p", "Nätverket för vuxenutbildning - uppdrag från skolchefsnätverket, mål 2 och 3"),
        ("blank", ""),
        ("b", "1. Bakgrund"),
        (
            "p",
            "Skolchefsnätverket har gett Vux-nätverket i uppdrag att utreda och ta fram förslag på en "
            "gemensam struktur för yrkesutbildningar med språkstöd. Denna delrapport beskriver läget efter "
            "vårterminens arbete.",
        ),
        ("b", "2. Genomfört arbete"),
        (
            "p",
            "En kartläggning av befintliga kombinationsutbildningar i de 15 kommunerna har gjorts. "
            "Elva kommuner erbjuder i dag SFI i kombination med yrkeskurs, främst inom vård och omsorg, "
            "barn och fritid samt lager och logistik.",
        ),
        ("b", "3. Förslag i korthet"),
        (
            "p",
            "- gemensam kurskatalog för kombinationsutbildningar\n- delad språkstödjare mellan mindre kommuner\n"
            "- gemensam uppföljning av genomströmning",
        ),
        ("b", "4. Fortsatt arbete"),
        (
            "p",
            "En pilotkurs inom vård och omsorg planeras starta 17 augusti 2026 i samverkan mellan Lidköping, "
            "Götene och Vara. Slutlig återrapportering lämnas till skolchefsnätverket i oktober 2026.",
        ),
        ("blank", ""),
        ("p", "För nätverket: Lena Kjellberg, Lidköping, och Fredrik Almgren, Skövde"),
    ]
    data = make_pdf(lines, "Lena Kjellberg", "Delrapport Vux-nätverket maj 2026")
    text = (
        "Hej,\n\n"
        "Bifogat finns Vux-nätverkets delrapport om gemensam struktur för yrkesutbildning med språkstöd, "
        "enligt uppdraget från skolchefsnätverket. Slutlig återrapportering lämnas i oktober.\n\n"
        "Presidiet behandlade rapporten på mötet 22/4.\n\n"
        "Med vänlig hälsning\nLena Kjellberg\nUtvecklingsledare vuxenutbildning, Lidköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Lena Kjellberg", frm_email),
        subject,
        "Fri, 29 May 2026 14:03:00 +0200",
        text,
        [
            attachment(
                data, "application/pdf", "Delrapport_sprakstod_Vux_maj2026.pdf", style="ascii"
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["report"],
        reasons=[
            "delrapport to skolchefsnätverket",
            "22/4 is a past meeting mentioned, 17 augusti is a course start",
        ],
    )


def c012():
    seed = "012-im-kompetensutvecklingsplan-docx"
    subject = "Gemensam kompetensutvecklingsplan IM Skaraborg"
    frm_email = "sanna.ekstrom@skovde.se"

    def build(doc):
        doc.add_heading("Plan för kompetensutveckling", level=0)
        doc.add_paragraph("Introduktionsprogrammen i Skaraborg 2023–2025 (reviderad december 2025)")
        doc.add_heading("Syfte", level=1)
        doc.add_paragraph(
            "Planen ska ge personal och skolledare på introduktionsprogrammen i Skaraborgs "
            "kommuner en gemensam grund för kompetensutveckling, i linje med mål 3 i "
            "Måldokument Utbildning Skaraborg."
        )
        doc.add_heading("Insatser", level=1)
        docx_table(
            doc,
            [
                ["Område", "Målgrupp", "Form", "När"],
                [
                    "Språkutvecklande arbetssätt",
                    "Lärare IMS/IMA",
                    "Gemensam föreläsning + kollegialt lärande",
                    "VT 2026",
                ],
                [
                    "Skolnärvaro och tidiga insatser",
                    "Mentorer, elevhälsa",
                    "Nätverksträffar i kommunerna",
                    "VT–HT 2026",
                ],
                ["Vägledning mot nationellt program (IMV)", "SYV", "Workshop", "HT 2026"],
                ["Ledarskap på IM", "Skolledare", "Litteraturseminarier", "Löpande"],
            ],
        )
        doc.add_heading("Uppföljning", level=1)
        doc.add_paragraph(
            "Presidiet följer upp planen och återrapporterar till skolchefsnätverket en gång per termin."
        )

    data = make_docx(build, "Sanna Ekström")
    text = (
        "Hej!\n\n"
        "Bifogar den gemensamma planen för kompetensutveckling för personal och skolledare på "
        "introduktionsprogrammen i Skaraborg, reviderad efter nätverkets synpunkter. Den är förankrad i presidiet.\n\n"
        "God jul!\n\nSanna Ekström\nOrdförande, nätverket för introduktionsprogrammen\nSkövde kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Sanna Ekström", frm_email),
        subject,
        "Mon, 15 Dec 2025 10:10:10 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Kompetensutvecklingsplan IM Skaraborg rev dec 2025.docx",
                style="outlook",
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["report"],
        reasons=["kompetensutvecklingsplan is a report deliverable", "no dated meetings"],
    )


def c013():
    seed = "013-grundskola-aterrapportering-docx"
    subject = "Återrapportering till skolchefsnätverket – Grundskolenätverket läsåret 25/26"
    frm_email = "pernilla.svard@mariestad.se"

    def build(doc):
        doc.add_heading("Återrapportering läsåret 2025/2026", level=0)
        doc.add_paragraph("Nätverket för rektorer i grundskolan, Utbildning Skaraborg")
        doc.add_heading("Mål 2 – Höjd utbildningsnivå", level=1)
        doc.add_paragraph(
            "Nätverket har delat utvecklingsprojekt som gett resultat för fullföljda studier, "
            "bland annat Tidaholms arbete med läxhjälp och Götenes sommarskola för åk 9."
        )
        doc.add_heading("Mål 3 – Ökad kvalitet", level=1)
        doc.add_paragraph(
            "Skolnärvaro: samtliga kommuner använder nu gemensamma nyckeltal för frånvaro. "
            "Nyanlända: en gemensam mall för kartläggning och mottagande har tagits fram. "
            "Kompetensförsörjning: en enkät om att rekrytera och behålla legitimerad personal "
            "redovisas för skolchefsnätverket i höst."
        )
        doc.add_heading("Nätverkets arbete", level=1)
        doc.add_paragraph(
            "Nätverket har träffats fyra gånger under våren med god närvaro från kommunerna."
        )

    data = make_docx(build, "Pernilla Svärd")
    text = (
        "Hej!\n\nHär kommer Grundskolenätverkets återrapportering för läsåret.\n\n"
        "Vänligen\nPernilla Svärd\nRektor, Mariestads kommun\nGrundskolenätverkets presidium\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Pernilla Svärd", frm_email),
        subject,
        "Wed, 10 Jun 2026 16:22:09 +0200",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Återrapportering Grundskolenätverket 2025-2026.docx",
                style="rfc2231",
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["report"],
        reasons=["återrapportering to skolchefsnätverket"],
    )


def c014():
    seed = "014-forskola-arbetsordning-2026"
    subject = "Arbetsordning 2026 för nätverket för förskolan"
    frm_email = "ulrika.dahlen@lidkoping.se"

    def build(doc):
        doc.add_heading("Arbetsordning 2026", level=0)
        doc.add_paragraph("Förskolenätverket i Skaraborg")
        doc.add_heading("Syfte", level=1)
        doc.add_paragraph(
            "Arbetsordningen beskriver hur nätverket arbetar under kalenderåret 2026 med "
            "uppdragen från skolchefsnätverket: språkutvecklande arbete, övergångar, barns "
            "närvaro, trygghet och lekro samt volymminskning."
        )
        doc.add_heading("Roller", level=1)
        doc.add_paragraph(
            "Presidiet består av ordförande, sekreterare och två ledamöter och bereder "
            "mötena. Ordföranden skickar kallelse och dagordning två veckor före varje träff. "
            "Sekreteraren skickar minnesanteckningar till utbildning@skaraborg.se."
        )
        doc.add_heading("Mötesdatum 2026", level=1)
        docx_table(
            doc,
            [
                ["Datum", "Tid", "Plats", "Värd"],
                ["13 februari", "9.00–12.00", "Skara, Stadshuset", "Skara"],
                ["24 april", "9.00–15.00", "Hjo, Hotell Bellevue", "Hjo"],
                ["18 september", "9.00–12.00", "Falköping, Stadshuset", "Falköping"],
                ["20 november", "9.00–12.00", "Teams", "–"],
            ],
        )
        doc.add_paragraph(
            "Alla träffar är på fredagar. Underlag till dagordningen lämnas till presidiet "
            "senast tre veckor innan."
        )

    data = make_docx(build, "Ulrika Dahlén")
    text = (
        "Hej,\n\nPresidiet har tagit fram arbetsordningen för 2026. Den innehåller även årets mötesdatum.\n\n"
        "Mvh\nUlrika Dahlén\nOrdförande Förskolenätverket\nLidköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Ulrika Dahlén", frm_email),
        subject,
        "Thu, 22 Jan 2026 13:30:00 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Arbetsordning 2026 Förskolenätverket.docx",
                style="outlook",
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["report", "meeting_dates"],
        meetings=[
            mt("2026-02-13", "09:00", "12:00", "Skara, Stadshuset"),
            mt("2026-04-24", "09:00", "15:00", "Hjo, Hotell Bellevue"),
            mt("2026-09-18", "09:00", "12:00", "Falköping, Stadshuset"),
            mt("2026-11-20", "09:00", "12:00", "Teams"),
        ],
        reasons=["arbetsordning is a report", "table 'Mötesdatum 2026' gives the meetings"],
    )


def c015():
    seed = "015-anpassad-vidarebefordrat-fyi"
    subject = "VB: Datum HT25 nätverket anpassad skola"
    frm_email = "asa.lindstrom@lidkoping.se"
    text = (
        "FYI\n\n"
        "Åsa\n\n"
        "Från: Göran Fält <goran.falt@skovde.se>\n"
        "Skickat: den 14 augusti 2025 16:41\n"
        "Till: Åsa Lindström <asa.lindstrom@lidkoping.se>\n"
        "Ämne: Datum HT25 nätverket anpassad skola\n\n"
        "Hej Åsa!\n\n"
        "Kan du skicka in höstens datum till utbildning@skaraborg.se? Presidiet har bestämt:\n\n"
        "Fredag 12 september kl. 9–12, Skövde (Helenaskolan)\n"
        "Fredag 24 oktober kl. 9–12, Lidköping (Rudbecksgymnasiet)\n"
        "Fredag 5 december kl. 9–14, Skara (inkl. jullunch)\n\n"
        "/Göran\n"
    )
    raw, mid = outlook_mail(
        seed, addr("Åsa Lindström", frm_email), subject, "Mon, 18 Aug 2025 09:05:00 +0200", text
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[
            mt("2025-09-12", "09:00", "12:00", "Skövde (Helenaskolan)"),
            mt("2025-10-24", "09:00", "12:00", "Lidköping (Rudbecksgymnasiet)"),
            mt("2025-12-05", "09:00", "14:00", "Skara"),
        ],
        reasons=[
            "forward whose own text is only FYI: the forwarded plan counts",
            "'Skickat: den 14 augusti' is a header, not a meeting",
        ],
    )


def c016():
    seed = "016-anpassad-anteckningar-html-related"
    subject = "Anteckningar nätverksträff anpassade skolformer 24/10"
    frm_email = "asa.lindstrom@lidkoping.se"
    html = (
        '<html><head><meta charset="utf-8"></head><body style="font-family:Calibri,sans-serif">\n'
        "<p>Hej!</p>\n"
        "<p>Här kommer anteckningarna från fredagens träff här i Lidköping. Lägg gärna ut dem på "
        "utbildningskaraborg.se.</p>\n"
        "<h2>Anteckningar från mötet</h2>\n"
        "<p><b>Nätverket för anpassade skolformer i Skaraborg</b><br>\n"
        "Fredagen den 24 oktober 2025, 09.00–12.00<br>\n"
        "Rudbecksgymnasiet, Lidköping</p>\n"
        "<p><b>Närvarande:</b></p>\n<ul>\n"
        "<li>Göran Fält, Skövde</li>\n<li>Åsa Lindström, Lidköping</li>\n<li>Mikaela Roos, Falköping</li>\n"
        "<li>Daniel Westerberg, Mariestad</li>\n<li>Stefan Ekholm, Tidaholm</li>\n</ul>\n"
        "<p><b>Ej närvarande:</b> Hanna Carlén, Louise Berg, Kent Sjödin</p>\n"
        "<ol>\n"
        "<li>Rektorsrollen i anpassade skolformer – erfarenhetsutbyte kring ansvar för flera skolformer.</li>\n"
        "<li>Elevhälsan: behov av gemensam fortbildning om AKK. Daniel tar fram förslag.</li>\n"
        "<li>Programutbud i anpassad gymnasieskola – kartläggningen presenteras på nästa träff.</li>\n"
        "<li>Nästa träff 5 december i Skara enligt planen.</li>\n"
        "</ol>\n"
        "<p>Vid pennan<br>Åsa Lindström</p>\n"
        '<p><img src="cid:image001.png@01DC44A1.5B3F2E10" width="120" height="40" alt="Lidköpings kommun"></p>\n'
        "</body></html>\n"
    )
    png = tiny_png(seed)
    img = Part(
        [
            'Content-Type: image/png; name="image001.png"',
            "Content-Description: image001.png",
            'Content-Disposition: inline; filename="image001.png"; size=' + str(len(png)),
            "Content-ID: <image001.png@01DC44A1.5B3F2E10>",
            "Content-Transfer-Encoding: base64",
        ],
        b64body(png),
    )
    body = multipart(
        "related",
        f"_005_{hx(seed, 40)}_",
        [text_part(html, "html", "utf-8", "base64"), img],
        extra_ct=';\n\ttype="text/html"',
    )
    headers = outlook_headers(
        seed,
        addr("Åsa Lindström", frm_email),
        MAILBOX,
        subject,
        "Mon, 27 Oct 2025 12:14:00 +0100",
        has_attach=False,
    )
    raw = message(headers, body)
    mid = mid_outlook(seed)
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            mt("2025-10-24", "09:00", "12:00", "Rudbecksgymnasiet, Lidköping"),
            mt("2025-12-05", None, None, "Skara"),
        ],
        protocol={
            "meeting_date": "2025-10-24",
            "attendees": [
                "Göran Fält",
                "Åsa Lindström",
                "Mikaela Roos",
                "Daniel Westerberg",
                "Stefan Ekholm",
            ],
        },
        reasons=[
            "HTML-only body (multipart/related with logo)",
            "'Anteckningar från mötet' with Närvarande",
            "next meeting 5 december without times",
        ],
    )


def c017():
    seed = "017-anpassad-datum-januari-utan-ar"
    subject = "Datum vårterminen – anpassad grund- och gymnasieskola"
    frm_email = "goran.falt@skovde.se"
    text = (
        "Hej alla och god jul!\n\n"
        "Vårens träffar (fredagar som vanligt):\n\n"
        "den 16/1 kl. 9.00-12.00 Skövde, Helenaskolan\n"
        "den 13/2 kl. 9.00-12.00 Digitalt\n"
        "den 20/3 kl. 9.00-15.00 Falköping, Platåskolan\n"
        "den 29/5 kl. 9.00-12.00 Mariestad\n\n"
        "Kopia till utbildning@skaraborg.se så att datumen kommer in där också.\n\n"
        "/Göran\n\n"
        "Göran Fält\nRektor anpassad gymnasieskola, Skövde kommun\nOrdförande nätverket Anpassad skola\n"
    )
    to = "anpassadskola-natverket@skovde.se"
    raw, mid = outlook_mail(
        seed,
        addr("Göran Fält", frm_email),
        subject,
        "Wed, 17 Dec 2025 15:55:10 +0100",
        text,
        to=to,
        cc=MAILBOX,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[
            mt("2026-01-16", "09:00", "12:00", "Skövde, Helenaskolan"),
            mt("2026-02-13", "09:00", "12:00", "Digitalt"),
            mt("2026-03-20", "09:00", "15:00", "Falköping, Platåskolan"),
            mt("2026-05-29", "09:00", "12:00", "Mariestad"),
        ],
        reasons=[
            "sent 17 December: day/month dates without year fall in 2026",
            "'anpassad grund- och gymnasieskola' names the network",
        ],
    )


def c018():
    seed = "018-grundskola-outlook-svar-protokoll"
    subject = "SV: Protokoll Grundskolenätverket?"
    frm_email = "henrik.ljung@skara.se"

    def build(doc):
        doc.add_heading("Protokoll", level=0)
        doc.add_paragraph("Grundskolenätverket Skaraborg")
        doc.add_paragraph("Datum: 2026-01-23\nTid: 09:00–12:00\nPlats: Stadshuset, Skara")
        doc.add_heading("Närvarande", level=2)
        for n in [
            "Karin Ståhl, Skövde, ordförande",
            "Henrik Ljung, Skara, sekreterare",
            "Oscar Fridh, Lidköping",
            "Maja Enqvist, Falköping",
            "Robert Hallberg, Vara",
            "Anneli Holm, Götene",
            "Sofia Lund, Hjo",
            "Viktor Nyström, Essunga",
        ]:
            doc.add_paragraph(n)
        doc.add_heading("Frånvarande", level=2)
        doc.add_paragraph("Pernilla Svärd, Mariestad")
        doc.add_paragraph("Mattias Dahl, Tibro")
        doc.add_heading("§ 1 Mötets öppnande", level=2)
        doc.add_paragraph("Karin öppnade mötet.")
        doc.add_heading("§ 2 Skolnärvaro", level=2)
        doc.add_paragraph(
            "Genomgång av kommunernas frånvarostatistik för HT 2025. Gemensamma nyckeltal tas fram."
        )
        doc.add_heading("§ 3 Mottagande av nyanlända", level=2)
        doc.add_paragraph("Essunga och Vara presenterade sin gemensamma mottagningsenhet.")
        doc.add_heading("§ 4 Återrapportering", level=2)
        doc.add_paragraph("Presidiet sammanställer underlag till skolchefsnätverket.")
        doc.add_paragraph("Vid protokollet: Henrik Ljung")

    data = make_docx(build, "Henrik Ljung")
    text = (
        "Hej Maria,\n\n"
        "Förlåt, det blev liggande. Här kommer protokollet från fredagens träff i Skara.\n\n"
        "Hälsningar\nHenrik\n\n"
        "Från: Maria Söderlund <maria.soderlund@skaraborg.se>\n"
        "Skickat: den 26 januari 2026 14:12\n"
        "Till: Henrik Ljung <henrik.ljung@skara.se>\n"
        "Ämne: Protokoll Grundskolenätverket?\n\n"
        "Hej Henrik!\n\n"
        "Vi saknar protokollen från mötet 21 november och från i fredags. Kan du skicka dem till "
        "utbildning@skaraborg.se?\n"
        "Nästa träff står som torsdag 5 mars kl 13-16 i Vara i vår kalender, stämmer det?\n\n"
        "Maria Söderlund\nProcessledare, Utbildning Skaraborg\nSkaraborgs Kommunalförbund\n"
    )
    parent = mid_outlook(seed + "parent", host="GV1P189MB1744")
    raw, mid = outlook_mail(
        seed,
        addr("Henrik Ljung", frm_email),
        subject,
        "Tue, 27 Jan 2026 11:02:00 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Protokoll 2026-01-23 Grundskolenätverket.docx",
                style="outlook",
            )
        ],
        to=addr("Maria Söderlund", "maria.soderlund@skaraborg.se"),
        cc=MAILBOX,
        in_reply_to=parent,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[mt("2026-01-23", "09:00", "12:00", "Stadshuset, Skara")],
        protocol={
            "meeting_date": "2026-01-23",
            "attendees": [
                "Karin Ståhl",
                "Henrik Ljung",
                "Oscar Fridh",
                "Maja Enqvist",
                "Robert Hallberg",
                "Anneli Holm",
                "Sofia Lund",
                "Viktor Nyström",
            ],
        },
        reasons=[
            "Outlook reply: 21 november and 5 mars are in the quoted message",
            "attached protocol for 2026-01-23",
        ],
    )


def c019():
    seed = "019-vux-tvadagars-internat"
    subject = "Komvux-nätverkets höstinternat 2–3 oktober"
    frm_email = "johan.sandell@gotene.se"
    text = (
        "Hej komvux-nätverket!\n\n"
        "Som vi pratade om i juni blir höstens internat torsdag–fredag 2–3 oktober på Hotell Bellevue i Hjo. "
        "Vi startar kl 10.00 på torsdagen och avslutar efter lunch på fredagen.\n\n"
        "Meddela specialkost till mig senast 19 september.\n\n"
        "Och för ordningens skull, nästa ordinarie träff efter internatet:\n"
        "- tis 18 nov 13-16 Götene, Medborgarhuset\n\n"
        "Hälsningar\nJohan Sandell\nRektor Lärcenter Götene (värd för internatet)\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Johan Sandell", frm_email),
        subject,
        "Mon, 25 Aug 2025 10:45:00 +0200",
        text,
        to="vux-natverket@skaraborg.se",
        cc=MAILBOX,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            mt("2025-10-02", "10:00", None, "Hotell Bellevue i Hjo"),
            mt("2025-11-18", "13:00", "16:00", "Götene, Medborgarhuset"),
        ],
        reasons=[
            "two-day internat 2–3 oktober is one meeting on the first day",
            "19 september is a deadline",
            "'i juni' is not a date",
        ],
    )


def c020():
    seed = "020-im-motesplan-ods"
    subject = "Mötesplan IM 2026"
    frm_email = "jonas.blom@lidkoping.se"
    rows = [
        ["Mötesplan nätverket för introduktionsprogrammen 2026"],
        [""],
        ["Datum", "Dag", "Tid", "Plats", "Värd"],
        [("date", "2026-01-30"), "fredag", "9-12", "De la Gardiegymnasiet, Lidköping", "Lidköping"],
        [("date", "2026-03-13"), "fredag", "9-12", "Västerhöjdsgymnasiet, Skövde", "Skövde"],
        [("date", "2026-04-24"), "fredag", "9-12", "Vadsbogymnasiet, Mariestad", "Mariestad"],
        [("date", "2026-06-05"), "fredag", "9-15", "Ållebergsgymnasiet, Falköping", "Falköping"],
        [("date", "2026-09-25"), "fredag", "9-12", "Teams", "-"],
        [("date", "2026-11-20"), "fredag", "9-12", "Stadshuset, Tidaholm", "Tidaholm"],
    ]
    data = make_ods("Mötesplan 2026", rows)
    text = (
        "Hej, bifogar mötesplanen för nätverket för introduktionsprogrammen 2026 "
        "(ods-fil, går att öppna i Excel).\n\n/Jonas\n\nJonas Blom\nRektor IM, De la Gardiegymnasiet\n"
        "Lidköpings kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Jonas Blom", frm_email),
        subject,
        "Fri, 9 Jan 2026 08:30:00 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.oasis.opendocument.spreadsheet",
                "Mötesplan IM 2026.ods",
                style="rfc2231",
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[
            mt("2026-01-30", "09:00", "12:00", "De la Gardiegymnasiet, Lidköping"),
            mt("2026-03-13", "09:00", "12:00", "Västerhöjdsgymnasiet, Skövde"),
            mt("2026-04-24", "09:00", "12:00", "Vadsbogymnasiet, Mariestad"),
            mt("2026-06-05", "09:00", "15:00", "Ållebergsgymnasiet, Falköping"),
            mt("2026-09-25", "09:00", "12:00", "Teams"),
            mt("2026-11-20", "09:00", "12:00", "Stadshuset, Tidaholm"),
        ],
        reasons=["ODS sheet Datum|Dag|Tid|Plats|Värd", "subject 'IM' + body names the network"],
    )


def c021():
    seed = "021-forskola-minnesanteckningar-odt"
    subject = "Minnesanteckningar förskolenätverket 13 februari"
    frm_email = "linnea.bergkvist@vara.se"
    present = [
        ("Ulrika Dahlén", "Lidköping"),
        ("Linnea Bergkvist", "Vara"),
        ("Petra Wallin", "Götene"),
        ("Jenny Kullberg", "Skövde"),
        ("Helena Sjöberg", "Essunga"),
        ("Therese Axelsson", "Falköping"),
        ("Ingrid Palm", "Skara"),
        ("Elin Granqvist", "Tibro"),
        ("Lotta Berglund", "Töreboda"),
    ]
    paras = [
        ("h", "Minnesanteckningar nätverksträff – nätverket för förskolan"),
        ("p", "Fredag 13 februari 2026, kl. 9.00–12.00, Stadshuset i Skara"),
        ("p", ""),
        ("p", "Närvarande:"),
        *[("p", f"{n} – {k}") for n, k in present],
        ("p", ""),
        ("p", "Anmält förhinder: Sara Lundqvist – Mariestad, Marie Wikström – Tidaholm"),
        (
            "p",
            "Ej närvarande: Camilla Norén – Gullspång, Johanna Ekdahl – Grästorp, Annika Forsman – Hjo, "
            "Malin Öhman – Karlsborg",
        ),
        ("p", ""),
        ("h", "1. Språkutvecklande arbete"),
        ("p", "Skara berättade om högläsning i små grupper. Materialet delas i Teams-gruppen."),
        ("h", "2. Övergångar förskola–förskoleklass"),
        ("p", "Gemensam överlämningsmall diskuterades. Presidiet tar fram ett förslag."),
        ("h", "3. Barns närvaro"),
        ("p", "Flera kommuner ser lägre närvaro på fredagar. Följs upp under året."),
        ("h", "4. Volymminskning"),
        ("p", "Erfarenhetsutbyte om att organisera när barnkullarna minskar."),
        ("h", "5. Nästa träff"),
        ("p", "Fredag 24 april kl. 9–15 på Hotell Bellevue, Hjo. Heldag med lunch."),
        ("p", ""),
        ("p", "Antecknat av Linnea Bergkvist"),
    ]
    data = make_odt(paras)
    text = (
        "Hej!\n\nMinnesanteckningar från i fredags bifogas (odt). De ska även upp på utbildningskaraborg.se.\n\n"
        "Hälsn.\nLinnea\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Linnea Bergkvist", frm_email),
        subject,
        "Mon, 16 Feb 2026 09:12:00 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.oasis.opendocument.text",
                "Minnesanteckningar 2026-02-13.odt",
                style="ascii",
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            mt("2026-02-13", "09:00", "12:00", "Stadshuset i Skara"),
            mt("2026-04-24", "09:00", "15:00", "Hotell Bellevue, Hjo"),
        ],
        protocol={"meeting_date": "2026-02-13", "attendees": [n for n, _ in present]},
        reasons=[
            "ODT minnesanteckningar",
            "attendees 'Namn – Kommun'",
            "Anmält förhinder/Ej närvarande excluded",
            "Nästa träff 24 april",
        ],
    )


def c022():
    seed = "022-vux-datum-latin1"
    subject = "Vux-nätverket - datum hösten 2025"
    frm_email = "birgitta.ahlqvist@skara.se"
    text = (
        "Hej!\n\n"
        "Här är höstens mötestider för Vux-nätverket. Värdkommunen skriver protokoll som vanligt.\n\n"
        "Fredag 12 september, kl 09.00–11.30, Skara, Komvux Skara (värd: Skara)\n"
        "Torsdag–fredag 2–3 oktober, internat, Hjo (värd: Götene)\n"
        "Tisdag 18 november, kl 13.00–16.00, Götene, Medborgarhuset (värd: Götene)\n"
        "Fredag 12 december, klockan 9, Skövde, Kulturhuset (värd: Skövde)\n\n"
        "Birgitta Ahlqvist\n"
        "Sekreterare ht-25\n"
        "Komvux Skara\n"
    )
    # iso-8859-1 has no en dash: written with a plain hyphen, as Outlook would degrade it
    text = text.replace("\u2013", "-")
    body = text_part(text, "plain", "iso-8859-1", "quoted-printable")
    mid = f"<{hx(seed, 16).lower()}$${hx(seed + 'b', 8).lower()}@skara.se>"
    raw = message(
        [
            (
                "Received",
                "from EXCH01.skara.local (10.20.1.15) by EXCH01.skara.local\n (10.20.1.15) with "
                "Microsoft SMTP Server id 15.2.1544.4; Thu, 21 Aug 2025 14:00:02 +0200",
            ),
            ("From", addr("Birgitta Ahlqvist", frm_email, "iso-8859-1")),
            ("To", MAILBOX),
            ("Subject", hdr(subject, "iso-8859-1")),
            ("Date", "Thu, 21 Aug 2025 14:00:00 +0200"),
            ("Message-ID", mid),
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Content-Language", "sv"),
        ],
        body,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            mt("2025-09-12", "09:00", "11:30", "Skara, Komvux Skara"),
            mt("2025-10-02", None, None, "Hjo"),
            mt("2025-11-18", "13:00", "16:00", "Götene, Medborgarhuset"),
            mt("2025-12-12", "09:00", None, "Skövde, Kulturhuset"),
        ],
        reasons=[
            "ISO-8859-1 quoted-printable body",
            "two-day internat counted on its first day",
            "'klockan 9' gives a start only",
        ],
    )


def c023():
    seed = "023-forskola-protokoll-narvarotabell"
    subject = "Protokoll från nätverket förskola 21/11"
    frm_email = "petra.wallin@gotene.se"
    att = [
        ["Namn", "Kommun", "Närvaro"],
        ["Ulrika Dahlén", "Lidköping", "Ja"],
        ["Linnea Bergkvist", "Vara", "Ja"],
        ["Petra Wallin", "Götene", "Ja"],
        ["Jenny Kullberg", "Skövde", "Anmält förhinder"],
        ["Helena Sjöberg", "Essunga", "Ja"],
        ["Therese Axelsson", "Falköping", "Ja"],
        ["Johanna Ekdahl", "Grästorp", "Nej"],
        ["Sara Lundqvist", "Mariestad", "Ja"],
        ["Marie Wikström", "Tidaholm", "Ja"],
        ["Elin Granqvist", "Tibro", "Anmält förhinder"],
    ]

    def build(doc):
        doc.add_heading("PROTOKOLL", level=0)
        doc.add_paragraph("Förskolenätverket Skaraborg")
        doc.add_paragraph("Datum: fredagen den 21 november 2025")
        doc.add_paragraph("Tid: 9.00–12.00")
        doc.add_paragraph("Plats: Götene, Kommunhuset, sal Kinnekulle")
        doc.add_heading("Närvarolista", level=2)
        docx_table(doc, att)
        doc.add_heading("§ 1 Öppnande", level=2)
        doc.add_paragraph("Ordföranden öppnade mötet. Petra Wallin hälsade välkommen till Götene.")
        doc.add_heading("§ 2 Trygghet och lekro", level=2)
        doc.add_paragraph(
            "Falköping och Essunga delade erfarenheter av arbete med lekro i stora barngrupper."
        )
        doc.add_heading("§ 3 Övergångar", level=2)
        doc.add_paragraph("Överlämningsmallen prövas under våren i tre kommuner.")
        doc.add_heading("§ 4 Arbetsordning 2026", level=2)
        doc.add_paragraph(
            "Presidiet tar fram förslag till arbetsordning med mötesdatum. Skickas ut i januari."
        )
        doc.add_heading("§ 5 Avslutning", level=2)
        doc.add_paragraph("Sekreterare för mötet: Petra Wallin (värd)")

    data = make_docx(build, "Petra Wallin")
    text = (
        "Hej!\n\nHär kommer protokollet från träffen i Götene i fredags.\n\n"
        "Vänliga hälsningar\nPetra Wallin\nRektor förskola, Götene kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Petra Wallin", frm_email),
        subject,
        "Wed, 26 Nov 2025 13:37:00 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Protokoll förskolenätverket Götene 2025-11-21.docx",
                style="rfc2231",
            )
        ],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["protocol"],
        meetings=[mt("2025-11-21", "09:00", "12:00", "Götene, Kommunhuset, sal Kinnekulle")],
        protocol={
            "meeting_date": "2025-11-21",
            "attendees": [r[0] for r in att[1:] if r[2] == "Ja"],
        },
        reasons=[
            "RFC 2231 file name",
            "attendance table Namn|Kommun|Närvaro: only 'Ja' are present",
            "no dated next meeting",
        ],
    )


def c024():
    seed = "024-anpassad-protokoll-rfc822"
    subject = "VB: Protokoll 5/12"
    frm_email = "asa.lindstrom@lidkoping.se"
    inner_text = (
        "Hej Åsa, här kommer protokollet från gårdagens träff hos oss. Kan du skicka det vidare?\n\n"
        "PROTOKOLL nätverket anpassad skola\n"
        "Fredag 5 december 2025 kl 9–14, Skara, Vilanskolan\n\n"
        "Närvarande: Göran Fält (Skövde), Åsa Lindström (Lidköping), Hanna Carlén (Skara), "
        "Daniel Westerberg (Mariestad), Louise Berg (Götene), Kent Sjödin (Töreboda)\n"
        "Frånvarande: Mikaela Roos (Falköping), Stefan Ekholm (Tidaholm)\n\n"
        "1. Elevhälsans kompetens: AKK-utbildning för elevhälsan i Skaraborg, Daniel samordnar.\n"
        "2. Programutbud anpassad gymnasieskola: kartläggningen visar få program inom handel och service.\n"
        "3. Elevers resultat och progression: gemensam mall prövas under våren.\n"
        "4. Vårens datum skickas ut av Göran före jul.\n\n"
        "/Hanna\n\n"
        "Hanna Carlén\nRektor, Vilanskolan, Skara kommun\n"
    )
    inner_mid = mid_outlook(seed + "inner", host="DB9PR03MB8841")
    inner = message(
        [
            ("From", addr("Hanna Carlén", "hanna.carlen@skara.se")),
            ("To", addr("Åsa Lindström", "asa.lindstrom@lidkoping.se")),
            ("Subject", "Protokoll 5/12"),
            ("Date", "Sat, 6 Dec 2025 10:02:44 +0100"),
            ("Message-ID", inner_mid),
            ("Content-Language", "sv-SE"),
        ],
        text_part(inner_text, "plain", "utf-8", "quoted-printable"),
    )
    outer_text = "Se bifogat mejl från Hanna.\n\n/Åsa\n"
    body = multipart(
        "mixed",
        f"_006_{hx(seed, 40)}_",
        [outlook_alt(seed, outer_text), rfc822_part(inner, "Protokoll 5_12.eml")],
    )
    headers = outlook_headers(
        seed,
        addr("Åsa Lindström", frm_email),
        MAILBOX,
        subject,
        "Mon, 8 Dec 2025 08:20:00 +0100",
        has_attach=True,
    )
    raw = message(headers, body)
    mid = mid_outlook(seed)
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol"],
        meetings=[mt("2025-12-05", "09:00", "14:00", "Skara, Vilanskolan")],
        protocol={
            "meeting_date": "2025-12-05",
            "attendees": [
                "Göran Fält",
                "Åsa Lindström",
                "Hanna Carlén",
                "Daniel Westerberg",
                "Louise Berg",
                "Kent Sjödin",
            ],
        },
        reasons=[
            "forward as message/rfc822 with only 'se bifogat': the forwarded protocol counts",
            "host rektor wrote the protocol",
        ],
    )


def c025():
    seed = "025-anpassad-kallelse-docx"
    subject = "Kallelse anpassade skolformer 20 mars"
    frm_email = "goran.falt@skovde.se"

    def build(doc):
        doc.add_heading("KALLELSE", level=0)
        doc.add_paragraph(
            "Nätverket Anpassad skola – anpassad grundskola och anpassad gymnasieskola"
        )
        docx_table(
            doc,
            [
                ["Datum", "fredagen den 20 mars 2026"],
                ["Tid", "kl 9.00 - 15.00 (lunch ingår)"],
                ["Plats", "Platåskolan, Falköping"],
            ],
            style="Table Grid",
        )
        doc.add_heading("DAGORDNING", level=1)
        for i, item in enumerate(
            [
                "Mötets öppnande",
                "Föregående anteckningar (13/2)",
                "Elevers resultat och progression – uppföljning",
                "Kompetensutveckling för elevhälsan",
                "Arbetsmarknadens behov – inspel från Samordningsförbundet",
                "Revidering av uppdragsbeskrivningen (skolchef deltar)",
                "Nästa träff: 29 maj i Mariestad",
                "Mötets avslutande",
            ],
            start=1,
        ):
            doc.add_paragraph(f"{i}. {item}")
        doc.add_paragraph("Förhinder anmäls till Göran Fält.")

    data = make_docx(build, "Göran Fält")
    text = (
        "Hej!\n\nVälkomna till nätverksträff för anpassade skolformer fredag 20/3 i Falköping. "
        "Kallelse med dagordning bifogas.\n\nGöran Fält, ordf.\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Göran Fält", frm_email),
        subject,
        "Mon, 9 Mar 2026 07:58:00 +0100",
        text,
        [
            attachment(
                data,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Kallelse och dagordning 2026-03-20.docx",
                style="ascii",
            )
        ],
        to="anpassadskola-natverket@skovde.se",
        cc=MAILBOX,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["agenda", "meeting_dates"],
        meetings=[
            mt("2026-03-20", "09:00", "15:00", "Platåskolan, Falköping"),
            mt("2026-05-29", None, None, "Mariestad"),
        ],
        reasons=[
            "KALLELSE + DAGORDNING docx",
            "'Nästa träff: 29 maj' also announced",
            "13/2 refers to earlier notes",
        ],
    )


def c026():
    seed = "026-im-protokoll-brodtext"
    subject = "Protokoll IM 5 december"
    frm_email = "jonas.blom@lidkoping.se"
    text = (
        "Hej,\n\n"
        "Amir är föräldraledig så jag tog protokollet den här gången. Se nedan.\n\n"
        "PROTOKOLL – Nätverket för introduktionsprogrammen\n"
        "Datum: 5/12 2025, kl. 09.00–12.00\n"
        "Plats: De la Gardiegymnasiet, Lidköping\n\n"
        "Närvarande:\n"
        "- Sanna Ekström, Skövde (ordf.)\n"
        "- Jonas Blom, Lidköping\n"
        "- Rebecka Strand, Mariestad\n"
        "- Tomas Ivarsson, Tidaholm\n"
        "- Peter Lilja, Hjo\n"
        "Frånvarande:\n"
        "- Amir Haddad, Falköping\n"
        "- Nadia Karimi, Skara\n"
        "- Oskar Nyberg, Töreboda\n\n"
        "1. Protokollet från 17 oktober godkändes.\n"
        "2. Kompetensutvecklingsplanen: Sanna skickar reviderad version till utbildning@skaraborg.se före jul.\n"
        "3. Skolnärvaro: Tidaholm och Hjo redovisade sina närvaroteam.\n"
        "4. Nästa möte: fredag 30/1 kl 9-12, Lidköping.\n\n"
        "Vid protokollet\nJonas Blom\n"
    )
    raw, mid = outlook_mail(
        seed, addr("Jonas Blom", frm_email), subject, "Wed, 10 Dec 2025 15:20:00 +0100", text
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["protocol", "meeting_dates"],
        meetings=[
            mt("2025-12-05", "09:00", "12:00", "De la Gardiegymnasiet, Lidköping"),
            mt("2026-01-30", "09:00", "12:00", "Lidköping"),
        ],
        protocol={
            "meeting_date": "2025-12-05",
            "attendees": [
                "Sanna Ekström",
                "Jonas Blom",
                "Rebecka Strand",
                "Tomas Ivarsson",
                "Peter Lilja",
            ],
        },
        reasons=[
            "protocol in the body",
            "'Protokollet från 17 oktober' is not a meeting",
            "Nästa möte 30/1 falls in 2026",
        ],
    )


def c027():
    seed = "027-im-forteckning-kommunalforbundet-html"
    subject = "Uppdaterad förteckning – nätverket för introduktionsprogrammen"
    frm_email = "maria.soderlund@skaraborg.se"
    rows = [
        ("Sanna Ekström", "Skövde", "Ordförande", "sanna.ekstrom@skovde.se", "ordforande"),
        ("Amir Haddad", "Falköping", "Sekreterare", "amir.haddad@falkoping.se", "sekreterare"),
        ("Jonas Blom", "Lidköping", "Presidiet", "jonas.blom@lidkoping.se", "presidium"),
        ("Rebecka Strand", "Mariestad", "", "rebecka.strand@mariestad.se", "ledamot"),
        ("Tomas Ivarsson", "Tidaholm", "", "tomas.ivarsson@tidaholm.se", "ledamot"),
        ("Nadia Karimi", "Skara", "", "nadia.karimi@skara.se", "ledamot"),
        ("Peter Lilja", "Hjo", "", "peter.lilja@hjo.se", "ledamot"),
        ("Oskar Nyberg", "Töreboda", "", "oskar.nyberg@toreboda.se", "ledamot"),
    ]
    intro = (
        "Hej,\n\nPå uppdrag av presidiet skickar jag in aktuell förteckning för IM-nätverket efter "
        "höstens första träff.\n"
    )
    outro = "\nHälsningar\nMaria Söderlund\nProcessledare, Utbildning Skaraborg\nSkaraborgs Kommunalförbund\n"
    plain = (
        intro
        + "\nNamn\tKommun\tRoll\tE-post\n"
        + "".join(f"{n}\t{k}\t{r}\t{e}\n" for n, k, r, e, _ in rows)
        + outro
    )
    td = 'style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"'
    table = (
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
        'style="border-collapse:collapse;border:none">\n'
        "<tr>"
        + "".join(
            f'<td {td}><p class="MsoNormal"><b>{h}</b></p></td>'
            for h in ("Namn", "Kommun", "Roll", "E-post")
        )
        + "</tr>\n"
        + "".join(
            "<tr>"
            + "".join(
                f'<td {td}><p class="MsoNormal">{c}</p></td>'
                for c in (
                    escape(n),
                    escape(k),
                    escape(r) if r else "&nbsp;",
                    f'<a href="mailto:{e}">{e}</a>',
                )
            )
            + "</tr>\n"
            for n, k, r, e, _ in rows
        )
        + "</table>\n"
    )
    html = outlook_html(intro.rstrip("\n")).replace(
        "</div>\n</body>",
        table
        + "\n".join(
            f'<p class="MsoNormal">{escape(l) if l else "&nbsp;"}</p>'
            for l in outro.strip("\n").split("\n")
        )
        + "\n</div>\n</body>",
    )
    body = multipart(
        "alternative",
        f"_000_{hx(seed, 40)}_",
        [text_part(plain, "plain", "utf-8"), text_part(html, "html", "utf-8")],
    )
    headers = outlook_headers(
        seed, addr("Maria Söderlund", frm_email), MAILBOX, subject, "Wed, 3 Sep 2025 10:00:00 +0200"
    )
    raw = message(headers, body)
    mid = mid_outlook(seed)
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["member_list"],
        members=[M(n, e, k, role) for n, k, _, e, role in rows],
        reasons=[
            "sender at skaraborg.se (Kommunalförbundet) is allowed",
            "Outlook HTML table member list",
        ],
    )


def c028():
    seed = "028-vux-forteckning-rtf-utan-disposition"
    subject = "Förteckning Vux-nätverket"
    frm_email = "fredrik.almgren@skovde.se"
    rows = [
        ["Namn", "Kommun", "Uppdrag", "E-post"],
        ["Fredrik Almgren", "Skövde", "ordförande", "fredrik.almgren@skovde.se"],
        ["Birgitta Ahlqvist", "Skara", "sekreterare", "birgitta.ahlqvist@skara.se"],
        ["Lena Kjellberg", "Lidköping", "presidiet", "lena.kjellberg@lidkoping.se"],
        ["Cecilia Rydberg", "Mariestad", "presidiet", "cecilia.rydberg@mariestad.se"],
        ["Mats Hellström", "Falköping", "", "mats.hellstrom@falkoping.se"],
        ["Johan Sandell", "Götene", "", "johan.sandell@gotene.se"],
        ["Kristina Boman", "Tibro", "", "kristina.boman@tibro.se"],
        ["Erik Wennberg", "Tidaholm", "", "erik.wennberg@tidaholm.se"],
        ["Anders Kvist", "Vara", "", "anders.kvist@vara.se"],
        ["Linda Hägg", "Hjo", "", "linda.hagg@hjo.se"],
    ]
    data = make_rtf(
        "Förteckning – nätverket för vuxenutbildning i Skaraborg 2025/2026",
        "Värdkommunen för respektive möte skriver protokoll. Presidiet: ordförande, sekreterare, "
        "Lidköping och Mariestad.",
        rows,
    )
    text = (
        "Hej!\n\nBifogar förteckning över ledamöterna i Vux-nätverket, presidiet har gått igenom den.\n\n"
        "Fredrik Almgren\nOrdförande Vux-nätverket\n"
    )
    # attachment with no Content-Disposition at all, only a name parameter
    att = Part(
        [
            'Content-Type: application/rtf; name="Forteckning_Vux_2025-2026.rtf"',
            "Content-Transfer-Encoding: base64",
        ],
        b64body(data),
    )
    raw, mid = outlook_mail(
        seed,
        addr("Fredrik Almgren", frm_email),
        subject,
        "Tue, 16 Sep 2025 16:16:00 +0200",
        text,
        [att],
    )
    roles = {
        "ordförande": "ordforande",
        "sekreterare": "sekreterare",
        "presidiet": "presidium",
        "": "ledamot",
    }
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=[M(r[0], r[3], r[1], roles[r[2]]) for r in rows[1:]],
        reasons=[
            "RTF table attachment without Content-Disposition",
            "roles ordförande/sekreterare/presidiet",
        ],
    )


# ==========================================================================
# NEEDS_REVIEW
# ==========================================================================


def gmail_plain_mail(
    seed: str,
    frm: str,
    to: str,
    subject: str,
    date: str,
    text: str,
    attachments: list[Part] = (),
    cc: str | None = None,
) -> tuple[bytes, str]:
    html = (
        '<div dir="ltr">'
        + "".join(f"<div>{escape(l) if l else '<br>'}</div>" for l in text.rstrip("\n").split("\n"))
        + "</div>\n"
    )
    body = multipart(
        "alternative",
        "000000000000" + hx(seed + "alt", 16).lower(),
        [
            text_part(text, "plain", "UTF-8", "quoted-printable"),
            text_part(html, "html", "UTF-8", "quoted-printable"),
        ],
    )
    if attachments:
        body = multipart(
            "mixed", "000000000000" + hx(seed + "mix", 16).lower(), [body, *attachments]
        )
    mid = mid_gmail(seed)
    headers = [
        ("X-Google-Smtp-Source", "AGHT+I" + hx(seed, 30).lower()),
        ("From", frm),
        ("Date", date),
        ("Message-ID", mid),
        ("Subject", hdr(subject)),
        ("To", to),
    ]
    if cc:
        headers.append(("Cc", cc))
    return message(headers, body), mid


def c029():
    seed = "029-forskola-forteckning-privat-gmail"
    subject = "Förteckning nätverket för förskolan"
    frm_email = "camilla.noren72@gmail.com"
    text = (
        "Hej!\n\n"
        "Skickar från privata mejlen eftersom jobbmejlen strular efter bytet till ny plattform. "
        "Här är förteckningen över nätverket för förskolan som vi gick igenom på förra träffen:\n\n"
        "Ordförande: Ulrika Dahlén, Lidköping\n"
        "Sekreterare: Linnea Bergkvist, Vara\n"
        "Presidiet: Petra Wallin, Götene, och Jenny Kullberg, Skövde\n"
        "Övriga: Camilla Norén, Gullspång; Helena Sjöberg, Essunga; Annika Forsman, Hjo; "
        "Malin Öhman, Karlsborg; Ingrid Palm, Skara\n\n"
        "Hälsningar\n"
        "Camilla Norén\n"
        "Rektor förskola, Gullspångs kommun\n"
    )
    raw, mid = gmail_plain_mail(
        seed,
        addr("Camilla Norén", frm_email),
        MAILBOX,
        subject,
        "Mon, 1 Sep 2025 21:14:37 +0200",
        text,
    )
    members = [
        M("Ulrika Dahlén", None, "Lidköping", "ordforande"),
        M("Linnea Bergkvist", None, "Vara", "sekreterare"),
        M("Petra Wallin", None, "Götene", "presidium"),
        M("Jenny Kullberg", None, "Skövde", "presidium"),
        M("Camilla Norén", None, "Gullspång"),
        M("Helena Sjöberg", None, "Essunga"),
        M("Annika Forsman", None, "Hjo"),
        M("Malin Öhman", None, "Karlsborg"),
        M("Ingrid Palm", None, "Skara"),
    ]
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="needs_review",
        network="forskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "sender gmail.com is not a municipality or skaraborg.se address",
            "member list found in body with roles",
        ],
    )


def c030():
    seed = "030-im-skannad-pdf"
    subject = "Skannat dokument – IM-nätverket"
    frm_email = "tomas.ivarsson@tidaholm.se"
    data = make_scanned_pdf(seed)
    text = "Hej!\n\nBifogar skannat dokument från IM-nätverket.\n\nMvh\nTomas Ivarsson\nTidaholms kommun\n"
    raw, mid = outlook_mail(
        seed,
        addr("Tomas Ivarsson", frm_email),
        subject,
        "Fri, 5 Dec 2025 14:02:51 +0100",
        text,
        [attachment(data, "application/pdf", "SKM_C30025120513590.pdf", style="ascii")],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="needs_review",
        network="introduktionsprogrammen",
        kinds=[],
        reasons=["PDF has no text layer (scan)", "network from subject"],
    )


def c031():
    seed = "031-vux-vecka-12"
    subject = "Vux-nätverket: extra träff om KomX"
    frm_email = "kristina.boman@tibro.se"
    text = (
        "Hej alla!\n\n"
        "Som vi sa på förra mötet bjuder Tibro in till en extra träff om KomX-organisationen. "
        "Det blir vecka 12, troligen en förmiddag på Lärcentrum i Tibro. Exakt dag och tid återkommer jag "
        "med när jag vet vilka lokaler som är lediga.\n\n"
        "Hälsningar\nKristina Boman\nRektor vuxenutbildningen, Tibro kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Kristina Boman", frm_email),
        subject,
        "Wed, 11 Feb 2026 11:45:00 +0100",
        text,
        to="vux-natverket@skaraborg.se",
        cc=MAILBOX,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        reasons=["meeting given only as 'vecka 12', no date"],
    )


def c032():
    seed = "032-tva-natverk-essunga"
    subject = "Mötesdatum våren"
    frm_email = "helena.sjoberg@essunga.se"
    text = (
        "Hej!\n\n"
        "Här kommer datumen för nätverkets träffar under våren, som vi bestämde på förra mötet:\n\n"
        "6/2 kl 9-12 Nossebro, Kommunhuset\n"
        "27/3 kl 9-12 Teams\n"
        "22/5 kl 9-15 Nossebro, Kommunhuset\n\n"
        "Hälsningar\n"
        "Helena Sjöberg\n"
        "Verksamhetschef förskola och grundskola\n"
        "Essunga kommun\n"
    )
    raw, mid = outlook_mail(
        seed, addr("Helena Sjöberg", frm_email), subject, "Tue, 13 Jan 2026 10:20:00 +0100", text
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="needs_review",
        network=None,
        kinds=["meeting_dates"],
        meetings=[
            mt("2026-02-06", "09:00", "12:00", "Nossebro, Kommunhuset"),
            mt("2026-03-27", "09:00", "12:00", "Teams"),
            mt("2026-05-22", "09:00", "15:00", "Nossebro, Kommunhuset"),
        ],
        reasons=["'nätverkets' without a name", "signature names both förskola and grundskola"],
    )


def c033():
    seed = "033-grundskola-krypterad-pdf"
    subject = "Handlingar grundskolenätverket"
    frm_email = "mattias.dahl@tibro.se"
    lines = [
        ("h1", "PROTOKOLL"),
        ("h2", "Grundskolenätverket Skaraborg"),
        ("p", "Datum: 2026-04-17"),
        ("p", "Plats: Kulturhuset, Skövde"),
        ("b", "Närvarande:"),
        ("p", "Karin Ståhl, Henrik Ljung, Mattias Dahl, Oscar Fridh"),
        ("b", "§ 1 Öppnande"),
        ("p", "Mötet öppnades."),
    ]
    data = make_pdf(lines, "Mattias Dahl", "Handlingar", encrypt=("Tibro-ägare-2026", "7Kq2-Tibro"))
    text = (
        "Hej!\n\nBifogar handlingar till Grundskolenätverket. Filen är lösenordsskyddad enligt vår rutin, "
        "lösenordet skickas separat via sms.\n\nMvh\nMattias Dahl\nRektor, Tibro kommun\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Mattias Dahl", frm_email),
        subject,
        "Mon, 20 Apr 2026 08:05:00 +0200",
        text,
        [attachment(data, "application/pdf", "Handlingar_grundskolenatverket.pdf", style="ascii")],
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=[],
        reasons=["PDF is encrypted (password sent separately)", "contents cannot be read"],
    )


def c034():
    seed = "034-grundskola-installt-mote"
    subject = "INSTÄLLT: Grundskolenätverket fredag 17/4"
    frm_email = "karin.stahl@skovde.se"
    text = (
        "Hej alla,\n\n"
        "På grund av sjukdom i presidiet och få anmälda ställer vi in fredagens träff på Kulturhuset i Skövde (17/4). "
        "Vi återkommer med ett nytt datum så snart vi kan.\n\n"
        "Trevlig helg när den kommer!\n"
        "Karin Ståhl\nOrdförande Grundskolenätverket\n"
    )
    raw, mid = outlook_mail(
        seed,
        addr("Karin Ståhl", frm_email),
        subject,
        "Tue, 14 Apr 2026 16:48:20 +0200",
        text,
        to="grundskolenatverket@skovde.se",
        cc=MAILBOX,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=["meeting_dates"],
        reasons=["meeting 17/4 cancelled", "no new date given"],
    )


# ==========================================================================
# IGNORED
# ==========================================================================


def c035():
    seed = "035-automatiskt-svar-svenska"
    subject = (
        "Automatiskt svar: Påminnelse – förteckning och mötesdatum till utbildning@skaraborg.se"
    )
    frm_email = "robert.hallberg@vara.se"
    text = (
        "Hej!\n\nJag har semester till och med 11 augusti och läser inte min e-post. "
        "Vid brådskande ärenden kontakta Vara kommuns kontaktcenter, 0512-310 00.\n\n"
        "Med vänlig hälsning\nRobert Hallberg\n"
    )
    headers = [
        ("From", addr("Robert Hallberg", frm_email)),
        ("To", addr("Utbildning Skaraborg", MAILBOX)),
        ("Subject", hdr(subject)),
        (
            "Thread-Topic",
            hdr("Påminnelse – förteckning och mötesdatum till utbildning@skaraborg.se"),
        ),
        ("Thread-Index", thread_index(seed)),
        ("Date", "Mon, 4 Aug 2025 08:00:12 +0000"),
        ("Message-ID", mid_outlook(seed, host="GVYP280MB0915")),
        ("In-Reply-To", mid_outlook(seed + "orig", host="GV1P189MB1744")),
        ("X-Auto-Response-Suppress", "All"),
        ("X-MS-Exchange-Inbox-Rules-Loop", frm_email),
        ("Content-Language", "sv-SE"),
    ]
    raw = message(headers, outlook_alt(seed, text))
    case(
        seed,
        raw,
        message_id=mid_outlook(seed, host="GVYP280MB0915"),
        frm=frm_email,
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        kinds=[],
        reasons=["'Automatiskt svar' subject", "X-Auto-Response-Suppress"],
    )


def c036():
    seed = "036-automatic-reply-english"
    subject = "Automatic reply: Protokoll IM-nätverket saknas"
    frm_email = "nadia.karimi@skara.se"
    text = (
        "I am out of the office until Monday 12 January with limited access to email.\n"
        "For questions about the introduction programmes, please contact Sanna Ekström, sanna.ekstrom@skovde.se.\n\n"
        "Kind regards,\nNadia Karimi\n"
    )
    mid = mid_outlook(seed, host="HE1PR0302MB2617")
    headers = [
        ("From", addr("Nadia Karimi", frm_email)),
        ("To", MAILBOX),
        ("Subject", hdr(subject)),
        ("Date", "Tue, 23 Dec 2025 09:31:07 +0000"),
        ("Message-ID", mid),
        ("In-Reply-To", mid_outlook(seed + "orig", host="GV1P189MB1744")),
        ("Auto-Submitted", "auto-replied"),
        ("X-Auto-Response-Suppress", "All"),
        ("Content-Language", "en-US"),
    ]
    raw = message(headers, outlook_alt(seed, text))
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        kinds=[],
        reasons=["Auto-Submitted: auto-replied", "out-of-office text"],
    )


def c037():
    seed = "037-olevererbart-ndr"
    subject = "Olevererbart: Påminnelse: förteckning Grundskolenätverket"
    frm_email = "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@skaraborg.se"
    orig_text = (
        "Hej!\n\nVi har ännu inte fått förteckningen över Grundskolenätverkets ledamöter för hösten. "
        "Skicka den gärna senast 15 september.\n\nUtbildning Skaraborg\n"
    )
    orig = message(
        [
            ("From", addr("Utbildning Skaraborg", MAILBOX)),
            ("To", "lars.gustavsson@toreboda.se"),
            ("Subject", "=?utf-8?q?P=C3=A5minnelse=3A_f=C3=B6rteckning_Grundskolen=C3=A4tverket?="),
            ("Date", "Tue, 2 Sep 2025 07:30:00 +0000"),
            ("Message-ID", mid_outlook(seed + "orig", host="GV1P189MB1744")),
        ],
        text_part(orig_text, "plain", "utf-8"),
    )
    ndr = (
        "Det gick inte att leverera meddelandet till följande mottagare:\n\n"
        "lars.gustavsson@toreboda.se\n"
        "Mottagarens adress hittades inte. Kontrollera adressen och försök igen.\n\n"
        "Diagnostisk information för administratörer:\n"
        "Genererande server: GV1P189MB1744.EURP189.PROD.OUTLOOK.COM\n"
        "Remote server returned '550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n"
    )
    dsn = (
        "Reporting-MTA: dns;GV1P189MB1744.EURP189.PROD.OUTLOOK.COM\n"
        "Received-From-MTA: dns;GV1P189MB1744.EURP189.PROD.OUTLOOK.COM\n"
        "Arrival-Date: Tue, 2 Sep 2025 07:30:01 +0000\n\n"
        "Final-Recipient: rfc822;lars.gustavsson@toreboda.se\n"
        "Action: failed\n"
        "Status: 5.1.1\n"
        "Diagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\n"
    )
    body = multipart(
        "report",
        f"_000_{hx(seed, 40)}_",
        [
            multipart(
                "alternative",
                f"_001_{hx(seed, 40)}_",
                [text_part(ndr, "plain", "utf-8"), text_part(outlook_html(ndr), "html", "utf-8")],
            ),
            Part(["Content-Type: message/delivery-status"], dsn.encode("ascii")),
            rfc822_part(orig),
        ],
        extra_ct=";\n\treport-type=delivery-status",
    )
    mid = mid_outlook(seed, host="GV1P189MB1744")
    raw = message(
        [
            ("Return-Path", "<>"),
            ("From", addr("Microsoft Outlook", frm_email)),
            ("To", addr("Utbildning Skaraborg", MAILBOX)),
            ("Subject", hdr(subject)),
            ("Date", "Tue, 2 Sep 2025 07:30:03 +0000"),
            ("Message-ID", mid),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Language", "sv-SE"),
        ],
        body,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="ignored",
        ignored_reason="bounce",
        network=None,
        kinds=[],
        reasons=["multipart/report delivery-status", "empty return path", "'Olevererbart'"],
    )


def c038():
    seed = "038-nyhetsbrev-forskola"
    subject = "Nyhetsbrev februari: Språkutveckling i förskolan + konferens 12 mars"
    frm_email = "nyheter@forskoleforum-nyhetsbrev.se"
    html = (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Förskoleforum</title></head>'
        '<body style="margin:0;background:#f4f4f4">\n'
        '<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">\n'
        '<table width="600" style="background:#ffffff;font-family:Arial,sans-serif">\n'
        '<tr><td style="padding:24px"><h1 style="color:#2a6f4e">Förskoleforum – februari</h1>\n'
        "<p>Hej förskolevän!</p>\n"
        "<h2>Språkutveckling i förskolan</h2>\n"
        "<p>Forskning visar att högläsning i små grupper stärker barns ordförråd. Läs om hur tre kommuner "
        "arbetar med språkutvecklande arbetssätt i förskolan och i övergången till förskoleklass.</p>\n"
        "<h2>Konferens: Förskolan i förändring</h2>\n"
        "<p>Torsdag 12 mars 2026 kl 9–16, Svenska Mässan, Göteborg. Tidig-bokningspris till och med 20 februari."
        '</p>\n<p><a href="https://forskoleforum-nyhetsbrev.se/konferens?utm_source=newsletter">Anmäl dig här</a></p>\n'
        "<h2>Webbinarium för nätverk och ledningsgrupper</h2>\n"
        "<p>Onsdag 25 februari kl 15.00–16.00: Volymminskning – hur organiserar vi?</p>\n"
        '<hr><p style="font-size:11px;color:#777">Du får detta nyhetsbrev eftersom du prenumererar på '
        'Förskoleforum. <a href="https://forskoleforum-nyhetsbrev.se/avregistrera?id=8812">Avregistrera</a></p>\n'
        "</td></tr></table></td></tr></table></body></html>\n"
    )
    plain = (
        "Förskoleforum – februari\n\nHej förskolevän!\n\nSpråkutveckling i förskolan\n"
        "Forskning visar att högläsning i små grupper stärker barns ordförråd.\n\n"
        "Konferens: Förskolan i förändring\nTorsdag 12 mars 2026 kl 9–16, Svenska Mässan, Göteborg.\n\n"
        "Webbinarium onsdag 25 februari kl 15.00–16.00: Volymminskning – hur organiserar vi?\n\n"
        "Avregistrera: https://forskoleforum-nyhetsbrev.se/avregistrera?id=8812\n"
    )
    body = multipart(
        "alternative",
        "=_mlb_" + hx(seed, 24).lower(),
        [text_part(plain, "plain", "utf-8"), text_part(html, "html", "utf-8")],
    )
    mid = f"<{hx(seed, 12).lower()}.{hx(seed + 'c', 20).lower()}@mail.forskoleforum-nyhetsbrev.se>"
    raw = message(
        [
            (
                "Return-Path",
                "<bounce-8812-" + hx(seed, 10).lower() + "@mail.forskoleforum-nyhetsbrev.se>",
            ),
            ("From", addr("Förskoleforum Nyheter", frm_email)),
            ("Reply-To", "redaktion@forskoleforum-nyhetsbrev.se"),
            ("To", MAILBOX),
            ("Subject", hdr(subject)),
            ("Date", "Tue, 10 Feb 2026 06:00:00 +0000"),
            ("Message-ID", mid),
            ("List-Id", "Forskoleforum nyhetsbrev <nyhetsbrev.forskoleforum-nyhetsbrev.se>"),
            (
                "List-Unsubscribe",
                "<https://forskoleforum-nyhetsbrev.se/avregistrera?id=8812>, "
                "<mailto:unsubscribe-8812@forskoleforum-nyhetsbrev.se>",
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Precedence", "bulk"),
            ("X-Mailer", "Newsroom Mailer 4.2"),
        ],
        body,
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="ignored",
        ignored_reason="newsletter",
        network=None,
        kinds=[],
        reasons=[
            "List-Unsubscribe and Precedence: bulk",
            "external newsletter; its dates are not network meetings",
        ],
    )


def c039():
    seed = "039-tack-iphone"
    subject = "Tack!"
    frm_email = "sofia.lund@hjo.se"
    text = (
        "Tack för en givande träff igår! Mycket att ta med hem om närvaroarbetet. "
        "Hälsa alla.\n\n/Sofia\n\nSkickat från min iPhone"
    )
    mid = mid_apple(seed, "hjo.se")
    raw = message(
        [
            ("Content-Type", "text/plain;\n\tcharset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("From", addr("Sofia Lund", frm_email)),
            ("Subject", subject),
            ("Date", "Fri, 6 Mar 2026 07:12:40 +0100"),
            ("Message-Id", mid),
            ("To", addr("Karin Ståhl", "karin.stahl@skovde.se")),
            ("Cc", MAILBOX),
            ("X-Mailer", "iPhone Mail (22D82)"),
        ],
        Part([], qpbody(text, "utf-8") + b"\n"),
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network=None,
        kinds=[],
        reasons=["thank-you note", "nothing for the store"],
    )


def c040():
    seed = "040-spam-brevlada-full"
    subject = "Åtgärd krävs: din brevlåda utbildning@skaraborg.se är nästan full"
    frm_email = "support@skaraborg-mail-verify.com"
    html = (
        '<html><body style="font-family:Segoe UI,Arial">\n'
        "<p>Bästa användare,</p>\n"
        "<p>Din brevlåda <b>utbildning@skaraborg.se</b> har nått 98 % av sin lagringskvot. Inkommande "
        "meddelanden kommer att avvisas inom 24 timmar.</p>\n"
        "<p>För att undvika avbrott, verifiera ditt konto nu:</p>\n"
        '<p><a href="http://skaraborg-mail-verify.com/owa/verify?u=utbildning" '
        'style="background:#0078d4;color:#fff;padding:8px 16px">Verifiera konto</a></p>\n'
        "<p>Med vänliga hälsningar<br>IT-support</p>\n"
        "</body></html>\n"
    )
    mid = f"<{hx(seed, 24).lower()}@skaraborg-mail-verify.com>"
    raw = message(
        [
            ("Return-Path", "<bounce@skaraborg-mail-verify.com>"),
            ("From", addr("Skaraborg IT-support", frm_email)),
            ("To", MAILBOX),
            ("Subject", hdr(subject)),
            ("Date", "Thu, 15 Jan 2026 03:17:44 +0300"),
            ("Message-ID", mid),
            ("X-Spam-Flag", "YES"),
            (
                "X-Spam-Status",
                "Yes, score=8.7 required=5.0 tests=HTML_MESSAGE,PHISH_OWA,URIBL_BLACK",
            ),
        ],
        text_part(html, "html", "utf-8", "base64"),
    )
    case(
        seed,
        raw,
        message_id=mid,
        frm=frm_email,
        subject=subject,
        disposition="ignored",
        ignored_reason="spam",
        network=None,
        kinds=[],
        reasons=["X-Spam-Flag: YES", "phishing for the mailbox password"],
    )


# ==========================================================================


def main() -> int:
    CASES.clear()
    for fn in sorted(
        (f for n, f in globals().items() if re.fullmatch(r"c\d{3}", n)), key=lambda f: f.__name__
    ):
        fn()
    names = set()
    for name, raw, exp in CASES:
        names.add(name)
        (HERE / f"{name}.eml").write_bytes(raw)
        (HERE / f"{name}.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    for p in HERE.glob("[0-9][0-9][0-9]-*"):
        if p.suffix in (".eml", ".json") and p.stem not in names:
            p.unlink()
    counts: dict[str, int] = {}
    for _, _, exp in CASES:
        counts[exp["disposition"]] = counts.get(exp["disposition"], 0) + 1
    print(
        f"wrote {len(CASES)} cases to {HERE}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
