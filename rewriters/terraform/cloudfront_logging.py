"""CloudFront standard access logs to the S3 bucket a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="cloudfront_logging",
    iac=TF,
    rule_ids=("CKV_AWS_86", "AVD-AWS-0010", "aws-cloudfront-enable-logging"),
    action="enable_cloudfront_logging",
    title="Enable CloudFront access logs",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): logging stops; delivered logs stay.",
    verification=Verification(rules=("CKV_AWS_86",), provider_check="cloudfront_logging"),
    review_guidance=(
        "The bucket must have ACLs enabled (ObjectWriter/BucketOwnerPreferred) so CloudFront's "
        "log-delivery account can write; logs are billed as S3 storage."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution",
    ),
    apply=set_attrs(
        Setting("bucket", param_value("log_bucket_domain"), path=("logging_config",), accept=has_value),
    ),
    parameters=(
        Param(
            name="log_bucket_domain",
            description="bucket domain name or reference, e.g. aws_s3_bucket.cf_logs.bucket_domain_name",
        ),
    ),
    resource_types=("aws_cloudfront_distribution",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
