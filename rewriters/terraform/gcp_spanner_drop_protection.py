"""Protect the Spanner database from being dropped (CKV_GCP_120)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_spanner_drop_protection",
    iac=TF,
    rule_ids=("CKV_GCP_120",),
    action="protect_spanner_database",
    title="Protect the Spanner database from being dropped",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_120",), provider_check="spanner_drop_protection"),
    review_guidance=("Dropping the database (also by Terraform) is refused until the flag is set back to false."),
    references=(
        "https://cloud.google.com/spanner/docs/prevent-database-deletion",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database#enable_drop_protection",
    ),
    apply=set_attrs(
        Setting("enable_drop_protection", "true", accept=is_true),
    ),
    resource_types=("google_spanner_database",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
