"""API Gateway stage access logs to a CloudWatch log group a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

FORMAT = (
    'jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp", '
    'requestTime = "$context.requestTime", httpMethod = "$context.httpMethod", '
    'routeKey = "$context.routeKey", status = "$context.status", responseLength = "$context.responseLength" })'
)

REWRITER = Rewriter(
    id="apigw_access_logs",
    iac=TF,
    rule_ids=("CKV_AWS_76", "AVD-AWS-0001", "aws-api-gateway-enable-access-logging"),
    action="enable_apigw_access_logs",
    title="Enable access logging on the stage",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): access logs stop.",
    verification=Verification(rules=("CKV_AWS_76",), provider_check="apigw_access_logs"),
    review_guidance=(
        "REST APIs need the account-level CloudWatch role "
        "(aws_api_gateway_account.cloudwatch_role_arn) set once per region, or the update fails. Log "
        "volume is billed."
    ),
    references=(
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_stage",
    ),
    apply=set_attrs(
        Setting("destination_arn", param_value("log_group_arn"), path=("access_log_settings",), accept=has_value),
        Setting("format", FORMAT, path=("access_log_settings",), accept=has_value),
    ),
    parameters=(
        Param(
            name="log_group_arn",
            description="ARN or reference of the CloudWatch log group (e.g. aws_cloudwatch_log_group.api.arn)",
        ),
    ),
    resource_types=("aws_api_gateway_stage", "aws_apigatewayv2_stage"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
