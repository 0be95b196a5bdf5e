"""API Gateway custom domains require TLS 1.2."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="apigw_domain_tls",
    iac=TF,
    rule_ids=("CKV_AWS_206",),
    action="set_apigw_tls_policy",
    title="Require TLS 1.2 on the custom domain",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_206",), provider_check="apigw_domain_tls"),
    review_guidance="Clients limited to TLS 1.0/1.1 can no longer connect.",
    references=(
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_domain_name",
    ),
    apply=set_attrs(
        Setting("security_policy", '"TLS_1_2"'),
    ),
    resource_types=("aws_api_gateway_domain_name",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
