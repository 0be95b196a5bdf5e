"""MSK broker nodes get no public IPs."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="msk_private_brokers",
    iac=TF,
    rule_ids=("CKV_AWS_291",),
    action="make_msk_private",
    title="Turn off public access to MSK brokers",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place, takes tens of minutes).",
    verification=Verification(rules=("CKV_AWS_291",), provider_check="msk_public_access"),
    review_guidance=(
        "Clients outside the VPC lose access to the brokers; the change takes a while and rolls through brokers."
    ),
    references=(
        "https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster",
    ),
    apply=set_attrs(
        Setting("type", '"DISABLED"', path=("broker_node_group_info", "connectivity_info", "public_access")),
    ),
    resource_types=("aws_msk_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
