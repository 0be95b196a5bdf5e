"""Stop account keys from changing Cosmos DB metadata (CKV_AZURE_132)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_cosmosdb_no_key_metadata_writes",
    iac=TF,
    rule_ids=("CKV_AZURE_132",),
    action="restrict_cosmosdb_metadata_writes",
    title="Stop account keys from changing Cosmos DB metadata",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_132",), provider_check="azure_cosmosdb_metadata_writes_disabled"),
    review_guidance=(
        "Tools that create databases or containers with the account key (SDK CreateIfNotExists) must use "
        "Azure RBAC or Terraform instead."
    ),
    references=(
        "https://learn.microsoft.com/azure/cosmos-db/audit-control-plane-logs#disable-key-based-metadata-write-access",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#access_key_metadata_writes_enabled",
    ),
    apply=set_attrs(
        Setting("access_key_metadata_writes_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_cosmosdb_account",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
