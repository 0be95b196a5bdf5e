"""CKV_K8S_18: pods must not share the host IPC namespace."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.kubernetes._common import k8s_rewriter
from rewriters.kubernetes._pod_flag import HOST_NAMESPACES, disable_pod_flag

REWRITER = k8s_rewriter(
    id="k8s_disable_host_ipc",
    rule_ids=("CKV_K8S_18", "KSV008", "AVD-KSV-0008", "cd290efd-6c82-4e9d-a698-be12ae31d536"),
    action="disable_host_namespaces",
    title="Set hostIPC: false",
    confidence=Level.high,
    rollback_plan="Revert the commit, or set `hostIPC: true` back in the pod spec.",
    provider_check="k8s_no_host_ipc",
    review_guidance=(
        "With hostIPC the containers share System V IPC / shared memory with every process on "
        "the node. Few applications need it (some databases tuned for shared memory across "
        "pods); check before merging."
    ),
    references=(HOST_NAMESPACES,),
    apply=disable_pod_flag("hostIPC"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
