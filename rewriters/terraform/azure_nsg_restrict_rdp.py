"""NSG rules: RDP (port 3389) open to the internet → the admin CIDR from `.fixbot.yml`."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.net_common import restrict_network_port

REWRITER = Rewriter(
    id="azure_nsg_restrict_rdp",
    iac=TF,
    rule_ids=("CKV_AZURE_9",),
    action="restrict_rdp_ingress_azure",
    title="Restrict RDP (port 3389) in NSG rules to the admin network",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: port 3389 is open to the internet again.",
    verification=Verification(rules=("CKV_AZURE_9",), provider_check="azure_no_public_port_3389"),
    review_guidance="The internet-wide source_address_prefix becomes the admin CIDR: anyone else loses RDP access "
    "(CI runners, vendors). Prefer Azure Bastion or just-in-time VM access over exposing RDP at all. "
    "Other ports in the same rule lose internet access too: "
    "split the rule first if they must stay public.",
    references=(
        "https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview",
        "https://learn.microsoft.com/azure/bastion/bastion-overview",
    ),
    apply=guarded(restrict_network_port(3389)),
    parameters=(Param(name="admin_cidr", description="CIDR allowed to reach RDP, e.g. 10.20.0.0/16"),),
    resource_types=("azurerm_network_security_rule", "azurerm_network_security_group"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
