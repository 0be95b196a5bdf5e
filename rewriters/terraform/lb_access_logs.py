"""Load balancer access logs delivered to an S3 bucket a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="lb_access_logs",
    iac=TF,
    rule_ids=("CKV_AWS_91", "CKV_AWS_92"),
    action="enable_lb_access_logs",
    title="Enable load balancer access logs",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): logging stops; delivered logs stay in the bucket.",
    verification=Verification(rules=("CKV_AWS_91", "CKV_AWS_92"), provider_check="lb_access_logs"),
    review_guidance=(
        "The bucket policy must allow the regional ELB account (or "
        "logdelivery.elasticloadbalancing.amazonaws.com) to write, and the bucket must use SSE-S3; "
        "otherwise the apply fails with Access Denied."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb",
    ),
    apply=set_attrs(
        Setting("bucket", param_value("log_bucket"), path=("access_logs",), accept=has_value),
        Setting("enabled", "true", path=("access_logs",), accept=is_true),
    ),
    parameters=(
        Param(
            name="log_bucket",
            description="name or reference of the S3 bucket receiving the logs (e.g. aws_s3_bucket.lb_logs.id)",
        ),
    ),
    resource_types=("aws_lb", "aws_alb", "aws_elb"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
