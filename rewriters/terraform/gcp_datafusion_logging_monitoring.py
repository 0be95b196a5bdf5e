"""Send the Data Fusion instance's logs and metrics to Cloud Logging and Monitoring (CKV_GCP_104, CKV_GCP_105)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_datafusion_logging_monitoring",
    iac=TF,
    rule_ids=("CKV_GCP_104", "CKV_GCP_105"),
    action="enable_datafusion_logging_monitoring",
    title="Send the Data Fusion instance's logs and metrics to Cloud Logging and Monitoring",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_GCP_104", "CKV_GCP_105"), provider_check="datafusion_logging_monitoring"),
    review_guidance=("Log and metric ingestion is billed by volume."),
    references=(
        "https://cloud.google.com/data-fusion/docs/how-to/viewing-stackdriver-logs",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/data_fusion_instance#enable_stackdriver_logging",
    ),
    apply=set_attrs(
        Setting("enable_stackdriver_logging", "true", accept=is_true),
        Setting("enable_stackdriver_monitoring", "true", accept=is_true),
    ),
    resource_types=("google_data_fusion_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
