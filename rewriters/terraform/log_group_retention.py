"""CloudWatch log groups keep logs for a set time (365 days by default)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, at_least, int_param, set_attrs


def _kept(value: str) -> bool:
    """0 means never expire (compliant, and longer than any retention this fix would set)."""
    return value.strip() == "0" or at_least(365)(value)


REWRITER = Rewriter(
    id="log_group_retention",
    iac=TF,
    rule_ids=("CKV_AWS_338", "CKV_AWS_66"),
    action="set_log_retention",
    title="Set CloudWatch log retention",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply: logs are kept as before from then on; logs already expired are gone."),
    verification=Verification(rules=("CKV_AWS_338", "CKV_AWS_66"), provider_check="log_group_retention"),
    review_guidance=(
        "Logs older than the retention are deleted by AWS. Check legal/audit retention "
        "requirements; 0 (never expire) is left unchanged."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group",
    ),
    apply=set_attrs(
        Setting("retention_in_days", int_param("retention_days"), accept=_kept),
    ),
    parameters=(
        Param(
            name="retention_days",
            description="days to keep logs (CloudWatch accepts 365, 400, 545, 731, 1827, 3653...)",
            default="365",
        ),
    ),
    resource_types=("aws_cloudwatch_log_group",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=False, restart=False),
)
