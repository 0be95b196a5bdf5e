"""OSV advisory on a container image tag: move the tag to the first version that fixes it."""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap

from bot.inventory.pins import image_parts
from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, RewriteContext, Skip
from rewriters.kubernetes._common import ContainerEdit, k8s_rewriter, on_containers, rewrite
from rewriters.upgrade import NO_FIX, needs_upgrade, styled, targets


def _retag(wanted: dict[str, str]) -> ContainerEdit:
    def edit(container: CommentedMap) -> str | None:
        image = container.get("image")
        parts = image_parts(image) if isinstance(image, str) else None
        if parts is None:
            return None  # digest-pinned or untagged: not what the advisory is about
        repo, tag = parts
        target = wanted.get(repo.lower())
        if target is not None and needs_upgrade(tag, target):
            container["image"] = f"{repo}:{styled(target, tag)}"
        return None

    return edit


def apply(ctx: RewriteContext) -> Outcome:
    wanted = targets(ctx)
    if not wanted:
        return Skip(reason=NO_FIX)
    return rewrite(ctx, on_containers(_retag(wanted)))


REWRITER = k8s_rewriter(
    id="k8s_image_tag_upgrade",
    rule_ids=("FIXBOT_VULNERABLE_IMAGE",),
    action="upgrade_image_tag",
    title="Move the container image to the first tag that fixes the advisory",
    confidence=Level.medium,
    rollback_plan="Revert the commit; the workload rolls back to the previous image tag.",
    provider_check="k8s_image_tag_upgraded",
    review_guidance=(
        "The workload rolls out a new image version: check the image's release notes between "
        "the two tags, that the new tag exists in the registry, and watch the rollout."
    ),
    references=("https://ossf.github.io/osv-schema/", "https://kubernetes.io/docs/concepts/containers/images/"),
    apply=apply,
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
