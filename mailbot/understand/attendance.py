"""Who was at a meeting, as Swedish protocols and minnesanteckningar write it.

Attendance sits under labels, most often on the protocol's front page, as a block of
labels with the names beside or below them:

    Beslutande            Anna Berg (S), ordförande
                          Per Holm (M)
    Tjänstgörande ersättare  Lars Ek (C)
    Övriga deltagande     Eva Lind, sekreterare
    Utses att justera     Per Holm
    Justeringens plats och tid  Hjo 2025-05-14

Present: "Närvarande", "Deltagare", "Beslutande", "Ledamöter", "Tjänstgörande
ersättare", "Ersättare", "Övriga deltagande/närvarande", "Adjungerade",
"Sekreterare", "Justerare", "Ordförande". Not present: "Frånvarande", "Anmält
förhinder", "Ej närvarande" (also inline after names: "Anna Berg, anmält förhinder").
The block ends at the meeting's business (§, a numbered item) or the signatures.

A line holds one person or several, written as people write them: separated by
commas, semicolons, tabs, two or more spaces, "och"; "Name, Municipality",
"Municipality Name", "Name (Municipality)", "Name, (S), Lilla Edet", "Name – role",
"Name rektor"; a first name alone (a common given name, kept as written). What is not
a person (a municipality, a party letter, a role, "Ja Nej", an x) is left out; a
municipality is never part of a name (all 290, from mailbot/data/).
"""

from __future__ import annotations

import re

from mailbot.understand.gazetteer import is_given_name, is_municipality, municipality_in
from mailbot.understand.members import EMAIL, NAME, ROLE_WORDS, clean_name

_LABELS_PRESENT = (
    r"närvarande(?:\s+(?:ledamöter|ersättare|deltagare|medlemmar|från\s+\S+(?:\s+\S+)?))?|"
    r"deltagare|deltagande|deltog|beslutande(?:\s+ledamöter)?|ledamöter|"
    r"tjänstgörande\s+ersättare|ersättare|"
    r"övriga\s+(?:deltagande|deltagare|närvarande)|övriga|adjungerade?|"
    r"sekreterare|protokollförare|justerare|ordförande|vice\s+ordförande|mötesledare|"
    r"sammankallande|gäst(?:er)?|inbjudna|present|attendees|tjänstemän|tjänstepersoner|"
    r"vi\s+(?:som\s+)?var(?:\s+(?:där|med|på\s+plats))?|med\s+på\s+(?:mötet|träffen)"
)
_LABELS_ABSENT = (
    r"frånvarande(?:\s+ledamöter)?|ej\s+närvarande|anmält\s+förhinder|anmälda\s+förhinder|"
    r"förhinder|frånvaro|ej\s+deltagande|avanmälda|absent|deltog\s+(?:ej|inte)|"
    r"ej\s+deltagit|(?:ej|icke)\s+tjänstgörande(?:\s+ersättare)?"
)
# Labels that end the attendance block (the front page's other fields, the business).
_LABELS_END = (
    r"utses\s+att\s+justera|justeringens\s+(?:plats\s+och\s+tid|tid\s+och\s+plats|tid|plats)|"
    r"justering|underskrift(?:er)?|paragrafer|anslag|bevis|datum\s+(?:för|då)\s+anslag\w*|"
    r"anslaget\s+\w+|förvaringsplats\w*|organ|sammanträdesdatum|plats\s+och\s+tid|"
    r"tid\s+och\s+plats|dagordning|agenda|ärende(?:n|lista)?|punkt|information|beslut|"
    r"nästa\s+(?:möte|träff)|kommande\s+(?:möte|träff)|mötets\s+\w+|datum|tid|plats|lokal|"
    r"mötet\s+öppnas|val\s+av|"
    # A NÄRVAROLISTA is a table: who came is told by its marks (attendees_in_table).
    r"närvarolista|närvaro\s+totalt"
)
_LABEL = re.compile(
    rf"^\s*(?P<label>(?P<absent>{_LABELS_ABSENT})|(?P<present>{_LABELS_PRESENT})|"
    rf"(?P<end>{_LABELS_END}))\b(?:\s*\([^)]{{0,60}}\))?"  # "Närvarande (från kallelsen)"
    rf"\s*(?::|\s{{2,}}|\t|$|\s(?=(?-i:[A-ZÅÄÖ])))\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# The meeting's business: a § or a numbered item ends the front page.
_BUSINESS = re.compile(r"^\s*(?:§\s*\d+|\d{1,2}\s*[.)§]\s+\S|\d{1,2}\s+[A-ZÅÄÖ][a-zåäö]{3,})")
_ABSENT_INLINE = re.compile(
    r"\b(?:anmält|anmälda|anmäld)?\s*förhinder\b|\bfrånvarande\b|\bej\s+närvarande\b|"
    r"\bdeltog\s+(?:inte|ej)\b|\bavanmäld\w*\b|\b(?:ej|icke)\s+tjänstgörande\b",
    re.IGNORECASE,
)
# What is no person: a party letter, a mark, "Tjg §§ 19-26", "Ja Nej".
_PARTY = re.compile(r"\(\s*(?:S|M|C|L|V|KD|MP|SD|FP|Fp|Kd|Mp|Sd|[A-ZÅÄÖ]{1,3})\s*\)")
_NOISE = re.compile(
    r"\btjg\.?\s*(?:§§?\s*[\d\s,–-]+)?|§§?\s*[\d\s,–-]+|\b(?:ja|nej|x|X)\b(?=\s|$)|[✓✔☒☑]",
)
_SPLIT = re.compile(r"\s*(?:[;,\t/•·▪|]|\s{2,}|\s+(?:och|samt)\s+|\s[–—-]\s|\n)\s*")
_ROLE_TAIL = re.compile(
    r"\b(?:ordf\w*|sekr\w*|vice\w*|ledamot|ersättare|justerare|adjungerad|rektor|"
    r"förskolechef|verksamhetschef|skolchef|utbildningschef|förvaltningschef|chef|"
    r"samordnare|koordinator|processledare|utvecklingsledare|specialpedagog|"
    r"studie-?\s*och\s*yrkesvägledare|syv|lärare|kurator|tjänsteperson|gäst|"
    r"presidi\w*|representant|kommunalförbund\w*|skaraborgs|kommun\w*)\b.*$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉÜ][a-zåäöéèüáíóøæ'’]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüáíóøæ'’]+)?$")


def attendees_in_text(text: str) -> list[str]:
    """Everyone the text lists as present, in order, each once."""
    found: list[str] = []
    mode: str | None = None  # "present" | "absent" | None
    blank = 0
    started = False
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            blank += 1
            if blank >= 3 and mode == "present":
                mode = None  # a long gap ends a block
            continue
        blank = 0
        if started and _BUSINESS.match(line):
            break  # the business begins: the front page is over
        label = _LABEL.match(line)
        if label is not None:
            if label.group("present"):
                mode, rest = "present", label.group("rest")
                started = True
            elif label.group("absent"):
                mode, rest = "absent", ""
            else:
                mode, rest = None, ""
            if mode == "present" and rest:
                _add(found, rest)
            continue
        if mode == "present":
            _add(found, line)
    return found


def _add(found: list[str], line: str) -> None:
    for name in names_in_line(line):
        if name not in found:
            found.append(name)


def names_in_line(line: str) -> list[str]:
    """The people a line of an attendance list names (sentence by sentence: "Vi var:
    Anna, Per och jag (Lisa). Oskar hade förhinder." names Anna, Per and Lisa)."""
    found: list[str] = []
    for sentence in re.split(r"(?<=[a-zåäö)])[.!]\s+(?=[A-ZÅÄÖ])", line):
        found += [n for n in _names_in_sentence(sentence) if n not in found]
    return found


def _names_in_sentence(line: str) -> list[str]:
    absent = _ABSENT_INLINE.search(line)
    if absent is not None and re.search(
        r"\b(?:hade|har|hade anmält|har anmält|anmälde)\s*$", line[: absent.start()]
    ):
        return []  # "Oskar och Rebecka hade förhinder": the whole sentence is absence
    last_absent = False
    if absent is not None:  # "…, anmält förhinder: X": X and what follows did not come
        line = line[: absent.start()]
        # "Per Holm (förhinder)", "Per Holm – frånvarande": the name just before, too.
        last_absent = not re.search(r"[,;:]\s*$", line) or bool(re.search(r"[(–-]\s*$", line))
        line = line.rstrip(" (–-")
    # "Filip Ranstam ersätter Jörgen Svärd": the one who came is the first.
    line = re.split(r"\s+(?:ersätter|i stället för|istället för|för)\s+(?=[A-ZÅÄÖ])", line)[0]
    text = EMAIL.sub(" ", line)
    text = _PARTY.sub(" ", text)
    text = _NOISE.sub(" ", text)
    text = re.sub(r"\(([^)]*)\)", r", \1,", text)  # "Name (Skövde)" -> parts
    names: list[str] = []
    for part in _SPLIT.split(text):
        name = _person(part)
        if name:
            names.append(name)
    if last_absent and names:
        names.pop()
    return names


def _person(part: str) -> str | None:
    """One piece of a line: a person's name as written, or None."""
    part = clean_name(re.sub(r"^\s*[-•*·▪◦–]\s*", "", part))
    if not part or any(ch.isdigit() for ch in part):
        return None
    part = _ROLE_TAIL.sub("", part).strip(" ,.:-–")
    if not part or is_municipality(part):
        return None
    words = part.split()
    # "Skövde Anna Berg" / "Anna Berg Skövde" / "Anna Berg Lilla Edet": drop the place.
    for n in (2, 1):
        if len(words) > n + 1 and is_municipality(" ".join(words[:n])):
            words = words[n:]
            break
    for n in (2, 1):
        if len(words) > n + 1 and is_municipality(" ".join(words[-n:])):
            words = words[:-n]
            break
    # "Tornberg Ulrika" (Outlook's "Efternamn Förnamn"): turned round when only the
    # second word is a given name.
    if len(words) == 2 and not is_given_name(words[0]) and is_given_name(words[1]):
        words = [words[1], words[0]]
    candidate = " ".join(words)
    if len(words) == 1:
        word = words[0]
        return word if _NAME_WORD.match(word) and is_given_name(word) else None
    if not NAME.match(candidate) or ROLE_WORDS.search(candidate):
        return None
    if municipality_in(candidate) and not all(_NAME_WORD.match(w) for w in words):
        return None
    if not any(is_given_name(w) for w in words[:2]) and len(words) > 3:
        return None
    return candidate


_HEAD_NAME = re.compile(
    r"^(?:namn|för-?\s*och\s*efternamn|ledamot|ledamöter|ledamöter\s+och\s+ersättare|"
    r"ersättare|deltagare|närvarande|person|representant)\b",
    re.IGNORECASE,
)
_HEAD_MARK = re.compile(r"^(?:närvar\w*|närv\.?|deltog|deltagit|tjg|tjänstgör\w*|närvaro)\b", re.I)
_HEAD_PRESENT_TABLE = re.compile(r"^(?:närvarande|deltagare|närvarolista)\b", re.I)
_HEAD_JOINED = re.compile(
    r"^(?:första anslutning|anslöt|anslutning|tid i mötet|närvarotid|join time|joined|"
    r"first join|duration|in-meeting duration)\b",
    re.I,
)
_MARKED = re.compile(r"^\s*(?:x|ja|yes|närvarande|närv|deltog|tjg\b.*|✓|✔|☒|☑|1)\s*$", re.I)
_ABSENT_CELL = re.compile(r"förhinder|frånvar|ej\s+närv|^nej$|återbud|deltog\s+(?:ej|inte)", re.I)
_HEAD_ABSENT = re.compile(r"^(?:nej|ej\b.*|frånvar\w*|förhinder|anmält förhinder|deltog ej)", re.I)


def attendees_in_table(rows: list[list[str]]) -> list[str]:
    """A table of people: a NÄRVAROLISTA with x (or "ja", "tjg") in a närvaro column,
    or a table headed "Närvarande"/"Deltagare" where everyone listed came. Header rows
    under the first ("Ja Nej Ja Nej") and rows that name no person are skipped."""
    if not rows:
        return []
    header_at = next(
        (i for i, row in enumerate(rows[:3]) if any(_HEAD_NAME.match(c.strip()) for c in row)),
        None,
    )
    if header_at is None:
        return []
    header = [c.strip() for c in rows[header_at]]
    name_col = next(i for i, c in enumerate(header) if _HEAD_NAME.match(c))
    marks = [i for i, c in enumerate(header) if _HEAD_MARK.match(c) and i != name_col]
    # Columns for absence ("Nej", "Ej närvarande", "Förhinder"), in any header row: an x
    # there is an absence, never a presence.
    heads = [rows[header_at]]
    for row in rows[header_at + 1 : header_at + 3]:
        if name_col < len(row) and names_in_line(row[name_col]):
            break  # the people begin
        heads.append(row)
    absent_cols = {i for row in heads for i, c in enumerate(row) if _HEAD_ABSENT.match(c.strip())}
    marks = [i for i in marks if i not in absent_cols]
    # A meeting tool's attendance report (Teams: "Första anslutning", "Tid i mötet"):
    # everyone listed was there.
    joined = any(_HEAD_JOINED.match(c) for c in header)
    everyone = (bool(_HEAD_PRESENT_TABLE.match(header[name_col])) or joined) and not marks
    if not marks and not everyone:
        return []
    found: list[str] = []
    for row in rows[header_at + 1 :]:
        if name_col >= len(row):
            continue
        cells = [c.strip() for c in row]
        if any(_ABSENT_CELL.search(c) for i, c in enumerate(cells) if i != name_col):
            continue
        if any(i < len(cells) and _MARKED.match(cells[i]) for i in absent_cols):
            continue
        # A mark may sit in the column beside its header (merged header cells).
        if (
            marks
            and not any(i < len(cells) and _MARKED.match(cells[i]) for i in marks)
            and not any(
                _MARKED.match(c)
                for i, c in enumerate(cells)
                if i > name_col and i not in absent_cols
            )
        ):
            continue
        for name in names_in_line(cells[name_col]):
            if name not in found:
                found.append(name)
    return found


def attendees_in_label_table(rows: list[list[str]]) -> list[str]:
    """A front page laid out as a table of labels and values ("Beslutande" | the names,
    one per line in the cell): read as the label block it is."""
    lines: list[str] = []
    labelled = False
    for row in rows:
        cells = [c for c in row if c.strip()]
        if len(cells) < 2 or _LABEL.match(cells[0].strip() + ":") is None:
            continue
        labelled = labelled or bool(_LABEL.match(cells[0].strip() + ":").group("present"))  # type: ignore[union-attr]
        lines.append(cells[0].strip() + ":")
        for cell in cells[1:]:
            lines.extend(cell.split("\n"))
    return attendees_in_text("\n".join(lines)) if labelled else []
