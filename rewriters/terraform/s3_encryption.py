"""S3 default encryption with a KMS key (SSE-KMS), or SSE-S3 when only encryption is asked for."""

from __future__ import annotations

from bot.hcledit import BlockSpec, ensure_attrs
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, hcl_value, param
from rewriters.terraform.s3_common import ensure_sibling_resource, split_style

SPLIT = "aws_s3_bucket_server_side_encryption_configuration"
DEFAULT = ("rule", "apply_server_side_encryption_by_default")
KMS_RULES = ("CKV_AWS_145", "AVD-AWS-0132", "aws-s3-encryption-customer-key")


def _settings(ctx: RewriteContext) -> tuple[tuple[str, str], ...]:
    wants_kms = any(f.rule_id.upper() in KMS_RULES for f in ctx.findings) or "kms_key_arn" in ctx.params
    if not wants_kms:
        return (("sse_algorithm", '"AES256"'),)
    return (("sse_algorithm", '"aws:kms"'), ("kms_master_key_id", hcl_value(param(ctx, "kms_key_arn"))))


def _nested(settings: tuple[tuple[str, str], ...]) -> BlockSpec:
    return BlockSpec("rule", items=(BlockSpec("apply_server_side_encryption_by_default", items=settings),))


def _edit(ctx: RewriteContext, text: str) -> str:
    settings = _settings(ctx)
    wants = tuple((name, value, None) for name, value in settings)
    if ctx.resource.type == SPLIT:
        return ensure_attrs(text, address(ctx), DEFAULT, wants)
    if split_style(ctx, text):
        fixes = tuple((DEFAULT, name, value) for name, value in settings)
        return ensure_sibling_resource(ctx, text, SPLIT, (_nested(settings),), fixes)
    return ensure_attrs(text, address(ctx), ("server_side_encryption_configuration", *DEFAULT), wants)


REWRITER = Rewriter(
    id="s3_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_145", "CKV_AWS_19", *KMS_RULES[1:], "AVD-AWS-0088", "aws-s3-enable-bucket-encryption"),
    action="enable_bucket_encryption",
    title="Encrypt the S3 bucket by default with a KMS key",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply: new objects go back to the previous default encryption; "
    "objects written meanwhile stay KMS-encrypted (keep the key enabled until they are rewritten).",
    verification=Verification(rules=("CKV_AWS_145", "CKV_AWS_19"), provider_check="s3_default_encryption_kms"),
    review_guidance="Every reader and writer of the bucket needs kms:Decrypt / kms:GenerateDataKey on "
    "the key (check roles, replication and cross-account consumers). Consider bucket_key_enabled for cost.",
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/"
        "s3_bucket_server_side_encryption_configuration",
    ),
    apply=guarded(_edit),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key (e.g. aws_kms_key.s3.arn)"),),
    resource_types=("aws_s3_bucket", SPLIT),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
