"""VPC helpers: resources attached to a VPC through `vpc_id = aws_vpc.<name>.id`."""

from __future__ import annotations

from bot.hcledit import BlockSpec, EditRefused, append_sibling, find_block, locate, top_blocks
from bot.hcledit.model import Block
from rewriters.base import RewriteContext
from rewriters.terraform.common import address


def vpc_ref(ctx: RewriteContext) -> str:
    return f"aws_vpc.{ctx.resource.name}.id"


def attached(ctx: RewriteContext, text: str, rtype: str) -> tuple[str, Block] | None:
    """(file, block) of the first `rtype` resource whose vpc_id is this VPC ('' file = this one)."""
    sources = [("", text), *sorted((f, t) for f, t in ctx.file_texts.items() if f != ctx.resource.file)]
    for file, source in sources:
        for block in top_blocks(source.encode("utf-8")):
            vpc = block.attr("vpc_id")
            mine = vpc is not None and vpc.value.strip() == vpc_ref(ctx)
            if block.kind == "resource" and block.labels[:1] == (rtype,) and mine:
                return file, block
    return None


def add_attached(ctx: RewriteContext, text: str, rtype: str, items: tuple[tuple[str, str] | BlockSpec, ...]) -> str:
    """Append `resource rtype <vpc name> { vpc_id = ...; items }` after the VPC."""
    name = ctx.resource.name
    if find_block(text.encode("utf-8"), "resource", (rtype, name)) is not None:
        raise EditRefused(f"{rtype}.{name} exists but is not attached to this VPC; fix by hand")
    spec = BlockSpec("resource", (rtype, name), (("vpc_id", vpc_ref(ctx)), *items))
    return append_sibling(text, locate(text, address(ctx)), spec)
