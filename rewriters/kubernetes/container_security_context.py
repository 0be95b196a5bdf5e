"""CKV_K8S_30: apply a security context to containers."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import unflow
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import PSS, SECURITY_CONTEXT, k8s_rewriter, on_containers, rewrite


def _ensure_context(container: CommentedMap) -> str | None:
    if container.get("securityContext"):
        return None  # any non-empty container securityContext satisfies the rule
    if container.get("securityContext") is not None and not isinstance(container["securityContext"], dict):
        return "securityContext is not a mapping"
    context = CommentedMap()
    context["allowPrivilegeEscalation"] = False
    if "securityContext" not in container:
        unflow(container, nested=True)
    container["securityContext"] = context
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_ensure_context))


REWRITER = k8s_rewriter(
    id="k8s_container_security_context",
    rule_ids=("CKV_K8S_30",),
    action="set_container_security_context",
    title="Give containers a securityContext (allowPrivilegeEscalation: false)",
    confidence=Level.high,
    rollback_plan="Revert the commit, or remove the container securityContext that was added.",
    provider_check="k8s_container_security_context",
    review_guidance=(
        "Containers without a securityContext get the least disruptive explicit setting, "
        "allowPrivilegeEscalation: false (blocks setuid binaries such as sudo from gaining "
        "privileges). Containers that already have a securityContext are left alone."
    ),
    references=(SECURITY_CONTEXT, f"{PSS}#restricted"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
