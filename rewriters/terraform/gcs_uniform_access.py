"""Cloud Storage uniform bucket-level access (no object ACLs)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcs_uniform_access",
    iac=TF,
    rule_ids=("CKV_GCP_29", "AVD-GCP-0002", "google-storage-enable-ubla"),
    action="enable_uniform_bucket_access",
    title="Enable uniform bucket-level access",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply within 90 days (after that uniform access is locked in)."),
    verification=Verification(rules=("CKV_GCP_29",), provider_check="gcs_uniform_access"),
    review_guidance=(
        "Object ACLs stop granting access: readers relying on per-object ACLs need an IAM binding on the bucket first."
    ),
    references=(
        "https://cloud.google.com/storage/docs/uniform-bucket-level-access",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#uniform_bucket_level_access",
    ),
    apply=set_attrs(
        Setting("uniform_bucket_level_access", "true", accept=is_true),
    ),
    resource_types=("google_storage_bucket",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
