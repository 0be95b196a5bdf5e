"""CKV_K8S_22: containers should use a read-only root filesystem."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import SECURITY_CONTEXT, k8s_rewriter, rewrite, set_in_container_context


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, set_in_container_context("readOnlyRootFilesystem", True))


REWRITER = k8s_rewriter(
    id="k8s_read_only_root_filesystem",
    rule_ids=("CKV_K8S_22", "KSV014", "AVD-KSV-0014"),
    action="read_only_root_filesystem",
    title="Set readOnlyRootFilesystem: true on every container",
    confidence=Level.medium,
    rollback_plan="Revert the commit, or set `readOnlyRootFilesystem: false` on the container that fails.",
    provider_check="k8s_read_only_root_filesystem",
    review_guidance=(
        "CAN BREAK THE APP: any write outside a mounted volume now fails (caches, /tmp, pid "
        "files, nginx's /var/cache/nginx, Java's temp dir). Before merging, run the workload in a "
        "test environment; add `emptyDir` volumes for the paths it writes to."
    ),
    references=(SECURITY_CONTEXT, "https://kubernetes.io/docs/concepts/storage/volumes/#emptydir"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
