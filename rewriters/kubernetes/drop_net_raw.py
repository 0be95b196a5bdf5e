"""CKV_K8S_28: containers should drop the NET_RAW capability."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._capabilities import ensure_dropped
from rewriters.kubernetes._common import SECURITY_CONTEXT, k8s_rewriter, on_containers, rewrite


def _drop_net_raw(container: CommentedMap) -> str | None:
    return ensure_dropped(container, "NET_RAW", ("ALL", "all", "NET_RAW"))


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_drop_net_raw))


REWRITER = k8s_rewriter(
    id="k8s_drop_net_raw",
    rule_ids=(
        "CKV_K8S_28",
        "dbbc6705-d541-43b0-b166-dd4be8208b54",
    ),
    action="drop_container_capabilities",
    title="Drop the NET_RAW capability in every container",
    confidence=Level.high,
    rollback_plan="Revert the commit, or remove `NET_RAW` from securityContext.capabilities.drop.",
    provider_check="k8s_capabilities_drop_net_raw",
    review_guidance=(
        "NET_RAW allows crafting raw packets (ARP/DNS spoofing inside the node network). Only "
        "tools such as ping or traceroute in the container stop working; check the app does not "
        "shell out to them."
    ),
    references=(
        f"{SECURITY_CONTEXT}#set-capabilities-for-a-container",
        "https://man7.org/linux/man-pages/man7/capabilities.7.html",
    ),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
