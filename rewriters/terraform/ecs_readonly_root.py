"""ECS containers run with a read-only root filesystem."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.ecs_containers import set_in_containers


def _edit(ctx: RewriteContext, text: str) -> str:
    return set_in_containers(ctx, text, "readonlyRootFilesystem", "true", lambda v: v == "true")


REWRITER = Rewriter(
    id="ecs_readonly_root",
    iac=TF,
    rule_ids=("CKV_AWS_336",),
    action="set_ecs_readonly_root",
    title="Run every container with a read-only root filesystem",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: a new task definition revision with writable root filesystems.",
    verification=Verification(rules=("CKV_AWS_336",), provider_check="ecs_readonly_root"),
    review_guidance=(
        "Containers that write outside mounted volumes (/tmp, caches, pid files, nginx/apache runtime dirs) "
        "crash at start: add volumes/mountPoints (or a tmpfs via linuxParameters on EC2) for those paths "
        "first. A new revision is registered and services using it redeploy."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition",
    ),
    apply=guarded(_edit),
    resource_types=("aws_ecs_task_definition",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
