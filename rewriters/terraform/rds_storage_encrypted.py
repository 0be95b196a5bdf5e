"""RDS storage encryption at rest (`storage_encrypted = true`)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="rds_storage_encrypted",
    iac=TF,
    rule_ids=(
        "CKV_AWS_16",
        "CKV_AWS_96",
        "CKV_AWS_44",
        "CKV_AWS_74",
        "AVD-AWS-0080",
        "AVD-AWS-0079",
        "aws-rds-encrypt-instance-storage-data",
        "aws-rds-encrypt-cluster-storage-data",
    ),
    action="enable_rds_encryption",
    title="Encrypt the RDS storage at rest",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "Encryption cannot be switched off in place: reverting means restoring an unencrypted "
        "copy from a snapshot. Keep the pre-change snapshot until the new instance is verified."
    ),
    verification=Verification(
        rules=("CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_44", "CKV_AWS_74"), provider_check="rds_storage_encrypted"
    ),
    review_guidance=(
        "storage_encrypted forces a NEW database: Terraform destroys and recreates it. Migrate "
        "through an encrypted snapshot copy (or a blue/green deployment) and plan a maintenance "
        "window before applying."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=set_attrs(
        Setting("storage_encrypted", "true", accept=is_true),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
