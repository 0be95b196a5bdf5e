"""OpenSearch / Elasticsearch endpoint: HTTPS only, TLS 1.2+."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, one_of, set_attrs

REWRITER = Rewriter(
    id="opensearch_enforce_https",
    iac=TF,
    rule_ids=(
        "CKV_AWS_83",
        "CKV_AWS_228",
        "AVD-AWS-0046",
        "AVD-AWS-0126",
        "aws-elastic-search-enforce-https",
        "aws-elastic-search-use-secure-tls-policy",
    ),
    action="enforce_search_https",
    title="Require HTTPS with TLS 1.2 on the search endpoint",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_83", "CKV_AWS_228"), provider_check="opensearch_https_only"),
    review_guidance=("Plain-HTTP and TLS 1.0/1.1 clients are refused afterwards; check old Logstash/Beats agents."),
    references=(
        "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#domain_endpoint_options",
    ),
    apply=set_attrs(
        Setting("enforce_https", "true", path=("domain_endpoint_options",), accept=is_true),
        Setting(
            "tls_security_policy",
            '"Policy-Min-TLS-1-2-2019-07"',
            path=("domain_endpoint_options",),
            accept=one_of("Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"),
        ),
    ),
    resource_types=("aws_elasticsearch_domain", "aws_opensearch_domain"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
