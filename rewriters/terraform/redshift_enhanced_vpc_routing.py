"""Redshift COPY/UNLOAD traffic forced through the VPC."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="redshift_enhanced_vpc_routing",
    iac=TF,
    rule_ids=("CKV_AWS_321",),
    action="enable_redshift_enhanced_routing",
    title="Route Redshift COPY/UNLOAD through the VPC",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place; brief restart).",
    verification=Verification(rules=("CKV_AWS_321",), provider_check="redshift_enhanced_vpc_routing"),
    review_guidance=(
        "COPY/UNLOAD to S3 must then have a path inside the VPC (S3 gateway endpoint or NAT); without"
        " one they fail. The cluster restarts."
    ),
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    ),
    apply=set_attrs(
        Setting("enhanced_vpc_routing", "true", accept=is_true),
    ),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
