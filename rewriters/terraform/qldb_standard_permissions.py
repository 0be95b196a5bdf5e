"""QLDB ledgers use the STANDARD (table-level IAM) permissions mode."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="qldb_standard_permissions",
    iac=TF,
    rule_ids=("CKV_AWS_170",),
    action="set_qldb_standard_permissions",
    title="Use STANDARD permissions on the ledger",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_170",), provider_check="qldb_permissions_mode"),
    review_guidance=(
        "In STANDARD mode every PartiQL command needs an explicit IAM permission: roles relying on "
        "ALLOW_ALL lose access until policies grant qldb:PartiQL* actions."
    ),
    references=(
        "https://docs.aws.amazon.com/qldb/latest/developerguide/ledger-management.basics.html#ledger-mgmt.basics.permissions",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/qldb_ledger",
    ),
    apply=set_attrs(
        Setting("permissions_mode", '"STANDARD"'),
    ),
    resource_types=("aws_qldb_ledger",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
