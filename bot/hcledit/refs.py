"""Where a value comes from: `var.x`, `local.x`, module calls and `dynamic` block contents.

Read-only helpers over the public `Block`/`Attr` view; the edits stay with `bot.hcledit.edit`.
"""

from __future__ import annotations

import re

from bot.hcledit.model import Attr, Block, find_block, top_blocks

_VAR = re.compile(r"var\.([A-Za-z_][A-Za-z0-9_-]*)")
_LOCAL = re.compile(r"local\.([A-Za-z_][A-Za-z0-9_-]*)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_PLAIN_STRING = re.compile(r'"(?:[^"\\$%]|\\.)*"')


def variable_ref(value: str) -> str | None:
    """`x` when the whole expression is `var.x`."""
    found = _VAR.fullmatch(value.strip())
    return found.group(1) if found else None


def local_ref(value: str) -> str | None:
    """`x` when the whole expression is `local.x`."""
    found = _LOCAL.fullmatch(value.strip())
    return found.group(1) if found else None


def is_literal(value: str) -> bool:
    """A constant a fix may replace: true/false/null, a number, a string without interpolation."""
    v = value.strip()
    return v in ("true", "false", "null") or bool(_NUMBER.fullmatch(v) or _PLAIN_STRING.fullmatch(v))


def variable_block(text: str, name: str) -> Block | None:
    return find_block(text.encode("utf-8"), "variable", (name,))


def local_attr(text: str, name: str) -> Attr | None:
    """The `name = ...` entry of any `locals` block of `text`."""
    for block in top_blocks(text.encode("utf-8")):
        if block.kind == "locals" and not block.labels and block.attr(name) is not None:
            return block.attr(name)
    return None


def module_block(text: str, name: str) -> Block | None:
    return find_block(text.encode("utf-8"), "module", (name,))


def dynamic_content(block: Block, kind: str) -> Block | None:
    """The `content` block of `dynamic "kind"` inside `block`, if there is exactly one."""
    found = [b for b in block.blocks if b.kind == "dynamic" and b.labels == (kind,)]
    return found[0].child("content") if len(found) == 1 else None


def dynamic_block(block: Block, kind: str) -> Block | None:
    return next((b for b in block.blocks if b.kind == "dynamic" and b.labels == (kind,)), None)


_FALLBACK_CALL = re.compile(r"(lookup|try)\((.*)\)", re.S)


def _top_level_commas(args: str) -> list[int]:
    depth, quoted, out = 0, False, []
    for i, ch in enumerate(args):
        if ch == '"' and (i == 0 or args[i - 1] != "\\"):
            quoted = not quoted
        elif not quoted and ch in "([{":
            depth += 1
        elif not quoted and ch in ")]}":
            depth -= 1
            if depth < 0:
                return []
        elif not quoted and depth == 0 and ch == ",":
            out.append(i)
    return out


def fallback_span(value: str) -> tuple[int, int] | None:
    """Span (in `value`) of the fallback of `lookup(map, "key", FALLBACK)` / `try(expr, ..., FALLBACK)`:
    the value used when the input does not say."""
    v = value.rstrip()
    found = _FALLBACK_CALL.fullmatch(v.lstrip())
    if found is None:
        return None
    offset = len(v) - len(v.lstrip()) + len(found.group(1)) + 1
    commas = _top_level_commas(found.group(2))
    if not commas or (found.group(1) == "lookup" and len(commas) != 2):
        return None
    start = offset + commas[-1] + 1
    while start < len(v) and v[start] in " \t\n":
        start += 1
    return start, len(v) - 1
