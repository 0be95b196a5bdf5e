"""Lambda dead-letter queue for failed asynchronous invocations."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="lambda_dead_letter_queue",
    iac=TF,
    rule_ids=("CKV_AWS_116",),
    action="configure_lambda_dlq",
    title="Send failed async invocations to a dead-letter queue",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): failed async events are dropped again after retries.",
    verification=Verification(rules=("CKV_AWS_116",), provider_check="lambda_dead_letter_queue"),
    review_guidance=(
        "The execution role needs sqs:SendMessage (or sns:Publish) on the target. Someone must watch "
        "and drain the queue."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function",
    ),
    apply=set_attrs(
        Setting("target_arn", param_value("dlq_arn"), path=("dead_letter_config",), accept=has_value),
    ),
    parameters=(
        Param(name="dlq_arn", description="ARN or reference of the SQS queue or SNS topic receiving failed events"),
    ),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
