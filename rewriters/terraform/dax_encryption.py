"""DAX clusters encrypted at rest."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="dax_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_47",),
    action="enable_dax_encryption",
    title="Encrypt the DAX cluster at rest",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: the cluster is replaced again (the cache refills).",
    verification=Verification(rules=("CKV_AWS_47",), provider_check="dax_encryption"),
    review_guidance="server_side_encryption forces a NEW cluster: the cache starts cold and the endpoint changes.",
    references=(
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dax_cluster",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("server_side_encryption",), accept=is_true),
    ),
    resource_types=("aws_dax_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
