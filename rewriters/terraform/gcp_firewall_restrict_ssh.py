"""VPC firewall rules: SSH (port 22) open to the internet → the admin CIDR from `.fixbot.yml`."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.net_common import restrict_network_port

REWRITER = Rewriter(
    id="gcp_firewall_restrict_ssh",
    iac=TF,
    rule_ids=("CKV_GCP_2",),
    action="restrict_ssh_ingress_gcp",
    title="Restrict SSH (port 22) in VPC firewall rules to the admin network",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: port 22 is open to the internet again.",
    verification=Verification(rules=("CKV_GCP_2",), provider_check="gcp_no_public_port_22"),
    review_guidance="The internet-wide source_ranges becomes the admin CIDR: anyone else loses SSH access "
    "(CI runners, vendors). Prefer IAP TCP forwarding over exposing SSH at all. "
    "Other ports in the same rule lose internet access too: "
    "split the rule first if they must stay public.",
    references=(
        "https://cloud.google.com/firewall/docs/firewalls",
        "https://cloud.google.com/iap/docs/using-tcp-forwarding",
    ),
    apply=guarded(restrict_network_port(22)),
    parameters=(Param(name="admin_cidr", description="CIDR allowed to reach SSH, e.g. 10.20.0.0/16"),),
    resource_types=("google_compute_firewall",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
