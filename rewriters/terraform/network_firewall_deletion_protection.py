"""Network Firewall firewalls protected from deletion."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="network_firewall_deletion_protection",
    iac=TF,
    rule_ids=("CKV_AWS_344",),
    action="enable_firewall_deletion_protection",
    title="Protect the firewall from deletion",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_344",), provider_check="network_firewall_deletion_protection"),
    review_guidance="Deleting or replacing the firewall then needs protection turned off first.",
    references=(
        "https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-deleting.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/networkfirewall_firewall",
    ),
    apply=set_attrs(
        Setting("delete_protection", "true", accept=is_true),
    ),
    resource_types=("aws_networkfirewall_firewall",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
