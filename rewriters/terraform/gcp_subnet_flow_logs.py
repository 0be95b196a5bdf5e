"""GCP subnet VPC flow logs."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, has_value, set_attrs

REWRITER = Rewriter(
    id="gcp_subnet_flow_logs",
    iac=TF,
    rule_ids=("CKV_GCP_26", "AVD-GCP-0029", "google-compute-enable-vpc-flow-logs"),
    action="enable_vpc_flow_logs",
    title="Enable VPC flow logs on the subnet",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_26",), provider_check="gcp_subnet_flow_logs"),
    review_guidance=(
        "Flow logs are billed by volume in Cloud Logging; the 10-minute aggregation and 50% sampling keep cost down."
    ),
    references=(
        "https://cloud.google.com/vpc/docs/flow-logs",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#log_config",
    ),
    apply=set_attrs(
        Setting("aggregation_interval", '"INTERVAL_10_MIN"', path=("log_config",), accept=has_value),
        Setting("flow_sampling", "0.5", path=("log_config",), accept=has_value),
        Setting("metadata", '"INCLUDE_ALL_METADATA"', path=("log_config",), accept=has_value),
    ),
    resource_types=("google_compute_subnetwork",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
