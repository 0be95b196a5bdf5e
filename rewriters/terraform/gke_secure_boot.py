"""Enable Secure Boot on the node pool's shielded nodes (CKV_GCP_68)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gke_secure_boot",
    iac=TF,
    rule_ids=("CKV_GCP_68",),
    action="enable_gke_secure_boot",
    title="Enable Secure Boot on the node pool's shielded nodes",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply; the node pool is recreated again."),
    verification=Verification(rules=("CKV_GCP_68",), provider_check="gke_secure_boot"),
    review_guidance=(
        "The node pool is recreated; nodes using unsigned kernel modules (some GPU or security agents) fail to boot."
    ),
    references=(
        "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#enable_secure_boot",
    ),
    apply=set_attrs(
        Setting("enable_secure_boot", "true", path=("node_config", "shielded_instance_config"), accept=is_true),
        Setting(
            "enable_integrity_monitoring", "true", path=("node_config", "shielded_instance_config"), accept=is_true
        ),
    ),
    resource_types=("google_container_node_pool",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
