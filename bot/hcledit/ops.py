"""Idempotent, address-based edits built on the span splices: what rewriters call."""

from __future__ import annotations

from collections.abc import Callable

from bot.hcledit.edit import add_attribute, add_block, replace_value
from bot.hcledit.model import Block, find_block
from bot.hcledit.parse import EditRefused
from bot.hcledit.render import BlockSpec

Accept = Callable[[str], bool]
Address = tuple[str, tuple[str, ...]]  # ("resource", ("aws_s3_bucket", "logs"))


def locate(text: str, address: Address) -> Block:
    block = find_block(text.encode("utf-8"), *address)
    if block is None:
        raise EditRefused(f"{address[0]} {' '.join(address[1])} not found in the file")
    return block


def _nested_spec(path: tuple[str, ...], items: tuple[tuple[str, str], ...]) -> BlockSpec:
    spec = BlockSpec(path[-1], items=items)
    for kind in reversed(path[:-1]):
        spec = BlockSpec(kind, items=(spec,))
    return spec


def ensure_attr(
    text: str, address: Address, path: tuple[str, ...], name: str, value: str, accept: Accept | None = None
) -> str:
    """Make `name` (inside nested blocks `path`) equal `value` unless `accept` says it is fine."""
    current = locate(text, address)
    for depth, kind in enumerate(path):
        nested = current.child(kind)
        if nested is None:
            return add_block(text, current, _nested_spec(path[depth:], ((name, value),)))
        current = nested
    attr = current.attr(name)
    if attr is None:
        return add_attribute(text, current, name, value)
    if attr.value == value or (accept is not None and accept(attr.value)):
        return text
    return replace_value(text, attr, value)


Want = tuple[str, str, Accept | None]  # name, value, accept


def ensure_attrs(text: str, address: Address, path: tuple[str, ...], wants: tuple[Want, ...]) -> str:
    """Several attributes in one nested block; a missing block is created whole (aligned)."""
    current = locate(text, address)
    for depth, kind in enumerate(path):
        nested = current.child(kind)
        if nested is None:
            items = tuple((name, value) for name, value, _ in wants)
            return add_block(text, current, _nested_spec(path[depth:], items))
        current = nested
    for name, value, accept in wants:
        text = ensure_attr(text, address, path, name, value, accept)
    return text


Wants = dict[tuple[str, ...], tuple[Want, ...]]  # nested path -> attributes wanted there


def _tree(prefix: tuple[str, ...], wants: Wants) -> BlockSpec:
    """One block spec holding every wanted attribute at or below `prefix` (attributes first)."""
    attrs: list[tuple[str, str] | BlockSpec] = [(n, v) for n, v, _ in wants.get(prefix, ())]
    below = dict.fromkeys(p[len(prefix)] for p in wants if len(p) > len(prefix) and p[: len(prefix)] == prefix)
    attrs += [_tree((*prefix, kind), wants) for kind in below]
    return BlockSpec(prefix[-1], items=tuple(attrs))


def _missing_at(text: str, address: Address, path: tuple[str, ...]) -> tuple[Block, int]:
    """The deepest existing block along `path` and how many path steps exist."""
    current = locate(text, address)
    for depth, kind in enumerate(path):
        nested = current.child(kind)
        if nested is None:
            return current, depth
        current = nested
    return current, len(path)


def ensure_tree(text: str, address: Address, wants: Wants) -> str:
    """Several nested paths at once: blocks missing together are created together, aligned."""
    pending = list(wants)
    while pending:
        path = pending.pop(0)
        parent, depth = _missing_at(text, address, path)
        if depth == len(path):
            text = ensure_attrs(text, address, path, wants[path])
            continue
        prefix = path[: depth + 1]
        group = {p: w for p, w in wants.items() if p[: depth + 1] == prefix and (p == path or p in pending)}
        pending = [p for p in pending if p not in group]
        text = add_block(text, parent, _tree(prefix, group))
    return text
