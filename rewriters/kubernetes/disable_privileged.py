"""CKV_K8S_16: containers must not run privileged."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import PSS, SECURITY_CONTEXT, k8s_rewriter, on_containers, rewrite


def _unprivilege(container: CommentedMap) -> str | None:
    context = container.get("securityContext")
    if isinstance(context, dict) and context.get("privileged"):
        context["privileged"] = False
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_unprivilege))


REWRITER = k8s_rewriter(
    id="k8s_disable_privileged",
    rule_ids=("CKV_K8S_16", "KSV017", "AVD-KSV-0017", "dd29336b-fe57-445b-a26e-e6aa867ae609"),
    action="disable_privileged_container",
    title="Set securityContext.privileged to false on privileged containers",
    confidence=Level.medium,
    rollback_plan="Revert the commit (or set `privileged: true` back) on the affected containers.",
    provider_check="k8s_containers_not_privileged",
    review_guidance=(
        "Privileged containers get every host device and capability. Agents that manage the node "
        "(CNI plugins, storage drivers, GPU/device plugins, security sensors) may genuinely need "
        "it: check what the workload does with the host before merging, and prefer adding the "
        "specific capability it needs over privileged mode."
    ),
    references=(f"{PSS}#baseline", SECURITY_CONTEXT),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
