"""Give Cloud Build private pool workers no external IP (CKV_GCP_86)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_cloudbuild_private_workers",
    iac=TF,
    rule_ids=("CKV_GCP_86",),
    action="disable_cloudbuild_external_ip",
    title="Give Cloud Build private pool workers no external IP",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_86",), provider_check="cloudbuild_worker_no_external_ip"),
    review_guidance=("Builds that download from the internet need Cloud NAT or a peered network with egress."),
    references=(
        "https://cloud.google.com/build/docs/private-pools/private-pool-config-file-schema",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudbuild_worker_pool#no_external_ip",
    ),
    apply=set_attrs(
        Setting("no_external_ip", "true", path=("worker_config",), accept=is_true),
    ),
    resource_types=("google_cloudbuild_worker_pool",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
