"""Redshift clusters keep automated snapshots."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, at_least, int_param, set_attrs

REWRITER = Rewriter(
    id="redshift_auto_snapshots",
    iac=TF,
    rule_ids=("CKV_AWS_343",),
    action="enable_redshift_snapshots",
    title="Keep automated Redshift snapshots",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): automated snapshots stop.",
    verification=Verification(rules=("CKV_AWS_343",), provider_check="redshift_snapshot_retention"),
    review_guidance="Automated snapshot storage beyond the cluster size is billed.",
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    ),
    apply=set_attrs(
        Setting("automated_snapshot_retention_period", int_param("retention_days"), accept=at_least(1)),
    ),
    parameters=(Param(name="retention_days", description="days of automated snapshots to keep (1-35)", default="7"),),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
