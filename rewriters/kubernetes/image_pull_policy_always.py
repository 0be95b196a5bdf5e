"""CKV_K8S_15: containers should use imagePullPolicy: Always."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import set_after
from rewriters.base import Outcome, RewriteContext
from rewriters.kubernetes._common import k8s_rewriter, on_containers, rewrite


def _always(container: CommentedMap) -> str | None:
    image = container.get("image")
    if not isinstance(image, str) or not image.strip():
        return "has no image"
    if "@" in image or container.get("imagePullPolicy") == "Always":
        return None  # pinned by digest: any pull policy fetches exactly that image
    set_after(container, "imagePullPolicy", "Always", after=("image",))
    return None


def apply(ctx: RewriteContext) -> Outcome:
    return rewrite(ctx, on_containers(_always))


REWRITER = k8s_rewriter(
    id="k8s_image_pull_policy_always",
    rule_ids=(
        "CKV_K8S_15",
        "caa3479d-885d-4882-9aac-95e5e78ef5c2",
    ),
    action="set_image_pull_policy",
    title="Set imagePullPolicy: Always on containers whose image is not pinned by digest",
    confidence=Level.high,
    rollback_plan="Revert the commit, or set imagePullPolicy back to its previous value.",
    provider_check="k8s_image_pull_policy_always",
    review_guidance=(
        "The kubelet now checks the registry on every container start, so a moved tag is "
        "noticed and registry credentials are enforced. Pod starts now depend on the registry "
        "being reachable; air-gapped clusters with pre-loaded images should pin digests instead."
    ),
    references=("https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy",),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
