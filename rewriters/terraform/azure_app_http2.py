"""Serve the web app over HTTP/2 (CKV_AZURE_18)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_app_http2",
    iac=TF,
    rule_ids=("CKV_AZURE_18",),
    action="enable_app_http2",
    title="Serve the web app over HTTP/2",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_18",), provider_check="azure_app_http2_enabled"),
    review_guidance=("Clients negotiate HTTP/2 with ALPN and fall back to HTTP/1.1; no client should break."),
    references=(
        "https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#http2_enabled",
    ),
    apply=set_attrs(
        Setting("http2_enabled", "true", path=("site_config",), accept=is_true),
    ),
    resource_types=("azurerm_linux_web_app", "azurerm_windows_web_app"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
