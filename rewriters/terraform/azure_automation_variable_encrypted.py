"""Encrypt the Automation account variable (CKV_AZURE_73)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_automation_variable_encrypted",
    iac=TF,
    rule_ids=("CKV_AZURE_73",),
    action="encrypt_automation_variable",
    title="Encrypt the Automation account variable",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply; the variable is recreated unencrypted with the same value."),
    verification=Verification(rules=("CKV_AZURE_73",), provider_check="azure_automation_variable_encrypted"),
    review_guidance=(
        "Changing `encrypted` recreates the variable; runbooks read it the same way (Get-AutomationVariable)."
    ),
    references=(
        "https://learn.microsoft.com/azure/automation/shared-resources/variables",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/automation_variable_string#encrypted",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
    ),
    resource_types=("azurerm_automation_variable_string", "azurerm_automation_variable_bool"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
