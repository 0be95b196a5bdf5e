"""Security groups: SSH (port 22) open to 0.0.0.0/0 → the admin CIDR from `.fixbot.yml`."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.sg_common import restrict_port

REWRITER = Rewriter(
    id="sg_restrict_ssh",
    iac=TF,
    rule_ids=("CKV_AWS_24",),
    action="restrict_ssh_ingress",
    title="Restrict SSH ingress (port 22) to the admin network",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: the rule opens port 22 to 0.0.0.0/0 again.",
    verification=Verification(rules=("CKV_AWS_24",), provider_check="sg_no_public_port_22"),
    review_guidance="Anyone reaching port 22 from outside the admin CIDR is cut off (bastions, CI "
    "runners, vendors). Prefer SSM Session Manager / a VPN over opening SSH at all. IPv6 ::/0 "
    "entries are removed.",
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
        "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=guarded(restrict_port(22)),
    parameters=(Param(name="admin_cidr", description="CIDR allowed to reach SSH, e.g. 10.20.0.0/16"),),
    resource_types=("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
