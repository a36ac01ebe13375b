#!/usr/bin/env python3
"""Generate the "real layouts" development corpus (tests/corpus_real/NNN-slug.eml + .json).

Run:  cd /work/main && .venv/bin/python tests/corpus_real/generate.py

Every case is a mail to utbildning@skaraborg.se written in a layout that real Swedish
municipal documents use (protocol front pages with "Plats och tid" / "Beslutande" /
"Justeringens plats och tid", NÄRVAROLISTA tables with x columns, minnesanteckningar with
several names on a line, member lists with roles as headings, sammanträdesplaner, Outlook
calendar invitations ...).  The layouts were studied on public pages (see README.md); no
text and no person from those pages is copied.  Everyone here is invented.

The JSON next to each mail is the answer a careful human reader gives (the interface of
`mailbot parse FILE --json`).  This script is ground truth: it imports nothing from mailbot.
The output is deterministic: fixed dates, Message-IDs, MIME boundaries and fixed
timestamps inside the zip-based documents, so running it twice gives byte-identical files.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import io
import json
import re
import sys
import urllib.parse
from pathlib import Path

# The mail and document building blocks are the first corpus's own, identical there:
# imported, not copied. What this corpus needs beyond them (label/value tables, bold
# rows, page breaks, non-ASCII names in plain parameters) is defined below.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.corpus.generate import (
    DOCX,
    KIND_ORDER,
    MAILBOX,
    NETWORKS,
    OUTLOOK_TAIL,
    OUTLOOK_X,
    PDF,
    TO_MAILBOX,
    XLSX,
    M,
    P,
    T,
    _pdf,
    addr,
    b_word,
    crlf,
    doc_time,
    gmail_alt,
    members_from,
    message,
    mso_lines,
    mso_p,
    multipart,
    normalise_zip,
    outlook_quote_html,
    outlook_quote_text,
    part,
    proto,
    roster,
    std_headers,
    text_part,
)

OUT = Path(__file__).resolve().parent

# --------------------------------------------------------------------------
# People (all invented) and municipalities
# --------------------------------------------------------------------------


# -- rosters are defined further down (ROSTERS) --
# Expected-output helpers
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Header encoding helpers
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Raw MIME builder (hand-written, the way real clients lay it out)
# --------------------------------------------------------------------------


def _fname_params(filename: str, style: str):
    """Return (content-type param, content-disposition param) for a filename."""
    if all(ord(c) < 128 for c in filename):
        return f'name="{filename}"', f'filename="{filename}"'
    if style == "plain":  # non-ASCII: Outlook writes an encoded word inside the quotes
        style = "2047"
    if style == "2047":  # Outlook / Gmail habit: encoded word inside quotes
        w = b_word(filename)
        return f'name="{w}"', f'filename="{w}"'
    quoted = urllib.parse.quote(filename, safe="")
    if style == "2231":
        return f"name*=utf-8''{quoted}", f"filename*=utf-8''{quoted}"
    if style == "2231cont":  # RFC 2231 continuations
        pieces = [quoted[i : i + 40] for i in range(0, len(quoted), 40)]
        cd = ";\n ".join(
            f"filename*{i}*={'utf-8' + chr(39) * 2 if i == 0 else ''}{p}"
            for i, p in enumerate(pieces)
        )
        ctp = ";\n ".join(
            f"name*{i}*={'utf-8' + chr(39) * 2 if i == 0 else ''}{p}" for i, p in enumerate(pieces)
        )
        return ctp, cd
    if style == "2231latin1":
        q = urllib.parse.quote(filename.encode("iso-8859-1"), safe="")
        return f"name*=iso-8859-1''{q}", f"filename*=iso-8859-1''{q}"
    raise ValueError(style)


def attach(
    data: bytes, ctype: str, filename: str, disp="attachment", style="2231", extra=()
) -> bytes:
    ctp, cdp = _fname_params(filename, style)
    headers = [("Content-Type", f"{ctype};\n {ctp}")]
    if disp:
        headers.append(("Content-Disposition", f"{disp};\n {cdp}"))
    headers.append(("Content-Transfer-Encoding", "base64"))
    headers += list(extra)
    return part(headers, base64.encodebytes(data))


# --------------------------------------------------------------------------
# Outlook / Gmail HTML
# --------------------------------------------------------------------------

OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}}
@font-face
	{{font-family:Aptos;}}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin:0cm;
	font-size:11.0pt;
	font-family:"Aptos",sans-serif;
	mso-ligatures:standardcontextual;
	mso-fareast-language:EN-US;}}
a:link, span.MsoHyperlink
	{{mso-style-priority:99;
	color:#467886;
	text-decoration:underline;}}
span.E-postmall17
	{{mso-style-type:personal-compose;
	font-family:"Aptos",sans-serif;
	color:windowtext;}}
.MsoChpDefault
	{{mso-style-type:export-only;
	font-size:11.0pt;
	mso-fareast-language:EN-US;}}
@page WordSection1
	{{size:612.0pt 792.0pt;
	margin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="SV" link="#467886" vlink="#96607D" style="word-wrap:break-word">
<div class="WordSection1">
"""


def mso_table(rows, merged_title: str | None = None, header=True) -> str:
    ncols = len(rows[0])
    out = [
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
        'style="border-collapse:collapse;border:none">\n'
    ]
    if merged_title:
        out.append(
            f'<tr>\n<td width="604" colspan="{ncols}" valign="top" style="width:453.1pt;'
            f'border:solid windowtext 1.0pt;background:#D9E2F3;padding:0cm 5.4pt 0cm 5.4pt">\n'
            f'<p class="MsoNormal" align="center" style="text-align:center"><b>{html.escape(merged_title)}'
            f"<o:p></o:p></b></p>\n</td>\n</tr>\n"
        )
    for i, row in enumerate(rows):
        out.append("<tr>\n")
        for cell in row:
            t = html.escape(cell) if cell else "<o:p>&nbsp;</o:p>"
            if header and i == 0:
                t = f"<b>{t}</b>"
            out.append(
                f'<td width="151" valign="top" style="width:113.25pt;border:solid windowtext 1.0pt;'
                f'border-top:none;padding:0cm 5.4pt 0cm 5.4pt">\n<p class="MsoNormal">{t}'
                f"{'' if not cell else '<o:p></o:p>'}</p>\n</td>\n"
            )
        out.append("</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def outlook_html(inner: str, charset="utf-8") -> str:
    return OUTLOOK_HEAD.format(charset=charset) + inner + OUTLOOK_TAIL


# --------------------------------------------------------------------------
# Document builders (real libraries) with deterministic output
# --------------------------------------------------------------------------


def docx_bytes(blocks, when: dt.datetime, author="") -> bytes:
    """blocks: list of tuples
    ("h", text, level) | ("p", text) (\t and \n become Word tabs and line breaks) |
    ("b", text) (bold paragraph) | ("bullets", [text..]) | ("numbered", [text..]) |
    ("table", rows[, merged_title[, header_bold]]) |
    ("kv", rows) a borderless two-column label/value table (protocol front page)
    """
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 1
    for blk in blocks:
        kind = blk[0]
        if kind == "h":
            doc.add_heading(blk[1], level=blk[2])
        elif kind == "p":
            doc.add_paragraph(blk[1])
        elif kind == "b":
            para = doc.add_paragraph()
            para.add_run(blk[1]).bold = True
        elif kind == "bullets":
            for t in blk[1]:
                doc.add_paragraph(t, style="List Bullet")
        elif kind == "numbered":
            for t in blk[1]:
                doc.add_paragraph(t, style="List Number")
        elif kind in ("table", "kv"):
            rows = blk[1]
            title = blk[2] if kind == "table" and len(blk) > 2 else None
            header_bold = blk[3] if kind == "table" and len(blk) > 3 else kind == "table"
            ncols = max(len(r) for r in rows)
            nrows = len(rows) + (1 if title else 0)
            table = doc.add_table(rows=nrows, cols=ncols)
            table.style = "Table Grid" if kind == "table" else "Normal Table"
            r0 = 0
            if title:
                merged = table.cell(0, 0).merge(table.cell(0, ncols - 1))
                merged.text = title
                merged.paragraphs[0].runs[0].bold = True
                r0 = 1
            for i, row in enumerate(rows):
                for j, val in enumerate(row):
                    cell = table.cell(r0 + i, j)
                    cell.text = val
                    runs = cell.paragraphs[0].runs
                    if runs and ((header_bold and i == 0) or (kind == "kv" and j == 0)):
                        runs[0].bold = True
        else:
            raise ValueError(kind)
    doc.styles["Normal"].font.size = Pt(11)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), when)


def xlsx_bytes(sheets, when: dt.datetime, author="") -> bytes:
    """sheets: list of (title, rows, options) where rows are lists of cell values;
    options: {"merge": ["A1:D1"], "widths": {...}, "formats": {col_letter: fmt},
    "bold_rows": [1]}"""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = when
    wb.properties.modified = when
    first = True
    for title, rows, opts in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        for row in rows:
            ws.append(row)
        for rng in opts.get("merge", []):
            ws.merge_cells(rng)
        for r in opts.get("bold_rows", []):
            for c in ws[r]:
                c.font = Font(bold=True)
        for col, fmt in opts.get("formats", {}).items():
            for c in ws[col]:
                if isinstance(c.value, (dt.date, dt.time, dt.datetime)):
                    c.number_format = fmt
        for col, w in opts.get("widths", {}).items():
            ws.column_dimensions[col].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue(), when)


def _pdf_txt(pdf, s: str) -> str:
    if pdf._corpus_latin1:
        return s.replace("–", "-").replace("—", "-").replace("☒", "X").replace("☐", "-")
    return s


def pdf_bytes(blocks, when: dt.datetime) -> bytes:
    """blocks: ("h", text) | ("p", text) | ("b", text) | ("gap",) | ("page",) |
    ("table", rows[, widths[, header_rows]]) a grid table, the first header_rows bold |
    ("kv", rows[, widths]) a borderless label/value table (protocol front page)"""
    from fpdf.fonts import FontFace

    pdf = _pdf(when)
    font = pdf._corpus_font
    for blk in blocks:
        if blk[0] == "h":
            pdf.set_font(font, "B", 15)
            pdf.multi_cell(0, 9, _pdf_txt(pdf, blk[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif blk[0] == "b":
            pdf.set_font(font, "B", 11)
            pdf.multi_cell(0, 6, _pdf_txt(pdf, blk[1]), new_x="LMARGIN", new_y="NEXT")
        elif blk[0] == "p":
            pdf.set_font(font, "", 11)
            pdf.multi_cell(0, 6, _pdf_txt(pdf, blk[1]), new_x="LMARGIN", new_y="NEXT")
        elif blk[0] == "gap":
            pdf.ln(4)
        elif blk[0] == "page":
            pdf.add_page()
        elif blk[0] in ("table", "kv"):
            pdf.set_font(font, "", 10)
            rows = blk[1]
            widths = blk[2] if len(blk) > 2 else None
            header_rows = blk[3] if len(blk) > 3 else (1 if blk[0] == "table" else 0)
            kw = {}
            if blk[0] == "kv":
                kw = {"borders_layout": "NONE", "first_row_as_headings": False}
            else:
                kw = {"first_row_as_headings": False}
            with pdf.table(col_widths=widths, line_height=6, text_align="LEFT", **kw) as table:
                for i, row in enumerate(rows):
                    r = table.row()
                    for j, val in enumerate(row):
                        bold = i < header_rows or (blk[0] == "kv" and j == 0)
                        style = FontFace(emphasis="BOLD") if bold else None
                        r.cell(_pdf_txt(pdf, val), style=style)
            pdf.ln(3)
        else:
            raise ValueError(blk[0])
    return bytes(pdf.output())


# --------------------------------------------------------------------------
# Case registry
# --------------------------------------------------------------------------

CASES = []


def case(
    slug,
    eml: bytes,
    *,
    msgid,
    frm,
    subject,
    disposition,
    network,
    kinds=(),
    members=(),
    meetings=(),
    protocol=None,
    ignored_reason=None,
    reasons=(),
    desc="",
    form="",
):
    assert network in NETWORKS, network
    assert disposition in ("apply", "needs_review", "ignored")
    assert (disposition == "ignored") == (ignored_reason is not None)
    assert all(k in KIND_ORDER for k in kinds)
    expected = {
        "message_id": msgid,
        "from": frm.lower(),
        "subject": subject,
        "disposition": disposition,
        "ignored_reason": ignored_reason,
        "network": network,
        "kinds": sorted(set(kinds)),
        "members": list(members),
        "meetings": sorted(meetings, key=lambda m: (m["date"], m["start"] or "")),
        "protocol": protocol,
        "reasons": list(reasons),
    }
    CASES.append((slug, eml, expected, desc, form))


# ==========================================================================
# Signatures and small text helpers
# ==========================================================================


def outlook_alt(text: str, boundary: str, html_inner: str | None = None, charset="utf-8") -> bytes:
    """Outlook's multipart/alternative: text/plain + MsoNormal HTML."""
    inner = html_inner if html_inner is not None else mso_lines(text)
    return multipart(
        "alternative",
        boundary,
        [
            text_part(text, "plain", charset, "quoted-printable"),
            text_part(outlook_html(inner, charset), "html", charset, "quoted-printable"),
        ],
    )


# ==========================================================================
# People (all invented: ordinary Swedish first and last names put together here;
# none is taken from ../../shared/seeds/ or from a real page) and small helpers
# ==========================================================================

FSK = roster(
    [
        ("Annelie Strömberg", "Skövde", "ordforande"),
        ("Josefin Hägg", "Tidaholm", "sekreterare"),
        ("Marianne Ek", "Götene", "presidium"),
        ("Carina Backlund", "Lidköping", "presidium"),
        ("Lena Sundin", "Falköping"),
        ("Eva Wahlgren", "Mariestad"),
        ("Petra Lindahl", "Skara"),
        ("Sanna Rydberg", "Hjo"),
        ("Gunnel Åkesson", "Vara"),
        ("Helén Norberg", "Essunga"),
        ("Karolina Boman", "Grästorp"),
        ("Susanna Vikström", "Gullspång"),
        ("Maja Edlund", "Karlsborg"),
        ("Ingela Sjöstedt", "Töreboda"),
        ("Camilla Frisk", "Tibro"),
    ]
)
GRU = roster(
    [
        ("Henrik Lundblad", "Lidköping", "ordforande"),
        ("Sara Nyström", "Skara", "sekreterare"),
        ("Johan Alm", "Falköping", "presidium"),
        ("Katarina Holmgren", "Skövde", "presidium"),
        ("Mattias Berglöf", "Mariestad"),
        ("Anna-Karin Lund", "Hjo"),
        ("Per Ljungberg", "Vara"),
        ("Elisabeth Fagerlund", "Tibro"),
        ("Ulf Hammarström", "Tidaholm"),
        ("Jenny Sjölander", "Götene"),
        ("Marcus Rehn", "Töreboda"),
        ("Åsa Tengvall", "Karlsborg"),
        ("Niclas Forsell", "Gullspång"),
        ("Linnea Wiberg", "Essunga"),
        ("Kent Ivarsson", "Grästorp"),
    ]
)
ANP = roster(
    [
        ("Birgitta Sandell", "Falköping", "ordforande"),
        ("Tove Arvidsson", "Lidköping", "sekreterare"),
        ("Mikael Brodin", "Skövde", "presidium"),
        ("Lotta Engdahl", "Mariestad"),
        ("Rebecka Nord", "Skara"),
        ("Jörgen Svärd", "Vara"),
        ("Cecilia Hjort", "Tidaholm"),
        ("Emma Lagerqvist", "Götene"),
        ("Stina Rosén", "Hjo"),
        ("Oskar Wester", "Tibro"),
        ("Maria Falkenberg", "Töreboda"),
    ]
)
IM = roster(
    [
        ("Daniel Sköld", "Skövde", "ordforande"),
        ("Leila Karimi", "Lidköping", "presidium"),
        ("Jonas Forsgren", "Mariestad", "sekreterare"),
        ("Ebba Kronqvist", "Falköping"),
        ("Tomas Wikander", "Skara"),
        ("Hanna Selin", "Vara"),
        ("Robin Granath", "Tidaholm"),
        ("Nadia Haddad", "Tibro"),
        ("Erik Stenmark", "Hjo"),
        ("Malin Torstensson", "Götene"),
        ("Gustav Bergkvist", "Skaraborgs Kommunalförbund"),
    ]
)
VUX = roster(
    [
        ("Ulrika Tornberg", "Skövde", "ordforande"),
        ("Stefan Lundquist", "Lidköping", "presidium"),
        ("Annika Melin", "Falköping", "presidium"),
        ("Roger Björklund", "Mariestad"),
        ("Sofie Granlund", "Skara"),
        ("Kristina Åhlund", "Vara"),
        ("Pontus Wahlberg", "Tidaholm"),
        ("Ewa Dahlström", "Götene"),
        ("Tommy Alvén", "Töreboda"),
        ("Linda Hallin", "Hjo"),
        ("Björn Sahlin", "Tibro"),
        ("Maria Östlund", "Karlsborg"),
        ("Jessica Brandt", "Essunga"),
        ("Lennart Vallin", "Grästorp"),
        ("Anneli Kronberg", "Gullspång"),
    ]
)
# Kommunalförbundet's staff (skaraborg.se, an allowed sender)
KF = {
    "name": "Anna Wennerlund",
    "muni": "Skaraborgs Kommunalförbund",
    "email": "anna.wennerlund@skaraborg.se",
}


def names(roster_, *which):
    return [P(roster_, n)["name"] for n in which]


WD_SV = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
WD3_SV = ["mån", "tis", "ons", "tors", "fre", "lör", "sön"]
MON_SV = [
    "",
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
MON3_SV = [
    "",
    "jan",
    "feb",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "aug",
    "sept",
    "okt",
    "nov",
    "dec",
]


def D(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def wd(iso: str, short=False) -> str:
    """Swedish weekday of an ISO date (so weekdays written in the mails always match)."""
    return (WD3_SV if short else WD_SV)[D(iso).weekday()]


def long_date(iso: str, weekday=True, year=False) -> str:
    d = D(iso)
    s = f"{d.day} {MON_SV[d.month]}" + (f" {d.year}" if year else "")
    return f"{wd(iso)} {s}" if weekday else s


def _h(seed: str) -> str:
    return hashlib.sha1(seed.encode()).hexdigest()


def outlook_msgid(seed: str, host="GV1PR09MB8231", region="eurprd09") -> str:
    return f"<{host}{_h(seed)[:28].upper()}@{host}.{region}.prod.outlook.com>"


def uuid_msgid(seed: str, domain: str) -> str:
    h = _h(seed)
    return f"<{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}@{domain}>"


def bnd(seed: str, n: int) -> str:
    return f"_00{n}_{_h(seed)[:22].upper()}_"


KOMMUN = {  # official names of the municipalities
    "Essunga": "Essunga kommun",
    "Falköping": "Falköpings kommun",
    "Grästorp": "Grästorps kommun",
    "Gullspång": "Gullspångs kommun",
    "Götene": "Götene kommun",
    "Hjo": "Hjo kommun",
    "Karlsborg": "Karlsborgs kommun",
    "Lidköping": "Lidköpings kommun",
    "Mariestad": "Mariestads kommun",
    "Skara": "Skara kommun",
    "Skövde": "Skövde kommun",
    "Tibro": "Tibro kommun",
    "Tidaholm": "Tidaholms kommun",
    "Töreboda": "Töreboda kommun",
    "Vara": "Vara kommun",
    "Skaraborgs Kommunalförbund": "Skaraborgs Kommunalförbund",
}


def sig(person, title, extra=""):
    org = KOMMUN[person["muni"]]
    s = f"\n\nMed vänlig hälsning\n\n{person['name']}\n{title}\n{org}\n"
    if extra:
        s += extra + "\n"
    return s


def outlook_mail(
    me,
    subject,
    date,
    msgid,
    text,
    attachments=(),
    html_inner=None,
    cc=None,
    extra=(),
    to=TO_MAILBOX,
    crlf_ends=False,
):
    """Outlook/Exchange: multipart/mixed( alternative(plain, html), attachments... )."""
    alt = outlook_alt(text, bnd(msgid, 0), html_inner)
    if attachments:
        parts = [alt] + [attach(d, ct, fn, style=st) for d, ct, fn, st in attachments]
        body = multipart("mixed", bnd(msgid, 4), parts)
        x = OUTLOOK_X
    else:
        body = alt
        x = [h for h in OUTLOOK_X if h[0] != "X-MS-Has-Attach"] + [("X-MS-Has-Attach", "")]
    eml = message(
        std_headers(
            addr(me["name"], me["email"]), to, subject, date, msgid, list(x) + list(extra), cc=cc
        ),
        body,
    )
    return crlf(eml) if crlf_ends else eml


def gmail_mail(name, email, subject, date, msgid, text, attachments=(), to=MAILBOX, extra=()):
    alt = gmail_alt(text, "000000000000" + _h(msgid)[:16])
    if attachments:
        parts = [alt] + [attach(d, ct, fn, style=st) for d, ct, fn, st in attachments]
        body = multipart("mixed", "000000000000" + _h(msgid)[16:32], parts)
    else:
        body = alt
    return message(std_headers(addr(name, email), to, subject, date, msgid, extra), body)


def plain_mail(
    name,
    email,
    subject,
    date,
    msgid,
    text,
    extra=(),
    cte="quoted-printable",
    charset="utf-8",
    format_flowed=False,
    to=MAILBOX,
):
    body = text_part(text, "plain", charset, cte, format_flowed=format_flowed)
    return message(std_headers(addr(name, email), to, subject, date, msgid, extra), body)


def thunderbird_mail(name, email, subject, date, msgid, text, attachments=(), to=MAILBOX):
    parts = [text_part(text, format_flowed=True, cte="8bit")]
    parts += [attach(d, ct, fn, style=st) for d, ct, fn, st in attachments]
    body = multipart(
        "mixed",
        "------------" + _h(msgid)[:24],
        parts,
        preamble="This is a multi-part message in MIME format.",
    )
    return message(
        std_headers(
            addr(name, email),
            to,
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "sv-SE")],
        ),
        body,
    )


# --------------------------------------------------------------------------
# Outlook calendar invitations (text/calendar, METHOD:REQUEST / CANCEL)
# --------------------------------------------------------------------------

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE"""


def _ics_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    out, cur = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(cur) + len(b) > (75 if not out else 74):
            out.append(cur.decode("utf-8"))
            cur = b""
        cur += b
    out.append(cur.decode("utf-8"))
    return "\r\n ".join(out)


def ics_bytes(
    method,
    uid,
    summary,
    start,
    end,
    location,
    organizer,
    description="",
    rrule=None,
    status="CONFIRMED",
    sequence=0,
    stamp="20250901T080000Z",
):
    """start/end: 'YYYY-MM-DD HH:MM' local Swedish time (TZID W. Europe Standard Time)."""

    def t(s):
        return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").strftime("%Y%m%dT%H%M%S")

    lines = (
        [
            "BEGIN:VCALENDAR",
            f"METHOD:{method}",
            "PRODID:Microsoft Exchange Server 2010",
            "VERSION:2.0",
        ]
        + VTIMEZONE.split("\n")
        + [
            "BEGIN:VEVENT",
            f"ORGANIZER;CN={organizer['name']}:mailto:{organizer['email']}",
            "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Utbildning Skaraborg:mailto:"
            + MAILBOX,
            f"DESCRIPTION;LANGUAGE=sv-SE:{_ics_text(description)}",
        ]
    )
    if rrule:
        lines.append(f"RRULE:{rrule}")
    lines += [
        f"UID:{uid}",
        f"SUMMARY;LANGUAGE=sv-SE:{_ics_text(summary)}",
        f"DTSTART;TZID=W. Europe Standard Time:{t(start)}",
        f"DTEND;TZID=W. Europe Standard Time:{t(end)}",
        "CLASS:PUBLIC",
        "PRIORITY:5",
        f"DTSTAMP:{stamp}",
        "TRANSP:OPAQUE",
        f"STATUS:{status}",
        f"SEQUENCE:{sequence}",
        f"LOCATION;LANGUAGE=sv-SE:{_ics_text(location)}",
        "X-MICROSOFT-CDO-APPT-SEQUENCE:" + str(sequence),
        "X-MICROSOFT-CDO-BUSYSTATUS:" + ("FREE" if method == "CANCEL" else "TENTATIVE"),
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-CDO-INSTTYPE:" + ("1" if rrule else "0"),
        "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "X-MICROSOFT-LOCATIONDISPLAYNAME:" + _ics_text(location),
        "BEGIN:VALARM",
        "DESCRIPTION:REMINDER",
        "TRIGGER;RELATED=START:-PT15M",
        "ACTION:DISPLAY",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(_fold(l) for l in lines) + "\r\n").encode("utf-8")


def invitation_mail(me, subject, date, msgid, text, ics, method="REQUEST", extra=()):
    """Outlook meeting request: multipart/alternative(plain, html, text/calendar)."""
    cal = part(
        [
            ("Content-Type", f'text/calendar; charset="utf-8"; method={method}'),
            ("Content-Transfer-Encoding", "base64"),
        ],
        base64.encodebytes(ics),
    )
    alt = multipart(
        "alternative",
        bnd(msgid, 0),
        [
            text_part(text, "plain", "utf-8", "quoted-printable"),
            text_part(outlook_html(mso_lines(text)), "html", "utf-8", "quoted-printable"),
            cal,
        ],
    )
    hs = std_headers(
        addr(me["name"], me["email"]),
        TO_MAILBOX,
        subject,
        date,
        msgid,
        [
            ("Content-Language", "sv-SE"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-TNEF-Correlator", ""),
            ("Thread-Index", "AdwHfakeCorpusInvite=="),
        ]
        + list(extra),
    )
    return message(hs, alt)


TEAMS_BLOCK = (
    "________________________________________________________________________________\n"
    "Microsoft Teams Behöver du hjälp?\n"
    "Anslut till mötet nu\n"
    "Mötes-ID: 384 912 557 260 41\n"
    "Lösenord: Xy7Qp2\n"
    "________________________________________________________________________________\n"
)


# ==========================================================================
# 001-032  Protocols and minnesanteckningar with attendance, in real layouts
# ==========================================================================


def c001():
    """grundskola: Word protocol, municipal front page as a label/value table."""
    me = P(GRU, "Sara Nyström")
    date = "2025-10-16 15:42"
    msgid = outlook_msgid("c001")
    subject = "Protokoll nätverket grundskola 14/10"
    beslutande = names(
        GRU,
        "Henrik Lundblad",
        "Johan Alm",
        "Katarina Holmgren",
        "Mattias Berglöf",
        "Anna-Karin Lund",
        "Per Ljungberg",
        "Ulf Hammarström",
        "Jenny Sjölander",
        "Marcus Rehn",
    )
    doc = docx_bytes(
        [
            (
                "p",
                "Nätverket för rektorer i grundskolan, Skaraborg\tSAMMANTRÄDESPROTOKOLL\tSida 1 (4)",
            ),
            ("p", "Sammanträdesdatum\t2025-10-14"),
            (
                "kv",
                [
                    [
                        "Plats och tid",
                        f"Rådhuset, Skara, {wd('2025-10-14')}en den 14 oktober 2025 kl. 09.00–12.00",
                    ],
                    ["Beslutande", beslutande[0] + ", ordförande\n" + "\n".join(beslutande[1:])],
                    [
                        "Övriga deltagande",
                        "Sara Nyström, sekreterare\n"
                        "Anna Wennerlund, utvecklingsledare Skaraborgs Kommunalförbund, §§ 4–5",
                    ],
                    ["Utses att justera", "Katarina Holmgren"],
                    ["Justeringens plats och tid", "Skara 2025-10-21"],
                    [
                        "Underskrifter",
                        "Sekreterare ……………………………………   Paragrafer 1–7\nSara Nyström\n\n"
                        "Ordförande ……………………………………\nHenrik Lundblad\n\n"
                        "Justerande ……………………………………\nKatarina Holmgren",
                    ],
                ],
            ),
            ("b", "ANSLAG/BEVIS"),
            ("p", "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."),
            (
                "kv",
                [
                    ["Organ", "Nätverket för rektorer i grundskolan"],
                    ["Sammanträdesdatum", "2025-10-14"],
                    ["Datum då anslaget sätts upp", "2025-10-22"],
                    ["Datum då anslaget tas ned", "2025-11-12"],
                    ["Förvaringsplats för protokollet", "Utbildningsförvaltningen, Skara kommun"],
                    ["Underskrift", "……………………………………\nSara Nyström"],
                ],
            ),
            ("b", "§ 1 Val av justerare"),
            ("p", "Katarina Holmgren utses att jämte ordföranden justera dagens protokoll."),
            ("b", "§ 2 Föregående protokoll"),
            ("p", "Protokollet från mötet 2025-09-12 läggs till handlingarna."),
            ("b", "§ 3 Skolnärvaro"),
            (
                "p",
                "Rektorerna redovisar arbetet med närvarofrämjande insatser i respektive kommun.",
            ),
            ("b", "§ 4–5 Kompetensförsörjning och gemensam fortbildning"),
            ("p", "Anna Wennerlund informerar om Kommunalförbundets utbildningsdag för lärare."),
            ("b", "§ 6 Övriga frågor"),
            ("p", "Inga övriga frågor."),
            ("b", "§ 7 Mötets avslutande"),
            ("p", "Ordföranden tackar för visat intresse och avslutar mötet."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar justerat protokoll från nätverkets sammanträde den 14 oktober." + sig(
        me, "Rektor, sekreterare i nätverket för rektorer i grundskolan"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll nätverket grundskola 2025-10-14.docx", "2231")],
    )
    att = beslutande + ["Sara Nyström", "Anna Wennerlund"]
    case(
        "grundskola-protokoll-framsida-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2025-10-14", "09:00", "12:00", "Rådhuset, Skara")],
        protocol=proto("2025-10-14", att),
        reasons=[
            "municipal protocol front page as a label/value table: 'Plats och tid', 'Beslutande', "
            "'Övriga deltagande', 'Utses att justera', 'Justeringens plats och tid'",
            "attendees: every name under Beslutande and Övriga deltagande (roles and § stripped); "
            "the names in 'Underskrifter' repeat them",
            "'Justeringens plats och tid Skara 2025-10-21', the anslag dates 2025-10-22/2025-11-12 and "
            "'protokollet från mötet 2025-09-12' are not meetings",
        ],
        desc="front page as a Word label/value table (Plats och tid, Beslutande, Övriga deltagande, "
        "Utses att justera, Justeringens plats och tid, ANSLAG/BEVIS dates)",
        form="Outlook + .docx",
    )


def c002():
    """förskola: PDF protocol with a NÄRVAROLISTA grid (x in Ja/Nej columns)."""
    me = P(FSK, "Josefin Hägg")
    date = "2025-09-24 08:31"
    msgid = outlook_msgid("c002", "AS8PR09MB5544")
    subject = "Protokoll förskolenätverket 19 september"
    ja = [
        "Annelie Strömberg",
        "Josefin Hägg",
        "Marianne Ek",
        "Carina Backlund",
        "Petra Lindahl",
        "Sanna Rydberg",
        "Gunnel Åkesson",
        "Karolina Boman",
        "Susanna Vikström",
        "Ingela Sjöstedt",
        "Camilla Frisk",
    ]
    rows = [
        ["Namn", "Kommun", "Närvaro", "", "Tid", "Votering", ""],
        ["", "", "Ja", "Nej", "", "Ja", "Nej"],
        ["LEDAMÖTER", "", "", "", "", "", ""],
    ]
    for p in FSK:
        here = p["name"] in ja
        tid = "kl 09.00–10.30" if p["name"] == "Petra Lindahl" else ""
        rows.append([p["name"], p["muni"], "x" if here else "", "" if here else "x", tid, "", ""])
    rows += [
        ["ERSÄTTARE", "", "", "", "", "", ""],
        ["Agnes Widén", "Falköping", "x", "", "Tjg för Lena Sundin", "", ""],
        ["Moa Grip", "Mariestad", "", "", "", "", ""],
    ]
    pdf = pdf_bytes(
        [
            (
                "p",
                "Nätverket Förskola Skaraborg          PROTOKOLL          Sammanträdesdatum 2025-09-19",
            ),
            (
                "kv",
                [
                    [
                        "Plats och tid",
                        "Stadshuset, Tidaholm, fredagen den 19 september 2025 kl 09.00–12.00",
                    ],
                    ["Beslutande", "Se närvarolista"],
                    ["Övriga deltagande", "Anna Wennerlund, Skaraborgs Kommunalförbund"],
                    ["Utses att justera", "Carina Backlund"],
                    ["Justeringens plats och tid", "Tidaholm 2025-09-26"],
                    ["Paragrafer", "1–6"],
                ],
                (45, 135),
            ),
            ("b", "NÄRVAROLISTA"),
            ("table", rows, (44, 28, 17, 14, 40, 18, 14), 2),
            ("p", "Närvaro totalt: 12 av 15 ledamöter (inkl. tjänstgörande ersättare)."),
            ("b", "§ 1 Mötets öppnande"),
            ("p", "Ordföranden Annelie Strömberg hälsar välkommen."),
            ("b", "§ 2–5 Undervisning i förskolan, kompetensutveckling, barnkonventionen"),
            ("p", "Diskussion i grupper. Presidiet sammanställer."),
            ("b", "§ 6 Nästa möte"),
            ("p", "Enligt fastställd mötesplan."),
        ],
        doc_time(date),
    )
    text = "Hej,\n\nHär kommer protokollet från förskolenätverkets möte i fredags." + sig(
        me, "Rektor, sekreterare förskolenätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(pdf, PDF, "Protokoll 2025-09-19.pdf", "plain")]
    )
    case(
        "forskola-protokoll-narvarolista-ja-nej-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["protocol"],
        meetings=[T("2025-09-19", "09:00", "12:00", "Stadshuset, Tidaholm")],
        protocol=proto("2025-09-19", ja + ["Agnes Widén", "Anna Wennerlund"]),
        reasons=[
            "'Beslutande: Se närvarolista': attendance is the NÄRVAROLISTA grid with a two-row header "
            "'Närvaro | Tid | Votering' over 'Ja Nej Ja Nej'",
            "an x in the Ja column is present, an x in the Nej column is absent (Lena Sundin, Eva Wahlgren, "
            "Helén Norberg, Maja Edlund); the empty Votering columns mean nothing",
            "ersättare Agnes Widén is present ('Tjg för Lena Sundin'); Moa Grip has no mark: absent",
            "Petra Lindahl left at 10.30 but attended; Anna Wennerlund is under Övriga deltagande",
            "'Justeringens plats och tid Tidaholm 2025-09-26' is not a meeting; 'Nästa möte: enligt "
            "fastställd mötesplan' gives no date",
        ],
        desc="text PDF: front page + NÄRVAROLISTA table, header rows 'Närvaro/Votering' and 'Ja Nej Ja Nej', "
        "x marks, LEDAMÖTER/ERSÄTTARE group rows, 'Tjg för'",
        form="Outlook + PDF (fpdf2 table)",
    )


def c003():
    """anpassad skola: Word protocol with Ledamöter / Tjänstgörande ersättare / Ersättare (ej tjg)."""
    me = P(ANP, "Lotta Engdahl")
    date = "2025-11-19 10:05"
    msgid = outlook_msgid("c003", "DU0PR09MB6120")
    subject = "Protokoll nätverket anpassad skola 2025-11-14"
    doc = docx_bytes(
        [
            ("h", "Protokoll – Nätverket Anpassad skola", 1),
            ("p", "Sammanträdesdatum: 2025-11-14"),
            (
                "kv",
                [
                    [
                        "Plats och tid",
                        "Kommunhuset, Mariestad, fredagen den 14 november 2025, kl. 09.00–12.00",
                    ],
                    [
                        "Beslutande",
                        "Ledamöter\nBirgitta Sandell, ordförande\nTove Arvidsson, sekreterare\n"
                        "Mikael Brodin\nLotta Engdahl, värd\nRebecka Nord\nCecilia Hjort\nStina Rosén\n\n"
                        "Tjänstgörande ersättare\nFilip Ranstam ersätter Jörgen Svärd\nElin Karlén ersätter Oskar Wester",
                    ],
                    [
                        "Ersättare",
                        "Hugo Mellqvist (ej tjänstgörande)\nIda Lönnqvist (ej tjänstgörande)",
                    ],
                    [
                        "Övriga deltagande",
                        "Anna Wennerlund, utvecklingsledare, Skaraborgs Kommunalförbund",
                    ],
                    ["Utses att justera", "Rebecka Nord"],
                    ["Justeringens plats och tid", "Mariestad 2025-11-21"],
                ],
            ),
            (
                "numbered",
                [
                    "Val av justerare – Rebecka Nord.",
                    "Övergång från anpassad grundskola till anpassad gymnasieskola – rutin för överlämning.",
                    "Elevhälsa – gemensam handlingsplan, Mikael Brodin redovisar.",
                    "Övriga frågor.",
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nMariestad var värd för novemberträffen; här är protokollet." + sig(me, "Rektor")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll anpassad skola 2025-11-14.docx", "2231")],
    )
    att = [
        "Birgitta Sandell",
        "Tove Arvidsson",
        "Mikael Brodin",
        "Lotta Engdahl",
        "Rebecka Nord",
        "Cecilia Hjort",
        "Stina Rosén",
        "Filip Ranstam",
        "Elin Karlén",
        "Anna Wennerlund",
    ]
    case(
        "anpassad-protokoll-tjanstgorande-ersattare-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol"],
        meetings=[T("2025-11-14", "09:00", "12:00", "Kommunhuset, Mariestad")],
        protocol=proto("2025-11-14", att),
        reasons=[
            "'Beslutande' cell holds two sub-headings: Ledamöter and Tjänstgörande ersättare",
            "'Filip Ranstam ersätter Jörgen Svärd': Filip attended, Jörgen Svärd did not (same for Elin "
            "Karlén / Oskar Wester)",
            "the document itself says Hugo Mellqvist and Ida Lönnqvist were 'ej tjänstgörande': "
            "excluded, as the brief's rule for ersättare that did not serve",
            "Anna Wennerlund under Övriga deltagande attended",
            "'Justeringens plats och tid Mariestad 2025-11-21' is not a meeting",
        ],
        desc="Word front page: Beslutande with 'Ledamöter' + 'Tjänstgörande ersättare (X ersätter Y)', "
        "'Ersättare … (ej tjänstgörande)'",
        form="Outlook + .docx",
    )


def c004():
    """IM: minnesanteckningar in the body, one comma list ending in 'och'."""
    me = P(IM, "Jonas Forsgren")
    date = "2025-10-24 11:20"
    msgid = outlook_msgid("c004", "DB8PR09MB3377")
    subject = "Minnesanteckningar IM-nätverket 23/10"
    text = (
        "Hej!\n\nHär kommer minnesanteckningarna från gårdagens träff.\n\n"
        "MINNESANTECKNINGAR IM-NÄTVERKET\n"
        "Datum: 2025-10-23, kl. 13.00–16.00\n"
        "Plats: Vadsbogymnasiet, Mariestad\n\n"
        "Närvarande: Daniel Sköld (ordf), Leila Karimi, Jonas Forsgren (sekr), Ebba Kronqvist, "
        "Tomas Wikander, Robin Granath och Malin Torstensson\n"
        "Anmält förhinder: Hanna Selin, Nadia Haddad\n"
        "Ej anmält förhinder: Erik Stenmark\n\n"
        "1. Språkintroduktion – antalet nyanlända elever minskar i alla kommuner utom två.\n"
        "2. Individuellt alternativ – erfarenhetsutbyte kring praktikplatser.\n"
        "3. Kompetensutvecklingsplanen – Leila och Daniel tar fram förslag till 15/12.\n"
        f"4. Nästa möte: {wd('2025-11-20')} 20 november kl 13–16 i Skövde (Kavelbrogymnasiet).\n"
        + sig(me, "Rektor introduktionsprogrammen, sekreterare IM-nätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "intro-minnesanteckningar-kommalista-och-brodtext",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-10-23", "13:00", "16:00", "Vadsbogymnasiet, Mariestad"),
            T("2025-11-20", "13:00", "16:00", "Skövde (Kavelbrogymnasiet)"),
        ],
        protocol=proto(
            "2025-10-23",
            names(
                IM,
                "Daniel Sköld",
                "Leila Karimi",
                "Jonas Forsgren",
                "Ebba Kronqvist",
                "Tomas Wikander",
                "Robin Granath",
                "Malin Torstensson",
            ),
        ),
        reasons=[
            "'Närvarande:' one comma list whose last two names are joined by 'och'; '(ordf)' and '(sekr)' stripped",
            "'Anmält förhinder' and 'Ej anmält förhinder' are not attendees",
            "'till 15/12' is a deadline, not a meeting; 'Nästa möte … 20 november kl 13–16' is announced",
        ],
        desc="minnesanteckningar in the body: 'Närvarande: A (ordf), B, … och G', Anmält förhinder, "
        "Ej anmält förhinder, Nästa möte",
        form="Outlook text+HTML",
    )


def c005():
    """vux: host municipality's protocol in an Outlook HTML body, attendance table Kommun | Namn."""
    me = P(VUX, "Ewa Dahlström")
    date = "2025-11-07 13:14"
    msgid = outlook_msgid("c005", "AM0PR09MB4411")
    subject = "Protokoll vux-nätverket 5 november"
    present = [
        ("Skövde", "Ulrika Tornberg"),
        ("Lidköping", "Stefan Lundquist"),
        ("Falköping", "Annika Melin"),
        ("Mariestad", "Roger Björklund"),
        ("Götene", "Ewa Dahlström"),
        ("Hjo", "Linda Hallin"),
        ("Tibro", "Björn Sahlin"),
        ("Essunga", "Jessica Brandt"),
        ("Grästorp", "Lennart Vallin"),
        ("Skaraborgs Kommunalförbund", "Anna Wennerlund"),
    ]
    head = (
        "Hej alla,\n\nGötene var värd för nätverksträffen i onsdags och för därmed protokollet.\n\n"
        "PROTOKOLL VUX-NÄTVERKET 2025-11-05\n"
        f"Tid: {wd('2025-11-05')} 5 november 2025, 13.00–16.00\nPlats: Vuxenutbildningen, Götene\n\nNärvarande:\n"
    )
    table_txt = "Kommun\tNamn\n" + "".join(f"{k}\t{n}\n" for k, n in present)
    tail = (
        "\nEj närvarande: Skara, Vara, Tidaholm, Töreboda, Karlsborg, Gullspång.\n\n"
        "§ 1 Yrkesvux – ansökan om statsbidrag, gemensam ansökan för Skaraborg lämnas senast 2026-01-15.\n"
        "§ 2 SFI – väntetider redovisades per kommun.\n"
        f"§ 3 Nästa träff: {wd('2025-12-10')} 10 december kl 13–16, Tibro.\n"
    )
    text = head + table_txt + tail + sig(me, "Verksamhetschef vuxenutbildningen")
    html_inner = (
        mso_lines(head.rstrip("\n"))
        + mso_table([["Kommun", "Namn"]] + [[k, n] for k, n in present])
        + mso_lines(tail + sig(me, "Verksamhetschef vuxenutbildningen"))
    )
    eml = outlook_mail(me, subject, date, msgid, text, html_inner=html_inner, crlf_ends=True)
    case(
        "vux-protokoll-outlook-tabell-kommun-namn",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-11-05", "13:00", "16:00", "Vuxenutbildningen, Götene"),
            T("2025-12-10", "13:00", "16:00", "Tibro"),
        ],
        protocol=proto("2025-11-05", [n for _, n in present]),
        reasons=[
            "the host municipality (Götene) writes the protocol, as the vux mission says",
            "attendance is an Outlook table with the municipality FIRST and the name second",
            "'Ej närvarande' lists municipalities only: nobody to add",
            "'senast 2026-01-15' is a deadline, not a meeting",
        ],
        desc="protocol in an Outlook HTML body, attendance as a table 'Kommun | Namn' (municipality first), "
        "'Ej närvarande' by municipality",
        form="Outlook text+HTML, CRLF",
    )


def c006():
    """förskola: Word minnesanteckningar, several names per line (tabs, runs of spaces)."""
    me = P(FSK, "Josefin Hägg")
    date = "2025-12-15 09:47"
    msgid = outlook_msgid("c006", "AS8PR09MB5544")
    subject = "Minnesanteckningar förskolenätverket 12 december"
    doc = docx_bytes(
        [
            ("h", "Minnesanteckningar – Förskolenätverket Skaraborg", 1),
            ("p", "Datum: 2025-12-12      Tid: 09.00–12.00      Plats: Stadshuset, Lidköping"),
            ("b", "Närvarande"),
            ("p", "Annelie Strömberg\tJosefin Hägg\tMarianne Ek"),
            ("p", "Carina Backlund\tLena Sundin\tEva Wahlgren"),
            ("p", "Sanna Rydberg    Gunnel Åkesson    Karolina Boman"),
            ("p", "Maja Edlund\tIngela Sjöstedt"),
            ("b", "Anmält förhinder"),
            ("p", "Petra Lindahl\tHelén Norberg\tSusanna Vikström\tCamilla Frisk"),
            ("b", "1. Föregående anteckningar"),
            ("p", "Anteckningarna från 14 november godkändes."),
            ("b", "2. Systematiskt kvalitetsarbete"),
            ("p", "Varje kommun presenterade sitt årshjul."),
            ("b", "3. Nästa träff"),
            ("p", "Fredag 30 januari 2026 kl. 9.00–12.00 i Falköping."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar minnesanteckningarna från fredagens träff." + sig(
        me, "Rektor, sekreterare förskolenätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Minnesanteckningar 2025-12-12.docx", "plain")]
    )
    att = [
        "Annelie Strömberg",
        "Josefin Hägg",
        "Marianne Ek",
        "Carina Backlund",
        "Lena Sundin",
        "Eva Wahlgren",
        "Sanna Rydberg",
        "Gunnel Åkesson",
        "Karolina Boman",
        "Maja Edlund",
        "Ingela Sjöstedt",
    ]
    case(
        "forskola-minnesanteckningar-flera-namn-per-rad-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-12-12", "09:00", "12:00", "Stadshuset, Lidköping"),
            T("2026-01-30", "09:00", "12:00", "Falköping"),
        ],
        protocol=proto("2025-12-12", att),
        reasons=[
            "'Närvarande' paragraphs hold three names each, separated by Word tabs or by runs of spaces",
            "date, time and place share one line separated by spaces",
            "'Anmält förhinder' (four names on one tabbed line) are not attendees",
            "'anteckningarna från 14 november' is a reference; 'Fredag 30 januari 2026 kl. 9.00–12.00 i "
            "Falköping' is the next meeting",
        ],
        desc="Word minnesanteckningar: several names per line separated by tabs and by 2+ spaces; "
        "'Datum: … Tid: … Plats: …' on one line",
        form="Outlook + .docx",
    )


def c007():
    """grundskola: PDF minnesanteckningar, 'Name Municipality' without a comma."""
    me = P(GRU, "Sara Nyström")
    date = "2025-12-01 16:03"
    msgid = outlook_msgid("c007")
    subject = "Minnesanteckningar grundskolenätverket 27/11"
    present = [
        ("Henrik Lundblad", "Lidköping"),
        ("Sara Nyström", "Skara"),
        ("Johan Alm", "Falköping"),
        ("Katarina Holmgren", "Skövde"),
        ("Anna-Karin Lund", "Hjo"),
        ("Per Ljungberg", "Vara"),
        ("Elisabeth Fagerlund", "Tibro"),
        ("Niclas Forsell", "Gullspång"),
        ("Linnea Wiberg", "Essunga"),
    ]
    pdf = pdf_bytes(
        [
            ("h", "Minnesanteckningar – nätverket för rektorer i grundskolan"),
            (
                "p",
                f"{wd('2025-11-27').capitalize()} 27 november 2025 kl. 13.00–16.00, Stadshuset, Falköping",
            ),
            ("b", "Deltagare"),
            ("p", "\n".join(f"{n} {m}" for n, m in present)),
            ("b", "Förhinder"),
            ("p", "Mattias Berglöf Mariestad\nUlf Hammarström Tidaholm"),
            ("b", "Anteckningar"),
            (
                "p",
                "1. Läsåret hittills – kort runda från varje kommun.\n"
                "2. Nationella prov – samordning av bedömning mellan kommunerna.\n"
                "3. Datum för våren 2026 fastställs av presidiet och skickas ut före jul.",
            ),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nAnteckningarna från senaste träffen bifogas." + sig(me, "Rektor, sekreterare")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Minnesanteckningar grundskola 2025-11-27.pdf", "plain")],
    )
    case(
        "grundskola-deltagare-namn-kommun-utan-komma-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2025-11-27", "13:00", "16:00", "Stadshuset, Falköping")],
        protocol=proto("2025-11-27", [n for n, _ in present]),
        reasons=[
            "'Deltagare' lines are 'Förnamn Efternamn Kommun' with no comma: the last word is the "
            "municipality, not part of the name",
            "'Förhinder' are not attendees",
            "'Datum för våren 2026 … skickas ut före jul' gives no date",
        ],
        desc="text PDF: 'Deltagare' as 'Name Municipality' lines without a comma, 'Förhinder' the same way",
        form="Outlook + PDF",
    )


def c008():
    """vux: host's protocol in the body, bullets 'Name (Municipality)'."""
    me = P(VUX, "Linda Hallin")
    date = "2025-12-10 08:12"
    msgid = outlook_msgid("c008", "GVXPR09MB7002")
    subject = "Protokoll från nätverksträffen för vuxenutbildning 9 december"
    text = (
        "Hej!\n\nHjo var värd i går, här kommer protokollet.\n\n"
        "Protokoll – nätverket för vuxenutbildning\n"
        "Datum: 2025-12-09, kl. 09.30–12.00\nPlats: Stadshuset, Hjo\n\n"
        "Närvarande:\n"
        "• Ulrika Tornberg (Skövde)\n• Stefan Lundquist (Lidköping)\n• Annika Melin (Falköping)\n"
        "• Sofie Granlund (Skara)\n• Kristina Åhlund (Vara)\n• Linda Hallin (Hjo), värd och sekreterare\n"
        "• Anna Wennerlund (Skaraborgs Kommunalförbund)\n\n"
        "Frånvarande: Roger Björklund (Mariestad), Björn Sahlin (Tibro), Maria Östlund (Karlsborg)\n\n"
        "1. Validering – gemensam modell för vård- och omsorgsutbildningen.\n"
        "2. Delrapport – presidiet sammanställer till maj.\n" + sig(me, "Rektor vuxenutbildningen")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "vux-protokoll-namn-parentes-kommun-punktlista",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[T("2025-12-09", "09:30", "12:00", "Stadshuset, Hjo")],
        protocol=proto(
            "2025-12-09",
            [
                "Ulrika Tornberg",
                "Stefan Lundquist",
                "Annika Melin",
                "Sofie Granlund",
                "Kristina Åhlund",
                "Linda Hallin",
                "Anna Wennerlund",
            ],
        ),
        reasons=[
            "bullets '• Name (Municipality)'; ', värd och sekreterare' after the parenthesis stripped",
            "'Frånvarande' in one line of 'Name (Municipality)' are not attendees",
            "'till maj' is a month-level deadline, not a meeting",
        ],
        desc="protocol in the body: '• Name (Municipality)' bullets, Frånvarande as one parenthesised line",
        form="Outlook text+HTML",
    )


def c009():
    """anpassad skola: iPhone notes with first names only."""
    me = P(ANP, "Tove Arvidsson")
    date = "2025-10-27 07:58"
    msgid = (
        "<"
        + _h("c009")[:8].upper()
        + "-1F2E-4C3D-9A8B-"
        + _h("c009x")[:12].upper()
        + "@lidkoping.se>"
    )
    subject = "Anteckningar anpassad skola 24/10"
    text = (
        "Hej!\n"
        "Snabba anteckningar från fredagens träff (24/10) i Tidaholm, kl 9-12.\n"
        "Vi var: Birgitta, Mikael, Lotta, Cecilia, Stina och jag (Tove). Oskar och Rebecka hade förhinder.\n"
        "- Betygssättning i anpassad gymnasieskola, Mikael skickar underlag\n"
        "- Nästa gång 12/12 i Skövde kl 9-12\n"
        "Riktigt protokoll kommer från Cecilia som var värd.\n\n"
        "Tove\n\nSkickat från min iPhone"
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            MAILBOX,
            subject,
            date,
            msgid,
            [("X-Mailer", "iPhone Mail (22A3354)")],
        ),
        text_part(text, "plain", "utf-8", "quoted-printable"),
    )
    case(
        "anpassad-anteckningar-bara-fornamn-iphone",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-10-24", "09:00", "12:00", "Tidaholm"),
            T("2025-12-12", "09:00", "12:00", "Skövde"),
        ],
        protocol=proto("2025-10-24", ["Birgitta", "Mikael", "Lotta", "Cecilia", "Stina", "Tove"]),
        reasons=[
            "only first names are written, so the attendees are first names; 'jag (Tove)' is the sender",
            "'Oskar och Rebecka hade förhinder' are not attendees",
            "'Nästa gång 12/12 i Skövde kl 9-12' -> 2025-12-12",
            "the promised 'riktigt protokoll' does not change that these notes record attendance",
        ],
        desc="iPhone notes: 'Vi var: Birgitta, Mikael, … och jag (Tove)' – first names only",
        form="single-part text/plain (iPhone)",
    )


def c010():
    """IM: Word protocol, bullets 'Name – role, Municipality'."""
    me = P(IM, "Jonas Forsgren")
    date = "2025-11-24 14:30"
    msgid = outlook_msgid("c010", "DB8PR09MB3377")
    subject = "Protokoll IM-nätverket 20 november"
    doc = docx_bytes(
        [
            ("h", "Protokoll nätverket för Introduktionsprogrammen", 1),
            (
                "p",
                f"{wd('2025-11-20').capitalize()} 20 november 2025, kl. 13.00–16.00, Kavelbrogymnasiet, Skövde",
            ),
            ("b", "Närvarande"),
            (
                "bullets",
                [
                    "Daniel Sköld – ordförande, Skövde",
                    "Leila Karimi – vice ordförande, Lidköping",
                    "Jonas Forsgren – sekreterare, Mariestad",
                    "Ebba Kronqvist – Falköping",
                    "Hanna Selin – Vara",
                    "Nadia Haddad – Tibro",
                    "Erik Stenmark – Hjo",
                    "Gustav Bergkvist – processledare, Skaraborgs Kommunalförbund",
                ],
            ),
            (
                "p",
                "Ej närvarande: Tomas Wikander – Skara, Robin Granath – Tidaholm, Malin Torstensson – Götene",
            ),
            ("b", "Punkter"),
            (
                "numbered",
                [
                    "Programinriktat val – samverkan med yrkesprogrammen.",
                    "Yrkesintroduktion – lärlingsplatser, Gustav presenterar kartläggning.",
                    "Kommande möten: 2026-01-22 kl. 13–16, Lidköping (De la Gardiegymnasiet).",
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej,\n\nProtokollet från torsdagens möte bifogas." + sig(
        me, "Rektor, sekreterare IM-nätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Protokoll IM 2025-11-20.docx", "plain")]
    )
    case(
        "intro-protokoll-namn-tankstreck-roll-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-11-20", "13:00", "16:00", "Kavelbrogymnasiet, Skövde"),
            T("2026-01-22", "13:00", "16:00", "Lidköping (De la Gardiegymnasiet)"),
        ],
        protocol=proto(
            "2025-11-20",
            names(
                IM,
                "Daniel Sköld",
                "Leila Karimi",
                "Jonas Forsgren",
                "Ebba Kronqvist",
                "Hanna Selin",
                "Nadia Haddad",
                "Erik Stenmark",
                "Gustav Bergkvist",
            ),
        ),
        reasons=[
            "bullets 'Name – role, Municipality' and 'Name – Municipality': the name is before the dash",
            "'Ej närvarande: A – Skara, B – Tidaholm, …' are not attendees",
            "'Kommande möten: 2026-01-22 kl. 13–16' announces the next meeting",
        ],
        desc="Word bullets 'Name – role, Municipality'; 'Ej närvarande' in the same dash style on one line",
        form="Outlook + .docx",
    )


def c011():
    """grundskola: Word protocol; guests written 'Name, (S), Municipality, role'."""
    me = P(GRU, "Sara Nyström")
    date = "2026-01-27 10:40"
    msgid = outlook_msgid("c011")
    subject = "Protokoll grundskolenätverket 2026-01-23"
    doc = docx_bytes(
        [
            ("p", "NÄTVERKET FÖR REKTORER I GRUNDSKOLAN\tPROTOKOLL"),
            (
                "kv",
                [
                    ["Sammanträdesdatum", "2026-01-23"],
                    ["Plats och tid", "Medborgarhuset, Tibro kl 09.00–12.00"],
                    [
                        "Närvarande ledamöter",
                        "Henrik Lundblad (ordförande), Lidköping\nSara Nyström (sekreterare), Skara\n"
                        "Johan Alm, Falköping\nKatarina Holmgren, Skövde\nElisabeth Fagerlund, Tibro\n"
                        "Mattias Berglöf, Mariestad\nÅsa Tengvall, Karlsborg\nKent Ivarsson, Grästorp",
                    ],
                    [
                        "Övriga närvarande",
                        "Göran Fransén, (S), Tibro, ordförande barn- och utbildningsnämnden, §§ 1–3\n"
                        "Ylva Bergendahl, (M), Tibro, vice ordförande barn- och utbildningsnämnden, §§ 1–3",
                    ],
                    [
                        "Frånvarande",
                        "Anna-Karin Lund, Hjo; Per Ljungberg, Vara; Ulf Hammarström, Tidaholm; "
                        "Jenny Sjölander, Götene; Marcus Rehn, Töreboda; Niclas Forsell, Gullspång; "
                        "Linnea Wiberg, Essunga",
                    ],
                    ["Justerare", "Elisabeth Fagerlund"],
                    ["Justeringens plats och tid", "Skara 2026-01-30"],
                ],
            ),
            ("b", "§ 1 Välkommen till Tibro"),
            ("p", "Nämndens presidium berättar om Tibros satsning på läsning i tidiga år."),
            ("b", "§ 4 Gemensam fortbildning 2026"),
            ("p", "Beslut: presidiet bjuder in till en gemensam studiedag under hösten."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nProtokoll från januariträffen i Tibro." + sig(me, "Rektor, sekreterare")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll grundskolenätverket 2026-01-23.docx", "plain")],
    )
    att = [
        "Henrik Lundblad",
        "Sara Nyström",
        "Johan Alm",
        "Katarina Holmgren",
        "Elisabeth Fagerlund",
        "Mattias Berglöf",
        "Åsa Tengvall",
        "Kent Ivarsson",
        "Göran Fransén",
        "Ylva Bergendahl",
    ]
    case(
        "grundskola-protokoll-gaster-parti-kommun-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2026-01-23", "09:00", "12:00", "Medborgarhuset, Tibro")],
        protocol=proto("2026-01-23", att),
        reasons=[
            "the meeting date is only in the 'Sammanträdesdatum' field; 'Plats och tid' has the time",
            "'Name (role), Municipality' for the members; guests written 'Name, (S), Tibro, role, §§ 1–3' "
            "(party letter in its own comma field) are present and attend",
            "'Frånvarande' uses ';' between 'Name, Municipality' pairs: not attendees",
            "'Justeringens plats och tid Skara 2026-01-30' is not a meeting",
        ],
        desc="Word front page: date only in 'Sammanträdesdatum'; guests 'Name, (S), Municipality, role, §§'; "
        "Frånvarande separated by ';'",
        form="Outlook + .docx",
    )


def c012():
    """förskola: Word table 'Ledamöter | Närvarande' with X, 'Anmält förhinder', remarks."""
    me = P(FSK, "Josefin Hägg")
    date = "2026-02-03 13:25"
    msgid = outlook_msgid("c012", "AS8PR09MB5544")
    subject = "Protokoll nätverket förskola 30 januari"
    status = {
        "Annelie Strömberg": "X, mötesordförande",
        "Josefin Hägg": "X, sekreterare",
        "Marianne Ek": "X",
        "Carina Backlund": "Anmält förhinder",
        "Lena Sundin": "X, värd",
        "Eva Wahlgren": "X",
        "Petra Lindahl": "X, från kl. 10.15",
        "Sanna Rydberg": "Anmält förhinder",
        "Gunnel Åkesson": "X",
        "Helén Norberg": "",
        "Karolina Boman": "X",
        "Susanna Vikström": "Anmält förhinder",
        "Maja Edlund": "X",
        "Ingela Sjöstedt": "X",
        "Camilla Frisk": "X",
    }
    rows = [["Ledamöter", "Närvarande"]]
    rows += [[f"{p['name']}, {p['muni']}", status[p["name"]]] for p in FSK]
    rows += [["Övriga", ""], ["Anna Wennerlund, Skaraborgs Kommunalförbund", "X, § 3"]]
    doc = docx_bytes(
        [
            ("h", "PROTOKOLL", 1),
            ("p", "Nätverket Förskola, Skaraborg"),
            ("p", "Möte med nätverket 30 januari 2026, kl. 09.00–12.00, Stadshuset i Falköping"),
            ("table", rows),
            ("b", "§ 1 Mötets öppnande"),
            ("b", "§ 2 Val av justerare – Marianne Ek"),
            ("b", "§ 3 Regional kompetensutveckling"),
            ("p", "Anna Wennerlund presenterar Kommunalförbundets utbud våren 2026."),
            ("b", "§ 4 Nästa möte"),
            ("p", "20 mars 2026 kl 9–12 i Grästorp."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nProtokollet från januariträffen i Falköping bifogas." + sig(
        me, "Rektor, sekreterare förskolenätverket"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll förskolenätverket 2026-01-30.docx", "2231")],
    )
    att = [n for n, s in status.items() if s.startswith("X")] + ["Anna Wennerlund"]
    case(
        "forskola-protokoll-tabell-x-anmalt-forhinder-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-01-30", "09:00", "12:00", "Stadshuset i Falköping"),
            T("2026-03-20", "09:00", "12:00", "Grästorp"),
        ],
        protocol=proto("2026-01-30", att),
        reasons=[
            "two-column Word table 'Ledamöter | Närvarande': 'X' (with remarks like ', värd', ', från kl. 10.15') "
            "is present; 'Anmält förhinder' and an empty cell are not",
            "the name cell is 'Name, Municipality': only the name is the attendee",
            "'Övriga' group row: Anna Wennerlund marked X",
            "'§ 4 Nästa möte 20 mars 2026 kl 9–12 i Grästorp' announces the next meeting",
        ],
        desc="Word table 'Ledamöter | Närvarande' with 'X, remark', 'Anmält förhinder' and empty cells "
        "(Amnesty-style layout)",
        form="Outlook + .docx",
    )


def c013():
    """vux: protocol in the body, attendance in an .xlsx (x column, comments)."""
    me = P(VUX, "Björn Sahlin")
    date = "2026-01-22 09:05"
    msgid = outlook_msgid("c013", "HE1PR09MB3321")
    subject = "Protokoll och närvarolista – vux-nätverket 20/1"
    present = {
        "Ulrika Tornberg": "",
        "Stefan Lundquist": "",
        "Roger Björklund": "",
        "Sofie Granlund": "",
        "Pontus Wahlberg": "via Teams",
        "Tommy Alvén": "",
        "Björn Sahlin": "värd",
        "Jessica Brandt": "",
        "Anneli Kronberg": "",
    }
    comments = {"Annika Melin": "sjuk", "Linda Hallin": "anmält förhinder"}
    rows = [
        ["Närvarolista vux-nätverket 2026-01-20", None, None, None],
        ["Kommun", "Namn", "Närvarande (x)", "Kommentar"],
    ]
    for p in VUX:
        here = p["name"] in present
        rows.append(
            [
                p["muni"],
                p["name"],
                "x" if here else None,
                present.get(p["name"]) or comments.get(p["name"]) or None,
            ]
        )
    xlsx = xlsx_bytes(
        [
            (
                "Närvaro",
                rows,
                {
                    "merge": ["A1:D1"],
                    "bold_rows": [1, 2],
                    "widths": {"A": 14, "B": 22, "C": 16, "D": 20},
                },
            )
        ],
        doc_time(date),
        author=me["name"],
    )
    text = (
        "Hej!\n\nTibro var värd i tisdags. Protokollet står nedan och närvarolistan är bifogad.\n\n"
        "PROTOKOLL – NÄTVERKET FÖR VUXENUTBILDNING\n"
        f"{wd('2026-01-20').capitalize()} 20 januari 2026, kl. 13.00–16.00, Tibro kommunhus\n"
        "Närvarande: se bifogad närvarolista.\n\n"
        "§ 1 Mötet öppnas av ordförande Ulrika Tornberg.\n"
        "§ 2 Yrkesvux 2026 – fördelning av platser redovisades.\n"
        "§ 3 Komvux som särskild utbildning – Tibro och Essunga delar erfarenheter.\n"
        "§ 4 Mötet avslutas.\n" + sig(me, "Rektor vuxenutbildningen")
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(xlsx, XLSX, "Närvarolista vux 2026-01-20.xlsx", "2231")]
    )
    case(
        "vux-protokoll-narvarolista-xlsx-kryss",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[T("2026-01-20", "13:00", "16:00", "Tibro kommunhus")],
        protocol=proto("2026-01-20", list(present)),
        reasons=[
            "the body says 'Närvarande: se bifogad närvarolista'; the .xlsx has a merged title row, then "
            "'Kommun | Namn | Närvarande (x) | Kommentar'",
            "rows with x are present (Pontus Wahlberg 'via Teams' too); rows without x are not, whatever the comment",
            "the date in the title row is the meeting itself",
        ],
        desc="protocol in the body, attendance in an attached .xlsx: x column and a comment column",
        form="Outlook + .xlsx",
    )


def c014():
    """anpassad skola: host rektor's PDF protocol, label/value front page, past protocol reference."""
    me = P(ANP, "Mikael Brodin")
    date = "2025-12-16 14:50"
    msgid = outlook_msgid("c014", "AM9PR09MB6633")
    subject = "Protokoll 12/12 nätverket anpassad skola"
    pdf = pdf_bytes(
        [
            (
                "p",
                "Nätverket Anpassad skola – Skaraborg     PROTOKOLL     Sammanträdesdatum 2025-12-12     1 (3)",
            ),
            (
                "kv",
                [
                    ["Plats och tid", "Stadshuset, Skövde, kl. 09.00–12.00"],
                    [
                        "Närvarande ledamöter",
                        "Birgitta Sandell, ordförande\nTove Arvidsson, sekreterare\nMikael Brodin\n"
                        "Lotta Engdahl\nJörgen Svärd\nEmma Lagerqvist\nOskar Wester\nMaria Falkenberg",
                    ],
                    ["Övriga deltagande", "Lovisa Tidblad, specialpedagog, Skövde, § 3"],
                    ["Utses att justera", "Lotta Engdahl"],
                    ["Justeringens plats och tid", "Skövde 2025-12-18"],
                ],
                (55, 125),
            ),
            ("b", "§ 1 Mötets öppnande"),
            ("p", "Ordföranden hälsar välkommen till Skövde."),
            ("b", "§ 2 Föregående protokoll"),
            ("p", "Protokollet från 2025-11-14 godkändes och lades till handlingarna."),
            ("b", "§ 3 Alternativ och kompletterande kommunikation (AKK)"),
            ("p", "Lovisa Tidblad visar hur Skövde arbetar med bildstöd."),
            ("b", "§ 4 Datum våren 2026"),
            ("p", "Beslutas på nästa möte."),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nSom värd för decemberträffen skickar jag protokollet." + sig(
        me, "Rektor anpassad grundskola"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Protokoll anpassad skola 2025-12-12.pdf", "plain")],
    )
    att = [
        "Birgitta Sandell",
        "Tove Arvidsson",
        "Mikael Brodin",
        "Lotta Engdahl",
        "Jörgen Svärd",
        "Emma Lagerqvist",
        "Oskar Wester",
        "Maria Falkenberg",
        "Lovisa Tidblad",
    ]
    case(
        "anpassad-protokoll-vardrektor-pdf-framsida",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol"],
        meetings=[T("2025-12-12", "09:00", "12:00", "Stadshuset, Skövde")],
        protocol=proto("2025-12-12", att),
        reasons=[
            "the host rektor writes the protocol (anpassad skola mission); the date is only in the header "
            "'Sammanträdesdatum 2025-12-12'",
            "'Närvarande ledamöter' is one cell with a name per line; the guest under Övriga deltagande attended",
            "'Protokollet från 2025-11-14' and 'Justeringens plats och tid Skövde 2025-12-18' are not meetings",
        ],
        desc="text PDF: page header with 'Sammanträdesdatum', borderless label/value front page, "
        "reference to the previous protocol's date",
        form="Outlook + PDF",
    )


def c015():
    """IM: Outlook forward (VB:) of the secretary's protocol, Word table Namn | Skola | Kommun."""
    me = P(IM, "Daniel Sköld")
    date = "2026-01-26 13:02"
    msgid = outlook_msgid("c015", "VI1PR09MB2288")
    subject = "VB: Protokoll IM 22/1"
    sec = P(IM, "Jonas Forsgren")
    rows = [
        ["Namn", "Skola", "Kommun"],
        ["Daniel Sköld", "Kavelbrogymnasiet", "Skövde"],
        ["Leila Karimi", "De la Gardiegymnasiet", "Lidköping"],
        ["Jonas Forsgren", "Vadsbogymnasiet", "Mariestad"],
        ["Ebba Kronqvist", "Ållebergsgymnasiet", "Falköping"],
        ["Tomas Wikander", "Gymnasieskolan", "Skara"],
        ["Robin Granath", "Gymnasieskolan", "Tidaholm"],
        ["Erik Stenmark", "Gymnasieskolan", "Hjo"],
        ["Gustav Bergkvist", "–", "Skaraborgs Kommunalförbund"],
    ]
    doc = docx_bytes(
        [
            ("h", "Protokoll nätverket Introduktionsprogrammen", 1),
            ("p", "Datum: 2026-01-22 kl. 13.00–16.00"),
            ("p", "Plats: De la Gardiegymnasiet, Lidköping"),
            ("b", "Deltagare"),
            ("table", rows),
            (
                "p",
                "Förhinder: Hanna Selin (Vara), Nadia Haddad (Tibro), Malin Torstensson (Götene)",
            ),
            (
                "numbered",
                [
                    "Uppföljning av elevernas övergångar till nationella program.",
                    "Kompetensutvecklingsplan – remissvar från kommunerna.",
                    f"Nästa möte: {wd('2026-03-05')} 5 mars kl 13–16 i Tidaholm.",
                ],
            ),
        ],
        doc_time("2026-01-26 10:05"),
        author=sec["name"],
    )
    fwd = outlook_quote_text(
        "Forsgren Jonas <jonas.forsgren@mariestad.se>",
        "den 26 januari 2026 10:12",
        "IM-nätverket Skaraborg",
        "Protokoll IM 22/1",
        "Hej!\n\nHär kommer protokollet från torsdagens möte i Lidköping.\n\nHälsningar\nJonas",
    )
    text = "Till utbildning@ för kännedom.\n\n/Daniel\n\n" + fwd
    html_inner = mso_lines("Till utbildning@ för kännedom.\n\n/Daniel") + outlook_quote_html(
        "Forsgren Jonas <jonas.forsgren@mariestad.se>",
        "den 26 januari 2026 10:12",
        "IM-nätverket Skaraborg",
        "Protokoll IM 22/1",
        "Hej!\n\nHär kommer protokollet från torsdagens möte i Lidköping.\n\nHälsningar\nJonas",
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll IM 2026-01-22.docx", "plain")],
        html_inner=html_inner,
    )
    att = [r[0] for r in rows[1:]]
    case(
        "intro-vidarebefordrat-protokoll-deltagartabell-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-01-22", "13:00", "16:00", "De la Gardiegymnasiet, Lidköping"),
            T("2026-03-05", "13:00", "16:00", "Tidaholm"),
        ],
        protocol=proto("2026-01-22", att),
        reasons=[
            "the chair forwards (VB:) the secretary's protocol: the forwarded content counts",
            "'Skickat: den 26 januari 2026 10:12' is a header, not a meeting",
            "'Deltagare' is a table Namn | Skola | Kommun; the school is not part of the name",
            "'Förhinder' are not attendees; 'Nästa möte: torsdag 5 mars kl 13–16 i Tidaholm'",
        ],
        desc="Outlook forward 'VB:' of a protocol .docx with a 'Namn | Skola | Kommun' table and Förhinder",
        form="Outlook forward + .docx",
    )


def c016():
    """grundskola: 'Hej!' then a heading 'Mötesanteckningar …', names with '(Municipality)' in a comma list."""
    me = P(GRU, "Sara Nyström")
    date = "2026-03-12 17:22"
    msgid = outlook_msgid("c016")
    subject = "Anteckningar 11/3"
    present = names(
        GRU,
        "Henrik Lundblad",
        "Sara Nyström",
        "Katarina Holmgren",
        "Mattias Berglöf",
        "Per Ljungberg",
        "Elisabeth Fagerlund",
        "Ulf Hammarström",
        "Marcus Rehn",
        "Linnea Wiberg",
        "Kent Ivarsson",
    )
    plist = ", ".join(f"{n} ({P(GRU, n)['muni']})" for n in present)
    text = (
        "Hej!\n\n"
        "Mötesanteckningar nätverket grundskola 2026-03-11\n\n"
        "Tid och plats: kl 08.30–11.30, Vara Konserthus, konferensrummet\n\n"
        f"Närvarande: {plist}.\n"
        "Förhinder: Johan Alm (Falköping), Anna-Karin Lund (Hjo), Jenny Sjölander (Götene).\n"
        "Vi var alltså 10 av 15 kommuner representerade.\n\n"
        "1. Läsa-skriva-räkna-garantin – uppföljning.\n"
        "2. Skolverkets nya bedömningsstöd – Katarina visar Skövdes arbete.\n"
        "3. Rektorernas arbetsmiljö – enkät till alla kommuner innan 30/4.\n\n"
        "Sara"
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "grundskola-hej-rubrik-motesanteckningar-namn-parentes",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2026-03-11", "08:30", "11:30", "Vara Konserthus, konferensrummet")],
        protocol=proto("2026-03-11", present),
        reasons=[
            "the subject says only 'Anteckningar 11/3'; the network and kind are in a heading after 'Hej!'",
            "'Närvarande:' one comma list of 'Name (Municipality)'",
            "'10 av 15 kommuner' is a count; 'innan 30/4' is a deadline",
        ],
        desc="body: 'Hej!' then heading 'Mötesanteckningar nätverket grundskola 2026-03-11'; "
        "'Name (Municipality), …' comma list; numbers in passing",
        form="Outlook text+HTML",
    )


def c017():
    """förskola: HTML-only Outlook notes, <ul> lists Närvarande / Adjungerad / Frånvarande."""
    me = P(FSK, "Karolina Boman")
    date = "2026-03-23 11:48"
    msgid = outlook_msgid("c017", "PA4PR09MB7709")
    subject = "Minnesanteckningar förskolenätverket 20 mars"
    present = [
        "Annelie Strömberg",
        "Marianne Ek",
        "Carina Backlund",
        "Lena Sundin",
        "Eva Wahlgren",
        "Petra Lindahl",
        "Gunnel Åkesson",
        "Helén Norberg",
        "Karolina Boman",
        "Ingela Sjöstedt",
    ]
    absent = ["Josefin Hägg", "Sanna Rydberg", "Susanna Vikström", "Maja Edlund", "Camilla Frisk"]

    def ul(items):
        return (
            '<ul style="margin-top:0cm" type="disc">\n'
            + "".join(
                f'<li class="MsoListParagraph" style="margin-left:0cm">{html.escape(i)}<o:p></o:p></li>\n'
                for i in items
            )
            + "</ul>\n"
        )

    inner = (
        mso_p("Hej!")
        + mso_p()
        + mso_p("Josefin hade förhinder, så jag som värd skrev anteckningarna.")
        + mso_p()
        + mso_p("Minnesanteckningar förskolenätverket 20 mars 2026", bold=True)
        + mso_p("Plats: Grästorps kommunhus, kl. 9.00–12.00")
        + mso_p()
        + mso_p("Närvarande", bold=True)
        + ul([f"{n}, {P(FSK, n)['muni']}" for n in present])
        + mso_p("Adjungerad", bold=True)
        + ul(["Anna Wennerlund, Skaraborgs Kommunalförbund"])
        + mso_p("Frånvarande", bold=True)
        + ul([f"{n}, {P(FSK, n)['muni']}" for n in absent])
        + mso_p("Diskussion", bold=True)
        + mso_p("Barnens inflytande – varje kommun tar med ett exempel till nästa träff.")
        + mso_p(f"Nästa träff: {wd('2026-04-24')} 24 april kl 9–12 i Hjo.")
        + mso_p()
        + mso_p("Hälsningar")
        + mso_p("Karolina Boman")
        + mso_p("Rektor, Grästorps kommun")
    )
    body = text_part(outlook_html(inner), "html", "utf-8", "quoted-printable")
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [h for h in OUTLOOK_X if h[0] != "X-MS-Has-Attach"],
        ),
        body,
    )
    case(
        "forskola-minnesanteckningar-endast-html-listor",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-03-20", "09:00", "12:00", "Grästorps kommunhus"),
            T("2026-04-24", "09:00", "12:00", "Hjo"),
        ],
        protocol=proto("2026-03-20", present + ["Anna Wennerlund"]),
        reasons=[
            "HTML-only Outlook mail; attendance in <ul> lists of 'Name, Municipality'",
            "'Adjungerad' attended; 'Frånvarande' did not (the secretary among them, so the host wrote the notes)",
            "'Nästa träff: fredag 24 april kl 9–12 i Hjo'",
        ],
        desc="HTML-only Outlook notes: <ul> 'Närvarande', 'Adjungerad', 'Frånvarande' lists of 'Name, Municipality'",
        form="Outlook HTML only",
    )


def c018():
    """vux: Word protocol, front page 'Deltagare' + separate 'Sekreterare' (host), 'Nästa sammanträde'."""
    me = P(VUX, "Pontus Wahlberg")
    date = "2026-02-19 15:37"
    msgid = outlook_msgid("c018", "DB9PR09MB1188")
    subject = "Protokoll vux-nätverket 17 februari"
    deltagare = [
        "Ulrika Tornberg, Skövde, ordförande",
        "Stefan Lundquist, Lidköping",
        "Annika Melin, Falköping",
        "Roger Björklund, Mariestad",
        "Kristina Åhlund, Vara",
        "Ewa Dahlström, Götene",
        "Tommy Alvén, Töreboda",
        "Maria Östlund, Karlsborg",
    ]
    doc = docx_bytes(
        [
            ("p", "Nätverket för vuxenutbildning i Skaraborg\t\tPROTOKOLL"),
            (
                "kv",
                [
                    [
                        "Plats och tid",
                        f"Lärcentrum, Tidaholm, {wd('2026-02-17')}en den 17 februari 2026 kl. 09.00–12.00",
                    ],
                    ["Deltagare", "\n".join(deltagare)],
                    ["Sekreterare", "Pontus Wahlberg, Tidaholm (värdkommun)"],
                    ["Justerare", "Roger Björklund"],
                    ["Justeringens plats och tid", "Tidaholm 2026-02-24"],
                    ["Nästa sammanträde", "2026-03-24 kl 13.00, Mariestad"],
                ],
            ),
            ("b", "§ 1 Delrapport till skolchefsnätverket"),
            ("p", "Presidiet lämnar delrapporten i maj."),
            ("b", "§ 2 Regional yrkesvux"),
            ("p", "Fördelningen av platser 2026 fastställdes."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nTidaholm var värd och bifogar protokollet." + sig(me, "Rektor Lärcentrum")
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Protokoll vux 2026-02-17.docx", "plain")]
    )
    att = [d.split(",")[0] for d in deltagare] + ["Pontus Wahlberg"]
    case(
        "vux-protokoll-sekreterare-egen-rad-nasta-sammantrade",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-02-17", "09:00", "12:00", "Lärcentrum, Tidaholm"),
            T("2026-03-24", "13:00", None, "Mariestad"),
        ],
        protocol=proto("2026-02-17", att),
        reasons=[
            "'Deltagare' cell: 'Name, Municipality[, role]' per line",
            "the host's secretary is written only on the 'Sekreterare' line: he kept the minutes at the "
            "meeting, so he is an attendee",
            "'Nästa sammanträde 2026-03-24 kl 13.00' gives a start and no end",
            "'Justeringens plats och tid Tidaholm 2026-02-24' is not a meeting; 'i maj' is a deadline",
        ],
        desc="Word front page: 'Deltagare' block, the secretary only on a 'Sekreterare' line, "
        "'Nästa sammanträde' row with a start time only",
        form="Outlook + .docx",
    )


def c019():
    """grundskola: PDF minnesanteckningar in the Skåne layout 'Name, Municipality', '(ers. X)'."""
    me = P(GRU, "Sara Nyström")
    date = "2026-05-11 10:15"
    msgid = outlook_msgid("c019")
    subject = "Minnesanteckningar grundskola 8 maj"
    pdf = pdf_bytes(
        [
            ("p", "Datum 2026-05-11                     Minnesanteckningar"),
            ("h", "Nätverket för rektorer i grundskolan, Skaraborg"),
            (
                "kv",
                [
                    [
                        "Tid:",
                        f"{wd('2026-05-08').capitalize()}en den 8 maj 2026 klockan 9.00–12.00",
                    ],
                    ["Plats:", "Stadshuset, Hjo"],
                    [
                        "Närvarande:",
                        "Henrik Lundblad, Lidköping, ordförande\nSara Nyström, Skara, sekreterare\n"
                        "Johan Alm, Falköping\nKatarina Holmgren, Skövde\nAnna-Karin Lund, Hjo\n"
                        "Magnus Ekelund (ers. Jenny Sjölander), Götene\nElisabeth Fagerlund, Tibro\n"
                        "Åsa Tengvall, Karlsborg\nNiclas Forsell, Gullspång",
                    ],
                    ["Övriga:", "Anna Wennerlund, Skaraborgs Kommunalförbund"],
                    [
                        "Frånvarande:",
                        "Mattias Berglöf, Mariestad\nPer Ljungberg, Vara\nUlf Hammarström, Tidaholm\n"
                        "Marcus Rehn, Töreboda\nLinnea Wiberg, Essunga\nKent Ivarsson, Grästorp",
                    ],
                ],
                (32, 148),
            ),
            (
                "p",
                "1. Välkommen och dagordning\n2. Föregående mötes minnesanteckningar (2026-03-11) lades till "
                "handlingarna.\n3. Skolval och skolskjuts över kommungränserna.\n4. Övrigt.",
            ),
            ("p", "Vid anteckningarna\nSara Nyström"),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nAnteckningar från fredagens möte i Hjo." + sig(me, "Rektor, sekreterare")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Minnesanteckningar grundskola 2026-05-08.pdf", "plain")],
    )
    att = [
        "Henrik Lundblad",
        "Sara Nyström",
        "Johan Alm",
        "Katarina Holmgren",
        "Anna-Karin Lund",
        "Magnus Ekelund",
        "Elisabeth Fagerlund",
        "Åsa Tengvall",
        "Niclas Forsell",
        "Anna Wennerlund",
    ]
    case(
        "grundskola-minnesanteckningar-ers-for-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2026-05-08", "09:00", "12:00", "Stadshuset, Hjo")],
        protocol=proto("2026-05-08", att),
        reasons=[
            "layout of a regional 'Minnesanteckningar' (Tid:/Plats:/Närvarande:/Övriga:/Frånvarande:) with "
            "'Name, Municipality[, role]' per line",
            "'Magnus Ekelund (ers. Jenny Sjölander), Götene': Magnus attended in Jenny's place; Jenny did not",
            "'Datum 2026-05-11' in the header is the writing date; '(2026-03-11)' is an older meeting",
        ],
        desc="text PDF in the regional minnesanteckningar layout: 'Name, Municipality' lines, "
        "'Name (ers. Other), Municipality' stand-in, Övriga, Frånvarande, a header date that is not the meeting",
        form="Outlook + PDF",
    )


def c020():
    """anpassad skola: Word 'Anteckningar' with 'Deltagare' / 'Deltog ej' (GR layout), sub-network tags."""
    me = P(ANP, "Birgitta Sandell")
    date = "2026-02-09 12:12"
    msgid = outlook_msgid("c020", "AS2PR09MB9012")
    subject = "Anteckningar nätverket anpassad skola 6 februari"
    deltagare = [
        "Birgitta Sandell, Falköping (anp. gymnasieskola), Ordförande",
        "Tove Arvidsson, Lidköping (anp. grundskola), Sekreterare",
        "Mikael Brodin, Skövde (anp. grundskola & gymnasieskola)",
        "Lotta Engdahl, Mariestad (anp. grundskola)",
        "Rebecka Nord, Skara (anp. grundskola)",
        "Cecilia Hjort, Tidaholm (anp. grundskola)",
        "Stina Rosén, Hjo (anp. grundskola)",
        "Anna Wennerlund, Skaraborgs Kommunalförbund",
    ]
    deltog_ej = [
        "Jörgen Svärd, Vara (anp. grundskola)",
        "Emma Lagerqvist, Götene (anp. gymnasieskola)",
        "Oskar Wester, Tibro (anp. grundskola)",
        "Maria Falkenberg, Töreboda (anp. grundskola)",
    ]
    doc = docx_bytes(
        [
            ("p", "Sida 1 av 2"),
            ("h", "Anteckningar från nätverket Anpassad skola", 1),
            ("p", f"Tid: {wd('2026-02-06').capitalize()}en 6 februari 2026, kl 09.00–12.00"),
            ("p", "Plats: Ållebergsgymnasiet, Falköping"),
            ("b", "Deltagare"),
            ("p", "\n".join(deltagare)),
            ("b", "Deltog ej"),
            ("p", "\n".join(deltog_ej)),
            ("b", "1. Gymnasiesärskolans nya namn – vad innebär förändringen i praktiken?"),
            ("b", "2. Gemensam studiedag"),
            ("p", "Nästa träff fredag 17 april kl 9–12, Lidköping."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nFalköping var värd – anteckningarna är bifogade." + sig(
        me, "Rektor, ordförande nätverket anpassad skola"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Anteckningar anpassad skola 2026-02-06.docx", "plain")],
    )
    case(
        "anpassad-anteckningar-deltagare-deltog-ej-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-02-06", "09:00", "12:00", "Ållebergsgymnasiet, Falköping"),
            T("2026-04-17", "09:00", "12:00", "Lidköping"),
        ],
        protocol=proto("2026-02-06", [d.split(",")[0] for d in deltagare]),
        reasons=[
            "'Deltagare' lines 'Name, Municipality (sub-network), Role' in one paragraph with line breaks",
            "'Deltog ej' are not attendees",
            "'gymnasiesärskolans nya namn' and '(anp. gymnasieskola)' all point to anpassad skola",
            "'Nästa träff fredag 17 april kl 9–12, Lidköping' -> 2026-04-17",
        ],
        desc="Word 'Anteckningar': 'Deltagare' / 'Deltog ej' with 'Name, Municipality (sub-network), Role' lines",
        form="Outlook + .docx",
    )


def c021():
    """IM: §-style protocol in the body, 'Närvarande enligt bilaga 1' = an attached PDF närvarolista."""
    me = P(IM, "Jonas Forsgren")
    date = "2026-03-09 08:44"
    msgid = outlook_msgid("c021", "DB8PR09MB3377")
    subject = "Protokoll IM-nätverket 2026-03-05 med bilaga"
    status = {
        "Daniel Sköld": "Ja",
        "Leila Karimi": "Ja",
        "Jonas Forsgren": "Ja",
        "Ebba Kronqvist": "Ja",
        "Tomas Wikander": "Nej",
        "Hanna Selin": "Ja",
        "Robin Granath": "Ja",
        "Nadia Haddad": "Ja",
        "Erik Stenmark": "Nej",
        "Malin Torstensson": "Ja",
        "Gustav Bergkvist": "Nej",
    }
    rows = [["Namn", "Kommun", "Närvarande", "Signatur"]]
    rows += [[p["name"], p["muni"], status[p["name"]], ""] for p in IM]
    pdf = pdf_bytes(
        [
            ("b", "Bilaga 1 till protokoll 2026-03-05"),
            ("h", "Närvarolista – IM-nätverket"),
            ("table", rows, (45, 60, 28, 45)),
        ],
        doc_time(date),
    )
    text = (
        "Hej!\n\n"
        "PROTOKOLL IM-NÄTVERKET 2026-03-05\n"
        "Plats: Stadshuset, Tidaholm, kl. 13.00–16.00\n\n"
        "§ 1 Mötets öppnande. Ordförande Daniel Sköld hälsade välkommen.\n"
        "§ 2 Närvaro. Närvarande enligt bilaga 1.\n"
        "§ 3 Val av justerare. Leila Karimi.\n"
        "§ 4 Föregående protokoll (2026-01-22) godkändes.\n"
        "§ 5 Skolverkets uppföljning av introduktionsprogrammen.\n"
        "§ 6 Övriga frågor. Inga.\n"
        f"§ 7 Nästa möte. {wd('2026-04-23').capitalize()} 23 april kl 13–16, Hjo.\n"
        + sig(me, "Sekreterare IM-nätverket")
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Bilaga 1 Närvarolista IM 2026-03-05.pdf", "plain")],
    )
    case(
        "intro-protokoll-brodtext-narvaro-enligt-bilaga-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-03-05", "13:00", "16:00", "Stadshuset, Tidaholm"),
            T("2026-04-23", "13:00", "16:00", "Hjo"),
        ],
        protocol=proto("2026-03-05", [n for n, s in status.items() if s == "Ja"]),
        reasons=[
            "the body is the protocol ('§ 2 Närvaro. Närvarande enligt bilaga 1'); the attendance is the "
            "attached PDF table with Ja/Nej and an empty 'Signatur' column",
            "'Föregående protokoll (2026-01-22)' is a reference; '§ 7 Nästa möte … 23 april kl 13–16, Hjo'",
        ],
        desc="§-protocol in the body, 'Närvarande enligt bilaga 1' → attached PDF närvarolista (Ja/Nej, Signatur)",
        form="Outlook + PDF",
    )


def c022():
    """vux: attendance given only as 'samtliga utom Tibro och Karlsborg' -> needs_review."""
    me = P(VUX, "Roger Björklund")
    date = "2026-03-26 16:20"
    msgid = outlook_msgid("c022", "AM6PR09MB4930")
    subject = "Protokoll vux-nätverket 24/3"
    text = (
        "Hej!\n\nMariestad var värd i tisdags, här är protokollet.\n\n"
        "Protokoll vux-nätverket 24 mars 2026\n"
        "Tid: kl. 13.00–16.00\nPlats: Stadshuset, Mariestad\n"
        "Närvarande: samtliga kommuner utom Tibro och Karlsborg, samt Anna Wennerlund från Kommunalförbundet.\n\n"
        "1. Gemensam vägledning för nyanlända vuxna.\n"
        "2. Delrapporten – utkast skickas ut 15 april.\n" + sig(me, "Rektor vuxenutbildningen")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "vux-protokoll-samtliga-utom-needs-review",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[T("2026-03-24", "13:00", "16:00", "Stadshuset, Mariestad")],
        protocol=proto("2026-03-24", ["Anna Wennerlund"]),
        reasons=[
            "attendance is given as 'samtliga kommuner utom Tibro och Karlsborg': the members present are "
            "not named, so a reader cannot list them from this mail -> needs_review",
            "only Anna Wennerlund is named as present",
            "'15 april' is a deadline for a draft, not a meeting",
        ],
        desc="attendance only as 'samtliga kommuner utom Tibro och Karlsborg' → needs_review, only the named guest",
        form="Outlook text+HTML",
    )


def c023():
    """förskola: PDF protocol, 'Beslutande: se närvarolista sid 2', columns Närvarande / Ej närvarande."""
    me = P(FSK, "Josefin Hägg")
    date = "2026-04-29 13:55"
    msgid = outlook_msgid("c023", "AS8PR09MB5544")
    subject = "Protokoll förskolenätverket 2026-04-24"
    here = [
        "Annelie Strömberg",
        "Josefin Hägg",
        "Marianne Ek",
        "Carina Backlund",
        "Lena Sundin",
        "Sanna Rydberg",
        "Gunnel Åkesson",
        "Helén Norberg",
        "Susanna Vikström",
        "Maja Edlund",
        "Camilla Frisk",
    ]
    rows = [["Namn", "Kommun", "Närvarande", "Ej närvarande"]]
    rows += [
        [p["name"], p["muni"], "x" if p["name"] in here else "", "" if p["name"] in here else "x"]
        for p in FSK
    ]
    pdf = pdf_bytes(
        [
            ("p", "NÄTVERKET FÖRSKOLA          SAMMANTRÄDESPROTOKOLL          Sida 1 (3)"),
            (
                "kv",
                [
                    ["Sammanträdesdatum", "2026-04-24"],
                    ["Plats och tid", "Stadshuset, Hjo, kl. 09.00–12.00"],
                    ["Beslutande", "Se närvarolista sid 2"],
                    [
                        "Övriga deltagande",
                        "Erik Sandvik, verksamhetschef förskola, Hjo kommun, § 2",
                    ],
                    ["Utses att justera", "Sanna Rydberg"],
                    ["Justeringens plats och tid", "Tidaholm 2026-04-30 kl. 15.00"],
                ],
                (50, 130),
            ),
            ("b", "ANSLAG/BEVIS"),
            (
                "kv",
                [
                    ["Protokollet är justerat. Justeringen har tillkännagivits genom anslag.", ""],
                    ["Datum då anslaget sätts upp", "2026-05-04"],
                    ["Datum då anslaget tas ned", "2026-05-26"],
                ],
                (90, 90),
            ),
            ("page",),
            ("b", "NÄRVAROLISTA 2026-04-24"),
            ("table", rows, (50, 40, 30, 30)),
            ("b", "§ 1 Mötets öppnande"),
            ("b", "§ 2 Hjo kommuns arbete med utomhuspedagogik"),
            ("p", "Erik Sandvik berättar."),
            ("b", "§ 3 Barnkonventionen i förskolan – fortsättning från marsträffen"),
        ],
        doc_time(date),
    )
    text = "Hej,\n\nJusterat protokoll bifogas." + sig(me, "Rektor, sekreterare förskolenätverket")
    eml = outlook_mail(
        me, subject, date, msgid, text, [(pdf, PDF, "Protokoll 2026-04-24.pdf", "plain")]
    )
    case(
        "forskola-protokoll-anslag-narvarolista-sid2-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["protocol"],
        meetings=[T("2026-04-24", "09:00", "12:00", "Stadshuset, Hjo")],
        protocol=proto("2026-04-24", here + ["Erik Sandvik"]),
        reasons=[
            "front page with 'Sammanträdesdatum', 'Beslutande: Se närvarolista sid 2', ANSLAG/BEVIS dates",
            "page 2 närvarolista: columns 'Närvarande' and 'Ej närvarande'; an x under Ej närvarande is absent",
            "the guest under Övriga deltagande attended",
            "'Tidaholm 2026-04-30 kl. 15.00' (justering) and the anslag dates 2026-05-04/2026-05-26 are not meetings",
        ],
        desc="text PDF: front page + ANSLAG/BEVIS, närvarolista on page 2 with 'Närvarande | Ej närvarande' x columns",
        form="Outlook + PDF",
    )


def c024():
    """grundskola: Outlook reply (SV:) with the protocol; the quoted kallelse holds other dates."""
    me = P(GRU, "Sara Nyström")
    chair = P(GRU, "Henrik Lundblad")
    date = "2026-06-09 09:30"
    msgid = outlook_msgid("c024")
    subject = "SV: Nätverksträff 5 juni"
    present = names(
        GRU,
        "Henrik Lundblad",
        "Sara Nyström",
        "Johan Alm",
        "Katarina Holmgren",
        "Mattias Berglöf",
        "Per Ljungberg",
        "Elisabeth Fagerlund",
        "Jenny Sjölander",
        "Marcus Rehn",
        "Åsa Tengvall",
        "Kent Ivarsson",
    )
    doc = docx_bytes(
        [
            ("h", "Protokoll", 1),
            ("p", "Nätverket för rektorer i grundskolan"),
            ("p", "Datum: 2026-06-05, kl. 09.00–15.00"),
            ("p", "Plats: Kulturhuset, Skövde"),
            ("p", "Närvarande: " + ", ".join(present)),
            ("p", "Förhinder: Anna-Karin Lund, Ulf Hammarström, Niclas Forsell, Linnea Wiberg"),
            (
                "numbered",
                [
                    "Läsårets utvärdering.",
                    "Presidiet föreslår teman för hösten.",
                    "Avslutning med lunch.",
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    quoted = outlook_quote_text(
        f"Lundblad Henrik <{chair['email']}>",
        "den 22 maj 2026 14:03",
        "Nätverket grundskola",
        "Nätverksträff 5 juni",
        "Hej alla!\n\nVälkomna till läsårets sista träff fredag 5 juni kl 9–15 i Kulturhuset, Skövde.\n"
        "Anmäl specialkost senast 29 maj.\n\nPreliminärt datum för höstens första träff: fredag 28 augusti.\n\n"
        "Henrik",
    )
    text = (
        "Hej Henrik och alla!\n\nHär kommer protokollet från fredagens träff.\n\nSara\n\n" + quoted
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll 2026-06-05.docx", "plain")],
        extra=[
            ("In-Reply-To", outlook_msgid("c024-orig", "HE1PR09MB1111")),
            ("References", outlook_msgid("c024-orig", "HE1PR09MB1111")),
        ],
    )
    case(
        "grundskola-svar-protokoll-citerad-kallelse",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2026-06-05", "09:00", "15:00", "Kulturhuset, Skövde")],
        protocol=proto("2026-06-05", present),
        reasons=[
            "Outlook reply whose new text only carries the protocol .docx",
            "the quoted kallelse (Från/Skickat/Till/Ämne) mentions 'senast 29 maj' and a preliminary "
            "'28 augusti': quoted history, not this mail's dates",
            "'Närvarande:' one comma list; 'Förhinder' are not attendees",
        ],
        desc="Outlook reply 'SV:' carrying the protocol; the quoted kallelse proposes an autumn date",
        form="Outlook reply + .docx",
    )


def c025():
    """IM: Word protocol, table 'Roll | Namn | Kommun'."""
    me = P(IM, "Jonas Forsgren")
    date = "2026-04-27 10:02"
    msgid = outlook_msgid("c025", "DB8PR09MB3377")
    subject = "Protokoll IM-nätverket 23 april"
    rows = [
        ["Roll", "Namn", "Kommun"],
        ["Ordförande", "Daniel Sköld", "Skövde"],
        ["Sekreterare", "Jonas Forsgren", "Mariestad"],
        ["Vice ordf.", "Leila Karimi", "Lidköping"],
        ["Ledamot", "Ebba Kronqvist", "Falköping"],
        ["Ledamot", "Tomas Wikander", "Skara"],
        ["Ledamot, värd", "Erik Stenmark", "Hjo"],
        ["Ledamot", "Malin Torstensson", "Götene"],
        ["Processledare", "Gustav Bergkvist", "Skaraborgs Kommunalförbund"],
    ]
    doc = docx_bytes(
        [
            ("h", "Protokoll IM-nätverket", 1),
            (
                "p",
                f"{wd('2026-04-23').capitalize()} 23 april 2026 kl. 13.00–16.00, Stadshuset, Hjo",
            ),
            ("b", "Närvarande"),
            ("table", rows),
            ("p", "Förhinder: Hanna Selin, Robin Granath, Nadia Haddad"),
            ("p", "Justerare: Tomas Wikander"),
            (
                "numbered",
                [
                    "Sommarskola för språkintroduktion.",
                    "Gemensam statistik över avbrott.",
                    f"Nästa möte: {wd('2026-06-11')} 11/6 kl 13–16 i Skövde.",
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nProtokollet från Hjo bifogas." + sig(me, "Sekreterare IM-nätverket")
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Protokoll IM 2026-04-23.docx", "plain")]
    )
    case(
        "intro-protokoll-tabell-roll-namn-kommun-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-04-23", "13:00", "16:00", "Stadshuset, Hjo"),
            T("2026-06-11", "13:00", "16:00", "Skövde"),
        ],
        protocol=proto("2026-04-23", [r[1] for r in rows[1:]]),
        reasons=[
            "attendance table with the ROLE first: 'Roll | Namn | Kommun'",
            "'Förhinder' are not attendees; the justerare is already in the table",
            "'Nästa möte: torsdag 11/6 kl 13–16 i Skövde' -> 2026-06-11",
        ],
        desc="Word protocol: 'Närvarande' table with the columns 'Roll | Namn | Kommun' (role first)",
        form="Outlook + .docx",
    )


def c026():
    """anpassad skola: the chair forwards the host's protocol as inline text (VB:)."""
    me = P(ANP, "Birgitta Sandell")
    host = P(ANP, "Cecilia Hjort")
    date = "2025-10-31 09:10"
    msgid = outlook_msgid("c026", "AS2PR09MB9012")
    subject = "VB: Protokoll anpassad skola 24 oktober"
    inner = (
        "Hej alla!\n\nHär är protokollet från fredagens träff hos oss.\n\n"
        "Protokoll nätverket anpassad skola 24 oktober 2025\n"
        "Tid: kl. 09.00–12.00\nPlats: Stadshuset, Tidaholm\n\n"
        "Närvarande:\nBirgitta Sandell, Falköping\nMikael Brodin, Skövde\nLotta Engdahl, Mariestad\n"
        "Cecilia Hjort, Tidaholm\nStina Rosén, Hjo\nTove Arvidsson, Lidköping\n\n"
        "Förhinder: Oskar Wester, Tibro; Rebecka Nord, Skara\n\n"
        "1. Betygssättning i anpassad gymnasieskola.\n2. Elevhälsans organisation.\n\n"
        "Cecilia Hjort\nRektor, Tidaholms kommun"
    )
    fwd = outlook_quote_text(
        f"Hjort Cecilia <{host['email']}>",
        "den 30 oktober 2025 16:40",
        "Nätverket anpassad skola",
        "Protokoll anpassad skola 24 oktober",
        inner,
    )
    text = "Vidarebefordrar Cecilias protokoll enligt rutinen.\n\nBirgitta\n\n" + fwd
    html_inner = mso_lines(
        "Vidarebefordrar Cecilias protokoll enligt rutinen.\n\nBirgitta"
    ) + outlook_quote_html(
        f"Hjort Cecilia <{host['email']}>",
        "den 30 oktober 2025 16:40",
        "Nätverket anpassad skola",
        "Protokoll anpassad skola 24 oktober",
        inner,
    )
    eml = outlook_mail(me, subject, date, msgid, text, html_inner=html_inner)
    case(
        "anpassad-vidarebefordrat-protokoll-inline",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol"],
        meetings=[T("2025-10-24", "09:00", "12:00", "Stadshuset, Tidaholm")],
        protocol=proto(
            "2025-10-24",
            [
                "Birgitta Sandell",
                "Mikael Brodin",
                "Lotta Engdahl",
                "Cecilia Hjort",
                "Stina Rosén",
                "Tove Arvidsson",
            ],
        ),
        reasons=[
            "Outlook forward 'VB:' by the chair: the forwarded protocol is what is submitted",
            "'Skickat: den 30 oktober 2025 16:40' is the forward header, not a meeting",
            "'Närvarande:' one 'Name, Municipality' per line; 'Förhinder' pairs separated by ';'",
        ],
        desc="Outlook inline forward 'VB:' of the host's protocol; 'Name, Municipality' lines",
        form="Outlook forward text+HTML",
    )


def c027():
    """vux: PDF minnesanteckningar, table 'Kommun | Namn | Närvaro' with Ja / Nej / 'Deltog digitalt' / 'via länk'."""
    me = P(VUX, "Maria Östlund")
    date = "2026-04-24 11:11"
    msgid = outlook_msgid("c027", "GV2PR09MB5151")
    subject = "Minnesanteckningar vux-nätverket 22 april"
    status = {
        "Ulrika Tornberg": "Ja",
        "Stefan Lundquist": "Ja",
        "Annika Melin": "Ja, via länk",
        "Roger Björklund": "Nej",
        "Sofie Granlund": "Ja",
        "Kristina Åhlund": "Nej",
        "Pontus Wahlberg": "Deltog digitalt",
        "Ewa Dahlström": "Ja",
        "Tommy Alvén": "Nej",
        "Linda Hallin": "Ja",
        "Björn Sahlin": "Ja",
        "Maria Östlund": "Ja (värd)",
        "Jessica Brandt": "Nej",
        "Lennart Vallin": "Ja",
        "Anneli Kronberg": "Nej",
    }
    rows = [["Kommun", "Namn", "Närvaro"]]
    rows += [[p["muni"], p["name"], status[p["name"]]] for p in VUX]
    rows += [["Skaraborgs Kommunalförbund", "Anna Wennerlund", "Ja"]]
    pdf = pdf_bytes(
        [
            ("h", "Minnesanteckningar – Nätverket för vuxenutbildning"),
            (
                "p",
                f"{wd('2026-04-22').capitalize()} 22 april 2026, kl. 09.00–12.00, Karlsborgs kommunhus",
            ),
            ("table", rows, (55, 55, 50)),
            (
                "p",
                "1. Regional planering av yrkesvux hösten 2026.\n2. Nästa möte: 2026-05-27 kl. 13.00–16.00, Skövde.",
            ),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nKarlsborg var värd – minnesanteckningarna bifogas." + sig(
        me, "Rektor Karlsborgs vuxenutbildning"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Minnesanteckningar vux 2026-04-22.pdf", "plain")],
    )
    att = [n for n, s in status.items() if s != "Nej"] + ["Anna Wennerlund"]
    case(
        "vux-minnesanteckningar-narvaro-ja-nej-digitalt-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-04-22", "09:00", "12:00", "Karlsborgs kommunhus"),
            T("2026-05-27", "13:00", "16:00", "Skövde"),
        ],
        protocol=proto("2026-04-22", att),
        reasons=[
            "PDF table 'Kommun | Namn | Närvaro': 'Ja', 'Ja, via länk', 'Ja (värd)' and 'Deltog digitalt' "
            "are present, 'Nej' is not",
            "'Nästa möte: 2026-05-27 kl. 13.00–16.00, Skövde'",
        ],
        desc="text PDF table 'Kommun | Namn | Närvaro' with Ja / Nej / 'Ja, via länk' / 'Deltog digitalt'",
        form="Outlook + PDF",
    )


def c028():
    """förskola: plain body, tab-separated 'Municipality<TAB>Name<TAB>title' rows."""
    me = P(FSK, "Petra Lindahl")
    date = "2026-06-08 15:00"
    msgid = uuid_msgid("c028", "skara.se")
    subject = "Minnesanteckningar förskolenätverket 5 juni"
    rows = [
        ("Skövde", "Annelie Strömberg", "verksamhetschef"),
        ("Tidaholm", "Josefin Hägg", "rektor"),
        ("Götene", "Marianne Ek", "rektor"),
        ("Lidköping", "Carina Backlund", "verksamhetschef"),
        ("Falköping", "Lena Sundin", "rektor"),
        ("Mariestad", "Eva Wahlgren", "rektor"),
        ("Skara", "Petra Lindahl", "rektor, värd"),
        ("Hjo", "Sanna Rydberg", "rektor"),
        ("Vara", "Gunnel Åkesson", "förskolechef"),
        ("Grästorp", "Karolina Boman", "rektor"),
        ("Tibro", "Camilla Frisk", "rektor"),
    ]
    text = (
        "Minnesanteckningar förskolenätverket\n"
        f"{wd('2026-06-05').capitalize()} 5 juni 2026, kl. 9–15, Stadshuset i Skara\n\n"
        "Närvarande\n"
        + "".join(f"{k}\t{n}\t{t}\n" for k, n, t in rows)
        + "\nAnmält förhinder\nGullspång\tSusanna Vikström\nKarlsborg\tMaja Edlund\n\n"
        "Ej representerade: Essunga, Töreboda\n\n"
        "Dagen ägnades åt läsårets utvärdering och studiebesök på två förskolor.\n\n"
        "Petra Lindahl\nRektor, Skara kommun\n"
    )
    eml = plain_mail(
        me["name"],
        me["email"],
        subject,
        date,
        msgid,
        text,
        extra=[("User-Agent", "Microsoft-MacOutlook/16.89.24091630")],
    )
    case(
        "forskola-minnesanteckningar-kommun-namn-tabbar",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["protocol"],
        meetings=[T("2026-06-05", "09:00", "15:00", "Stadshuset i Skara")],
        protocol=proto("2026-06-05", [n for _, n, _ in rows]),
        reasons=[
            "tab-separated rows 'Municipality<TAB>Name<TAB>title': the name is the middle field",
            "'Anmält förhinder' rows have the same shape and are not attendees; 'Ej representerade' names only "
            "municipalities",
        ],
        desc="plain text (Mac Outlook) with tab-separated 'Kommun<TAB>Namn<TAB>titel' rows under Närvarande / "
        "Anmält förhinder",
        form="single-part text/plain",
    )


def c029():
    """grundskola: Word protocol with partial attendance '(§§ 1–4)', ', från kl. 10.00'."""
    me = P(GRU, "Sara Nyström")
    date = "2025-09-16 11:37"
    msgid = outlook_msgid("c029")
    subject = "Protokoll nätverket grundskola 12 september"
    doc = docx_bytes(
        [
            ("h", "PROTOKOLL – Nätverket för rektorer i grundskolan", 1),
            (
                "kv",
                [
                    [
                        "Datum och tid",
                        f"{wd('2025-09-12').capitalize()} 12 september 2025, kl. 08.30–12.00",
                    ],
                    ["Plats", "Stadshuset, Lidköping"],
                    [
                        "Närvarande",
                        "Henrik Lundblad, ordförande\nSara Nyström, sekreterare\nJohan Alm (§§ 1–4)\n"
                        "Katarina Holmgren\nMattias Berglöf, från kl. 10.00\nPer Ljungberg\nElisabeth Fagerlund\n"
                        "Ulf Hammarström\nJenny Sjölander, §§ 5–9\nÅsa Tengvall",
                    ],
                    [
                        "Frånvarande",
                        "Anna-Karin Lund, Marcus Rehn, Niclas Forsell, Linnea Wiberg, Kent Ivarsson",
                    ],
                ],
            ),
            (
                "numbered",
                [
                    "Mötets öppnande.",
                    "Val av justerare: Katarina Holmgren.",
                    "Läsårsstart.",
                    "Budgetläget.",
                    "Gemensamma frågor om skolskjuts.",
                    "Rapport från skolchefsnätverket.",
                    "Kompetensutveckling.",
                    "Övrigt.",
                    f"Nästa möte: {wd('2025-10-14')} 14 oktober kl. 9–12 i Skara.",
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej,\n\nProtokoll från första träffen i höst bifogas." + sig(me, "Rektor, sekreterare")
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Protokoll 2025-09-12.docx", "plain")]
    )
    att = [
        "Henrik Lundblad",
        "Sara Nyström",
        "Johan Alm",
        "Katarina Holmgren",
        "Mattias Berglöf",
        "Per Ljungberg",
        "Elisabeth Fagerlund",
        "Ulf Hammarström",
        "Jenny Sjölander",
        "Åsa Tengvall",
    ]
    case(
        "grundskola-protokoll-delvis-narvaro-paragrafer",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-09-12", "08:30", "12:00", "Stadshuset, Lidköping"),
            T("2025-10-14", "09:00", "12:00", "Skara"),
        ],
        protocol=proto("2025-09-12", att),
        reasons=[
            "partial attendance '(§§ 1–4)', ', från kl. 10.00', ', §§ 5–9' still makes them attendees; "
            "the remark is not part of the name",
            "'Frånvarande' comma list is not",
            "'Nästa möte: tisdag 14 oktober kl. 9–12 i Skara'",
        ],
        desc="Word label/value page: partial attendance '(§§ 1–4)', ', från kl. 10.00', ', §§ 5–9'",
        form="Outlook + .docx",
    )


def c030():
    """IM: Teams attendance report (.xlsx) as the record of a digital meeting."""
    me = P(IM, "Jonas Forsgren")
    date = "2025-12-15 08:20"
    msgid = outlook_msgid("c030", "DB8PR09MB3377")
    subject = "Närvarorapport Teams – IM-nätverket 11 december"
    people = [
        ("Daniel Sköld", "Organisatör", "13:01:12", "15:59:40"),
        ("Jonas Forsgren", "Presentatör", "12:58:03", "16:00:02"),
        ("Leila Karimi", "Deltagare", "13:02:15", "15:58:44"),
        ("Ebba Kronqvist", "Deltagare", "13:04:51", "15:30:10"),
        ("Tomas Wikander", "Deltagare", "13:00:30", "15:59:58"),
        ("Hanna Selin", "Deltagare", "13:10:02", "14:45:19"),
        ("Nadia Haddad", "Deltagare", "13:01:44", "15:59:50"),
        ("Erik Stenmark", "Deltagare", "13:03:09", "15:59:51"),
        ("Gustav Bergkvist", "Deltagare", "13:00:11", "16:00:00"),
    ]

    def dur(a, b):
        s = (dt.datetime.strptime(b, "%H:%M:%S") - dt.datetime.strptime(a, "%H:%M:%S")).seconds
        return f"{s // 3600} h {s % 3600 // 60} min {s % 60} s"

    summary = [
        ["1. Sammanfattning", None],
        ["Mötesrubrik", "IM-nätverket – digital träff"],
        ["Antal deltagare", len(people)],
        ["Starttid", "2025-12-11 12:58:03"],
        ["Sluttid", "2025-12-11 16:00:02"],
        ["Mötets varaktighet", "3 h 1 min 59 s"],
        ["Genomsnittlig närvarotid", "2 h 46 min"],
    ]
    parts = [
        ["2. Deltagare", None, None, None, None, None, None],
        [
            "Namn",
            "Första anslutning",
            "Senaste frånkoppling",
            "Tid i mötet",
            "E-post",
            "Deltagar-ID (UPN)",
            "Roll",
        ],
    ]
    for n, role, a, b in people:
        e = P(IM, n)["email"]
        parts.append([n, f"2025-12-11 {a}", f"2025-12-11 {b}", dur(a, b), e, e, role])
    acts = [["3. Aktiviteter i mötet", None, None, None], ["Namn", "Anslut", "Lämna", "Roll"]]
    for n, role, a, b in people:
        acts.append([n, f"2025-12-11 {a}", f"2025-12-11 {b}", role])
    xlsx = xlsx_bytes(
        [
            ("Sammanfattning", summary, {"bold_rows": [1]}),
            ("Deltagare", parts, {"bold_rows": [1, 2]}),
            ("Aktiviteter i mötet", acts, {"bold_rows": [1, 2]}),
        ],
        doc_time(date),
        author="Microsoft Teams",
    )
    text = (
        "Hej!\n\nVi hade en digital träff i torsdags (11/12 kl 13–16 på Teams). Några minnesanteckningar "
        "blev det inte, men här är närvarorapporten från Teams så att närvaron finns registrerad."
        + sig(me, "Sekreterare IM-nätverket")
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(xlsx, XLSX, "Närvarorapport IM-nätverket 2025-12-11.xlsx", "2231")],
    )
    case(
        "intro-teams-narvarorapport-xlsx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["protocol"],
        meetings=[T("2025-12-11", "13:00", "16:00", "Teams")],
        protocol=proto("2025-12-11", [n for n, *_ in people]),
        reasons=[
            "a Teams attendance report (sheets Sammanfattning / Deltagare / Aktiviteter i mötet) is the "
            "attendance record of the meeting: kind protocol",
            "attendees are the names in 'Deltagare' (each also repeated under Aktiviteter); the role column "
            "(Organisatör/Presentatör/Deltagare) is not part of the name",
            "times from the body 'kl 13–16', not the join/leave seconds",
        ],
        desc="Teams attendance report .xlsx (Sammanfattning / Deltagare / Aktiviteter i mötet) as the attendance record",
        form="Outlook + .xlsx",
    )


def c031():
    """vux: names as Outlook display names 'Efternamn Förnamn' separated by ';'."""
    me = P(VUX, "Ulrika Tornberg")
    date = "2026-05-28 17:05"
    msgid = outlook_msgid("c031", "HE1PR09MB2020")
    subject = "Anteckningar vux-nätverket 27 maj"
    present = [
        "Ulrika Tornberg",
        "Stefan Lundquist",
        "Annika Melin",
        "Roger Björklund",
        "Sofie Granlund",
        "Ewa Dahlström",
        "Linda Hallin",
        "Maria Östlund",
        "Anna Wennerlund",
    ]

    def rev(n):
        f, l = n.split(" ", 1)
        return f"{l} {f}"

    text = (
        "Hej!\n\nAnteckningar vux-nätverket 27 maj 2026\nTid: kl 13.00–16.00\nPlats: Stadshuset, Skövde\n\n"
        "Närvarande (från kallelsen i Outlook): " + "; ".join(rev(n) for n in present) + "\n"
        "Förhinder: Sahlin Björn; Brandt Jessica\n\n"
        "1. Avstämning av delrapporten.\n2. Höstens arbetsordning – presidiet återkommer.\n"
        + sig(me, "Verksamhetschef vuxenutbildningen, ordförande")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "vux-anteckningar-efternamn-fornamn-semikolon",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[T("2026-05-27", "13:00", "16:00", "Stadshuset, Skövde")],
        protocol=proto("2026-05-27", present),
        reasons=[
            "names copied from Outlook, where the municipal directory shows 'Efternamn Förnamn' and separates "
            "people with ';' – a reader writes them as 'Förnamn Efternamn'",
            "'Förhinder' are not attendees",
        ],
        desc="attendance pasted from Outlook: 'Tornberg Ulrika; Lundquist Stefan; …' (surname first, ';')",
        form="Outlook text+HTML",
    )


def c032():
    """anpassad skola: protocol where people are repeated (roles, list, signatures) and a head count."""
    me = P(ANP, "Tove Arvidsson")
    date = "2026-04-21 14:44"
    msgid = outlook_msgid("c032", "DU2PR09MB3030")
    subject = "Protokoll nätverket anpassad skola 17 april"
    doc = docx_bytes(
        [
            ("h", "Protokoll – nätverket Anpassad skola", 1),
            (
                "kv",
                [
                    ["Datum", "2026-04-17"],
                    ["Tid", "09.00–12.00"],
                    ["Plats", "Campus Lidköping"],
                    ["Ordförande", "Birgitta Sandell"],
                    ["Sekreterare", "Tove Arvidsson"],
                    [
                        "Närvarande",
                        "Birgitta Sandell, Tove Arvidsson, Mikael Brodin, Rebecka Nord, Jörgen Svärd, "
                        "Emma Lagerqvist, Oskar Wester",
                    ],
                    ["Justerare", "Mikael Brodin"],
                ],
            ),
            ("p", "Nätverket har 11 ledamöter; 7 deltog."),
            (
                "numbered",
                [
                    "Föregående anteckningar (6/2) godkändes.",
                    "Arbetsordning 2026 – presidiet redovisar.",
                    "Datum hösten 2026 – skickas ut efter sommaren.",
                ],
            ),
            (
                "p",
                "Vid protokollet\n\nTove Arvidsson\n\nJusteras\n\nBirgitta Sandell\t\tMikael Brodin",
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nProtokollet från träffen i Lidköping bifogas." + sig(
        me, "Rektor, sekreterare nätverket anpassad skola"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Protokoll anpassad skola 2026-04-17.docx", "plain")],
    )
    case(
        "anpassad-protokoll-upprepade-namn-underskrifter",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["protocol"],
        meetings=[T("2026-04-17", "09:00", "12:00", "Campus Lidköping")],
        protocol=proto(
            "2026-04-17",
            [
                "Birgitta Sandell",
                "Tove Arvidsson",
                "Mikael Brodin",
                "Rebecka Nord",
                "Jörgen Svärd",
                "Emma Lagerqvist",
                "Oskar Wester",
            ],
        ),
        reasons=[
            "the chair, secretary and justerare appear on their own rows, in 'Närvarande' and in the "
            "signature block: each person once",
            "'Nätverket har 11 ledamöter; 7 deltog' is a count; '(6/2)' is an older meeting",
        ],
        desc="Word label/value page: Ordförande/Sekreterare/Justerare rows repeating people of the "
        "Närvarande comma list, signature block, head count",
        form="Outlook + .docx",
    )


# ==========================================================================
# 033-048  Member lists as really sent
# ==========================================================================


def c033():
    """förskola: Word 'Rollfördelning' – roles as headings, 'Municipality Name' lines, no e-mail."""
    me = P(FSK, "Josefin Hägg")
    date = "2025-08-28 10:30"
    msgid = outlook_msgid("c033", "AS8PR09MB5544")
    subject = "Rollfördelning och kommunrepresentanter förskolenätverket 25/26"
    reps = [p for p in FSK if p["role"] == "ledamot"]
    doc = docx_bytes(
        [
            ("h", "Förskolenätverket Skaraborg – rollfördelning 2025/2026", 1),
            ("b", "Ordförande/förvaltningschefsrepresentant"),
            ("p", "Annelie Strömberg, Skövde"),
            ("b", "Sekreterare"),
            ("p", "Josefin Hägg, Tidaholm"),
            ("b", "Presidium"),
            (
                "p",
                "Annelie Strömberg, Skövde\nJosefin Hägg, Tidaholm\nMarianne Ek, Götene\nCarina Backlund, Lidköping",
            ),
            ("b", "Kommunrepresentanter"),
            ("p", "\n".join(f"{p['muni']} {p['name']}" for p in reps)),
            (
                "p",
                "Nätverket har 15 ledamöter, en från varje kommun, och träffas minst 4 gånger per år på fredagar.",
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar rollfördelningen för förskolenätverket läsåret 25/26." + sig(
        me, "Sekreterare förskolenätverket"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Rollfördelning förskolenätverket 25-26.docx", "plain")],
    )
    case(
        "forskola-rollfordelning-rubriker-kommun-namn-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members_from(FSK, with_email=False),
        reasons=[
            "roles are headings with the names below: 'Ordförande/förvaltningschefsrepresentant' -> ordforande, "
            "'Sekreterare', 'Presidium' (chair and secretary keep their own roles), 'Kommunrepresentanter' -> ledamot",
            "'Kommunrepresentanter' lines are 'Municipality Name' without a comma",
            "no e-mail addresses are written -> email null; municipality as written",
            "'Nätverket har 15 ledamöter … minst 4 gånger per år' is a description, not a date or a member",
        ],
        desc="Word 'Rollfördelning': roles as headings (Ordförande/förvaltningschefsrepresentant, Presidium, "
        "Kommunrepresentanter), 'Municipality Name' lines, no e-mail",
        form="Outlook + .docx",
    )


def c034():
    """grundskola: Outlook HTML table 'Kommun | Namn | E-post' with ', ordförande' inside the name cell."""
    me = P(GRU, "Sara Nyström")
    date = "2025-08-20 14:10"
    msgid = outlook_msgid("c034")
    subject = "Förteckning nätverket grundskola läsåret 2025/26"
    tag = {
        "ordforande": ", ordförande",
        "sekreterare": ", sekreterare",
        "presidium": ", presidiet",
        "ledamot": "",
    }
    rows = [["Kommun", "Namn", "E-post"]]
    for p in GRU:
        mail = "–" if p["name"] == "Kent Ivarsson" else p["email"]
        rows.append([p["muni"], p["name"] + tag[p["role"]], mail])
    intro = (
        "Hej!\n\nHär är förteckningen över nätverket för rektorer i grundskolan läsåret 2025/26.\n"
    )
    outro = "\nKents adress kommer när han har fått sitt nya konto." + sig(me, "Sekreterare")
    text = intro + "\n" + "".join("\t".join(r) + "\n" for r in rows) + outro
    html_inner = mso_lines(intro) + mso_table(rows) + mso_lines(outro)
    eml = outlook_mail(me, subject, date, msgid, text, html_inner=html_inner)
    members = [
        M(p["name"], None if p["name"] == "Kent Ivarsson" else p["email"], p["muni"], p["role"])
        for p in GRU
    ]
    case(
        "grundskola-forteckning-outlook-tabell-roll-i-namncell",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "Outlook table 'Kommun | Namn | E-post'; the role is written inside the name cell ('Name, ordförande', "
            "', presidiet')",
            "'–' in the e-mail column -> email null",
        ],
        desc="Outlook HTML table 'Kommun | Namn | E-post' with the role inside the name cell ('Name, ordförande')",
        form="Outlook text+HTML",
    )


def c035():
    """vux: .xlsx with columns 'Roll | Kommun | Namn | E-post', name cells 'Name (title)'."""
    me = P(VUX, "Ulrika Tornberg")
    date = "2026-01-13 09:00"
    msgid = outlook_msgid("c035", "HE1PR09MB2020")
    subject = "Ledamöter vux-nätverket 2026"
    titles = [
        "verksamhetschef",
        "rektor",
        "rektor",
        "rektor",
        "biträdande rektor",
        "rektor",
        "rektor",
        "utvecklingsledare",
        "rektor",
        "rektor",
        "verksamhetschef",
        "rektor",
        "rektor",
        "rektor",
        "rektor",
    ]
    roll = {
        "Ulrika Tornberg": "Ordförande",
        "Stefan Lundquist": "Vice ordförande",
        "Annika Melin": "Presidium",
    }
    rows = [
        ["Vux-nätverket Skaraborg – ledamöter 2026", None, None, None],
        ["Roll", "Kommun", "Namn", "E-post"],
    ]
    for p, t in zip(VUX, titles):
        rows.append([roll.get(p["name"], "Ledamot"), p["muni"], f"{p['name']} ({t})", p["email"]])
    xlsx = xlsx_bytes(
        [
            (
                "Ledamöter",
                rows,
                {
                    "merge": ["A1:D1"],
                    "bold_rows": [1, 2],
                    "widths": {"A": 16, "B": 14, "C": 34, "D": 34},
                },
            )
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar förteckningen över vux-nätverkets ledamöter 2026." + sig(
        me, "Ordförande vux-nätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(xlsx, XLSX, "Ledamöter vux-nätverket 2026.xlsx", "2231")]
    )
    members = [M(p["name"], p["email"], p["muni"], p["role"]) for p in VUX]
    case(
        "vux-ledamoter-xlsx-roll-kommun-namn-titel",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members,
        reasons=[
            "columns in the order 'Roll | Kommun | Namn | E-post' under a merged title row",
            "the name cell carries a title in parentheses: 'Ulrika Tornberg (verksamhetschef)' -> 'Ulrika Tornberg'",
            "'Vice ordförande' -> presidium; 'Ledamot' -> ledamot",
        ],
        desc=".xlsx with columns 'Roll | Kommun | Namn | E-post' (role first), 'Name (title)' cells, merged title row",
        form="Outlook + .xlsx",
    )


def c036():
    """IM: tab-separated list in the body, some without e-mail, counts in passing."""
    me = P(IM, "Jonas Forsgren")
    date = "2025-09-03 13:45"
    msgid = outlook_msgid("c036", "DB8PR09MB3377")
    subject = "Deltagarlista IM-nätverket 25/26"
    roll = {
        "ordforande": "Ordförande",
        "sekreterare": "Sekreterare",
        "presidium": "Vice ordf.",
        "ledamot": "",
    }
    no_mail = {"Nadia Haddad", "Erik Stenmark"}
    lines = ["Namn\tKommun\tRoll\tE-post"]
    for p in IM:
        r = "Processledare" if p["muni"].startswith("Skaraborgs") else roll[p["role"]]
        lines.append(f"{p['name']}\t{p['muni']}\t{r}\t{'' if p['name'] in no_mail else p['email']}")
    text = (
        "Hej!\n\nHär är aktuell deltagarlista för IM-nätverket läsåret 25/26. Nätverket har 11 ledamöter "
        "och träffas 6 gånger per år.\n\n"
        + "\n".join(lines)
        + "\n\nNadia och Erik saknar ännu adress i listan."
        + sig(me, "Sekreterare IM-nätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    members = [
        M(p["name"], None if p["name"] in no_mail else p["email"], p["muni"], p["role"]) for p in IM
    ]
    case(
        "intro-deltagarlista-tabbar-utan-epost",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["member_list"],
        members=members,
        reasons=[
            "tab-separated header 'Namn Kommun Roll E-post' and rows; empty e-mail -> null",
            "'Vice ordf.' -> presidium; 'Processledare' (Skaraborgs Kommunalförbund) -> ledamot, municipality null",
            "'11 ledamöter … 6 gånger per år' is a description",
        ],
        desc="body list with tab-separated columns, empty e-mail cells, 'Vice ordf.', Kommunalförbundet's processledare",
        form="Outlook text+HTML",
    )


def c037():
    """anpassad skola: PDF with one table per sub-network, roles 'Ordf.', 'Sekr.', 'Vice ordf.'."""
    me = P(ANP, "Tove Arvidsson")
    date = "2025-09-10 08:55"
    msgid = outlook_msgid("c037", "DU2PR09MB3030")
    subject = "Ledamöter nätverket anpassad skola 2025/2026"
    role = {"Birgitta Sandell": "Ordf.", "Tove Arvidsson": "Sekr.", "Mikael Brodin": "Vice ordf."}
    gym = ["Birgitta Sandell", "Mikael Brodin", "Emma Lagerqvist"]
    grund = [p["name"] for p in ANP if p["name"] not in ("Birgitta Sandell", "Emma Lagerqvist")]

    def tbl(ns):
        return [["Namn", "Kommun", "Uppdrag", "E-post"]] + [
            [n, P(ANP, n)["muni"], role.get(n, ""), P(ANP, n)["email"]] for n in ns
        ]

    pdf = pdf_bytes(
        [
            ("h", "Nätverket Anpassad skola – ledamöter 2025/2026"),
            ("b", "Anpassad grundskola"),
            ("table", tbl(grund), (42, 28, 24, 86)),
            ("b", "Anpassad gymnasieskola"),
            ("table", tbl(gym), (42, 28, 24, 86)),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nHär kommer ledamotslistan för båda undernätverken." + sig(me, "Sekreterare")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Ledamöter anpassad skola 2025-2026.pdf", "plain")],
    )
    case(
        "anpassad-ledamoter-undernatverk-tabeller-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["member_list"],
        members=members_from(ANP),
        reasons=[
            "one PDF table per sub-network (anpassad grundskola / anpassad gymnasieskola), same columns",
            "Mikael Brodin is in both tables: one member",
            "'Ordf.' -> ordforande, 'Sekr.' -> sekreterare, 'Vice ordf.' -> presidium, empty -> ledamot",
        ],
        desc="text PDF: a table per sub-network, one person in both, roles 'Ordf.', 'Sekr.', 'Vice ordf.'",
        form="Outlook + PDF",
    )


def c038():
    """förskola: chair's body text 'Presidiet består av …' + 'Övriga ledamöter: A (X), B (Y), …'."""
    me = P(FSK, "Annelie Strömberg")
    date = "2026-01-12 07:45"
    msgid = outlook_msgid("c038", "PA4PR09MB1234")
    subject = "Nätverket förskola – ledamöter 2026"
    others = ", ".join(f"{p['name']} ({p['muni']})" for p in FSK if p["role"] == "ledamot")
    text = (
        "Hej!\n\nInför det nya året kommer här nätverkets sammansättning.\n\n"
        "Presidiet består av Annelie Strömberg, Skövde (ordförande), Josefin Hägg, Tidaholm (sekreterare), "
        "Marianne Ek, Götene och Carina Backlund, Lidköping.\n\n"
        f"Övriga ledamöter: {others}.\n\n"
        "Inga förändringar sedan i höstas."
        + sig(me, "Verksamhetschef förskola, ordförande förskolenätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "forskola-ledamoter-lopande-text-presidiet-bestar-av",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members_from(FSK, with_email=False),
        reasons=[
            "roles in running text: 'Presidiet består av A, Skövde (ordförande), B, Tidaholm (sekreterare), "
            "C, Götene och D, Lidköping' -> the unmarked ones are presidium",
            "'Övriga ledamöter:' one comma list of 'Name (Municipality)' -> ledamot",
            "no addresses -> email null",
        ],
        desc="running text: 'Presidiet består av A, Kommun (ordförande), …, C, Kommun och D, Kommun'; "
        "'Övriga ledamöter: Name (Kommun), …'",
        form="Outlook text+HTML",
    )


def c039():
    """grundskola: .xlsx compiled by Kommunalförbundet staff, 'Förnamn | Efternamn | Kommun | Uppdrag | E-post'."""
    me = KF
    date = "2026-02-02 10:20"
    msgid = outlook_msgid("c039", "AM8PR09MB0505")
    subject = "Förteckning grundskolenätverket 2026 (sammanställd)"
    upp = {
        "ordforande": "Ordförande",
        "sekreterare": "Sekreterare",
        "presidium": "Presidiet",
        "ledamot": "",
    }
    rows = [["Förnamn", "Efternamn", "Kommun", "Uppdrag", "E-post"]]
    for p in GRU:
        f, l = p["name"].split(" ", 1)
        rows.append([f, l, p["muni"], upp[p["role"]], p["email"]])
    xlsx = xlsx_bytes([("Grundskola", rows, {"bold_rows": [1]})], doc_time(date), author=me["name"])
    text = (
        "Hej!\n\nJag har sammanställt grundskolenätverkets förteckning åt Sara, som bett mig skicka in den.\n\n"
        "Med vänlig hälsning\nAnna Wennerlund\nUtvecklingsledare\nSkaraborgs Kommunalförbund\n"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(xlsx, XLSX, "Grundskolenatverket 2026.xlsx", "plain")]
    )
    case(
        "grundskola-forteckning-fornamn-efternamn-kommunalforbundet",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["member_list"],
        members=members_from(GRU),
        reasons=[
            "first and last names in separate columns 'Förnamn | Efternamn'",
            "sent by Kommunalförbundet staff (skaraborg.se) on the secretary's behalf: allowed",
            "'Presidiet' -> presidium, empty -> ledamot",
        ],
        desc=".xlsx 'Förnamn | Efternamn | Kommun | Uppdrag | E-post' sent by Kommunalförbundet staff",
        form="Outlook + .xlsx",
    )


def c040():
    """vux: pasted Outlook recipients 'Efternamn Förnamn <address>;' and roles in a sentence."""
    me = P(VUX, "Stefan Lundquist")
    date = "2025-09-15 16:12"
    msgid = outlook_msgid("c040", "DB7PR09MB4040")
    subject = "Medlemmar i vux-nätverket"

    def rev(n):
        f, l = n.split(" ", 1)
        return f"{l} {f}"

    recips = ";\n".join(f"{rev(p['name'])} <{p['email']}>" for p in VUX)
    text = (
        "Hej!\n\nHär är vux-nätverkets medlemmar, kopierat från vår sändlista:\n\n"
        + recips
        + "\n\n"
        "Ulrika är ordförande, och Annika och jag ingår i presidiet. Protokollen skrivs av värdkommunen."
        "\n\nHälsningar\nStefan Lundquist\nPresidiet, vux-nätverket\n"
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    members = [M(p["name"], p["email"], None, p["role"]) for p in VUX]
    case(
        "vux-medlemmar-outlook-mottagare-efternamn-forst",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members,
        reasons=[
            "members pasted from an Outlook distribution list: 'Efternamn Förnamn <address>;' -> "
            "'Förnamn Efternamn' with the address",
            "roles in a sentence by first name: 'Ulrika är ordförande, och Annika och jag ingår i presidiet' "
            "('jag' is the sender Stefan)",
            "no municipality is written next to anyone (only the address domain hints at it) -> null",
        ],
        desc="Outlook recipients pasted as 'Tornberg Ulrika <ulrika.tornberg@skovde.se>;' + roles in a sentence "
        "by first name ('… och jag')",
        form="Outlook text+HTML",
    )


def c041():
    """IM: Word table 'Kommun | Namn | Roll' with two people in one cell."""
    me = P(IM, "Jonas Forsgren")
    date = "2026-01-15 11:00"
    msgid = outlook_msgid("c041", "DB8PR09MB3377")
    subject = "Uppdaterad förteckning IM-nätverket 2026"
    rows = [
        ["Kommun", "Namn", "Roll"],
        ["Skövde", "Daniel Sköld (ordförande)\nAmir Sultani", ""],
        ["Lidköping", "Leila Karimi (vice ordförande)\nFrida Ståhlberg", ""],
        ["Mariestad", "Jonas Forsgren", "Sekreterare"],
    ]
    for p in IM[3:]:
        rows.append(
            [
                p["muni"],
                p["name"],
                "Processledare" if p["muni"].startswith("Skaraborgs") else "Ledamot",
            ]
        )
    doc = docx_bytes(
        [
            ("h", "IM-nätverket Skaraborg – förteckning 2026", 1),
            ("table", rows),
            ("p", "Skövde och Lidköping har från januari två representanter var."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nUppdaterad förteckning, två nya från Skövde och Lidköping." + sig(
        me, "Sekreterare IM-nätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Förteckning IM 2026.docx", "plain")]
    )
    members = [
        M("Daniel Sköld", None, "Skövde", "ordforande"),
        M("Amir Sultani", None, "Skövde"),
        M("Leila Karimi", None, "Lidköping", "presidium"),
        M("Frida Ståhlberg", None, "Lidköping"),
        M("Jonas Forsgren", None, "Mariestad", "sekreterare"),
    ]
    members += [M(p["name"], None, p["muni"]) for p in IM[3:]]
    case(
        "intro-forteckning-tva-namn-i-samma-cell-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["member_list"],
        members=members,
        reasons=[
            "one table cell holds two people on two lines, the first with its role in parentheses",
            "two members added, nobody removed -> apply",
            "'(vice ordförande)' -> presidium; 'Processledare' -> ledamot; no e-mail -> null",
        ],
        desc="Word table 'Kommun | Namn | Roll' with two people in one cell, the role in parentheses in the name cell",
        form="Outlook + .docx",
    )


def c042():
    """anpassad skola: 'X går i pension, ersätts av Y' -> needs_review."""
    me = P(ANP, "Tove Arvidsson")
    date = "2026-02-20 13:33"
    msgid = outlook_msgid("c042", "DU2PR09MB3030")
    subject = "Ändring i nätverket anpassad skola – Mariestad"
    text = (
        "Hej!\n\nLotta Engdahl (Mariestad) går i pension och ersätts i nätverket av Helena Bjurström, "
        "helena.bjurstrom@mariestad.se, från 1 mars.\n\nÖvriga ledamöter är oförändrade."
        + sig(me, "Sekreterare nätverket anpassad skola")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "anpassad-ledamot-ersatts-needs-review",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="anpassad-skola",
        kinds=["member_list"],
        members=[M("Helena Bjurström", "helena.bjurstrom@mariestad.se", "Mariestad")],
        reasons=[
            "a replacement: the new member is listed; removing Lotta Engdahl needs a person -> needs_review",
            "'från 1 mars' is when the change takes effect, not a meeting",
        ],
        desc="replacement 'X går i pension och ersätts av Y, address, från 1 mars' → needs_review",
        form="Outlook text+HTML",
    )


def c043():
    """förskola: PDF deltagarförteckning with Titel / Telefon columns, '*' footnote for the presidium."""
    me = P(FSK, "Josefin Hägg")
    date = "2026-08-24 09:15"
    msgid = outlook_msgid("c043", "AS8PR09MB5544")
    subject = "Deltagarförteckning förskolenätverket läsåret 26/27"
    titles = [
        "Verksamhetschef",
        "Rektor",
        "Rektor",
        "Verksamhetschef",
        "Rektor",
        "Rektor",
        "Rektor",
        "Rektor",
        "Förskolechef",
        "Rektor",
        "Rektor",
        "Rektor",
        "Rektor",
        "Rektor",
        "Rektor",
    ]
    rows = [["Namn", "Titel", "Kommun", "Telefon", "E-post"]]
    for i, (p, t) in enumerate(zip(FSK, titles)):
        star = "*" if p["role"] != "ledamot" else ""
        rows.append(
            [
                p["name"] + star,
                t,
                p["muni"],
                f"0{500 + i * 7}-{310 + i * 13} {10 + i:02d}",
                p["email"],
            ]
        )
    pdf = pdf_bytes(
        [
            ("h", "Deltagarförteckning – Nätverket Förskola läsåret 2026/2027"),
            ("table", rows, (40, 30, 25, 30, 65)),
            ("p", "* ingår i presidiet. Ordförande: Annelie Strömberg. Sekreterare: Josefin Hägg."),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nBifogar förteckningen för det nya läsåret." + sig(
        me, "Sekreterare förskolenätverket"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Deltagarförteckning förskola 26-27.pdf", "plain")],
    )
    case(
        "forskola-deltagarforteckning-telefon-asterisk-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members_from(FSK),
        reasons=[
            "PDF table 'Namn | Titel | Kommun | Telefon | E-post'; telephone numbers are not dates",
            "'*' after a name points to the footnote '* ingår i presidiet'; chair and secretary are named in "
            "the same footnote and keep their own roles; the '*' is not part of the name",
        ],
        desc="text PDF deltagarförteckning with Titel and Telefon columns, '*' marks + footnote for presidium/roles",
        form="Outlook + PDF",
    )


def c044():
    """vux: member list from a private gmail.com address -> needs_review."""
    name, email = "Lennart Vallin", "lennart.vallin58@gmail.com"
    date = "2025-10-02 20:41"
    msgid = f"<CAF{_h('c044')[:30]}+{_h('c044b')[:10]}@mail.gmail.com>"
    subject = "Vux-nätverket deltagare"
    lines = "\n".join(f"{p['name']}, {p['muni']}" for p in VUX)
    text = (
        "Hej!\n\nSkickar från privata mejlen då jag inte kommer åt jobbdatorn. Här är listan över "
        "vux-nätverkets deltagare som Ulrika bad om:\n\n"
        + lines
        + "\n\nMvh Lennart Vallin, Grästorp"
    )
    eml = gmail_mail(name, email, subject, date, msgid, text)
    case(
        "vux-deltagare-privat-gmail-needs-review",
        eml,
        msgid=msgid,
        frm=email,
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members_from(VUX, with_email=False, roles=False),
        reasons=[
            "the list is read in full ('Name, Municipality', no roles, no addresses)",
            "sent from a private gmail.com address -> needs_review",
        ],
        desc="member list 'Name, Municipality' from a private Gmail address → needs_review",
        form="Gmail text+HTML",
    )


def c045():
    """grundskola: Outlook reply with a new list in the body, quoted old list; one replaced -> needs_review."""
    me = P(GRU, "Sara Nyström")
    date = "2026-03-02 08:50"
    msgid = outlook_msgid("c045")
    subject = "SV: Förteckning grundskolenätverket"
    new = [p for p in GRU if p["name"] != "Per Ljungberg"]
    new.insert(
        6,
        {
            "name": "Sofia Ekwall",
            "muni": "Vara",
            "email": "sofia.ekwall@vara.se",
            "role": "ledamot",
        },
    )
    rw = {
        "ordforande": " – ordförande",
        "sekreterare": " – sekreterare",
        "presidium": " – presidiet",
        "ledamot": "",
    }
    new_txt = "\n".join(f"{p['name']} – {p['muni']} – {p['email']}{rw[p['role']]}" for p in new)
    old_txt = "\n".join(f"{p['name']}, {p['muni']}" for p in GRU)
    quoted = outlook_quote_text(
        f"Wennerlund Anna <{KF['email']}>",
        "den 27 februari 2026 15:20",
        "Nyström Sara",
        "Förteckning grundskolenätverket",
        "Hej Sara!\n\nStämmer den här listan fortfarande?\n\n" + old_txt + "\n\n/Anna",
    )
    text = (
        "Hej Anna!\n\nHär kommer den uppdaterade listan. Per Ljungberg har slutat; Vara representeras nu "
        "av Sofia Ekwall.\n\n" + new_txt + "\n\nSara\n\n" + quoted
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    members = [M(p["name"], p["email"], p["muni"], p["role"]) for p in new]
    case(
        "grundskola-svar-ny-lista-citerad-gammal-needs-review",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "the new text holds the full updated list 'Name – Municipality – address[ – role]'",
            "the quoted old list (Från/Skickat/…) is history: Per Ljungberg is not a member any more",
            "'Per Ljungberg har slutat; Vara representeras nu av Sofia Ekwall' is a replacement: removing "
            "him needs a person -> needs_review",
        ],
        desc="Outlook reply: new full list 'Name – Kommun – e-post – roll' in the new text, old list quoted, "
        "one replacement → needs_review",
        form="Outlook reply text+HTML",
    )


def c046():
    """IM: chair's 'Rollfördelning' label: value lines, presidium only."""
    me = P(IM, "Daniel Sköld")
    date = "2025-08-18 08:05"
    msgid = outlook_msgid("c046", "VI1PR09MB2288")
    subject = "Rollfördelning IM-nätverket läsåret 25/26"
    text = (
        "Hej!\n\nRollfördelning läsåret 25/26\n\n"
        "Ordförande: Daniel Sköld, Skövde\nVice ordförande: Leila Karimi, Lidköping\n"
        "Sekreterare: Jonas Forsgren, Mariestad\nÖvriga i presidiet: Ebba Kronqvist, Falköping\n\n"
        "Fullständig deltagarlista kommer från Jonas." + sig(me, "Rektor, ordförande IM-nätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "intro-rollfordelning-etikett-rader-presidiet",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["member_list"],
        members=[
            M("Daniel Sköld", None, "Skövde", "ordforande"),
            M("Leila Karimi", None, "Lidköping", "presidium"),
            M("Jonas Forsgren", None, "Mariestad", "sekreterare"),
            M("Ebba Kronqvist", None, "Falköping", "presidium"),
        ],
        reasons=[
            "'Role: Name, Municipality' lines; a partial list (the presidium) adds roles and removes nobody -> apply",
            "'Vice ordförande' and 'Övriga i presidiet' -> presidium",
        ],
        desc="'Rollfördelning' as 'Ordförande: Name, Kommun' label lines – presidium only",
        form="Outlook text+HTML",
    )


def c047():
    """anpassad skola: .xlsx matrix 'Kommun | Rektor anpassad grundskola | Rektor anpassad gymnasieskola'."""
    me = P(ANP, "Tove Arvidsson")
    date = "2026-01-20 10:44"
    msgid = outlook_msgid("c047", "DU2PR09MB3030")
    subject = "Kontaktlista anpassad skola 2026"
    rows = [
        ["Kommun", "Rektor anpassad grundskola", "Rektor anpassad gymnasieskola"],
        ["Falköping", "–", "Birgitta Sandell (ordf)"],
        ["Lidköping", "Tove Arvidsson (sekr)", "–"],
        ["Skövde", "Mikael Brodin (presidiet)", "Mikael Brodin (presidiet)"],
        ["Mariestad", "Lotta Engdahl", "–"],
        ["Skara", "Rebecka Nord", "–"],
        ["Vara", "Jörgen Svärd", "–"],
        ["Tidaholm", "Cecilia Hjort", "–"],
        ["Götene", "–", "Emma Lagerqvist"],
        ["Hjo", "Stina Rosén", "–"],
        ["Tibro", "Oskar Wester", "–"],
        ["Töreboda", "Maria Falkenberg", "–"],
    ]
    xlsx = xlsx_bytes(
        [("Kontaktlista", rows, {"bold_rows": [1], "widths": {"A": 14, "B": 32, "C": 34}})],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nKontaktlistan för 2026 bifogas." + sig(
        me, "Sekreterare nätverket anpassad skola"
    )
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(xlsx, XLSX, "Kontaktlista anpassad skola 2026.xlsx", "plain")],
    )
    case(
        "anpassad-kontaktlista-matris-tva-namnkolumner-xlsx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["member_list"],
        members=members_from(ANP, with_email=False),
        reasons=[
            "a matrix: one row per municipality, one name column per sub-network; '–' is nobody",
            "Mikael Brodin is in both columns: one member",
            "'(ordf)', '(sekr)', '(presidiet)' after the name are roles",
        ],
        desc=".xlsx matrix 'Kommun | Rektor anpassad grundskola | Rektor anpassad gymnasieskola', '–' cells, roles in parentheses",
        form="Outlook + .xlsx",
    )


def c048():
    """förskola: återrapportering .docx that states numbers and past dates – not a member list."""
    me = P(FSK, "Annelie Strömberg")
    date = "2026-01-30 16:30"
    msgid = outlook_msgid("c048", "PA4PR09MB1234")
    subject = "Återrapportering förskolenätverket 2025"
    doc = docx_bytes(
        [
            ("h", "Återrapportering till skolchefsnätverket – Nätverket Förskola 2025", 1),
            (
                "p",
                "Nätverket har 15 ledamöter, en per kommun, och har under 2025 träffats fyra gånger "
                "(19/9, 17/10, 12/12 samt en digital avstämning i maj).",
            ),
            ("b", "Genomfört"),
            (
                "bullets",
                [
                    "Gemensam kartläggning av barngruppernas storlek.",
                    "Erfarenhetsutbyte kring undervisningsbegreppet i förskolan.",
                ],
            ),
            ("b", "Fortsatt arbete 2026"),
            ("p", "Presidiet tar fram arbetsordning för 2026 under februari."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nÅterrapporteringen för 2025 bifogas." + sig(me, "Ordförande förskolenätverket")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(doc, DOCX, "Återrapportering förskolenätverket 2025.docx", "2231")],
    )
    case(
        "forskola-aterrapportering-antal-ledamoter-inte-lista",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["report"],
        reasons=[
            "an återrapportering (report)",
            "'Nätverket har 15 ledamöter' is a count, not a member list",
            "'(19/9, 17/10, 12/12 …)' are past meetings the report refers to, not announced meetings",
        ],
        desc="återrapportering .docx: 'Nätverket har 15 ledamöter' and past meeting dates in passing – no members, no meetings",
        form="Outlook + .docx",
    )


# ==========================================================================
# 049-065  Meeting plans, invitations and date traps
# ==========================================================================


def c049():
    """förskola: 'Hösten 2025' heading, year-less dates, one time for all, one '(inställt)'."""
    me = P(FSK, "Josefin Hägg")
    date = "2025-08-15 10:02"
    msgid = outlook_msgid("c049", "AS8PR09MB5544")
    subject = "Datum förskolenätverket hösten"
    text = (
        "Hej!\n\nHär kommer förskolenätverkets datum för hösten. Samtliga träffar är kl. 09.00–12.00.\n\n"
        "Hösten 2025\n"
        "fre 19 sep – Tidaholm\n"
        "fre 17 okt – Götene\n"
        "fre 14 nov – Skara (inställt)\n"
        "fre 12 dec – Lidköping\n\n"
        "Novemberträffen ställs in eftersom flera av oss är på Skolforum den veckan."
        + sig(me, "Sekreterare förskolenätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "forskola-hosten-rubrik-ett-klockslag-installt",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-09-19", "09:00", "12:00", "Tidaholm"),
            T("2025-10-17", "09:00", "12:00", "Götene"),
            T("2025-12-12", "09:00", "12:00", "Lidköping"),
        ],
        reasons=[
            "the year is only in the heading 'Hösten 2025'; the dates are 'fre 19 sep' without a year",
            "one 'kl. 09.00–12.00' in the sentence above covers every date in the list",
            "'fre 14 nov – Skara (inställt)' is cancelled in the same plan that first announces it: not a meeting, "
            "and nothing registered before has to be removed -> apply",
        ],
        desc="'Hösten 2025' heading over year-less 'fre 19 sep – Ort' lines, one time for all, '(inställt)' beside a date",
        form="Outlook text+HTML",
    )


def c050():
    """grundskola: ordinal dates 'januari 23:e kl 9–12', a start-only time."""
    me = P(GRU, "Henrik Lundblad")
    date = "2025-12-15 13:20"
    msgid = outlook_msgid("c050", "AM0PR09MB7788")
    subject = "Vårens datum – nätverket grundskola"
    text = (
        "Hej alla!\n\nPresidiet har satt vårens datum:\n\n"
        "januari 23:e kl 9–12, Tibro\n"
        "mars 11:e kl 8.30–11.30, Vara\n"
        "maj 8:e kl 9–12, Hjo\n"
        "juni 5:e heldag från kl 9, Skövde\n\n"
        "Boka in redan nu!" + sig(me, "Rektor, ordförande nätverket grundskola")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "grundskola-ordningstal-datum-23e",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-01-23", "09:00", "12:00", "Tibro"),
            T("2026-03-11", "08:30", "11:30", "Vara"),
            T("2026-05-08", "09:00", "12:00", "Hjo"),
            T("2026-06-05", "09:00", None, "Skövde"),
        ],
        reasons=[
            "ordinal dates 'januari 23:e', 'juni 5:e' (month first, ordinal suffix)",
            "sent in December without years -> the coming spring, 2026",
            "'heldag från kl 9' is a start without an end",
        ],
        desc="ordinal dates 'januari 23:e kl 9–12, Ort' (month first), 'heldag från kl 9', no year (sent in December)",
        form="Outlook text+HTML",
    )


def c051():
    """IM: Outlook meeting request (text/calendar METHOD:REQUEST)."""
    me = P(IM, "Daniel Sköld")
    date = "2025-10-27 15:33"
    msgid = outlook_msgid("c051", "VI1PR09MB2288")
    subject = "IM-nätverket nätverksträff"
    desc = (
        "Välkomna till nätverksträff! Dagordning skickas senast en vecka innan.\n\n" + TEAMS_BLOCK
    )
    ics = ics_bytes(
        "REQUEST",
        "040000008200E00074C5B7101A82E00800000000" + _h("c051")[:24].upper(),
        subject,
        "2025-11-20 13:00",
        "2025-11-20 16:00",
        "Kavelbrogymnasiet, Skövde",
        me,
        desc,
        stamp="20251027T143300Z",
    )
    text = (
        "När: den 20 november 2025 13:00-16:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.\n"
        "Var: Kavelbrogymnasiet, Skövde\n\n" + desc
    )
    eml = invitation_mail(me, subject, date, msgid, text, ics)
    case(
        "intro-outlook-motesinbjudan-ics",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[T("2025-11-20", "13:00", "16:00", "Kavelbrogymnasiet, Skövde")],
        reasons=[
            "an Outlook meeting request: the text/calendar part's DTSTART/DTEND (TZID W. Europe Standard Time) "
            "is the meeting; LOCATION is the place",
            "the Teams block (Mötes-ID digits) and the DTSTAMP are not dates of meetings",
            "'Dagordning skickas senast en vecka innan' is not a date",
        ],
        desc="Outlook meeting request: multipart/alternative with text/calendar METHOD:REQUEST, VTIMEZONE, Teams block",
        form="Outlook invitation (text/calendar)",
    )


def c052():
    """vux: recurring Outlook meeting request (RRULE monthly, third Thursday, COUNT=4)."""
    me = P(VUX, "Ulrika Tornberg")
    date = "2025-08-20 11:11"
    msgid = outlook_msgid("c052", "HE1PR09MB2020")
    subject = "Vux-nätverket digital avstämning hösten 2025"
    desc = (
        "Digital avstämning för vux-nätverket, tredje torsdagen varje månad under hösten.\n\n"
        + TEAMS_BLOCK
    )
    ics = ics_bytes(
        "REQUEST",
        "040000008200E00074C5B7101A82E00800000000" + _h("c052")[:24].upper(),
        subject,
        "2025-09-18 13:00",
        "2025-09-18 14:30",
        "Microsoft Teams-möte",
        me,
        desc,
        rrule="FREQ=MONTHLY;COUNT=4;BYDAY=3TH",
        stamp="20250820T091100Z",
    )
    text = (
        "När: Inträffar den tredje torsdagen varje månad från 2025-09-18 till 2025-12-18 13:00-14:30 "
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.\nVar: Microsoft Teams-möte\n\n"
        + desc
    )
    eml = invitation_mail(me, subject, date, msgid, text, ics)
    meets = [
        T(d, "13:00", "14:30", "Teams")
        for d in ("2025-09-18", "2025-10-16", "2025-11-20", "2025-12-18")
    ]
    case(
        "vux-aterkommande-motesinbjudan-rrule",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=meets,
        reasons=[
            "a recurring meeting request: RRULE FREQ=MONTHLY;COUNT=4;BYDAY=3TH from 2025-09-18 gives four "
            "meetings (18/9, 16/10, 20/11, 18/12), as the 'När:' line also says",
            "'Microsoft Teams-möte' -> place Teams",
        ],
        desc="recurring Outlook meeting request (RRULE third Thursday, COUNT=4) – every occurrence is a meeting",
        form="Outlook invitation (text/calendar)",
    )


def c053():
    """anpassad skola: Outlook cancellation (METHOD:CANCEL) without a new date -> needs_review."""
    me = P(ANP, "Birgitta Sandell")
    date = "2026-04-30 07:40"
    msgid = outlook_msgid("c053", "AS2PR09MB9012")
    subject = "Inställt: Nätverksträff anpassad skola"
    desc = "Tyvärr måste vi ställa in majträffen. Ny tid meddelas."
    ics = ics_bytes(
        "CANCEL",
        "040000008200E00074C5B7101A82E00800000000" + _h("c053")[:24].upper(),
        "Inställt: Nätverksträff anpassad skola",
        "2026-05-22 09:00",
        "2026-05-22 12:00",
        "Stadshuset, Skara",
        me,
        desc,
        status="CANCELLED",
        sequence=1,
        stamp="20260430T054000Z",
    )
    text = (
        "När: den 22 maj 2026 09:00-12:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien.\n"
        "Var: Stadshuset, Skara\n\n" + desc
    )
    eml = invitation_mail(me, subject, date, msgid, text, ics, method="CANCEL")
    case(
        "anpassad-installt-motesinbjudan-cancel",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        reasons=[
            "METHOD:CANCEL / STATUS:CANCELLED: the 22 May meeting is cancelled, so it is not a meeting",
            "no new date ('Ny tid meddelas') -> nothing to register and the removal needs a person -> needs_review",
        ],
        desc="Outlook cancellation 'Inställt:' (text/calendar METHOD:CANCEL) without a new date → needs_review",
        form="Outlook invitation (text/calendar)",
    )


def c054():
    """vux: an extra meeting given only as 'vecka 44' -> needs_review."""
    me = P(VUX, "Stefan Lundquist")
    date = "2025-09-25 12:40"
    msgid = outlook_msgid("c054", "DB7PR09MB4040")
    subject = "Extra träff v. 44 – yrkesvux"
    text = (
        "Hej!\n\nVi behöver en extra träff i vux-nätverket om den gemensamma yrkesvux-ansökan, "
        "preliminärt v. 44 i Lidköping. Dag och tid återkommer jag med när jag har fått en lokal."
        + sig(me, "Rektor Campus Lidköping, presidiet vux-nätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "vux-endast-vecka-44-needs-review",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        reasons=[
            "'preliminärt v. 44' is a week, not a date; day and time to come -> nothing to register, needs_review"
        ],
        desc="extra meeting announced only as 'v. 44' → needs_review",
        form="Outlook text+HTML",
    )


def c055():
    """förskola: 'på semester till 12/5' and a phone number beside the one real meeting."""
    me = P(FSK, "Annelie Strömberg")
    date = "2026-04-28 16:55"
    msgid = outlook_msgid("c055", "PA4PR09MB1234")
    subject = "Majträffen förskolenätverket"
    text = (
        "Hej alla!\n\nJag är på semester till 12/5 men har bett Josefin svara på frågor under tiden. "
        f"Mötet {wd('2026-05-15')} 15 maj kl 9–12 i Mariestad står fast. Ring 0501-75 50 12 om något är oklart."
        + sig(me, "Ordförande förskolenätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "forskola-semester-till-datum-ar-inte-mote",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[T("2026-05-15", "09:00", "12:00", "Mariestad")],
        reasons=[
            "'på semester till 12/5' is the chair's leave, not a meeting",
            "'0501-75 50 12' is a phone number",
            "'Mötet fredag 15 maj kl 9–12 i Mariestad står fast' is the meeting",
        ],
        desc="'på semester till 12/5' and a phone number next to the one real meeting",
        form="Outlook text+HTML",
    )


def c056():
    """grundskola: Word table per month 'Månad | Datum | Tid | Plats', one default time, school year across New Year."""
    me = P(GRU, "Sara Nyström")
    date = "2026-06-10 14:00"
    msgid = outlook_msgid("c056")
    subject = "Mötesplan läsåret 2026/27 nätverket grundskola"
    rows = [
        ["Månad", "Datum", "Tid", "Plats"],
        ["Augusti", "28", "", "Lidköping"],
        ["Oktober", "9", "", "Skara"],
        ["December", "4", "08.30–15.00", "Skövde (julavslutning)"],
        ["Februari", "5", "", "Falköping"],
        ["April", "16", "", "Mariestad"],
        ["Juni", "4", "", "Hjo"],
    ]
    doc = docx_bytes(
        [
            ("h", "Mötesplan läsåret 2026/2027", 1),
            (
                "p",
                "Nätverket för rektorer i grundskolan. Mötestid kl. 09.00–12.00 om inget annat anges.",
            ),
            ("table", rows),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nMötesplanen för nästa läsår bifogas." + sig(me, "Sekreterare")
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Mötesplan 2026-2027.docx", "plain")]
    )
    case(
        "grundskola-motesplan-manad-datum-tabell-lasar",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-08-28", "09:00", "12:00", "Lidköping"),
            T("2026-10-09", "09:00", "12:00", "Skara"),
            T("2026-12-04", "08:30", "15:00", "Skövde"),
            T("2027-02-05", "09:00", "12:00", "Falköping"),
            T("2027-04-16", "09:00", "12:00", "Mariestad"),
            T("2027-06-04", "09:00", "12:00", "Hjo"),
        ],
        reasons=[
            "the month and the day are in separate columns; the year only in 'läsåret 2026/2027' -> "
            "August–December 2026, February–June 2027",
            "'Mötestid kl. 09.00–12.00 om inget annat anges' applies where the Tid cell is empty",
            "'(julavslutning)' is a remark, not part of the place",
        ],
        desc="Word table 'Månad | Datum | Tid | Plats' (day number only), default time in a sentence, school year 26/27",
        form="Outlook + .docx",
    )


def c057():
    """IM: .xlsx plan with a 'Vecka' column of numbers beside ISO dates."""
    me = P(IM, "Jonas Forsgren")
    date = "2026-06-15 09:12"
    msgid = outlook_msgid("c057", "DB8PR09MB3377")
    subject = "Mötesplan IM-nätverket HT 2026"
    plan = [
        ("2026-09-10", "13.00–16.00", "Skara", "Tomas Wikander"),
        ("2026-10-08", "13.00–16.00", "Falköping", "Ebba Kronqvist"),
        ("2026-11-12", "13.00–16.00", "Tidaholm", "Robin Granath"),
        ("2026-12-10", "13.00–15.00", "Teams", ""),
    ]
    rows = [["Vecka", "Dag", "Datum", "Tid", "Plats", "Värd"]]
    for d, t, pl, h in plan:
        rows.append([D(d).isocalendar()[1], wd(d).capitalize(), d, t, pl, h or None])
    xlsx = xlsx_bytes(
        [("HT 2026", rows, {"bold_rows": [1], "widths": {"C": 12, "D": 13, "F": 18}})],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nHöstens mötesplan för IM-nätverket bifogas." + sig(
        me, "Sekreterare IM-nätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(xlsx, XLSX, "Mötesplan IM HT2026.xlsx", "plain")]
    )
    meets = [T(d, t[:5].replace(".", ":"), t[-5:].replace(".", ":"), pl) for d, t, pl, _ in plan]
    case(
        "intro-motesplan-xlsx-veckokolumn",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=meets,
        reasons=[
            "xlsx columns 'Vecka | Dag | Datum | Tid | Plats | Värd': the week numbers are not days of the month",
            "the host's name is not part of the place",
        ],
        desc=".xlsx plan with a numeric 'Vecka' column, ISO dates as text, a 'Värd' column",
        form="Outlook + .xlsx",
    )


def c058():
    """vux: sammanträdesplan grid (months as columns, day numbers in cells), a second row for the presidium."""
    me = P(VUX, "Ulrika Tornberg")
    date = "2025-12-10 10:10"
    msgid = outlook_msgid("c058", "HE1PR09MB2020")
    subject = "Mötesplan 2026 vux-nätverket"
    months = ["Jan", "Feb", "Mars", "April", "Maj", "Juni", "Aug", "Sept", "Okt", "Nov", "Dec"]
    net = ["20", "17", "24", "22", "27", "–", "26", "23", "21", "18", "9"]
    pres = ["13", "10", "17", "15", "20", "–", "19", "16", "14", "11", "2"]
    rows = [
        ["2026"] + months + ["Tid"],
        ["Nätverksträff"] + net + ["13.00–16.00"],
        ["Presidiet"] + pres + ["08.30–10.00"],
    ]
    doc = docx_bytes(
        [
            ("h", "Mötesplan 2026 – Nätverket för vuxenutbildning", 1),
            ("table", rows),
            ("p", "Plats meddelas i kallelsen. I juli och juni inga möten."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nHär är mötesplanen för 2026." + sig(me, "Ordförande vux-nätverket")
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Mötesplan 2026 vux.docx", "plain")]
    )
    mnum = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
    meets = [
        T(f"2026-{m:02d}-{int(d):02d}", "13:00", "16:00", None)
        for m, d in zip(mnum, net)
        if d != "–"
    ]
    case(
        "vux-sammantradesplan-manadskolumner-presidierad",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=meets,
        reasons=[
            "a sammanträdesplan grid: months as columns, day numbers in the cells, the time in the last column",
            "only the 'Nätverksträff' row is network meetings; the 'Presidiet' row is the presidium's own "
            "preparation meetings",
            "'–' is no meeting; 'Plats meddelas i kallelsen' -> place null",
        ],
        desc="Word grid like a kommun's sammanträdestider: months as columns, day numbers in cells, a Presidiet row",
        form="Outlook + .docx",
    )


def c059():
    """anpassad skola: each network date followed by '(presidiet 9 jan)' – a different meeting."""
    me = P(ANP, "Birgitta Sandell")
    date = "2025-12-05 13:30"
    msgid = outlook_msgid("c059", "AS2PR09MB9012")
    subject = "Datum våren 2026 nätverket anpassad skola"
    text = (
        "Hej!\n\nDatum för våren 2026:\n\n"
        "Fredag 16 januari (presidiet 9 jan)\n"
        "Fredag 6 februari (presidiet 30 jan)\n"
        "Fredag 17 april (presidiet 10 april)\n"
        "Fredag 22 maj (presidiet 15 maj)\n\n"
        "Alla nätverksträffar kl. 9.00–12.00, plats enligt kallelse. Presidiet träffas digitalt kl. 8–9."
        + sig(me, "Ordförande nätverket anpassad skola")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    meets = [
        T(d, "09:00", "12:00", None)
        for d in ("2026-01-16", "2026-02-06", "2026-04-17", "2026-05-22")
    ]
    case(
        "anpassad-datum-med-presidiedatum-i-parentes",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=meets,
        reasons=[
            "each line holds two dates: the network meeting and, in parentheses, the presidium's preparation "
            "meeting a week before – only the first is a network meeting",
            "'kl. 8–9' is the presidium's time; 'kl. 9.00–12.00' the network's",
            "'plats enligt kallelse' -> place null",
        ],
        desc="'Fredag 16 januari (presidiet 9 jan)' – a second date in parentheses that is another body's meeting",
        form="Outlook text+HTML",
    )


def c060():
    """förskola: PDF arbetsordning with a date table and a deadline."""
    me = P(FSK, "Annelie Strömberg")
    date = "2026-01-20 08:30"
    msgid = outlook_msgid("c060", "PA4PR09MB1234")
    subject = "Arbetsordning 2026 förskolenätverket"
    plan = [
        ("2026-01-30", "30 januari", "09.00–12.00", "Falköping", "Systematiskt kvalitetsarbete"),
        ("2026-03-20", "20 mars", "09.00–12.00", "Grästorp", "Barns inflytande"),
        ("2026-04-24", "24 april", "09.00–12.00", "Hjo", "Utomhuspedagogik"),
        ("2026-06-05", "5 juni", "09.00–15.00", "Skara", "Läsårets utvärdering"),
        ("2026-09-18", "18 september", "09.00–12.00", "Töreboda", "Språkutveckling"),
        ("2026-11-27", "27 november", "09.00–12.00", "Tibro", "Kompetensförsörjning"),
    ]
    rows = [["Datum", "Tid", "Plats", "Tema"]] + [
        [f"{wd(d).capitalize()} {t}", ti, pl, th] for d, t, ti, pl, th in plan
    ]
    pdf = pdf_bytes(
        [
            ("h", "Arbetsordning 2026 – Nätverket Förskola"),
            (
                "p",
                "Presidiet har upprättat arbetsordningen för kalenderåret enligt uppdragsbeskrivningen.",
            ),
            ("b", "Nätverksträffar 2026"),
            ("table", rows, (45, 30, 35, 70)),
            (
                "p",
                "Förteckning över ledamöter skickas till utbildning@skaraborg.se senast 15 februari. "
                "Presidiet möts två veckor före varje nätverksträff.",
            ),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nArbetsordningen för 2026 bifogas." + sig(me, "Ordförande förskolenätverket")
    eml = outlook_mail(
        me,
        subject,
        date,
        msgid,
        text,
        [(pdf, PDF, "Arbetsordning 2026 förskolenätverket.pdf", "plain")],
    )
    meets = [
        T(d, ti[:5].replace(".", ":"), ti[-5:].replace(".", ":"), pl) for d, _, ti, pl, _ in plan
    ]
    case(
        "forskola-arbetsordning-datumtabell-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "report"],
        meetings=meets,
        reasons=[
            "an arbetsordning (report) that carries the year's meeting table",
            "'senast 15 februari' is a deadline; 'två veckor före varje nätverksträff' gives no date",
        ],
        desc="text PDF arbetsordning: 'Datum | Tid | Plats | Tema' table, a deadline date, a relative presidium rule",
        form="Outlook + PDF",
    )


def c061():
    """grundskola: dates from a private Gmail address -> needs_review."""
    name, email = "Katarina Holmgren", "k.holmgren76@gmail.com"
    date = "2026-06-20 21:04"
    msgid = f"<CAG{_h('c061')[:30]}+{_h('c061b')[:8]}@mail.gmail.com>"
    subject = "Höstens datum grundskolenätverket"
    text = (
        "Hej!\n\nSkickar från privata mejlen eftersom jobbdatorn är på service. Höstens datum för "
        "grundskolenätverket: 28/8, 9/10 och 4/12, alla kl 9–12.\n\nKatarina Holmgren, presidiet"
    )
    eml = gmail_mail(name, email, subject, date, msgid, text)
    case(
        "grundskola-datum-privat-gmail-needs-review",
        eml,
        msgid=msgid,
        frm=email,
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[T(d, "09:00", "12:00", None) for d in ("2026-08-28", "2026-10-09", "2026-12-04")],
        reasons=[
            "'28/8, 9/10 och 4/12, alla kl 9–12': one time for three dates, sent in June -> autumn 2026",
            "sent from a private gmail.com address -> needs_review (the dates are still read)",
        ],
        desc="dates '28/8, 9/10 och 4/12, alla kl 9–12' from a private Gmail address → needs_review",
        form="Gmail text+HTML",
    )


def c062():
    """IM: a reply saying someone else comes instead -> ignored no-content."""
    me = P(IM, "Leila Karimi")
    chair = P(IM, "Daniel Sköld")
    date = "2025-11-17 08:02"
    msgid = outlook_msgid("c062", "AM7PR09MB6262")
    subject = "SV: IM-nätverket nätverksträff"
    quoted = outlook_quote_text(
        f"Sköld Daniel <{chair['email']}>",
        "den 27 oktober 2025 15:33",
        "IM-nätverket Skaraborg; Utbildning Skaraborg",
        "IM-nätverket nätverksträff",
        "När: den 20 november 2025 13:00-16:00\nVar: Kavelbrogymnasiet, Skövde\n\n"
        "Välkomna till nätverksträff!",
    )
    text = (
        "Hej!\n\nJag kan tyvärr inte komma på torsdag 20/11. Amir Sultani kommer i mitt ställe.\n\n"
        "/Leila\n\n" + quoted
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, cc=TO_MAILBOX, to=addr(chair["name"], chair["email"])
    )
    case(
        "intro-svar-forhinder-ersattare-kommer",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network="introduktionsprogrammen",
        reasons=[
            "a reply to the invitation (mailbox in Cc) saying who comes instead: nothing for the store",
            "'20/11' is the already announced meeting; the quoted invitation is history",
        ],
        desc="reply to an invitation: 'kan tyvärr inte komma 20/11, X kommer i mitt ställe' → ignored no-content",
        form="Outlook reply text+HTML",
    )


def c063():
    """vux: autumn list 'Tors 18/9 – Ort' with a default time and two exceptions."""
    me = P(VUX, "Stefan Lundquist")
    date = "2025-08-12 13:13"
    msgid = outlook_msgid("c063", "DB7PR09MB4040")
    subject = "Vux-nätverkets träffar hösten 2025"
    text = (
        "Hej!\n\nVux-nätverkets träffar hösten 2025 (kl. 13.00–16.00 om inget annat anges):\n\n"
        "Tors 18/9 – Lidköping\nTors 16/10 – Falköping\nOns 12/11 – Skara (OBS onsdag)\n"
        "Tors 11/12 – Skövde, julavslutning kl. 12.00–16.00 med lunch\n"
        + sig(me, "Presidiet vux-nätverket")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "vux-hostlista-standardtid-undantag",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-09-18", "13:00", "16:00", "Lidköping"),
            T("2025-10-16", "13:00", "16:00", "Falköping"),
            T("2025-11-12", "13:00", "16:00", "Skara"),
            T("2025-12-11", "12:00", "16:00", "Skövde"),
        ],
        reasons=[
            "'kl. 13.00–16.00 om inget annat anges' in the heading applies to every line without its own time",
            "'(OBS onsdag)' is a remark; the December line has its own time 12.00–16.00 ('med lunch' is part of it)",
        ],
        desc="'Tors 18/9 – Ort' list with a default time in the heading and a line with its own time",
        form="Outlook text+HTML",
    )


def c064():
    """anpassad skola: the year only in the subject 'läsåret 2025/26'; bare 'dd mon' list."""
    me = P(ANP, "Tove Arvidsson")
    date = "2025-08-25 15:15"
    msgid = outlook_msgid("c064", "DU2PR09MB3030")
    subject = "Mötesdatum nätverket anpassad skola läsåret 2025/26"
    text = (
        "Hej!\n\n19 sep, 24 okt, 14 nov, 12 dec, 6 feb, 17 april, 22 maj – alla fredagar kl 9–12. "
        "Värdkommun och plats kommer med kallelsen."
        + sig(me, "Sekreterare nätverket anpassad skola")
    )
    eml = outlook_mail(me, subject, date, msgid, text)
    ds = [
        "2025-09-19",
        "2025-10-24",
        "2025-11-14",
        "2025-12-12",
        "2026-02-06",
        "2026-04-17",
        "2026-05-22",
    ]
    case(
        "anpassad-arsangivelse-endast-i-amnet",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[T(d, "09:00", "12:00", None) for d in ds],
        reasons=[
            "the year is only in the subject 'läsåret 2025/26': September–December 2025, February–May 2026",
            "'alla fredagar kl 9–12' covers the whole list (every date is a Friday)",
            "'plats kommer med kallelsen' -> place null",
        ],
        desc="one line '19 sep, 24 okt, … 22 maj – alla fredagar kl 9–12', the school year only in the subject",
        form="Outlook text+HTML",
    )


def c065():
    """förskola: KALLELSE + DAGORDNING .docx; a past reference and 'Nästa träff 5 juni' in the agenda."""
    me = P(FSK, "Annelie Strömberg")
    date = "2026-04-14 08:00"
    msgid = outlook_msgid("c065", "PA4PR09MB1234")
    subject = "Kallelse nätverksträff förskola 24 april"
    doc = docx_bytes(
        [
            ("h", "KALLELSE", 1),
            ("p", "Nätverket Förskola, Skaraborg"),
            (
                "kv",
                [
                    ["Tid", f"{wd('2026-04-24').capitalize()} 24 april 2026 kl. 09.00–12.00"],
                    ["Plats", "Stadshuset, Hjo"],
                    ["Kallade", "Nätverkets ledamöter"],
                    ["För kännedom", "Anna Wennerlund, Skaraborgs Kommunalförbund"],
                ],
            ),
            ("h", "DAGORDNING", 2),
            (
                "numbered",
                [
                    "Mötets öppnande",
                    "Val av justerare",
                    "Föregående minnesanteckningar (20 mars)",
                    "Hjo kommuns arbete med utomhuspedagogik",
                    "Barnkonventionen i förskolan",
                    "Nästa träff 5 juni",
                    "Mötets avslutande",
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej alla!\n\nVälkomna till aprilträffen i Hjo. Kallelse och dagordning bifogas." + sig(
        me, "Ordförande förskolenätverket"
    )
    eml = outlook_mail(
        me, subject, date, msgid, text, [(doc, DOCX, "Kallelse 2026-04-24.docx", "plain")]
    )
    case(
        "forskola-kallelse-dagordning-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["agenda", "meeting_dates"],
        meetings=[T("2026-04-24", "09:00", "12:00", "Stadshuset, Hjo"), T("2026-06-05")],
        reasons=[
            "KALLELSE with 'Tid/Plats/Kallade/För kännedom' rows and a DAGORDNING: agenda + meeting_dates",
            "'Föregående minnesanteckningar (20 mars)' is a past meeting",
            "the agenda item 'Nästa träff 5 juni' announces the next meeting, with no time or place",
            "'Kallade'/'För kännedom' are not attendees (no protocol)",
        ],
        desc="KALLELSE + DAGORDNING .docx: 'Tid/Plats/Kallade/För kännedom' rows, a past reference, 'Nästa träff 5 juni'",
        form="Outlook + .docx",
    )


# ==========================================================================
# 066-067  Ignored
# ==========================================================================


def c066():
    """Exchange auto-reply with a return date."""
    me = P(FSK, "Eva Wahlgren")
    date = "2026-05-04 09:31"
    msgid = outlook_msgid("c066", "DB6PR09MB8080")
    subject = "Automatiskt svar: Deltagarförteckning förskolenätverket"
    text = (
        "Tack för ditt mejl. Jag är ledig till och med 12/5 och läser inte e-post. "
        "Vid brådskande ärenden kontakta förskolekontoret på 0501-75 50 00.\n\nEva Wahlgren\nMariestads kommun"
    )
    body = outlook_alt(text, bnd(msgid, 0))
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [
                ("Auto-Submitted", "auto-replied"),
                ("X-Auto-Response-Suppress", "All"),
                ("Content-Language", "sv-SE"),
            ],
        ),
        body,
    )
    case(
        "autosvar-ledig-till-och-med",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        reasons=[
            "Auto-Submitted: auto-replied and 'Automatiskt svar:'",
            "'till och med 12/5' is leave, not a meeting",
        ],
        desc="Exchange 'Automatiskt svar:' with a return date and a phone number",
        form="Outlook auto-reply",
    )


def c067():
    """'Tack för senast' from a member -> ignored no-content."""
    me = P(ANP, "Stina Rosén")
    date = "2026-02-09 07:12"
    msgid = outlook_msgid("c067", "AM5PR09MB1717")
    subject = "Tack för senast"
    text = "Hej!\n\nTack för en givande träff i fredags, och tack Birgitta för att vi fick komma till Falköping!\n\nStina"
    eml = outlook_mail(me, subject, date, msgid, text)
    case(
        "tack-for-senast",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network=None,
        reasons=["a thank-you with nothing for the store; no network is named"],
        desc="'Tack för senast' with first names and 'i fredags' → ignored no-content",
        form="Outlook text+HTML",
    )


# ==========================================================================
# main
# ==========================================================================


def build():
    CASES.clear()
    funcs = sorted(
        (n, f) for n, f in globals().items() if re.fullmatch(r"c\d{3}", n) and callable(f)
    )
    for _, f in funcs:
        f()
    return CASES


def check():
    """Self-checks on the ground truth (weekdays, sorted meetings, names present in the mail)."""
    import email as _email
    from email import policy as _policy

    for slug, eml, exp, _d, _f in CASES:
        msg = _email.message_from_bytes(eml, policy=_policy.default)
        assert msg["Message-ID"] == exp["message_id"], slug
        assert str(msg["Subject"]) == exp["subject"], (slug, str(msg["Subject"]))
        for m in exp["meetings"]:
            dt.date.fromisoformat(m["date"])
        if exp["network"] in ("forskola", "anpassad-skola"):
            for m in exp["meetings"]:
                assert D(m["date"]).weekday() == 4, (slug, m["date"], "not a Friday")


def table():
    lines = ["| # | network | disposition | what it exercises | form |", "|---|---|---|---|---|"]
    for i, (slug, _e, exp, desc, form) in enumerate(CASES, start=1):
        disp = exp["disposition"] + (f" ({exp['ignored_reason']})" if exp["ignored_reason"] else "")
        lines.append(f"| {i:03d} | {exp['network'] or '–'} | {disp} | {desc} | {form} |")
    return "\n".join(lines)


def main():
    import sys

    build()
    check()
    if "--table" in sys.argv:
        print(table())
        return
    for old in list(OUT.glob("[0-9][0-9][0-9]-*.eml")) + list(OUT.glob("[0-9][0-9][0-9]-*.json")):
        old.unlink()
    for i, (slug, eml, expected, _desc, _form) in enumerate(CASES, start=1):
        stem = f"{i:03d}-{slug}"
        (OUT / f"{stem}.eml").write_bytes(eml)
        (OUT / f"{stem}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
