"""Send SQL threat-detection alerts to the service administrators (CKV_AZURE_27)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_sql_alert_policy_admins",
    iac=TF,
    rule_ids=("CKV_AZURE_27",),
    action="enable_sql_alerts_to_admins",
    title="Send SQL threat-detection alerts to the service administrators",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_27",), provider_check="azure_sql_alert_policy_admins"),
    review_guidance=("Subscription administrators start receiving SQL threat-detection alert emails."),
    references=(
        "https://learn.microsoft.com/azure/azure-sql/database/threat-detection-configure",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy#email_account_admins",
    ),
    apply=set_attrs(
        Setting("email_account_admins", "true", accept=is_true),
    ),
    resource_types=("azurerm_mssql_server_security_alert_policy",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
