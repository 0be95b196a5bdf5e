"""Enable intranode visibility on the GKE cluster (CKV_GCP_61)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gke_intranode_visibility",
    iac=TF,
    rule_ids=("CKV_GCP_61",),
    action="enable_gke_intranode_visibility",
    title="Enable intranode visibility on the GKE cluster",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_61",), provider_check="gke_intranode_visibility"),
    review_guidance=(
        "Pod-to-pod traffic on one node goes through the VPC and appears in flow logs; flow-log volume and cost grow."
    ),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_intranode_visibility",
    ),
    apply=set_attrs(
        Setting("enable_intranode_visibility", "true", accept=is_true),
    ),
    resource_types=("google_container_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
