"""ElastiCache for Redis applies minor engine upgrades automatically."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="elasticache_minor_upgrades",
    iac=TF,
    rule_ids=("CKV_AWS_322",),
    action="enable_elasticache_minor_upgrades",
    title="Apply minor engine upgrades automatically",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_322",), provider_check="elasticache_minor_upgrades"),
    review_guidance="Minor upgrades run in the maintenance window and can briefly fail over or restart nodes.",
    references=(
        "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster",
    ),
    apply=set_attrs(
        Setting("auto_minor_version_upgrade", "true", accept=is_true),
    ),
    resource_types=("aws_elasticache_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
