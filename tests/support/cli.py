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
