"""Turn off the AKS HTTP application routing add-on (CKV_AZURE_246)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="azure_aks_no_http_routing",
    iac=TF,
    rule_ids=("CKV_AZURE_246",),
    action="disable_aks_http_application_routing",
    title="Turn off the AKS HTTP application routing add-on",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); the add-on and its DNS zone are recreated."),
    verification=Verification(rules=("CKV_AZURE_246",), provider_check="azure_aks_http_routing_disabled"),
    review_guidance=(
        "Ingresses using the add-on's class (addon-http-application-routing) stop serving; move them to an "
        "ingress controller first."
    ),
    references=(
        "https://learn.microsoft.com/azure/aks/http-application-routing",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#http_application_routing_enabled",
    ),
    apply=set_attrs(
        Setting("http_application_routing_enabled", "false", accept=is_false),
    ),
    resource_types=("azurerm_kubernetes_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
