"""Networks and their rules: one TOML file per network in the rules folder.

The file name is the network's slug (`forskola.toml` -> `forskola`). A file holds the
recognition keys (name, aliases, exact_aliases, sub_networks), read by the
understanding stage, and the network's obligations (`mailbot.obligations.Obligations`:
meetings, protocol, deadlines, deliverables, contacts, valid_from/valid_to), read by
the rules engine. Both parts are validated together and strictly when the folder is
read, so a misspelt key is an error and not a silently ignored obligation.
`check_rules` lists every problem with its file and line (`mailbot rules check`);
`load_networks` refuses a folder with any problem.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from mailbot.errors import ConfigError
from mailbot.obligations import Obligations

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Files someone may well write by mistake: the issue allowed YAML, the loader reads TOML.
_NOT_READ_SUFFIXES = (".yaml", ".yml", ".json")

Loc = tuple[str | int, ...]


class NetworkFile(Obligations):
    """A whole rules file: the recognition keys and the obligations. Inherits
    Obligations' strictness (extra keys forbidden), so one validation pass reports
    every problem in the file, recognition and obligations alike."""

    name: str = Field(min_length=1)
    # Matched case-insensitively on whole words.
    aliases: list[str] = Field(default_factory=list)
    # Matched case-sensitively on whole words (short forms like "IM", "VUX").
    exact_aliases: list[str] = Field(default_factory=list)
    sub_networks: list[str] = Field(default_factory=list)

    def obligations(self) -> Obligations:
        return Obligations.model_validate(
            {name: getattr(self, name) for name in Obligations.model_fields}
        )


@dataclass(frozen=True)
class Network:
    slug: str
    name: str
    aliases: tuple[str, ...]  # matched case-insensitively on whole words
    exact_aliases: tuple[str, ...]  # matched case-sensitively on whole words
    sub_networks: tuple[str, ...]
    path: Path
    # A pydantic model is not hashable: left out of the hash, kept in equality.
    obligations: Obligations = field(default_factory=Obligations, hash=False)


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong in the rules folder. `line` is 1-based, None when the problem
    is the file as a whole (its name, a missing key) or the folder."""

    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else str(self.file)
        return f"{where}: {self.message}"


def check_rules(rules_dir: Path) -> list[RuleProblem]:
    """Every problem in the rules folder, in file order; empty when all is well.

    Errors (there are no warnings: a problem here stops mailbot from reading mail):
    - the folder is missing or holds no `*.toml`; a `.yaml`/`.yml`/`.json` file there
      (it would be ignored, and its network silently missing);
    - a file name that is not a slug (`anpassad-skola.toml`);
    - TOML syntax, with tomllib's line;
    - anything `NetworkFile` rejects: an unknown or misspelt key, a wrong type, a
      weekday that is not one, a deliverable with both or neither of `due` and
      `due_each_year`; the line is that of the key (or of its table header);
    - a "MM-DD" that is no day in any year ("02-30", "04-31"); "02-29" is allowed,
      the engine reads it as the last day of February;
    - valid_from after valid_to, or a one-off deliverable due outside
      valid_from..valid_to: the mission does not exist on that day, so either the date
      or the period is a typo. Yearly deliverables cannot fall outside and are not
      checked;
    - a pinned contact address without "@", or an empty alias;
    - the same alias (case-insensitively, name and exact aliases included) in two
      networks: a mail naming it could not be placed. Both files are named.
    """
    return _read_folder(rules_dir)[1]


@dataclass(frozen=True)
class LoadedRules:
    """The networks whose files are sound, and the files that are not. One broken file
    stops only its own network: it is skipped (and shown as broken), the others go on."""

    networks: list[Network]
    broken: dict[str, list[RuleProblem]]  # network slug (the file's stem) -> its problems
    problems: list[RuleProblem]  # every problem, the folder's own included


def load_rules(rules_dir: Path) -> LoadedRules:
    """Every sound network file in the folder, sorted by slug, and what is broken.
    Raises ConfigError only when the folder itself does not exist."""
    if not rules_dir.is_dir():
        raise ConfigError(f"rules folder {rules_dir} does not exist (--rules / MAILBOT_RULES_DIR)")
    good, problems = _read_all(rules_dir, require_files=False)
    bad = {p.file for p in problems}
    broken: dict[str, list[RuleProblem]] = {}
    for problem in problems:
        if problem.file.suffix.lower() == ".toml" and problem.file.parent == rules_dir:
            broken.setdefault(problem.file.stem, []).append(problem)
    networks = [_network(read) for read in good if read.path not in bad]
    return LoadedRules(networks, broken, problems)


def load_networks(rules_dir: Path) -> list[Network]:
    """The sound networks of the folder (see `load_rules`); raises ConfigError only
    when the folder does not exist."""
    return load_rules(rules_dir).networks


# --- reading ----------------------------------------------------------------------


@dataclass
class _Read:
    """A file that validated, with what the cross-file checks need."""

    path: Path
    text: str
    lines: dict[Loc, int]
    parsed: NetworkFile


def _read_folder(
    rules_dir: Path, *, require_files: bool = True
) -> tuple[list[Network], list[RuleProblem]]:
    good, problems = _read_all(rules_dir, require_files=require_files)
    if problems:
        return [], problems
    return [_network(read) for read in good], []


def _read_all(
    rules_dir: Path, *, require_files: bool = True
) -> tuple[list[_Read], list[RuleProblem]]:
    """The files that validated on their own, and every problem (alias conflicts
    between files included)."""
    if not rules_dir.is_dir():
        return [], [RuleProblem(rules_dir, None, "the rules folder does not exist")]
    problems: list[RuleProblem] = []
    for path in sorted(rules_dir.iterdir()):
        if path.suffix.lower() in _NOT_READ_SUFFIXES:
            problems.append(
                RuleProblem(path, None, "rules files are TOML: only *.toml files are read")
            )
    paths = sorted(rules_dir.glob("*.toml"))
    if not paths and require_files:
        problems.append(RuleProblem(rules_dir, None, "no network files (*.toml) in the folder"))
    good: list[_Read] = []
    for path in paths:
        if not _SLUG.match(path.stem):
            problems.append(
                RuleProblem(
                    path,
                    None,
                    "the file name is the network's slug: lower-case letters, digits and "
                    "single hyphens, like 'anpassad-skola.toml'",
                )
            )
        read, file_problems = _read_file(path)
        problems.extend(file_problems)
        if read is not None and not file_problems:
            good.append(read)
    problems.extend(_alias_conflicts(good))
    return good, problems


def _network(read: _Read) -> Network:
    parsed = read.parsed
    aliases = {parsed.name.lower(), *(a.lower() for a in parsed.aliases)}
    return Network(
        slug=read.path.stem,
        name=parsed.name,
        aliases=tuple(sorted(aliases, key=len, reverse=True)),
        exact_aliases=tuple(parsed.exact_aliases),
        sub_networks=tuple(s.lower() for s in parsed.sub_networks),
        path=read.path,
        obligations=parsed.obligations(),
    )


def _read_file(path: Path) -> tuple[_Read | None, list[RuleProblem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [RuleProblem(path, None, f"not UTF-8 text: {exc.reason}")]
    except OSError as exc:
        return None, [RuleProblem(path, None, f"cannot read: {exc.strerror}")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(path, text, exc)]
    lines = key_lines(text)
    try:
        parsed = NetworkFile.model_validate(data)
    except ValidationError as exc:
        return None, [
            RuleProblem(path, line_of(lines, err["loc"]), _describe(err)) for err in exc.errors()
        ]
    read = _Read(path, text, lines, parsed)
    return read, [
        RuleProblem(path, line_of(lines, loc), f"{_dotted(loc)}: {message}")
        for loc, message in _semantic_problems(parsed)
    ]


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


def _syntax_problem(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> RuleProblem:
    # tomllib puts the place in the message: "... (at line 12, column 5)".
    message = str(exc)
    at = _TOML_AT.search(message)
    if at:
        return RuleProblem(
            path,
            int(at.group(1)),
            f"TOML syntax: {message[: at.start()]} (column {at.group(2)})",
        )
    end = _TOML_END.search(message)
    if end:
        return RuleProblem(
            path, max(1, len(text.splitlines())), f"TOML syntax: {message[: end.start()]}"
        )
    return RuleProblem(path, None, f"TOML syntax: {message}")


def _semantic_problems(parsed: NetworkFile) -> Iterable[tuple[Loc, str]]:
    """What the model's types cannot say."""
    deadlines = parsed.deadlines
    for key, value in (
        ("member_list", deadlines.member_list),
        ("meeting_dates", deadlines.meeting_dates),
    ):
        problem = _month_day_problem(value)
        if problem:
            yield ("deadlines", key), problem
    for index, item in enumerate(parsed.deliverables):
        if item.due_each_year is not None:
            problem = _month_day_problem(item.due_each_year)
            if problem:
                yield ("deliverables", index, "due_each_year"), problem
    start, end = parsed.valid_from, parsed.valid_to
    if start is not None and end is not None and start > end:
        yield ("valid_to",), f"{end} is before valid_from {start}"
    for index, item in enumerate(parsed.deliverables):
        if item.due is None:
            continue
        if (start is not None and item.due < start) or (end is not None and item.due > end):
            yield (
                ("deliverables", index, "due"),
                f"{item.due} is outside the mission's period "
                f"{start or '(open)'}..{end or '(open)'} (valid_from/valid_to)",
            )
    contacts = parsed.contacts
    for key in ("chair", "secretary", "school_director", "coordinator"):
        address = getattr(contacts, key)
        if address is not None and not _looks_like_address(address):
            yield ("contacts", key), f"{address!r} is not a mail address"
    for key in ("aliases", "exact_aliases", "sub_networks"):
        values: list[str] = getattr(parsed, key)
        for index, value in enumerate(values):
            if not value.strip():
                yield (key, index), "must not be empty (it would match everywhere)"


def _month_day_problem(value: str) -> str | None:
    month, day = int(value[:2]), int(value[3:])
    try:
        date(2024, month, day)  # a leap year: 02-29 exists, see check_rules
    except ValueError:
        return f"{value!r} is not a day of the year"
    return None


def _looks_like_address(value: str) -> bool:
    local, at, domain = value.strip().rpartition("@")
    return bool(at and local and "." in domain and " " not in value.strip())


def _alias_conflicts(reads: Sequence[_Read]) -> list[RuleProblem]:
    # NetworkMatcher builds one pattern from all aliases; a word claimed by two
    # networks would silently go to whichever file sorts first.
    # One problem per pair of files (a copied file would otherwise give one per alias),
    # at the first shared alias, naming a few.
    owner: dict[str, tuple[_Read, int | None]] = {}
    problems: list[RuleProblem] = []
    for read in reads:
        parsed = read.parsed
        forms: list[tuple[str, Loc]] = [(parsed.name, ("name",))]
        forms += [(a, ("aliases",)) for a in parsed.aliases]
        forms += [(a, ("exact_aliases",)) for a in parsed.exact_aliases]
        seen_here: set[str] = set()
        shared: dict[Path, list[tuple[str, int | None, _Read, int | None]]] = {}
        for form, loc in forms:
            lower = form.lower()
            if lower in seen_here:  # the same word twice in one file is harmless
                continue
            seen_here.add(lower)
            line = _value_line(read.text, line_of(read.lines, loc), form)
            if lower not in owner:
                owner[lower] = (read, line)
                continue
            other, other_line = owner[lower]
            shared.setdefault(other.path, []).append((form, line, other, other_line))
        for clashes in shared.values():
            form, line, other, other_line = clashes[0]
            there = f"{other.path}:{other_line}" if other_line else str(other.path)
            named = ", ".join(repr(c[0]) for c in clashes[:3])
            more = f" and {len(clashes) - 3} more" if len(clashes) > 3 else ""
            what = "alias" if len(clashes) == 1 else "aliases"
            verb = "is also an alias" if len(clashes) == 1 else "are also aliases"
            problems.append(
                RuleProblem(
                    read.path,
                    line,
                    f"{what} {named}{more} {verb} of network {other.path.stem!r} "
                    f"({there}): a mail naming one could not be placed",
                )
            )
    return problems


def _value_line(text: str, start: int | None, value: str) -> int | None:
    """The first line from `start` on where `value` stands as a quoted string."""
    if start is None:
        return None
    quoted = re.compile(r"([\"'])" + re.escape(value) + r"\1", re.IGNORECASE)
    for number, line in enumerate(text.splitlines()[start - 1 :], start):
        if quoted.search(line):
            return number
    return start


# --- messages -----------------------------------------------------------------------


def _dotted(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(file)"


def _describe(err: ErrorDetails) -> str:
    loc = err["loc"]
    kind = err["type"]
    message = err["msg"].removeprefix("Value error, ")
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        message = "unknown key"
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if guess:
            message += f"; did you mean {guess[0]!r}?"
        elif known:
            message += f" (known here: {', '.join(known)})"
    elif kind == "missing":
        message = "required key is missing"
    elif isinstance(err.get("input"), str | int | float | bool):
        message += f" (got {err['input']!r})"
    return f"{_dotted(loc)}: {message}"


def _known_keys(table: Sequence[str | int]) -> list[str]:
    """The keys the model accepts at a table path, walking nested models and lists of
    them, so an unknown key can be answered with the likely intended one."""
    model: type[BaseModel] = NetworkFile
    for part in table:
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        found = _model_in(info.annotation) if info is not None else None
        if found is None:
            return []
        model = found
    return list(model.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


# --- where a key stands in the TOML text -------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)([^\[\]]+)\]\]?\s*(?:#.*)?$")
_BARE_OR_QUOTED = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY = re.compile(rf"^\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_KEY_PART = re.compile(r"[A-Za-z0-9_-]+|\"([^\"]*)\"|'([^']*)'")


def key_lines(text: str) -> dict[Loc, int]:
    """Where each table and key of a TOML text starts (1-based line), by the path
    pydantic gives in an error's `loc`: ("meetings",), ("meetings", "per_year"),
    ("deliverables", 1, "due") for the second `[[deliverables]]`.

    Enough TOML for rules files: table headers, arrays of tables counted by index,
    `key =` lines with dotted keys; lines inside multi-line arrays, inline tables and
    multi-line strings are not taken for keys."""
    found: dict[Loc, int] = {}
    counts: dict[Loc, int] = {}
    table: Loc = ()
    in_string: str | None = None  # the closing delimiter of an open multi-line string
    depth = 0  # brackets still open from a multi-line array or inline table
    for number, line in enumerate(text.splitlines(), 1):
        if in_string is not None or depth > 0:
            code, in_string = _code_of(line, in_string)
            depth = max(0, depth + _balance(code))
            continue
        header = _HEADER.match(line)
        if header:
            parts = _split_key(header.group(2))
            if header.group(1) == "[[":
                index = counts.get(parts, 0)
                counts[parts] = index + 1
                table = (*parts, index)
            else:
                table = parts
            found.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        found.setdefault((*table, *_split_key(key.group(1))), number)
        code, in_string = _code_of(line[key.end() :], None)
        depth = max(0, _balance(code))
    return found


def line_of(lines: dict[Loc, int], loc: Sequence[str | int]) -> int | None:
    """The line of the longest prefix of `loc` that stands in the text: the key
    itself, else its table's header (a missing key), else None."""
    for end in range(len(loc), 0, -1):
        line = lines.get(tuple(loc[:end]))
        if line is not None:
            return line
    return None


def _split_key(key: str) -> Loc:
    return tuple(
        m.group(1) if m.group(1) is not None else m.group(2) or m.group(0)
        for m in _KEY_PART.finditer(key)
    )


def _balance(code: str) -> int:
    return code.count("[") + code.count("{") - code.count("]") - code.count("}")


def _code_of(line: str, in_string: str | None) -> tuple[str, str | None]:
    """The line without string contents and comment, and the multi-line string
    delimiter still open at its end."""
    out: list[str] = []
    i = 0
    while i < len(line):
        if in_string is not None:
            close = line.find(in_string, i)
            if close < 0:
                return "".join(out), in_string
            i = close + len(in_string)
            in_string = None
            continue
        char = line[i]
        if char == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            in_string = line[i : i + 3]
            i += 3
            continue
        if char in "\"'":
            i += 1
            while i < len(line) and line[i] != char:
                i += 2 if char == '"' and line[i] == "\\" else 1
            i += 1
            continue
        out.append(char)
        i += 1
    return "".join(out), in_string
