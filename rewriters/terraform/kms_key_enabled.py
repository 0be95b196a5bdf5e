"""KMS keys are enabled (`is_enabled` not false)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="kms_key_enabled",
    iac=TF,
    rule_ids=("CKV_AWS_227",),
    action="enable_kms_key",
    title="Enable the KMS key",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the key is disabled again.",
    verification=Verification(rules=("CKV_AWS_227",), provider_check="kms_key_enabled"),
    review_guidance=(
        "A disabled key is sometimes a deliberate step before deletion: confirm with the key owner. "
        "Enabling makes data encrypted under it decryptable again by whoever the key policy allows."
    ),
    references=(
        "https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key",
    ),
    apply=set_attrs(
        Setting("is_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_kms_key",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
