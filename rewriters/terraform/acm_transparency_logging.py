"""ACM certificates published to Certificate Transparency logs."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="acm_transparency_logging",
    iac=TF,
    rule_ids=("CKV_AWS_234",),
    action="enable_ct_logging",
    title="Enable Certificate Transparency logging",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: the certificate is re-issued without CT logging.",
    verification=Verification(rules=("CKV_AWS_234",), provider_check="acm_transparency_logging"),
    review_guidance=(
        "Changing options re-issues the certificate (new ARN; DNS validation records are reused). "
        "Browsers distrust certificates missing from CT logs, so this mostly removes a future outage."
    ),
    references=(
        "https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/acm_certificate",
    ),
    apply=set_attrs(
        Setting("certificate_transparency_logging_preference", '"ENABLED"', path=("options",)),
    ),
    resource_types=("aws_acm_certificate",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
