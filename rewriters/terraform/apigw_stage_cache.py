"""API Gateway stage cache cluster."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, set_attrs

REWRITER = Rewriter(
    id="apigw_stage_cache",
    iac=TF,
    rule_ids=("CKV_AWS_120",),
    action="enable_apigw_stage_cache",
    title="Enable the stage cache cluster",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the cache cluster is deleted.",
    verification=Verification(rules=("CKV_AWS_120",), provider_check="apigw_stage_cache"),
    review_guidance=(
        "A cache cluster is billed per hour (0.5 GB is the smallest); responses of methods with "
        "caching on can be stale for their TTL. Creating it takes minutes."
    ),
    references=(
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage",
    ),
    apply=set_attrs(
        Setting("cache_cluster_enabled", "true", accept=is_true),
        Setting("cache_cluster_size", '"0.5"', accept=has_value),
    ),
    resource_types=("aws_api_gateway_stage",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
