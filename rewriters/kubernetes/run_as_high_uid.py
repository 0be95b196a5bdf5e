"""CKV_K8S_40: containers should run as a high UID (>= 10000) to avoid host UID clashes."""

from __future__ import annotations

from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import containers
from rewriters.base import Outcome, Param, RewriteContext, Skip
from rewriters.kubernetes._common import (
    PSS,
    SECURITY_CONTEXT,
    k8s_rewriter,
    on_pod_spec,
    rewrite,
    security_context,
    set_key,
    shown,
)

MINIMUM = 10000


def _uid(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _container_uids(spec: CommentedMap, uid: int) -> str | None:
    for container in containers(spec):
        context = container.get("securityContext")
        if not isinstance(context, dict) or "runAsUser" not in context:
            continue
        current = _uid(context["runAsUser"])
        if current == 0:
            return f"container {shown(container.get('name'))} sets runAsUser: 0 on purpose"
        if current is None or current < MINIMUM:
            context["runAsUser"] = uid
    return None


def _high_uid(uid: int) -> Callable[[CommentedMap], str | None]:
    def edit(spec: CommentedMap) -> str | None:
        if spec.get("hostUsers") is False:
            return None  # user namespaces remap UIDs already
        reason = _container_uids(spec, uid)
        if reason:
            return reason
        context = security_context(spec)
        if isinstance(context, str):
            return f"pod {context}"
        current = _uid(context.get("runAsUser", ""))
        if current == 0:
            return "the pod sets runAsUser: 0 on purpose"
        if current is None or current < MINIMUM:
            set_key(context, "runAsUser", uid)
        return None

    return edit


def apply(ctx: RewriteContext) -> Outcome:
    uid = _uid(ctx.params.get("run_as_user", ""))
    if uid is None or uid < MINIMUM:
        return Skip(
            reason=f"parameter run_as_user must be an integer >= {MINIMUM}", missing_parameters=("run_as_user",)
        )
    return rewrite(ctx, on_pod_spec(_high_uid(uid)))


REWRITER = k8s_rewriter(
    id="k8s_run_as_high_uid",
    rule_ids=("CKV_K8S_40", "KSV020", "AVD-KSV-0020"),
    action="set_high_run_as_user",
    title="Run the pod as a high UID (runAsUser >= 10000)",
    confidence=Level.medium,
    rollback_plan="Revert the commit to restore the previous runAsUser values.",
    provider_check="k8s_run_as_high_uid",
    review_guidance=(
        "CAN BREAK THE APP: files baked into the image or on volumes owned by the old UID become "
        "unwritable. Check the image's USER and writable paths; set fsGroup for volumes. Container "
        "UIDs below 10000 are raised to the same value; explicit root (0) is left for a human."
    ),
    references=(f"{PSS}#restricted", SECURITY_CONTEXT),
    apply=apply,
    parameters=(Param(name="run_as_user", description="UID to run as (>= 10000)", default="10001"),),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
