"""DocumentDB cluster parameter groups turn audit logging on."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.param_group_common import ensure_parameter


def _edit(ctx: RewriteContext, text: str) -> str:
    return ensure_parameter(
        ctx, text, "audit_logs", "enabled", lambda v: v in ("enabled", "all", "ddl", "dml_read", "dml_write")
    )


REWRITER = Rewriter(
    id="docdb_audit_logs",
    iac=TF,
    rule_ids=("CKV_AWS_104",),
    action="enable_docdb_audit_logs",
    title="Enable DocumentDB audit logging",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply; the previous value takes effect after the next reboot.",
    verification=Verification(rules=("CKV_AWS_104",), provider_check="docdb_audit_logs"),
    review_guidance=(
        "Audit events reach CloudWatch Logs only when the cluster also exports the audit log "
        "(enabled_cloudwatch_logs_exports); volume is billed per GB."
    ),
    references=(
        "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster_parameter_group",
    ),
    apply=guarded(_edit),
    resource_types=("aws_docdb_cluster_parameter_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
