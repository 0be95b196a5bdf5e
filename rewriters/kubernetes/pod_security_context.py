"""CKV_K8S_29: apply a security context to pods."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import PSS, SECURITY_CONTEXT, k8s_rewriter, on_pod_spec, rewrite
from rewriters.kubernetes.seccomp_runtime_default import set_runtime_default


def _ensure_context(spec: CommentedMap) -> str | None:
    if spec.get("securityContext"):
        return None  # any non-empty pod securityContext satisfies the rule
    return set_runtime_default(spec)


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_pod_spec(_ensure_context))


REWRITER = k8s_rewriter(
    id="k8s_pod_security_context",
    rule_ids=("CKV_K8S_29",),
    action="set_pod_security_context",
    title="Give pods a securityContext (seccomp RuntimeDefault)",
    confidence=Level.high,
    rollback_plan="Revert the commit, or remove the pod-level securityContext that was added.",
    provider_check="k8s_pod_security_context",
    review_guidance=(
        "Adds the least disruptive pod-level setting, seccompProfile RuntimeDefault, so the pod "
        "has an explicit security context. Ordinary applications are unaffected; consider the "
        "run-as-non-root fixes as a follow-up."
    ),
    references=(SECURITY_CONTEXT, f"{PSS}#restricted"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
