"""Protect the Bigtable instance from deletion (CKV_GCP_122)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_bigtable_deletion_protection",
    iac=TF,
    rule_ids=("CKV_GCP_122",),
    action="protect_bigtable_instance",
    title="Protect the Bigtable instance from deletion",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_122",), provider_check="bigtable_deletion_protection"),
    review_guidance=("Terraform refuses to destroy or replace the instance until the flag is set back to false."),
    references=(
        "https://cloud.google.com/bigtable/docs/instances-clusters-nodes",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance#deletion_protection",
    ),
    apply=set_attrs(
        Setting("deletion_protection", "true", accept=is_true),
    ),
    resource_types=("google_bigtable_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
