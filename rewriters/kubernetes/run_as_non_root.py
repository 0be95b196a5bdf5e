"""CKV_K8S_23: pods must not run as root (runAsNonRoot: true)."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import containers
from rewriters.base import Outcome, RewriteContext
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


def _explicit_root(spec: CommentedMap) -> str | None:
    owners = [("the pod", spec), *((f"container {shown(c.get('name'))}", c) for c in containers(spec))]
    for label, owner in owners:
        context = owner.get("securityContext")
        if isinstance(context, dict) and str(context.get("runAsUser")) == "0":
            return f"{label} sets runAsUser: 0 on purpose; choose a non-root UID by hand"
    return None


def _non_root(spec: CommentedMap) -> str | None:
    reason = _explicit_root(spec)
    if reason:
        return reason
    context = security_context(spec)
    if isinstance(context, str):
        return f"pod {context}"
    set_key(context, "runAsNonRoot", True)
    for container in containers(spec):
        own = container.get("securityContext")
        if isinstance(own, dict) and own.get("runAsNonRoot") is False:
            own["runAsNonRoot"] = True
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_pod_spec(_non_root))


REWRITER = k8s_rewriter(
    id="k8s_run_as_non_root",
    rule_ids=("CKV_K8S_23", "KSV012", "AVD-KSV-0012"),
    action="run_as_non_root",
    title="Set runAsNonRoot: true in the pod securityContext",
    confidence=Level.medium,
    rollback_plan="Revert the commit, or remove `runAsNonRoot: true` from the pod securityContext.",
    provider_check="k8s_run_as_non_root",
    review_guidance=(
        "CAN BREAK THE APP: the kubelet refuses to start a container whose image runs as root "
        "(USER 0 or no USER) unless a non-zero runAsUser is set. Check every image's USER, or "
        "merge together with the high-UID fix (k8s_run_as_high_uid); also check file ownership "
        "of volumes the app writes to (set fsGroup if needed)."
    ),
    references=(f"{PSS}#restricted", SECURITY_CONTEXT),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
