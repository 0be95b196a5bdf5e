"""Lambda reserved concurrency: a function-level cap a human chooses."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, int_param, set_attrs


def _capped(value: str) -> bool:
    return has_value(value) and value.strip() != "-1"


REWRITER = Rewriter(
    id="lambda_concurrency_limit",
    iac=TF,
    rule_ids=("CKV_AWS_115",),
    action="limit_lambda_concurrency",
    title="Reserve (cap) the function's concurrency",
    confidence=Level.low,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place): the function draws from the account's unreserved pool again."),
    verification=Verification(rules=("CKV_AWS_115",), provider_check="lambda_reserved_concurrency"),
    review_guidance=(
        "Invocations above the cap are throttled, and the reserved amount is taken from the account "
        "pool for every other function. Size it from the function's peak ConcurrentExecutions metric."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function",
    ),
    apply=set_attrs(
        Setting("reserved_concurrent_executions", int_param("reserved_concurrency"), accept=_capped),
    ),
    parameters=(Param(name="reserved_concurrency", description="the function's concurrency cap (whole number)"),),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
