"""SageMaker notebook instances and domains encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="sagemaker_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_22", "CKV_AWS_187"),
    action="encrypt_sagemaker_with_cmk",
    title="Encrypt SageMaker storage with a customer managed KMS key",
    confidence=Level.low,
    reversible=False,
    rollback_plan="The key cannot be changed in place: reverting recreates the notebook/domain.",
    verification=Verification(rules=("CKV_AWS_22", "CKV_AWS_187"), provider_check="sagemaker_kms"),
    review_guidance=(
        "kms_key_id forces a NEW notebook instance or domain: files on the notebook volume / user "
        "home directories are lost unless copied to S3 first."
    ),
    references=(
        "https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance",
    ),
    apply=set_attrs(
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_sagemaker_notebook_instance", "aws_sagemaker_domain"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
