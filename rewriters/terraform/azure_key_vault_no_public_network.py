"""Disable public network access to the key vault (CKV_AZURE_189)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_key_vault_no_public_network",
    iac=TF,
    rule_ids=("CKV_AZURE_189",),
    action="disable_key_vault_public_network",
    title="Disable public network access to the key vault",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_189",), provider_check="azure_key_vault_public_network_disabled"),
    review_guidance=(
        "Pipelines and apps reaching the vault over its public endpoint (including Terraform itself) need a "
        "private endpoint first."
    ),
    references=(
        "https://learn.microsoft.com/azure/key-vault/general/private-link-service",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#public_network_access_enabled",
    ),
    apply=set_attrs(
        Setting("public_network_access_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_key_vault",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
