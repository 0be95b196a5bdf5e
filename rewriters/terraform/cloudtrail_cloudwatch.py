"""CloudTrail delivers events to the CloudWatch log group (and role) a human chose."""

from __future__ import annotations

from bot.hcledit import quote
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, hcl_value, param, param_value, set_attrs


def _group_streams(ctx: RewriteContext) -> str:
    """CloudTrail wants the log group ARN with its `:*` stream suffix."""
    group = param(ctx, "log_group_arn").removesuffix(":*")
    is_reference = hcl_value(group) == group
    return f'"${{{group}}}:*"' if is_reference else quote(group + ":*")


REWRITER = Rewriter(
    id="cloudtrail_cloudwatch",
    iac=TF,
    rule_ids=("CKV2_AWS_10", "AVD-AWS-0162", "aws-cloudtrail-ensure-cloudwatch-integration"),
    action="send_cloudtrail_to_cloudwatch",
    title="Send CloudTrail events to CloudWatch Logs",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): delivery to the log group stops.",
    verification=Verification(rules=("CKV2_AWS_10",), provider_check="cloudtrail_cloudwatch"),
    review_guidance=(
        "The role must be trusted by cloudtrail.amazonaws.com and allow logs:CreateLogStream/PutLogEvents on "
        "the group, or the trail update fails. Ingestion is billed per GB; set a retention on the group."
    ),
    references=(
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
    ),
    apply=set_attrs(
        Setting("cloud_watch_logs_group_arn", _group_streams, accept=has_value),
        Setting("cloud_watch_logs_role_arn", param_value("log_role_arn"), accept=has_value),
    ),
    parameters=(
        Param(
            name="log_group_arn", description="reference or ARN of the log group (aws_cloudwatch_log_group.trail.arn)"
        ),
        Param(name="log_role_arn", description="reference or ARN of the role CloudTrail uses to write the logs"),
    ),
    resource_types=("aws_cloudtrail",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
