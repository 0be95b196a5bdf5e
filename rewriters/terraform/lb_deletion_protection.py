"""Load balancer deletion protection."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="lb_deletion_protection",
    iac=TF,
    rule_ids=("CKV_AWS_150",),
    action="enable_deletion_protection_lb",
    title="Protect the load balancer from deletion",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_150",), provider_check="lb_deletion_protection"),
    review_guidance=(
        "Destroying or replacing the load balancer now needs protection turned off first; adjust "
        "teardown of ephemeral environments."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#enable_deletion_protection",
    ),
    apply=set_attrs(
        Setting("enable_deletion_protection", "true", accept=is_true),
    ),
    resource_types=("aws_lb", "aws_alb"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
