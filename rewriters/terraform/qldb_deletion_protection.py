"""QLDB ledgers protected from deletion."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="qldb_deletion_protection",
    iac=TF,
    rule_ids=("CKV_AWS_172",),
    action="enable_qldb_deletion_protection",
    title="Protect the ledger from deletion",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_172",), provider_check="qldb_deletion_protection"),
    review_guidance="Deleting the ledger then needs protection turned off first.",
    references=(
        "https://docs.aws.amazon.com/qldb/latest/developerguide/ledger-management.basics.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/qldb_ledger",
    ),
    apply=set_attrs(
        Setting("deletion_protection", "true", accept=is_true),
    ),
    resource_types=("aws_qldb_ledger",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
