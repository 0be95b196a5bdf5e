"""Cross-zone load balancing for network/gateway and classic load balancers."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="lb_cross_zone",
    iac=TF,
    rule_ids=("CKV_AWS_152", "CKV_AWS_138"),
    action="enable_cross_zone_lb",
    title="Enable cross-zone load balancing",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_152", "CKV_AWS_138"), provider_check="lb_cross_zone"),
    review_guidance=(
        "Traffic is spread across targets in every enabled AZ; for network load balancers inter-AZ "
        "data transfer is billed."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#cross-zone-load-balancing",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb",
    ),
    apply=set_attrs(
        Setting("enable_cross_zone_load_balancing", "true", accept=is_true, types=("aws_lb", "aws_alb")),
        Setting("cross_zone_load_balancing", "true", accept=is_true, types=("aws_elb",)),
    ),
    resource_types=("aws_lb", "aws_alb", "aws_elb"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
