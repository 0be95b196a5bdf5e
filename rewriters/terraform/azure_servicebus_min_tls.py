"""Require TLS 1.2 on the Service Bus namespace (CKV_AZURE_205)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_servicebus_min_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_205",),
    action="enforce_servicebus_tls12",
    title="Require TLS 1.2 on the Service Bus namespace",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_205",), provider_check="azure_servicebus_min_tls12"),
    review_guidance=("Clients that only speak TLS 1.0/1.1 can no longer connect."),
    references=(
        "https://learn.microsoft.com/azure/service-bus-messaging/transport-layer-security-enforce-minimum-version",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/servicebus_namespace#minimum_tls_version",
    ),
    apply=set_attrs(
        Setting("minimum_tls_version", '"1.2"', accept=one_of("1.2")),
    ),
    resource_types=("azurerm_servicebus_namespace",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
