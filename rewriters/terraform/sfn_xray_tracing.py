"""Step Functions state machines traced with X-Ray."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="sfn_xray_tracing",
    iac=TF,
    rule_ids=("CKV_AWS_284",),
    action="enable_sfn_tracing",
    title="Enable X-Ray tracing on the state machine",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_284",), provider_check="sfn_tracing"),
    review_guidance=(
        "The state machine role needs xray:PutTraceSegments/PutTelemetryRecords "
        "(AWSXRayDaemonWriteAccess); traces are billed beyond the free tier."
    ),
    references=(
        "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("tracing_configuration",), accept=is_true),
    ),
    resource_types=("aws_sfn_state_machine",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
