"""CloudWatch alarms run their actions (`actions_enabled` not false)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="cloudwatch_alarm_actions",
    iac=TF,
    rule_ids=("CKV_AWS_319",),
    action="enable_alarm_actions",
    title="Enable the alarm's actions",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_319",), provider_check="cloudwatch_alarm_actions"),
    review_guidance=(
        "The alarm starts notifying/scaling again: make sure its actions target the right topic or "
        "policy and that it is not intentionally muted."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm",
    ),
    apply=set_attrs(
        Setting("actions_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_cloudwatch_metric_alarm",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
