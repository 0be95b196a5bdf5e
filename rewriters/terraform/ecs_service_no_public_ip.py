"""ECS services do not assign public IPs to tasks."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="ecs_service_no_public_ip",
    iac=TF,
    rule_ids=("CKV_AWS_333",),
    action="remove_ecs_public_ip",
    title="Do not assign public IPs to tasks",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: tasks are replaced with public IPs again.",
    verification=Verification(rules=("CKV_AWS_333",), provider_check="ecs_service_no_public_ip"),
    review_guidance=(
        "Tasks in public subnets without a public IP cannot pull images or reach AWS APIs: run them "
        "in private subnets with a NAT gateway or VPC endpoints (ECR, S3, logs) before applying. "
        "Tasks are replaced."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service",
    ),
    apply=set_attrs(
        Setting("assign_public_ip", "false", path=("network_configuration",), accept=is_false),
    ),
    resource_types=("aws_ecs_service",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
