"""DAX cluster endpoints require TLS."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="dax_endpoint_tls",
    iac=TF,
    rule_ids=("CKV_AWS_239",),
    action="require_dax_tls",
    title="Require TLS on the DAX endpoint",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: the cluster is replaced again.",
    verification=Verification(rules=("CKV_AWS_239",), provider_check="dax_endpoint_tls"),
    review_guidance=(
        "cluster_endpoint_encryption_type forces a NEW cluster (cold cache, new endpoint); clients "
        "must connect with daxs:// and a TLS-capable DAX SDK."
    ),
    references=(
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster",
    ),
    apply=set_attrs(
        Setting("cluster_endpoint_encryption_type", '"TLS"'),
    ),
    resource_types=("aws_dax_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
