"""DynamoDB point-in-time recovery."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="dynamodb_pitr",
    iac=TF,
    rule_ids=("CKV_AWS_28", "AVD-AWS-0024", "aws-dynamodb-enable-recovery"),
    action="enable_dynamodb_pitr",
    title="Enable point-in-time recovery",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); recovery history is dropped."),
    verification=Verification(rules=("CKV_AWS_28",), provider_check="dynamodb_pitr"),
    review_guidance=("Continuous backups are billed per GB-month of table size."),
    references=(
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("point_in_time_recovery",), accept=is_true),
    ),
    resource_types=("aws_dynamodb_table",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
