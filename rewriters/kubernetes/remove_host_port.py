"""CKV_K8S_26: containers should not bind a hostPort."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import PSS, k8s_rewriter, on_containers, rewrite


def _remove(container: CommentedMap) -> str | None:
    ports = container.get("ports")
    for port in ports if isinstance(ports, list) else ():
        if isinstance(port, dict) and "hostPort" in port:
            if "containerPort" not in port:
                return "a port defines only hostPort; cannot remove it safely"
            del port["hostPort"]
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_remove))


REWRITER = k8s_rewriter(
    id="k8s_remove_host_port",
    rule_ids=("CKV_K8S_26", "KSV024", "AVD-KSV-0024"),
    action="remove_host_port",
    title="Remove hostPort from container ports",
    confidence=Level.low,
    rollback_plan="Revert the commit to restore the hostPort mappings.",
    provider_check="k8s_no_host_port",
    review_guidance=(
        "WILL CHANGE HOW THE POD IS REACHED: clients that connect to <node-ip>:<hostPort> stop "
        "working. Expose the port through a Service (ClusterIP, NodePort or LoadBalancer) or an "
        "Ingress first, then merge. hostPort also limits scheduling to one pod per node and port."
    ),
    references=(f"{PSS}#baseline", "https://kubernetes.io/docs/concepts/configuration/overview/#services"),
    apply=apply,
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
