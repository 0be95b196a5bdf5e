"""`/fixbot <command> [args]` in a comment → a `CommandCall` value (or a parse error value)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "/fixbot"
MAX_ARG = 200
_LINE = re.compile(r"^\s*/fixbot(?:\s+(?P<name>[A-Za-z-]+))?(?P<rest>[^\n]*)$", re.M)
_TOKEN = re.compile(r"^[A-Za-z0-9_.:\-\[\]/\"]+$")


@dataclass(frozen=True)
class CommandCall:
    name: str
    args: tuple[str, ...] = ()
    text: str = ""  # the free text after the name (for `ignore REASON`)


@dataclass(frozen=True)
class ParseError:
    message: str


def parse(body: str) -> CommandCall | ParseError | None:
    """The first `/fixbot` line of a comment; None when there is none (not for us)."""
    m = _LINE.search(body or "")
    if m is None:
        return None
    name = (m.group("name") or "help").lower()
    rest = " ".join(m.group("rest").split())[:MAX_ARG]
    return CommandCall(name, tuple(rest.split()) if rest else (), rest)


def single_target(call: CommandCall) -> str | ParseError | None:
    """An optional RULE or RESOURCE argument, checked to be one plain token."""
    if not call.args:
        return None
    if len(call.args) > 1 or not _TOKEN.match(call.args[0]):
        return ParseError(f"`{call.name}` takes at most one RULE or RESOURCE argument")
    return call.args[0]
