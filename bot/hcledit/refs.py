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


def iterator_names(block: Block, kind: str) -> tuple[str, ...]:
    """Names a `dynamic "kind"` content refers to its element by (`kind`, or its `iterator`)."""
    dyn = dynamic_block(block, kind)
    if dyn is None:
        return ()
    iterator = dyn.attr("iterator")
    return (kind, iterator.value.strip()) if iterator is not None else (kind,)
