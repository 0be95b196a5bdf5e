"""Disable legacy ABAC authorization on the GKE cluster (CKV_GCP_7)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="gke_no_legacy_abac",
    iac=TF,
    rule_ids=("CKV_GCP_7",),
    action="disable_gke_legacy_abac",
    title="Disable legacy ABAC authorization on the GKE cluster",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_7",), provider_check="gke_legacy_abac_disabled"),
    review_guidance=(
        "Workloads relying on ABAC grants instead of RBAC roles lose their permissions; check for missing "
        "RoleBindings first."
    ),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_legacy_abac",
    ),
    apply=set_attrs(
        Setting("enable_legacy_abac", "false", accept=is_false),
    ),
    resource_types=("google_container_cluster",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
