"""Secrets Manager secrets rotated at least every 90 days by the rotation function a human chose.

A secret without rotation gets an `aws_secretsmanager_secret_rotation` next to it; an existing
rotation with a longer (or no) interval gets `automatically_after_days` within 90.
"""

from __future__ import annotations

from bot.hcledit import BlockSpec, EditRefused, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.attach_common import add_attached, attached, own_ref
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded, int_param, param_value

ROTATION = "aws_secretsmanager_secret_rotation"


def _within_90(value: str) -> bool:
    v = value.strip()
    return v.isdigit() and 0 < int(v) <= 90


def _days(ctx: RewriteContext) -> str:
    days = int_param("rotation_days")(ctx)
    if not _within_90(days):
        raise EditRefused(f"parameter rotation_days must be 1-90, got {days}")
    return days


def _edit(ctx: RewriteContext, text: str) -> str:
    if ctx.resource.type == ROTATION:
        rules = locate(text, address(ctx)).child("rotation_rules")
        if rules is not None and rules.attr("schedule_expression") is not None:
            raise EditRefused("the rotation uses schedule_expression; set a schedule within 90 days by hand")
        setting = Setting("automatically_after_days", _days(ctx), path=("rotation_rules",), accept=_within_90)
        return apply_settings(ctx, text, (setting,))
    if attached(ctx, text, ROTATION, "secret_id", own_ref(ctx, "id")) is not None:
        return text
    lambda_arn = param_value("rotation_lambda_arn")(ctx)
    schedule = BlockSpec("rotation_rules", items=(("automatically_after_days", _days(ctx)),))
    items = (("rotation_lambda_arn", lambda_arn), schedule)
    return add_attached(ctx, text, ROTATION, ("secret_id", own_ref(ctx, "id")), items)


REWRITER = Rewriter(
    id="secretsmanager_rotation",
    iac=TF,
    rule_ids=("CKV2_AWS_57", "CKV_AWS_304"),
    action="enable_secret_rotation",
    title="Rotate the secret at least every 90 days",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply: rotation stops; the current secret value stays valid.",
    verification=Verification(rules=("CKV2_AWS_57", "CKV_AWS_304"), provider_check="secretsmanager_rotation"),
    review_guidance=(
        "Rotation starts immediately after apply: the rotation function must already handle this secret's "
        "format (AWS templates exist for RDS, Redshift, DocumentDB) and be allowed to call Secrets Manager and "
        "the database. Consumers must read the secret at connection time, not cache it at start-up."
    ),
    references=(
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_rotation",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(name="rotation_lambda_arn", description="ARN or reference of the rotation Lambda function"),
        Param(name="rotation_days", description="days between rotations (at most 90)", default="30"),
    ),
    resource_types=("aws_secretsmanager_secret", ROTATION),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
