"""S3 lifecycle rule aborting incomplete multipart uploads (whole bucket).

A bucket with no lifecycle configuration gets one (a sibling
`aws_s3_bucket_lifecycle_configuration` on AWS provider v4+, an inline `lifecycle_rule` on v3);
an existing configuration without such a rule gets one more rule. Nothing is ever expired:
only upload parts that were never completed are cleaned up.
"""

from __future__ import annotations

from bot.hcledit import BlockSpec, add_block, locate
from bot.hcledit.model import Block
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, int_param
from rewriters.terraform.s3_common import ensure_sibling_resource, split_style

SPLIT = "aws_s3_bucket_lifecycle_configuration"
RULE_ID = '"abort-incomplete-multipart-uploads"'
FILTERS = ("prefix", "object_size_greater_than", "object_size_less_than", "tag", "and")


def _rule(days: str) -> BlockSpec:
    abort = BlockSpec("abort_incomplete_multipart_upload", items=(("days_after_initiation", days),))
    return BlockSpec("rule", items=(("id", RULE_ID), ("status", '"Enabled"'), BlockSpec("filter"), abort))


def _whole_bucket_abort(rule: Block) -> bool:
    status = rule.attr("status")
    if rule.child("abort_incomplete_multipart_upload") is None or status is None:
        return False
    scope = rule.child("filter")
    narrowed = scope is not None and any(scope.attr(f) or scope.child(f) for f in FILTERS)
    return status.value.strip() == '"Enabled"' and not narrowed


def _edit(ctx: RewriteContext, text: str) -> str:
    days = int_param("days_after_initiation")(ctx)
    block = locate(text, address(ctx))
    if ctx.resource.type == SPLIT:
        if any(_whole_bucket_abort(rule) for rule in block.children("rule")):
            return text
        return add_block(text, block, _rule(days))
    if not split_style(ctx, text):
        if block.children("lifecycle_rule"):
            return text
        items = (("id", RULE_ID), ("enabled", "true"), ("abort_incomplete_multipart_upload_days", days))
        return add_block(text, block, BlockSpec("lifecycle_rule", items=items))
    return ensure_sibling_resource(ctx, text, SPLIT, (_rule(days),), ())


REWRITER = Rewriter(
    id="s3_abort_incomplete_uploads",
    iac=TF,
    rule_ids=("CKV_AWS_300", "CKV2_AWS_61"),
    action="add_s3_abort_multipart_rule",
    title="Abort incomplete multipart uploads after a few days",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply: the rule (or lifecycle configuration) is removed; nothing is restored.",
    verification=Verification(rules=("CKV_AWS_300", "CKV2_AWS_61"), provider_check="s3_abort_incomplete_uploads"),
    review_guidance=(
        "Only parts of multipart uploads never completed within the period are deleted; objects and "
        "versions are untouched. Uploads legitimately running longer than the period (very large, "
        "resumable uploads) would be aborted."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_lifecycle_configuration",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(name="days_after_initiation", description="days before an unfinished upload is aborted", default="7"),
    ),
    resource_types=("aws_s3_bucket", SPLIT),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=False, restart=False),
)
