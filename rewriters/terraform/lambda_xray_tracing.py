"""AWS X-Ray tracing for Lambda functions."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="lambda_xray_tracing",
    iac=TF,
    rule_ids=("CKV_AWS_50", "AVD-AWS-0066", "aws-lambda-enable-tracing"),
    action="enable_lambda_tracing",
    title="Enable active X-Ray tracing",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_50",), provider_check="lambda_tracing"),
    review_guidance=(
        "The execution role needs xray:PutTraceSegments (AWSXRayDaemonWriteAccess); traces are "
        "billed beyond the free tier."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#tracing_config",
    ),
    apply=set_attrs(
        Setting("mode", '"Active"', path=("tracing_config",), accept=one_of("Active", "PassThrough")),
    ),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
