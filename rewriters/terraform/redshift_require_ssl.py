"""Redshift parameter groups require SSL connections."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.param_group_common import ensure_parameter


def _edit(ctx: RewriteContext, text: str) -> str:
    return ensure_parameter(ctx, text, "require_ssl", "true", lambda v: v == "true")


REWRITER = Rewriter(
    id="redshift_require_ssl",
    iac=TF,
    rule_ids=("CKV_AWS_105",),
    action="require_redshift_ssl",
    title="Require SSL connections to Redshift",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply; the previous value takes effect after the next reboot.",
    verification=Verification(rules=("CKV_AWS_105",), provider_check="redshift_require_ssl"),
    review_guidance=(
        "Clients connecting without SSL are refused after the cluster reboots (require_ssl is "
        "static). JDBC/ODBC drivers must use ssl=true."
    ),
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_parameter_group",
    ),
    apply=guarded(_edit),
    resource_types=("aws_redshift_parameter_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
