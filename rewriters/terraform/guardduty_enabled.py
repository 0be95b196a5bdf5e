"""GuardDuty detectors are enabled."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="guardduty_enabled",
    iac=TF,
    rule_ids=("CKV_AWS_238",),
    action="enable_guardduty",
    title="Enable the GuardDuty detector",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_238",), provider_check="guardduty_enabled"),
    review_guidance=(
        "GuardDuty is billed by analysed events and data volume; findings start flowing to whoever consumes them."
    ),
    references=(
        "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/guardduty_detector",
    ),
    apply=set_attrs(
        Setting("enable", "true", accept=is_true),
    ),
    resource_types=("aws_guardduty_detector",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
