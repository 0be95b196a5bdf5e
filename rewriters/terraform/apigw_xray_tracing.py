"""API Gateway stages traced with AWS X-Ray."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="apigw_xray_tracing",
    iac=TF,
    rule_ids=("CKV_AWS_73", "AVD-AWS-0003", "aws-api-gateway-enable-tracing"),
    action="enable_apigw_tracing",
    title="Enable X-Ray tracing on the stage",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_73",), provider_check="apigw_xray_tracing"),
    review_guidance="Traces are sampled (default 5 %) and billed beyond the free tier; requests are unaffected.",
    references=(
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage",
    ),
    apply=set_attrs(
        Setting("xray_tracing_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_api_gateway_stage",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
