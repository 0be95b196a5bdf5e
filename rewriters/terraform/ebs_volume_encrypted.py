"""EBS volume encryption at rest."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="ebs_volume_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_3", "AVD-AWS-0026", "aws-ebs-enable-volume-encryption"),
    action="enable_ebs_encryption",
    title="Encrypt the EBS volume",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "Encryption cannot be removed in place: restore from the pre-change snapshot into an "
        "unencrypted volume if needed."
    ),
    verification=Verification(rules=("CKV_AWS_3",), provider_check="ebs_volume_encrypted"),
    review_guidance=(
        "encrypted forces a NEW volume: Terraform destroys and recreates it, losing its data. "
        "Snapshot, copy the snapshot encrypted, and create the volume from it (snapshot_id) "
        "before applying."
    ),
    references=(
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
    ),
    resource_types=("aws_ebs_volume",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=False),
)
