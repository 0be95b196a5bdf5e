"""OpenSearch / Elasticsearch node-to-node encryption."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="opensearch_node_to_node",
    iac=TF,
    rule_ids=("CKV_AWS_6", "AVD-AWS-0043", "aws-elastic-search-enable-in-transit-encryption"),
    action="enable_search_node_encryption",
    title="Encrypt traffic between search nodes",
    confidence=Level.low,
    reversible=False,
    rollback_plan=(
        "Node-to-node encryption cannot be disabled once on; restore from a snapshot into a new domain if needed."
    ),
    verification=Verification(rules=("CKV_AWS_6",), provider_check="opensearch_node_to_node"),
    review_guidance=("On older engine versions this replaces the domain; snapshot first and read the plan."),
    references=(
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#node_to_node_encryption",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("node_to_node_encryption",), accept=is_true),
    ),
    resource_types=("aws_elasticsearch_domain", "aws_opensearch_domain"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
