"""Amazon MQ brokers apply minor engine upgrades automatically."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="mq_minor_upgrades",
    iac=TF,
    rule_ids=("CKV_AWS_207",),
    action="enable_mq_minor_upgrades",
    title="Apply minor broker upgrades automatically",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_207",), provider_check="mq_minor_upgrades"),
    review_guidance=(
        "Upgrades run in the maintenance window and reboot the broker (single-instance brokers are "
        "briefly unavailable)."
    ),
    references=(
        "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker",
    ),
    apply=set_attrs(
        Setting("auto_minor_version_upgrade", "true", accept=is_true),
    ),
    resource_types=("aws_mq_broker",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
