"""DocumentDB cluster parameter groups require TLS."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.param_group_common import ensure_parameter


def _edit(ctx: RewriteContext, text: str) -> str:
    return ensure_parameter(ctx, text, "tls", "enabled", lambda v: v != "disabled")


REWRITER = Rewriter(
    id="docdb_tls",
    iac=TF,
    rule_ids=("CKV_AWS_90",),
    action="require_docdb_tls",
    title="Require TLS connections to DocumentDB",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply; the previous value takes effect after the next reboot.",
    verification=Verification(rules=("CKV_AWS_90",), provider_check="docdb_tls"),
    review_guidance=(
        "Clients connecting without TLS are refused after the next reboot of each instance (tls is a "
        "static parameter); they need the Amazon RDS CA bundle and tls=true in the connection string."
    ),
    references=(
        "https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster_parameter_group",
    ),
    apply=guarded(_edit),
    resource_types=("aws_docdb_cluster_parameter_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
