"""Azure storage accounts closed to public networks."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_storage_private_network",
    iac=TF,
    rule_ids=("CKV_AZURE_59",),
    action="disable_storage_public_network",
    title="Disable public network access to the storage account",
    confidence=Level.low,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_59",), provider_check="azure_storage_no_public_network"),
    review_guidance=(
        "Everything reaching the account over the internet (including Azure services without "
        "private endpoints, CI agents, developers) is cut off. Create private endpoints first."
    ),
    references=(
        "https://learn.microsoft.com/azure/storage/common/storage-network-security",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#public_network_access_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_access_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_storage_account",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
