"""Lambda code signing: only code signed by a trusted profile deploys."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="lambda_code_signing",
    iac=TF,
    rule_ids=("CKV_AWS_272",),
    action="require_lambda_code_signing",
    title="Validate code signatures on deploy",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): unsigned code deploys again.",
    verification=Verification(rules=("CKV_AWS_272",), provider_check="lambda_code_signing"),
    review_guidance=(
        "Every deployment must then be signed by AWS Signer with a profile the config allows; with "
        "untrusted_artifact_on_deployment = Enforce unsigned packages are rejected. Set up signing in"
        " CI first."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function",
    ),
    apply=set_attrs(
        Setting("code_signing_config_arn", param_value("code_signing_config_arn"), accept=has_value),
    ),
    parameters=(
        Param(name="code_signing_config_arn", description="ARN or reference of the aws_lambda_code_signing_config"),
    ),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
