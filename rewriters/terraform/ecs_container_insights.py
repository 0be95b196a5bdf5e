"""ECS cluster CloudWatch Container Insights."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="ecs_container_insights",
    iac=TF,
    rule_ids=("CKV_AWS_65",),
    action="enable_container_insights",
    title="Enable Container Insights",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): metrics stop being collected.",
    verification=Verification(rules=("CKV_AWS_65",), provider_check="ecs_container_insights"),
    review_guidance=(
        "Container Insights metrics and performance log events are billed per cluster; nothing in the tasks changes."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster",
    ),
    apply=set_attrs(
        Setting("name", '"containerInsights"', path=("setting",)),
        Setting("value", '"enabled"', path=("setting",), accept=one_of("enabled", "enhanced")),
    ),
    resource_types=("aws_ecs_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
