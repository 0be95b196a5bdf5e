"""Enable Shielded GKE nodes (CKV_GCP_71)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gke_shielded_nodes",
    iac=TF,
    rule_ids=("CKV_GCP_71",),
    action="enable_gke_shielded_nodes",
    title="Enable Shielded GKE nodes",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply; nodes are recreated again."),
    verification=Verification(rules=("CKV_GCP_71",), provider_check="gke_shielded_nodes"),
    review_guidance=("Nodes are recreated (rolling) to become shielded; plan for the disruption."),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_shielded_nodes",
    ),
    apply=set_attrs(
        Setting("enable_shielded_nodes", "true", accept=is_true),
    ),
    resource_types=("google_container_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
