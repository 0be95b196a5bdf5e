"""CloudTrail logs encrypted with a KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="cloudtrail_kms",
    iac=TF,
    rule_ids=("CKV_AWS_35", "AVD-AWS-0015", "aws-cloudtrail-encryption-customer-key"),
    action="enable_cloudtrail_encryption",
    title="Encrypt CloudTrail logs with a KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=(
        "Revert the PR and apply: new log files go back to SSE-S3; keep the key enabled to read "
        "those written meanwhile."
    ),
    verification=Verification(rules=("CKV_AWS_35",), provider_check="cloudtrail_kms"),
    review_guidance=(
        "The key policy must allow cloudtrail.amazonaws.com to GenerateDataKey and readers (SIEM, "
        "Athena) to Decrypt, or delivery stops."
    ),
    references=(
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#kms_key_id",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=set_attrs(
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key for CloudTrail"),),
    resource_types=("aws_cloudtrail",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
