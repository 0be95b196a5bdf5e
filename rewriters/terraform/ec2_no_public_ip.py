"""EC2 instances, launch templates and launch configurations get no public IP."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="ec2_no_public_ip",
    iac=TF,
    rule_ids=("CKV_AWS_88", "CKV_AWS_389"),
    action="remove_public_ip",
    title="Do not assign a public IP address",
    confidence=Level.low,
    reversible=True,
    rollback_plan=(
        "Revert the PR and apply: instances launched afterwards get a public IP again (an instance is replaced)."
    ),
    verification=Verification(rules=("CKV_AWS_88", "CKV_AWS_389"), provider_check="ec2_no_public_ip"),
    review_guidance=(
        "Forces replacement of an aws_instance. Instances without a public IP reach the internet only"
        " through a NAT gateway or VPC endpoints, and are reachable only through a load balancer, SSM"
        " Session Manager or a bastion: check how this host is reached first."
    ),
    references=(
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance",
    ),
    apply=set_attrs(
        Setting(
            "associate_public_ip_address", "false", accept=is_false, types=("aws_instance", "aws_launch_configuration")
        ),
        Setting(
            "associate_public_ip_address",
            "false",
            path=("network_interfaces",),
            accept=is_false,
            types=("aws_launch_template",),
        ),
    ),
    resource_types=("aws_instance", "aws_launch_template", "aws_launch_configuration"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
