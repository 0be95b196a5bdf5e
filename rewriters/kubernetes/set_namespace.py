"""CKV_K8S_21: objects should not live in the `default` namespace."""

from __future__ import annotations

import re
from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from bot.yamledit.k8s import child_map, set_after
from rewriters.base import Outcome, Param, RewriteContext, Skip
from rewriters.kubernetes._common import k8s_rewriter, missing, param, rewrite, shown

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
NAMESPACED = (
    "Pod",
    "Deployment",
    "DaemonSet",
    "StatefulSet",
    "ReplicaSet",
    "ReplicationController",
    "Job",
    "CronJob",
    "Service",
    "Secret",
    "ServiceAccount",
    "Role",
    "RoleBinding",
    "ConfigMap",
    "Ingress",
    "NetworkPolicy",
    "PersistentVolumeClaim",
    "HorizontalPodAutoscaler",
    "PodDisruptionBudget",
)


def _set(namespace: str) -> Callable[[CommentedMap], str | None]:
    def mutate(doc: CommentedMap) -> str | None:
        if doc.get("kind") not in NAMESPACED:
            return f"{shown(doc.get('kind'))} is not a namespaced kind fixbot knows"
        metadata = child_map(doc, "metadata")
        if metadata is None:
            return "metadata is not a mapping"
        current = metadata.get("namespace")
        if current not in (None, "", "default"):
            return None  # already outside the default namespace
        set_after(metadata, "namespace", namespace, after=("name", "generateName"))
        return None

    return mutate


def apply(ctx: RewriteContext) -> Outcome:
    namespace = param(ctx, "namespace")
    if namespace is None:
        return missing("namespace", "the namespace this application belongs in")
    if namespace == "default" or not _DNS_LABEL.match(namespace):
        return Skip(
            reason="parameter namespace must be a DNS label other than `default`", missing_parameters=("namespace",)
        )
    return rewrite(ctx, _set(namespace))


REWRITER = k8s_rewriter(
    id="k8s_set_namespace",
    rule_ids=("CKV_K8S_21", "KSV110", "AVD-KSV-0110", "611ab018-c4aa-4ba2-b0f6-a448337509a6"),
    action="set_namespace",
    title="Move the object out of the default namespace",
    confidence=Level.medium,
    rollback_plan="Revert the commit; the objects created in the new namespace must be deleted by hand.",
    provider_check="k8s_not_default_namespace",
    review_guidance=(
        "MOVES THE OBJECT: applying creates a new copy in the target namespace and leaves the "
        "old one running in `default` until it is pruned. The namespace must exist, and objects "
        "that refer to each other (Services, ConfigMaps, Secrets, ServiceAccounts, RoleBindings, "
        "DNS names like svc.default.svc) must move together — fix the whole file in one PR."
    ),
    references=(
        "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/",
        "https://kubernetes.io/docs/concepts/security/multi-tenancy/",
    ),
    apply=apply,
    parameters=(Param(name="namespace", description="target namespace for objects in `default`"),),
    resource_types=NAMESPACED,
    reversible=False,
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
