"""Resources attached to another one by a reference (`vpc_id = aws_vpc.main.id`, `secret_id = ...`).

`attached` finds the attached resource anywhere in the module; `add_attached` creates it right
after the resource being fixed, named like it, and refuses when that name is already taken.
"""

from __future__ import annotations

import re

from bot.hcledit import BlockSpec, EditRefused, append_sibling, find_block, locate, top_blocks
from bot.hcledit.model import Block
from rewriters.base import RewriteContext
from rewriters.terraform.common import address

Items = tuple[tuple[str, str] | BlockSpec, ...]


def own_ref(ctx: RewriteContext, attr: str) -> str:
    """`<type>.<name>.<attr>` of the resource being fixed."""
    return f"{ctx.resource.type}.{ctx.resource.name}.{attr}"


def attached(ctx: RewriteContext, text: str, rtype: str, link: str, ref: str) -> tuple[str, Block] | None:
    """(file, block) of the first `rtype` whose `link` attribute is `ref` ('' file = this one)."""
    sources = [("", text), *sorted((f, t) for f, t in ctx.file_texts.items() if f != ctx.resource.file)]
    for file, source in sources:
        for block in top_blocks(source.encode("utf-8")):
            value = block.attr(link)
            mine = value is not None and re.search(rf"(?<![\w.]){re.escape(ref)}(?![\w.\[])", value.value) is not None
            if block.kind == "resource" and block.labels[:1] == (rtype,) and mine:
                return file, block
    return None


def add_attached(ctx: RewriteContext, text: str, rtype: str, link: tuple[str, str], items: Items) -> str:
    """Append `resource rtype <this name> { <link> = <ref>; items }` after the resource being fixed."""
    name = ctx.resource.name
    if ctx.resource.templated or locate(text, address(ctx)).templated:
        raise EditRefused(f"{ctx.resource.address} uses count/for_each; the new {rtype} must follow it, add it by hand")
    if find_block(text.encode("utf-8"), "resource", (rtype, name)) is not None:
        raise EditRefused(f"{rtype}.{name} exists but is not attached to {ctx.resource.address}; fix by hand")
    spec = BlockSpec("resource", (rtype, name), (link, *items))
    return append_sibling(text, locate(text, address(ctx)), spec)
