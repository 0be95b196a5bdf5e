"""Security groups: port 80 open to 0.0.0.0/0 → the CIDR a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.sg_common import restrict_port

REWRITER = Rewriter(
    id="sg_restrict_http",
    iac=TF,
    rule_ids=("CKV_AWS_260",),
    action="restrict_http_ingress",
    title="Restrict HTTP ingress (port 80) to a known network",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: the rule opens port 80 to 0.0.0.0/0 again.",
    verification=Verification(rules=("CKV_AWS_260",), provider_check="sg_no_public_port_80"),
    review_guidance=(
        "Public websites served directly from these instances become unreachable from the internet: "
        "put them behind a load balancer/CloudFront (and restrict to its subnets) before merging. "
        "IPv6 ::/0 entries are removed."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group",
    ),
    apply=guarded(restrict_port(80)),
    parameters=(
        Param(name="admin_cidr", description="CIDR allowed to reach port 80, e.g. a load balancer subnet 10.0.0.0/20"),
    ),
    resource_types=("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
