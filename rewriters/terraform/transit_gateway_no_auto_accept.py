"""Transit gateways do not accept shared VPC attachments automatically."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="transit_gateway_no_auto_accept",
    iac=TF,
    rule_ids=("CKV_AWS_331",),
    action="disable_tgw_auto_accept",
    title="Stop auto-accepting transit gateway attachments",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_331",), provider_check="transit_gateway_auto_accept"),
    review_guidance=(
        "Attachments from other accounts then wait for acceptance "
        "(aws_ec2_transit_gateway_vpc_attachment_accepter); existing attachments are unaffected."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ec2_transit_gateway",
    ),
    apply=set_attrs(
        Setting("auto_accept_shared_attachments", '"disable"'),
    ),
    resource_types=("aws_ec2_transit_gateway",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
