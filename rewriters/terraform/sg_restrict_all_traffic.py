"""Security groups: all traffic (every protocol and port) open to 0.0.0.0/0 → the CIDR a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.sg_common import restrict_port

REWRITER = Rewriter(
    id="sg_restrict_all_traffic",
    iac=TF,
    rule_ids=("CKV_AWS_277",),
    action="restrict_all_traffic_ingress",
    title="Restrict all-traffic ingress to a known network",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: the rule opens all traffic (every protocol and port) to 0.0.0.0/0 again.",
    verification=Verification(rules=("CKV_AWS_277",), provider_check="sg_no_public_all_traffic"),
    review_guidance=(
        "Every client outside the CIDR loses access to every port of this group: list what the group "
        "really serves (ports, sources) and open only that instead. IPv6 ::/0 entries are removed."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group",
    ),
    apply=guarded(restrict_port(-1)),
    parameters=(Param(name="admin_cidr", description="CIDR allowed to reach every port, e.g. 10.20.0.0/16"),),
    resource_types=("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
