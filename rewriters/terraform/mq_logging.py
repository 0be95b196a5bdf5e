"""Amazon MQ brokers publish general (and, for ActiveMQ, audit) logs."""

from __future__ import annotations

from bot.hcledit import locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded, is_true

GENERAL = Setting("general", "true", path=("logs",), accept=is_true)
AUDIT = Setting("audit", "true", path=("logs",), accept=is_true)


def _edit(ctx: RewriteContext, text: str) -> str:
    engine = locate(text, address(ctx)).attr("engine_type")
    rabbit = engine is not None and engine.value.strip().strip('"').lower() == "rabbitmq"
    return apply_settings(ctx, text, (GENERAL,) if rabbit else (GENERAL, AUDIT))


REWRITER = Rewriter(
    id="mq_logging",
    iac=TF,
    rule_ids=("CKV_AWS_48", "CKV_AWS_197"),
    action="enable_mq_logging",
    title="Publish broker logs to CloudWatch",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_48", "CKV_AWS_197"), provider_check="mq_logging"),
    review_guidance=(
        "Logs go to CloudWatch Logs (/aws/amazonmq/broker/...), billed per GB; Amazon MQ needs a "
        "CloudWatch Logs resource policy (created automatically on first use in most accounts). "
        "RabbitMQ brokers have no audit log."
    ),
    references=(
        "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-cloudwatch.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker",
    ),
    apply=guarded(_edit),
    resource_types=("aws_mq_broker",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
