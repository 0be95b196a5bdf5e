"""RDS snapshots inherit the instance tags."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="rds_copy_tags_to_snapshot",
    iac=TF,
    rule_ids=(
        "CKV2_AWS_60",
        "CKV_AWS_313",
        "CKV_AWS_362",
    ),
    action="enable_rds_snapshot_tags",
    title="Copy tags to RDS snapshots",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(
        rules=("CKV2_AWS_60", "CKV_AWS_313", "CKV_AWS_362"), provider_check="rds_copy_tags_to_snapshot"
    ),
    review_guidance=("Harmless in place change; snapshots then carry cost-allocation and classification tags."),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("copy_tags_to_snapshot", "true", accept=is_true),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
