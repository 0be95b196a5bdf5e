"""HTTPS/TLS listeners use a TLS 1.2+ security policy."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

SECURE = ("ELBSecurityPolicy-FS-1-2", "ELBSecurityPolicy-TLS-1-2", "ELBSecurityPolicy-TLS13")


def _tls12(value: str) -> bool:
    return value.strip().strip('"').startswith(SECURE)


REWRITER = Rewriter(
    id="lb_listener_tls_policy",
    iac=TF,
    rule_ids=("CKV_AWS_103", "AVD-AWS-0047", "aws-elb-use-secure-tls-policy"),
    action="set_lb_tls_policy",
    title="Use a TLS 1.2+ listener security policy",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_103",), provider_check="lb_listener_tls_policy"),
    review_guidance=(
        "Clients limited to TLS 1.0/1.1 or legacy ciphers can no longer connect; TLS 1.3 is offered to those that can."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener",
    ),
    apply=set_attrs(
        Setting("ssl_policy", '"ELBSecurityPolicy-TLS13-1-2-2021-06"', accept=_tls12),
    ),
    resource_types=("aws_lb_listener", "aws_alb_listener"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
