"""Cloud SQL instances accept only SSL connections."""

from __future__ import annotations

from bot.hcledit import ensure_attr, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, is_true

PATH = ("settings", "ip_configuration")


def _edit(ctx: RewriteContext, text: str) -> str:
    if locate(text, address(ctx)).child("settings") is None:
        return text  # settings is required by the provider; a block without it does not plan anyway
    return ensure_attr(text, address(ctx), PATH, "require_ssl", "true", is_true)


REWRITER = Rewriter(
    id="gcp_sql_require_ssl",
    iac=TF,
    rule_ids=("CKV_GCP_6", "AVD-GCP-0015", "google-sql-encrypt-in-transit-data"),
    action="require_sql_ssl",
    title="Require SSL for connections to the Cloud SQL instance",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): unencrypted connections are accepted again.",
    verification=Verification(rules=("CKV_GCP_6",), provider_check="cloudsql_require_ssl"),
    review_guidance="Clients connecting without TLS (not through the Cloud SQL Auth Proxy or connectors) "
    "are refused. Google provider v6 replaced require_ssl with ssl_mode = 'ENCRYPTED_ONLY': on v6 "
    "use that instead.",
    references=(
        "https://cloud.google.com/sql/docs/postgres/configure-ssl-instance",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance",
    ),
    apply=guarded(_edit),
    resource_types=("google_sql_database_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
