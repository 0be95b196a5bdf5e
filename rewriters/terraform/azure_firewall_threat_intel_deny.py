"""Deny traffic to known-malicious addresses on the Azure Firewall (CKV_AZURE_216)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_firewall_threat_intel_deny",
    iac=TF,
    rule_ids=("CKV_AZURE_216",),
    action="enforce_firewall_threat_intel_deny",
    title="Deny traffic to known-malicious addresses on the Azure Firewall",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_216",), provider_check="azure_firewall_threat_intel_deny"),
    review_guidance=(
        "Traffic to or from addresses on Microsoft's threat-intelligence feed is dropped instead of only "
        "alerted; false positives block legitimate flows."
    ),
    references=(
        "https://learn.microsoft.com/azure/firewall/threat-intel",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/firewall#threat_intel_mode",
    ),
    apply=set_attrs(
        Setting("threat_intel_mode", '"Deny"', accept=one_of("Deny")),
    ),
    resource_types=("azurerm_firewall",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
