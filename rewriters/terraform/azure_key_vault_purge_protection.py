"""Azure Key Vault purge protection."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_key_vault_purge_protection",
    iac=TF,
    rule_ids=("CKV_AZURE_110", "CKV_AZURE_42", "AVD-AZU-0016", "azure-keyvault-no-purge"),
    action="enable_key_vault_purge_protection",
    title="Enable Key Vault purge protection",
    confidence=Level.medium,
    reversible=False,
    rollback_plan=(
        "Purge protection cannot be disabled once enabled; reverting the PR would make Terraform "
        "try to replace the vault. Do not apply a revert."
    ),
    verification=Verification(rules=("CKV_AZURE_110", "CKV_AZURE_42"), provider_check="key_vault_purge_protection"),
    review_guidance=(
        "Irreversible: deleted vaults and secrets are retained for the soft-delete period and "
        "cannot be purged; a vault name cannot be reused during that time (matters for ephemeral "
        "environments)."
    ),
    references=(
        "https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#purge_protection_enabled",
    ),
    apply=set_attrs(
        Setting("purge_protection_enabled", "true", accept=is_true),
    ),
    resource_types=("azurerm_key_vault",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
