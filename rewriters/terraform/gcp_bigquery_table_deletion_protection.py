"""Protect the BigQuery table from deletion (CKV_GCP_121)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_bigquery_table_deletion_protection",
    iac=TF,
    rule_ids=("CKV_GCP_121",),
    action="protect_bigquery_table",
    title="Protect the BigQuery table from deletion",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_121",), provider_check="bigquery_table_deletion_protection"),
    review_guidance=("Terraform refuses to destroy or replace the table until the flag is set back to false."),
    references=(
        "https://cloud.google.com/bigquery/docs/managing-tables",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#deletion_protection",
    ),
    apply=set_attrs(
        Setting("deletion_protection", "true", accept=is_true),
    ),
    resource_types=("google_bigquery_table",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
