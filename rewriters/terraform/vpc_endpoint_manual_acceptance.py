"""VPC endpoint services accept connections only after approval."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="vpc_endpoint_manual_acceptance",
    iac=TF,
    rule_ids=("CKV_AWS_123",),
    action="require_endpoint_acceptance",
    title="Require manual acceptance of endpoint connections",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place): new connection requests are accepted automatically again."),
    verification=Verification(rules=("CKV_AWS_123",), provider_check="vpc_endpoint_service_acceptance"),
    review_guidance=(
        "Existing connections stay; new consumers wait until the service owner accepts them (console,"
        " CLI or aws_vpc_endpoint_connection_accepter)."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_endpoint_service",
    ),
    apply=set_attrs(
        Setting("acceptance_required", "true", accept=is_true),
    ),
    resource_types=("aws_vpc_endpoint_service",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
