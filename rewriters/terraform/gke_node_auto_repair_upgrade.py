"""Enable automatic repair and upgrade of the node pool (CKV_GCP_9, CKV_GCP_10)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gke_node_auto_repair_upgrade",
    iac=TF,
    rule_ids=("CKV_GCP_9", "CKV_GCP_10"),
    action="enable_gke_node_auto_repair_upgrade",
    title="Enable automatic repair and upgrade of the node pool",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_9", "CKV_GCP_10"), provider_check="gke_node_pool_auto_repair_upgrade"),
    review_guidance=(
        "GKE recreates unhealthy nodes and upgrades node versions automatically; workloads need PodDisruptionBudgets."
    ),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#management",
    ),
    apply=set_attrs(
        Setting("auto_repair", "true", path=("management",), accept=is_true),
        Setting("auto_upgrade", "true", path=("management",), accept=is_true),
    ),
    resource_types=("google_container_node_pool",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
