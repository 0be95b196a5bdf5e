"""VPC helpers: resources attached to a VPC through `vpc_id = aws_vpc.<name>.id`."""

from __future__ import annotations

from bot.hcledit import BlockSpec
from bot.hcledit.model import Block
from rewriters.base import RewriteContext
from rewriters.terraform.attach_common import add_attached as _add
from rewriters.terraform.attach_common import attached as _attached
from rewriters.terraform.attach_common import own_ref


def vpc_ref(ctx: RewriteContext) -> str:
    return own_ref(ctx, "id")


def attached(ctx: RewriteContext, text: str, rtype: str) -> tuple[str, Block] | None:
    """(file, block) of the first `rtype` resource whose vpc_id is this VPC ('' file = this one)."""
    return _attached(ctx, text, rtype, "vpc_id", vpc_ref(ctx))


def add_attached(ctx: RewriteContext, text: str, rtype: str, items: tuple[tuple[str, str] | BlockSpec, ...]) -> str:
    """Append `resource rtype <vpc name> { vpc_id = ...; items }` after the VPC."""
    return _add(ctx, text, rtype, ("vpc_id", vpc_ref(ctx)), items)
