"""Route 53 registered domains are transfer-locked."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="route53_domain_transfer_lock",
    iac=TF,
    rule_ids=("CKV_AWS_377",),
    action="enable_domain_transfer_lock",
    title="Lock the domain against transfers",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_377",), provider_check="route53_transfer_lock"),
    review_guidance="Transferring the domain to another registrar then needs the lock removed first.",
    references=(
        "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-lock.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53domains_registered_domain",
    ),
    apply=set_attrs(
        Setting("transfer_lock", "true", accept=is_true),
    ),
    resource_types=("aws_route53domains_registered_domain",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
