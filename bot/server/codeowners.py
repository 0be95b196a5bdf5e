"""CODEOWNERS: who owns a path (last matching pattern wins, gitignore-style patterns)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

LOCATIONS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
_OWNER = re.compile(r"^@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$")


class FileReader(Protocol):
    def read_file(self, path: str, ref: str) -> str | None: ...


@dataclass(frozen=True)
class Rule:
    regex: re.Pattern[str]
    owners: tuple[str, ...]


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    body = pattern.strip("/")
    out = ""
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif body.startswith("**", i):
            out, i = out + ".*", i + 2
        elif body[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif body[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(body[i]), i + 1
    prefix = "^" if anchored else "^(?:.*/)?"
    return re.compile(prefix + out + "(?:/.*)?$")


def parse(text: str) -> list[Rule]:
    rules = []
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        owners = tuple(o for o in parts[1:] if _OWNER.match(o))
        rules.append(Rule(_compile(parts[0]), owners))
    return rules


def owners_of(rules: Sequence[Rule], path: str) -> tuple[str, ...]:
    found: tuple[str, ...] = ()
    for rule in rules:
        if rule.regex.match(path):
            found = rule.owners
    return found


def load(reader: FileReader, ref: str) -> list[Rule]:
    for location in LOCATIONS:
        text = reader.read_file(location, ref)
        if text is not None:
            return parse(text)
    return []


def owners_for(reader: FileReader, files: Sequence[str], ref: str) -> tuple[list[str], list[str]]:
    """(users, teams as "org/team") owning any of `files` per the CODEOWNERS at `ref`."""
    rules = load(reader, ref)
    owners = [o.lstrip("@") for f in files for o in owners_of(rules, f)]
    users = [o for o in dict.fromkeys(owners) if "/" not in o]
    teams = [o for o in dict.fromkeys(owners) if "/" in o]
    return users, teams
