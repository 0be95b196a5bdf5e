"""SQS server-side encryption (SQS-managed keys unless a KMS key is set)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="sqs_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_27", "AVD-AWS-0096", "aws-sqs-enable-queue-encryption"),
    action="enable_sqs_encryption",
    title="Encrypt the SQS queue",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_27",), provider_check="sqs_encrypted"),
    review_guidance=(
        "SSE-SQS is transparent to producers and consumers and free; a queue that already names a "
        "KMS key is left alone."
    ),
    references=(
        "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue",
    ),
    apply=set_attrs(
        Setting("sqs_managed_sse_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_sqs_queue",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
