"""FIXBOT_K8S_RUNTIME_CLASS: workloads must use an approved runtimeClassName."""

from __future__ import annotations

import re
from collections.abc import Callable

from ruamel.yaml.comments import CommentedMap

from bot.models.common import Level
from bot.models.plan import ChangeFacts
from rewriters.base import Outcome, Param, RewriteContext, Skip
from rewriters.kubernetes._common import k8s_rewriter, missing, on_pod_spec, param, rewrite, set_key

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")  # RuntimeClass names are DNS subdomains


def _set(name: str) -> Callable[[CommentedMap], str | None]:
    def edit(spec: CommentedMap) -> str | None:
        set_key(spec, "runtimeClassName", name)
        return None

    return edit


def apply(ctx: RewriteContext) -> Outcome:
    name = param(ctx, "runtime_class")
    if name is None:
        return missing("runtime_class", "the approved RuntimeClass, e.g. gvisor or kata")
    if not _DNS_LABEL.match(name):
        return Skip(
            reason="parameter runtime_class is not a valid RuntimeClass name", missing_parameters=("runtime_class",)
        )
    return rewrite(ctx, on_pod_spec(_set(name)))


REWRITER = k8s_rewriter(
    id="k8s_set_runtime_class",
    rule_ids=("FIXBOT_K8S_RUNTIME_CLASS",),
    action="set_runtime_class",
    title="Run the workload under the approved RuntimeClass",
    confidence=Level.medium,
    rollback_plan="Revert the commit, or restore the previous spec.runtimeClassName.",
    provider_check="k8s_runtime_class_approved",
    review_guidance=(
        "Pods only schedule on nodes whose runtime provides this RuntimeClass (e.g. gVisor or "
        "Kata handlers): confirm the RuntimeClass object exists in the cluster and the workload "
        "works in the sandbox (some syscalls, host mounts and GPUs are unsupported)."
    ),
    references=(
        "https://kubernetes.io/docs/concepts/containers/runtime-class/",
        "https://kubernetes.io/docs/concepts/security/pod-security-standards/",
    ),
    apply=apply,
    parameters=(Param(name="runtime_class", description="name of the approved RuntimeClass"),),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
