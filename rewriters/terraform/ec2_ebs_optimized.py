"""EC2 EBS-optimized instances."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="ec2_ebs_optimized",
    iac=TF,
    rule_ids=("CKV_AWS_135",),
    action="enable_ebs_optimization",
    title="Make the instance EBS-optimized",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply."),
    verification=Verification(rules=("CKV_AWS_135",), provider_check="ec2_ebs_optimized"),
    review_guidance=(
        "Current instance types are EBS-optimized by default and accept this in place; on older "
        "types the change stops and starts the instance."
    ),
    references=(
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ebs-optimized.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs_optimized",
    ),
    apply=set_attrs(
        Setting("ebs_optimized", "true", accept=is_true),
    ),
    resource_types=("aws_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
