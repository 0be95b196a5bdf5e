"""OpenSearch domains encrypted at rest with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="opensearch_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_247",),
    action="encrypt_opensearch_with_cmk",
    title="Encrypt the domain with a customer managed KMS key",
    confidence=Level.low,
    reversible=False,
    rollback_plan="Restore from a snapshot into a domain without the key; the key cannot be removed in place.",
    verification=Verification(rules=("CKV_AWS_247",), provider_check="opensearch_kms"),
    review_guidance=(
        "kms_key_id forces a NEW domain on existing domains: take a manual snapshot and plan the reindex/restore first."
    ),
    references=(
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("encrypt_at_rest",), accept=is_true),
        Setting("kms_key_id", param_value("kms_key_arn"), path=("encrypt_at_rest",), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_opensearch_domain", "aws_elasticsearch_domain"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
