"""Redshift audit logging to CloudWatch Logs."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, set_attrs

REWRITER = Rewriter(
    id="redshift_logging",
    iac=TF,
    rule_ids=("CKV_AWS_71",),
    action="enable_redshift_audit_logging",
    title="Enable Redshift audit logging",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): audit logging stops.",
    verification=Verification(rules=("CKV_AWS_71",), provider_check="redshift_audit_logging"),
    review_guidance=(
        "Connection and user logs are exported to CloudWatch Logs (/aws/redshift/cluster/<name>/...),"
        " billed per GB. User activity logs also need enable_user_activity_logging in the parameter "
        "group."
    ),
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    ),
    apply=set_attrs(
        Setting("enable", "true", path=("logging",), accept=is_true),
        Setting("log_destination_type", '"cloudwatch"', path=("logging",), accept=has_value),
        Setting("log_exports", '["connectionlog", "userlog", "useractivitylog"]', path=("logging",), accept=has_value),
    ),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
