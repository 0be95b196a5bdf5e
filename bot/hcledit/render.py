"""Render new HCL (attributes, nested blocks, sibling resources) in the file's own style."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BlockSpec:
    """A block to create: `kind "label"... { name = <raw HCL expression> ... }`."""

    kind: str
    labels: tuple[str, ...] = ()
    items: tuple[tuple[str, str] | BlockSpec, ...] = ()


def quote(value: str) -> str:
    """An HCL string literal holding exactly `value` (no interpolation can be injected)."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("${", "$${")
        .replace("%{", "%%{")
    )
    return f'"{escaped}"'


def string_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(quote(v) for v in values) + "]"


def render_block(spec: BlockSpec, indent: str, unit: str) -> list[str]:
    head = " ".join([spec.kind, *(quote(label) for label in spec.labels)])
    if not spec.items:
        return [f"{indent}{head} {{}}"]
    return [f"{indent}{head} {{", *render_items(spec.items, indent + unit, unit), f"{indent}}}"]


def render_items(items: Sequence[tuple[str, str] | BlockSpec], indent: str, unit: str) -> list[str]:
    """Lines for a body; runs of attributes get their `=` aligned as `terraform fmt` does."""
    lines: list[str] = []
    run: list[tuple[str, str]] = []
    for item in [*items, None]:
        if isinstance(item, tuple):
            run.append(item)
            continue
        width = max((len(n) for n, _ in run), default=0)
        lines.extend(f"{indent}{n.ljust(width)} = {v}" for n, v in run)
        run = []
        if isinstance(item, BlockSpec):
            lines.extend(render_block(item, indent, unit))
    return lines
