"""MemoryDB clusters encrypt traffic in transit."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="memorydb_tls",
    iac=TF,
    rule_ids=("CKV_AWS_202",),
    action="require_memorydb_tls",
    title="Require TLS on the MemoryDB cluster",
    confidence=Level.low,
    reversible=False,
    rollback_plan="Revert the PR and apply: the cluster is replaced again.",
    verification=Verification(rules=("CKV_AWS_202",), provider_check="memorydb_tls"),
    review_guidance="tls_enabled forces a NEW cluster (restore from a snapshot); clients must connect with TLS.",
    references=(
        "https://docs.aws.amazon.com/memorydb/latest/devguide/in-transit-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/memorydb_cluster",
    ),
    apply=set_attrs(
        Setting("tls_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_memorydb_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
