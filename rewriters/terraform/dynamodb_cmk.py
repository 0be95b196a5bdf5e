"""DynamoDB tables encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="dynamodb_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_119", "AVD-AWS-0025", "aws-dynamodb-table-customer-key"),
    action="encrypt_dynamodb_with_cmk",
    title="Encrypt the table with a customer managed KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the table goes back to the AWS owned key.",
    verification=Verification(rules=("CKV_AWS_119",), provider_check="dynamodb_kms"),
    review_guidance=(
        "Switching keys happens in place, without downtime. Every reader/writer role needs "
        "kms:Decrypt/kms:GenerateDataKey on the key; losing the key makes the table unreadable."
    ),
    references=(
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("server_side_encryption",), accept=is_true),
        Setting("kms_key_arn", param_value("kms_key_arn"), path=("server_side_encryption",), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_dynamodb_table",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
