"""ElastiCache replication groups encrypted at rest with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="elasticache_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_191",),
    action="encrypt_elasticache_with_cmk",
    title="Encrypt the replication group with a KMS key",
    confidence=Level.low,
    reversible=False,
    rollback_plan="Restore from a snapshot into a group without the key; the key cannot be removed in place.",
    verification=Verification(rules=("CKV_AWS_191",), provider_check="elasticache_kms"),
    review_guidance=(
        "kms_key_id forces a NEW replication group: data not in a snapshot is lost. Plan a snapshot/restore window."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group",
    ),
    apply=set_attrs(
        Setting("at_rest_encryption_enabled", "true", accept=is_true),
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_elasticache_replication_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
