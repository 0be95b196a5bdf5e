"""Load balancers mitigate HTTP desync (defensive or strictest mode)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="lb_desync_mitigation",
    iac=TF,
    rule_ids=("CKV_AWS_328",),
    action="set_desync_mitigation",
    title="Use defensive HTTP desync mitigation",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_328",), provider_check="lb_desync_mitigation"),
    review_guidance=(
        "Defensive is the AWS default: requests that are ambiguous under RFC 7230 and pose a high "
        "risk are closed; compliant clients are unaffected."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb",
    ),
    apply=set_attrs(
        Setting("desync_mitigation_mode", '"defensive"', accept=one_of("defensive", "strictest")),
    ),
    resource_types=("aws_lb", "aws_alb", "aws_elb"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
