"""RDS Multi-AZ deployment (`multi_az = true`)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="rds_multi_az",
    iac=TF,
    rule_ids=("CKV_AWS_157",),
    action="enable_rds_multi_az",
    title="Run the RDS instance Multi-AZ",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply: the standby is removed (in place)."),
    verification=Verification(rules=("CKV_AWS_157",), provider_check="rds_multi_az"),
    review_guidance=(
        "Roughly doubles the instance cost. The conversion happens in place but adds I/O load "
        "while the standby is created; schedule it outside peak hours."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("multi_az", "true", accept=is_true),
    ),
    resource_types=("aws_db_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
