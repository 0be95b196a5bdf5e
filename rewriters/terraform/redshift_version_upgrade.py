"""Redshift clusters take engine version upgrades."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="redshift_version_upgrade",
    iac=TF,
    rule_ids=("CKV_AWS_141",),
    action="enable_redshift_version_upgrade",
    title="Allow Redshift engine upgrades",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_141",), provider_check="redshift_version_upgrade"),
    review_guidance="Upgrades happen in the maintenance window and restart the cluster briefly.",
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-set-maintenance-track",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    ),
    apply=set_attrs(
        Setting("allow_version_upgrade", "true", accept=is_true),
    ),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
