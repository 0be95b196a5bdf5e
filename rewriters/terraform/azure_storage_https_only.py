"""Azure storage accounts refuse plain-HTTP requests (the provider default, unless turned off)."""

from __future__ import annotations

from bot.hcledit import ensure_attr, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, is_true

# azurerm v3 name, then the v4 name: whichever the block uses is set; absent means secure default.
NAMES = ("enable_https_traffic_only", "https_traffic_only_enabled")


def _edit(ctx: RewriteContext, text: str) -> str:
    block = locate(text, address(ctx))
    for name in NAMES:
        if block.attr(name) is not None:
            text = ensure_attr(text, address(ctx), (), name, "true", is_true)
    return text


REWRITER = Rewriter(
    id="azure_storage_https_only",
    iac=TF,
    rule_ids=("CKV_AZURE_3", "AVD-AZU-0008", "azure-storage-enforce-https"),
    action="enforce_storage_https",
    title="Require HTTPS for the storage account",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AZURE_3",), provider_check="azure_storage_https_only"),
    review_guidance="HTTP requests (and SMB 2.1 / NFS 3 without encryption) are refused; check legacy "
    "clients and any http:// endpoints in app settings.",
    references=(
        "https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account",
    ),
    apply=guarded(_edit),
    resource_types=("azurerm_storage_account",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
