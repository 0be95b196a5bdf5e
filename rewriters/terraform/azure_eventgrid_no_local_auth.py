"""Require Azure AD authentication on the Event Grid topic or domain (CKV_AZURE_192, CKV_AZURE_195)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_eventgrid_no_local_auth",
    iac=TF,
    rule_ids=("CKV_AZURE_192", "CKV_AZURE_195"),
    action="disable_eventgrid_local_auth",
    title="Require Azure AD authentication on the Event Grid topic or domain",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(
        rules=("CKV_AZURE_192", "CKV_AZURE_195"), provider_check="azure_eventgrid_local_auth_disabled"
    ),
    review_guidance=("Publishers using access keys or SAS tokens are refused; they must authenticate with Azure AD."),
    references=(
        "https://learn.microsoft.com/azure/event-grid/authenticate-with-microsoft-entra-id",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/eventgrid_topic#local_auth_enabled",
    ),
    apply=set_attrs(
        Setting("local_auth_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_eventgrid_topic", "azurerm_eventgrid_domain"),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
