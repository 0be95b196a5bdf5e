"""S3 versioning: `aws_s3_bucket_versioning` (AWS provider v4+) or inline `versioning {}` (v3)."""

from __future__ import annotations

from bot.hcledit import BlockSpec
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, apply_settings, guarded, is_true
from rewriters.terraform.s3_common import ensure_sibling_resource, split_style

SPLIT = "aws_s3_bucket_versioning"
ENABLED = '"Enabled"'


def _edit(ctx: RewriteContext, text: str) -> str:
    if ctx.resource.type == SPLIT:
        return apply_settings(ctx, text, (Setting("status", ENABLED, ("versioning_configuration",)),))
    if not split_style(ctx, text):
        return apply_settings(ctx, text, (Setting("enabled", "true", ("versioning",), is_true),))
    items = (BlockSpec("versioning_configuration", items=(("status", ENABLED),)),)
    return ensure_sibling_resource(ctx, text, SPLIT, items, ((("versioning_configuration",), "status", ENABLED),))


REWRITER = Rewriter(
    id="s3_versioning",
    iac=TF,
    rule_ids=("CKV_AWS_21", "AVD-AWS-0090", "aws-s3-enable-versioning"),
    action="enable_bucket_versioning",
    title="Enable versioning on the S3 bucket",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply: versioning becomes Suspended (S3 cannot return to "
    "never-versioned); existing object versions are kept until a lifecycle rule expires them.",
    verification=Verification(rules=("CKV_AWS_21",), provider_check="s3_versioning_enabled"),
    review_guidance="Versioning keeps every overwritten/deleted object: storage cost grows unless a "
    "lifecycle rule expires noncurrent versions. Check buckets with heavy churn.",
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning",
    ),
    apply=guarded(_edit),
    resource_types=("aws_s3_bucket", SPLIT),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
