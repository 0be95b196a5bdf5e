"""ECS Exec sessions are logged (not `logging = "NONE"`)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="ecs_exec_logging",
    iac=TF,
    rule_ids=("CKV_AWS_223",),
    action="enable_ecs_exec_logging",
    title="Log ECS Exec sessions",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_223",), provider_check="ecs_exec_logging"),
    review_guidance=(
        "DEFAULT logging sends session output to the awslogs driver configured in the task "
        "definition; tasks without one log nothing, but sessions still work."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster",
    ),
    apply=set_attrs(
        Setting(
            "logging",
            '"DEFAULT"',
            path=("configuration", "execute_command_configuration"),
            accept=one_of("DEFAULT", "OVERRIDE"),
        ),
    ),
    resource_types=("aws_ecs_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
