"""SES configuration sets require TLS for delivery."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="ses_require_tls",
    iac=TF,
    rule_ids=("CKV_AWS_365",),
    action="require_ses_tls",
    title="Deliver mail only over TLS",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_365",), provider_check="ses_tls_policy"),
    review_guidance="Mail to receiving servers that do not support TLS is not delivered (it bounces).",
    references=(
        "https://docs.aws.amazon.com/ses/latest/dg/security-protocols.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ses_configuration_set",
    ),
    apply=set_attrs(
        Setting("tls_policy", '"Require"', path=("delivery_options",)),
    ),
    resource_types=("aws_ses_configuration_set",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
