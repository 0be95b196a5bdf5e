"""SNS topic encryption with a KMS key (the AWS managed key by default)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="sns_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_26", "AVD-AWS-0095", "aws-sns-enable-topic-encryption"),
    action="enable_sns_encryption",
    title="Encrypt the SNS topic",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_26",), provider_check="sns_encrypted"),
    review_guidance=(
        "Publishers from other AWS services (CloudWatch alarms, S3 events, EventBridge) cannot "
        "use the AWS managed key alias/aws/sns; give them a customer managed key with a policy "
        "allowing them (parameter kms_key)."
    ),
    references=(
        "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic#kms_master_key_id",
    ),
    apply=set_attrs(
        Setting("kms_master_key_id", param_value("kms_key"), accept=has_value),
    ),
    parameters=(Param(name="kms_key", description="KMS key id, ARN, alias or reference", default="alias/aws/sns"),),
    resource_types=("aws_sns_topic",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
