"""CloudWatch log groups encrypted with a KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="log_group_kms",
    iac=TF,
    rule_ids=("CKV_AWS_158", "AVD-AWS-0017", "aws-cloudwatch-log-group-customer-key"),
    action="enable_log_group_encryption",
    title="Encrypt the log group with a KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply: new events are no longer KMS-encrypted; keep the key to read older ones."),
    verification=Verification(rules=("CKV_AWS_158",), provider_check="log_group_kms"),
    review_guidance=(
        "The key policy must allow logs.<region>.amazonaws.com to use the key, or writes to the group fail."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#kms_key_id",
    ),
    apply=set_attrs(
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_cloudwatch_log_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
