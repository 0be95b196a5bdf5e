"""RDS automated backups kept for a number of days (default 7)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, at_least, int_param, set_attrs

REWRITER = Rewriter(
    id="rds_backup_retention",
    iac=TF,
    rule_ids=("CKV_AWS_133", "AVD-AWS-0077", "aws-rds-specify-backup-retention"),
    action="enable_rds_backups",
    title="Keep automated RDS backups",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply: the previous retention applies; backups beyond it are deleted by AWS."),
    verification=Verification(rules=("CKV_AWS_133",), provider_check="rds_backup_retention"),
    review_guidance=(
        "Backup storage beyond the allocated size is billed. Setting retention from 0 to a "
        "positive value briefly pauses I/O on single-AZ instances; apply in a quiet period."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("backup_retention_period", int_param("retention_days"), accept=at_least(1)),
    ),
    parameters=(Param(name="retention_days", description="days of automated backups to keep", default="7"),),
    resource_types=("aws_db_instance", "aws_rds_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
