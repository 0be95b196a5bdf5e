"""DMS replication instances apply minor engine upgrades automatically."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="dms_minor_upgrades",
    iac=TF,
    rule_ids=("CKV_AWS_222",),
    action="enable_dms_minor_upgrades",
    title="Apply minor DMS upgrades automatically",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_222",), provider_check="dms_minor_upgrades"),
    review_guidance="Upgrades run in the maintenance window and briefly interrupt running tasks.",
    references=(
        "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Upgrading.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance",
    ),
    apply=set_attrs(
        Setting("auto_minor_version_upgrade", "true", accept=is_true),
    ),
    resource_types=("aws_dms_replication_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
