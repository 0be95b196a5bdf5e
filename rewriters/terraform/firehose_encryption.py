"""Kinesis Data Firehose delivery streams encrypted server-side."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="firehose_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_240",),
    action="enable_firehose_encryption",
    title="Encrypt the delivery stream",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_240",), provider_check="firehose_encryption"),
    review_guidance="Uses an AWS owned key unless key_type/key_arn are set; producers are unaffected.",
    references=(
        "https://docs.aws.amazon.com/firehose/latest/dev/encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_firehose_delivery_stream",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("server_side_encryption",), accept=is_true),
    ),
    resource_types=("aws_kinesis_firehose_delivery_stream",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
