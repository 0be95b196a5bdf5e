"""Disable public network access to the SQL server (CKV_AZURE_113)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_mssql_no_public_network",
    iac=TF,
    rule_ids=("CKV_AZURE_113",),
    action="disable_sql_public_network",
    title="Disable public network access to the SQL server",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); firewall rules are kept."),
    verification=Verification(rules=("CKV_AZURE_113",), provider_check="azure_sql_public_network_disabled"),
    review_guidance=(
        "Clients connecting over the public endpoint (including firewall-rule allowed IPs) lose access; they "
        "must use a private endpoint."
    ),
    references=(
        "https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#public_network_access_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_access_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_mssql_server",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
