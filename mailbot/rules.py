"""Networks and their rules: one TOML file per network in the rules folder.

The file name is the network's slug (`forskola.toml` -> `forskola`). This module
reads the recognition part (name, aliases); the obligations are read by the rules
engine.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mailbot.errors import ConfigError

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class NetworkFile(BaseModel):
    model_config = ConfigDict(extra="allow")  # obligations are validated by the engine

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    exact_aliases: list[str] = Field(default_factory=list)
    sub_networks: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Network:
    slug: str
    name: str
    aliases: tuple[str, ...]  # matched case-insensitively on whole words
    exact_aliases: tuple[str, ...]  # matched case-sensitively on whole words
    sub_networks: tuple[str, ...]
    path: Path


def load_networks(rules_dir: Path) -> list[Network]:
    """Every network file in the folder, sorted by slug. Raises ConfigError, naming
    the file, on a file that cannot be read."""
    if not rules_dir.is_dir():
        raise ConfigError(f"rules folder {rules_dir} does not exist (--rules / MAILBOT_RULES_DIR)")
    networks = []
    for path in sorted(rules_dir.glob("*.toml")):
        slug = path.stem
        if not _SLUG.match(slug):
            raise ConfigError(f"{path}: the file name must be a slug like 'anpassad-skola'")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            parsed = NetworkFile.model_validate(data)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise ConfigError(f"{path}: {problems}") from None
        aliases = {parsed.name.lower(), *(a.lower() for a in parsed.aliases)}
        networks.append(
            Network(
                slug=slug,
                name=parsed.name,
                aliases=tuple(sorted(aliases, key=len, reverse=True)),
                exact_aliases=tuple(parsed.exact_aliases),
                sub_networks=tuple(s.lower() for s in parsed.sub_networks),
                path=path,
            )
        )
    return networks
