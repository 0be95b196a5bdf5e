"""ECS Fargate services on the LATEST platform version."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="ecs_fargate_latest",
    iac=TF,
    rule_ids=("CKV_AWS_332",),
    action="upgrade_fargate_platform",
    title="Run on the latest Fargate platform version",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: the service redeploys on the pinned platform version.",
    verification=Verification(rules=("CKV_AWS_332",), provider_check="ecs_fargate_platform"),
    review_guidance=(
        "Applying starts a new deployment of the service (tasks are replaced). Pinned versions are "
        "sometimes kept for a kernel/agent dependency; check the pin's reason in history."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service",
    ),
    apply=set_attrs(
        Setting("platform_version", '"LATEST"'),
    ),
    resource_types=("aws_ecs_service",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
