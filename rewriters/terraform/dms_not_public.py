"""DMS replication instances are not publicly accessible."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="dms_not_public",
    iac=TF,
    rule_ids=("CKV_AWS_89",),
    action="make_dms_private",
    title="Make the replication instance private",
    confidence=Level.low,
    reversible=False,
    rollback_plan="Revert the PR and apply: the instance is replaced again.",
    verification=Verification(rules=("CKV_AWS_89",), provider_check="dms_not_public"),
    review_guidance=(
        "publicly_accessible forces a NEW replication instance; running tasks must be stopped and "
        "restarted. Endpoints outside the VPC then need a VPN/peering path."
    ),
    references=(
        "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance",
    ),
    apply=set_attrs(
        Setting("publicly_accessible", "false", accept=is_false),
    ),
    resource_types=("aws_dms_replication_instance",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
