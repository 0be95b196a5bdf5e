"""Athena workgroups enforce their configuration on clients."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="athena_enforce_workgroup_config",
    iac=TF,
    rule_ids=("CKV_AWS_82",),
    action="enforce_athena_workgroup_config",
    title="Enforce the workgroup configuration",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_82",), provider_check="athena_workgroup_enforced"),
    review_guidance=(
        "Client-side settings (output location, encryption) are ignored afterwards; queries write "
        "where the workgroup says."
    ),
    references=(
        "https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup",
    ),
    apply=set_attrs(
        Setting("enforce_workgroup_configuration", "true", path=("configuration",), accept=is_true),
    ),
    resource_types=("aws_athena_workgroup",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
