"""CKV_K8S_41: the `default` ServiceAccount should not automount its token."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import dig
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import k8s_rewriter, rewrite, set_key


def _no_automount(doc: CommentedMap) -> str | None:
    if doc.get("kind") != "ServiceAccount" or dig(doc, ("metadata", "name")) != "default":
        return "only the `default` ServiceAccount is handled"
    set_key(doc, "automountServiceAccountToken", False)
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, _no_automount)


REWRITER = k8s_rewriter(
    id="k8s_default_service_account",
    rule_ids=("CKV_K8S_41",),
    action="disable_service_account_token_automount",
    title="Stop the default ServiceAccount from automounting its token",
    confidence=Level.high,
    rollback_plan="Revert the commit, or set `automountServiceAccountToken: true` on the default ServiceAccount.",
    provider_check="k8s_default_service_account_not_mounted",
    review_guidance=(
        "Pods that run as the namespace's `default` ServiceAccount no longer get an API token "
        "unless their pod spec sets automountServiceAccountToken: true. Workloads that call the "
        "Kubernetes API should use a dedicated ServiceAccount (and opt in there)."
    ),
    references=(
        "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting",
        "https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
    ),
    apply=apply,
    resource_types=("ServiceAccount",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
