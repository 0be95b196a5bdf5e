"""Lambda environment variables encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="lambda_env_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_173",),
    action="encrypt_lambda_environment",
    title="Encrypt environment variables with a KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): variables are encrypted with the AWS managed key again.",
    verification=Verification(rules=("CKV_AWS_173",), provider_check="lambda_env_kms"),
    review_guidance=(
        "The execution role needs kms:Decrypt on the key, or the function fails to start. Deployers need kms:Encrypt."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function",
    ),
    apply=set_attrs(
        Setting("kms_key_arn", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
