"""Turn remote debugging off on the app (CKV_AZURE_72)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_app_no_remote_debugging",
    iac=TF,
    rule_ids=("CKV_AZURE_72",),
    action="disable_app_remote_debugging",
    title="Turn remote debugging off on the app",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_72",), provider_check="azure_app_remote_debugging_disabled"),
    review_guidance=("Developers attaching a debugger to the running app must turn it on again for the session."),
    references=(
        "https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/linux_web_app#remote_debugging_enabled",
    ),
    apply=set_attrs(
        Setting("remote_debugging_enabled", "false", path=("site_config",), accept=is_false),
    ),
    resource_types=(
        "azurerm_linux_web_app",
        "azurerm_windows_web_app",
        "azurerm_linux_function_app",
        "azurerm_windows_function_app",
    ),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
