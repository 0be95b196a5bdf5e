"""Application load balancers drop invalid HTTP header fields."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="lb_drop_invalid_headers",
    iac=TF,
    rule_ids=("CKV_AWS_131", "AVD-AWS-0052", "aws-elb-drop-invalid-headers"),
    action="enable_drop_invalid_headers",
    title="Drop invalid HTTP headers at the load balancer",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_131",), provider_check="alb_drop_invalid_headers"),
    review_guidance=(
        "Requests with malformed header names lose those headers (request smuggling protection); "
        "well-behaved clients are unaffected."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#drop_invalid_header_fields",
    ),
    apply=set_attrs(
        Setting("drop_invalid_header_fields", "true", accept=is_true),
    ),
    resource_types=("aws_lb", "aws_alb"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
