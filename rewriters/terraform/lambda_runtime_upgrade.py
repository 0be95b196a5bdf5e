"""Lambda functions on a deprecated runtime → the supported successor of the same language."""

from __future__ import annotations

from bot.hcledit import EditRefused, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded

SUCCESSOR: dict[str, str] = {
    **dict.fromkeys(("python2.7", "python3.6", "python3.7", "python3.8", "python3.9"), "python3.12"),
    **dict.fromkeys(
        ("nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x"), "nodejs20.x"
    ),
    **dict.fromkeys(("nodejs14.x", "nodejs16.x"), "nodejs20.x"),
    **dict.fromkeys(("dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0"), "dotnet8"),
    **dict.fromkeys(("dotnet6", "dotnet7"), "dotnet8"),
    **dict.fromkeys(("ruby2.5", "ruby2.7"), "ruby3.3"),
    "java8": "java8.al2",
}
NEEDS_REPACKAGING = {"go1.x": "provided.al2023 with a binary named bootstrap", "provided": "provided.al2023"}


def _successor(current: str) -> str:
    if current in NEEDS_REPACKAGING:
        raise EditRefused(f"runtime {current} needs the package rebuilt for {NEEDS_REPACKAGING[current]}; a human must")
    if current not in SUCCESSOR:
        raise EditRefused(f"runtime {current or '(unset)'} has no known successor; choose one by hand")
    return f'"{SUCCESSOR[current]}"'


def _supported(value: str) -> bool:
    v = value.strip().strip('"')
    return v not in SUCCESSOR and v not in NEEDS_REPACKAGING


def _edit(ctx: RewriteContext, text: str) -> str:
    attr = locate(text, address(ctx)).attr("runtime")
    current = attr.value.strip().strip('"') if attr is not None else ""
    if attr is not None and _supported(attr.value):
        return text
    return apply_settings(ctx, text, (Setting("runtime", _successor(current)),))


REWRITER = Rewriter(
    id="lambda_runtime_upgrade",
    iac=TF,
    rule_ids=("CKV_AWS_363",),
    action="upgrade_lambda_runtime",
    title="Move the function to a supported runtime",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: the function runs on the old runtime again (while AWS still allows it).",
    verification=Verification(rules=("CKV_AWS_363",), provider_check="lambda_runtime_supported"),
    review_guidance=(
        "A new major language version can break the code or its native dependencies (e.g. Python 3.12 "
        "removed distutils/asynchat, Node 18+ ships AWS SDK v3 only). Run the function's tests on the new "
        "runtime and rebuild layers before merging."
    ),
    references=(
        "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#runtime",
    ),
    apply=guarded(_edit),
    resource_types=("aws_lambda_function",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
