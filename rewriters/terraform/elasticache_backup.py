"""ElastiCache for Redis clusters keep automatic snapshots."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, at_least, int_param, set_attrs

REWRITER = Rewriter(
    id="elasticache_backup",
    iac=TF,
    rule_ids=("CKV_AWS_134",),
    action="enable_elasticache_backups",
    title="Keep automatic Redis snapshots",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): snapshots older than the old limit are deleted.",
    verification=Verification(rules=("CKV_AWS_134",), provider_check="elasticache_snapshot_retention"),
    review_guidance=(
        "Snapshots beyond one are billed as backup storage; taking one can add latency on small nodes"
        " during the snapshot window."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster",
    ),
    apply=set_attrs(
        Setting("snapshot_retention_limit", int_param("retention_days"), accept=at_least(1)),
    ),
    parameters=(Param(name="retention_days", description="days of automatic snapshots to keep (1-35)", default="7"),),
    resource_types=("aws_elasticache_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
