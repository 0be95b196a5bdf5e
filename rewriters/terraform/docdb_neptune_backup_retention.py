"""DocumentDB and Neptune clusters keep at least 7 days of backups."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, at_least, int_param, set_attrs

REWRITER = Rewriter(
    id="docdb_neptune_backup_retention",
    iac=TF,
    rule_ids=("CKV_AWS_360", "CKV_AWS_361"),
    action="extend_cluster_backup_retention",
    title="Keep at least 7 days of cluster backups",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): backups beyond the old period are deleted.",
    verification=Verification(rules=("CKV_AWS_360", "CKV_AWS_361"), provider_check="rds_backup_retention"),
    review_guidance="Backup storage beyond the cluster's size is billed.",
    references=(
        "https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore.html",
        "https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster",
    ),
    apply=set_attrs(
        Setting("backup_retention_period", int_param("retention_days"), accept=at_least(7)),
    ),
    parameters=(Param(name="retention_days", description="days of backups to keep (7-35)", default="7"),),
    resource_types=("aws_docdb_cluster", "aws_neptune_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
