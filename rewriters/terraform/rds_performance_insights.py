"""RDS Performance Insights, encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="rds_performance_insights",
    iac=TF,
    rule_ids=("CKV_AWS_353", "CKV_AWS_354"),
    action="enable_rds_performance_insights",
    title="Enable Performance Insights encrypted with a KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): Performance Insights data is no longer collected.",
    verification=Verification(rules=("CKV_AWS_353", "CKV_AWS_354"), provider_check="rds_performance_insights"),
    review_guidance=(
        "The KMS key is fixed once Performance Insights is on (changing it later needs turning it "
        "off). 7 days of retention are free; some small MySQL/MariaDB classes do not support it."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.Enabling.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("performance_insights_enabled", "true", accept=is_true),
        Setting("performance_insights_kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(
        Param(name="kms_key_arn", description="ARN or reference of the KMS key encrypting Performance Insights data"),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster_instance"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
