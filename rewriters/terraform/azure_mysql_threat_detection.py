"""Enable threat detection on the MySQL server (CKV_AZURE_127)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="azure_mysql_threat_detection",
    iac=TF,
    rule_ids=("CKV_AZURE_127",),
    action="enable_mysql_threat_detection",
    title="Enable threat detection on the MySQL server",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_127",), provider_check="azure_mysql_threat_detection"),
    review_guidance=("Microsoft Defender for open-source databases is billed per server once enabled."),
    references=(
        "https://learn.microsoft.com/azure/mysql/single-server/concepts-data-access-and-security-threat-protection",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_server#threat_detection_policy",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("threat_detection_policy",), accept=is_true),
    ),
    resource_types=("azurerm_mysql_server",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
