"""Disable plain FTP deployments to the web app (CKV_AZURE_78)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_app_ftps_disabled",
    iac=TF,
    rule_ids=("CKV_AZURE_78",),
    action="disable_app_ftp",
    title="Disable plain FTP deployments to the web app",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_78",), provider_check="azure_app_ftps_state"),
    review_guidance=("Deployments over FTP/FTPS stop working; use zip deploy, Git or a pipeline."),
    references=(
        "https://learn.microsoft.com/azure/app-service/deploy-ftp#enforce-ftps",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#ftps_state",
    ),
    apply=set_attrs(
        Setting("ftps_state", '"Disabled"', path=("site_config",), accept=one_of("Disabled", "FtpsOnly")),
    ),
    resource_types=("azurerm_linux_web_app", "azurerm_windows_web_app"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
