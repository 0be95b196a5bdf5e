"""RDS automatic minor version upgrades."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="rds_minor_upgrades",
    iac=TF,
    rule_ids=("CKV_AWS_226",),
    action="enable_rds_minor_upgrades",
    title="Apply RDS minor version upgrades automatically",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_226",), provider_check="rds_auto_minor_upgrade"),
    review_guidance=(
        "Minor upgrades then happen in the maintenance window, with a short restart; check the "
        "window suits the application."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("auto_minor_version_upgrade", "true", accept=is_true),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster_instance"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
