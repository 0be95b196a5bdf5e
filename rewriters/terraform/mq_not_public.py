"""Amazon MQ brokers are not publicly accessible."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="mq_not_public",
    iac=TF,
    rule_ids=("CKV_AWS_69",),
    action="make_mq_private",
    title="Make the broker private",
    confidence=Level.low,
    reversible=False,
    rollback_plan="Revert the PR and apply: the broker is replaced again (new endpoints).",
    verification=Verification(rules=("CKV_AWS_69",), provider_check="mq_not_public"),
    review_guidance=(
        "publicly_accessible forces a NEW broker (new endpoints, messages not drained are lost): "
        "clients must reach it from inside the VPC."
    ),
    references=(
        "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/amazon-mq-broker-architecture.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker",
    ),
    apply=set_attrs(
        Setting("publicly_accessible", "false", accept=is_false),
    ),
    resource_types=("aws_mq_broker",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
