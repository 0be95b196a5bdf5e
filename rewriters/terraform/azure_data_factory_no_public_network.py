"""Disable public network access to the data factory (CKV_AZURE_104)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_data_factory_no_public_network",
    iac=TF,
    rule_ids=("CKV_AZURE_104",),
    action="disable_data_factory_public_network",
    title="Disable public network access to the data factory",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_104",), provider_check="azure_data_factory_public_network_disabled"),
    review_guidance=("The factory's authoring UI and self-hosted runtimes must then use a private endpoint."),
    references=(
        "https://learn.microsoft.com/azure/data-factory/data-factory-private-link",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/data_factory#public_network_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_data_factory",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
