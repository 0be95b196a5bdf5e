"""ElastiCache replication groups encrypted at rest and in transit."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="elasticache_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_29", "CKV_AWS_30", "AVD-AWS-0045", "AVD-AWS-0051"),
    action="enable_elasticache_encryption",
    title="Encrypt ElastiCache at rest and in transit",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "At-rest encryption cannot be removed in place; restore from a backup into a new replication group."
    ),
    verification=Verification(rules=("CKV_AWS_29", "CKV_AWS_30"), provider_check="elasticache_encrypted"),
    review_guidance=(
        "at_rest_encryption_enabled replaces the replication group (cache emptied). Clients must "
        "speak TLS once transit encryption is on; update connection strings first."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group",
    ),
    apply=set_attrs(
        Setting("at_rest_encryption_enabled", "true", accept=is_true),
        Setting("transit_encryption_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_elasticache_replication_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
