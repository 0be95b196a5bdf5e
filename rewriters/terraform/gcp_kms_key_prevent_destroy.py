"""Stop Terraform from destroying the KMS crypto key (CKV_GCP_82)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_kms_key_prevent_destroy",
    iac=TF,
    rule_ids=("CKV_GCP_82",),
    action="protect_kms_crypto_key",
    title="Stop Terraform from destroying the KMS crypto key",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR (no apply needed: a Terraform-only setting)."),
    verification=Verification(rules=("CKV_GCP_82",), provider_check="kms_crypto_key_prevent_destroy"),
    review_guidance=(
        "Plans that would destroy or replace the key fail; destroying data encrypted with it then needs an "
        "explicit change."
    ),
    references=(
        "https://cloud.google.com/kms/docs/destroy-restore",
        "https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy",
    ),
    apply=set_attrs(
        Setting("prevent_destroy", "true", path=("lifecycle",), accept=is_true),
    ),
    resource_types=("google_kms_crypto_key",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
