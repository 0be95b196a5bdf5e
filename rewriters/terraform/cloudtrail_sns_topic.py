"""CloudTrail notifies an SNS topic of each log file delivery."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="cloudtrail_sns_topic",
    iac=TF,
    rule_ids=("CKV_AWS_252",),
    action="set_cloudtrail_sns_topic",
    title="Notify an SNS topic on log delivery",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_252",), provider_check="cloudtrail_sns_topic"),
    review_guidance=("The topic policy must allow cloudtrail.amazonaws.com to sns:Publish, or the trail update fails."),
    references=(
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/configure-sns-notifications-for-cloudtrail.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    ),
    apply=set_attrs(
        Setting("sns_topic_name", param_value("sns_topic"), accept=has_value),
    ),
    parameters=(
        Param(name="sns_topic", description="name, ARN or reference of the SNS topic (e.g. aws_sns_topic.trail.arn)"),
    ),
    resource_types=("aws_cloudtrail",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
