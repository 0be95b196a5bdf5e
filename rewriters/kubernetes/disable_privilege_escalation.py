"""CKV_K8S_20: containers must set allowPrivilegeEscalation: false."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import (
    PSS,
    SECURITY_CONTEXT,
    k8s_rewriter,
    on_containers,
    rewrite,
    security_context,
    set_key,
)


def _conflict(context: CommentedMap) -> str | None:
    """Kubernetes rejects allowPrivilegeEscalation: false together with these."""
    if context.get("privileged"):
        return "runs privileged; allowPrivilegeEscalation: false would be rejected (fix privileged first)"
    capabilities = context.get("capabilities")
    added = capabilities.get("add") if isinstance(capabilities, dict) else None
    if isinstance(added, list) and any(str(cap).upper() in ("SYS_ADMIN", "CAP_SYS_ADMIN") for cap in added):
        return "adds CAP_SYS_ADMIN; allowPrivilegeEscalation: false would be rejected (drop it first)"
    return None


def _no_escalation(container: CommentedMap) -> str | None:
    context = security_context(container)
    if isinstance(context, str):
        return context
    conflict = _conflict(context)
    if conflict:
        return conflict
    set_key(context, "allowPrivilegeEscalation", False)
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_no_escalation))


REWRITER = k8s_rewriter(
    id="k8s_disable_privilege_escalation",
    rule_ids=("CKV_K8S_20", "KSV001", "AVD-KSV-0001", "5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d"),
    action="disable_privilege_escalation",
    title="Set allowPrivilegeEscalation: false on every container",
    confidence=Level.high,
    rollback_plan="Revert the commit, or remove `allowPrivilegeEscalation: false` from the containers.",
    provider_check="k8s_no_privilege_escalation",
    review_guidance=(
        "Blocks setuid/setgid binaries (sudo, su, ping on some images) from gaining privileges. "
        "Almost every application is unaffected; check the container does not rely on sudo or "
        "setuid helpers at runtime."
    ),
    references=(f"{PSS}#restricted", SECURITY_CONTEXT),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
