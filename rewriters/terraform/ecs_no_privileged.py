"""ECS containers do not run privileged."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.ecs_containers import set_in_containers


def _edit(ctx: RewriteContext, text: str) -> str:
    return set_in_containers(ctx, text, "privileged", "false", lambda v: v == "false")


REWRITER = Rewriter(
    id="ecs_no_privileged",
    iac=TF,
    rule_ids=("CKV_AWS_334",),
    action="drop_ecs_privileged",
    title="Run containers unprivileged",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: a new task definition revision with privileged containers.",
    verification=Verification(rules=("CKV_AWS_334",), provider_check="ecs_not_privileged"),
    review_guidance=(
        "Containers that need host devices or kernel capabilities (Docker-in-Docker, some monitoring agents) "
        "stop working; grant the specific linuxParameters.capabilities they need instead. A new revision is "
        "registered and services using it redeploy."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition",
    ),
    apply=guarded(_edit),
    resource_types=("aws_ecs_task_definition",),
)
