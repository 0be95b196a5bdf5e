"""Automatic rotation of customer managed KMS keys."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="kms_key_rotation",
    iac=TF,
    rule_ids=("CKV_AWS_7", "AVD-AWS-0065", "aws-kms-auto-rotate-keys"),
    action="enable_kms_key_rotation",
    title="Enable automatic KMS key rotation",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); old key material stays usable."),
    verification=Verification(rules=("CKV_AWS_7",), provider_check="kms_key_rotation"),
    review_guidance=(
        "Transparent to users of the key. Only symmetric keys can rotate: asymmetric or HMAC keys "
        "reject it at apply time."
    ),
    references=(
        "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=set_attrs(
        Setting("enable_key_rotation", "true", accept=is_true),
    ),
    resource_types=("aws_kms_key",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
