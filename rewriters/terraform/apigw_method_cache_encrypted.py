"""API Gateway method settings: caching on, cache encrypted."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="apigw_method_cache_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_225", "CKV_AWS_308"),
    action="enable_encrypted_apigw_cache",
    title="Cache responses, encrypted",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_225", "CKV_AWS_308"), provider_check="apigw_method_cache"),
    review_guidance=(
        "With caching on, clients may get responses up to the TTL old (300 s default); methods "
        "returning per-user data need cache keys or caching off. Encryption of the cache is "
        "transparent."
    ),
    references=(
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings",
    ),
    apply=set_attrs(
        Setting("caching_enabled", "true", path=("settings",), accept=is_true),
        Setting("cache_data_encrypted", "true", path=("settings",), accept=is_true),
    ),
    resource_types=("aws_api_gateway_method_settings",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
