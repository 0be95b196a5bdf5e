"""RDS Enhanced Monitoring: an OS-metrics interval and the role that publishes them."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, int_param, one_of, param_value, set_attrs

REWRITER = Rewriter(
    id="rds_enhanced_monitoring",
    iac=TF,
    rule_ids=("CKV_AWS_118",),
    action="enable_rds_enhanced_monitoring",
    title="Enable RDS Enhanced Monitoring",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): OS metrics stop; the monitoring role can stay.",
    verification=Verification(rules=("CKV_AWS_118",), provider_check="rds_enhanced_monitoring"),
    review_guidance=(
        "Needs an IAM role trusted by monitoring.rds.amazonaws.com with "
        "AmazonRDSEnhancedMonitoringRole attached (monitoring_role_arn). Metrics are billed as "
        "CloudWatch Logs ingestion."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("monitoring_interval", int_param("interval_seconds"), accept=one_of("1", "5", "10", "15", "30", "60")),
        Setting("monitoring_role_arn", param_value("monitoring_role_arn"), accept=has_value),
    ),
    parameters=(
        Param(
            name="monitoring_role_arn",
            description="ARN or reference of the IAM role RDS uses to publish Enhanced Monitoring metrics",
        ),
        Param(
            name="interval_seconds", description="seconds between metric samples: 1, 5, 10, 15, 30 or 60", default="60"
        ),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster_instance"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
