"""Kinesis data streams encrypted server-side with KMS."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="kinesis_stream_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_43",),
    action="enable_kinesis_encryption",
    title="Encrypt the stream with KMS",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): new records are stored unencrypted.",
    verification=Verification(rules=("CKV_AWS_43",), provider_check="kinesis_stream_encryption"),
    review_guidance=(
        "Producers and consumers need kms:GenerateDataKey / kms:Decrypt on a customer managed key "
        "(not needed for the default alias/aws/kinesis). Enabling is in place."
    ),
    references=(
        "https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kinesis_stream",
    ),
    apply=set_attrs(
        Setting("encryption_type", '"KMS"'),
        Setting("kms_key_id", param_value("kms_key"), accept=has_value),
    ),
    parameters=(
        Param(
            name="kms_key",
            description="KMS key id, ARN or alias (a customer managed key is better than the default)",
            default="alias/aws/kinesis",
        ),
    ),
    resource_types=("aws_kinesis_stream",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
