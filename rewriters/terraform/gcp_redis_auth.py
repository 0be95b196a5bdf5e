"""Require AUTH on the Memorystore for Redis instance (CKV_GCP_95)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_redis_auth",
    iac=TF,
    rule_ids=("CKV_GCP_95",),
    action="enable_memorystore_auth",
    title="Require AUTH on the Memorystore for Redis instance",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_95",), provider_check="memorystore_auth_enabled"),
    review_guidance=(
        "Clients must send the instance's AUTH string (from the auth_string output or Secret Manager); "
        "unauthenticated clients are refused."
    ),
    references=(
        "https://cloud.google.com/memorystore/docs/redis/about-redis-auth",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/redis_instance#auth_enabled",
    ),
    apply=set_attrs(
        Setting("auth_enabled", "true", accept=is_true),
    ),
    resource_types=("google_redis_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
