"""Enrol the GKE cluster in the REGULAR release channel (CKV_GCP_70)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="gke_release_channel",
    iac=TF,
    rule_ids=("CKV_GCP_70",),
    action="set_gke_release_channel",
    title="Enrol the GKE cluster in the REGULAR release channel",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); the cluster keeps its current version."),
    verification=Verification(rules=("CKV_GCP_70",), provider_check="gke_release_channel"),
    review_guidance=(
        "GKE then upgrades the control plane and nodes automatically within maintenance windows; set one if "
        "upgrades must be scheduled."
    ),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#release_channel",
    ),
    apply=set_attrs(
        Setting(
            "channel", '"REGULAR"', path=("release_channel",), accept=one_of("RAPID", "REGULAR", "STABLE", "EXTENDED")
        ),
    ),
    resource_types=("google_container_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
