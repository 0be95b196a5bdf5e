"""API Gateway method settings do not log full request/response data."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="apigw_no_data_trace",
    iac=TF,
    rule_ids=("CKV_AWS_276",),
    action="disable_apigw_data_trace",
    title="Turn off full request/response logging",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_276",), provider_check="apigw_data_trace"),
    review_guidance=(
        "Execution logs keep INFO/ERROR lines but no longer contain bodies and headers (which may "
        "hold tokens or personal data)."
    ),
    references=(
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings",
    ),
    apply=set_attrs(
        Setting("data_trace_enabled", "false", path=("settings",), accept=is_false),
    ),
    resource_types=("aws_api_gateway_method_settings",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
