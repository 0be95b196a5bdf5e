"""Disable local (SFTP) users on the storage account (CKV_AZURE_244)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_storage_no_local_users",
    iac=TF,
    rule_ids=("CKV_AZURE_244",),
    action="disable_storage_local_users",
    title="Disable local (SFTP) users on the storage account",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_244",), provider_check="azure_storage_local_users_disabled"),
    review_guidance=("SFTP clients using local users of the account lose access; use Azure AD identities instead."),
    references=(
        "https://learn.microsoft.com/azure/storage/blobs/secure-file-transfer-protocol-support",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#local_user_enabled",
    ),
    apply=set_attrs(
        Setting("local_user_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_storage_account",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
