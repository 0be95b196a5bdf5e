"""Azure storage accounts disallow anonymous blob access."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_storage_no_public_blobs",
    iac=TF,
    rule_ids=("CKV_AZURE_190", "AVD-AZU-0007", "azure-storage-no-public-access"),
    action="block_public_blob_access",
    title="Disallow anonymous public blob access",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_190",), provider_check="azure_storage_no_public_blobs"),
    review_guidance=(
        "Containers set to public (blob/container access level) stop serving anonymous reads; use "
        "SAS tokens or a CDN with private origin instead."
    ),
    references=(
        "https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#allow_nested_items_to_be_public",
    ),
    apply=set_attrs(
        Setting("allow_nested_items_to_be_public", "false", accept=is_false),
    ),
    resource_types=("azurerm_storage_account",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
