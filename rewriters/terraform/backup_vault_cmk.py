"""AWS Backup vaults encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="backup_vault_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_166",),
    action="encrypt_backup_vault_with_cmk",
    title="Encrypt the backup vault with a customer managed KMS key",
    confidence=Level.low,
    reversible=False,
    rollback_plan="The key cannot be changed in place: revert by creating a new vault.",
    verification=Verification(rules=("CKV_AWS_166",), provider_check="backup_vault_kms"),
    review_guidance=(
        "kms_key_arn forces a NEW vault, and a vault holding recovery points cannot be deleted: "
        "create the new vault next to it and point the plan at it instead on existing vaults."
    ),
    references=(
        "https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_vault",
    ),
    apply=set_attrs(
        Setting("kms_key_arn", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_backup_vault",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=False, restart=False),
)
