"""CloudTrail trails are logging (`enable_logging` not false)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="cloudtrail_enable_logging",
    iac=TF,
    rule_ids=("CKV_AWS_251",),
    action="enable_cloudtrail_logging",
    title="Turn trail logging back on",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the trail stops logging.",
    verification=Verification(rules=("CKV_AWS_251",), provider_check="cloudtrail_logging_enabled"),
    review_guidance="Delivery to the trail's bucket resumes: S3 (and KMS, if configured) charges apply again.",
    references=(
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    ),
    apply=set_attrs(
        Setting("enable_logging", "true", accept=is_true),
    ),
    resource_types=("aws_cloudtrail",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
