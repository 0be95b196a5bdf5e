"""Secrets Manager secrets encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="secretsmanager_kms",
    iac=TF,
    rule_ids=("CKV_AWS_149", "AVD-AWS-0098", "aws-ssm-secret-use-customer-key"),
    action="enable_secret_cmk_encryption",
    title="Encrypt the secret with a customer managed key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply: new versions use the AWS managed key again."),
    verification=Verification(rules=("CKV_AWS_149",), provider_check="secret_cmk"),
    review_guidance=(
        "Every reader of the secret needs kms:Decrypt on the key; cross-account readers need it in the key policy."
    ),
    references=(
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret#kms_key_id",
    ),
    apply=set_attrs(
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_secretsmanager_secret",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
