"""EBS volume encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="ebs_volume_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_189", "AVD-AWS-0027", "aws-ebs-encryption-customer-key"),
    action="enable_ebs_cmk_encryption",
    title="Encrypt the EBS volume with a customer managed key",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "The key of an existing volume cannot change in place: restore from the pre-change snapshot if needed."
    ),
    verification=Verification(rules=("CKV_AWS_189",), provider_check="ebs_volume_cmk"),
    review_guidance=(
        "kms_key_id forces a NEW volume (data loss unless created from an encrypted snapshot "
        "copy). The key policy must allow EC2 and the instance roles to use it."
    ),
    references=(
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume#kms_key_id",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the customer managed KMS key"),),
    resource_types=("aws_ebs_volume",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=False),
)
