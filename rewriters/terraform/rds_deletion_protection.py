"""RDS deletion protection (`deletion_protection = true`)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="rds_deletion_protection",
    iac=TF,
    rule_ids=("CKV_AWS_293", "CKV_AWS_139", "CKV2_AWS_58", "AVD-AWS-0177", "aws-rds-enable-deletion-protection"),
    action="enable_deletion_protection",
    title="Protect the database from deletion",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(
        rules=("CKV_AWS_293", "CKV_AWS_139", "CKV2_AWS_58"), provider_check="rds_deletion_protection"
    ),
    review_guidance=(
        "Deleting or replacing this database now needs two steps (turn protection off, then "
        "delete); teardown scripts of ephemeral environments must do that."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("deletion_protection", "true", accept=is_true),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
