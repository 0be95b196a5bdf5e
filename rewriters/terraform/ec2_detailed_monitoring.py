"""EC2 detailed (1-minute) CloudWatch monitoring."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="ec2_detailed_monitoring",
    iac=TF,
    rule_ids=("CKV_AWS_126",),
    action="enable_detailed_monitoring",
    title="Enable detailed monitoring on the instance",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_126",), provider_check="ec2_detailed_monitoring"),
    review_guidance=(
        "Detailed monitoring is billed per metric; negligible for a few instances, check for large fleets."
    ),
    references=(
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-new.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#monitoring",
    ),
    apply=set_attrs(
        Setting("monitoring", "true", accept=is_true),
    ),
    resource_types=("aws_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
