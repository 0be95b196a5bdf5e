"""OpenSearch domain logs published to a CloudWatch log group a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="opensearch_logging",
    iac=TF,
    rule_ids=("CKV_AWS_84", "AVD-AWS-0042", "aws-elastic-search-enable-domain-logging"),
    action="enable_opensearch_logging",
    title="Publish OpenSearch logs to CloudWatch",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_84",), provider_check="opensearch_logging"),
    review_guidance=(
        "The log group needs a resource policy (aws_cloudwatch_log_resource_policy) allowing "
        "es.amazonaws.com to write, or the update fails."
    ),
    references=(
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain",
    ),
    apply=set_attrs(
        Setting(
            "cloudwatch_log_group_arn", param_value("log_group_arn"), path=("log_publishing_options",), accept=has_value
        ),
        Setting("log_type", '"INDEX_SLOW_LOGS"', path=("log_publishing_options",), accept=has_value),
        Setting("enabled", "true", path=("log_publishing_options",), accept=is_true),
    ),
    parameters=(Param(name="log_group_arn", description="ARN or reference of the CloudWatch log group"),),
    resource_types=("aws_opensearch_domain", "aws_elasticsearch_domain"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
