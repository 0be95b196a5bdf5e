"""FIXBOT_K8S_SECURITY_LABEL: objects carry the security label the organisation requires."""

from __future__ import annotations

import re
from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import child_map, pod_metadata
from rewriters.base import Outcome, Param, RewriteContext, Skip
from rewriters.kubernetes._common import k8s_rewriter, missing, param, rewrite
from rewriters.kubernetes.set_namespace import NAMESPACED

_NAME = r"[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?"
_KEY = re.compile(rf"^([a-z0-9]([-a-z0-9.]{{0,251}}[a-z0-9])?/)?{_NAME}$")
_VALUE = re.compile(rf"^({_NAME})?$")


def _label(metadata: CommentedMap, key: str, value: str) -> str | None:
    labels = child_map(metadata, "labels")
    if labels is None:
        return "labels is not a mapping"
    current = labels.get(key)
    if current is None:
        labels[key] = value
    elif str(current) != value:
        return f"label {key} is already set to a different value; not overwritten"
    return None


def _add(key: str, value: str) -> Callable[[CommentedMap], str | None]:
    def mutate(doc: CommentedMap) -> str | None:
        owners = [child_map(doc, "metadata")]
        template = pod_metadata(doc)
        if template is not None and template is not doc.get("metadata"):
            owners.append(template if isinstance(template, CommentedMap) else None)
        for owner in owners:
            reason = _label(owner, key, value) if owner is not None else "metadata is not a mapping"
            if reason:
                return reason
        return None

    return mutate


def apply(ctx: RewriteContext) -> Outcome:
    key, value = param(ctx, "label_key"), ctx.params.get("label_value")
    if key is None:
        return missing("label_key", "the label the organisation requires, e.g. security.example.com/tier")
    if value is None:
        return missing("label_value", "the value of that label")
    if not _KEY.match(key) or not _VALUE.match(value):
        return Skip(
            reason="label_key / label_value are not a valid Kubernetes label",
            missing_parameters=("label_key", "label_value"),
        )
    return rewrite(ctx, _add(key, value))


REWRITER = k8s_rewriter(
    id="k8s_add_security_label",
    rule_ids=("FIXBOT_K8S_SECURITY_LABEL",),
    action="add_security_label",
    title="Add the required security label to the object and its pods",
    confidence=Level.high,
    rollback_plan="Revert the commit, or remove the label from metadata.labels and the pod template.",
    provider_check="k8s_security_label_present",
    review_guidance=(
        "Metadata only: the label is added to the object and to its pod template (which rolls "
        "the pods once). Selectors are not touched, so routing and ownership are unchanged."
    ),
    references=("https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/",),
    apply=apply,
    parameters=(
        Param(name="label_key", description="label key the organisation requires"),
        Param(name="label_value", description="value of the required label"),
    ),
    resource_types=(*NAMESPACED, "Namespace"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=True),
)
