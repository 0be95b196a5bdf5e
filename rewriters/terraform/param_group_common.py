"""Parameter groups: `parameter { name = "x" value = "y" }` blocks keyed by their name."""

from __future__ import annotations

from collections.abc import Callable

from bot.hcledit import BlockSpec, add_block, locate, quote, replace_value
from rewriters.base import RewriteContext
from rewriters.terraform.common import address


def ensure_parameter(ctx: RewriteContext, text: str, name: str, value: str, ok: Callable[[str], bool]) -> str:
    """Set parameter `name` to `value` unless `ok(current value)`; add the block when missing."""
    group = locate(text, address(ctx))
    for block in group.children("parameter"):
        key = block.attr("name")
        if key is None or key.value.strip() != quote(name):
            continue
        current = block.attr("value")
        if current is not None and ok(current.value.strip().strip('"')):
            return text
        if current is not None:
            return replace_value(text, current, quote(value))
    return add_block(text, group, BlockSpec("parameter", items=(("name", quote(name)), ("value", quote(value)))))
