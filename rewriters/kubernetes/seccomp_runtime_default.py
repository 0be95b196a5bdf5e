"""CKV_K8S_31: pods should use the RuntimeDefault seccomp profile."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import child_map, containers
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import PSS, k8s_rewriter, on_pod_spec, rewrite, security_context, set_key, shown

SECCOMP = "https://kubernetes.io/docs/tutorials/security/seccomp/"


def _profile_type(owner: CommentedMap) -> object:
    context = owner.get("securityContext")
    profile = context.get("seccompProfile") if isinstance(context, dict) else None
    return profile.get("type") if isinstance(profile, dict) else None


def set_runtime_default(spec: CommentedMap) -> str | None:
    """Pod-level seccompProfile RuntimeDefault; deliberate Localhost/Unconfined choices refused."""
    if _profile_type(spec) == "Localhost":
        return "the pod uses a Localhost seccomp profile (stricter than RuntimeDefault); leave it"
    for container in containers(spec):
        if _profile_type(container) not in (None, "RuntimeDefault"):
            return f"container {shown(container.get('name'))} sets its own seccomp profile; review by hand"
    context = security_context(spec)
    if isinstance(context, str):
        return f"pod {context}"
    profile = child_map(context, "seccompProfile")
    if profile is None:
        return "pod securityContext.seccompProfile is not a mapping"
    set_key(profile, "type", "RuntimeDefault")
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_pod_spec(set_runtime_default))


REWRITER = k8s_rewriter(
    id="k8s_seccomp_runtime_default",
    rule_ids=("CKV_K8S_31", "KSV030", "AVD-KSV-0030", "KSV104", "AVD-KSV-0104", "f377b83e-bd07-4f48-a591-60c82b14a78b"),
    action="set_seccomp_profile",
    title="Set the pod seccomp profile to RuntimeDefault",
    confidence=Level.high,
    rollback_plan="Revert the commit, or remove securityContext.seccompProfile from the pod spec.",
    provider_check="k8s_seccomp_runtime_default",
    review_guidance=(
        "RuntimeDefault blocks rarely used, dangerous syscalls (kernel module loading, "
        "keyctl, ptrace on some runtimes). Ordinary applications are unaffected; debuggers, "
        "profilers and some JIT sandboxes may need a custom profile."
    ),
    references=(SECCOMP, f"{PSS}#restricted"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
