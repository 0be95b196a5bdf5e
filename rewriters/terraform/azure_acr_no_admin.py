"""Disable the container registry's admin user (CKV_AZURE_137)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_acr_no_admin",
    iac=TF,
    rule_ids=("CKV_AZURE_137",),
    action="disable_registry_admin_user",
    title="Disable the container registry's admin user",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply; the admin password is regenerated."),
    verification=Verification(rules=("CKV_AZURE_137",), provider_check="azure_acr_admin_disabled"),
    review_guidance=(
        "Anything pulling or pushing with the admin user's password (docker login with it, old pipelines) "
        "must switch to a service principal or managed identity."
    ),
    references=(
        "https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#admin_enabled",
    ),
    apply=set_attrs(
        Setting("admin_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_container_registry",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
