"""Email high-severity security alerts to the contact and the admins (CKV_AZURE_21, CKV_AZURE_22)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_security_contact_alerts",
    iac=TF,
    rule_ids=("CKV_AZURE_21", "CKV_AZURE_22"),
    action="enable_security_alert_notifications",
    title="Email high-severity security alerts to the contact and the admins",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_21", "CKV_AZURE_22"), provider_check="azure_security_contact_alerts"),
    review_guidance=("The security contact and subscription owners start receiving Defender for Cloud alert emails."),
    references=(
        "https://learn.microsoft.com/azure/defender-for-cloud/configure-email-notifications",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact",
    ),
    apply=set_attrs(
        Setting("alert_notifications", "true", accept=is_true),
        Setting("alerts_to_admins", "true", accept=is_true),
    ),
    resource_types=("azurerm_security_center_contact",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
