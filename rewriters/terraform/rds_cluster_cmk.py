"""Aurora/RDS, DocumentDB and Neptune clusters encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="rds_cluster_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_327", "CKV_AWS_182", "CKV_AWS_347"),
    action="encrypt_cluster_with_cmk",
    title="Encrypt the cluster with a customer managed KMS key",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "The key cannot be changed in place: reverting means restoring a snapshot into a cluster without it."
    ),
    verification=Verification(rules=("CKV_AWS_327", "CKV_AWS_182", "CKV_AWS_347"), provider_check="rds_cluster_kms"),
    review_guidance=(
        "A KMS key on an existing cluster forces a NEW cluster: Terraform destroys and recreates it. "
        "Migrate through a snapshot copy encrypted with the key and plan a maintenance window. The "
        "key policy must allow RDS to use it."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster",
    ),
    apply=set_attrs(
        Setting("storage_encrypted", "true", accept=is_true),
        Setting(
            "kms_key_id", param_value("kms_key_arn"), accept=has_value, types=("aws_rds_cluster", "aws_docdb_cluster")
        ),
        Setting("kms_key_arn", param_value("kms_key_arn"), accept=has_value, types=("aws_neptune_cluster",)),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
