"""S3 canned ACL public-read / public-read-write / authenticated-read → private."""

from __future__ import annotations

from bot.hcledit import Address, EditRefused, ensure_attr, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded
from rewriters.terraform.s3_common import find_sibling

SPLIT = "aws_s3_bucket_acl"
PUBLIC = ('"public-read"', '"public-read-write"', '"authenticated-read"')


def _private(text: str, addr: Address) -> str:
    block = locate(text, addr)
    if block.child("grant") or block.child("access_control_policy"):
        raise EditRefused("the ACL uses explicit grants; review them by hand")
    acl = block.attr("acl")
    if acl is None or acl.value.strip() not in PUBLIC:
        return text
    return ensure_attr(text, addr, (), "acl", '"private"')


def _edit(ctx: RewriteContext, text: str) -> str:
    """checkov reports the bucket even when a separate `aws_s3_bucket_acl` holds the ACL."""
    text = _private(text, address(ctx))
    if ctx.resource.type != "aws_s3_bucket":
        return text
    found = find_sibling(ctx, text, SPLIT)
    if found is not None and found[0]:
        raise EditRefused(f"this bucket's {SPLIT} is in {found[0]}; fix it there")
    return text if found is None else _private(text, ("resource", (SPLIT, found[1])))


REWRITER = Rewriter(
    id="s3_private_acl",
    iac=TF,
    rule_ids=("CKV_AWS_20", "CKV_AWS_57", "AVD-AWS-0092", "aws-s3-no-public-access-with-acl"),
    action="make_bucket_acl_private",
    title="Replace the public canned ACL of the S3 bucket with private",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply: the previous canned ACL is restored.",
    verification=Verification(rules=("CKV_AWS_20", "CKV_AWS_57"), provider_check="s3_acl_not_public"),
    review_guidance="Anonymous reads (and writes) of the bucket stop. Check for websites or download "
    "links served straight from S3; serve them through CloudFront with origin access control instead.",
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl",
    ),
    apply=guarded(_edit),
    resource_types=("aws_s3_bucket", SPLIT),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
