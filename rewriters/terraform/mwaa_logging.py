"""MWAA environments send scheduler, worker and webserver logs to CloudWatch."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, set_attrs

REWRITER = Rewriter(
    id="mwaa_logging",
    iac=TF,
    rule_ids=("CKV_AWS_242", "CKV_AWS_243", "CKV_AWS_244"),
    action="enable_mwaa_logging",
    title="Enable Airflow scheduler, worker and webserver logs",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place; the environment updates for a while).",
    verification=Verification(rules=("CKV_AWS_242", "CKV_AWS_243", "CKV_AWS_244"), provider_check="mwaa_logging"),
    review_guidance=(
        "Log groups airflow-<env>-* are created and billed per GB; the environment update takes 20-30 minutes."
    ),
    references=(
        "https://docs.aws.amazon.com/mwaa/latest/userguide/monitoring-airflow.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("logging_configuration", "scheduler_logs"), accept=is_true),
        Setting("log_level", '"INFO"', path=("logging_configuration", "scheduler_logs"), accept=has_value),
        Setting("enabled", "true", path=("logging_configuration", "worker_logs"), accept=is_true),
        Setting("log_level", '"INFO"', path=("logging_configuration", "worker_logs"), accept=has_value),
        Setting("enabled", "true", path=("logging_configuration", "webserver_logs"), accept=is_true),
        Setting("log_level", '"INFO"', path=("logging_configuration", "webserver_logs"), accept=has_value),
    ),
    resource_types=("aws_mwaa_environment",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
