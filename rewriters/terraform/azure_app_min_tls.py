"""Require TLS 1.2 on the web or function app (CKV_AZURE_15, CKV_AZURE_145)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_app_min_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_15", "CKV_AZURE_145"),
    action="enforce_app_tls12",
    title="Require TLS 1.2 on the web or function app",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_15", "CKV_AZURE_145"), provider_check="azure_app_min_tls12"),
    review_guidance=("Clients that only speak TLS 1.0/1.1 (old runtimes, embedded devices) can no longer connect."),
    references=(
        "https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-tls-versions",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#minimum_tls_version",
    ),
    apply=set_attrs(
        Setting("minimum_tls_version", '"1.2"', path=("site_config",), accept=one_of("1.2", "1.3")),
    ),
    resource_types=(
        "azurerm_linux_web_app",
        "azurerm_windows_web_app",
        "azurerm_linux_function_app",
        "azurerm_windows_function_app",
    ),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
