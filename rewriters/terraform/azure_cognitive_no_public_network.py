"""Disable public network access to the Cognitive Services account (CKV_AZURE_134)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_cognitive_no_public_network",
    iac=TF,
    rule_ids=("CKV_AZURE_134",),
    action="disable_cognitive_public_network",
    title="Disable public network access to the Cognitive Services account",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_134",), provider_check="azure_cognitive_public_network_disabled"),
    review_guidance=("Clients using the public endpoint lose access; they must connect through a private endpoint."),
    references=(
        "https://learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cognitive_account#public_network_access_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_access_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_cognitive_account",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
