"""Require TLS 1.2 and close the non-TLS port of Azure Cache for Redis (CKV_AZURE_148, CKV_AZURE_91)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, one_of, set_attrs

REWRITER = Rewriter(
    id="azure_redis_tls",
    iac=TF,
    rule_ids=("CKV_AZURE_148", "CKV_AZURE_91"),
    action="enforce_redis_tls",
    title="Require TLS 1.2 and close the non-TLS port of Azure Cache for Redis",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AZURE_148", "CKV_AZURE_91"), provider_check="azure_redis_tls"),
    review_guidance=(
        "Clients on port 6379 without TLS, or with TLS below 1.2, can no longer connect; move them to 6380."
    ),
    references=(
        "https://learn.microsoft.com/azure/azure-cache-for-redis/cache-remove-tls-10-11",
        "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache#minimum_tls_version",
    ),
    apply=set_attrs(
        Setting("minimum_tls_version", '"1.2"', accept=one_of("1.2")),
        Setting("enable_non_ssl_port", "false", accept=is_false),
    ),
    resource_types=("azurerm_redis_cache",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
