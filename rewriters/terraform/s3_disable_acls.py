"""S3 object ownership `BucketOwnerEnforced`: ACLs are disabled, the bucket owner owns every object."""

from __future__ import annotations

from bot.hcledit import EditRefused, locate, top_blocks
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded

ENFORCED = Setting("object_ownership", '"BucketOwnerEnforced"', path=("rule",))


def _acl_in_use(ctx: RewriteContext, bucket: str) -> str | None:
    """The `aws_s3_bucket_acl` granting more than `private` on the same bucket, if any."""
    for source in (ctx.text, *ctx.file_texts.values()):
        for block in top_blocks(source.encode("utf-8")):
            if block.kind != "resource" or block.labels[:1] != ("aws_s3_bucket_acl",):
                continue
            same = block.attr("bucket")
            acl = block.attr("acl")
            if same is None or same.value.strip() != bucket:
                continue
            if acl is None or acl.value.strip() != '"private"':
                return ".".join(block.labels)
    return None


def _edit(ctx: RewriteContext, text: str) -> str:
    bucket = locate(text, address(ctx)).attr("bucket")
    if bucket is None:
        raise EditRefused("the ownership controls name no bucket")
    user = _acl_in_use(ctx, bucket.value.strip())
    if user is not None:
        raise EditRefused(f"{user} still grants access through ACLs; move those grants to a bucket policy first")
    return apply_settings(ctx, text, (ENFORCED,))


REWRITER = Rewriter(
    id="s3_disable_acls",
    iac=TF,
    rule_ids=("CKV2_AWS_65",),
    action="disable_s3_acls",
    title="Disable S3 ACLs (bucket owner enforced)",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): ACLs are evaluated again; the old ACLs were kept by S3.",
    verification=Verification(rules=("CKV2_AWS_65",), provider_check="s3_ownership_enforced"),
    review_guidance=(
        "Access granted only through object or bucket ACLs stops working (cross-account writers using "
        "bucket-owner-full-control still work). S3 server access logging into this bucket needs a bucket "
        "policy for logging.s3.amazonaws.com instead of the log-delivery ACL; CloudFront standard logs "
        "still need ACLs."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_ownership_controls",
    ),
    apply=guarded(_edit),
    resource_types=("aws_s3_bucket_ownership_controls",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
