"""Run the Dataflow job's workers on private IPs only (CKV_GCP_94)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="gcp_dataflow_private_workers",
    iac=TF,
    rule_ids=("CKV_GCP_94",),
    action="make_dataflow_workers_private",
    title="Run the Dataflow job's workers on private IPs only",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply; the job is relaunched."),
    verification=Verification(rules=("CKV_GCP_94",), provider_check="dataflow_private_workers"),
    review_guidance=(
        "The job is relaunched; the subnet needs Private Google Access, and internet egress needs Cloud NAT."
    ),
    references=(
        "https://cloud.google.com/dataflow/docs/guides/routes-firewall#turn_off_external_ip_address",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataflow_job#ip_configuration",
    ),
    apply=set_attrs(
        Setting("ip_configuration", '"WORKER_IP_PRIVATE"', accept=one_of("WORKER_IP_PRIVATE")),
    ),
    resource_types=("google_dataflow_job",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
