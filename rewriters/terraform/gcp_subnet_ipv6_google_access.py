"""Enable Private Google Access over IPv6 on the subnet (CKV_GCP_76)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="gcp_subnet_ipv6_google_access",
    iac=TF,
    rule_ids=("CKV_GCP_76",),
    action="enable_subnet_ipv6_private_google_access",
    title="Enable Private Google Access over IPv6 on the subnet",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_76",), provider_check="subnet_ipv6_private_google_access"),
    review_guidance=("VMs without external IPv6 addresses can reach Google APIs over IPv6; nothing else changes."),
    references=(
        "https://cloud.google.com/vpc/docs/configure-private-google-access",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#private_ipv6_google_access",
    ),
    apply=set_attrs(
        Setting(
            "private_ipv6_google_access",
            '"ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE"',
            accept=one_of("ENABLE_OUTBOUND_VM_ACCESS_TO_GOOGLE", "ENABLE_BIDIRECTIONAL_ACCESS_TO_GOOGLE"),
        ),
    ),
    resource_types=("google_compute_subnetwork",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
