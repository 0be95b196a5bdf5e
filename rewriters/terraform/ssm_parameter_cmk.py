"""SecureString SSM parameters encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="ssm_parameter_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_337",),
    action="encrypt_ssm_parameter_with_cmk",
    title="Encrypt the SecureString with a customer managed KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the value is re-encrypted with the AWS managed key.",
    verification=Verification(rules=("CKV_AWS_337",), provider_check="ssm_parameter_kms"),
    review_guidance=(
        "Every reader needs kms:Decrypt on the key (and writers kms:Encrypt), or reads with decryption fail."
    ),
    references=(
        "https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_parameter",
    ),
    apply=set_attrs(
        Setting("key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN, alias or reference of the KMS key"),),
    resource_types=("aws_ssm_parameter",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
