"""S3 bucket events sent to Amazon EventBridge (`aws_s3_bucket_notification` with `eventbridge = true`).

EventBridge needs no destination to be chosen: events go to the account's default event bus,
where rules can pick them up later.
"""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.s3_common import ensure_sibling_resource

SIBLING = "aws_s3_bucket_notification"


def _edit(ctx: RewriteContext, text: str) -> str:
    # an existing notification configuration already satisfies the check: leave it as it is
    return ensure_sibling_resource(ctx, text, SIBLING, (("eventbridge", "true"),), ())


REWRITER = Rewriter(
    id="s3_event_notifications",
    iac=TF,
    rule_ids=("CKV2_AWS_62",),
    action="enable_s3_eventbridge_notifications",
    title="Send the bucket's events to EventBridge",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: the notification configuration is removed (in place).",
    verification=Verification(rules=("CKV2_AWS_62",), provider_check="s3_event_notifications"),
    review_guidance=(
        "A bucket has ONE notification configuration: if notifications were set up outside this Terraform "
        "(console, another stack), this resource replaces them. Check `aws s3api "
        "get-bucket-notification-configuration` first. Delivery of S3 events to the default bus is free."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_notification",
    ),
    apply=guarded(_edit),
    resource_types=("aws_s3_bucket",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
