"""GCP subnets reach Google APIs privately."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_subnet_private_google_access",
    iac=TF,
    rule_ids=("CKV_GCP_74",),
    action="enable_private_google_access",
    title="Enable Private Google Access on the subnet",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_74",), provider_check="gcp_subnet_private_google_access"),
    review_guidance=("Lets VMs without external IPs reach Google APIs; no effect on VMs with external IPs."),
    references=(
        "https://cloud.google.com/vpc/docs/private-google-access",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#private_ip_google_access",
    ),
    apply=set_attrs(
        Setting("private_ip_google_access", "true", accept=is_true),
    ),
    resource_types=("google_compute_subnetwork",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
