"""S3 server access logging into a central log bucket (a value only a human knows)."""

from __future__ import annotations

from bot.hcledit import EditRefused, ensure_attrs, quote
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, has_value, hcl_value, param
from rewriters.terraform.s3_common import ensure_sibling_resource, split_style

SPLIT = "aws_s3_bucket_logging"


def _target(ctx: RewriteContext) -> tuple[str, str]:
    target = param(ctx, "target_bucket")
    if target in (ctx.resource.name, f"aws_s3_bucket.{ctx.resource.name}.id"):
        raise EditRefused("a bucket must not log into itself; choose another target_bucket")
    prefix = ctx.params.get("target_prefix") or f"{ctx.resource.name}/"
    return hcl_value(target), quote(prefix)


def _edit(ctx: RewriteContext, text: str) -> str:
    target, prefix = _target(ctx)
    if split_style(ctx, text):
        items = (("target_bucket", target), ("target_prefix", prefix))
        return ensure_sibling_resource(ctx, text, SPLIT, items, (((), "target_bucket", target),), has_value)
    wants = (("target_bucket", target, has_value), ("target_prefix", prefix, has_value))
    return ensure_attrs(text, address(ctx), ("logging",), wants)


REWRITER = Rewriter(
    id="s3_access_logging",
    iac=TF,
    rule_ids=("CKV_AWS_18", "AVD-AWS-0089", "aws-s3-enable-bucket-logging"),
    action="enable_bucket_logging",
    title="Enable S3 server access logging",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: logging stops; log objects already delivered stay in the target bucket.",
    verification=Verification(rules=("CKV_AWS_18",), provider_check="s3_access_logging_enabled"),
    review_guidance="The target bucket must exist in the same region and account and allow the S3 "
    "logging service principal (bucket policy or log-delivery ACL) to write.",
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_logging",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(name="target_bucket", description="name or reference of the bucket receiving access logs"),
        Param(name="target_prefix", description="key prefix for the logs (empty: '<bucket name>/')", default=""),
    ),
    resource_types=("aws_s3_bucket",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
