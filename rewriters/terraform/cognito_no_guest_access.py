"""Cognito identity pools refuse unauthenticated identities."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="cognito_no_guest_access",
    iac=TF,
    rule_ids=("CKV_AWS_366",),
    action="disable_cognito_guest_access",
    title="Refuse unauthenticated (guest) identities",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_366",), provider_check="cognito_guest_access"),
    review_guidance=(
        "Apps that hand out AWS credentials to signed-out users (guest analytics, public maps) stop working."
    ),
    references=(
        "https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_identity_pool",
    ),
    apply=set_attrs(
        Setting("allow_unauthenticated_identities", "false", accept=is_false),
    ),
    resource_types=("aws_cognito_identity_pool",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
