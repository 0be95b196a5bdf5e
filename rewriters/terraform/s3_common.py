"""S3 helpers: provider-version style (inline vs split resources) and sibling resources."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.hcledit import Block, BlockSpec, EditRefused, append_sibling, find_block, locate, top_blocks
from rewriters.base import RewriteContext
from rewriters.terraform.common import Setting, address, apply_settings
from rewriters.terraform.values import NotHere

V3_INLINE = ("versioning", "server_side_encryption_configuration", "logging", "lifecycle_rule", "website")


def bucket_ref(ctx: RewriteContext) -> str:
    return f"aws_s3_bucket.{ctx.resource.name}.id"


def follow_parent(ctx: RewriteContext, bucket: Block) -> tuple[tuple[str, str], ...]:
    """A new sibling's `count`/`for_each` and `bucket`, matching how the bucket is repeated:
    `count = length(aws_s3_bucket.x)` + `aws_s3_bucket.x[count.index].id`, or the bucket's own
    `for_each` expression + `aws_s3_bucket.x[each.key].id` (same keys, one sibling per bucket;
    `for_each = aws_s3_bucket.x` + `each.value.id` is valid Terraform too, but checkov 3.3 then
    ties the sibling to one bucket instance only, so CKV2_AWS_6 kept failing for the others)."""
    parent = f"aws_s3_bucket.{ctx.resource.name}"
    each = bucket.attr("for_each")
    if bucket.attr("count") is not None:
        return (("count", f"length({parent})"), ("bucket", f"{parent}[count.index].id"))
    if each is not None and not each.multiline:
        return (("for_each", each.value.strip()), ("bucket", f"{parent}[each.key].id"))
    if each is not None:
        return (("for_each", parent), ("bucket", "each.value.id"))
    return (("bucket", bucket_ref(ctx)),)


def split_style(ctx: RewriteContext, text: str) -> bool:
    """AWS provider v4+ wants split resources; v3 (or a bucket already using inline blocks) inline."""
    if ctx.aws_provider_major is not None:
        return ctx.aws_provider_major >= 4
    bucket = locate(text, address(ctx))
    return not any(bucket.child(kind) for kind in V3_INLINE)


def _references_bucket(value: str, for_each: str, name: str, literal: str | None) -> bool:
    """`aws_s3_bucket.<name>[<index>].id|.bucket`, `each.value.id` over `for_each =
    aws_s3_bucket.<name>`, or the bucket's own literal name."""
    v = value.strip()
    pattern = rf"aws_s3_bucket\.{re.escape(name)}(?:\[[^\]]*\])?\.(?:id|bucket)"
    if re.fullmatch(pattern, v):
        return True
    if v in ("each.value.id", "each.value.bucket") and for_each.strip() == f"aws_s3_bucket.{name}":
        return True
    return literal is not None and literal.startswith('"') and v == literal


@lru_cache(maxsize=64)
def _bucket_refs(source: str) -> tuple[tuple[str, str, str, str], ...]:
    """(type, name, `bucket` expression, `for_each` expression) of every resource naming a bucket."""
    out = []
    for block in top_blocks(source.encode("utf-8")):
        bucket = block.attr("bucket")
        if block.kind == "resource" and len(block.labels) == 2 and bucket is not None:
            each = block.attr("for_each")
            out.append((block.labels[0], block.labels[1], bucket.value, each.value if each else ""))
    return tuple(out)


def find_sibling(ctx: RewriteContext, text: str, rtype: str) -> tuple[str, str] | None:
    """(file, resource name) of the `rtype` resource configuring this bucket, '' file = this one."""
    own = locate(text, address(ctx)).attr("bucket") if ctx.resource.type == "aws_s3_bucket" else None
    literal = own.value.strip() if own is not None else None
    sources = [("", text), *sorted((f, t) for f, t in ctx.file_texts.items() if f != ctx.resource.file)]
    for file, source in sources:
        for kind, name, bucket, each in _bucket_refs(source):
            if kind == rtype and _references_bucket(bucket, each, ctx.resource.name, literal):
                return file, name
    return None


Settings = tuple[tuple[tuple[str, ...], str, str], ...]  # (nested path, name, value)


def ensure_sibling_resource(
    ctx: RewriteContext,
    text: str,
    rtype: str,
    items: tuple[tuple[str, str] | BlockSpec, ...],
    settings: Settings,
    accept: Callable[[str], bool] | None = None,
) -> str:
    """Create `resource rtype <bucket name>` after the bucket, or fix the one already there."""
    found = find_sibling(ctx, text, rtype)
    if found is not None and found[0]:
        raise NotHere(f"this bucket's {rtype} is in {found[0]}; fix it there")
    if found is not None:
        wanted = tuple(Setting(name, value, path, accept) for path, name, value in settings)
        return apply_settings(ctx, text, wanted, at=("resource", (rtype, found[1])))
    name = ctx.resource.name
    if find_block(text.encode("utf-8"), "resource", (rtype, name)) is not None:
        raise EditRefused(f"{rtype}.{name} exists but does not reference this bucket; fix by hand")
    bucket = locate(text, address(ctx))
    spec = BlockSpec("resource", (rtype, name), (*follow_parent(ctx, bucket), *items))
    return append_sibling(text, bucket, spec)
