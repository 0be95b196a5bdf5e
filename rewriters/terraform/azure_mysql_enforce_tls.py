"""Enforce TLS 1.2 connections to the MySQL server (CKV_AZURE_28, CKV_AZURE_54)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_mysql_enforce_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_28", "CKV_AZURE_54"),
    action="enforce_mysql_tls",
    title="Enforce TLS 1.2 connections to the MySQL server",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_28", "CKV_AZURE_54"), provider_check="azure_mysql_tls_enforced"),
    review_guidance=("Clients connecting without TLS, or with TLS below 1.2, are refused."),
    references=(
        "https://learn.microsoft.com/azure/mysql/single-server/concepts-ssl-connection-security",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server#ssl_enforcement_enabled",
    ),
    apply=set_attrs(
        Setting("ssl_enforcement_enabled", "true", accept=is_true),
        Setting("ssl_minimal_tls_version_enforced", '"TLS1_2"', accept=one_of("TLS1_2", "TLS1_3")),
    ),
    resource_types=("azurerm_mysql_server",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
