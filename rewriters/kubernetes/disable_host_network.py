"""CKV_K8S_19: pods must not share the host network namespace."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.kubernetes._common import k8s_rewriter
from rewriters.kubernetes._pod_flag import HOST_NAMESPACES, disable_pod_flag

REWRITER = k8s_rewriter(
    id="k8s_disable_host_network",
    rule_ids=("CKV_K8S_19", "KSV009", "AVD-KSV-0009", "6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a"),
    action="disable_host_namespaces",
    title="Set hostNetwork: false",
    confidence=Level.medium,
    rollback_plan="Revert the commit, or set `hostNetwork: true` back in the pod spec.",
    provider_check="k8s_no_host_network",
    review_guidance=(
        "The pod stops seeing the node's network interfaces and gets its own pod IP. Node "
        "agents (CNI, kube-proxy replacements, node exporters, ingress controllers bound to "
        "node ports) may need host networking: check how the workload is reached (ports, "
        "dnsPolicy ClusterFirstWithHostNet) before merging."
    ),
    references=(HOST_NAMESPACES, "https://kubernetes.io/docs/concepts/services-networking/"),
    apply=disable_pod_flag("hostNetwork"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
