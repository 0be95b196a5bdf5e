"""CKV_K8S_39: containers must not add CAP_SYS_ADMIN."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._capabilities import remove_added
from rewriters.kubernetes._common import PSS, SECURITY_CONTEXT, k8s_rewriter, on_containers, rewrite


def _is_sys_admin(capability: str) -> bool:
    return capability.upper() in ("SYS_ADMIN", "CAP_SYS_ADMIN")


def _remove(container: CommentedMap) -> str | None:
    return remove_added(container, _is_sys_admin)


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_remove))


REWRITER = k8s_rewriter(
    id="k8s_remove_sys_admin",
    rule_ids=("CKV_K8S_39", "KSV005", "AVD-KSV-0005"),
    action="drop_container_capabilities",
    title="Remove SYS_ADMIN from the capabilities containers add",
    confidence=Level.medium,
    rollback_plan="Revert the commit to add SYS_ADMIN back to securityContext.capabilities.add.",
    provider_check="k8s_no_sys_admin_capability",
    review_guidance=(
        "SYS_ADMIN is nearly root on the node (mount, namespaces, BPF). Workloads that mount "
        "filesystems (FUSE, s3fs), build images (docker-in-docker, buildah) or run system agents "
        "may need it: confirm with the owner, and prefer a rootless alternative."
    ),
    references=(f"{PSS}#baseline", f"{SECURITY_CONTEXT}#set-capabilities-for-a-container"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
