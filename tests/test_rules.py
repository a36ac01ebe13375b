"""rules/: the five network files, their obligations and their comments, `check_rules`
on broken copies (file, line, problem), and `mailbot rules check`."""

from __future__ import annotations

import json
import os
import re
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mailbot.cli.rules import rules_app
from mailbot.errors import ConfigError
from mailbot.obligations import Contacts
from mailbot.rules import (
    Network,
    RuleProblem,
    check_rules,
    key_lines,
    line_of,
    load_networks,
    load_rules,
)

RULES = Path(__file__).resolve().parent.parent / "rules"
SLUGS = ["anpassad-skola", "forskola", "grundskola", "introduktionsprogrammen", "vuxenutbildning"]


@dataclass(frozen=True)
class Expected:
    seed: str  # the seed document's number: ../shared/seeds/<seed>_*.txt
    per_year: int
    weekdays: list[str]
    writer: str
    publish: bool
    valid: tuple[date | None, date | None]
    deliverables: dict[str, date | str]  # key -> due (a date) or due_each_year ("MM-DD")
    sub_networks: tuple[str, ...] = ()


PERIOD_2023_2026 = (date(2023, 1, 1), date(2026, 12, 31))
EXPECTED = {
    "introduktionsprogrammen": Expected(
        "000", 6, [], "sekreterare", False, (None, None),
        {"kompetensutvecklingsplan-2023-2025": date(2023, 12, 31), "arbetsordning": "02-15"},
    ),
    "anpassad-skola": Expected(
        "001", 4, ["fredag"], "värdrektor", True, PERIOD_2023_2026,
        {"revidering-av-uppdraget": "11-30"},
        ("anpassad grundskola", "anpassad gymnasieskola"),
    ),
    "vuxenutbildning": Expected(
        "002", 6, [], "värdkommun", False, (None, None),
        {
            "sprakstod-delrapport": date(2021, 5, 31),
            "sprakstod-aterrapport": date(2021, 10, 31),
            "larcenter-delrapport": date(2021, 5, 31),
            "larcenter-aterrapport": date(2021, 10, 31),
            "komx-delrapport": date(2021, 6, 30),
            "komx-aterrapport": date(2022, 4, 30),
            "arbetsordning": "02-15",
        },
    ),
    "grundskola": Expected(
        "003", 4, [], "sekreterare", False, (None, None), {"arbetsordning": "02-15"},
    ),
    "forskola": Expected(
        "004", 4, ["fredag"], "sekreterare", True, PERIOD_2023_2026,
        {"revidering-av-uppdraget": "11-30", "arbetsordning": "02-15"},
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def networks() -> dict[str, Network]:
    return {n.slug: n for n in load_networks(RULES)}


# --- the five files ---------------------------------------------------------------


def test_the_five_files_load_and_check_clean(networks: dict[str, Network]) -> None:
    assert sorted(networks) == SLUGS
    assert check_rules(RULES) == []


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_obligations(slug: str, networks: dict[str, Network]) -> None:
    want = EXPECTED[slug]
    ob = networks[slug].obligations
    assert ob.meetings.per_year == want.per_year
    assert ob.meetings.weekdays == want.weekdays
    assert ob.protocol.writer == want.writer
    assert ob.protocol.publish is want.publish
    assert (ob.valid_from, ob.valid_to) == want.valid
    got = {d.key: d.due or d.due_each_year for d in ob.deliverables}
    assert got == want.deliverables
    for item in ob.deliverables:
        assert item.matches and all(m.strip() for m in item.matches)
        if item.key == "arbetsordning":
            assert item.responsible == ["presidium"]
        if item.key == "revidering-av-uppdraget":
            assert item.responsible == ["skolchef"]
    # Nothing pinned: addresses come from the member lists.
    assert ob.contacts == Contacts()
    assert networks[slug].sub_networks == want.sub_networks


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_open_parameters_are_written_out_in_every_file(slug: str) -> None:
    # Each network can override them, so each file states them (with their reason).
    data = tomllib.loads((RULES / f"{slug}.toml").read_text(encoding="utf-8"))
    for table, key in [
        ("meetings", "pace_months"),
        ("meetings", "remind_chair_days_before"),
        ("meetings", "avoid_holidays"),
        ("protocol", "due_days"),
        ("deadlines", "member_list"),
        ("deadlines", "meeting_dates"),
    ]:
        assert key in data[table], f"{slug}: {table}.{key} is not written out"
    for item in data.get("deliverables", []):
        assert "remind_days_before" in item and "responsible" in item, item["key"]


def test_vuxenutbildning_reports_are_due_at_the_end_of_the_named_month(
    networks: dict[str, Network],
) -> None:
    dues = [d.due for d in networks["vuxenutbildning"].obligations.deliverables if d.due]
    assert len(dues) == 6
    assert all((due + timedelta(days=1)).day == 1 for due in dues)


def test_the_yearly_revision_is_only_where_the_document_says_so(
    networks: dict[str, Network],
) -> None:
    # Only 001 and 004 have "revidering av uppdragen en gång per år"; every document but
    # 001 has a presidium with an "arbetsordning för kalenderåret".
    has = {s: {d.key for d in n.obligations.deliverables} for s, n in networks.items()}
    assert {s for s in has if "revidering-av-uppdraget" in has[s]} == {"anpassad-skola", "forskola"}
    assert {s for s in has if "arbetsordning" in has[s]} == set(SLUGS) - {"anpassad-skola"}


@pytest.mark.parametrize(
    ("slug", "alias", "exact"),
    [
        ("forskola", "förskolenätverket", None),
        ("anpassad-skola", "anpassad grundskola", None),
        ("grundskola", "grundskolan", None),
        ("introduktionsprogrammen", "språkintroduktion", "IMV"),
        ("vuxenutbildning", "komvux", "VUX"),
    ],
)
def test_aliases_still_load(
    slug: str, alias: str, exact: str | None, networks: dict[str, Network]
) -> None:
    net = networks[slug]
    assert net.name.lower() in net.aliases and alias in net.aliases
    if exact:
        assert exact in net.exact_aliases


# --- every obligation has its comment ------------------------------------------------

_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_HEADER_LINE = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?")
_OBLIGATION_TABLES = {"meetings", "protocol", "deadlines", "deliverables", "contacts"}


def _inline_comment(line: str) -> str | None:
    """The `# ...` after the value, ignoring # inside strings."""
    quote: str | None = None
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            return line[i:]
    return None


def _block_above(lines: list[str], index: int) -> str:
    """The comment lines directly above line `index` (0-based), up to anything else."""
    block: list[str] = []
    i = index - 1
    while i >= 0 and lines[i].lstrip().startswith("#"):
        block.insert(0, lines[i])
        i -= 1
    return "\n".join(block)


def obligation_comment_problems(text: str, seed: str) -> list[str]:
    """Every obligation line has a comment, on the line or directly above it.

    Keys of [meetings], [protocol], [deadlines] and the top-level valid_from/valid_to
    are each traced to the seed (`000` ...) or marked `default:` with a reason; every
    key of a [[deliverables]] has a comment, and the entry's header has a comment block
    quoting the seed (`000, Mål 3: "..."`)."""
    problems: list[str] = []
    lines = text.splitlines()
    table = ""
    for index, line in enumerate(lines):
        number = index + 1
        header = _HEADER_LINE.match(line)
        if header:
            table = header.group(1)
            above = _block_above(lines, index)
            if table == "deliverables" and not (seed in above and '"' in above):
                problems.append(f"{number}: [[deliverables]] without a {seed} quote above")
            continue
        key = _KEY_LINE.match(line)
        if key is None:
            continue
        top_level_obligation = table == "" and key.group(1) in {"valid_from", "valid_to"}
        if table not in _OBLIGATION_TABLES and not top_level_obligation:
            continue
        comment = (_inline_comment(line) or "") + _block_above(lines, index)
        if not comment:
            problems.append(f"{number}: {key.group(1)} has no comment")
        elif table != "deliverables" and seed not in comment and "default:" not in comment:
            problems.append(f"{number}: {key.group(1)}: neither traced to {seed} nor a default")
    return problems


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_every_obligation_line_has_its_comment(slug: str) -> None:
    seed = EXPECTED[slug].seed
    text = (RULES / f"{slug}.toml").read_text(encoding="utf-8")
    assert obligation_comment_problems(text, seed) == []
    assert re.search(rf"\.\./shared/seeds/{seed}_[0-9a-f]+\.txt", text), "names its seed"


def test_the_comment_check_catches_a_bare_line() -> None:
    text = '[meetings]\n# 004: "Minst 4 möten"\nper_year = 4\nweekdays = []\n'
    assert obligation_comment_problems(text, "004") == ["4: weekdays has no comment"]
    text = "[protocol]\ndue_days = 14  # two weeks\n"
    assert obligation_comment_problems(text, "004") == [
        "2: due_days: neither traced to 004 nor a default"
    ]


# --- check_rules on broken copies ------------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` (its first `count` occurrences) and return the 1-based line where
    the last replacement starts."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path.name}"
    start = -1
    for _ in range(count):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old) :], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def _line_with(path: Path, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in {path.name}")


Breakage = Callable[[Path], tuple[str, int | None, str]]  # -> file name, line, message part


def _typo_key(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "forskola.toml", "per_year = 4", "per_yaer = 4")
    return "forskola.toml", line, "meetings.per_yaer: unknown key; did you mean 'per_year'?"


def _string_for_int(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "vuxenutbildning.toml", "per_year = 6", 'per_year = "sex"')
    return "vuxenutbildning.toml", line, "meetings.per_year: Input should be a valid integer"


def _bad_weekday(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "anpassad-skola.toml", 'weekdays = ["fredag"]', 'weekdays = ["fredg"]')
    return "anpassad-skola.toml", line, "meetings.weekdays[0]: Input should be 'måndag'"


def _due_and_yearly(d: Path) -> tuple[str, int | None, str]:
    path = d / "introduktionsprogrammen.toml"
    _edit(path, "due = 2023-12-31", 'due_each_year = "12-31"\ndue = 2023-12-31')
    # A problem of the entry as a whole: the line of its [[deliverables]] header.
    return (
        path.name,
        _line_with(path, "[[deliverables]]"),
        "deliverables[0]: give exactly one of 'due' (a date) or 'due_each_year'",
    )


def _second_deliverable_bad_date(d: Path) -> tuple[str, int | None, str]:
    # The second [[deliverables]] of the file: counted by index, not by the first match.
    line = _edit(d / "vuxenutbildning.toml", "due = 2021-10-31", 'due = "oktober 2021"')
    return "vuxenutbildning.toml", line, "deliverables[1].due: Input should be a valid date"


def _missing_matches(d: Path) -> tuple[str, int | None, str]:
    path = d / "forskola.toml"
    _edit(path, 'matches = ["arbetsordning", "arbetsplan"]', "", count=1)
    # The second deliverable lost its key: the line of its table header.
    header = _line_with(path, "[[deliverables]]", occurrence=2)
    return path.name, header, "deliverables[1].matches: required key is missing"


def _toml_syntax(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "grundskola.toml", 'member_list = "02-15"', 'member_list = "02-15')
    return "grundskola.toml", line, "TOML syntax:"


def _bad_file_name(d: Path) -> tuple[str, int | None, str]:
    (d / "forskola.toml").rename(d / "Förskola.toml")
    return "Förskola.toml", None, "the file name is the network's slug"


def _impossible_day(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "anpassad-skola.toml", 'due_each_year = "11-30"', 'due_each_year = "11-31"')
    return "anpassad-skola.toml", line, "deliverables[0].due_each_year: '11-31' is not a day"


def _due_outside_period(d: Path) -> tuple[str, int | None, str]:
    path = d / "forskola.toml"
    extra = (
        '\n[[deliverables]]\nkey = "late"\nname = "Late"\ndue = 2027-03-31\nmatches = ["late"]\n'
    )
    text = path.read_text(encoding="utf-8").replace("\n[contacts]\n", extra + "\n[contacts]\n")
    path.write_text(text, encoding="utf-8")
    return path.name, _line_with(path, "due = 2027-03-31"), "deliverables[2].due: 2027-03-31"


def _unknown_top_level_key(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "grundskola.toml", "aliases = [", "alias = [")
    return "grundskola.toml", line, "alias: unknown key; did you mean 'aliases'?"


def _unknown_table(d: Path) -> tuple[str, int | None, str]:
    line = _edit(d / "forskola.toml", "[protocol]", "[protokoll]")
    return "forskola.toml", line, "protokoll: unknown key; did you mean 'protocol'?"


def _shared_alias(d: Path) -> tuple[str, int | None, str]:
    path = d / "vuxenutbildning.toml"
    line = _edit(path, '"sfi",', '"sfi", "Förskolan",')
    return (
        path.name,
        line,
        "'Förskolan' is also an alias of network 'forskola' (" + str(d / "forskola.toml"),
    )


def _yaml_file(d: Path) -> tuple[str, int | None, str]:
    (d / "ny.yaml").write_text("name: Ny\n", encoding="utf-8")
    return "ny.yaml", None, "rules files are TOML"


BREAKAGES: dict[str, Breakage] = {
    "typo in a key": _typo_key,
    "string where an int belongs": _string_for_int,
    "bad weekday": _bad_weekday,
    "due and due_each_year": _due_and_yearly,
    "second deliverable, bad date": _second_deliverable_bad_date,
    "deliverable without matches": _missing_matches,
    "TOML syntax": _toml_syntax,
    "bad file name": _bad_file_name,
    "no such day": _impossible_day,
    "due outside valid_from..valid_to": _due_outside_period,
    "unknown top-level key": _unknown_top_level_key,
    "unknown table": _unknown_table,
    "alias in two networks": _shared_alias,
    "a YAML file": _yaml_file,
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_check_rules_names_file_line_and_problem(breakage: str, rules_copy: Path) -> None:
    file_name, line, message = BREAKAGES[breakage](rules_copy)
    problems = check_rules(rules_copy)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file == rules_copy / file_name
    assert problem.line == line
    assert message in problem.message
    # Loading skips only the broken network, names it with the same text, and keeps
    # every other network going.
    loaded = load_rules(rules_copy)
    assert [str(p) for p in loaded.problems] == [str(problem)]
    sound = {p.stem for p in rules_copy.glob("*.toml")} - {problem.file.stem}
    assert {n.slug for n in loaded.networks} == sound
    if problem.file.suffix == ".toml" and problem.file.parent == rules_copy:
        assert loaded.broken == {problem.file.stem: [problem]}
    else:
        assert loaded.broken == {}
    assert [n.slug for n in load_networks(rules_copy)] == [n.slug for n in loaded.networks]


def test_every_problem_of_a_file_is_reported(rules_copy: Path) -> None:
    _typo_key(rules_copy)
    _bad_weekday(rules_copy)
    _string_for_int(rules_copy)
    problems = check_rules(rules_copy)
    assert [p.file.name for p in problems] == [
        "anpassad-skola.toml",
        "forskola.toml",
        "vuxenutbildning.toml",
    ]
    loaded = load_rules(rules_copy)
    assert sorted(loaded.broken) == ["anpassad-skola", "forskola", "vuxenutbildning"]
    assert {n.slug for n in loaded.networks} == {"grundskola", "introduktionsprogrammen"}


def test_a_copied_file_is_one_problem_naming_both_files(rules_copy: Path) -> None:
    shutil.copy(rules_copy / "forskola.toml", rules_copy / "forskola-kopia.toml")
    problems = check_rules(rules_copy)
    assert len(problems) == 1
    text = str(problems[0])
    assert "forskola.toml:" in text and "forskola-kopia.toml:" in text
    assert "and 9 more are also aliases" in text


def test_folder_problems(tmp_path: Path) -> None:
    assert [p.message for p in check_rules(tmp_path / "nope")] == [
        "the rules folder does not exist"
    ]
    assert [p.message for p in check_rules(tmp_path)] == ["no network files (*.toml) in the folder"]
    # An empty folder is not an error for loading: mailbot then knows no networks.
    assert load_networks(tmp_path) == []
    with pytest.raises(ConfigError, match="does not exist"):
        load_networks(tmp_path / "nope")


def test_rule_problem_str() -> None:
    problem = RuleProblem(
        Path("rules/forskola.toml"), 12, "meetings.per_year: Input should be a valid integer"
    )
    assert (
        str(problem) == "rules/forskola.toml:12: meetings.per_year: Input should be a valid integer"
    )
    assert str(RuleProblem(Path("rules/X.toml"), None, "bad name")) == "rules/X.toml: bad name"


def test_key_lines_follows_tables_arrays_of_tables_and_multi_line_values() -> None:
    text = "\n".join(
        [
            'name = "X"',  # 1
            "aliases = [",  # 2
            '    "a = b", "[c]",',  # 3: not a key, not a header
            "]",  # 4
            'meetings.per_year = 4  # "dotted"',  # 5
            "[protocol]",  # 6
            'writer = """',  # 7
            "due_days = 3",  # 8: inside a string
            '"""',  # 9
            "due_days = 14",  # 10
            "[[deliverables]]",  # 11
            'key = "a"',  # 12
            "[[deliverables]]",  # 13
            'key = "b"',  # 14
            "due = 2024-01-31",  # 15
        ]
    )
    lines = key_lines(text)
    assert lines[("aliases",)] == 2
    assert lines[("meetings", "per_year")] == 5
    assert lines[("protocol", "due_days")] == 10
    assert lines[("deliverables", 1, "key")] == 14
    assert line_of(lines, ("deliverables", 1, "due")) == 15
    assert line_of(lines, ("deliverables", 1, "matches")) == 13  # missing: its header
    assert line_of(lines, ("deliverables", 0)) == 11
    assert line_of(lines, ("contacts", "chair")) is None


# --- mailbot rules check ---------------------------------------------------------------


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    # Isolate from any mailbot.toml or MAILBOT_* of the developer's shell.
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("MAILBOT_"):
            monkeypatch.delenv(key)
    return CliRunner()


def test_cli_check_ok(runner: CliRunner) -> None:
    result = runner.invoke(rules_app, ["check", "--rules", str(RULES), "--today", "2025-06-01"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"5 network files OK: {', '.join(SLUGS)}"
    assert result.stderr == ""


def test_cli_check_warns_about_missions_that_end(runner: CliRunner) -> None:
    # Förskola and Anpassad skola: "under perioden 2023 - 2026".
    result = runner.invoke(rules_app, ["check", "--rules", str(RULES), "--today", "2026-11-15"])
    assert result.exit_code == 0, result.output  # a warning, not a problem
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2
    assert all("the mission ends 2026-12-31 (in 46 days)" in w for w in warnings)
    ended = runner.invoke(rules_app, ["check", "--rules", str(RULES), "--today", "2027-01-10"])
    assert "the mission ended 2026-12-31; the last rules stay in force" in ended.stderr


def test_cli_check_reads_the_folder_from_the_environment(
    runner: CliRunner, rules_copy: Path
) -> None:
    _typo_key(rules_copy)
    result = runner.invoke(rules_app, ["check"], env={"MAILBOT_RULES_DIR": str(rules_copy)})
    assert result.exit_code == 1
    line = _line_with(rules_copy / "forskola.toml", "per_yaer")
    assert f"{rules_copy / 'forskola.toml'}:{line}: meetings.per_yaer: unknown key" in (
        result.stderr
    )
    assert "1 problem in" in result.stderr
    assert result.stdout == ""


def test_cli_check_default_folder_and_state_accepted(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(RULES, tmp_path / "rules")  # ./rules, the default
    result = runner.invoke(rules_app, ["check", "--state", str(tmp_path / "state")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("5 network files OK")


def test_cli_check_json(runner: CliRunner, rules_copy: Path) -> None:
    ok = runner.invoke(
        rules_app, ["check", "--rules", str(RULES), "--json", "--today", "2025-06-01"]
    )
    assert ok.exit_code == 0
    assert json.loads(ok.stdout) == {
        "rules_dir": str(RULES),
        "ok": True,
        "networks": SLUGS,
        "problems": [],
        "warnings": [],
    }
    file_name, line, message = _bad_weekday(rules_copy)
    bad = runner.invoke(rules_app, ["check", "--rules", str(rules_copy), "--json"])
    assert bad.exit_code == 1
    report = json.loads(bad.stdout)
    assert report["ok"] is False and report["networks"] == []
    [problem] = report["problems"]
    assert problem["file"] == str(rules_copy / file_name)
    assert problem["line"] == line
    assert message in problem["message"]


def test_cli_check_missing_config_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(rules_app, ["check", "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
