"""Cloud Storage object versioning."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcs_versioning",
    iac=TF,
    rule_ids=("CKV_GCP_78",),
    action="enable_bucket_versioning_gcs",
    title="Enable object versioning on the bucket",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); noncurrent versions stay until deleted."),
    verification=Verification(rules=("CKV_GCP_78",), provider_check="gcs_versioning"),
    review_guidance=(
        "Overwritten and deleted objects are kept as noncurrent versions and billed; add a "
        "lifecycle rule to expire them."
    ),
    references=(
        "https://cloud.google.com/storage/docs/object-versioning",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#versioning",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("versioning",), accept=is_true),
    ),
    resource_types=("google_storage_bucket",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
