"""Azure storage accounts require TLS 1.2."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_storage_min_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_44", "AVD-AZU-0011", "azure-storage-use-secure-tls-policy"),
    action="enforce_storage_tls12",
    title="Require TLS 1.2 on the storage account",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_44",), provider_check="azure_storage_min_tls12"),
    review_guidance=("Clients limited to TLS 1.0/1.1 (very old .NET/Java runtimes) can no longer connect."),
    references=(
        "https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#min_tls_version",
    ),
    apply=set_attrs(
        Setting("min_tls_version", '"TLS1_2"', accept=one_of("TLS1_2", "TLS1_3")),
    ),
    resource_types=("azurerm_storage_account",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
