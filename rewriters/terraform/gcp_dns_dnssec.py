"""Enable DNSSEC on the Cloud DNS zone (CKV_GCP_16)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="gcp_dns_dnssec",
    iac=TF,
    rule_ids=("CKV_GCP_16",),
    action="enable_dnssec",
    title="Enable DNSSEC on the Cloud DNS zone",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=(
        "Revert the PR and apply; remove the DS record at the registrar first, or resolvers fail validation."
    ),
    verification=Verification(rules=("CKV_GCP_16",), provider_check="dns_dnssec_enabled"),
    review_guidance=(
        "After apply, publish the zone's DS record at the registrar for validation to start; a stale DS "
        "record later breaks resolution."
    ),
    references=(
        "https://cloud.google.com/dns/docs/dnssec-config",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dns_managed_zone#dnssec_config",
    ),
    apply=set_attrs(
        Setting("state", '"on"', path=("dnssec_config",), accept=one_of("on", "transfer")),
    ),
    resource_types=("google_dns_managed_zone",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
