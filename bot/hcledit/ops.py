"""Idempotent, address-based edits built on the span splices: what rewriters call."""

from __future__ import annotations

from collections.abc import Callable

from bot.hcledit.edit import add_attribute, add_block, append_sibling, replace_value
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


def ensure_block(text: str, address: Address, spec: BlockSpec) -> str:
    """Add nested block `spec` unless a block of that kind exists (then set its attributes)."""
    block = locate(text, address)
    if block.child(spec.kind) is None:
        return add_block(text, block, spec)
    for item in spec.items:
        if isinstance(item, tuple):
            text = ensure_attr(text, address, (spec.kind,), item[0], item[1])
    return text


def ensure_sibling(text: str, address: Address, spec: BlockSpec, exists: bool) -> str:
    """Append `spec` after the block unless an equivalent sibling already `exists`."""
    return text if exists else append_sibling(text, locate(text, address), spec)
