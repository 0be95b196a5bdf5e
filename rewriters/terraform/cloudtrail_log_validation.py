"""CloudTrail log file integrity validation."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="cloudtrail_log_validation",
    iac=TF,
    rule_ids=("CKV_AWS_36", "AVD-AWS-0016", "aws-cloudtrail-enable-log-validation"),
    action="enable_cloudtrail_log_validation",
    title="Enable CloudTrail log file validation",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_36",), provider_check="cloudtrail_log_validation"),
    review_guidance=("Adds hourly digest files to the trail bucket so tampering can be proven; no impact on delivery."),
    references=(
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=set_attrs(
        Setting("enable_log_file_validation", "true", accept=is_true),
    ),
    resource_types=("aws_cloudtrail",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
