"""CKV_K8S_17: pods must not share the host process ID namespace."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.kubernetes._common import k8s_rewriter
from rewriters.kubernetes._pod_flag import HOST_NAMESPACES, disable_pod_flag

REWRITER = k8s_rewriter(
    id="k8s_disable_host_pid",
    rule_ids=("CKV_K8S_17", "KSV010", "AVD-KSV-0010"),
    action="disable_host_namespaces",
    title="Set hostPID: false",
    confidence=Level.high,
    rollback_plan="Revert the commit, or set `hostPID: true` back in the pod spec.",
    provider_check="k8s_no_host_pid",
    review_guidance=(
        "With hostPID the containers can see and signal every process on the node. Only "
        "monitoring/debugging agents need it; check the workload is not one before merging."
    ),
    references=(HOST_NAMESPACES,),
    apply=disable_pod_flag("hostPID"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
