"""Enable network policy enforcement on the GKE cluster (CKV_GCP_12)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gke_network_policy",
    iac=TF,
    rule_ids=("CKV_GCP_12",),
    action="enable_gke_network_policy",
    title="Enable network policy enforcement on the GKE cluster",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply; nodes are recreated again."),
    verification=Verification(rules=("CKV_GCP_12",), provider_check="gke_network_policy_enabled"),
    review_guidance=(
        "Enabling enforcement recreates the node pools, and existing NetworkPolicy objects start to apply: "
        "check they allow the traffic workloads need."
    ),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#network_policy",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("network_policy",), accept=is_true),
    ),
    resource_types=("google_container_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
