"""S3 Block Public Access: one `aws_s3_bucket_public_access_block` with all four switches on."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, apply_settings, guarded, is_true
from rewriters.terraform.s3_common import ensure_sibling_resource

FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
PAB = "aws_s3_bucket_public_access_block"


def _edit(ctx: RewriteContext, text: str) -> str:
    if ctx.resource.type == PAB:
        return apply_settings(ctx, text, tuple(Setting(f, "true", accept=is_true) for f in FLAGS))
    items = tuple((flag, "true") for flag in FLAGS)
    return ensure_sibling_resource(ctx, text, PAB, items, tuple(((), f, "true") for f in FLAGS), is_true)


REWRITER = Rewriter(
    id="s3_block_public_access",
    iac=TF,
    rule_ids=(
        "CKV2_AWS_6",
        "CKV_AWS_53",
        "CKV_AWS_54",
        "CKV_AWS_55",
        "CKV_AWS_56",
        "AVD-AWS-0094",
        "AVD-AWS-0086",
        "AVD-AWS-0087",
        "AVD-AWS-0091",
        "AVD-AWS-0093",
        "aws-s3-specify-public-access-block",
        "aws-s3-block-public-acls",
        "aws-s3-block-public-policy",
        "aws-s3-ignore-public-acls",
        "aws-s3-no-public-buckets",
    ),
    action="block_public_s3_access",
    title="Block all public access to the S3 bucket",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR (or set the four block_* / ignore_* / restrict_* flags back to false) "
    "and apply; the bucket's previous ACLs and policy are not modified by this change.",
    verification=Verification(
        rules=("CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"),
        provider_check="s3_public_access_blocked",
    ),
    review_guidance="Confirm nothing serves this bucket publicly on purpose (static website, public "
    "downloads without CloudFront OAC): after apply, public ACLs and public bucket policies stop working.",
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=guarded(_edit),
    resource_types=("aws_s3_bucket", PAB),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
