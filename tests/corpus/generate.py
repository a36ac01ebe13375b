#!/usr/bin/env python3
"""Generate the mailbot evaluation corpus (tests/corpus/NNN-slug.eml + .json).

Run:  cd /work/main && .venv/bin/python tests/corpus/generate.py

Every case is a realistic mail to utbildning@skaraborg.se as a secretary, chair,
host principal or a machine would send it, together with the answer a careful
human reader gives (the interface of `mailbot parse FILE --json`, issue 3).
All people are invented.  The output is deterministic: fixed dates, fixed
Message-IDs, fixed MIME boundaries, fixed timestamps inside the zip-based
documents and fixed "random" bytes for the encrypted documents, so running the
script twice gives byte-identical files.

This script is ground truth: it must not import anything from mailbot.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import json
import quopri
import random
import re
import struct
import urllib.parse
import zipfile
from email import policy
from email.header import Header
from email.message import EmailMessage
from pathlib import Path

OUT = Path(__file__).resolve().parent
MAILBOX = "utbildning@skaraborg.se"
TO_MAILBOX = "Utbildning Skaraborg <utbildning@skaraborg.se>"

# --------------------------------------------------------------------------
# People (all invented) and municipalities
# --------------------------------------------------------------------------

MUNI_DOMAIN = {
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
_TR = str.maketrans(
    {"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o"}
)


def email_of(name: str, muni: str) -> str:
    local = name.translate(_TR).lower().replace(" ", ".")
    return f"{local}@{MUNI_DOMAIN[muni]}"


def roster(rows):
    """rows: (name, municipality[, role]) -> list of dicts with email."""
    out = []
    for r in rows:
        name, muni = r[0], r[1]
        role = r[2] if len(r) > 2 else "ledamot"
        out.append({"name": name, "muni": muni, "email": email_of(name, muni), "role": role})
    return out


FSK = roster(
    [
        ("Karin Lindqvist", "Lidköping", "ordforande"),
        ("Åsa Kjellberg", "Vara", "sekreterare"),
        ("Mikael Bergström", "Tibro", "presidium"),
        ("Therese Dahl", "Tidaholm", "presidium"),
        ("Helena Forsberg", "Skövde"),
        ("Jonas Wikström", "Falköping"),
        ("Annika Lundgren", "Mariestad"),
        ("Ulrika Blom", "Götene"),
        ("Sofia Hedlund", "Skara"),
        ("Malin Eriksson", "Hjo"),
        ("Linda Persson", "Essunga"),
        ("Cecilia Nordin", "Grästorp"),
        ("Kristina Wallin", "Gullspång"),
        ("Jenny Lindholm", "Karlsborg"),
        ("Marie Fransson", "Töreboda"),
    ]
)
GRU = roster(
    [
        ("Anders Nyberg", "Skövde", "ordforande"),
        ("Maria Sjöberg", "Falköping", "sekreterare"),
        ("Peter Sandberg", "Mariestad", "presidium"),
        ("Lena Åberg", "Lidköping", "presidium"),
        ("Erik Holm", "Hjo"),
        ("Camilla Strand", "Skara"),
        ("Fredrik Öberg", "Vara"),
        ("Magnus Engström", "Tibro"),
        ("Henrik Sjödin", "Tidaholm"),
        ("Niklas Hammar", "Götene"),
        ("Stefan Ahlqvist", "Töreboda"),
        ("Ola Granqvist", "Karlsborg"),
        ("Patrik Söderlund", "Gullspång"),
        ("Tobias Björk", "Essunga"),
        ("Daniel Ekman", "Grästorp"),
    ]
)
INTRO = roster(
    [
        ("Johan Ekström", "Lidköping", "ordforande"),
        ("Martin Lövgren", "Skövde", "presidium"),
        ("Sara Johansson", "Skara", "sekreterare"),
        ("Ida Backman", "Falköping"),
        ("Katarina Eklund", "Mariestad"),
        ("Håkan Nilsson", "Tidaholm"),
        ("Louise Hermansson", "Vara"),
        ("Mattias Wennberg", "Tibro"),
        ("Jeanette Axelsson", "Hjo"),
        ("Christer Almqvist", "Skaraborgs Kommunalförbund"),
    ]
)
ANP = roster(
    [
        ("Gunilla Rydén", "Mariestad", "ordforande"),
        ("Hanna Sundqvist", "Skövde", "sekreterare"),
        ("Björn Ängström", "Lidköping"),
        ("Elin Gustavsson", "Falköping"),
        ("Jessica Mårtensson", "Skara"),
        ("Roger Falk", "Vara"),
        ("Susanne Borg", "Tidaholm"),
        ("Lars Olausson", "Götene"),
        ("Pernilla Ljung", "Hjo"),
        ("Anneli Carlsson", "Tibro"),
    ]
)
VUX = roster(
    [
        ("Mats Lindberg", "Skövde", "ordforande"),
        ("Ingrid Thorén", "Lidköping", "presidium"),
        ("Jörgen Palm", "Falköping", "presidium"),
        ("Nina Ståhl", "Mariestad"),
        ("Robert Isaksson", "Skara"),
        ("Birgitta Lööf", "Vara"),
        ("Kristoffer Dahlin", "Tidaholm"),
        ("Monica Hellström", "Götene"),
        ("Sven-Erik Bohlin", "Töreboda"),
        ("Agneta Wiklund", "Hjo"),
        ("Emil Rask", "Tibro"),
        ("Veronica Moberg", "Karlsborg"),
        ("Tomas Grahn", "Essunga"),
        ("Lisbeth Ohlsson", "Grästorp"),
        ("Pia Nordqvist", "Gullspång"),
    ]
)


def P(roster_, name):
    for p in roster_:
        if p["name"] == name:
            return p
    raise KeyError(name)


EVA = {
    "name": "Eva Hallberg",
    "muni": "Skaraborgs Kommunalförbund",
    "email": "eva.hallberg@skaraborg.se",
}

# --------------------------------------------------------------------------
# Expected-output helpers
# --------------------------------------------------------------------------


def M(name, email=None, muni=None, role="ledamot"):
    """A member as the expected JSON has it (municipality None for non-municipalities)."""
    if muni == "Skaraborgs Kommunalförbund":
        muni = None
    return {
        "name": name,
        "email": email.lower() if email else None,
        "municipality": muni,
        "role": role,
    }


def T(date, start=None, end=None, place=None):
    return {"date": date, "start": start, "end": end, "place": place}


def members_from(roster_, with_email=True, with_muni=True, roles=True, only=None):
    out = []
    for p in roster_:
        if only is not None and p["name"] not in only:
            continue
        out.append(
            M(
                p["name"],
                p["email"] if with_email else None,
                p["muni"] if with_muni else None,
                p["role"] if roles else "ledamot",
            )
        )
    return out


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

_WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _last_sunday(year, month):
    d = dt.date(year, month, 31)
    while d.weekday() != 6:
        d -= dt.timedelta(days=1)
    return d


def sthlm_offset(t: dt.datetime) -> str:
    start = dt.datetime.combine(_last_sunday(t.year, 3), dt.time(2, 0))
    end = dt.datetime.combine(_last_sunday(t.year, 10), dt.time(3, 0))
    return "+0200" if start <= t < end else "+0100"


def date_hdr(s: str, offset: str | None = None) -> str:
    """'2025-03-18 10:20[:33]' (Swedish local time) -> RFC 5322 Date."""
    fmt = "%Y-%m-%d %H:%M:%S" if s.count(":") == 2 else "%Y-%m-%d %H:%M"
    t = dt.datetime.strptime(s, fmt)
    off = offset or sthlm_offset(t)
    return f"{_WD[t.weekday()]}, {t.day} {_MON[t.month - 1]} {t.year} {t:%H:%M:%S} {off}"


def doc_time(s: str) -> dt.datetime:
    return dt.datetime.strptime(s[:16], "%Y-%m-%d %H:%M")


# --------------------------------------------------------------------------
# Header encoding helpers
# --------------------------------------------------------------------------


def q_word(s: str, charset="utf-8", force=False) -> str:
    """RFC 2047 Q encoded-word (as Outlook writes them); ASCII is returned as is."""
    if not force and all(ord(c) < 128 for c in s):
        return s
    out = []
    for b in s.encode(charset):
        c = chr(b)
        if c == " ":
            out.append("_")
        elif (c.isalnum() and b < 128) or (c in "-.!*+/" and b < 128):
            out.append(c)
        else:
            out.append(f"={b:02X}")
    return f"=?{charset}?Q?{''.join(out)}?="


def b_word(s: str, charset="utf-8") -> str:
    if all(ord(c) < 128 for c in s):
        return s
    return f"=?{charset}?B?{base64.b64encode(s.encode(charset)).decode()}?="


def addr(name: str | None, address: str, style="q") -> str:
    if not name:
        return address
    if all(ord(c) < 128 for c in name):
        return f'"{name}" <{address}>' if "," in name else f"{name} <{address}>"
    enc = (
        q_word(name)
        if style == "q"
        else b_word(name)
        if style == "b"
        else q_word(name, "iso-8859-1")
    )
    return f"{enc} <{address}>"


def subj_hdr(s: str, style="q") -> str:
    """Encode a subject, folding long ones into several encoded words."""
    if all(ord(c) < 128 for c in s):
        return s
    if style == "header":
        return Header(s, "utf-8").encode(maxlinelen=76)
    if style == "b":
        return b_word(s)
    if style == "latin1":
        return q_word(s, "iso-8859-1")
    # split in chunks of words so every encoded word stays short
    words = s.split(" ")
    chunks, cur = [], ""
    for w in words:
        cand = (cur + " " + w) if cur else w
        if len(cand) > 28 and cur:
            chunks.append(cur + " ")
            cur = w
        else:
            cur = cand
    chunks.append(cur)
    return "\n ".join(q_word(c, force=True) for c in chunks)


# --------------------------------------------------------------------------
# Raw MIME builder (hand-written, the way real clients lay it out)
# --------------------------------------------------------------------------


def _hdr_block(headers) -> bytes:
    out = []
    for k, v in headers:
        out.append(f"{k}: {v}\n")
    return "".join(out).encode("ascii")


def part(headers, body: bytes) -> bytes:
    """A MIME part: its own headers, a blank line, the body."""
    return _hdr_block(headers) + b"\n" + body


def text_part(
    text: str,
    subtype="plain",
    charset="utf-8",
    cte="quoted-printable",
    declare_charset=True,
    extra=(),
    format_flowed=False,
) -> bytes:
    data = text.encode(charset)
    if cte == "quoted-printable":
        body = quopri.encodestring(data)
    elif cte == "base64":
        body = base64.encodebytes(data)
    else:
        body = data
    if not body.endswith(b"\n"):
        body += b"\n"
    ct = f"text/{subtype}"
    if declare_charset:
        ct += f'; charset="{charset}"'
    if format_flowed:
        ct += "; format=flowed"
    headers = [("Content-Type", ct)]
    if cte:
        headers.append(("Content-Transfer-Encoding", cte))
    headers += list(extra)
    return part(headers, body)


def _fname_params(filename: str, style: str):
    """Return (content-type param, content-disposition param) for a filename."""
    if style == "plain" or all(ord(c) < 128 for c in filename):
        return f'name="{filename}"', f'filename="{filename}"'
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


def multipart(subtype: str, boundary: str, parts, preamble: str | None = None, params="") -> bytes:
    headers = [("Content-Type", f'multipart/{subtype};\n boundary="{boundary}"{params}')]
    body = b""
    if preamble is not None:
        body += preamble.encode() + b"\n\n"
    for p in parts:
        body += b"--" + boundary.encode() + b"\n" + p + b"\n"
    body += b"--" + boundary.encode() + b"--\n"
    return part(headers, body)


def rfc822_part(msg: bytes, disp="attachment", filename=None) -> bytes:
    headers = [("Content-Type", "message/rfc822" + (f'; name="{filename}"' if filename else ""))]
    if disp:
        headers.append(
            ("Content-Disposition", disp + (f'; filename="{filename}"' if filename else ""))
        )
    return part(headers, msg)


def message(headers, body_part: bytes, mime=True) -> bytes:
    hs = list(headers)
    if mime:
        hs.append(("MIME-Version", "1.0"))
    return _hdr_block(hs) + body_part


def std_headers(frm, to, subject, date, msgid, extra=(), subject_style="q", cc=None):
    h = [("From", frm), ("To", to)]
    if cc:
        h.append(("CC", cc))
    h += [
        ("Subject", subj_hdr(subject, subject_style)),
        ("Date", date_hdr(date)),
        ("Message-ID", msgid),
    ]
    h += list(extra)
    return h


def crlf(b: bytes) -> bytes:
    return b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


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
OUTLOOK_TAIL = "</div>\n</body>\n</html>\n"


def mso_p(text: str = "", bold=False) -> str:
    if not text:
        return '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
    t = html.escape(text)
    if bold:
        t = f"<b>{t}</b>"
    return f'<p class="MsoNormal">{t}<o:p></o:p></p>\n'


def mso_lines(text: str) -> str:
    return "".join(mso_p(line) for line in text.split("\n"))


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


def outlook_quote_html(frm, sent, to, subject, body_text, cc=None) -> str:
    hdr = (
        f'<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
        f'<p class="MsoNormal"><b><span lang="SV">Från:</span></b><span lang="SV"> {html.escape(frm)}<br>\n'
        f"<b>Skickat:</b> {html.escape(sent)}<br>\n<b>Till:</b> {html.escape(to)}<br>\n"
    )
    if cc:
        hdr += f"<b>Kopia:</b> {html.escape(cc)}<br>\n"
    hdr += f"<b>Ämne:</b> {html.escape(subject)}<o:p></o:p></span></p>\n</div>\n"
    return hdr + mso_p() + mso_lines(body_text)


def outlook_quote_text(frm, sent, to, subject, body_text, cc=None) -> str:
    s = f"Från: {frm}\nSkickat: {sent}\nTill: {to}\n"
    if cc:
        s += f"Kopia: {cc}\n"
    s += f"Ämne: {subject}\n\n{body_text}"
    return s


def gmail_html(text: str) -> str:
    divs = []
    for line in text.split("\n"):
        divs.append("<div><br></div>" if not line else f"<div>{html.escape(line)}</div>")
    return '<div dir="ltr">' + "".join(divs) + "</div>\n"


def gmail_quote_html(attr_line: str, quoted_text: str) -> str:
    inner = "<br>\n".join(html.escape(line) for line in quoted_text.split("\n"))
    return (
        f'<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        f'{html.escape(attr_line)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
        f'border-left:1px solid rgb(204,204,204);padding-left:1ex">{inner}</blockquote></div>\n'
    )


def gt_quote(text: str) -> str:
    return "\n".join((">" + (" " + l if l else "")) for l in text.split("\n"))


# --------------------------------------------------------------------------
# Document builders (real libraries) with deterministic output
# --------------------------------------------------------------------------

FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite a zip-based document with fixed timestamps (determinism)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    lambda m: m.group(1) + stamp.encode() + m.group(3),
                    content,
                )
            if info.filename == "meta.xml":
                content = re.sub(
                    rb"(<(meta:creation-date|dc:date)>)[^<]*(</\2>)",
                    lambda m: m.group(1) + stamp[:-1].encode() + m.group(3),
                    content,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, content)
    return buf.getvalue()


def docx_bytes(blocks, when: dt.datetime, author="") -> bytes:
    """blocks: list of tuples
    ("h", text, level) | ("p", text) | ("b", text) (bold paragraph) |
    ("bullets", [text..]) | ("numbered", [text..]) |
    ("table", rows, merged_title_or_None)
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
        elif kind == "table":
            rows, title = blk[1], blk[2] if len(blk) > 2 else None
            ncols = len(rows[0])
            nrows = len(rows) + (1 if title else 0)
            table = doc.add_table(rows=nrows, cols=ncols)
            table.style = "Table Grid"
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
                    if i == 0 and cell.paragraphs[0].runs:
                        cell.paragraphs[0].runs[0].bold = True
        else:
            raise ValueError(kind)
    doc.styles["Normal"].font.size = Pt(11)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), when)


def xlsx_bytes(sheets, when: dt.datetime, author="") -> bytes:
    """sheets: list of (title, rows, options) where rows are lists of cell values;
    options: {"merge": ["A1:D1"], "widths": {...}, "formats": {col_letter: fmt}}"""
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


def odt_bytes(blocks, when: dt.datetime) -> bytes:
    """blocks: ("h", text) | ("p", text) | ("table", rows)"""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H
    from odf.text import P as OP

    doc = OpenDocumentText()
    bold = Style(name="Fet", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    tcount = 0
    for blk in blocks:
        if blk[0] == "h":
            doc.text.addElement(H(outlinelevel=1, text=blk[1]))
        elif blk[0] == "b":
            doc.text.addElement(OP(stylename=bold, text=blk[1]))
        elif blk[0] == "p":
            doc.text.addElement(OP(text=blk[1]))
        elif blk[0] == "table":
            tcount += 1
            rows = blk[1]
            t = Table(name=f"Tabell{tcount}")
            t.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
            for row in rows:
                tr = TableRow()
                for val in row:
                    tc = TableCell(valuetype="string")
                    tc.addElement(OP(text=val))
                    tr.addElement(tc)
                t.addElement(tr)
            doc.text.addElement(t)
    buf = io.BytesIO()
    doc.write(buf)
    return normalise_zip(buf.getvalue(), when)


FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _pdf(when: dt.datetime):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(when.replace(tzinfo=dt.UTC))
    pdf.set_producer("Microsoft® Word för Microsoft 365")
    pdf.set_creator("Microsoft® Word för Microsoft 365")
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf._corpus_font = "DejaVu"
        pdf._corpus_latin1 = False
    else:  # core font, text must be latin-1
        pdf._corpus_font = "helvetica"
        pdf._corpus_latin1 = True
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    return pdf


def _pdf_txt(pdf, s: str) -> str:
    if pdf._corpus_latin1:
        return s.replace("–", "-").replace("—", "-")
    return s


def pdf_bytes(blocks, when: dt.datetime, encrypt_password: str | None = None) -> bytes:
    """blocks: ("h", text) | ("p", text) | ("b", text) | ("table", rows, widths)"""
    from fpdf.enums import EncryptionMethod

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
        elif blk[0] == "table":
            pdf.set_font(font, "", 10)
            rows = blk[1]
            widths = blk[2] if len(blk) > 2 else None
            with pdf.table(col_widths=widths, line_height=6) as table:
                for row in rows:
                    r = table.row()
                    for val in row:
                        r.cell(_pdf_txt(pdf, val))
            pdf.ln(3)
    if encrypt_password:
        from fpdf.encryption import StandardSecurityHandler

        rng = random.Random(4711)
        orig = StandardSecurityHandler.get_random_bytes
        StandardSecurityHandler.get_random_bytes = classmethod(
            lambda cls, n: bytes(rng.getrandbits(8) for _ in range(n))
        )
        try:
            pdf.set_encryption(
                owner_password="presidiet-" + encrypt_password,
                user_password=encrypt_password,
                encryption_method=EncryptionMethod.RC4,
            )
            data = bytes(pdf.output())
        finally:
            StandardSecurityHandler.get_random_bytes = orig
        return data
    return bytes(pdf.output())


def scanned_pdf_bytes(lines, when: dt.datetime) -> bytes:
    """A 'scan': one page image with drawn text and speckle, no text layer."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(1234)
    w, h = 1240, 1754
    img = Image.new("L", (w, h), 246)
    draw = ImageDraw.Draw(img)
    y = 140
    for line in lines:
        # draw text as small blocks ("ink") so nothing can be extracted as text
        x = 120
        for ch in line:
            if ch == " ":
                x += 14
                continue
            cw = 9 + rng.randint(0, 5)
            draw.rectangle(
                [x, y + rng.randint(0, 3), x + cw, y + 22 + rng.randint(-2, 2)],
                fill=40 + rng.randint(0, 30),
            )
            x += cw + 4
        y += 44 if line else 30
    for _ in range(1500):
        px, py = rng.randint(0, w - 1), rng.randint(0, h - 1)
        img.putpixel((px, py), rng.randint(150, 220))
    img = img.rotate(0.7, fillcolor=246).filter(ImageFilter.SMOOTH)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    pdf = _pdf(when)
    pdf.set_producer("Canon iR-ADV C5535 PDF")
    pdf.set_creator("Canon iR-ADV C5535")
    pdf.image(io.BytesIO(buf.getvalue()), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def encrypt_ooxml(data: bytes, password: str) -> bytes:
    import msoffcrypto
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    class _FixedDatetime(dt.datetime):  # the CFB directory stamps datetime.now()
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 1, 16, 8, 55, 0)

    rng = random.Random(2718)
    orig_rand, orig_dt = ecma376_agile._random_buffer, ecma376_encrypted.datetime
    ecma376_agile._random_buffer = lambda n: bytes(rng.getrandbits(8) for _ in range(n))
    ecma376_encrypted.datetime = _FixedDatetime
    try:
        f = msoffcrypto.OfficeFile(io.BytesIO(data))
        out = io.BytesIO()
        f.encrypt(password, out)
    finally:
        ecma376_agile._random_buffer = orig_rand
        ecma376_encrypted.datetime = orig_dt
    return out.getvalue()


def tnef_bytes(attachments, subject: str) -> bytes:
    """A minimal but valid winmail.dat (TNEF) carrying file attachments.

    attachments: list of (long_filename, data).  Structure: signature, key,
    attTnefVersion, attOEMCodepage, attMessageClass, attSubject, then per
    attachment attAttachRendData, attAttachTitle, attAttachData and an
    attAttachment MAPI block with PR_ATTACH_LONG_FILENAME (unicode)."""

    def attr(level, atype, aid, data):
        return (
            struct.pack("<BI I", level, (atype << 16) | aid, len(data))
            + data
            + struct.pack("<H", sum(data) & 0xFFFF)
        )

    out = struct.pack("<IH", 0x223E9F78, 0x4A1B)
    out += attr(1, 0x0008, 0x9006, struct.pack("<I", 0x00010000))  # attTnefVersion
    out += attr(1, 0x0006, 0x9007, struct.pack("<II", 1252, 0))  # attOEMCodepage
    out += attr(1, 0x0007, 0x8008, b"IPM.Microsoft Mail.Note\x00")  # attMessageClass
    out += attr(1, 0x0001, 0x8004, subject.encode("cp1252") + b"\x00")  # attSubject
    for long_name, data in attachments:
        rend = struct.pack("<HIIHHI", 1, 0xFFFFFFFF, 0, 0, 0, 0)
        out += attr(2, 0x0006, 0x9002, rend)  # attAttachRendData
        short = long_name.encode("cp1252", "replace")
        out += attr(2, 0x0001, 0x8010, short + b"\x00")  # attAttachTitle
        out += attr(2, 0x0006, 0x800F, data)  # attAttachData
        # MAPI props: PR_ATTACH_LONG_FILENAME (0x3707, PT_UNICODE 0x001F)
        val = long_name.encode("utf-16-le") + b"\x00\x00"
        pad = (-len(val)) % 4
        mapi = (
            struct.pack("<I", 1)
            + struct.pack("<HH", 0x001F, 0x3707)
            + struct.pack("<II", 1, len(val))
            + val
            + b"\x00" * pad
        )
        out += attr(2, 0x0006, 0x9005, mapi)  # attAttachment
    return out


def png_logo() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 40), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 38, 39], fill=(0, 84, 147))
    d.rectangle([44, 12, 118, 18], fill=(0, 84, 147))
    d.rectangle([44, 24, 100, 30], fill=(120, 160, 200))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PDF = "application/pdf"

# --------------------------------------------------------------------------
# Case registry
# --------------------------------------------------------------------------

CASES = []

KIND_ORDER = ["agenda", "meeting_dates", "member_list", "protocol", "report"]
NETWORKS = {
    "introduktionsprogrammen",
    "anpassad-skola",
    "vuxenutbildning",
    "grundskola",
    "forskola",
    None,
}


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
    CASES.append((slug, eml, expected, desc))


def proto(date, attendees):
    return {"meeting_date": date, "attendees": list(attendees)}


# ==========================================================================
# Signatures and small text helpers
# ==========================================================================

ROLE_WORD = {
    "ordforande": "Ordförande",
    "sekreterare": "Sekreterare",
    "presidium": "Presidium",
    "ledamot": "",
}


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


def gmail_alt(text: str, boundary: str, html_body: str | None = None) -> bytes:
    return multipart(
        "alternative",
        boundary,
        [
            text_part(text, "plain", "UTF-8", "quoted-printable"),
            text_part(
                html_body if html_body is not None else gmail_html(text),
                "html",
                "UTF-8",
                "quoted-printable",
            ),
        ],
    )


OUTLOOK_X = [
    ("X-MS-Has-Attach", "yes"),
    ("X-MS-TNEF-Correlator", ""),
    ("Content-Language", "sv-SE"),
    ("Accept-Language", "sv-SE, en-US"),
    ("Thread-Index", "AQHbfakeCorpusThreadIndexAAAA=="),
]


# ==========================================================================
# 001-011  Member lists (förteckningar)
# ==========================================================================


def c001():
    me = P(FSK, "Åsa Kjellberg")
    date = "2025-08-25 09:12"
    msgid = "<DB9PR02MB7321A4C0E1F2B3D4E5F6A7B8C9D0E1F2@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    subject = "Förteckning förskolenätverket läsåret 25/26"
    rows = [["Namn", "Kommun", "E-post", "Roll"]]
    for p in FSK:
        rows.append([p["name"], p["muni"], p["email"], ROLE_WORD[p["role"]]])
    doc = docx_bytes(
        [
            ("h", "Förskolenätverket Skaraborg – deltagare läsåret 2025/2026", 1),
            ("p", "Uppdaterad 2025-08-22. Ändringar meddelas sekreteraren."),
            ("table", rows),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = (
        "Hej!\n\nBifogar förteckningen över de personer som ingår i förskolenätverket läsåret 2025/2026.\n\n"
        "Med vänliga hälsningar\n\nÅsa Kjellberg\nSekreterare, Förskolenätverket Skaraborg\n"
        "Förskolechef, Vara kommun\n"
    )
    body = multipart(
        "mixed",
        "_004_DB9PR02MB7321A4C0E1F2B3D4_",
        [
            outlook_alt(text, "_000_DB9PR02MB7321A4C0E1F2B3D4_"),
            attach(doc, DOCX, "Förteckning förskolenätverket 2025-2026.docx", style="2231"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "forskola-forteckning-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members_from(FSK),
        reasons=[
            "subject and attachment heading name the förskola network",
            "attachment Förteckning förskolenätverket 2025-2026.docx has a table Namn/Kommun/E-post/Roll",
            "roles Ordförande, Sekreterare, Presidium; empty role -> ledamot",
            "'Uppdaterad 2025-08-22' is a document date, not a meeting",
            "sender is the network's secretary at vara.se",
        ],
        desc="member list as a .docx table (Outlook, RFC 2231 filename with ö), roles written out",
    )


def c002():
    me = P(GRU, "Maria Sjöberg")
    date = "2024-09-10 14:03"
    msgid = "<a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601@falkoping.se>"
    subject = "Medlemmar rektorsnätverket grundskola HT24"
    role = {
        "ordforande": "ordf.",
        "sekreterare": "sekr.",
        "presidium": "presidiet",
        "ledamot": None,
    }
    no_mail = {"Ola Granqvist", "Daniel Ekman"}
    order = [
        "Essunga",
        "Falköping",
        "Grästorp",
        "Gullspång",
        "Götene",
        "Hjo",
        "Karlsborg",
        "Lidköping",
        "Mariestad",
        "Skara",
        "Skövde",
        "Tibro",
        "Tidaholm",
        "Töreboda",
        "Vara",
    ]
    people = sorted(GRU, key=lambda p: order.index(p["muni"]))
    rows = [
        ["Nätverket Grundskola Skaraborg – medlemmar HT 2024", None, None, None],
        [],
        ["Kommun", "Namn", "Mejl", "Uppdrag"],
    ]
    for p in people:
        rows.append(
            [p["muni"], p["name"], None if p["name"] in no_mail else p["email"], role[p["role"]]]
        )
    x = xlsx_bytes(
        [
            (
                "Blad1",
                rows,
                {
                    "merge": ["A1:D1"],
                    "bold_rows": [1, 3],
                    "widths": {"A": 14, "B": 22, "C": 34, "D": 12},
                },
            )
        ],
        doc_time(date),
        author=me["name"],
    )
    m = EmailMessage()
    m["From"] = addr(me["name"], me["email"])
    m["To"] = MAILBOX
    m["Subject"] = subject
    m["Date"] = date_hdr(date)
    m["Message-ID"] = msgid
    m.set_content("Hej,\nse bifogad fil.\n/Maria\n")
    m.add_attachment(
        x,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename="Medlemslista grundskolenätverket HT2024.xlsx",
    )
    for i, p in enumerate(m.walk()):
        if p.is_multipart():
            p.set_boundary(f"===============002{i:04d}==")
    eml = m.as_bytes(policy=policy.default.clone(linesep="\n"))
    members = []
    for p in people:
        members.append(
            M(p["name"], None if p["name"] in no_mail else p["email"], p["muni"], p["role"])
        )
    case(
        "grundskola-medlemmar-xlsx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "subject: 'rektorsnätverket grundskola'",
            "xlsx sheet with merged title row and columns Kommun/Namn/Mejl/Uppdrag",
            "roles 'ordf.', 'sekr.', 'presidiet'; blank -> ledamot",
            "two members without e-mail -> email null",
        ],
        desc="member list in .xlsx (merged title row, abbreviations ordf./sekr./presidiet, missing e-mails), stdlib MIME",
    )


def c003():
    me = P(INTRO, "Sara Johansson")
    date = "2025-08-28 16:40"
    msgid = "<6c1e0a9f-3b2d-4c8e-9f1a-7d5b3e2c1a04@skara.se>"
    subject = "Deltagare IM-nätverket 25/26"
    text = """Hej!

Här kommer förteckningen över oss som ingår i nätverket för Introduktionsprogrammen läsåret 25/26:

Johan Ekström, Lidköping, ordförande – johan.ekstrom@lidkoping.se
Martin Lövgren, Skövde, presidiet – martin.lovgren@skovde.se
Sara Johansson, Skara, sekreterare – sara.johansson@skara.se
Ida Backman, Falköping – ida.backman@falkoping.se
Katarina Eklund, Mariestad – katarina.eklund@mariestad.se
Håkan Nilsson, Tidaholm
Louise Hermansson, Vara – louise.hermansson@vara.se
Mattias Wennberg, Tibro – mattias.wennberg@tibro.se
Jeanette Axelsson, Hjo
Christer Almqvist, Skaraborgs Kommunalförbund (processledare) – christer.almqvist@skaraborg.se

Hör av er om något är fel!

Sara Johansson
Sekreterare IM-nätverket
Skara kommun
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), MAILBOX, subject, date, msgid),
        text_part(text, cte="8bit"),
    )
    no_mail = {"Håkan Nilsson", "Jeanette Axelsson"}
    members = [
        M(p["name"], None if p["name"] in no_mail else p["email"], p["muni"], p["role"])
        for p in INTRO
    ]
    case(
        "intro-deltagare-brodtext",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["member_list"],
        members=members,
        reasons=[
            "'IM-nätverket' / 'nätverket för Introduktionsprogrammen'",
            "member list as lines in the plain-text body",
            "roles ordförande, presidiet, sekreterare; others ledamot",
            "Skaraborgs Kommunalförbund is not a municipality -> municipality null (processledare -> ledamot)",
        ],
        desc="member list as body lines 'Namn, Kommun, roll – e-post', some without e-mail, one from the Kommunalförbund",
    )


def c004():
    me = P(VUX, "Ingrid Thorén")
    date = "2025-01-15 11:27"
    msgid = "<GV0P278MB0816F3A1B2C3D4E5F60718293A4B5C6D@GV0P278MB0816.CHEP278.PROD.OUTLOOK.COM>"
    subject = "Förteckning nätverket Vuxenutbildning 2025"
    role = {"ordforande": "Ordf.", "presidium": "Presidium", "ledamot": ""}
    rows = [["Kommun", "Namn", "E-post", "Roll"]] + [
        [p["muni"], p["name"], p["email"], role[p["role"]]] for p in VUX
    ]
    intro_txt = (
        "Hej!\n\nHär kommer förteckningen över nätverket för vuxenutbildning 2025, "
        "enligt uppdraget till presidiet.\n"
    )
    outro_txt = (
        "\nMötesdatum för våren kommer i ett separat mejl från Mats.\n\nVänliga hälsningar\n"
        "Ingrid Thorén\nRektor Lärcenter Lidköping\nPresidiet, Vux-nätverket Skaraborg\n"
    )
    table_txt = (
        "Nätverket för vuxenutbildning – förteckning 2025\n"
        + "\n".join("\t".join(r) for r in rows)
        + "\n"
    )
    text = intro_txt + "\n" + table_txt + outro_txt
    html_inner = (
        mso_lines(intro_txt)
        + mso_table(rows, merged_title="Nätverket för vuxenutbildning – förteckning 2025")
        + mso_lines(outro_txt)
    )
    body = outlook_alt(text, "_000_GV0P278MB0816F3A1B2C3D4E5_", html_inner)
    eml = crlf(
        message(
            std_headers(
                addr(me["name"], me["email"]),
                TO_MAILBOX,
                subject,
                date,
                msgid,
                [("Content-Language", "sv-SE")],
            ),
            body,
        )
    )
    case(
        "vux-forteckning-outlook-html-tabell",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members_from(VUX),
        reasons=[
            "subject names 'nätverket Vuxenutbildning'",
            "Outlook HTML table (MsoTableGrid) with merged title row",
            "roles 'Ordf.' and 'Presidium'; empty -> ledamot",
            "presidium member sends the list, as the vux mission says",
        ],
        desc="member list as an Outlook HTML <table> with colspan title row, CRLF line ends",
    )


def c005():
    me = P(ANP, "Hanna Sundqvist")
    date = "2025-09-05 13:15"
    msgid = "<AM9PR09MB4567C0FFEE1234567890ABCDEF123456@AM9PR09MB4567.eurprd09.prod.outlook.com>"
    subject = "Nätverket Anpassad skola – deltagare och roller"
    text = """Hej,

Förteckning över nätverket Anpassad skola hösten 2025.

Anpassad grundskola
- Gunilla Rydén (Mariestad) – ordförande
- Björn Ängström (Lidköping)
- Elin Gustavsson (Falköping)
- Pernilla Ljung (Hjo)
- Anneli Carlsson (Tibro)

Anpassad gymnasieskola
- Hanna Sundqvist (Skövde) – sekreterare
- Jessica Mårtensson (Skara)
- Roger Falk (Vara)
- Susanne Borg (Tidaholm)
- Lars Olausson (Götene)

Hälsningar
Hanna Sundqvist
Rektor anpassad gymnasieskola, Skövde kommun
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid),
        text_part(text),
    )
    order = [
        "Gunilla Rydén",
        "Björn Ängström",
        "Elin Gustavsson",
        "Pernilla Ljung",
        "Anneli Carlsson",
        "Hanna Sundqvist",
        "Jessica Mårtensson",
        "Roger Falk",
        "Susanne Borg",
        "Lars Olausson",
    ]
    members = [M(P(ANP, n)["name"], None, P(ANP, n)["muni"], P(ANP, n)["role"]) for n in order]
    case(
        "anpassad-deltagare-undernatverk",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "subject names 'Nätverket Anpassad skola'",
            "body list grouped by sub-network (anpassad grundskola / anpassad gymnasieskola) – both are this network",
            "no e-mail addresses -> email null",
            "roles ordförande and sekreterare, the rest ledamot",
        ],
        desc="member list in body grouped by the two sub-networks, municipality in parentheses, no e-mails",
    )


def c006():
    me = P(FSK, "Karin Lindqvist")
    date = "2026-01-12 08:05"
    msgid = "<PA4PR08MB6012E2B9A1C04D5E6F708192A3B4C5D6@PA4PR08MB6012.eurprd08.prod.outlook.com>"
    subject = "Presidiet förskolenätverket 2026"
    text = """Hej!

Presidiet för förskolenätverket under 2026 är:
Karin Lindqvist, Lidköping (ordf.)
Åsa Kjellberg, Vara (sekr.)
Mikael Bergström, Tibro
Therese Dahl, Tidaholm

Övriga ledamöter är oförändrade sedan förteckningen i augusti.

Hälsningar
Karin Lindqvist
Ordförande, Förskolenätverket Skaraborg
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_PA4PR08MB6012E2B9A1C04D5E_"),
    )
    members = [
        M("Karin Lindqvist", None, "Lidköping", "ordforande"),
        M("Åsa Kjellberg", None, "Vara", "sekreterare"),
        M("Mikael Bergström", None, "Tibro", "presidium"),
        M("Therese Dahl", None, "Tidaholm", "presidium"),
    ]
    case(
        "forskola-presidiet-brodtext",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "chair lists the presidium for 2026: ordf., sekr. and two more presidium members",
            "a partial list (other members unchanged) – still a förteckning of these people",
            "no e-mails given -> null",
        ],
        desc="partial member list: only the presidium, roles '(ordf.)', '(sekr.)', the rest of the presidium unmarked",
    )


def c007():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-08-20 10:44"
    msgid = "<20250820104412.3f9a1c2e@falkoping.se>"
    subject = "Ny förteckning grundskolenätverket"
    role = {
        "ordforande": "Ordförande",
        "sekreterare": "Sekreterare",
        "presidium": "Presidium",
        "ledamot": "Ledamot",
    }
    rows = [["Namn", "Kommun", "Roll"]] + [[p["name"], p["muni"], role[p["role"]]] for p in GRU]
    odt = odt_bytes(
        [
            ("h", "Rektorsnätverket grundskola Skaraborg"),
            ("b", "Förteckning läsåret 2025/2026"),
            ("table", rows),
            ("p", "E-postadresser finns i nätverkets Teams-kanal."),
        ],
        doc_time(date),
    )
    text = "Hej! Ny förteckning för nätverket grundskola inför läsåret 25/26 bifogas (odt, sitter i LibreOffice hemma).\nMaria\n"
    body = multipart(
        "mixed",
        "------------a1B2c3D4e5F6g7H8i9J0k1L2",
        [
            text_part(text, format_flowed=True, cte="8bit"),
            attach(odt, ODT, "förteckning grundskola 25-26.odt", style="2231"),
        ],
        preamble="This is a multi-part message in MIME format.",
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
        ),
        body,
    )
    case(
        "grundskola-forteckning-odt",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["member_list"],
        members=members_from(GRU, with_email=False),
        reasons=[
            "'grundskolenätverket' in subject, 'Rektorsnätverket grundskola' in the document",
            ".odt table Namn/Kommun/Roll, roles written out incl. 'Ledamot'",
            "no e-mails in the list -> null",
        ],
        desc="member list in an .odt table (Thunderbird, format=flowed), role 'Ledamot' written explicitly",
    )


def c008():
    me = P(VUX, "Jörgen Palm")
    date = "2025-08-29 10:30"
    msgid = "<VI1PR07MB5530D1E2F3A4B5C6D7E8F90A1B2C3D4E@VI1PR07MB5530.eurprd07.prod.outlook.com>"
    subject = "Förteckning Vux-nätverket hösten 2025"
    role = {"ordforande": "ordförande", "presidium": "presidium", "ledamot": ""}
    rows = [["Namn", "Kommun", "E-post", "Roll"]]
    for p in VUX:
        r = "vice ordförande" if p["name"] == "Ingrid Thorén" else role[p["role"]]
        rows.append([p["name"], p["muni"], p["email"], r])
    pdf = pdf_bytes(
        [
            ("h", "Nätverket för vuxenutbildning i Skaraborg"),
            ("b", "Förteckning över deltagare, hösten 2025"),
            ("gap",),
            ("table", rows, (45, 30, 75, 35)),
            ("p", "Sekreterare utses av värdkommunen för respektive möte."),
        ],
        doc_time(date),
    )
    text = "Hej,\n\nFörteckningen för hösten bifogas som pdf.\n\nMvh Jörgen Palm\nPresidiet Vux-nätverket, Falköpings kommun\n"
    body = multipart(
        "mixed",
        "_004_VI1PR07MB5530D1E2F3A4B5C6_",
        [
            outlook_alt(text, "_000_VI1PR07MB5530D1E2F3A4B5C6_"),
            attach(pdf, PDF, "Förteckning Vux-nätverket HT2025.pdf", style="2047"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    members = members_from(VUX)
    case(
        "vux-forteckning-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members,
        reasons=[
            "'Vux-nätverket' / 'Nätverket för vuxenutbildning'",
            "PDF with a table Namn/Kommun/E-post/Roll",
            "'vice ordförande' is part of the presidium, not the chair -> presidium",
            "filename as RFC 2047 encoded word inside quotes (Outlook habit)",
        ],
        desc="member list as a PDF table; 'vice ordförande' -> presidium; RFC 2047 filename",
    )


def c009():
    date = "2026-02-03 15:20"
    msgid = "<2f7e4b1a-9c3d-4e8f-a0b1-c2d3e4f5a6b7@edukompetens.se>"
    subject = "Uppdaterad deltagarlista Förskolenätverket"
    frm = "linnea.holmen@edukompetens.se"
    rows = [["Namn", "Kommun", "E-post", "Funktion"]] + [
        [p["name"], p["muni"], p["email"], ROLE_WORD[p["role"]]] for p in FSK
    ]
    x = xlsx_bytes(
        [("Deltagare", rows, {"bold_rows": [1], "widths": {"A": 22, "B": 14, "C": 34, "D": 14}})],
        doc_time(date),
        author="Linnea Holmén",
    )
    text = (
        "Hej!\n\nPå uppdrag av presidiet i förskolenätverket skickar jag den uppdaterade deltagarlistan "
        "inför vårens processdagar.\n\nVänliga hälsningar\nLinnea Holmén\nProcessledare, Edukompetens AB\n"
    )
    body = multipart(
        "mixed",
        "000000000000a1b2c3d4e5f6a7b8",
        [
            gmail_alt(text, "000000000000a1b2c3d4e5f6a7b6"),
            attach(x, XLSX, "Deltagarlista förskolenätverket 2026.xlsx", style="2047"),
        ],
    )
    eml = message(
        std_headers(
            addr("Linnea Holmén", frm, "b"), MAILBOX, subject, date, msgid, subject_style="b"
        ),
        body,
    )
    case(
        "forskola-deltagarlista-extern-avsandare",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="needs_review",
        network="forskola",
        kinds=["member_list"],
        members=members_from(FSK),
        reasons=[
            "a complete member list of the förskola network in an .xlsx",
            "sender edukompetens.se is a consultancy, not a Skaraborg municipality or skaraborg.se",
            "sender not allowed to change the member list -> needs_review",
        ],
        desc="member list sent by an outside consultancy -> parsed but needs_review (sender not allowed)",
    )


def c010():
    date = "2026-06-14 20:31"
    msgid = "<CAJx9vT3kQ2mZr8pL5nW0bY7cF4dH6gS1aE3uV9iK2oM8qR5tA@mail.gmail.com>"
    subject = "Datum grundskolenätverket HT26 (från privata mejlen)"
    frm = "maria.sjoberg74@gmail.com"
    text = """Hej!

Jobbmejlen strular så jag skickar härifrån. Datum för hösten för rektorsnätverket grundskola:

fre 4/9 kl 8.30–11.30 Skövde, Stadshuset
fre 16/10 kl 8.30–11.30 Falköping, Rådhuset
fre 27/11 kl 8.30–11.30 Teams

Mvh Maria Sjöberg
sekreterare rektorsnätverket grundskola
"""
    body = gmail_alt(text, "0000000000009f8e7d6c5b4a3921")
    eml = message(
        std_headers(
            addr("Maria Sjöberg", frm, "b"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("X-Gm-Message-State", "AOJu0YwCorpusFakeState")],
            subject_style="b",
        ),
        body,
    )
    case(
        "grundskola-datum-privat-gmail",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-09-04", "08:30", "11:30", "Skövde, Stadshuset"),
            T("2026-10-16", "08:30", "11:30", "Falköping, Rådhuset"),
            T("2026-11-27", "08:30", "11:30", "Teams"),
        ],
        reasons=[
            "meeting dates for the grundskola network, year 2026 from the June 2026 Date header",
            "sent from a private gmail.com address – not a municipality or skaraborg.se",
            "signed as the secretary, but the sender is not allowed -> needs_review",
        ],
        desc="secretary sends dates from her private Gmail -> needs_review; 'fre 4/9' dates without year",
    )


def c011():
    me = P(ANP, "Hanna Sundqvist")
    date = "2025-11-17 10:02"
    msgid = "<AM9PR09MB4567D00D1234567890ABCDEF654321@AM9PR09MB4567.eurprd09.prod.outlook.com>"
    subject = "Ny deltagare i nätverket Anpassad skola"
    text = """Hej!

Från och med december ersätts Pernilla Ljung (Hjo) av Amanda Krantz, rektor för anpassad grundskola i Hjo, amanda.krantz@hjo.se.

Vänligen uppdatera förteckningen.

/Hanna
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid),
        outlook_alt(text, "_000_AM9PR09MB4567D00D12345678_"),
    )
    case(
        "anpassad-ny-deltagare-ersatter",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="anpassad-skola",
        kinds=["member_list"],
        members=[M("Amanda Krantz", "amanda.krantz@hjo.se", "Hjo", "ledamot")],
        reasons=[
            "a change to the member list: Amanda Krantz (Hjo) replaces Pernilla Ljung",
            "the new member is listed; the removal of Pernilla Ljung cannot be expressed in 'members'",
            "a human must update the stored list -> needs_review",
        ],
        desc="one member replaces another: new member listed, removal needs a human -> needs_review",
    )


# ==========================================================================
# 012-024  Meeting plans (plats och tid för nätverksträffarna)
# ==========================================================================


def c012():
    me = P(FSK, "Åsa Kjellberg")
    date = "2024-12-12 15:47"
    msgid = "<DB9PR02MB7321B1B2B3B4B5B6B7B8B9C0C1C2C3C4@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    subject = "Datum förskolenätverket vårterminen"
    text = """Hej!

Här kommer plats och tid för förskolenätverkets träffar under vårterminen:

Fredag 17/1 kl 9-12, Vara Konserthus, Vara
Fredag 14/3 kl 9-12, Stadshuset, Lidköping
Fredag 16/5 kl 9-15, Kulturhuset, Tibro (heldag med studiebesök)

Väl mött!
Åsa Kjellberg
Sekreterare, Förskolenätverket Skaraborg
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_DB9PR02MB7321B1B2B3B4B5B6_"),
    )
    case(
        "forskola-vt-datum-utan-ar",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-01-17", "09:00", "12:00", "Vara Konserthus, Vara"),
            T("2025-03-14", "09:00", "12:00", "Stadshuset, Lidköping"),
            T("2025-05-16", "09:00", "15:00", "Kulturhuset, Tibro"),
        ],
        reasons=[
            "plan sent in December 2024 for 'vårterminen': 17/1, 14/3, 16/5 are 2025",
            "'Fredag 17/1' is day/month; times 'kl 9-12'",
            "the parenthesis after Tibro is a remark, not the place",
        ],
        desc="spring plan in body sent in December, 'Fredag 17/1 kl 9-12' without year -> next year",
    )


def c013():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-08-15 11:30"
    msgid = "<HE1PR03MB2841A0B1C2D3E4F5061728394A5B6C7D@HE1PR03MB2841.eurprd03.prod.outlook.com>"
    subject = "Mötesplan grundskolenätverket läsåret 2025/2026"
    rows = [
        ["Datum", "Tid", "Plats", "Värdkommun"],
        ["2025-09-12", "08.30–11.30", "Stadshuset, Skövde", "Skövde"],
        ["2025-10-24", "08.30–11.30", "Rådhuset, Falköping", "Falköping"],
        ["2025-12-05", "12.30–15.30", "Teams", "–"],
        ["2026-02-06", "08.30–11.30", "Kommunhuset, Mariestad", "Mariestad"],
        ["2026-04-17", "08.30–11.30", "Stadshuset, Lidköping", "Lidköping"],
        ["2026-06-05", "08.30–14.00", "Hjo Hotell, Hjo", "Hjo"],
    ]
    doc = docx_bytes(
        [
            ("h", "Nätverket Grundskola – mötesplan 2025/2026", 1),
            (
                "p",
                "Samtliga möten kl. 08.30–11.30 om inget annat anges. Junimötet avslutas med lunch.",
            ),
            ("table", rows),
            (
                "p",
                "Ordförande skickar kallelse och dagordning senast en vecka före respektive möte.",
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = (
        "Hej!\n\nBifogar mötesplanen för läsåret.\n\nMvh Maria\nSekreterare, nätverket grundskola\n"
    )
    body = multipart(
        "mixed",
        "_004_HE1PR03MB2841A0B1C2D3E4F5_",
        [
            outlook_alt(text, "_000_HE1PR03MB2841A0B1C2D3E4F5_"),
            attach(doc, DOCX, "Mötesplan_Grundskola_2025-2026.docx", style="2047"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "grundskola-motesplan-docx-tabell",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-09-12", "08:30", "11:30", "Stadshuset, Skövde"),
            T("2025-10-24", "08:30", "11:30", "Rådhuset, Falköping"),
            T("2025-12-05", "12:30", "15:30", "Teams"),
            T("2026-02-06", "08:30", "11:30", "Kommunhuset, Mariestad"),
            T("2026-04-17", "08:30", "11:30", "Stadshuset, Lidköping"),
            T("2026-06-05", "08:30", "14:00", "Hjo Hotell, Hjo"),
        ],
        reasons=[
            "yearly plan as a .docx table Datum/Tid/Plats/Värdkommun",
            "ISO dates, times '08.30–11.30'",
            "Teams meeting: place 'Teams'",
        ],
        desc="yearly meeting plan as a .docx table with ISO dates and '08.30–11.30'",
    )


def c014():
    me = P(INTRO, "Sara Johansson")
    date = "2025-06-10 09:20"
    msgid = "<b7d1e2f3-a4b5-4c6d-8e7f-9a0b1c2d3e4f@skara.se>"
    subject = "Mötesplan IM-nätverket 2025/26"
    plan = [
        (dt.date(2025, 9, 18), "Campus Skövde"),
        (dt.date(2025, 10, 23), "Stadsbiblioteket, Skara"),
        (dt.date(2025, 11, 27), "Kulturhuset, Tidaholm"),
        (dt.date(2026, 1, 22), "Stadshuset, Lidköping"),
        (dt.date(2026, 3, 19), "Rådhuset, Falköping"),
        (dt.date(2026, 5, 21), "Kommunhuset, Mariestad"),
    ]
    rows = [
        ["Nätverket Introduktionsprogrammen – träffar 2025/2026", None, None, None, None],
        [],
        ["Datum", "Veckodag", "Start", "Slut", "Plats"],
    ]
    for d, place in plan:
        rows.append([d, "torsdag", dt.time(13, 0), dt.time(16, 0), place])
    x = xlsx_bytes(
        [
            (
                "Mötesplan",
                rows,
                {
                    "merge": ["A1:E1"],
                    "bold_rows": [1, 3],
                    "formats": {"A": "yyyy-mm-dd", "C": "hh:mm", "D": "hh:mm"},
                    "widths": {"A": 12, "B": 10, "C": 7, "D": 7, "E": 28},
                },
            )
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nMötesplanen för nästa läsår bifogas.\n\nSara\n"
    body = multipart(
        "mixed",
        "------------0z9Y8x7W6v5U4t3S2r1Q",
        [
            text_part(text, format_flowed=True, cte="8bit"),
            attach(x, XLSX, "Mötesplan IM 2025-26.xlsx", style="2231"),
        ],
        preamble="This is a multi-part message in MIME format.",
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
        ),
        body,
    )
    case(
        "intro-motesplan-xlsx-datumceller",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[T(d.isoformat(), "13:00", "16:00", pl) for d, pl in plan],
        reasons=[
            "'IM-nätverket' in subject, 'Introduktionsprogrammen' in the sheet title",
            "xlsx with real date and time cells (Datum, Start, Slut, Plats)",
            "six meetings, 13:00–16:00",
        ],
        desc="yearly plan in .xlsx with real date/time cells and a merged title row",
    )


def c015():
    me = P(VUX, "Mats Lindberg")
    date = "2025-01-20 13:10"
    msgid = "<GV0P278MB0999AB12CD34EF56AB78CD90EF12AB34@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>"
    subject = "Datum för Vux-nätverkets träffar våren 2025"
    rows = [
        ["Datum", "Tid", "Värdkommun/plats"],
        ["Torsdag 6 februari", "kl. 13.00–16.00", "Skövde, Campus Skövde"],
        ["Torsdag 20 mars", "kl. 13.00–16.00", "Lidköping, Lärcenter"],
        ["Onsdag 23 april", "kl. 9.00–12.00", "Teams"],
        ["Torsdag 5 juni", "kl. 10.00–15.00", "Falköping, Lärcentrum"],
    ]
    intro_txt = "Hej!\n\nHär är datumen för nätverket för vuxenutbildning under våren 2025:\n"
    outro_txt = (
        "\nVärdkommunen för respektive möte är sekreterare och skriver protokoll.\n\n"
        "Hälsningar\nMats Lindberg\nOrdförande Vux-nätverket Skaraborg\nVerksamhetschef vuxenutbildningen, Skövde kommun\n"
    )
    text = intro_txt + "\n" + "\n".join("\t".join(r) for r in rows) + "\n" + outro_txt
    html_inner = mso_lines(intro_txt) + mso_table(rows) + mso_lines(outro_txt)
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_GV0P278MB0999AB12CD34EF56_", html_inner),
    )
    case(
        "vux-varens-datum-outlook-tabell",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-02-06", "13:00", "16:00", "Skövde, Campus Skövde"),
            T("2025-03-20", "13:00", "16:00", "Lidköping, Lärcenter"),
            T("2025-04-23", "09:00", "12:00", "Teams"),
            T("2025-06-05", "10:00", "15:00", "Falköping, Lärcentrum"),
        ],
        reasons=[
            "'Vux-nätverkets träffar våren 2025'",
            "Outlook HTML table with 'Torsdag 6 februari' and 'kl. 13.00–16.00'",
            "year 2025 from the subject and the January Date header",
        ],
        desc="spring plan as an Outlook HTML table, weekday + day + month, 'kl. 13.00–16.00'",
    )


def c016():
    me = P(ANP, "Hanna Sundqvist")
    date = "2025-08-22 10:05"
    msgid = "<5A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9@skovde.se>"
    subject = "Mötesdatum nätverket Anpassad skola 2025/2026"
    pdf = pdf_bytes(
        [
            ("h", "Mötesplan – nätverket Anpassad skola, läsåret 2025/2026"),
            ("p", "Nätverket träffas på fredagar. Värdkommunens rektor skriver protokoll."),
            ("gap",),
            ("p", "Fredagen den 26 september 2025, kl. 09.00–12.00, Kommunhuset, Mariestad"),
            ("p", "Fredagen den 21 november 2025, kl. 09.00–12.00, Campus Lidköping"),
            ("p", "Fredagen den 13 februari 2026, kl. 09.00–12.00, Teams"),
            ("p", "Fredagen den 24 april 2026, kl. 09.00–15.00, Hotell Bellevue, Hjo"),
            ("gap",),
            ("p", "Kallelse och dagordning skickas ut av ordförande."),
        ],
        doc_time(date),
    )
    body = multipart(
        "mixed",
        "Apple-Mail=_3C8F2A1E-7B4D-4E9A-9F01-2D3C4B5A6978",
        [
            part(
                [
                    ("Content-Transfer-Encoding", "quoted-printable"),
                    ("Content-Type", "text/plain;\n\tcharset=utf-8"),
                ],
                quopri.encodestring("Hej, bifogar mötesplanen för nätverket.\n\n".encode()),
            ),
            part(
                [
                    (
                        "Content-Disposition",
                        "inline;\n\tfilename*=utf-8''M%C3%B6tesplan%20Anpassad%20skola%2025-26.pdf",
                    ),
                    (
                        "Content-Type",
                        'application/pdf;\n\tx-unix-mode=0644;\n\tname="=?utf-8?Q?M=C3=B6tesplan_Anpassad_skola_25-26.pdf?="',
                    ),
                    ("Content-Transfer-Encoding", "base64"),
                ],
                base64.encodebytes(pdf),
            ),
            part(
                [
                    ("Content-Transfer-Encoding", "quoted-printable"),
                    ("Content-Type", "text/plain;\n\tcharset=utf-8"),
                ],
                quopri.encodestring(
                    "\n\nHälsningar\nHanna Sundqvist\nSekreterare, nätverket Anpassad skola\n".encode()
                ),
            ),
        ],
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "q"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("X-Mailer", "Apple Mail (2.3826.500.181)")],
        ),
        body,
    )
    case(
        "anpassad-motesplan-pdf-inline",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-09-26", "09:00", "12:00", "Kommunhuset, Mariestad"),
            T("2025-11-21", "09:00", "12:00", "Campus Lidköping"),
            T("2026-02-13", "09:00", "12:00", "Teams"),
            T("2026-04-24", "09:00", "15:00", "Hotell Bellevue, Hjo"),
        ],
        reasons=[
            "PDF attached with Content-Disposition inline (Apple Mail) is the meeting plan",
            "'Fredagen den 26 september 2025, kl. 09.00–12.00'",
            "subject names nätverket Anpassad skola",
        ],
        desc="plan as a PDF marked Content-Disposition: inline between two text parts (Apple Mail)",
    )


def c017():
    me = P(GRU, "Anders Nyberg")
    date = "2024-12-04 16:12"
    msgid = "<VE1PR01MB6644C1D2E3F4A5B6C7D8E9F0A1B2C3D4@VE1PR01MB6644.eurprd01.prod.outlook.com>"
    subject = "Grundskolenätverket – datum våren 2025"
    text = """Hej alla!

Här är datumen för grundskolenätverket under våren 2025:

– den 31 januari 2025 klockan 9 till 12, Stadshuset i Skövde (sal Billingen)
– den 14 mars 2025 klockan 13–16 på Teams
– den 23 maj 2025 klockan 9–15 i Stadshuset, Falköping (heldag, lunch ingår)

Jag skickar kallelse och dagordning en vecka innan varje möte.

God jul när den kommer!
Anders Nyberg
Ordförande, rektorsnätverket grundskola
Skövde kommun
"""
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=addr("Maria Sjöberg", "maria.sjoberg@falkoping.se"),
        ),
        outlook_alt(text, "_000_VE1PR01MB6644C1D2E3F4A5B6_"),
    )
    case(
        "grundskola-varens-datum-klockan",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-01-31", "09:00", "12:00", "Stadshuset i Skövde (sal Billingen)"),
            T("2025-03-14", "13:00", "16:00", "Teams"),
            T("2025-05-23", "09:00", "15:00", "Stadshuset, Falköping"),
        ],
        reasons=[
            "'den 31 januari 2025 klockan 9 till 12'",
            "'klockan 13–16 på Teams' -> place Teams",
            "chair (ordförande) sends the dates, secretary in CC",
        ],
        desc="dates in body written 'den 31 januari 2025 klockan 9 till 12', Teams meeting, sent by the chair",
    )


def c018():
    me = P(FSK, "Åsa Kjellberg")
    date = "2025-06-19 14:22"
    msgid = "<DB9PR02MB7321C5C6C7C8C9D0D1D2D3D4D5D6D7D8@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    subject = "Förskolenätverket – träffar hösten 2025"
    odt = odt_bytes(
        [
            ("h", "Förskolenätverket Skaraborg – nätverksträffar hösten 2025"),
            ("p", "Fredag 19 september, 9.00–12.00. Plats: Stadshuset, Hjo"),
            ("p", "Fredag 7 november, 9.00–12.00. Plats: Stadshuset, Skara"),
            ("p", "Fredag 12 december, 9.00–13.00 (inkl. julfika). Plats: Kommunhuset, Götene"),
            (
                "p",
                "Kallelse och dagordning skickas av ordförande senast en vecka före varje träff.",
            ),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nBifogar höstens datum för förskolenätverket.\n\nÅsa\n"
    body = multipart(
        "mixed",
        "_004_DB9PR02MB7321C5C6C7C8C9D0_",
        [
            outlook_alt(text, "_000_DB9PR02MB7321C5C6C7C8C9D0_"),
            attach(odt, ODT, "Träffar HT 2025.odt", style="2047"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "forskola-hostens-traffar-odt",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-09-19", "09:00", "12:00", "Stadshuset, Hjo"),
            T("2025-11-07", "09:00", "12:00", "Stadshuset, Skara"),
            T("2025-12-12", "09:00", "13:00", "Kommunhuset, Götene"),
        ],
        reasons=[
            "autumn plan in an .odt: 'Fredag 19 september, 9.00–12.00. Plats: …'",
            "no year in the lines; heading says hösten 2025",
        ],
        desc="autumn plan in an .odt, 'Fredag 19 september, 9.00–12.00. Plats: …'",
    )


def c019():
    me = P(INTRO, "Sara Johansson")
    date = "2024-09-02 14:05"
    msgid = "<e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7@skara.se>"
    subject = "Datum läsåret 24/25 – Introduktionsprogrammen"
    text = """Hej alla i IM-nätverket!

Datum för läsåret 24/25. Vi träffas på torsdagar kl 13–16 i Skövde, Kulturhuset om inget annat sägs.

Datum: 19/9, 17/10, 21/11, 12/12, 23/1, 20/2, 27/3 och 22/5 (den 22/5 i Lidköping, Stadshuset).

Hälsningar
Sara
"""
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            "IM-natverket Skaraborg <im-natverket@skara.se>",
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
            cc=MAILBOX,
        ),
        text_part(text, format_flowed=True, cte="8bit"),
    )
    dates = [
        "2024-09-19",
        "2024-10-17",
        "2024-11-21",
        "2024-12-12",
        "2025-01-23",
        "2025-02-20",
        "2025-03-27",
    ]
    meetings = [T(d, "13:00", "16:00", "Skövde, Kulturhuset") for d in dates]
    meetings.append(T("2025-05-22", "13:00", "16:00", "Lidköping, Stadshuset"))
    case(
        "intro-lasarsdatum-over-arsskiftet",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=meetings,
        reasons=[
            "one shared time and place, then a list of day/month dates",
            "sent September 2024: Sep–Dec are 2024, Jan–May are 2025",
            "exception: 22/5 in Lidköping, Stadshuset",
            "utbildning@ in CC",
        ],
        desc="school-year plan '19/9, 17/10 … 22/5' crossing the year boundary, shared time/place, one exception",
    )


def c020():
    me = P(VUX, "Jörgen Palm")
    date = "2025-08-11 09:05"
    msgid = "<VI1PR07MB5530E1E2E3E4E5E6E7E8E9F0F1F2F3F4@VI1PR07MB5530.eurprd07.prod.outlook.com>"
    subject = "Vux-nätverket HT 2025"
    text = """Hej!

Vux-nätverkets träffar HT 2025:

• 28 aug, 13:00 - 15.30, Lärcentrum, Falköping
• 18 sept., 08.30-12.15, Stadshuset, Skara
• 9 okt kl 9–12, Teams
• 27 nov. kl. 13-16, Vuxenutbildningen, Tidaholm
• 11 dec 9.00–11.30, Campus Mariestad

Värdkommunen skriver protokoll.
/Jörgen
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_VI1PR07MB5530E1E2E3E4E5E6_"),
    )
    case(
        "vux-ht-blandade-tidsformat",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-08-28", "13:00", "15:30", "Lärcentrum, Falköping"),
            T("2025-09-18", "08:30", "12:15", "Stadshuset, Skara"),
            T("2025-10-09", "09:00", "12:00", "Teams"),
            T("2025-11-27", "13:00", "16:00", "Vuxenutbildningen, Tidaholm"),
            T("2025-12-11", "09:00", "11:30", "Campus Mariestad"),
        ],
        reasons=[
            "abbreviated months '28 aug', '18 sept.', '27 nov.'",
            "time styles '13:00 - 15.30', '08.30-12.15', 'kl 9–12'",
            "year 2025 from subject/Date",
        ],
        desc="autumn plan with every time style ('13:00 - 15.30', '08.30-12.15') and abbreviated months",
    )


def c021():
    me = P(ANP, "Gunilla Rydén")
    date = "2025-09-01 10:00"
    msgid = "<AS8PR04MB8123F00BA4C1D2E3F4A5B6C7D8E9F0A1@AS8PR04MB8123.eurprd04.prod.outlook.com>"
    subject = "Inbjudan: nätverksdagar Anpassad skola 2–3 oktober"
    text = """Hej alla!

Välkomna till nätverksdagar för nätverket Anpassad skola!

Tid: torsdag 2 oktober kl. 10.00 – fredag 3 oktober kl. 15.00
Plats: Hotell Bellevue, Hjo

Program och dagordning skickas i slutet av september. Meddela eventuella kostönskemål till mig senast den 19 september.

Hälsningar
Gunilla Rydén
Ordförande, nätverket Anpassad skola
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_AS8PR04MB8123F00BA4C1D2E3_"),
    )
    case(
        "anpassad-natverksdagar-over-tva-dagar",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[T("2025-10-02", "10:00", "15:00", "Hotell Bellevue, Hjo")],
        reasons=[
            "one meeting over two days: date is the first day, start on day 1, end on day 2",
            "'senast den 19 september' is a deadline, not a meeting",
            "no dagordning yet ('skickas i slutet av september') -> not an agenda",
        ],
        desc="a two-day meeting 'torsdag 2 oktober kl. 10.00 – fredag 3 oktober kl. 15.00' plus a deadline date",
    )


def c022():
    me = P(GRU, "Maria Sjöberg")
    date = "2024-09-05 07:58"
    msgid = "<0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f@falkoping.se>"
    subject = "datum HT"
    text = "Datum natverket grundskola HT\n\n13/9 Skövde\n18/10 Falköping\n22/11 Teams\n13/12 Lidköping\n\n/Maria\n"
    eml = message(
        std_headers(addr(me["name"], me["email"]), MAILBOX, subject, date, msgid),
        text_part(text, cte="quoted-printable"),
    )
    case(
        "grundskola-kortfattad-datumlista",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2024-09-13", None, None, "Skövde"),
            T("2024-10-18", None, None, "Falköping"),
            T("2024-11-22", None, None, "Teams"),
            T("2024-12-13", None, None, "Lidköping"),
        ],
        reasons=[
            "terse list: day/month + place, no times -> start/end null",
            "'natverket grundskola' (typo without ä) names the network",
            "HT sent in September 2024 -> 2024",
        ],
        desc="terse secretary: subject 'datum HT', lines '13/9 Skövde', no times, typo 'natverket'",
    )


def c023():
    me = P(INTRO, "Håkan Nilsson")
    date = "2025-11-12 15:33"
    msgid = "<CAF8kQ1x2Yz3W4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9G0f@mail.gmail.com>"
    subject = "Välkomna till Tidaholm 27/11 – IM-nätverket"
    text = """Hej alla!

Varmt välkomna till Tidaholm på torsdag 27 november kl 13–16. Vi ses i Kulturhuset, Tidaholm (ingång från torget). Fika från 12.45.

Hälsningar
Håkan Nilsson
Rektor introduktionsprogrammen, Tidaholms kommun
"""
    body = gmail_alt(text, "000000000000c4d5e6f7a8b9c0d1")
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            "im-natverket@skara.se",
            subject,
            date,
            msgid,
            subject_style="b",
            cc=MAILBOX,
        ),
        body,
    )
    case(
        "intro-vardkommun-valkomnar-gmail",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[T("2025-11-27", "13:00", "16:00", "Kulturhuset, Tidaholm")],
        reasons=[
            "host municipality announces place and time, Gmail multipart/alternative",
            "'Fika från 12.45' is coffee before the meeting; the meeting is 13–16",
            "no dagordning -> meeting_dates only",
        ],
        desc="host principal's Gmail invitation, 'torsdag 27 november kl 13–16', fika time is not the start",
    )


def c024():
    me = P(FSK, "Åsa Kjellberg")
    date = "2025-10-29 18:47"
    msgid = "<8B1C2D3E-4F50-4A6B-9C7D-8E9F0A1B2C3D@vara.se>"
    subject = "Ändrad plats 7/11"
    text = (
        "Hej! Förskolenätverkets träff fredag 7 nov blir på Kommunhuset i Götene istället för i Skara. "
        "Tid som vanligt kl 9-12.\nMvh Åsa\n\nSkickat från min iPhone"
    )
    eml = message(
        [
            ("Content-Type", "text/plain;\n\tcharset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("From", addr(me["name"], me["email"], "q")),
            ("Mime-Version", "1.0 (1.0)"),
            ("Subject", subj_hdr(subject)),
            ("Date", date_hdr(date)),
            ("Message-Id", msgid),
            ("To", MAILBOX),
            ("X-Mailer", "iPhone Mail (22A3354)"),
        ],
        b"\n" + quopri.encodestring(text.encode()) + b"\n",
        mime=False,
    )
    case(
        "forskola-andrad-plats-iphone",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[T("2025-11-07", "09:00", "12:00", "Kommunhuset i Götene")],
        reasons=[
            "iPhone plain text, 'Skickat från min iPhone'",
            "new place for the meeting of 7 November (2025 from Date)",
            "'Tid som vanligt kl 9-12' gives the time",
        ],
        desc="iPhone mail changing the place of one meeting ('fredag 7 nov', 'kl 9-12')",
    )


# ==========================================================================
# 025-027  Moved and cancelled meetings
# ==========================================================================


def c025():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-03-03 08:30"
    msgid = "<HE1PR03MB2841F1F2F3F4F5F6F7F8F9A0A1A2A3A4@HE1PR03MB2841.eurprd03.prod.outlook.com>"
    subject = "Mötet 14 mars flyttas"
    text = """Hej!

Mötet den 14 mars flyttas till 21 mars. Tiden är densamma, kl. 13–16, men vi ses i Stadshuset, Skövde i stället för på Teams.

/Maria Sjöberg, sekr. grundskolenätverket
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_HE1PR03MB2841F1F2F3F4F5F6_"),
    )
    case(
        "grundskola-mote-flyttas",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates"],
        meetings=[T("2025-03-21", "13:00", "16:00", "Stadshuset, Skövde")],
        reasons=[
            "'Mötet den 14 mars flyttas till 21 mars': the meeting is now 21 March 2025",
            "the old date 14 March is not a meeting any more",
            "time kl. 13–16 and new place given",
        ],
        desc="moved meeting 'Mötet den 14 mars flyttas till 21 mars' with new place",
    )


def c026():
    me = P(FSK, "Karin Lindqvist")
    date = "2026-02-02 07:45"
    msgid = "<PA4PR08MB6012AA11BB22CC33DD44EE55FF667788@PA4PR08MB6012.eurprd08.prod.outlook.com>"
    subject = "INSTÄLLT: Förskolenätverket fredag 6/2"
    text = """Hej alla!

Tyvärr måste vi ställa in fredagens nätverksträff (6/2) på grund av sjukdom i presidiet. Vi återkommer om nytt datum.

/Karin Lindqvist, ordförande
"""
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=addr("Åsa Kjellberg", "asa.kjellberg@vara.se"),
        ),
        outlook_alt(text, "_000_PA4PR08MB6012AA11BB22CC33_"),
    )
    case(
        "forskola-mote-installt",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[],
        reasons=[
            "the meeting of Friday 6 February 2026 is cancelled, no new date",
            "a cancelled meeting is not a meeting to register; removing it from the store needs a human",
            "-> needs_review",
        ],
        desc="cancelled meeting without a new date -> no meetings, needs_review",
    )


def c027():
    me = P(VUX, "Ingrid Thorén")
    mats = P(VUX, "Mats Lindberg")
    date = "2025-03-12 16:02"
    msgid = "<GV0P278MB0816A9A8A7A6A5A4A3A2A1A0B9B8B7B6@GV0P278MB0816.CHEP278.PROD.OUTLOOK.COM>"
    orig_id = "<GV0P278MB0999AB12CD34EF56AB78CD90EF12AB34@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>"
    subject = "SV: Datum för Vux-nätverkets träffar våren 2025"
    new = (
        "Hej!\n\nVi behöver flytta aprilträffen från onsdag 23 april till torsdag 24 april, fortfarande kl. 9–12 "
        "på Teams. Övriga datum ligger fast.\n\n/Ingrid\n"
    )
    old = (
        "Hej!\n\nHär är datumen för nätverket för vuxenutbildning under våren 2025:\n\n"
        "Torsdag 6 februari\tkl. 13.00–16.00\tSkövde, Campus Skövde\n"
        "Torsdag 20 mars\tkl. 13.00–16.00\tLidköping, Lärcenter\n"
        "Onsdag 23 april\tkl. 9.00–12.00\tTeams\n"
        "Torsdag 5 juni\tkl. 10.00–15.00\tFalköping, Lärcentrum\n\n"
        "Hälsningar\nMats Lindberg\nOrdförande Vux-nätverket Skaraborg\n"
    )
    qargs = (
        f"Mats Lindberg <{mats['email']}>",
        "den 20 januari 2025 13:10",
        "Utbildning Skaraborg <utbildning@skaraborg.se>",
        "Datum för Vux-nätverkets träffar våren 2025",
        old,
    )
    text = new + "\n" + outlook_quote_text(*qargs)
    html_inner = mso_lines(new) + outlook_quote_html(*qargs)
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [("In-Reply-To", orig_id), ("References", orig_id)] + OUTLOOK_X[2:],
            cc=addr(mats["name"], mats["email"]),
        ),
        outlook_alt(text, "_000_GV0P278MB0816A9A8A7A6A5A4_", html_inner),
    )
    case(
        "vux-svar-flyttar-aprilmotet",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[T("2025-04-24", "09:00", "12:00", "Teams")],
        reasons=[
            "reply (SV:) moving the April meeting from 23 to 24 April 2025, kl. 9–12, Teams",
            "the quoted Outlook message ('Från: … Skickat: …') holds the old plan: not this mail's meetings",
            "'Övriga datum ligger fast' re-announces nothing new",
        ],
        desc="Outlook reply moving one meeting; the quoted original plan's dates must not be extracted",
    )


# ==========================================================================
# 028-037  Protocols and minnesanteckningar
# ==========================================================================


def c028():
    me = P(FSK, "Åsa Kjellberg")
    date = "2025-03-18 10:20"
    msgid = "<DB9PR02MB7321E0E1E2E3E4E5E6E7E8E9F0F1F2F3@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    subject = "Minnesanteckningar förskolenätverket 14 mars"
    present = [
        "Karin Lindqvist, Lidköping (ordf.)",
        "Åsa Kjellberg, Vara (sekr.)",
        "Mikael Bergström, Tibro",
        "Helena Forsberg, Skövde",
        "Jonas Wikström, Falköping",
        "Annika Lundgren, Mariestad",
        "Ulrika Blom, Götene",
        "Sofia Hedlund, Skara",
        "Linda Persson, Essunga",
        "Cecilia Nordin, Grästorp",
    ]
    doc = docx_bytes(
        [
            ("h", "Minnesanteckningar – Förskolenätverket Skaraborg", 1),
            ("p", "Datum: fredag 14 mars 2025, kl. 09.00–12.00"),
            ("p", "Plats: Stadshuset, Lidköping"),
            ("b", "Närvarande"),
            ("bullets", present),
            ("b", "Anmält förhinder"),
            ("p", "Therese Dahl, Tidaholm; Malin Eriksson, Hjo; Kristina Wallin, Gullspång"),
            ("b", "Frånvarande"),
            ("p", "Jenny Lindholm, Karlsborg; Marie Fransson, Töreboda"),
            ("h", "1. Mötets öppnande", 2),
            ("p", "Karin hälsade alla välkomna och dagordningen godkändes."),
            ("h", "2. Språkutvecklande arbete", 2),
            (
                "p",
                "Helena presenterade Skövdes arbete med läsfrämjande i förskolan. Erfarenheterna sammanställs av presidiet.",
            ),
            ("h", "3. Övergångar förskola–förskoleklass", 2),
            ("p", "Diskussion om en gemensam överlämningsmall. Presidiet tar fram ett förslag."),
            ("h", "4. Nästa möte", 2),
            ("p", "Nästa möte: fredag 16 maj kl. 9.00–15.00, Kulturhuset, Tibro."),
            ("p", "Vid anteckningarna: Åsa Kjellberg"),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = (
        "Hej!\n\nHär kommer minnesanteckningarna från träffen i fredags. De läggs även ut på utbildningskaraborg.se.\n\n"
        "/Åsa\n"
    )
    body = multipart(
        "mixed",
        "_004_DB9PR02MB7321E0E1E2E3E4E5_",
        [
            outlook_alt(text, "_000_DB9PR02MB7321E0E1E2E3E4E5_"),
            attach(doc, DOCX, "Minnesanteckningar 2025-03-14.docx", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    att = [
        "Karin Lindqvist",
        "Åsa Kjellberg",
        "Mikael Bergström",
        "Helena Forsberg",
        "Jonas Wikström",
        "Annika Lundgren",
        "Ulrika Blom",
        "Sofia Hedlund",
        "Linda Persson",
        "Cecilia Nordin",
    ]
    case(
        "forskola-minnesanteckningar-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-03-14", "09:00", "12:00", "Stadshuset, Lidköping"),
            T("2025-05-16", "09:00", "15:00", "Kulturhuset, Tibro"),
        ],
        protocol=proto("2025-03-14", att),
        reasons=[
            "minnesanteckningar (.docx) of the meeting of 14 March 2025",
            "attendees from 'Närvarande'; 'Anmält förhinder' and 'Frånvarande' are not attendees",
            "'Nästa möte: fredag 16 maj kl. 9.00–15.00' announces the next meeting",
        ],
        desc="minnesanteckningar .docx: Närvarande bullets, Anmält förhinder, Frånvarande, Nästa möte",
    )


def c029():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-05-28 13:45"
    msgid = "<HE1PR03MB2841B0B1B2B3B4B5B6B7B8B9C0C1C2C3@HE1PR03MB2841.eurprd03.prod.outlook.com>"
    subject = "Protokoll nätverk grundskola 2025-05-23"
    pdf = pdf_bytes(
        [
            ("h", "PROTOKOLL"),
            ("b", "Nätverket Grundskola Skaraborg"),
            ("p", "Tid: 2025-05-23 kl. 09.00–15.00"),
            ("p", "Plats: Stadshuset, Falköping"),
            ("gap",),
            ("b", "Närvarande:"),
            (
                "p",
                "Anders Nyberg (Skövde), ordförande; Maria Sjöberg (Falköping), sekreterare; Peter Sandberg (Mariestad); "
                "Lena Åberg (Lidköping); Erik Holm (Hjo); Camilla Strand (Skara); Fredrik Öberg (Vara); "
                "Magnus Engström (Tibro); Niklas Hammar (Götene)",
            ),
            ("b", "Frånvarande:"),
            (
                "p",
                "Henrik Sjödin (Tidaholm), Stefan Ahlqvist (Töreboda), Ola Granqvist (Karlsborg), "
                "Patrik Söderlund (Gullspång), Tobias Björk (Essunga), Daniel Ekman (Grästorp)",
            ),
            ("gap",),
            ("b", "§ 1 Mötets öppnande"),
            ("p", "Ordföranden öppnade mötet."),
            ("b", "§ 2 Föregående protokoll"),
            ("p", "Protokollet från 2025-03-21 lades till handlingarna."),
            ("b", "§ 3 Skolnärvaro"),
            (
                "p",
                "Kommunerna redovisade nuläget. Tibro och Vara delar sina rutiner för tidiga insatser.",
            ),
            ("b", "§ 4 Rekrytering av legitimerad personal"),
            ("p", "Diskussion om gemensam annonsering i Skaraborg."),
            ("b", "§ 5 Återrapportering"),
            ("p", "Ordföranden återrapporterar till skolchefsnätverket i juni."),
            ("b", "§ 6 Nästa möte"),
            ("p", "Enligt mötesplanen för läsåret 2025/2026 som skickas ut i augusti."),
            ("gap",),
            ("p", "Vid protokollet: Maria Sjöberg          Justeras: Anders Nyberg"),
        ],
        doc_time(date),
    )
    text = "Hej,\n\nProtokollet från nätverksträffen i Falköping bifogas.\n\nMvh Maria Sjöberg\n"
    body = multipart(
        "mixed",
        "_004_HE1PR03MB2841B0B1B2B3B4B5_",
        [
            outlook_alt(text, "_000_HE1PR03MB2841B0B1B2B3B4B5_"),
            attach(pdf, PDF, "Protokoll 2025-05-23.pdf", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    att = [
        "Anders Nyberg",
        "Maria Sjöberg",
        "Peter Sandberg",
        "Lena Åberg",
        "Erik Holm",
        "Camilla Strand",
        "Fredrik Öberg",
        "Magnus Engström",
        "Niklas Hammar",
    ]
    case(
        "grundskola-protokoll-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2025-05-23", "09:00", "15:00", "Stadshuset, Falköping")],
        protocol=proto("2025-05-23", att),
        reasons=[
            "PDF protocol with text layer, meeting 2025-05-23 kl. 09.00–15.00",
            "attendees from 'Närvarande:', not 'Frånvarande:'",
            "'Protokollet från 2025-03-21' refers to an earlier meeting, not one this mail records",
            "next meeting only 'enligt mötesplanen' -> no new date",
        ],
        desc="PDF protocol (§-style) with Närvarande/Frånvarande, a reference to an older protocol date, no next date",
    )


def c030():
    me = P(INTRO, "Sara Johansson")
    date = "2025-10-27 09:10"
    msgid = "<d4c3b2a1-f0e9-4d8c-b7a6-958473625140@skara.se>"
    subject = "Protokoll IM-nätverket 23/10"
    rows = [
        ["Namn", "Kommun", "Närvarande"],
        ["Johan Ekström", "Lidköping", "Ja"],
        ["Martin Lövgren", "Skövde", "Ja"],
        ["Sara Johansson", "Skara", "Ja"],
        ["Ida Backman", "Falköping", "Nej"],
        ["Katarina Eklund", "Mariestad", "Ja"],
        ["Håkan Nilsson", "Tidaholm", "Ja"],
        ["Louise Hermansson", "Vara", "Nej"],
        ["Mattias Wennberg", "Tibro", "Ja"],
        ["Jeanette Axelsson", "Hjo", "Ja"],
        ["Christer Almqvist", "Skaraborgs Kommunalförbund", "Ja"],
    ]
    doc = docx_bytes(
        [
            ("h", "Protokoll – Nätverket för Introduktionsprogrammen", 1),
            ("p", "Datum: torsdag 23 oktober 2025 kl. 13.00–16.00"),
            ("p", "Plats: Stadsbiblioteket, Skara"),
            ("b", "Närvarolista"),
            ("table", rows),
            ("p", "Förhinder: Ida Backman, Louise Hermansson"),
            (
                "numbered",
                [
                    "Skolnärvaro – varje kommun redovisade sina närvarosiffror för september.",
                    "IMV – fler elever ska kunna följa ett nationellt program; Lidköping delar sin modell.",
                    "Kompetensutvecklingsplan 2025 – presidiet sammanställer synpunkterna.",
                    "Samverkan med Vux-nätverket kring yrkesutbildningar – presidierna träffas under hösten.",
                ],
            ),
            ("p", "Nästa möte: torsdag 27/11 kl 13–16, Kulturhuset, Tidaholm."),
            ("p", "Sekreterare: Sara Johansson"),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nProtokollet från torsdagens möte bifogas.\n\nSara\n"
    body = multipart(
        "mixed",
        "------------H7g6F5e4D3c2B1a0Z9y8",
        [
            text_part(text, format_flowed=True, cte="8bit"),
            attach(doc, DOCX, "Protokoll IM-nätverket 2025-10-23.docx", style="2231"),
        ],
        preamble="This is a multi-part message in MIME format.",
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
        ),
        body,
    )
    att = [
        "Johan Ekström",
        "Martin Lövgren",
        "Sara Johansson",
        "Katarina Eklund",
        "Håkan Nilsson",
        "Mattias Wennberg",
        "Jeanette Axelsson",
        "Christer Almqvist",
    ]
    case(
        "intro-protokoll-narvarotabell-ja-nej",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-10-23", "13:00", "16:00", "Stadsbiblioteket, Skara"),
            T("2025-11-27", "13:00", "16:00", "Kulturhuset, Tidaholm"),
        ],
        protocol=proto("2025-10-23", att),
        reasons=[
            "protocol .docx with a 'Närvarolista' table: Närvarande Ja/Nej",
            "attendees are the 'Ja' rows; 'Nej' rows are the same people as 'Förhinder'",
            "'Nästa möte: torsdag 27/11 kl 13–16' -> 2025-11-27",
        ],
        desc="protocol .docx whose attendance is a table with Ja/Nej, plus Förhinder and Nästa möte '27/11'",
    )


def c031():
    me = P(ANP, "Björn Ängström")
    date = "2025-11-26 15:30"
    msgid = "<AM0PR03MB5123ABCDEF0123456789ABCDEF012345@AM0PR03MB5123.eurprd03.prod.outlook.com>"
    subject = "Protokoll nätverket Anpassad skola fredagen den 21 november"
    text = """Hej!

Som värd för senaste träffen skickar jag här protokollet.

PROTOKOLL – Nätverket Anpassad skola
Fredagen den 21 november 2025, kl. 9–12, Campus Lidköping

Närvarande: Gunilla Rydén (ordf.), Hanna Sundqvist, Björn Ängström (värd, protokoll), Elin Gustavsson, Jessica Mårtensson, Susanne Borg, Anneli Carlsson
Frånvarande: Roger Falk, Lars Olausson, Pernilla Ljung

1. Elevhälsans kompetens inom anpassade skolformer
Skövde och Tibro berättade om sina elevhälsoteam. Behov av gemensam fortbildning.

2. Programutbud i anpassad gymnasieskola
Kartläggning av programmen i Skaraborg fortsätter. Hanna sammanställer.

3. Övrigt
Inga övriga frågor.

Nästa träff: fredag 13 februari kl 9–12 på Teams.

Vid protokollet
Björn Ängström
Rektor anpassad grundskola, Lidköpings kommun
"""
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=addr("Hanna Sundqvist", "hanna.sundqvist@skovde.se"),
        ),
        outlook_alt(text, "_000_AM0PR03MB5123ABCDEF012345_"),
    )
    att = [
        "Gunilla Rydén",
        "Hanna Sundqvist",
        "Björn Ängström",
        "Elin Gustavsson",
        "Jessica Mårtensson",
        "Susanne Borg",
        "Anneli Carlsson",
    ]
    case(
        "anpassad-protokoll-brodtext-vardrektor",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-11-21", "09:00", "12:00", "Campus Lidköping"),
            T("2026-02-13", "09:00", "12:00", "Teams"),
        ],
        protocol=proto("2025-11-21", att),
        reasons=[
            "protocol in the body, written by the hosting principal (as the mission says)",
            "roles in parentheses are not part of the names",
            "Frånvarande not attendees",
            "'Nästa träff: fredag 13 februari' -> 2026 (mail sent November 2025)",
        ],
        desc="protocol in the body by the host principal, 'Fredagen den 21 november 2025, kl. 9–12', next 13 Feb -> 2026",
    )


def c032():
    me = P(VUX, "Kristoffer Dahlin")
    date = "2025-12-02 11:11"
    msgid = "<CAKd9Zx1w2V3u4T5s6R7q8P9o0N1m2L3k4J5i6H7g8F9e0D@mail.gmail.com>"
    subject = "Protokoll Vux-nätverket 27 november 2025"
    pdf = pdf_bytes(
        [
            ("h", "Protokoll fört vid nätverksträff"),
            ("b", "Nätverket för vuxenutbildning i Skaraborg"),
            ("p", "Datum: 2025-11-27"),
            ("p", "Tid: 13.00–16.00"),
            ("p", "Plats: Vuxenutbildningen, Tidaholm"),
            ("gap",),
            ("b", "Närvarande"),
            (
                "table",
                [
                    ["Namn", "Kommun"],
                    ["Mats Lindberg (ordf.)", "Skövde"],
                    ["Ingrid Thorén", "Lidköping"],
                    ["Jörgen Palm", "Falköping"],
                    ["Nina Ståhl", "Mariestad"],
                    ["Robert Isaksson", "Skara"],
                    ["Kristoffer Dahlin (sekr.)", "Tidaholm"],
                    ["Monica Hellström", "Götene"],
                    ["Sven-Erik Bohlin", "Töreboda"],
                    ["Agneta Wiklund", "Hjo"],
                    ["Lisbeth Ohlsson", "Grästorp"],
                    ["Pia Nordqvist", "Gullspång"],
                ],
                (80, 60),
            ),
            ("b", "Anmält förhinder"),
            (
                "p",
                "Birgitta Lööf (Vara), Emil Rask (Tibro), Tomas Grahn (Essunga), Veronica Moberg (Karlsborg)",
            ),
            ("gap",),
            ("b", "1. Lärcenter – regional samverkan"),
            ("p", "Presidiet redovisade nuläget i utredningen."),
            ("b", "2. Yrkesutbildning med språkstöd"),
            ("p", "Arbetsgruppen fortsätter enligt plan."),
            ("b", "3. Nästa möte"),
            ("p", "Nästa möte: 2025-12-11 kl. 09.00–11.30, Campus Mariestad (värd: Mariestad)."),
            ("gap",),
            ("p", "Sekreterare (värdkommun Tidaholm): Kristoffer Dahlin"),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nBifogar protokollet från Vux-nätverkets träff i Tidaholm.\n\nHälsningar\nKristoffer Dahlin\nTidaholms kommun\n"
    body = multipart(
        "mixed",
        "000000000000e5f6a7b8c9d0e1f2",
        [
            gmail_alt(text, "000000000000e5f6a7b8c9d0e1f0"),
            attach(pdf, PDF, "Protokoll_Vuxnätverket_251127.pdf", style="2047"),
        ],
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"), MAILBOX, subject, date, msgid, subject_style="b"
        ),
        body,
    )
    att = [
        "Mats Lindberg",
        "Ingrid Thorén",
        "Jörgen Palm",
        "Nina Ståhl",
        "Robert Isaksson",
        "Kristoffer Dahlin",
        "Monica Hellström",
        "Sven-Erik Bohlin",
        "Agneta Wiklund",
        "Lisbeth Ohlsson",
        "Pia Nordqvist",
    ]
    case(
        "vux-protokoll-pdf-vardkommun",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-11-27", "13:00", "16:00", "Vuxenutbildningen, Tidaholm"),
            T("2025-12-11", "09:00", "11:30", "Campus Mariestad"),
        ],
        protocol=proto("2025-11-27", att),
        reasons=[
            "PDF protocol written by the host municipality (Tidaholm) as secretary",
            "Närvarande as a PDF table; '(ordf.)'/'(sekr.)' are not part of names",
            "'Anmält förhinder' not attendees",
            "'Nästa möte: 2025-12-11 kl. 09.00–11.30'",
        ],
        desc="PDF protocol by the host municipality (Gmail), Närvarande as a table, Anmält förhinder, Nästa möte",
    )


def c033():
    me = P(ANP, "Gunilla Rydén")
    date = "2025-09-29 08:40"
    msgid = "<AS8PR04MB8123AB01CD23EF45AB67CD89EF01AB23@AS8PR04MB8123.eurprd04.prod.outlook.com>"
    subject = "Minnesanteckningar Anpassad skola 26/9"
    present = [
        "Gunilla Rydén, Mariestad (ordförande, värd)",
        "Hanna Sundqvist, Skövde",
        "Björn Ängström, Lidköping",
        "Elin Gustavsson, Falköping",
        "Roger Falk, Vara",
        "Susanne Borg, Tidaholm",
        "Lars Olausson, Götene",
        "Pernilla Ljung, Hjo",
        "Anneli Carlsson, Tibro",
    ]
    odt = odt_bytes(
        [
            ("h", "Minnesanteckningar nätverket Anpassad skola"),
            ("p", "Fredag 26 september 2025 kl. 09.00–12.00, Kommunhuset, Mariestad"),
            ("b", "Närvarande"),
        ]
        + [("p", x) for x in present]
        + [
            ("b", "Förhinder"),
            ("p", "Jessica Mårtensson, Skara"),
            ("b", "1. Rektorsrollen i anpassade skolformer"),
            (
                "p",
                "Erfarenhetsutbyte om rektors uppdrag. Förslag på gemensam rektorsdag under våren.",
            ),
            ("b", "2. Elevers resultat och progression"),
            ("p", "Kommunerna delar sina uppföljningsmodeller till nästa gång."),
            ("b", "Nästa möte"),
            ("p", "Nätverksdagarna 2–3 oktober på Hotell Bellevue, Hjo."),
        ],
        doc_time(date),
    )
    text = "Hej!\n\nMinnesanteckningar från fredagens träff i Mariestad bifogas.\n\nGunilla\n"
    body = multipart(
        "mixed",
        "_004_AS8PR04MB8123AB01CD23EF45_",
        [
            outlook_alt(text, "_000_AS8PR04MB8123AB01CD23EF45_"),
            attach(odt, ODT, "Minnesanteckningar 250926.odt", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    att = [
        "Gunilla Rydén",
        "Hanna Sundqvist",
        "Björn Ängström",
        "Elin Gustavsson",
        "Roger Falk",
        "Susanne Borg",
        "Lars Olausson",
        "Pernilla Ljung",
        "Anneli Carlsson",
    ]
    case(
        "anpassad-minnesanteckningar-odt",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-09-26", "09:00", "12:00", "Kommunhuset, Mariestad"),
            T("2025-10-02", None, None, "Hotell Bellevue, Hjo"),
        ],
        protocol=proto("2025-09-26", att),
        reasons=[
            "minnesanteckningar in .odt, one attendee per paragraph",
            "'Förhinder' is not attendance",
            "next meeting is the two-day meeting 2–3 October: date = first day, no time given",
        ],
        desc="minnesanteckningar .odt, Förhinder, next meeting is a two-day range '2–3 oktober' without times",
    )


def c034():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-10-30 14:05"
    msgid = "<HE1PR03MB2841C0C1C2C3C4C5C6C7C8C9D0D1D2D3@HE1PR03MB2841.eurprd03.prod.outlook.com>"
    subject = "Protokoll grundskolenätverket 24 oktober (inskannat)"
    lines = [
        "PROTOKOLL Natverket Grundskola",
        "Datum 2025-10-24  kl 08.30-11.30",
        "Plats Radhuset Falkoping",
        "",
        "Narvarande",
        "Anders Nyberg  Maria Sjoberg  Peter Sandberg",
        "Lena Aberg  Erik Holm  Camilla Strand",
        "",
        "1 Motets oppnande",
        "2 Skolnarvaro",
        "3 Nyanlandas mottagande",
        "",
        "Justeras",
        "_______________   _______________",
    ]
    pdf = scanned_pdf_bytes(lines, doc_time(date))
    text = (
        "Hej!\n\nBifogar det påskrivna protokollet från nätverksträffen den 24 oktober i Falköping, inskannat.\n\n"
        "/Maria\n"
    )
    body = multipart(
        "mixed",
        "_004_HE1PR03MB2841C0C1C2C3C4C5_",
        [
            outlook_alt(text, "_000_HE1PR03MB2841C0C1C2C3C4C5_"),
            attach(pdf, PDF, "Skanna_20251030_140112.pdf", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "grundskola-protokoll-inskannad-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="grundskola",
        kinds=["protocol"],
        meetings=[T("2025-10-24", None, None, "Falköping")],
        protocol=proto("2025-10-24", []),
        reasons=[
            "the protocol PDF is a scan without a text layer: attendees cannot be read",
            "the body says which meeting it records: 24 October (2025) in Falköping",
            "-> needs_review (scan)",
        ],
        desc="scanned PDF protocol (image only): meeting date from the body, attendees unknown -> needs_review",
    )


def c035():
    me = P(VUX, "Nina Ståhl")
    date = "2025-12-15 10:30"
    msgid = "<DU0PR05MB9876FEDCBA9876543210FEDCBA987654@DU0PR05MB9876.eurprd05.prod.outlook.com>"
    subject = "Protokoll Vux 11/12"
    pdf = pdf_bytes(
        [
            ("h", "Protokoll – Nätverket för vuxenutbildning"),
            ("p", "Datum: 2025-12-11, kl. 09.00–11.30"),
            ("p", "Plats: Campus Mariestad"),
            ("b", "Närvarande"),
            (
                "p",
                "Mats Lindberg, Ingrid Thorén, Jörgen Palm, Nina Ståhl, Robert Isaksson, Birgitta Lööf, Emil Rask",
            ),
            ("b", "Anmält förhinder"),
            ("p", "Kristoffer Dahlin, Monica Hellström"),
        ],
        doc_time(date),
        encrypt_password="Vux2025!",
    )
    text = (
        "Hej,\n\nhär kommer protokollet från nätverksträffen i Mariestad den 11 december. "
        "Lösenordet skickas i ett separat mejl.\n\nNina Ståhl\nVuxenutbildningen, Mariestads kommun\n"
    )
    body = multipart(
        "mixed",
        "_004_DU0PR05MB9876FEDCBA987654_",
        [
            outlook_alt(text, "_000_DU0PR05MB9876FEDCBA987654_"),
            attach(pdf, PDF, "Protokoll Vux 2025-12-11.pdf", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "vux-protokoll-krypterad-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["protocol"],
        meetings=[T("2025-12-11", None, None, "Mariestad")],
        protocol=proto("2025-12-11", []),
        reasons=[
            "the protocol PDF is password protected (encrypted): contents cannot be read",
            "body: protocol of the meeting in Mariestad on 11 December 2025",
            "'Vux' names the network",
            "-> needs_review (encrypted document)",
        ],
        desc="password-protected PDF protocol -> needs_review; date and place only from the body",
    )


def c036():
    me = P(INTRO, "Sara Johansson")
    date = "2026-01-16 09:00"
    msgid = "<0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d@skara.se>"
    subject = "Förteckning IM-nätverket VT26 (lösenordsskyddad)"
    rows = [["Namn", "Kommun", "E-post", "Telefon", "Roll"]] + [
        [p["name"], p["muni"], p["email"], "0511-xx xx xx", ROLE_WORD[p["role"]]] for p in INTRO
    ]
    plain = docx_bytes(
        [("h", "Nätverket Introduktionsprogrammen – förteckning VT 2026", 1), ("table", rows)],
        doc_time(date),
        author=me["name"],
    )
    enc = encrypt_ooxml(plain, "IM-vt26")
    text = (
        "Hej!\n\nBifogar uppdaterad förteckning. Filen är lösenordsskyddad eftersom den innehåller "
        "telefonnummer – lösenordet kommer via sms.\n\n/Sara\n"
    )
    body = multipart(
        "mixed",
        "------------Q1w2E3r4T5y6U7i8O9p0A1",
        [
            text_part(text, format_flowed=True, cte="8bit"),
            attach(enc, DOCX, "Förteckning IM VT26.docx", style="2231"),
        ],
        preamble="This is a multi-part message in MIME format.",
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
        ),
        body,
    )
    case(
        "intro-forteckning-krypterad-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="introduktionsprogrammen",
        kinds=["member_list"],
        members=[],
        reasons=[
            "the member list .docx is encrypted (password protected OOXML)",
            "subject and body say it is the förteckning of IM-nätverket, but no names can be read",
            "-> needs_review (encrypted document)",
        ],
        desc="encrypted (password-protected) .docx member list -> needs_review, no members readable",
    )


def c037():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-12-10 16:20"
    msgid = "<HE1PR03MB2841D9D8D7D6D5D4D3D2D1D0C9C8C7C6@HE1PR03MB2841.eurprd03.prod.outlook.com>"
    subject = "SV: Protokoll 5 december?"
    names = [
        ("Anders Nyberg", "Skövde"),
        ("Maria Sjöberg", "Falköping"),
        ("Peter Sandberg", "Mariestad"),
        ("Lena Åberg", "Lidköping"),
        ("Erik Holm", "Hjo"),
        ("Camilla Strand", "Skara"),
        ("Fredrik Öberg", "Vara"),
        ("Magnus Engström", "Tibro"),
        ("Henrik Sjödin", "Tidaholm"),
        ("Niklas Hammar", "Götene"),
        ("Stefan Ahlqvist", "Töreboda"),
        ("Ola Granqvist", "Karlsborg"),
    ]
    doc = docx_bytes(
        [
            ("h", "Protokoll nätverk grundskola", 1),
            ("p", "Datum: 2025-12-05, kl. 12.30–15.30"),
            ("p", "Plats: Teams"),
            ("b", "Närvarande"),
            ("table", [["Namn", "Kommun"]] + [list(x) for x in names]),
            (
                "p",
                "Anmält förhinder: Patrik Söderlund (Gullspång), Tobias Björk (Essunga), Daniel Ekman (Grästorp)",
            ),
            (
                "numbered",
                [
                    "Mötets öppnande",
                    "Mottagande av nyanlända – gemensam rutin för Skaraborg, remissvar lämnas i januari",
                    "Studiehandledning på modersmålet",
                    "Övriga frågor",
                ],
            ),
            ("p", "Nästa möte: fredag 6 februari 2026 kl. 08.30–11.30, Kommunhuset, Mariestad"),
        ],
        doc_time(date),
        author=me["name"],
    )
    new = (
        "Hej Eva!\n\nHär kommer protokollet från 5 december. Protokollet från 24 oktober skickade jag inskannat "
        "i oktober.\n\n/Maria\n"
    )
    quoted = (
        "-----Ursprungligt meddelande-----\nFrån: Eva Hallberg <eva.hallberg@skaraborg.se>\n"
        "Skickat: den 8 december 2025 09:02\nTill: Maria Sjöberg <maria.sjoberg@falkoping.se>\n"
        "Ämne: Protokoll 5 december?\n\nHej Maria!\n\nPåminnelse: protokollet från nätverksträffen den 5 december "
        "ska skickas till utbildning@skaraborg.se. Senast registrerade protokoll hos oss är från 2025-09-12.\n\n"
        "Vänliga hälsningar\nEva Hallberg\nUtbildning Skaraborg, Skaraborgs Kommunalförbund\n"
    )
    text = new + "\n" + quoted
    body = multipart(
        "mixed",
        "_004_HE1PR03MB2841D9D8D7D6D5D4_",
        [
            text_part(text, cte="quoted-printable"),
            attach(doc, DOCX, "Protokoll grundskolenätverket 2025-12-05.docx", style="2047"),
        ],
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [("In-Reply-To", "<8d2c1b0a@skaraborg.se>"), ("References", "<8d2c1b0a@skaraborg.se>")],
        ),
        body,
    )
    case(
        "grundskola-protokoll-svar-ursprungligt-meddelande",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-12-05", "12:30", "15:30", "Teams"),
            T("2026-02-06", "08:30", "11:30", "Kommunhuset, Mariestad"),
        ],
        protocol=proto("2025-12-05", [n for n, _ in names]),
        reasons=[
            "reply carrying the protocol .docx of 2025-12-05 (Teams)",
            "'-----Ursprungligt meddelande-----' starts the quoted part: its 2025-09-12 is not a meeting",
            "'Protokollet från 24 oktober skickade jag' refers to an old meeting, announces nothing",
            "Närvarande as a table; Anmält förhinder not attendees; Nästa möte 6 februari 2026",
        ],
        desc="reply with protocol .docx; quoted '-----Ursprungligt meddelande-----' carries older dates",
    )


# ==========================================================================
# 038-040  Agendas (kallelse / dagordning)
# ==========================================================================


def c038():
    me = P(FSK, "Karin Lindqvist")
    date = "2025-05-09 13:00"
    msgid = "<PA4PR08MB6012C1C2C3C4C5C6C7C8C9D0D1D2D3D4@PA4PR08MB6012.eurprd08.prod.outlook.com>"
    subject = "Kallelse och dagordning – förskolenätverket 16 maj"
    text = """Hej alla!

Välkomna till nätverksträff fredag 16 maj kl. 9.00–15.00 på Kulturhuset i Tibro.

Dagordning
1. Inledning och presentation av Tibros förskolor
2. Studiebesök på två förskolor (buss från Kulturhuset)
3. Lunch 12.00–13.00
4. Språkutvecklande arbete – uppföljning från 14 mars
5. Volymminskning i förskolan – erfarenhetsutbyte
6. Övriga frågor och nästa möte

Hjärtligt välkomna!
Karin Lindqvist
Ordförande, Förskolenätverket Skaraborg
"""
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            "forskolenatverket@lidkoping.se",
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=TO_MAILBOX,
        ),
        outlook_alt(text, "_000_PA4PR08MB6012C1C2C3C4C5C6_"),
    )
    case(
        "forskola-kallelse-dagordning-brodtext",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["agenda", "meeting_dates"],
        meetings=[T("2025-05-16", "09:00", "15:00", "Kulturhuset i Tibro")],
        reasons=[
            "kallelse with a numbered dagordning from the chair",
            "meeting fredag 16 maj kl. 9.00–15.00 (2025)",
            "'Lunch 12.00–13.00' is an agenda item, '14 mars' a past meeting: neither is a meeting here",
        ],
        desc="kallelse + dagordning in the body; lunch time and a past date inside the agenda are not meetings",
    )


def c039():
    me = P(GRU, "Anders Nyberg")
    date = "2025-09-01 15:02"
    msgid = "<VE1PR01MB6644D1D2D3D4D5D6D7D8D9E0E1E2E3E4@VE1PR01MB6644.eurprd01.prod.outlook.com>"
    subject = "Dagordning nätverksträff 12 september"
    doc = docx_bytes(
        [
            ("h", "Dagordning – Nätverket Grundskola", 1),
            ("p", "Tid: fredag 12 september 2025, 08.30–11.30"),
            ("p", "Plats: Stadshuset, Skövde (sammanträdesrum Billingen)"),
            (
                "numbered",
                [
                    "Mötets öppnande och presentation av nya rektorer",
                    "Genomgång av uppdragsbeskrivningen",
                    "Skolnärvaro – läget i kommunerna",
                    "Rekrytera och behålla legitimerad personal",
                    "Återrapportering till skolchefsnätverket (Lena)",
                    "Övriga frågor",
                    "Mötets avslutande",
                ],
            ),
            ("p", "Välkomna! Anders Nyberg, ordförande"),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar dagordningen till mötet den 12 september. Välkomna!\n\nAnders\n"
    body = multipart(
        "mixed",
        "_004_VE1PR01MB6644D1D2D3D4D5D6_",
        [
            outlook_alt(text, "_000_VE1PR01MB6644D1D2D3D4D5D6_"),
            attach(doc, DOCX, "Dagordning 2025-09-12.docx", style="plain"),
        ],
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            "natverk-grundskola@skovde.se",
            subject,
            date,
            msgid,
            OUTLOOK_X,
            cc=TO_MAILBOX,
        ),
        body,
    )
    case(
        "grundskola-dagordning-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["agenda", "meeting_dates"],
        meetings=[
            T("2025-09-12", "08:30", "11:30", "Stadshuset, Skövde (sammanträdesrum Billingen)")
        ],
        reasons=[
            "dagordning .docx from the chair for the meeting of 12 September 2025",
            "'Tid: fredag 12 september 2025, 08.30–11.30', 'Plats: …'",
        ],
        desc="dagordning as .docx with 'Tid:' and 'Plats:' lines",
    )


def c040():
    me = P(VUX, "Jörgen Palm")
    date = "2025-09-02 08:12"
    msgid = "<VI1PR07MB5530A1A2A3A4A5A6A7A8A9B0B1B2B3B4@VI1PR07MB5530.eurprd07.prod.outlook.com>"
    subject = "VB: Kallelse Vux-nätverket 18 september"
    new = "För kännedom – kallelsen till nästa träff, se nedan.\n\n/Jörgen\n"
    fwd_body = """Hej alla!

Välkomna till nätverksträff torsdag 18 september kl. 08.30–12.15 i Stadshuset, Skara.

Dagordning:
1. Inledning
2. Lärcenter – regional samverkan, läget
3. KomX – implementering
4. Delrapport yrkesutbildning med språkstöd
5. Övrigt

Mats Lindberg
Ordförande
"""
    qargs = (
        "Mats Lindberg <mats.lindberg@skovde.se>",
        "den 1 september 2025 15:40",
        "Vux-nätverket <vux-natverket@skovde.se>",
        "Kallelse Vux-nätverket 18 september",
        fwd_body,
    )
    text = new + "\n" + outlook_quote_text(*qargs)
    html_inner = mso_lines(new) + outlook_quote_html(*qargs)
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_VI1PR07MB5530A1A2A3A4A5A6_", html_inner),
    )
    case(
        "vux-vidarebefordrad-kallelse-outlook",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["agenda", "meeting_dates"],
        meetings=[T("2025-09-18", "08:30", "12:15", "Stadshuset, Skara")],
        reasons=[
            "VB: a presidium member forwards the chair's kallelse to the mailbox 'för kännedom'",
            "a forward sent to the mailbox on purpose submits its content: the forwarded kallelse counts",
            "(a reply's quote would not count; a deliberate forward does)",
            "meeting torsdag 18 september kl. 08.30–12.15, dagordning present",
        ],
        desc="Outlook forward (VB:, 'Från: … Skickat: …') of the chair's kallelse: forwarded content counts",
    )


# ==========================================================================
# 041-044  Reports (delrapport, återrapportering, kompetensutvecklingsplan)
# ==========================================================================


def c041():
    me = P(VUX, "Ingrid Thorén")
    date = "2025-05-28 10:00"
    msgid = "<GV0P278MB0816C3C4C5C6C7C8C9D0D1D2D3D4D5D6@GV0P278MB0816.CHEP278.PROD.OUTLOOK.COM>"
    subject = "Delrapport: gemensam struktur för yrkesutbildningar med språkstöd"
    pdf = pdf_bytes(
        [
            ("h", "Delrapport maj 2025"),
            ("b", "Gemensam struktur för yrkesutbildningar med språkstöd i Skaraborg"),
            ("p", "Nätverket för vuxenutbildning – uppdrag från skolchefsnätverket (mål 2 och 3)"),
            ("gap",),
            ("b", "1. Bakgrund"),
            (
                "p",
                "Skolchefsnätverket har gett nätverket i uppdrag att utreda och ta fram förslag på en gemensam struktur "
                "för Skaraborg gällande yrkesutbildningar med språkstöd.",
            ),
            ("b", "2. Nuläge"),
            (
                "p",
                "Tolv av femton kommuner erbjuder yrkesutbildning kombinerad med sfi eller svenska som andraspråk. "
                "Utbudet varierar mellan kommunerna och samordningen av platser sker i dag bilateralt.",
            ),
            ("b", "3. Förslag"),
            (
                "p",
                "Nätverket föreslår en gemensam katalog över yrkesutbildningar med språkstöd, gemensamma "
                "antagningsomgångar två gånger per år samt en gemensam modell för språkstöd i yrkesämnena.",
            ),
            ("b", "4. Fortsatt arbete"),
            ("p", "Återrapportering (slutrapport) lämnas till skolchefsnätverket i oktober 2025."),
        ],
        doc_time(date),
    )
    text = (
        "Hej!\n\nBifogar nätverkets delrapport om yrkesutbildningar med språkstöd, enligt uppdraget.\n\n"
        "Ingrid Thorén\nPresidiet, Vux-nätverket\n"
    )
    body = multipart(
        "mixed",
        "_004_GV0P278MB0816C3C4C5C6C7C8_",
        [
            outlook_alt(text, "_000_GV0P278MB0816C3C4C5C6C7C8_"),
            attach(pdf, PDF, "Delrapport yrkesutbildning med språkstöd maj 2025.pdf", style="2231"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "vux-delrapport-pdf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["report"],
        reasons=[
            "'Delrapport' in subject and PDF: an interim report on the vux mission",
            "'Vux-nätverket' / 'Nätverket för vuxenutbildning'",
            "'oktober 2025' is a deadline month, not a meeting",
        ],
        desc="delrapport as PDF (report), only month-level dates",
    )


def c042():
    me = P(INTRO, "Johan Ekström")
    date = "2025-06-16 11:45"
    msgid = "<AM6PR02MB4433A1B2C3D4E5F6A7B8C9D0E1F2A3B4@AM6PR02MB4433.eurprd02.prod.outlook.com>"
    subject = "Gemensam plan för kompetensutveckling – Introduktionsprogrammen"
    doc = docx_bytes(
        [
            ("h", "Plan för kompetensutveckling 2025–2026", 1),
            (
                "p",
                "Nätverket för Introduktionsprogrammen i Skaraborg – personal inklusive skolledare",
            ),
            (
                "table",
                [
                    ["Insats", "Målgrupp", "Tidpunkt", "Ansvarig"],
                    ["Språkutvecklande arbetssätt på IMS/IMA", "Lärare IM", "HT 2025", "Presidiet"],
                    ["Skolnärvaro – tidiga signaler", "Mentorer, elevhälsa", "HT 2025", "Skövde"],
                    ["IMV och yrkesintroduktion", "Skolledare, SYV", "VT 2026", "Lidköping"],
                    ["Ledarskap för skolledare på IM", "Rektorer", "VT 2026", "Presidiet"],
                ],
            ),
            (
                "p",
                "Planen följs upp vid nätverkets sista möte varje termin och återrapporteras till skolchefsnätverket.",
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = (
        "Hej!\n\nHär kommer nätverkets gemensamma plan för kompetensutveckling enligt uppdraget (mål 3).\n\n"
        "Johan Ekström\nOrdförande IM-nätverket, Lidköpings kommun\n"
    )
    body = multipart(
        "mixed",
        "_004_AM6PR02MB4433A1B2C3D4E5F6_",
        [
            outlook_alt(text, "_000_AM6PR02MB4433A1B2C3D4E5F6_"),
            attach(doc, DOCX, "Kompetensutvecklingsplan IM 2025-2026.docx", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "intro-kompetensutvecklingsplan-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["report"],
        reasons=[
            "the joint competence-development plan the intro mission asks for -> report",
            "terms (HT 2025, VT 2026) are not meeting dates",
        ],
        desc="kompetensutvecklingsplan .docx (report), a table of activities by term",
    )


def c043():
    me = P(GRU, "Anders Nyberg")
    date = "2025-06-12 14:00"
    msgid = "<VE1PR01MB6644E1E2E3E4E5E6E7E8E9F0F1F2F3F4@VE1PR01MB6644.eurprd01.prod.outlook.com>"
    subject = "Återrapportering nätverket grundskola läsåret 24/25"
    text = """Hej!

Här kommer nätverkets återrapportering till skolchefsnätverket för läsåret 2024/2025.

Mål 2 – Höjd utbildningsnivå
- Nätverket har delat utvecklingsprojekt kring fullföljda studier; tre kommuner har infört en gemensam modell för studiestöd i åk 9.
- Samverkan med IM-nätverket kring övergången till gymnasiet har inletts.

Mål 3 – Ökad kvalitet
- En gemensam rutin för mottagande av nyanlända är framtagen och skickas på remiss.
- Skolnärvaro: alla kommuner följer nu upp frånvaron månadsvis.
- Rekrytering: gemensam annonsering prövas under hösten.

Nätverket har träffats fem gånger under läsåret.

Med vänlig hälsning
Anders Nyberg
Ordförande, nätverket grundskola
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_VE1PR01MB6644E1E2E3E4E5E6_"),
    )
    case(
        "grundskola-aterrapportering-brodtext",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["report"],
        reasons=[
            "'Återrapportering' to the school directors in the body -> report",
            "IM-nätverket is mentioned as a partner; the report is clearly the grundskola network's",
        ],
        desc="återrapportering in the body; mentions IM-nätverket as partner (two networks named, one meant)",
    )


def c044():
    me = P(ANP, "Gunilla Rydén")
    date = "2025-12-19 11:30"
    msgid = "<AS8PR04MB8123CD45EF67AB89CD01EF23AB45CD67@AS8PR04MB8123.eurprd04.prod.outlook.com>"
    subject = "Återrapportering HT 2025 – nätverket Anpassad skola"
    doc = docx_bytes(
        [
            ("h", "Återrapportering till skolchefsnätverket – hösten 2025", 1),
            ("p", "Nätverket Anpassad skola (anpassad grundskola och anpassad gymnasieskola)"),
            ("h", "Rektorsrollen", 2),
            (
                "p",
                "Nätverket har arbetat med rektors uppdrag i de anpassade skolformerna och planerar en gemensam rektorsdag.",
            ),
            ("h", "Elevhälsans kompetens", 2),
            (
                "p",
                "Behov av gemensam fortbildning för elevhälsoteamen har identifierats; förslag tas fram under våren.",
            ),
            ("h", "Programutbud i anpassad gymnasieskola", 2),
            ("p", "En kartläggning av programmen i Skaraborg är genomförd och bifogas som bilaga."),
            ("h", "Genomförda möten", 2),
            ("p", "Nätverket har träffats tre gånger under hösten, varav två nätverksdagar i Hjo."),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar nätverkets återrapportering för hösten.\n\nGod jul!\nGunilla Rydén\nOrdförande\n"
    body = multipart(
        "mixed",
        "_004_AS8PR04MB8123CD45EF67AB89_",
        [
            outlook_alt(text, "_000_AS8PR04MB8123CD45EF67AB89_"),
            attach(doc, DOCX, "Återrapportering HT2025 Anpassad skola.docx", style="2231"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "anpassad-aterrapportering-docx",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["report"],
        reasons=[
            "återrapportering to the school directors as .docx -> report",
            "no meeting dates, only 'hösten'",
        ],
        desc="återrapportering as .docx with headings, no dates",
    )


# ==========================================================================
# 045-046  Member list and meeting dates in one document
# ==========================================================================


def c045():
    me = P(ANP, "Hanna Sundqvist")
    date = "2026-06-12 09:40"
    msgid = "<AM9PR09MB4567E1E2E3E4E5E6E7E8E9F0F1F2F3F4@AM9PR09MB4567.eurprd09.prod.outlook.com>"
    subject = "Förteckning och datum HT26 – nätverket Anpassad skola"
    people = [p for p in ANP if p["name"] != "Pernilla Ljung"]
    people.insert(
        8,
        {
            "name": "Amanda Krantz",
            "muni": "Hjo",
            "email": "amanda.krantz@hjo.se",
            "role": "ledamot",
        },
    )
    role = {"ordforande": "Ordf", "sekreterare": "Sekr", "ledamot": None}
    s1 = [["Namn", "Kommun", "E-post", "Roll"]] + [
        [p["name"], p["muni"], p["email"], role[p["role"]]] for p in people
    ]
    s2 = [
        ["Datum", "Tid", "Plats"],
        ["fre 11/9", "9-12", "Kommunhuset, Mariestad"],
        ["fre 16/10-2026", "9-12", "Campus Lidköping"],
        ["fre 27/11", "9–12", "Plats meddelas senare"],
    ]
    x = xlsx_bytes(
        [
            ("Deltagare", s1, {"bold_rows": [1], "widths": {"A": 22, "B": 12, "C": 32, "D": 8}}),
            ("Träffar HT26", s2, {"bold_rows": [1], "widths": {"A": 16, "B": 8, "C": 28}}),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar förteckning och höstens datum för nätverket Anpassad skola (två flikar).\n\n/Hanna\n"
    body = multipart(
        "mixed",
        "_004_AM9PR09MB4567E1E2E3E4E5E6_",
        [
            outlook_alt(text, "_000_AM9PR09MB4567E1E2E3E4E5E6_"),
            attach(x, XLSX, "Anpassad skola HT26.xlsx", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    members = [M(p["name"], p["email"], p["muni"], p["role"]) for p in people]
    case(
        "anpassad-xlsx-tva-flikar-forteckning-och-datum",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates", "member_list"],
        members=members,
        meetings=[
            T("2026-09-11", "09:00", "12:00", "Kommunhuset, Mariestad"),
            T("2026-10-16", "09:00", "12:00", "Campus Lidköping"),
            T("2026-11-27", "09:00", "12:00", None),
        ],
        reasons=[
            "xlsx with two sheets: 'Deltagare' (member list) and 'Träffar HT26' (dates)",
            "roles 'Ordf' and 'Sekr' without dots",
            "'fre 11/9', 'fre 16/10-2026' -> autumn 2026",
            "'Plats meddelas senare' is not a place -> null",
        ],
        desc="one .xlsx, two sheets: member list + dates ('fre 16/10-2026', 'Plats meddelas senare' -> place null)",
    )


def c046():
    me = P(FSK, "Åsa Kjellberg")
    date = "2025-12-08 13:25"
    msgid = "<DB9PR02MB7321F9F8F7F6F5F4F3F2F1F0E9E8E7E6@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    subject = "Förskolenätverket 2026 – förteckning och vårens träffar"
    role = {
        "ordforande": "Ordförande",
        "sekreterare": "Sekreterare",
        "presidium": "Presidium",
        "ledamot": "—",
    }
    rows = [["Namn", "Kommun", "E-post", "Roll"]] + [
        [p["name"], p["muni"], p["email"], role[p["role"]]] for p in FSK
    ]
    doc = docx_bytes(
        [
            ("h", "Förskolenätverket 2026", 1),
            ("b", "Deltagare"),
            ("table", rows, "Förskolenätverket Skaraborg 2026"),
            ("b", "Träffar våren 2026"),
            ("p", "fredag 6 februari kl. 9–12, Stadshuset, Skövde"),
            ("p", "fredag 17 april kl. 9–12, Rådhuset, Falköping"),
            ("p", "fredag 5 juni kl. 9–15, Hjo Hotell, Hjo"),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nBifogar förteckning och vårens träffar för förskolenätverket 2026 i samma dokument.\n\nÅsa\n"
    body = multipart(
        "mixed",
        "_004_DB9PR02MB7321F9F8F7F6F5F4_",
        [
            outlook_alt(text, "_000_DB9PR02MB7321F9F8F7F6F5F4_"),
            attach(doc, DOCX, "Förskolenätverket 2026.docx", style="2047"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "forskola-docx-forteckning-och-traffar",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "member_list"],
        members=members_from(FSK),
        meetings=[
            T("2026-02-06", "09:00", "12:00", "Stadshuset, Skövde"),
            T("2026-04-17", "09:00", "12:00", "Rådhuset, Falköping"),
            T("2026-06-05", "09:00", "15:00", "Hjo Hotell, Hjo"),
        ],
        reasons=[
            "one .docx with the member table (merged title row) and the spring dates",
            "role '—' means none -> ledamot",
            "year 2026 from the heading 'Träffar våren 2026'",
        ],
        desc="one .docx with member table (merged header row, '—' roles) and spring meeting lines",
    )


# ==========================================================================
# 047-052  Replies quoting older mails, forwards
# ==========================================================================


def c047():
    me = P(VUX, "Mats Lindberg")
    date = "2025-12-04 08:55"
    msgid = "<GV0P278MB0999FE98DC76BA54FE32DC10BA98FE76@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>"
    subject = "SV: Saknade mötesdatum Vux-nätverket VT 2026"
    new = """Hej Eva!

Här är Vux-nätverkets datum för VT 2026:

22/1 kl 13–16, Kommunhuset, Götene
12/3 kl 13–16, Stadshuset, Hjo
21/5 kl 13–16, Campus Skövde

Hälsningar
Mats Lindberg
Ordförande Vux-nätverket
"""
    old = (
        "Hej Mats!\n\nVi saknar era mötesdatum för VT 2026 i vårt register. Senast registrerade träff är den "
        "11 december 2025 i Mariestad.\n\nVänliga hälsningar\nEva Hallberg\nUtbildning Skaraborg\n"
    )
    qargs = (
        "Eva Hallberg <eva.hallberg@skaraborg.se>",
        "den 3 december 2025 10:14",
        "Mats Lindberg <mats.lindberg@skovde.se>",
        "Saknade mötesdatum Vux-nätverket VT 2026",
        old,
    )
    text = new + "\n" + outlook_quote_text(*qargs)
    html_inner = mso_lines(new) + outlook_quote_html(*qargs)
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            addr("Eva Hallberg", EVA["email"]),
            subject,
            date,
            msgid,
            [("In-Reply-To", "<b1c2d3e4@skaraborg.se>"), ("References", "<b1c2d3e4@skaraborg.se>")]
            + OUTLOOK_X[2:],
            cc=TO_MAILBOX,
        ),
        outlook_alt(text, "_000_GV0P278MB0999FE98DC76BA54_", html_inner),
    )
    case(
        "vux-svar-med-nya-datum-outlook-citat",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-01-22", "13:00", "16:00", "Kommunhuset, Götene"),
            T("2026-03-12", "13:00", "16:00", "Stadshuset, Hjo"),
            T("2026-05-21", "13:00", "16:00", "Campus Skövde"),
        ],
        reasons=[
            "reply with three new dates for VT 2026 (sent December 2025 -> 2026)",
            "quoted Outlook block (Från: … Skickat: den 3 december 2025 …) mentions 11 December 2025: quoted, not new",
        ],
        desc="Outlook reply giving new dates; the quoted question mentions an older meeting date",
    )


def c048():
    me = P(FSK, "Therese Dahl")
    date = "2024-12-13 07:31"
    msgid = "<CAG7pL2m3N4b5V6c7X8z9A0s1D2f3G4h5J6k7L8q9W0e1R@mail.gmail.com>"
    subject = "Re: Datum förskolenätverket vårterminen"
    old = """Hej!

Här kommer plats och tid för förskolenätverkets träffar under vårterminen:

Fredag 17/1 kl 9-12, Vara Konserthus, Vara
Fredag 14/3 kl 9-12, Stadshuset, Lidköping
Fredag 16/5 kl 9-15, Kulturhuset, Tibro (heldag med studiebesök)

Väl mött!
Åsa Kjellberg
Sekreterare, Förskolenätverket Skaraborg"""
    attr = "Den tors 12 dec. 2024 kl 15:47 skrev Åsa Kjellberg <asa.kjellberg@vara.se>:"
    new = "Tack Åsa, inlagt i kalendern!\n\n/Therese\n"
    text = new + "\n" + attr + "\n\n" + gt_quote(old) + "\n"
    html_body = gmail_html(new.rstrip("\n")) + gmail_quote_html(attr, old)
    orig = "<DB9PR02MB7321B1B2B3B4B5B6B7B8B9C0C1C2C3C4@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            addr("Åsa Kjellberg", "asa.kjellberg@vara.se", "b"),
            subject,
            date,
            msgid,
            [("In-Reply-To", orig), ("References", orig)],
            cc=MAILBOX,
        ),
        gmail_alt(text, "000000000000f1e2d3c4b5a69788", html_body),
    )
    case(
        "forskola-tack-svar-gmail-citat",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network="forskola",
        reasons=[
            "new content is only 'Tack Åsa, inlagt i kalendern!'",
            "the three dates are in the Gmail quote ('Den tors 12 dec. 2024 kl 15:47 skrev …') – not this mail's",
            "nothing for the store -> ignored (no-content); the subject shows it concerns the förskola network",
        ],
        desc="Gmail reply 'Tack, inlagt i kalendern!' quoting a plan: nothing new -> ignored no-content",
    )


def c049():
    me = P(INTRO, "Sara Johansson")
    date = "2025-02-10 08:15"
    msgid = "<f9e8d7c6-b5a4-4938-8271-605f4e3d2c1b@skara.se>"
    subject = "Re: Datum läsåret 24/25 – Introduktionsprogrammen"
    old = """Hej alla i IM-nätverket!

Datum för läsåret 24/25. Vi träffas på torsdagar kl 13–16 i Skövde, Kulturhuset om inget annat sägs.

Datum: 19/9, 17/10, 21/11, 12/12, 23/1, 20/2, 27/3 och 22/5 (den 22/5 i Lidköping, Stadshuset).

Hälsningar
Sara"""
    text = (
        "Rättelse: träffen 20/2 börjar redan kl 12.30 (lunch ingår) och slutar kl 16. Övriga tider gäller.\n\n"
        "/Sara\n\nDen 2024-09-02 kl. 14:05, skrev Sara Johansson:\n" + gt_quote(old) + "\n"
    )
    orig = "<e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7@skara.se>"
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            "IM-natverket Skaraborg <im-natverket@skara.se>",
            subject,
            date,
            msgid,
            [("In-Reply-To", orig), ("References", orig), ("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
            cc=MAILBOX,
        ),
        text_part(text, format_flowed=True, cte="8bit"),
    )
    case(
        "intro-rattelse-tid-med-gt-citat",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates"],
        meetings=[T("2025-02-20", "12:30", "16:00", None)],
        reasons=[
            "correction of one meeting: 20/2 (2025) now 12.30–16",
            "the '>' quoted original plan lists eight dates: quoted history, not new",
            "place not restated in the new text -> null",
            "subject names Introduktionsprogrammen",
        ],
        desc="'>' quoted reply (Thunderbird) correcting one meeting's time; the quoted plan must not be re-extracted",
    )


def c050():
    me = P(FSK, "Therese Dahl")
    date = "2026-06-15 10:02"
    msgid = "<CAG7pL2mFwd0b5V6c7X8z9A0s1D2f3G4h5J6k7L8q9W0e1R@mail.gmail.com>"
    subject = "Fwd: Datum hösten 2026"
    fwd = """---------- Vidarebefordrat meddelande ---------
Från: Karin Lindqvist <karin.lindqvist@lidkoping.se>
Date: fre 12 juni 2026 kl 16:02
Subject: Datum hösten 2026
To: Therese Dahl <therese.dahl@tidaholm.se>, Åsa Kjellberg <asa.kjellberg@vara.se>, Mikael Bergström <mikael.bergstrom@tibro.se>


Hej presidiet!

Här är höstens datum för förskolenätverket, kan någon av er skicka in dem till utbildning@skaraborg.se?

fredag 18 september kl 9–12, Stadshuset, Vara
fredag 23 oktober kl 9–12, Teams
fredag 4 december kl 9–13, Kommunhuset, Essunga

/Karin
"""
    text = "Hej! Se nedan.\n/Therese\n\n" + fwd
    eml = message(
        std_headers(addr(me["name"], me["email"], "b"), MAILBOX, subject, date, msgid),
        gmail_alt(text, "000000000000a9b8c7d6e5f40312"),
    )
    case(
        "forskola-vidarebefordrad-plan-se-nedan",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-09-18", "09:00", "12:00", "Stadshuset, Vara"),
            T("2026-10-23", "09:00", "12:00", "Teams"),
            T("2026-12-04", "09:00", "13:00", "Kommunhuset, Essunga"),
        ],
        reasons=[
            "a presidium member forwards the chair's plan to the mailbox with 'Se nedan'",
            "judgement: a forward sent to the mailbox to submit it counts as the sender's content "
            "(the chair even asks for it to be sent in); a reply's quote would not",
            "'fredag 18 september' etc. without year; the forwarded Date (juni 2026) -> autumn 2026",
        ],
        desc="Gmail forward ('---------- Vidarebefordrat meddelande ---------') 'Se nedan': forwarded plan counts",
    )


def c051():
    me = P(INTRO, "Sara Johansson")
    martin = P(INTRO, "Martin Lövgren")
    date = "2026-01-28 08:50"
    msgid = "<1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d@skara.se>"
    subject = "Fwd: Protokoll IM-nätverket 22 januari"
    doc = docx_bytes(
        [
            ("h", "Protokoll nätverket Introduktionsprogrammen", 1),
            ("p", "Datum: 2026-01-22, kl 13–16"),
            ("p", "Plats: Stadshuset, Lidköping"),
            (
                "p",
                "Närvarande: Johan Ekström (ordf.), Martin Lövgren (protokoll), Ida Backman, Katarina Eklund, "
                "Håkan Nilsson, Louise Hermansson, Jeanette Axelsson",
            ),
            ("p", "Frånvarande: Sara Johansson (sjuk), Mattias Wennberg, Christer Almqvist"),
            (
                "numbered",
                [
                    "Skolnärvaro – uppföljning av höstens siffror",
                    "Samverkan med Vux-nätverket om yrkesutbildningar",
                    "Kompetensutvecklingsplanen – utvärdering av HT 2025",
                ],
            ),
            ("p", "Nästa möte 19/3 kl 13-16, Rådhuset, Falköping"),
        ],
        doc_time("2026-01-26 15:05"),
        author=martin["name"],
    )
    inner_body = multipart(
        "mixed",
        "_004_AM0PR09MB1122334455667788_",
        [
            outlook_alt(
                "Hej Sara, här är protokollet. Krya på dig!\n/Martin\n",
                "_000_AM0PR09MB1122334455667788_",
            ),
            attach(doc, DOCX, "Protokoll IM 2026-01-22.docx", style="plain"),
        ],
    )
    inner = message(
        std_headers(
            addr(martin["name"], martin["email"]),
            addr(me["name"], me["email"]),
            "Protokoll IM-nätverket 22 januari",
            "2026-01-26 15:10",
            "<AM0PR09MB1122334455667788AABBCCDDEEFF0011@AM0PR09MB1122.eurprd09.prod.outlook.com>",
            OUTLOOK_X,
        ),
        inner_body,
    )
    text = "Hej! Vidarebefordrar protokollet från 22/1 som Martin skrev eftersom jag var sjuk.\n/Sara\n"
    body = multipart(
        "mixed",
        "------------Fw1d2E3f4G5h6I7j8K9l0M",
        [
            text_part(text, format_flowed=True, cte="8bit"),
            rfc822_part(inner, filename="Protokoll IM-natverket 22 januari.eml"),
        ],
        preamble="This is a multi-part message in MIME format.",
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            MAILBOX,
            subject,
            date,
            msgid,
            [("User-Agent", "Mozilla Thunderbird")],
            subject_style="b",
        ),
        body,
    )
    att = [
        "Johan Ekström",
        "Martin Lövgren",
        "Ida Backman",
        "Katarina Eklund",
        "Håkan Nilsson",
        "Louise Hermansson",
        "Jeanette Axelsson",
    ]
    case(
        "intro-vidarebefordrad-som-bilaga-rfc822",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2026-01-22", "13:00", "16:00", "Stadshuset, Lidköping"),
            T("2026-03-19", "13:00", "16:00", "Rådhuset, Falköping"),
        ],
        protocol=proto("2026-01-22", att),
        reasons=[
            "the secretary forwards, as a message/rfc822 attachment, the mail with the protocol .docx",
            "forwarded to submit it -> the nested message and its .docx count",
            "Frånvarande (incl. the secretary, sick) are not attendees",
            "'Nästa möte 19/3 kl 13-16' -> 2026-03-19",
        ],
        desc="forward as message/rfc822 attachment; the protocol .docx sits inside the nested message",
    )


def c052():
    me = P(VUX, "Mats Lindberg")
    date = "2026-06-09 14:30"
    msgid = "<GV0P278MB0999TNEF0123456789ABCDEF01234567@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>"
    subject = "Mötesplan Vux-nätverket HT 2026"
    doc = docx_bytes(
        [
            ("h", "Vux-nätverket – mötesplan hösten 2026", 1),
            (
                "table",
                [
                    ["Datum", "Tid", "Plats", "Värd (sekreterare)"],
                    ["2026-08-27", "13.00–16.00", "Campus Skövde", "Skövde"],
                    ["2026-10-01", "13.00–16.00", "Lärcenter, Lidköping", "Lidköping"],
                    ["2026-11-12", "09.00–12.00", "Teams", "Falköping"],
                    ["2026-12-10", "13.00–16.00", "Vuxenutbildningen, Vara", "Vara"],
                ],
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    tnef = tnef_bytes([("Mötesplan Vux HT 2026.docx", doc)], subject)
    text = "Hej!\n\nMötesplanen för hösten bifogas.\n\n/Mats\n"
    body = multipart(
        "mixed",
        "_003_GV0P278MB0999TNEF01234567_",
        [
            text_part(text, cte="quoted-printable"),
            part(
                [
                    ("Content-Type", 'application/ms-tnef; name="winmail.dat"'),
                    ("Content-Disposition", 'attachment; filename="winmail.dat"'),
                    ("Content-Transfer-Encoding", "base64"),
                ],
                base64.encodebytes(tnef),
            ),
        ],
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [
                ("X-MS-Has-Attach", "yes"),
                (
                    "X-MS-TNEF-Correlator",
                    "<GV0P278MB0999TNEF0123456789ABCDEF01234567@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>",
                ),
            ],
        ),
        body,
    )
    case(
        "vux-winmail-dat-tnef-plan",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-08-27", "13:00", "16:00", "Campus Skövde"),
            T("2026-10-01", "13:00", "16:00", "Lärcenter, Lidköping"),
            T("2026-11-12", "09:00", "12:00", "Teams"),
            T("2026-12-10", "13:00", "16:00", "Vuxenutbildningen, Vara"),
        ],
        reasons=[
            "Outlook sent the attachment inside winmail.dat (application/ms-tnef)",
            "the TNEF holds 'Mötesplan Vux HT 2026.docx' with a Datum/Tid/Plats table",
        ],
        desc="Outlook winmail.dat (TNEF) carrying the plan .docx",
    )


# ==========================================================================
# 053-064  Nothing for the store: auto-replies, bounces, newsletters, spam,
#          human mails without content
# ==========================================================================

EVA_REMINDER_ID = "<c0ffee01-2025-0714-a1b2-c3d4e5f60718@skaraborg.se>"


def c053():
    me = P(FSK, "Helena Forsberg")
    date = "2025-07-14 09:01"
    msgid = "<SA1PR11MB8000A1B2C3D4E5F6A7B8C9D0E1F2A3B4@SA1PR11MB8000.namprd11.prod.outlook.com>"
    subject = "Frånvaromeddelande: Påminnelse: förteckning och mötesdatum läsåret 25/26"
    text = (
        "Hej!\n\nJag har semester till och med den 11 augusti och läser inte min e-post. Vid brådskande ärenden, "
        "kontakta förskoleförvaltningens expedition.\n\nHelena Forsberg\nSkövde kommun\n"
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [
                ("In-Reply-To", EVA_REMINDER_ID),
                ("Auto-Submitted", "auto-replied"),
                ("X-Auto-Response-Suppress", "All"),
                ("Content-Language", "sv-SE"),
            ],
        ),
        outlook_alt(text, "_000_SA1PR11MB8000A1B2C3D4E5F6_"),
    )
    case(
        "autosvar-franvaromeddelande",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        reasons=[
            "Auto-Submitted: auto-replied",
            "subject starts 'Frånvaromeddelande:'",
            "'till och med den 11 augusti' is a holiday, not a meeting",
        ],
        desc="out-of-office 'Frånvaromeddelande:' with Auto-Submitted: auto-replied",
    )


def c054():
    me = P(GRU, "Peter Sandberg")
    date = "2025-10-20 07:00"
    msgid = "<DU2PR10MB7777F0E1D2C3B4A5968778695A4B3C2D@DU2PR10MB7777.eurprd10.prod.outlook.com>"
    subject = "Automatiskt svar: Påminnelse: mötesdatum VT 2026"
    text = (
        "Tack för ditt mejl. Jag är på tjänsteresa 20–24 oktober och har begränsad tillgång till e-post.\n\n"
        "Thank you for your email. I am travelling 20–24 October with limited access to e-mail.\n\n"
        "Peter Sandberg\nMariestads kommun\n"
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            TO_MAILBOX,
            subject,
            date,
            msgid,
            [
                ("In-Reply-To", "<c0ffee02-2025-1020@skaraborg.se>"),
                ("Auto-Submitted", "auto-generated"),
                ("X-Auto-Response-Suppress", "All"),
                ("X-MS-Exchange-Inbox-Rules-Loop", me["email"]),
            ],
        ),
        outlook_alt(text, "_000_DU2PR10MB7777F0E1D2C3B4A5_"),
    )
    case(
        "autosvar-automatiskt-svar-exchange",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        reasons=[
            "subject 'Automatiskt svar:'",
            "Auto-Submitted: auto-generated, X-Auto-Response-Suppress: All",
            "travel dates 20–24 oktober are not meetings",
        ],
        desc="Exchange 'Automatiskt svar:' with X-Auto-Response-Suppress, travel date range in body",
    )


def c055():
    me = P(VUX, "Veronica Moberg")
    date = "2025-09-03 11:42"
    msgid = "<20250903114201.7A1B2C3D4E@mail.karlsborg.se>"
    subject = "Re: Påminnelse: förteckning och mötesdatum 2025/26"
    text = (
        "Jag är föräldraledig från 1 oktober 2025 till 6 februari 2026. Under tiden nås vuxenutbildningen i "
        "Karlsborg via växeln.\n\nVeronica Moberg\n"
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "latin1"),
            MAILBOX,
            subject,
            date,
            msgid,
            [
                ("In-Reply-To", "<c0ffee03-2025-0903@skaraborg.se>"),
                ("X-Autoreply", "yes"),
                ("X-Mailer", "SOGoMail 5.10.0"),
            ],
        ),
        text_part(text, charset="iso-8859-1", cte="quoted-printable"),
    )
    case(
        "autosvar-x-autoreply-re-amne",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        reasons=[
            "X-Autoreply: yes (subject only 'Re:')",
            "leave dates 1 oktober 2025 – 6 februari 2026 are not meetings",
        ],
        desc="auto-reply recognisable only by X-Autoreply: yes; subject is a plain 'Re:'",
    )


def c056():
    me = P(FSK, "Ulrika Blom")
    date = "2025-10-27 06:30"
    msgid = "<GOT0PR01MB2020AABBCCDDEEFF0011223344556677@GOT0PR01MB2020.eurprd01.prod.outlook.com>"
    subject = "Autosvar: Kallelse nätverksträff"
    text = (
        "Detta är ett automatiskt svar.\n\nJag är tjänstledig under vecka 44 och är tillbaka måndag 3 november. "
        "Vid frågor om förskolorna i Götene, kontakta förvaltningen.\n\nUlrika Blom\n"
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid),
        text_part(text),
    )
    case(
        "autosvar-endast-brodtext",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="auto-reply",
        network=None,
        reasons=[
            "no auto-reply headers, but subject 'Autosvar:' and body 'Detta är ett automatiskt svar'",
            "'vecka 44' and 'måndag 3 november' are an absence, not meetings",
        ],
        desc="auto-reply without any header, only 'Autosvar:' and 'Detta är ett automatiskt svar' in the text",
    )


def c057():
    date = "2025-03-20 09:14:07"
    msgid = "<20250320081407.5C2A11E0F3@mx1.skaraborg.se>"
    subject = "Undelivered Mail Returned to Sender"
    frm = "MAILER-DAEMON@mx1.skaraborg.se"
    notice = """This is the mail system at host mx1.skaraborg.se.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<jonas.wikstrom@falkoping.se>: host falkoping-se.mail.protection.outlook.com[52.101.68.12]
    said: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
    jonas.wikstrom@falkoping.se not found by SMTP address lookup (in reply to RCPT TO command)
"""
    status = """Reporting-MTA: dns; mx1.skaraborg.se
X-Postfix-Queue-ID: 5C2A11E0F3
X-Postfix-Sender: rfc822; utbildning@skaraborg.se
Arrival-Date: Thu, 20 Mar 2025 09:14:05 +0100

Final-Recipient: rfc822; jonas.wikstrom@falkoping.se
Original-Recipient: rfc822;jonas.wikstrom@falkoping.se
Action: failed
Status: 5.1.10
Remote-MTA: dns; falkoping-se.mail.protection.outlook.com
Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
    jonas.wikstrom@falkoping.se not found by SMTP address lookup
"""
    orig_headers = (
        "Return-Path: <utbildning@skaraborg.se>\nFrom: Utbildning Skaraborg <utbildning@skaraborg.se>\n"
        "To: jonas.wikstrom@falkoping.se\nSubject: =?utf-8?Q?P=C3=A5minnelse=3A_protokoll_14_mars?=\n"
        "Date: Thu, 20 Mar 2025 09:14:03 +0100\nMessage-ID: <c0ffee04-2025-0320@skaraborg.se>\n"
    )
    body = multipart(
        "report",
        "5C2A11E0F3.1742458447/mx1.skaraborg.se",
        [
            part(
                [
                    ("Content-Description", "Notification"),
                    ("Content-Type", "text/plain; charset=us-ascii"),
                ],
                notice.encode(),
            ),
            part(
                [
                    ("Content-Description", "Delivery report"),
                    ("Content-Type", "message/delivery-status"),
                ],
                status.encode(),
            ),
            part(
                [
                    ("Content-Description", "Undelivered Message Headers"),
                    ("Content-Type", "text/rfc822-headers"),
                ],
                orig_headers.encode(),
            ),
        ],
        preamble="This is a MIME-encapsulated message.",
        params="; report-type=delivery-status",
    )
    eml = message(
        [
            ("Return-Path", "<>"),
            ("From", "MAILER-DAEMON@mx1.skaraborg.se (Mail Delivery System)"),
            ("To", MAILBOX),
            ("Subject", subject),
            ("Date", date_hdr(date)),
            ("Message-Id", msgid),
            ("Auto-Submitted", "auto-replied"),
        ],
        body,
    )
    case(
        "studsat-mailer-daemon-dsn",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="ignored",
        ignored_reason="bounce",
        network=None,
        reasons=[
            "multipart/report; report-type=delivery-status from MAILER-DAEMON, empty Return-Path",
            "the bounced message's subject mentions 14 mars: not a meeting of this mail",
        ],
        desc="Postfix bounce: multipart/report with message/delivery-status, MAILER-DAEMON, Return-Path <>",
    )


def c058():
    date = "2025-03-19 11:02:44"
    msgid = "<a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d@lidkoping.se>"
    subject = "Det gick inte att leverera: Minnesanteckningar förskolenätverket 14 mars"
    frm = "postmaster@lidkoping.se"
    fsk = P(FSK, "Karin Lindqvist")
    doc = docx_bytes(
        [
            ("h", "Minnesanteckningar – Förskolenätverket Skaraborg", 1),
            ("p", "Datum: fredag 14 mars 2025, kl. 09.00–12.00"),
            ("b", "Närvarande"),
            ("bullets", ["Karin Lindqvist, Lidköping (ordf.)", "Åsa Kjellberg, Vara (sekr.)"]),
            ("p", "Nästa möte: fredag 16 maj kl. 9.00–15.00, Kulturhuset, Tibro."),
        ],
        doc_time("2025-03-19 11:00"),
        author="Eva Hallberg",
    )
    orig = message(
        std_headers(
            addr("Utbildning Skaraborg", MAILBOX),
            "k.lindqvist@lidkoping.se",
            "Minnesanteckningar förskolenätverket 14 mars",
            "2025-03-19 11:02",
            "<c0ffee05-2025-0319@skaraborg.se>",
        ),
        multipart(
            "mixed",
            "_orig_c0ffee05_",
            [
                text_part(
                    "Hej Karin!\n\nVidarebefordrar minnesanteckningarna för publicering.\n\nEva\n"
                ),
                attach(doc, DOCX, "Minnesanteckningar 2025-03-14.docx", style="plain"),
            ],
        ),
    )
    html_notice = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
        '<p><b><font color="#000000" size="3">Det gick inte att leverera ditt meddelande till '
        '<a href="mailto:k.lindqvist@lidkoping.se">k.lindqvist@lidkoping.se</a> eftersom '
        "e-postadressen inte hittades.</font></b></p>"
        "<p>Diagnostisk information för administratörer:</p><p>Genererande server: DB9PR02MB7321.eurprd02."
        "prod.outlook.com<br>k.lindqvist@lidkoping.se<br>Remote server returned '550 5.1.1 "
        "RESOLVER.ADR.RecipNotFound; not found'</p></body></html>\n"
    )
    status = (
        "Reporting-MTA: dns;DB9PR02MB7321.eurprd02.prod.outlook.com\nReceived-From-MTA: dns;mx1.skaraborg.se\n"
        "Arrival-Date: Wed, 19 Mar 2025 10:02:40 +0000\n\nFinal-Recipient: rfc822;k.lindqvist@lidkoping.se\n"
        "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\n"
    )
    body = multipart(
        "report",
        "_000_a7b8c9d0e1f24a3b9c4d5e6f7a8b9c0d_",
        [
            multipart(
                "alternative",
                "_001_a7b8c9d0e1f24a3b9c4d5e6f7a8b9c0d_",
                [
                    text_part(
                        "Det gick inte att leverera ditt meddelande till k.lindqvist@lidkoping.se eftersom "
                        "e-postadressen inte hittades.\n"
                    ),
                    text_part(html_notice, "html"),
                ],
            ),
            part([("Content-Type", "message/delivery-status")], status.encode()),
            rfc822_part(orig, disp=None),
        ],
        params="; report-type=delivery-status",
    )
    eml = message(
        [
            ("From", "postmaster@lidkoping.se"),
            ("To", MAILBOX),
            ("Date", date_hdr(date)),
            ("Subject", subj_hdr(subject)),
            ("Message-ID", msgid),
            ("Return-Path", "<>"),
            ("Content-Language", "sv-SE"),
            ("X-MS-Exchange-Message-Is-Ndr", ""),
        ],
        body,
    )
    case(
        "studsat-exchange-ndr-med-protokoll",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="ignored",
        ignored_reason="bounce",
        network=None,
        reasons=[
            "Exchange non-delivery report ('Det gick inte att leverera:') from postmaster, multipart/report",
            "the returned original carries minnesanteckningar .docx, but it is our own bounced mail: nothing new",
        ],
        desc="Swedish Exchange NDR whose returned original contains a protocol .docx -> still only a bounce",
    )


def c059():
    date = "2026-02-24 06:00"
    msgid = "<nl.2026-02.8f7e6d5c4b3a@skolnyttvast.se>"
    subject = "Skolnytt Väst februari: språkutveckling i förskolan"
    frm = "nyhetsbrev@skolnyttvast.se"
    html_body = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Skolnytt Väst</title></head>
<body style="margin:0;padding:0;background:#f3f3f3">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="600" style="background:#ffffff;font-family:Arial,sans-serif">
<tr><td style="padding:24px"><h1 style="color:#00529b">Skolnytt Väst – februari 2026</h1>
<p>Hej! Här kommer månadens nyheter för dig som arbetar i förskola och skola i Västra Götaland.</p>
<h2>Webbinarium: Språkutveckling i förskolan</h2>
<p>Torsdag 12 mars kl. 15.00–16.00, digitalt. Anmäl dig senast 10 mars.</p>
<h2>Konferens: Fullföljda studier</h2>
<p>14–15 april 2026, Göteborg. Early bird till 1 mars.</p>
<p style="font-size:11px;color:#777">Du får detta nyhetsbrev eftersom du prenumererar.
<a href="https://skolnyttvast.se/avregistrera?u=8f7e6d5c">Avregistrera</a></p>
</td></tr></table></td></tr></table></body></html>
"""
    text = (
        "Skolnytt Väst – februari 2026\n\nWebbinarium: Språkutveckling i förskolan\nTorsdag 12 mars kl. 15.00–16.00, "
        "digitalt. Anmäl dig senast 10 mars.\n\nKonferens: Fullföljda studier\n14–15 april 2026, Göteborg.\n\n"
        "Avregistrera: https://skolnyttvast.se/avregistrera?u=8f7e6d5c\n"
    )
    body = multipart(
        "alternative", "----=_NL_8f7e6d5c4b3a", [text_part(text), text_part(html_body, "html")]
    )
    eml = message(
        std_headers(
            addr("Skolnytt Väst", frm),
            MAILBOX,
            subject,
            date,
            msgid,
            [
                (
                    "List-Unsubscribe",
                    "<https://skolnyttvast.se/avregistrera?u=8f7e6d5c>, "
                    "<mailto:unsubscribe@skolnyttvast.se?subject=8f7e6d5c>",
                ),
                ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                ("List-Id", "Skolnytt Vast <nyhetsbrev.skolnyttvast.se>"),
                ("Precedence", "bulk"),
                ("X-Mailer", "Mailchimp Mailer - **CID8f7e6d5c4b3a**"),
            ],
        ),
        body,
    )
    case(
        "nyhetsbrev-extern-list-unsubscribe",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="ignored",
        ignored_reason="newsletter",
        network=None,
        reasons=[
            "List-Unsubscribe, List-Id and Precedence: bulk: a newsletter",
            "webinar/conference dates are not network meetings",
        ],
        desc="external newsletter (List-Unsubscribe, Precedence: bulk) with webinar dates and 'förskola'",
    )


def c060():
    date = "2025-02-05 08:00"
    msgid = "<nyhetsbrev-2025-02.1a2b3c@skaraborg.se>"
    subject = "Nyhetsbrev Utbildning Skaraborg – februari 2025"
    frm = "nyhetsbrev@skaraborg.se"
    text = """NYHETSBREV UTBILDNING SKARABORG – FEBRUARI 2025

Aktuellt i nätverken
• Förskolenätverket träffas fredag 14 mars i Lidköping.
• Vux-nätverket har lämnat sin delrapport om Lärcenter.
• Nätverket för Introduktionsprogrammen söker deltagare till en arbetsgrupp om skolnärvaro.

Kalender
20 mars: Skolchefsnätverket, Skövde
27 mars: Nätverket för Introduktionsprogrammen, Skövde

Vill du inte längre få nyhetsbrevet? Avregistrera dig här: https://utbildningskaraborg.se/nyhetsbrev/avregistrera
"""
    eml = message(
        std_headers(
            addr("Utbildning Skaraborg", frm),
            "natverken@skaraborg.se",
            subject,
            date,
            msgid,
            [
                ("Bcc", MAILBOX),
                ("Precedence", "bulk"),
                ("List-Unsubscribe", "<https://utbildningskaraborg.se/nyhetsbrev/avregistrera>"),
                ("X-Mailer", "Ungapped Mailer"),
            ],
        ),
        text_part(text),
    )
    case(
        "nyhetsbrev-fran-kommunalforbundet",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="ignored",
        ignored_reason="newsletter",
        network=None,
        reasons=[
            "newsletter from skaraborg.se itself: Precedence: bulk, List-Unsubscribe",
            "its calendar repeats network dates, but a newsletter is not a network's submission",
        ],
        desc="newsletter from the Kommunalförbund (allowed domain) that lists network meetings -> still ignored",
    )


def c061():
    date = "2025-11-03 03:17"
    msgid = "<20251103021755.ABCDEF123456@mail-verify-portal.com>"
    subject = "Din brevlåda är nästan full – verifiera ditt konto"
    frm = "support@skaraborg-se.mail-verify-portal.com"
    html_body = (
        "<html><body><p>Hej utbildning,</p><p>Din brevlåda har nått 98% av sin kvot. Inkommande e-post "
        'kommer att avvisas efter 24 timmar.</p><p><a href="http://skaraborg-se.mail-verify-portal.com/'
        'owa/verify?id=utbildning">VERIFIERA KONTO NU</a></p><p>IT-support<br>Skaraborgs Kommunalförbund</p>'
        "</body></html>\n"
    )
    eml = message(
        std_headers(
            addr("IT-support Skaraborg", frm),
            MAILBOX,
            subject,
            date,
            msgid,
            [("Reply-To", "helpdesk.skaraborg@outlook-support-team.com")],
        ),
        text_part(html_body, "html", cte="base64"),
    )
    case(
        "skrappost-natfiske",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="ignored",
        ignored_reason="spam",
        network=None,
        reasons=[
            "phishing: look-alike domain skaraborg-se.mail-verify-portal.com, 'verifiera ditt konto' link",
            "no network content",
        ],
        desc="phishing spam from a look-alike domain (no spam headers), HTML-only",
    )


def c062():
    date = "2025-04-08 14:44"
    msgid = "<8899aabb.ccdd.eeff@promo.nordic-venue-deals.com>"
    subject = "Konferenspaket 2025 för skolor – boka nätverksträffen hos oss!"
    frm = "bokning@nordic-venue-deals.com"
    text = (
        "Hej!\n\nPlanerar ni nätverksträffar under hösten? Boka vårt konferenspaket före 30 april och få 20 % rabatt. "
        "Lediga datum: 18 september, 9 oktober och 13 november.\n\nMed vänliga hälsningar\nNordic Venue Deals\n\n"
        "Avsluta prenumeration: svara STOPP\n"
    )
    eml = message(
        std_headers(
            addr("Nordic Venue Deals", frm),
            "undisclosed-recipients:;",
            subject,
            date,
            msgid,
            [
                ("X-Spam-Flag", "YES"),
                (
                    "X-Spam-Status",
                    "Yes, score=8.4 required=5.0 tests=BAYES_99,"
                    "HTML_MESSAGE,RDNS_NONE,URIBL_BLOCKED",
                ),
                ("X-Spam-Level", "********"),
            ],
        ),
        text_part(text),
    )
    case(
        "skrappost-konferensreklam",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="ignored",
        ignored_reason="spam",
        network=None,
        reasons=[
            "X-Spam-Flag: YES, unsolicited advertising",
            "'lediga datum' are venue offers, not meetings",
        ],
        desc="unsolicited venue advertising flagged X-Spam-Flag: YES, offering 'lediga datum'",
    )


def c063():
    me = P(INTRO, "Håkan Nilsson")
    date = "2025-11-28 08:10"
    msgid = "<CAF8kQ1xTack4v5U6t7S8r9Q0p1O2n3M4l5K6j7I8h9G0f@mail.gmail.com>"
    subject = "Tack för senast!"
    text = (
        "Hej alla!\n\nTack för senast i Tidaholm, roligt att ni kom! Bilderna från studiebesöket finns i vår "
        "delade mapp.\n\nHåkan\n"
    )
    to = ", ".join(
        addr(p["name"], p["email"], "b")
        for p in INTRO
        if p["name"] in ("Johan Ekström", "Sara Johansson", "Ida Backman", "Katarina Eklund")
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"], "b"),
            to,
            subject,
            date,
            msgid,
            subject_style="b",
            cc=MAILBOX,
        ),
        gmail_alt(text, "000000000000tack0123456789ab"),
    )
    case(
        "tack-for-senast",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network=None,
        reasons=[
            "a thank-you from a person: no member list, dates, protocol, agenda or report",
            "no network named",
            "nothing for the store -> ignored (no-content)",
        ],
        desc="'Tack för senast!' from a member: human mail with nothing for the store -> ignored no-content",
    )


def c064():
    me = P(FSK, "Malin Eriksson")
    karin = P(FSK, "Karin Lindqvist")
    date = "2025-05-12 08:03"
    msgid = "<HJO0PR05MB3300AB12CD34EF56AB78CD90EF12AB34@HJO0PR05MB3300.eurprd05.prod.outlook.com>"
    subject = "SV: Kallelse och dagordning – förskolenätverket 16 maj"
    new = "Hej Karin!\n\nJag kan tyvärr inte komma den 16 maj, vi har personaldag i Hjo. Jag skickar ingen ersättare.\n\nMvh Malin\n"
    old = (
        "Hej alla!\n\nVälkomna till nätverksträff fredag 16 maj kl. 9.00–15.00 på Kulturhuset i Tibro.\n\n"
        "Dagordning\n1. Inledning och presentation av Tibros förskolor\n2. Studiebesök på två förskolor\n"
        "3. Lunch 12.00–13.00\n4. Språkutvecklande arbete\n5. Volymminskning i förskolan\n6. Övriga frågor\n\n"
        "Hjärtligt välkomna!\nKarin Lindqvist\n"
    )
    qargs = (
        f"Karin Lindqvist <{karin['email']}>",
        "den 9 maj 2025 13:00",
        "forskolenatverket@lidkoping.se",
        "Kallelse och dagordning – förskolenätverket 16 maj",
        old,
        "Utbildning Skaraborg <utbildning@skaraborg.se>",
    )
    text = new + "\n" + outlook_quote_text(*qargs)
    html_inner = mso_lines(new) + outlook_quote_html(*qargs)
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            addr(karin["name"], karin["email"]),
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=TO_MAILBOX,
        ),
        outlook_alt(text, "_000_HJO0PR05MB3300AB12CD34EF56_", html_inner),
    )
    case(
        "forskola-forhinder-svar-pa-kallelse",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="ignored",
        ignored_reason="no-content",
        network="forskola",
        reasons=[
            "a member's apology for absence (förhinder) replying to the kallelse",
            "the quoted kallelse ('Från: … Skickat: den 9 maj 2025') is history, not this mail's meeting",
            "an individual apology is nothing the store keeps -> ignored (no-content)",
        ],
        desc="reply with 'kan tyvärr inte komma' quoting the kallelse -> ignored no-content, no meetings",
    )


# ==========================================================================
# 065-069  needs_review and network judgement
# ==========================================================================


def c065():
    me = P(VUX, "Emil Rask")
    date = "2025-10-01 12:00"
    msgid = "<TIB0PR01MB4040A0A1A2A3A4A5A6A7A8A9B0B1B2B3@TIB0PR01MB4040.eurprd01.prod.outlook.com>"
    subject = "Extra träff KomX – vecka 44"
    text = (
        "Hej Vux-nätverket!\n\nVi i Tibro bjuder in till en extra nätverksträff om KomX. Den blir vecka 44 här i "
        "Tibro, vi återkommer med dag och tid.\n\nEmil Rask\nVuxenutbildningen Tibro\n"
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            "vux-natverket@skovde.se",
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=TO_MAILBOX,
        ),
        outlook_alt(text, "_000_TIB0PR01MB4040A0A1A2A3A4A5_"),
    )
    case(
        "vux-endast-vecka-44",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network="vuxenutbildning",
        kinds=["meeting_dates"],
        meetings=[],
        reasons=[
            "an extra meeting announced only as 'vecka 44' in Tibro – a week is not a date",
            "day and time to come -> nothing to register yet -> needs_review",
        ],
        desc="meeting announced only as 'vecka 44' -> needs_review, no meeting",
    )


def c066():
    me = P(GRU, "Maria Sjöberg")
    date = "2025-09-16 10:35"
    msgid = "<HE1PR03MB2841E9E8E7E6E5E4E3E2E1E0D9D8D7D6@HE1PR03MB2841.eurprd03.prod.outlook.com>"
    subject = "Protokoll grundskolenätverket 2025-09-12"
    present = [
        "Anders Nyberg",
        "Maria Sjöberg",
        "Peter Sandberg",
        "Lena Åberg",
        "Erik Holm",
        "Camilla Strand",
        "Fredrik Öberg",
        "Magnus Engström",
        "Henrik Sjödin",
        "Niklas Hammar",
        "Stefan Ahlqvist",
        "Patrik Söderlund",
        "Tobias Björk",
    ]
    doc = docx_bytes(
        [
            ("h", "Protokoll – Nätverket Grundskola Skaraborg", 1),
            ("p", "Datum: fredag 12 september 2025, kl. 08.30–11.30"),
            ("p", "Plats: Stadshuset, Skövde"),
            (
                "p",
                "Närvarande: Anders Nyberg (ordf.), Maria Sjöberg (sekr.), "
                + ", ".join(present[2:]),
            ),
            ("p", "Anmält förhinder: Ola Granqvist, Daniel Ekman"),
            (
                "numbered",
                [
                    "Mötets öppnande",
                    "Genomgång av uppdragsbeskrivningen för grundskolenätverket",
                    "Skolnärvaro – läget i kommunerna",
                    "Övergången förskola–förskoleklass: gemensamt arbete med förskolenätverket. Förskolenätverkets "
                    "presidium bjuds in till vårt nästa möte.",
                    "Återrapportering till skolchefsnätverket",
                ],
            ),
            ("p", "Nästa möte: 24 oktober kl. 08.30–11.30, Rådhuset, Falköping"),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = (
        "Hej!\n\nProtokollet från nätverksträffen bifogas. Observera punkt 4 om samarbetet med förskolenätverket.\n\n"
        "/Maria\n"
    )
    body = multipart(
        "mixed",
        "_004_HE1PR03MB2841E9E8E7E6E5E4_",
        [
            outlook_alt(text, "_000_HE1PR03MB2841E9E8E7E6E5E4_"),
            attach(doc, DOCX, "Protokoll grundskolenätverket 2025-09-12.docx", style="2047"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "grundskola-protokoll-namner-forskolenatverket",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-09-12", "08:30", "11:30", "Stadshuset, Skövde"),
            T("2025-10-24", "08:30", "11:30", "Rådhuset, Falköping"),
        ],
        protocol=proto("2025-09-12", present),
        reasons=[
            "two networks named: the förskolenätverket only as a partner in item 4",
            "subject, file name and heading say grundskola -> grundskola",
            "Anmält förhinder not attendees; Nästa möte 24 oktober (2025)",
        ],
        desc="grundskola protocol that also names the förskolenätverket: strongest evidence wins -> grundskola",
    )


def c067():
    me = P(FSK, "Jenny Lindholm")
    date = "2026-01-12 10:30"
    msgid = "<KBG0PR02MB1212F0E1D2C3B4A5968778695A4B3C2D@KBG0PR02MB1212.eurprd02.prod.outlook.com>"
    subject = "Träffar grundskola/förskola VT26"
    text = """Hej!

Här kommer datumen för vårens träffar:

fre 30 jan kl 9–12, Kommunhuset, Karlsborg
fre 27 mars kl 9–12, Kommunhuset, Karlsborg

Hälsningar
Jenny Lindholm
Rektor F–6, Karlsborgs kommun
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_KBG0PR02MB1212F0E1D2C3B4A5_"),
    )
    case(
        "tva-natverk-oklart-vilket",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="needs_review",
        network=None,
        kinds=["meeting_dates"],
        meetings=[
            T("2026-01-30", "09:00", "12:00", "Kommunhuset, Karlsborg"),
            T("2026-03-27", "09:00", "12:00", "Kommunhuset, Karlsborg"),
        ],
        reasons=[
            "subject names both grundskola and förskola; nothing says which network the dates belong to",
            "dates are clear ('fre 30 jan', 'fre 27 mars', 2026 from Date) but the network is not",
            "-> network null, needs_review",
        ],
        desc="two networks named ('grundskola/förskola') with no way to tell -> network null, needs_review",
    )


def c068():
    date = "2025-10-14 13:20"
    msgid = "<SKV0PR04MB5151A1B2C3D4E5F60718293A4B5C6D7E@SKV0PR04MB5151.eurprd04.prod.outlook.com>"
    subject = "Protokoll från i fredags"
    frm = "oskar.linden@skovde.se"
    doc = docx_bytes(
        [
            ("h", "Protokoll nätverksträff 2025-10-10", 1),
            ("p", "Tid: 13.00–15.00"),
            ("p", "Plats: Kulturhuset, Skövde"),
            ("b", "Närvarande"),
            (
                "bullets",
                [
                    "Oskar Lindén, Skövde",
                    "Ebba Sandström, Lidköping",
                    "Viktor Hedman, Falköping",
                    "Amira Haddad, Mariestad",
                    "Johanna Berglund, Skara",
                ],
            ),
            ("b", "Frånvarande"),
            ("p", "Gustav Nyström, Vara"),
            ("numbered", ["Erfarenhetsutbyte", "Gemensam fortbildning under våren", "Skolnärvaro"]),
            ("p", "Nästa möte: 2025-12-12 kl 13.00–15.00, Skara"),
        ],
        doc_time(date),
        author="Oskar Lindén",
    )
    text = "Hej!\n\nHär kommer protokollet från i fredags.\n\nMvh\nOskar Lindén\nRektor, Skövde kommun\n"
    body = multipart(
        "mixed",
        "_004_SKV0PR04MB5151A1B2C3D4E5F6_",
        [
            outlook_alt(text, "_000_SKV0PR04MB5151A1B2C3D4E5F6_"),
            attach(doc, DOCX, "Protokoll 2025-10-10.docx", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr("Oskar Lindén", frm), TO_MAILBOX, subject, date, msgid, OUTLOOK_X), body
    )
    case(
        "protokoll-utan-natverk",
        eml,
        msgid=msgid,
        frm=frm,
        subject=subject,
        disposition="needs_review",
        network=None,
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-10-10", "13:00", "15:00", "Kulturhuset, Skövde"),
            T("2025-12-12", "13:00", "15:00", "Skara"),
        ],
        protocol=proto(
            "2025-10-10",
            ["Oskar Lindén", "Ebba Sandström", "Viktor Hedman", "Amira Haddad", "Johanna Berglund"],
        ),
        reasons=[
            "a readable protocol, but no network is named in subject, body, file name or document",
            "sender is not in any list the mail shows",
            "-> network null, needs_review",
        ],
        desc="protocol that never names its network (unknown sender) -> network null, needs_review",
    )


def c069():
    me = P(ANP, "Elin Gustavsson")
    date = "2025-12-10 14:12"
    msgid = "<FKP0PR03MB6060ABCDEF0123456789ABCDEF012345@FKP0PR03MB6060.eurprd03.prod.outlook.com>"
    subject = "Träffar anpassad grundskola VT 2026"
    text = """Hej!

Undernätverket för anpassad grundskola träffas under våren:

fredag 16 januari kl 13–15.30 (Stadshuset, Falköping)
fredag 20 mars kl 13–15.30 (Kommunhuset, Tibro)

Hälsningar
Elin Gustavsson
Rektor anpassad grundskola, Falköpings kommun
"""
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X[2:]),
        outlook_alt(text, "_000_FKP0PR03MB6060ABCDEF012345_"),
    )
    case(
        "anpassad-grundskola-ar-inte-grundskola",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[
            T("2026-01-16", "13:00", "15:30", "Stadshuset, Falköping"),
            T("2026-03-20", "13:00", "15:30", "Kommunhuset, Tibro"),
        ],
        reasons=[
            "'anpassad grundskola' is a sub-network of Anpassad skola, not the grundskola network",
            "sub-network meetings are meetings of the anpassad-skola network",
            "'kl 13–15.30' -> 13:00–15:30; January/March of 2026 (sent December 2025)",
        ],
        desc="'anpassad grundskola' (contains 'grundskola') -> anpassad-skola; times 'kl 13–15.30'",
    )


# ==========================================================================
# 070-076  Character sets, HTML-only, odd MIME
# ==========================================================================


def c070():
    me = P(ANP, "Roger Falk")
    date = "2025-02-11 09:40"
    msgid = "<20250211094012.4411@vara.se>"
    subject = "Minnesanteckningar särskolenätverket 7/2"
    text = """Hej!

Här kommer minnesanteckningarna från träffen i fredags med grundsärskolans och gymnasiesärskolans rektorer.

Minnesanteckningar – särskolenätverket
Datum: 2025-02-07 kl 9–12
Plats: Folkets hus, Vara

Närvarande: Gunilla Rydén, Hanna Sundqvist, Roger Falk, Susanne Borg, Björn Ängström, Anneli Carlsson
Anmält förhinder: Elin Gustavsson, Jessica Mårtensson, Lars Olausson, Ulla Brandt

1. Elevhälsa – erfarenhetsutbyte kring elevhälsoteamens arbete.
2. Programutbudet i gymnasiesärskolan – Vara presenterade sitt nya program.

Nästa möte: fredag 4 april kl 9–12 i Falköping.

/Roger Falk, rektor, Vara kommun
"""
    body = part(
        [("Content-Type", "text/plain"), ("Content-Transfer-Encoding", "8bit")],
        text.encode("cp1252"),
    )
    eml = message(
        [
            ("From", addr(me["name"], me["email"], "latin1")),
            ("To", MAILBOX),
            ("Subject", q_word(subject, "iso-8859-1")),
            ("Date", date_hdr(date)),
            ("Message-ID", msgid),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
        body,
    )
    att = [
        "Gunilla Rydén",
        "Hanna Sundqvist",
        "Roger Falk",
        "Susanne Borg",
        "Björn Ängström",
        "Anneli Carlsson",
    ]
    case(
        "anpassad-sarskola-gammalt-namn-cp1252-odeklarerad",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-02-07", "09:00", "12:00", "Folkets hus, Vara"),
            T("2025-04-04", "09:00", "12:00", "Falköping"),
        ],
        protocol=proto("2025-02-07", att),
        reasons=[
            "body is Windows-1252 (å, ä, ö and the en dash 0x96) with no charset declared",
            "'särskolenätverket' / grundsärskola / gymnasiesärskola: the old names of anpassad skola (renamed 2023)",
            "minnesanteckningar with Närvarande and Anmält förhinder; Nästa möte fredag 4 april (2025)",
        ],
        desc="undeclared Windows-1252 body; network called by its old name 'särskolenätverket' -> anpassad-skola",
    )


def c071():
    me = P(GRU, "Anders Nyberg")
    date = "2026-01-26 15:45"
    msgid = "<VE1PR01MB6644F9F8F7F6F5F4F3F2F1F0E9E8E7E6@VE1PR01MB6644.eurprd01.prod.outlook.com>"
    subject = "Kallelse nätverk grundskola 6 februari"
    text = """Hej alla!

Välkomna till nätverksträff fredag 6 februari kl. 08.30–11.30, Kommunhuset, Mariestad.

Dagordning
1. Mötets öppnande
2. Mottagande av nyanlända – remissvar
3. Studiehandledning på modersmålet – Tibros modell
4. Rekrytering – gemensam annonsering
5. Övrigt

Anders Nyberg, ordförande
"""
    body = text_part(text, charset="windows-1252", cte="quoted-printable")
    eml = message(
        [
            ("From", addr(me["name"], me["email"])),
            ("To", "natverk-grundskola@skovde.se"),
            ("CC", TO_MAILBOX),
            ("Subject", q_word(subject, "windows-1252")),
            ("Date", date_hdr(date)),
            ("Message-ID", msgid),
            ("X-Mailer", "Microsoft Outlook 16.0"),
        ],
        body,
    )
    case(
        "grundskola-kallelse-windows-1252-deklarerad",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="grundskola",
        kinds=["agenda", "meeting_dates"],
        meetings=[T("2026-02-06", "08:30", "11:30", "Kommunhuset, Mariestad")],
        reasons=[
            "text/plain; charset=windows-1252, quoted-printable; subject =?windows-1252?Q?…?=",
            "kallelse with dagordning for fredag 6 februari (2026) kl. 08.30–11.30",
        ],
        desc="kallelse with dagordning in a declared windows-1252 quoted-printable body and subject",
    )


def c072():
    me = P(FSK, "Åsa Kjellberg")
    date = "2025-09-24 16:05"
    msgid = "<DB9PR02MB7321ISO88591ABCDEF0123456789ABCD@DB9PR02MB7321.eurprd02.prod.outlook.com>"
    subject = "Minnesanteckningar 2025-09-19"
    text = """Minnesanteckningar förskolenätverket 2025-09-19
Plats: Stadshuset, Hjo. Tid: 9.00-12.00

Närvarande: Karin Lindqvist, Åsa Kjellberg, Mikael Bergström, Therese Dahl, Helena Forsberg, Annika Lundgren, Sofia Hedlund, Malin Eriksson, Cecilia Nordin, Kristina Wallin, Marie Fransson
Förhinder: Jonas Wikström, Ulrika Blom, Linda Persson, Jenny Lindholm

- Övergångar mellan förskolor: Hjo presenterade sin rutin.
- Barnens närvaro: en gemensam enkät tas fram.

Nästa träff: fredag 7 november kl. 9-12, Stadshuset, Skara.

/Åsa
"""
    eml = message(
        std_headers(addr(me["name"], me["email"], "latin1"), TO_MAILBOX, subject, date, msgid),
        text_part(text, charset="iso-8859-1", cte="base64"),
    )
    att = [
        "Karin Lindqvist",
        "Åsa Kjellberg",
        "Mikael Bergström",
        "Therese Dahl",
        "Helena Forsberg",
        "Annika Lundgren",
        "Sofia Hedlund",
        "Malin Eriksson",
        "Cecilia Nordin",
        "Kristina Wallin",
        "Marie Fransson",
    ]
    case(
        "forskola-minnesanteckningar-iso-8859-1-datum-i-rubrik",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-09-19", "09:00", "12:00", "Stadshuset, Hjo"),
            T("2025-11-07", "09:00", "12:00", "Stadshuset, Skara"),
        ],
        protocol=proto("2025-09-19", att),
        reasons=[
            "ISO-8859-1 body in base64",
            "meeting date only in the heading/subject '2025-09-19'",
            "Förhinder not attendees",
            "Nästa träff fredag 7 november (2025)",
        ],
        desc="minnesanteckningar in an ISO-8859-1 base64 body; the meeting date only in the heading",
    )


def c073():
    me = P(ANP, "Gunilla Rydén")
    date = "2026-02-06 11:20"
    msgid = "<AS8PR04MB8123HTMLONLY0123456789ABCDEF0123@AS8PR04MB8123.eurprd04.prod.outlook.com>"
    subject = "Kallelse: nätverket Anpassad skola 13 februari (Teams)"
    inner = (
        mso_p("Hej alla!")
        + mso_p()
        + mso_p(
            "Välkomna till nätverksträff i nätverket Anpassad skola fredag 13 februari kl. 09.00–12.00 på Teams "
            "(länk nedan)."
        )
        + mso_p()
        + mso_p("Dagordning", bold=True)
        + '<ol style="margin-top:0cm" start="1" type="1">\n'
        + "".join(
            f'<li class="MsoListParagraph" style="margin-left:0cm;mso-list:l0 level1 lfo1">{html.escape(x)}'
            f"<o:p></o:p></li>\n"
            for x in [
                "Välkommen och incheckning",
                "Elevhälsans kompetens – förslag på gemensam fortbildning",
                "Programutbud anpassad gymnasieskola",
                "Rektorsdag i vår",
                "Övrigt",
            ]
        )
        + "</ol>\n"
        + mso_p()
        + '<div><p class="MsoNormal"><span style="font-size:18.0pt;color:#242424">Microsoft Teams</span>'
        '<o:p></o:p></p></div>\n<p class="MsoNormal"><a href="https://teams.microsoft.com/l/meetup-join/'
        '19%3ameeting_ZjA1NDk2YTYtZmFrZS1jb3JwdXM%40thread.v2/0"><b>Anslut till mötet nu</b></a>'
        "<o:p></o:p></p>\n"
        + mso_p("Mötes-ID: 345 678 901 234")
        + mso_p("Lösenkod: Xy7pQ2")
        + mso_p()
        + mso_p("Gunilla Rydén")
        + mso_p("Ordförande, nätverket Anpassad skola")
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            "anpassad-natverket@mariestad.se",
            subject,
            date,
            msgid,
            OUTLOOK_X[2:],
            cc=TO_MAILBOX,
        ),
        text_part(outlook_html(inner), "html", cte="quoted-printable"),
    )
    case(
        "anpassad-kallelse-endast-html",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["agenda", "meeting_dates"],
        meetings=[T("2026-02-13", "09:00", "12:00", "Teams")],
        reasons=[
            "HTML-only body (no text/plain part) with an <ol> dagordning",
            "meeting fredag 13 februari (2026) kl. 09.00–12.00 on Teams",
            "Mötes-ID and lösenkod digits are not dates or times",
        ],
        desc="HTML-only Outlook kallelse with <ol> dagordning and a Teams block (meeting id digits)",
    )


def c074():
    me = P(VUX, "Mats Lindberg")
    date = "2026-01-19 09:35"
    msgid = "<GV0P278MB0999NODISP0123456789ABCDEF012345@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>"
    subject = "Deltagare Vux-nätverket 2026"
    rows = [["Namn", "E-post"]] + [[p["name"], p["email"]] for p in VUX]
    doc = docx_bytes(
        [
            ("h", "Vux-nätverket – deltagare 2026", 1),
            ("table", rows),
            (
                "p",
                "Presidium: Mats Lindberg (ordförande), Ingrid Thorén och Jörgen Palm. "
                "Sekreterare är värdkommunen för respektive möte.",
            ),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej!\n\nHär är nätverkets deltagare för 2026.\n\nMats\n"
    body = multipart(
        "mixed",
        "_004_GV0P278MB0999NODISP01234_",
        [
            outlook_alt(text, "_000_GV0P278MB0999NODISP01234_"),
            attach(doc, DOCX, "Deltagare Vux 2026.docx", disp=None, style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    members = [M(p["name"], p["email"], None, p["role"]) for p in VUX]
    case(
        "vux-deltagare-docx-utan-disposition",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["member_list"],
        members=members,
        reasons=[
            "attachment has only Content-Type with name=, no Content-Disposition: still an attachment",
            "table Namn/E-post without municipality -> municipality null",
            "roles from the paragraph 'Presidium: Mats Lindberg (ordförande), Ingrid Thorén och Jörgen Palm'",
        ],
        desc="member .docx with no Content-Disposition; no municipality column; roles given in a sentence below the table",
    )


def c075():
    me = P(VUX, "Jörgen Palm")
    date = "2025-10-14 11:05"
    msgid = "<VI1PR07MB5530RFC2231CONT0123456789ABCDEF@VI1PR07MB5530.eurprd07.prod.outlook.com>"
    subject = "Protokoll Vux-nätverket 9 oktober (Teams-möte)"
    subj_raw = "=?iso-8859-1?Q?Protokoll_Vux-n=E4tverket_9_oktober?=\n " + b_word(" (Teams-möte)")
    present = [
        "Mats Lindberg",
        "Ingrid Thorén",
        "Jörgen Palm",
        "Nina Ståhl",
        "Birgitta Lööf",
        "Kristoffer Dahlin",
        "Monica Hellström",
        "Agneta Wiklund",
        "Emil Rask",
        "Tomas Grahn",
    ]
    doc = docx_bytes(
        [
            ("h", "Protokoll Vux-nätverket", 1),
            ("p", "Datum: torsdag 9 oktober 2025"),
            ("p", "Tid: 09.00–12.00"),
            ("p", "Plats: Teams"),
            ("p", "Närvarande:"),
            ("bullets", present),
            (
                "p",
                "Frånvarande: Robert Isaksson, Sven-Erik Bohlin, Veronica Moberg (föräldraledig), Lisbeth Ohlsson, "
                "Pia Nordqvist",
            ),
            (
                "numbered",
                [
                    "KomX – läget i implementeringen",
                    "Lärcenter – slutrapport i oktober",
                    "Samverkan med IM-nätverket om yrkesutbildningar",
                ],
            ),
            ("p", "Nästa möte: 27 november kl. 13–16, Vuxenutbildningen, Tidaholm"),
            ("p", "Protokollförare: Jörgen Palm (Teams-möte, ingen värdkommun)"),
        ],
        doc_time(date),
        author=me["name"],
    )
    text = "Hej,\n\nProtokollet från Teams-mötet bifogas.\n\nJörgen\n"
    body = multipart(
        "mixed",
        "_004_VI1PR07MB5530RFC2231CONT_",
        [
            outlook_alt(text, "_000_VI1PR07MB5530RFC2231CONT_"),
            attach(
                doc, DOCX, "Protokoll Vux-nätverket 2025-10-09 Teams-möte.docx", style="2231cont"
            ),
        ],
    )
    eml = message(
        [
            ("From", "=?iso-8859-1?Q?J=F6rgen_Palm?= <jorgen.palm@falkoping.se>"),
            ("To", TO_MAILBOX),
            ("Subject", subj_raw),
            ("Date", date_hdr(date)),
            ("Message-ID", msgid),
        ]
        + OUTLOOK_X,
        body,
    )
    case(
        "vux-protokoll-rfc2047-blandat-rfc2231-fortsattning",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-10-09", "09:00", "12:00", "Teams"),
            T("2025-11-27", "13:00", "16:00", "Vuxenutbildningen, Tidaholm"),
        ],
        protocol=proto("2025-10-09", present),
        reasons=[
            "subject in two encoded words (ISO-8859-1 Q + UTF-8 B)",
            "filename in RFC 2231 continuations",
            "IM-nätverket only mentioned as partner -> vuxenutbildning",
            "Frånvarande not attendees; Nästa möte 27 november (2025)",
        ],
        desc="subject split over ISO-8859-1 and UTF-8 encoded words; RFC 2231 continued filename; protocol .docx",
    )


def c076():
    me = P(ANP, "Hanna Sundqvist")
    date = "2024-09-13 14:50"
    msgid = "<AM9PR09MB4567RELATED0123456789ABCDEF0123@AM9PR09MB4567.eurprd09.prod.outlook.com>"
    subject = "Deltagarlista nätverket Anpassad skola 2024/2025"
    people = [p for p in ANP if p["name"] != "Pernilla Ljung"]
    people.insert(
        8, {"name": "Ulla Brandt", "muni": "Hjo", "email": "ulla.brandt@hjo.se", "role": "ledamot"}
    )
    role = {"ordforande": "Ordförande", "sekreterare": "sektreterare", "ledamot": ""}
    rows = [["Namn", "Kommun", "E-post", "Roll"]] + [
        [p["name"], p["muni"], p["email"], role[p["role"]]] for p in people
    ]
    x = xlsx_bytes(
        [
            (
                "Deltagare 24-25",
                rows,
                {"bold_rows": [1], "widths": {"A": 22, "B": 12, "C": 32, "D": 14}},
            )
        ],
        doc_time(date),
        author=me["name"],
    )
    cid = "image001.png@01DB05A1.2C3D4E50"
    text = (
        "Hej!\n\nBifogar deltagarlistan för nätverket Anpassad skola läsåret 2024/2025.\n\nVänliga hälsningar\n"
        "Hanna Sundqvist\nSekreterare, nätverket Anpassad skola\n[Skövde kommun]\n"
    )
    html_inner = (
        mso_lines(text.replace("[Skövde kommun]\n", ""))
        + f'<p class="MsoNormal"><img width="120" height="40" style="width:1.25in;height:.4166in" '
        f'id="Bild_x0020_1" src="cid:{cid}" alt="Skövde kommun"><o:p></o:p></p>\n'
    )
    related = multipart(
        "related",
        "_005_AM9PR09MB4567RELATED0123_",
        [
            outlook_alt(text, "_000_AM9PR09MB4567RELATED0123_", html_inner),
            part(
                [
                    ("Content-Type", 'image/png; name="image001.png"'),
                    ("Content-Description", "image001.png"),
                    (
                        "Content-Disposition",
                        'inline; filename="image001.png"; size=%d' % len(png_logo()),
                    ),
                    ("Content-ID", f"<{cid}>"),
                    ("Content-Transfer-Encoding", "base64"),
                ],
                base64.encodebytes(png_logo()),
            ),
        ],
        params='; type="multipart/alternative"',
    )
    body = multipart(
        "mixed",
        "_006_AM9PR09MB4567RELATED0123_",
        [related, attach(x, XLSX, "Deltagarlista Anpassad skola 2024-2025.xlsx", style="2231")],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    members = [M(p["name"], p["email"], p["muni"], p["role"]) for p in people]
    case(
        "anpassad-deltagarlista-xlsx-multipart-related",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["member_list"],
        members=members,
        reasons=[
            "Outlook multipart/related (inline signature logo via cid) + .xlsx member list",
            "the inline PNG is a signature image, not a document",
            "role typo 'sektreterare' is still sekreterare",
        ],
        desc="multipart/related with inline cid logo + .xlsx member list; role typo 'sektreterare'",
    )


# ==========================================================================
# 077-080  More document formats: .rtf, .ods, .txt, .html attachments
# ==========================================================================


def rtf_bytes(paragraphs) -> bytes:
    """Hand-written RTF (as WordPad/Word save it): cp1252 escapes for å, ä, ö and the en dash."""

    def esc(t):
        out = []
        for ch in t:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                out.append("\\'%02x" % ch.encode("cp1252")[0])
        return "".join(out)

    body = []
    for kind, t in paragraphs:
        body.append(("{\\b " + esc(t) + "}" if kind == "b" else esc(t)) + "\\par")
    doc = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1053{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}\n"
        "{\\*\\generator Riched20 10.0.22621}\\viewkind4\\uc1 \n\\pard\\sa200\\sl276\\slmult1\\f0\\fs22\\lang29 "
        + "\n".join(body)
        + "\n}\n"
    )
    return doc.encode("ascii")


def ods_bytes(rows, when: dt.datetime, date_cols=()) -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P as OP

    doc = OpenDocumentSpreadsheet()
    t = Table(name="Blad1")
    t.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
    for r in rows:
        tr = TableRow()
        for j, val in enumerate(r):
            if isinstance(val, dt.date):
                tc = TableCell(valuetype="date", datevalue=val.isoformat())
                tc.addElement(OP(text=val.isoformat()))
            else:
                tc = TableCell(valuetype="string")
                tc.addElement(OP(text=val))
            tr.addElement(tc)
        t.addElement(tr)
    doc.spreadsheet.addElement(t)
    buf = io.BytesIO()
    doc.write(buf)
    return normalise_zip(buf.getvalue(), when)


def c077():
    me = P(VUX, "Mats Lindberg")
    date = "2025-02-10 14:20"
    msgid = "<GV0P278MB0999RTF0123456789ABCDEF0123456789@GV0P278MB0999.CHEP278.PROD.OUTLOOK.COM>"
    subject = "Minnesanteckningar Vux-nätverket 6 februari"
    present = [
        "Mats Lindberg",
        "Ingrid Thorén",
        "Jörgen Palm",
        "Nina Ståhl",
        "Robert Isaksson",
        "Birgitta Lööf",
        "Monica Hellström",
        "Agneta Wiklund",
        "Emil Rask",
        "Veronica Moberg",
        "Lisbeth Ohlsson",
    ]
    rtf = rtf_bytes(
        [
            ("b", "Minnesanteckningar – Nätverket för vuxenutbildning"),
            ("p", "Datum: torsdag 6 februari 2025, kl. 13.00–16.00"),
            ("p", "Plats: Campus Skövde (värd: Skövde)"),
            ("p", "Närvarande: " + ", ".join(present)),
            (
                "p",
                "Anmält förhinder: Kristoffer Dahlin, Sven-Erik Bohlin, Tomas Grahn, Pia Nordqvist",
            ),
            ("b", "1. Lärcenter"),
            ("p", "Utredningen om regional samverkan utifrån Lärcenter-tanken fortsätter."),
            ("b", "2. KomX"),
            ("p", "Beslutad organisation implementeras; delrapport i juni."),
            ("p", "Nästa möte: torsdag 20 mars kl. 13.00–16.00, Lärcenter, Lidköping."),
            ("p", "Antecknat av Mats Lindberg, Skövde (värdkommun)"),
        ]
    )
    text = "Hej!\n\nSom värdkommun skickar vi minnesanteckningarna från torsdagens träff.\n\nMats\n"
    body = multipart(
        "mixed",
        "_004_GV0P278MB0999RTF012345678_",
        [
            outlook_alt(text, "_000_GV0P278MB0999RTF012345678_"),
            attach(rtf, "application/rtf", "Minnesanteckningar Vux 2025-02-06.rtf", style="plain"),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "vux-minnesanteckningar-rtf",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="vuxenutbildning",
        kinds=["meeting_dates", "protocol"],
        meetings=[
            T("2025-02-06", "13:00", "16:00", "Campus Skövde"),
            T("2025-03-20", "13:00", "16:00", "Lärcenter, Lidköping"),
        ],
        protocol=proto("2025-02-06", present),
        reasons=[
            "minnesanteckningar as .rtf (cp1252 escapes) from the host municipality",
            "'(värd: Skövde)' is a remark, not part of the place",
            "Anmält förhinder not attendees",
            "Nästa möte torsdag 20 mars (2025)",
        ],
        desc="minnesanteckningar as an .rtf attachment (\\'e4-style escapes), host municipality as secretary",
    )


def c078():
    me = P(ANP, "Hanna Sundqvist")
    date = "2024-12-06 10:15"
    msgid = "<AM9PR09MB4567ODS0123456789ABCDEF012345678@AM9PR09MB4567.eurprd09.prod.outlook.com>"
    subject = "Datum våren 2025 – nätverket Anpassad skola"
    rows = [
        ["Datum", "Tid", "Plats"],
        [dt.date(2025, 2, 7), "9–12", "Folkets hus, Vara"],
        [dt.date(2025, 4, 4), "9–12", "Stadshuset, Falköping"],
        [dt.date(2025, 5, 23), "9–12", "Stadshuset, Skövde"],
    ]
    ods = ods_bytes(rows, doc_time(date))
    text = "Hej!\n\nVårens datum för nätverket Anpassad skola, i kalkylbladet.\n\n/Hanna\n"
    body = multipart(
        "mixed",
        "_004_AM9PR09MB4567ODS012345678_",
        [
            outlook_alt(text, "_000_AM9PR09MB4567ODS012345678_"),
            attach(
                ods,
                "application/vnd.oasis.opendocument.spreadsheet",
                "Datum VT 2025.ods",
                style="plain",
            ),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "anpassad-varens-datum-ods",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="anpassad-skola",
        kinds=["meeting_dates"],
        meetings=[
            T("2025-02-07", "09:00", "12:00", "Folkets hus, Vara"),
            T("2025-04-04", "09:00", "12:00", "Stadshuset, Falköping"),
            T("2025-05-23", "09:00", "12:00", "Stadshuset, Skövde"),
        ],
        reasons=["spring dates in an .ods spreadsheet with date-valued cells", "times '9–12'"],
        desc="meeting plan in an .ods spreadsheet (date-valued cells, '9–12')",
    )


def c079():
    me = P(INTRO, "Johan Ekström")
    date = "2025-09-11 16:00"
    msgid = "<AM6PR02MB4433TXT0123456789ABCDEF0123456789@AM6PR02MB4433.eurprd02.prod.outlook.com>"
    subject = "Dagordning IM-nätverket 18/9"
    agenda = """DAGORDNING – Nätverket för Introduktionsprogrammen
Torsdag 18 september 2025 kl 13.00–16.00
Plats: Campus Skövde

1. Välkommen, nya deltagare
2. Skolnärvaro – nulägesbild per kommun
3. IMV – hur fler elever kan följa ett nationellt program
4. Kompetensutvecklingsplanen – höstens insatser
5. Samverkan med Vux-nätverket
6. Övrigt
"""
    text = "Hej!\n\nDagordningen bifogas som textfil.\n\n/Johan\n"
    body = multipart(
        "mixed",
        "_004_AM6PR02MB4433TXT012345678_",
        [
            outlook_alt(text, "_000_AM6PR02MB4433TXT012345678_"),
            attach(
                agenda.encode("utf-8"),
                'text/plain; charset="utf-8"',
                "Dagordning IM 2025-09-18.txt",
                style="plain",
            ),
        ],
    )
    eml = message(
        std_headers(
            addr(me["name"], me["email"]),
            "im-natverket@skara.se",
            subject,
            date,
            msgid,
            OUTLOOK_X,
            cc=TO_MAILBOX,
        ),
        body,
    )
    case(
        "intro-dagordning-txt-bilaga",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="introduktionsprogrammen",
        kinds=["agenda", "meeting_dates"],
        meetings=[T("2025-09-18", "13:00", "16:00", "Campus Skövde")],
        reasons=[
            "dagordning as a .txt attachment from the chair",
            "Torsdag 18 september 2025 kl 13.00–16.00, Campus Skövde",
            "Vux-nätverket only an agenda item",
        ],
        desc="dagordning as a .txt attachment (text/plain with filename)",
    )


def c080():
    me = P(FSK, "Karin Lindqvist")
    date = "2025-06-13 10:00"
    msgid = "<PA4PR08MB6012HTM0123456789ABCDEF012345678@PA4PR08MB6012.eurprd08.prod.outlook.com>"
    subject = "Återrapportering förskolenätverket VT 2025"
    page = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)"><title>Återrapportering</title></head>
<body lang=SV><div class=WordSection1>
<h1>Återrapportering till skolchefsnätverket – förskolenätverket, våren 2025</h1>
<p class=MsoNormal><b>Språkutvecklande arbete.</b> Kommunerna har delat arbetssätt kring läsfrämjande; en gemensam
materialbank är under uppbyggnad.</p>
<p class=MsoNormal><b>Övergångar.</b> En gemensam överlämningsmall mellan förskola och förskoleklass är framtagen.</p>
<p class=MsoNormal><b>Barnens närvaro.</b> Nätverket har påbörjat en kartläggning av närvaron.</p>
<p class=MsoNormal><b>Volymminskning.</b> Erfarenhetsutbyte om hur förskolor organiserar för färre barn.</p>
<p class=MsoNormal>Nätverket har träffats tre gånger under våren.</p>
</div></body></html>
"""
    text = "Hej!\n\nBifogar förskolenätverkets återrapportering för våren.\n\nKarin Lindqvist\nOrdförande\n"
    body = multipart(
        "mixed",
        "_004_PA4PR08MB6012HTM01234567_",
        [
            outlook_alt(text, "_000_PA4PR08MB6012HTM01234567_"),
            attach(
                page.encode("cp1252"),
                'text/html; charset="windows-1252"',
                "Återrapportering förskolenätverket VT 2025.htm",
                style="2047",
            ),
        ],
    )
    eml = message(
        std_headers(addr(me["name"], me["email"]), TO_MAILBOX, subject, date, msgid, OUTLOOK_X),
        body,
    )
    case(
        "forskola-aterrapportering-htm-bilaga",
        eml,
        msgid=msgid,
        frm=me["email"],
        subject=subject,
        disposition="apply",
        network="forskola",
        kinds=["report"],
        reasons=[
            "återrapportering as a Word-saved .htm attachment (windows-1252)",
            "no meeting dates",
        ],
        desc="återrapportering as an .htm attachment (Word 'web page', windows-1252)",
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


def main():
    build()
    for old in list(OUT.glob("[0-9][0-9][0-9]-*.eml")) + list(OUT.glob("[0-9][0-9][0-9]-*.json")):
        old.unlink()
    for i, (slug, eml, expected, _desc) in enumerate(CASES, start=1):
        stem = f"{i:03d}-{slug}"
        (OUT / f"{stem}.eml").write_bytes(eml)
        (OUT / f"{stem}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(CASES)} cases to {OUT}")


if __name__ == "__main__":
    main()
