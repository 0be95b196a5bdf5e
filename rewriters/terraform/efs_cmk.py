"""EFS file systems encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="efs_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_184",),
    action="encrypt_efs_with_cmk",
    title="Encrypt the file system with a customer managed KMS key",
    confidence=Level.low,
    reversible=False,
    rollback_plan="The key cannot be changed in place: reverting means copying the data to a new file system.",
    verification=Verification(rules=("CKV_AWS_184",), provider_check="efs_kms"),
    review_guidance=(
        "kms_key_id forces a NEW file system: data must be copied (AWS DataSync / Backup restore) and"
        " mount targets are recreated."
    ),
    references=(
        "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_efs_file_system",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=False),
)
