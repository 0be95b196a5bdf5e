"""EFS file system encryption at rest."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="efs_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_42", "AVD-AWS-0037", "aws-efs-enable-at-rest-encryption"),
    action="enable_efs_encryption",
    title="Encrypt the EFS file system",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "Encryption cannot be removed in place; copy the data back to an unencrypted file system if needed."
    ),
    verification=Verification(rules=("CKV_AWS_42",), provider_check="efs_encrypted"),
    review_guidance=(
        "encrypted forces a NEW file system (data is NOT copied). Migrate with AWS DataSync or "
        "backup/restore before applying."
    ),
    references=(
        "https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system#encrypted",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
    ),
    resource_types=("aws_efs_file_system",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=False),
)
