"""Aurora MySQL backtracking (`backtrack_window`, seconds)."""

from __future__ import annotations

from bot.hcledit import EditRefused, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded, int_param

MYSQL = ("aurora", "aurora-mysql")


def _edit(ctx: RewriteContext, text: str) -> str:
    engine = locate(text, address(ctx)).attr("engine")
    value = engine.value.strip().strip('"') if engine is not None else "aurora"
    if value not in MYSQL:
        raise EditRefused(f"engine {value} does not support backtracking (Aurora MySQL only)")
    setting = Setting("backtrack_window", int_param("window_seconds"), accept=_positive)
    return apply_settings(ctx, text, (setting,))


def _positive(value: str) -> bool:
    v = value.strip()
    return v.isdigit() and int(v) > 0


REWRITER = Rewriter(
    id="rds_aurora_backtrack",
    iac=TF,
    rule_ids=("CKV_AWS_326",),
    action="enable_aurora_backtrack",
    title="Enable Aurora backtracking",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: backtrack_window 0 turns backtracking off (in place).",
    verification=Verification(rules=("CKV_AWS_326",), provider_check="rds_aurora_backtrack"),
    review_guidance=(
        "Only Aurora MySQL supports backtracking, and only clusters created (or restored/cloned) with"
        " it can change the window: on an older cluster the apply fails and a clone is needed. Change"
        " records are billed per million."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(
            name="window_seconds",
            description="how far back the cluster can rewind, in seconds (at most 259200 = 72 hours)",
            default="86400",
        ),
    ),
    resource_types=("aws_rds_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
