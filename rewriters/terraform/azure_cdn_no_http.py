"""Serve the CDN endpoint over HTTPS only (CKV_AZURE_197)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_cdn_no_http",
    iac=TF,
    rule_ids=("CKV_AZURE_197",),
    action="disable_cdn_http",
    title="Serve the CDN endpoint over HTTPS only",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_197",), provider_check="azure_cdn_http_disabled"),
    review_guidance=(
        "Links and clients using http:// URLs of the endpoint stop working; add a redirect rule if they exist."
    ),
    references=(
        "https://learn.microsoft.com/azure/cdn/cdn-create-endpoint-how-to",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cdn_endpoint#is_http_allowed",
    ),
    apply=set_attrs(
        Setting("is_http_allowed", "false", accept=is_false),
    ),
    resource_types=("azurerm_cdn_endpoint",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
