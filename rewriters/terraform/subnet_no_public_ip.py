"""VPC subnets do not hand out public IPs by default."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="subnet_no_public_ip",
    iac=TF,
    rule_ids=("CKV_AWS_130", "AVD-AWS-0164", "aws-ec2-no-public-ip-subnet"),
    action="disable_subnet_public_ip",
    title="Stop assigning public IPs in the subnet",
    confidence=Level.low,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_130",), provider_check="subnet_no_auto_public_ip"),
    review_guidance=(
        "New instances in this subnet get no public IP: for a deliberately public subnet (NAT, "
        "bastion, load balancer nodes) assign IPs explicitly (Elastic IP / "
        "associate_public_ip_address) before merging."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/subnet#map_public_ip_on_launch",
    ),
    apply=set_attrs(
        Setting("map_public_ip_on_launch", "false", accept=is_false),
    ),
    resource_types=("aws_subnet",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
