"""CKV_K8S_25: containers should not add capabilities beyond the default set."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._capabilities import remove_added
from rewriters.kubernetes._common import PSS, SECURITY_CONTEXT, k8s_rewriter, on_containers, rewrite


def _remove(container: CommentedMap) -> str | None:
    return remove_added(container, lambda _capability: True)


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_remove))


REWRITER = k8s_rewriter(
    id="k8s_remove_added_capabilities",
    rule_ids=("CKV_K8S_25", "KSV022", "AVD-KSV-0022"),
    action="remove_added_capabilities",
    title="Remove the capabilities containers add (securityContext.capabilities.add)",
    confidence=Level.low,
    rollback_plan="Revert the commit to restore securityContext.capabilities.add.",
    provider_check="k8s_no_added_capabilities",
    review_guidance=(
        "LIKELY TO BREAK SOMETHING: capabilities are usually added because the app needs them "
        "(NET_BIND_SERVICE for ports below 1024, NET_ADMIN for VPN/CNI agents, IPC_LOCK for "
        "vault). Confirm each removed capability is unused; the Pod Security Standards "
        "'restricted' profile still allows NET_BIND_SERVICE."
    ),
    references=(f"{PSS}#baseline", f"{SECURITY_CONTEXT}#set-capabilities-for-a-container"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
