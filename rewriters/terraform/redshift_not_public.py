"""Redshift cluster not publicly accessible."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="redshift_not_public",
    iac=TF,
    rule_ids=("CKV_AWS_87",),
    action="disable_redshift_public_access",
    title="Make the Redshift cluster private",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_87",), provider_check="redshift_not_public"),
    review_guidance=("BI tools and clients outside the VPC lose direct access; provide a private path first."),
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#publicly_accessible",
    ),
    apply=set_attrs(
        Setting("publicly_accessible", "false", accept=is_false),
    ),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
