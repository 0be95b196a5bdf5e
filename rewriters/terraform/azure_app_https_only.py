"""Azure App Service / web apps accept HTTPS only."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_app_https_only",
    iac=TF,
    rule_ids=("CKV_AZURE_14", "AVD-AZU-0004", "azure-appservice-enforce-https"),
    action="enforce_app_service_https",
    title="Redirect the web app to HTTPS",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_14",), provider_check="app_service_https_only"),
    review_guidance=("HTTP requests are redirected to HTTPS; clients that cannot follow redirects fail."),
    references=(
        "https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#https_only",
    ),
    apply=set_attrs(
        Setting("https_only", "true", accept=is_true),
    ),
    resource_types=(
        "azurerm_app_service",
        "azurerm_linux_web_app",
        "azurerm_windows_web_app",
        "azurerm_function_app",
        "azurerm_linux_function_app",
        "azurerm_windows_function_app",
    ),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
