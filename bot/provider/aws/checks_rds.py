"""RDS and Redshift: encryption, public access, deletion protection, backups, IAM auth, logs, upgrades."""

from __future__ import annotations

from typing import Any

from bot.provider.aws.declarative import FALSE, SET, TRUE, Call, Expect, at_least, attr
from bot.provider.registry import Registration

INSTANCE = ("aws_db_instance",)
CLUSTER = ("aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster")  # one RDS API for all three
DB = Call("rds", "DescribeDBInstances", lambda i: {"DBInstanceIdentifier": i})
CL = Call("rds", "DescribeDBClusters", lambda i: {"DBClusterIdentifier": i})
DB_NF = ("DBInstanceNotFound", "DBInstanceNotFoundFault")
CL_NF = ("DBClusterNotFoundFault", "DBClusterNotFound")
REDSHIFT = Call("redshift", "DescribeClusters", lambda i: {"ClusterIdentifier": i})


def _both(name: str, field: str, expect: Expect, instance_types: tuple[str, ...] = INSTANCE,
          cluster: bool = True) -> tuple[Registration[Any], ...]:
    """The same property on DB instances (and, when it exists there, on Aurora clusters)."""
    out = [attr(name, instance_types, DB, f"DBInstances[0].{field}", expect, not_found=DB_NF, label=field)]
    if cluster:
        out.append(attr(name, CLUSTER, CL, f"DBClusters[0].{field}", expect, not_found=CL_NF, label=field))
    return tuple(out)


CHECKS: tuple[Registration[Any], ...] = (
    *_both("rds_storage_encrypted", "StorageEncrypted", TRUE),
    *_both("rds_not_publicly_accessible", "PubliclyAccessible", FALSE,
           ("aws_db_instance", "aws_rds_cluster_instance", "aws_neptune_cluster_instance"), cluster=False),
    *_both("rds_backup_retention", "BackupRetentionPeriod", at_least(1)),
    *_both("rds_deletion_protection", "DeletionProtection", TRUE),
    *_both("rds_multi_az", "MultiAZ", TRUE, cluster=False),
    *_both("rds_iam_auth", "IAMDatabaseAuthenticationEnabled", TRUE, cluster=False),
    *_both("rds_auto_minor_upgrade", "AutoMinorVersionUpgrade", TRUE,
           ("aws_db_instance", "aws_rds_cluster_instance"), cluster=False),
    *_both("rds_copy_tags_to_snapshot", "CopyTagsToSnapshot", TRUE, cluster=False),
    *_both("rds_log_exports", "EnabledCloudwatchLogsExports", SET),
    attr("redshift_encrypted", ("aws_redshift_cluster",), REDSHIFT, "Clusters[0].Encrypted", TRUE,
         not_found=("ClusterNotFound", "ClusterNotFoundFault"), label="encrypted"),
    attr("redshift_not_public", ("aws_redshift_cluster",), REDSHIFT, "Clusters[0].PubliclyAccessible", FALSE,
         not_found=("ClusterNotFound", "ClusterNotFoundFault"), label="publicly_accessible"),
)
