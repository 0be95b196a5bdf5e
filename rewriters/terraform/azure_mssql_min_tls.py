"""Require TLS 1.2 on the SQL server (CKV_AZURE_52)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_mssql_min_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_52",),
    action="enforce_sql_tls12",
    title="Require TLS 1.2 on the SQL server",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_52",), provider_check="azure_sql_min_tls12"),
    review_guidance=("Drivers older than TLS 1.2 support (old ODBC/JDBC) can no longer connect."),
    references=(
        "https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#minimum_tls_version",
    ),
    apply=set_attrs(
        Setting("minimum_tls_version", '"1.2"', accept=one_of("1.2", "1.3")),
    ),
    resource_types=("azurerm_mssql_server",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
