"""People in a member list (förteckning): name, e-mail, municipality, role.

Member lists come as tables (Word, Excel, Outlook HTML) with a header row, sometimes
with a merged row ("Presidium") that sets the role of the rows below it, or as lines
of text ("Anna Berg, Skövde, ordf., anna.berg@skovde.se"). Roles are written in many
ways ("ordf.", "sekr.", "presidiet"); they are mapped to four values.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from mailbot.understand.gazetteer import fold, is_given_name, is_municipality

MUNICIPALITIES = (
    "Essunga", "Falköping", "Grästorp", "Gullspång", "Götene", "Hjo", "Karlsborg",
    "Lidköping", "Mariestad", "Skara", "Skövde", "Tibro", "Tidaholm", "Töreboda", "Vara",
)  # fmt: skip
ORGANISATIONS = {"skaraborgs kommunalförbund": "Skaraborgs kommunalförbund"}


_MUNI_BY_FOLD = {fold(m): m for m in MUNICIPALITIES}
_MUNI_PATTERN = re.compile(
    r"(?<!\w)("
    + "|".join(sorted(_MUNI_BY_FOLD, key=len, reverse=True))
    + r")(?:s)?(?:\s+kommun)?(?!\w)"
)
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)

# Order matters: "vice ordförande" is presidium, not the chair.
_ROLES = [
    (re.compile(r"\b(?:vice\s+ordf|v\.?\s*ordf|vice ordförande)", re.I), "presidium"),
    (re.compile(r"\b(?:ordf(?:\.|örande|orande)?|chair|sammankallande)", re.I), "ordforande"),
    (re.compile(r"\b(?:sekr(?:\.|eterare)?|secretary|sekreterarskap)", re.I), "sekreterare"),
    (re.compile(r"\b(?:presidi(?:et|um|e\w*)|arbetsutskott|au)\b", re.I), "presidium"),
    (re.compile(r"\b(?:ledamot|ledamöter|medlem\w*|deltagare|representant|ersättare)\b", re.I),
     "ledamot"),
]  # fmt: skip
ROLE_WORDS = re.compile(
    r"\b(?:ordf\w*|sekr\w*|presidi\w*|ledamot|ledamöter|medlem\w*|deltagare|vice|"
    r"sammankallande|ersättare|representant)\b",
    re.I,
)
_NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéèüáíóøæ'’]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüáíóøæ'’]+)?"
NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:(?:af|von|van|de|la|du)\s+)?{_NAME_WORD}){{1,3}}$")
_HEADER_NAME = re.compile(
    r"^(?:namn|name|för-? och efternamn|förnamn och efternamn|deltagare|representant|"
    r"ledamot|ledamöter|medlem|medlemmar|person|kontaktperson)\b",
    re.I,
)
_HEADER_FIRST = re.compile(r"^förnamn$", re.I)
_HEADER_LAST = re.compile(r"^efternamn$", re.I)
_HEADER_MUNI = re.compile(r"^(?:kommun|organisation|huvudman|arbetsplats|skola|enhet|ort)\b", re.I)
# A role in the network ("Roll i nätverket") beats a job title ("Befattning: Rektor").
_HEADER_ROLE = re.compile(r"^(?:roll|funktion|uppdrag|uppdrag i nätverket)\b", re.I)
_HEADER_TITLE = re.compile(r"^(?:befattning|titel|position|tjänst)\b", re.I)
_HEADER_EMAIL = re.compile(r"^(?:e-?post|e-?mail|mail|mejl|e-?postadress|epostadress)\b", re.I)


@dataclass(frozen=True)
class Member:
    name: str
    email: str | None
    municipality: str | None
    role: str  # ordforande | sekreterare | presidium | ledamot

    def as_json(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "email": self.email,
            "municipality": self.municipality,
            "role": self.role,
        }


_ROLE_NAMES = {"ordförande": "ordforande", "sekreterare": "sekreterare", "presidium": "presidium",
               "presidiet": "presidium", "ledamot": "ledamot"}  # fmt: skip


def normalize_role(text: str) -> str | None:
    for pattern, role in _ROLES:
        if pattern.search(text):
            return role
    # Typos in a role cell ("sektreterare", "ordförnade"): close enough is the role.
    word = text.strip().lower().rstrip(".")
    if 6 <= len(word) <= 14:
        close = difflib.get_close_matches(word, list(_ROLE_NAMES), n=1, cutoff=0.8)
        if close:
            return _ROLE_NAMES[close[0]]
    return None


def municipality_of(text: str) -> str | None:
    folded = fold(text)
    match = _MUNI_PATTERN.search(folded)
    if match:
        return _MUNI_BY_FOLD[match.group(1)]
    for key, name in ORGANISATIONS.items():
        if fold(key) in folded:
            return name
    return None


def clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \t,;:.-–—*•·")
    return text


# Words that head columns or sections and are never part of a person's name.
_NOT_NAME = re.compile(
    r"\b(?:namn|kommun|kommunen|roll|e-post|epost|mail|funktion|uppdrag|skola|organisation|"
    r"datum|plats|tid|närvarande|frånvarande|förhinder|protokoll|nätverket|nätverk|"
    r"hälsningar|vänliga|hej|tack|dagordning|kallelse|mötesplan|deltagare|telefon|"
    r"rektor|förskolechef|verksamhetschef|skolchef|utbildningschef|chef|kommunalförbund)\b",
    re.I,
)


_NOT_NAME_PART = re.compile(r"nätverk|kommun|förvaltning|skola\b|skolan\b|gymnasi", re.I)
_GREETING = re.compile(r"^(?:mvh|hälsningar|hälsning|hej|hejsan|tack|vänligen)\b", re.I)


def is_person_name(text: str) -> bool:
    text = clean_name(text)
    if not NAME.match(text) or ROLE_WORDS.search(text) or _NOT_NAME.search(text):
        return False
    if _NOT_NAME_PART.search(text) or _GREETING.match(text):
        return False  # "Förskolenätverket Skaraborg", "Mvh Lennart Vallin"
    words = text.split()
    if (len(words) >= 3 and is_municipality(words[0])) or (
        len(words) >= 4 and is_municipality(" ".join(words[:2]))
    ):
        # "Skövde Anna Berg", "Lilla Edet Anna Berg": a place, then the name ("Berg Anna"
        # stays a name: Berg is a municipality and a surname).
        return False
    if municipality_of(words[-1]) is not None and len(words) >= 2:
        # "Agneta Wiklund Hjo": a name with its municipality glued on (PDF tables).
        return False
    return municipality_of(text) is None or len(words) > 2


def natural_order(name: str, email: str | None = None) -> str:
    """ "Tornberg Ulrika" (Outlook's "Efternamn Förnamn") as "Ulrika Tornberg": when the
    address says so (ulrika.tornberg@), or only the second word is a given name."""
    words = name.split()
    if len(words) != 2:
        return name
    local = fold(email.split("@")[0]) if email else ""
    first, second = fold(words[0]), fold(words[1])
    if local and local.startswith(second) and first in local and not local.startswith(first):
        return f"{words[1]} {words[0]}"
    if not local and not is_given_name(words[0]) and is_given_name(words[1]):
        return f"{words[1]} {words[0]}"
    return name


def split_name_and_rest(text: str) -> tuple[str, str] | None:
    """'Agneta Wiklund Hjo ordf.' -> ('Agneta Wiklund', 'Hjo ordf.'): the longest
    leading run of words that is a name, when what follows is not part of it."""
    words = clean_name(text).split()
    for n in (3, 2):
        if len(words) > n and is_person_name(" ".join(words[:n])):
            return " ".join(words[:n]), " ".join(words[n:])
    return None


# -- tables ------------------------------------------------------------------------


@dataclass
class _Columns:
    name: int | None = None
    first: int | None = None
    last: int | None = None
    muni: int | None = None
    role: int | None = None
    email: int | None = None
    title: int | None = None  # a job title: the role only when no role column exists

    def useful(self) -> bool:
        has_name = self.name is not None or (self.first is not None and self.last is not None)
        others = (self.muni, self.role, self.email, self.title)
        return has_name and any(c is not None for c in others)


def _header(row: list[str]) -> _Columns | None:
    cols = _Columns()
    for i, cell in enumerate(row):
        cell = cell.strip()
        if cols.email is None and _HEADER_EMAIL.match(cell):
            cols.email = i
        elif cols.role is None and _HEADER_ROLE.match(cell):
            cols.role = i
        elif cols.title is None and _HEADER_TITLE.match(cell):
            cols.title = i
        elif cols.muni is None and _HEADER_MUNI.match(cell):
            cols.muni = i
        elif cols.first is None and _HEADER_FIRST.match(cell):
            cols.first = i
        elif cols.last is None and _HEADER_LAST.match(cell):
            cols.last = i
        elif cols.name is None and _HEADER_NAME.match(cell):
            cols.name = i
    if cols.role is None and cols.title is not None:
        cols.role = cols.title
    return cols if cols.useful() else None


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def members_from_table(rows: list[list[str]]) -> list[Member]:
    """People in a table with a recognisable header row (within its first 4 rows)."""
    for start in range(min(4, len(rows))):
        cols = _header(rows[start])
        if cols is not None:
            return _rows_to_members(rows[start + 1 :], cols)
    return []


def _rows_to_members(rows: list[list[str]], cols: _Columns) -> list[Member]:
    members: list[Member] = []
    section_role: str | None = None
    for row in rows:
        filled = [c for c in row if c.strip()]
        if len(filled) == 1 and not EMAIL.search(filled[0]) and not is_person_name(filled[0]):
            # A merged row like "Presidium" or "Övriga ledamöter" sets the role below.
            section_role = normalize_role(filled[0]) or section_role
            continue
        if cols.name is not None:
            name = clean_name(_cell(row, cols.name))
        else:
            name = clean_name(f"{_cell(row, cols.first)} {_cell(row, cols.last)}")
        # "Anna Berg (ordf.)" in the name cell.
        inline_role = None
        paren = re.search(r"\(([^)]*)\)", name)
        if paren:
            inline_role = normalize_role(paren.group(1))
            name = clean_name(name[: paren.start()] + name[paren.end() :])
        # "Anna Berg, ordförande" / "Anna Berg – sekreterare" in the name cell.
        tail = re.match(r"^(.+?)\s*(?:,|\s[–—-]\s)\s*(.+)$", name)
        if tail and normalize_role(tail.group(2)) and is_person_name(tail.group(1)):
            inline_role = inline_role or normalize_role(tail.group(2))
            name = clean_name(tail.group(1))
        raw_cell = _cell(row, cols.name) if cols.name is not None else ""
        several = [clean_name(n) for n in raw_cell.split("\n") if clean_name(n)]
        bare = [clean_name(re.sub(r"\([^)]*\)", " ", n)) for n in several]
        if len(several) > 1 and all(is_person_name(n) for n in bare):
            # Two people in one cell ("Daniel Sköld (ordförande)\nAmir Sultani"): one
            # member each, each with the role written beside the name.
            muni_text = _cell(row, cols.muni)
            for person, written in zip(bare, several, strict=True):
                paren = re.search(r"\(([^)]*)\)", written)
                own = normalize_role(paren.group(1)) if paren else None
                members.append(
                    Member(
                        person,
                        None,
                        municipality_of(muni_text) if muni_text else None,
                        own or section_role or "ledamot",
                    )
                )
            continue
        if not name or not is_person_name(name):
            continue
        email_cell = _cell(row, cols.email)
        email_match = EMAIL.search(email_cell) or EMAIL.search(" ".join(row))
        email = email_match.group(0).lower() if email_match else None
        muni_text = _cell(row, cols.muni)
        role_text = _cell(row, cols.role)
        role = normalize_role(role_text) if role_text else None
        members.append(
            Member(
                name=natural_order(name, email),
                email=email,
                municipality=municipality_of(muni_text) if muni_text else None,
                role=role or inline_role or section_role or "ledamot",
            )
        )
    return members


# -- text --------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*(?:[,;|\t]|\s[–—-]\s|\(|\)|:\s)\s*")


def member_from_line(line: str) -> Member | None:
    """One person written on one line, in any order of name, municipality, role, e-mail."""
    email_match = EMAIL.search(line)
    email = email_match.group(0).lower() if email_match else None
    rest = EMAIL.sub(" ", line)
    rest = re.sub(r"[<>\[\]]", " ", rest)
    tokens = [clean_name(t) for t in _SPLIT.split(rest) if clean_name(t)]
    name = None
    municipality = None
    role = None
    for token in tokens:
        if name is None and is_person_name(token):
            name = token
            continue
        if role is None and (found := normalize_role(token)):
            role = found
            # "Skövde kommun, ordf." and "ordf. Skövde" both occur.
            municipality = municipality or municipality_of(token)
            continue
        if municipality is None:
            municipality = municipality_of(token)
    if name is None and tokens:
        # "Skövde Anna Berg": the municipality first, then the name.
        words = tokens[0].split()
        for n in (2, 1):
            if len(words) > n + 1 and is_municipality(" ".join(words[:n])):
                rest_name = " ".join(words[n:])
                if is_person_name(rest_name):
                    name = rest_name
                    municipality = municipality or municipality_of(" ".join(words[:n]))
                break
    if name is None and tokens:
        # "Anna Berg Skövde" without separators: the name, then the rest.
        parts = split_name_and_rest(tokens[0])
        if parts is not None:
            name, rest_text = parts
            municipality = municipality or municipality_of(rest_text)
            role = role or normalize_role(rest_text)
    if name is None:
        return None
    return Member(natural_order(name, email), email, municipality, role or "ledamot")


_LABEL = re.compile(
    r"^\s*([A-Za-zÅÄÖåäö][\w .]{1,30}?)\s*(?::|\s(?:består av|utgörs av)\s)\s*(.+)$"
)


def people_in_line(line: str) -> list[Member] | None:
    """Several people on one labelled line: "Presidiet: Petra Wallin, Götene, och Jenny
    Kullberg, Skövde" or "Övriga: Camilla Norén, Gullspång; Helena Sjöberg, Essunga".
    None when the line is not such a list."""
    label = _LABEL.match(line)
    if not label or municipality_of(label.group(1)) is not None:
        return None
    role = normalize_role(label.group(1))
    if role is None and not re.match(r"(?i)övriga|medlemmar|ledamöter|deltagare", label.group(1)):
        return None
    people: list[Member] = []
    listed = re.split(r"(?<=[a-zåäö)])\.\s+(?=[A-ZÅÄÖ])", label.group(2))[0]  # one sentence
    pieces = re.split(r"\s*;\s*|,?\s+och\s+|\s*&\s*", listed)
    for piece in pieces:
        # "Petra Wallin, Götene, Jenny Kullberg, Skövde": a new person at each name.
        group: list[str] = []
        for token in [t.strip() for t in piece.split(",") if t.strip()]:
            if is_person_name(clean_name(re.sub(r"\([^)]*\)", "", token))) and group:
                found = member_from_line(", ".join(group))
                if found:
                    people.append(found)
                group = []
            group.append(token)
        found = member_from_line(", ".join(group)) if group else None
        if found:
            people.append(found)
    return [
        Member(
            p.name, p.email, p.municipality, p.role if p.role != "ledamot" else role or "ledamot"
        )
        for p in people
    ] or None


# A heading over ordinary members: "Kommunrepresentanter", "Övriga ledamöter".
_GROUP = re.compile(
    r"representant\w*|ledamöter|ledamot|medlemmar|deltagare|övriga|kommunernas", re.I
)


def members_from_text(text: str) -> list[Member]:
    """People written one per line (or a few per labelled line), in a block of at
    least two."""
    members: list[Member] = []
    section_role: str | None = None
    for raw in text.split("\n"):
        line = raw.strip().lstrip("-•*·▪◦ ").strip()
        if not line:
            continue
        several = people_in_line(line)
        if several and (len(several) > 1 or normalize_role(line.split(":")[0])):
            members.extend(several)
            continue
        heading = re.match(r"^([\w .,/()–-]+):$", line) or re.match(
            r"^([A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö /&-]*)$", line
        )
        if (
            heading
            and not is_person_name(line.rstrip(":"))
            and not EMAIL.search(line)
            and member_from_line(line) is None
        ):
            role = normalize_role(line) or ("ledamot" if _GROUP.search(line) else None)
            section_role = role or (None if len(line) > 40 else section_role)
            continue
        member = member_from_line(line)
        if member is None:
            continue
        if member.role == "ledamot" and section_role:
            member = Member(member.name, member.email, member.municipality, section_role)
        members.append(member)
    return members if len(members) >= 2 else []


_ASSIGN = re.compile(
    r"^\s*(presidi(?:et|um)|ordförande|ordf\.?|sekreterare|sekr\.?|vice ordförande)"
    r"\s*(?:är|:)\s*(.+)$",
    re.I,
)
_IS_ROLE = re.compile(
    r"([A-ZÅÄÖ][\w'’-]+(?:\s+[A-ZÅÄÖ][\w'’-]+){1,2})\s*(?:,\s*\w+\s*,)?\s+är\s+"
    r"(?:nätverkets\s+|vår\s+|ny\s+)?(ordförande|sekreterare|vice ordförande)",
    re.I,
)


_NAME_OR_I = r"(?:(?-i:[A-ZÅÄÖ])[\w'’-]+(?:[ \t]+(?-i:[A-ZÅÄÖ])[\w'’-]+){0,2}|jag)"
# "Annika och jag ingår i presidiet", "Ulrika är ordförande" (first names: resolved
# against the list by the caller; "jag" is the sender).
_IN_GROUP = re.compile(
    rf"({_NAME_OR_I}(?:\s*(?:,|\boch\b)\s*{_NAME_OR_I})*)\s+(?:ingår|sitter|är med)\s+i\s+"
    r"(presidiet|presidium|arbetsutskottet)",
    re.I,
)
_FIRST_IS_ROLE = re.compile(
    rf"\b({_NAME_OR_I})\s+är\s+(?:nätverkets\s+|vår\s+|ny\s+)?"
    r"(ordförande|sekreterare|vice ordförande)",
    re.I,
)
_IN_GROUP_HINT = re.compile(
    r"(?:ingår|sitter|är med)\s+i\s+(?:presidiet|presidium|arbetsutskottet)", re.I
)
_IS_ROLE_HINT = re.compile(
    r"\bär\s+(?:nätverkets\s+|vår\s+|ny\s+)?(?:ordförande|sekreterare|vice ordförande)", re.I
)
# A footnote: "* ingår i presidiet", "*) = presidiet", "* Presidium".
_FOOTNOTE = re.compile(
    r"(?:^|\n|\.\s)\s*\*+\)?\s*(?:=\s*)?(?:ingår i\s+|är\s+|sitter i\s+)?"
    r"(presidiet|presidium|arbetsutskottet|ordförande|sekreterare)",
    re.I,
)
_STARRED = re.compile(
    r"((?-i:[A-ZÅÄÖ])[\w'’-]+(?:[ \t]+(?-i:[A-ZÅÄÖ])[\w'’-]+){1,2}) ?\*(?!\s*(?:=|ingår))"
)


def role_assignments(text: str) -> dict[str, str]:
    """Roles given in prose: "Presidium: A (ordförande), B och C", "Ordförande: A",
    "A är ordförande", "Annika och jag ingår i presidiet", names marked "*" under a
    footnote "* ingår i presidiet". Keyed by the lower-cased name as written (a first
    name or "jag" too: the caller resolves those against the list and the sender)."""
    roles: dict[str, str] = {}
    footnote = _FOOTNOTE.search(text)
    if footnote:
        marked = normalize_role(footnote.group(1)) or "presidium"
        for found in _STARRED.finditer(text):
            if is_person_name(found.group(1)):
                roles[found.group(1).lower()] = marked
    sentences = [
        part
        for line in text.split("\n")
        for part in re.split(r"(?<=[a-zåäö)])\.\s+(?=[A-ZÅÄÖ*])", line)
    ]
    text_has_group = bool(_IN_GROUP_HINT.search(text))
    text_has_is = bool(_IS_ROLE_HINT.search(text))
    for line in sentences:
        # The keyword first: the full patterns try a name at every word of every line.
        in_group = text_has_group and _IN_GROUP_HINT.search(line)
        is_role = text_has_is and _IS_ROLE_HINT.search(line)
        for group in _IN_GROUP.finditer(line) if in_group else ():
            role = normalize_role(group.group(2)) or "presidium"
            for name in re.split(r"\s*(?:,|\boch\b)\s*", group.group(1)):
                if name.strip():
                    roles.setdefault(name.strip().lower(), role)
        for found in _FIRST_IS_ROLE.finditer(line) if is_role else ():
            roles[found.group(1).strip().lower()] = normalize_role(found.group(2)) or "ledamot"
        match = _ASSIGN.match(line)
        if match:
            default = normalize_role(match.group(1)) or "ledamot"
            sentence = re.split(r"(?<=[a-zåäö)])\.\s", match.group(2))[0]
            for part in re.split(r",|\boch\b|&", sentence):
                paren = re.search(r"\(([^)]*)\)", part)
                name = clean_name(re.sub(r"\([^)]*\)", " ", part))
                if is_person_name(name):
                    own = normalize_role(paren.group(1)) if paren else None
                    roles[name.lower()] = own or default
        for found in _IS_ROLE.finditer(line) if is_role else ():
            if is_person_name(found.group(1)):
                roles[found.group(1).lower()] = normalize_role(found.group(2)) or "ledamot"
    return roles


# Bounded groups: on a long line of garbage (a binary part read as text) unbounded
# lazy groups backtrack for seconds.
_CHANGE = re.compile(
    r"\b(?:ersätts\s+(?!i\s+nätverket\b)(?P<old>.{1,120}?)\s+av\s+(?P<new1>.{1,200})|"
    r"(?P<new2>[^,.;:]{1,80}?)\s+ersätter\s+(?P<old2>.{1,120})|"
    r"(?:ny|nya)\s+(?:medlem|medlemmar|deltagare|ledamot|ledamöter|representant)\w*\s*"
    r"(?:är|:)\s*(?P<new3>.{1,200}))",
    re.I,
)
_PERSON = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}")
_CHANGE_HINT = re.compile(
    r"ersätt|\bnya?\s+(?:medlem|deltagare|ledamot|ledamöter|repr)|slutat|slutar|pension|lämna",
    re.I,
)
# "Per Holm har slutat", "Lotta Engdahl (Mariestad) går i pension och ersätts i
# nätverket av Helena Bjurström": who leaves, and who comes in after "ersätts … av".
_LEAVES = re.compile(
    r"(?P<old>(?-i:[A-ZÅÄÖ])[\w'’-]+(?:[ \t]+(?-i:[A-ZÅÄÖ])[\w'’-]+){1,2})(?:\s*\([^)]{0,40}\))?"
    r"\s+(?:har\s+slutat|slutar|går\s+i\s+pension|har\s+gått\s+i\s+pension|lämnar\s+nätverket|"
    r"har\s+lämnat\s+nätverket)(?:[^.;]{0,40}?\bersätts\b(?:\s+i\s+nätverket)?\s+av\s+"
    r"(?P<new>[^.;]{1,200}))?",
    re.I,
)


def members_from_changes(text: str) -> tuple[list[Member], list[str]]:
    """A partial update: who comes in, and who leaves ("X ersätts av Y",
    "Y ersätter X", "Ny medlem: Y")."""
    joining: list[Member] = []
    leaving: list[str] = []
    for line in text.split("\n"):
        if len(line) > 2000 or not _CHANGE_HINT.search(line):
            continue  # cheap test first; no person writes a 2000-character line
        for match in _CHANGE.finditer(line):
            new = match.group("new1") or match.group("new2") or match.group("new3")
            old = match.group("old") or match.group("old2")
            if match.group("new2") and member_from_line(match.group("new2")) is None:
                # Swedish puts the verb second: "Från 1 september ersätter Karin
                # Dahlgren, rektor i Tibro, Per Holm": the first person after the verb
                # comes in, the next one leaves.
                names = list(_PERSON.finditer(match.group("old2")))
                people = [n for n in names if is_person_name(n.group(0))]
                if len(people) < 2:
                    continue
                new = match.group("old2")[: people[1].start()]
                old = people[1].group(0)
            if new:
                member = member_from_line(re.sub(r"\b(?:rektor|förskolechef)\s+för\b", ",", new))
                if member is not None:
                    joining.append(member)
            if old:
                gone = member_from_line(old)
                if gone is not None:
                    leaving.append(gone.name)
        for match in _LEAVES.finditer(line):
            if is_person_name(match.group("old")) and match.group("old") not in leaving:
                leaving.append(match.group("old"))
            if match.group("new"):
                member = member_from_line(match.group("new"))
                if member is not None and member.name not in [m.name for m in joining]:
                    joining.append(member)
    return joining, leaving
