"""CKV_K8S_37: containers should drop ALL capabilities."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._capabilities import ensure_dropped
from rewriters.kubernetes._common import PSS, SECURITY_CONTEXT, k8s_rewriter, on_containers, rewrite


def _drop_all(container: CommentedMap) -> str | None:
    return ensure_dropped(container, "ALL", ("ALL", "all"))


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_drop_all))


REWRITER = k8s_rewriter(
    id="k8s_drop_all_capabilities",
    rule_ids=("CKV_K8S_37", "KSV003", "AVD-KSV-0003", "KSV106", "AVD-KSV-0106"),
    action="drop_container_capabilities",
    title="Drop ALL Linux capabilities in every container",
    confidence=Level.medium,
    rollback_plan="Revert the commit, or remove `ALL` from securityContext.capabilities.drop.",
    provider_check="k8s_capabilities_drop_all",
    review_guidance=(
        "Capabilities the app needs must now be added back explicitly in capabilities.add: a "
        "process binding a port below 1024 needs NET_BIND_SERVICE, chown/setuid at start-up "
        "(many official images running as root) needs CHOWN/SETUID/SETGID. Test the workload "
        "before merging; capabilities already listed in `add` keep working."
    ),
    references=(f"{PSS}#restricted", f"{SECURITY_CONTEXT}#set-capabilities-for-a-container"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
