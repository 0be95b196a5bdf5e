"""OpenSearch / Elasticsearch domain encryption at rest."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="opensearch_encrypt_at_rest",
    iac=TF,
    rule_ids=("CKV_AWS_5", "AVD-AWS-0048", "aws-elastic-search-enable-domain-encryption"),
    action="enable_search_encryption_at_rest",
    title="Encrypt the search domain at rest",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "Encryption at rest cannot be disabled once on; restore from a snapshot into a new domain if needed."
    ),
    verification=Verification(rules=("CKV_AWS_5",), provider_check="opensearch_encrypted_at_rest"),
    review_guidance=(
        "On older engine versions enabling it replaces the domain (data loss without a snapshot). "
        "Take a manual snapshot and check the plan output before applying."
    ),
    references=(
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#encrypt_at_rest",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("encrypt_at_rest",), accept=is_true),
    ),
    resource_types=("aws_elasticsearch_domain", "aws_opensearch_domain"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
