"""`lifecycle { create_before_destroy = true }` where replacement must not cause downtime."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="create_before_destroy",
    iac=TF,
    rule_ids=("CKV_AWS_217", "CKV_AWS_237", "CKV_AWS_233"),
    action="set_create_before_destroy",
    title="Create the replacement before destroying the old one",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR (no infrastructure change).",
    verification=Verification(rules=("CKV_AWS_217", "CKV_AWS_237", "CKV_AWS_233"), provider_check="terraform_only"),
    review_guidance=(
        "Only changes the order of a future replacement; nothing is changed in AWS now. Resources "
        "with unique names must allow two copies to exist at once."
    ),
    references=(
        "https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#create_before_destroy",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_deployment",
    ),
    apply=set_attrs(
        Setting("create_before_destroy", "true", path=("lifecycle",), accept=is_true),
    ),
    resource_types=("aws_api_gateway_deployment", "aws_api_gateway_rest_api", "aws_acm_certificate"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
