"""Lambda function URLs require IAM authentication."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="lambda_url_iam_auth",
    iac=TF,
    rule_ids=("CKV_AWS_258",),
    action="require_lambda_url_auth",
    title="Require IAM auth on the function URL",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the URL is public again.",
    verification=Verification(rules=("CKV_AWS_258",), provider_check="lambda_url_auth"),
    review_guidance=(
        "Anonymous callers (browsers, webhooks) get 403 afterwards; they must sign requests with "
        "SigV4 or go through API Gateway/CloudFront with OAC."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url",
    ),
    apply=set_attrs(
        Setting("authorization_type", '"AWS_IAM"'),
    ),
    resource_types=("aws_lambda_function_url",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
