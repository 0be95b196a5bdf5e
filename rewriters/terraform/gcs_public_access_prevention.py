"""Cloud Storage public access prevention enforced."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="gcs_public_access_prevention",
    iac=TF,
    rule_ids=("CKV_GCP_114",),
    action="block_public_gcs_access",
    title="Enforce public access prevention on the bucket",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_114",), provider_check="gcs_public_access_prevented"),
    review_guidance=(
        "allUsers / allAuthenticatedUsers grants stop working; buckets serving public content "
        "need a CDN or signed URLs."
    ),
    references=(
        "https://cloud.google.com/storage/docs/public-access-prevention",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#public_access_prevention",
    ),
    apply=set_attrs(
        Setting("public_access_prevention", '"enforced"'),
    ),
    resource_types=("google_storage_bucket",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
