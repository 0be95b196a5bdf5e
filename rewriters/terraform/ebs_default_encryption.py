"""Account-level EBS encryption by default."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="ebs_default_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_106",),
    action="enable_ebs_default_encryption",
    title="Encrypt new EBS volumes by default",
    confidence=Level.high,
    reversible=True,
    rollback_plan=(
        "Revert the PR and apply (in place): new volumes are unencrypted unless asked; existing ones stay encrypted."
    ),
    verification=Verification(rules=("CKV_AWS_106",), provider_check="ebs_encryption_by_default"),
    review_guidance=(
        "Applies per region to volumes created afterwards. Launches from shared unencrypted AMIs then"
        " need kms permissions on the default EBS key."
    ),
    references=(
        "https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_encryption_by_default",
    ),
    apply=set_attrs(
        Setting("enabled", "true", accept=is_true),
    ),
    resource_types=("aws_ebs_encryption_by_default",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
