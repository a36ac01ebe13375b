"""Running the real `mailbot` command in a subprocess, as an operator would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAILBOT_")}
    env.update(extra)
    return env


def mailbot(
    *args: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mailbot", *map(str, args)],
        cwd=cwd or REPO,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def messages_json(state: Path, *extra: str) -> list[dict[str, Any]]:
    res = mailbot("messages", "--state", state, "--json", *extra)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert isinstance(data, list)
    return data


def corpora_dir() -> Path:
    """The shared corpora beside the clone (CI puts shared/ next to the repo)."""
    override = os.environ.get("MAILBOT_TEST_CORPORA")
    path = Path(override) if override else REPO.parent / "shared" / "corpora"
    assert path.is_dir(), f"the shared corpora are missing: {path}"
    return path


class Ran:
    """What a command printed and returned (the fields of subprocess.CompletedProcess)."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def mailbot_here(*args: str | Path, env: dict[str, str] | None = None) -> Ran:
    """The `mailbot` command line run in this process (typer's test runner), for the
    read-only commands a test calls many times (`status`, `network`, `messages`): the
    same code as the real command, without a Python start each time. Commands whose
    process matters (signals, locks, umask, exit codes of crashes) use `mailbot`."""
    from typer.testing import CliRunner

    from mailbot.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], env=env or clean_env())
    return Ran(result.exit_code, result.stdout, result.stderr)
