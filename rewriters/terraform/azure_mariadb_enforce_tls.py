"""Enforce TLS connections to the MariaDB server (CKV_AZURE_47)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_mariadb_enforce_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_47",),
    action="enforce_mariadb_tls",
    title="Enforce TLS connections to the MariaDB server",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_47",), provider_check="azure_mariadb_tls_enforced"),
    review_guidance=("Clients connecting without TLS are refused."),
    references=(
        "https://learn.microsoft.com/azure/mariadb/concepts-ssl-connection-security",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mariadb_server#ssl_enforcement_enabled",
    ),
    apply=set_attrs(
        Setting("ssl_enforcement_enabled", "true", accept=is_true),
    ),
    resource_types=("azurerm_mariadb_server",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
