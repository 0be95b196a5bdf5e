"""Lambda functions attached to the VPC subnets and security groups a human chose."""

from __future__ import annotations

from collections.abc import Callable

from bot.hcledit import EditRefused
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, hcl_value, param, set_attrs


def _list(name: str) -> Callable[[RewriteContext], str]:
    """A comma-separated parameter as an HCL list (references stay expressions, ids are quoted)."""

    def value(ctx: RewriteContext) -> str:
        items = [i.strip() for i in param(ctx, name).split(",") if i.strip()]
        if not items:
            raise EditRefused(f"parameter {name} lists nothing")
        return "[" + ", ".join(hcl_value(i) for i in items) + "]"

    return value


REWRITER = Rewriter(
    id="lambda_in_vpc",
    iac=TF,
    rule_ids=("CKV_AWS_117",),
    action="attach_lambda_to_vpc",
    title="Run the function inside the VPC",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the function leaves the VPC; its ENIs are released.",
    verification=Verification(rules=("CKV_AWS_117",), provider_check="lambda_in_vpc"),
    review_guidance=(
        "The execution role needs AWSLambdaVPCAccessExecutionRole (ENI permissions). Inside the VPC the "
        "function reaches the internet and AWS APIs only through a NAT gateway or VPC endpoints: calls to "
        "public endpoints time out otherwise. Use private subnets in at least two AZs."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#vpc_config",
    ),
    apply=set_attrs(
        Setting("subnet_ids", _list("subnet_ids"), path=("vpc_config",), accept=has_value),
        Setting("security_group_ids", _list("security_group_ids"), path=("vpc_config",), accept=has_value),
    ),
    parameters=(
        Param(name="subnet_ids", description="comma-separated private subnet ids or references"),
        Param(name="security_group_ids", description="comma-separated security group ids or references"),
    ),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
