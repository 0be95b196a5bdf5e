"""Disable public network access to the Event Grid topic or domain (CKV_AZURE_193, CKV_AZURE_106)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_eventgrid_no_public_network",
    iac=TF,
    rule_ids=("CKV_AZURE_193", "CKV_AZURE_106"),
    action="disable_eventgrid_public_network",
    title="Disable public network access to the Event Grid topic or domain",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(
        rules=("CKV_AZURE_193", "CKV_AZURE_106"), provider_check="azure_eventgrid_public_network_disabled"
    ),
    review_guidance=("Publishers using the public endpoint lose access; they must publish through a private endpoint."),
    references=(
        "https://learn.microsoft.com/azure/event-grid/configure-private-endpoints",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_topic#public_network_access_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_access_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_eventgrid_topic", "azurerm_eventgrid_domain"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
