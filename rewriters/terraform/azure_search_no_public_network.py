"""Disable public network access to the search service (CKV_AZURE_124)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_search_no_public_network",
    iac=TF,
    rule_ids=("CKV_AZURE_124",),
    action="disable_search_public_network",
    title="Disable public network access to the search service",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_124",), provider_check="azure_search_public_network_disabled"),
    review_guidance=("Clients using the public endpoint lose access; they must connect through a private endpoint."),
    references=(
        "https://learn.microsoft.com/azure/search/service-create-private-endpoint",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/search_service#public_network_access_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_access_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_search_service",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
