"""Companion resources: blocks that configure another resource take that resource's context.

An `aws_s3_bucket_public_access_block` has no tags of its own worth reading: what it protects
is the bucket it names, so its environment, owners, data classification and criticality are
the bucket's. Likewise security-group rules for their group, IAM policy attachments for their
role, and Kubernetes Services / NetworkPolicies for the workloads they select.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.models.resource import IacKind, Resource

S3_COMPANIONS = (
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_acl",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_logging",
    "aws_s3_bucket_lifecycle_configuration",
)
# companion type -> the type of the resource it configures (found through its references)
TERRAFORM_COMPANIONS: dict[str, str] = {
    **dict.fromkeys(S3_COMPANIONS, "aws_s3_bucket"),
    "aws_security_group_rule": "aws_security_group",
    "aws_vpc_security_group_ingress_rule": "aws_security_group",
    "aws_vpc_security_group_egress_rule": "aws_security_group",
    "aws_iam_role_policy_attachment": "aws_iam_role",
    "aws_iam_role_policy": "aws_iam_role",
}
# Kubernetes companion kind -> where its pod selector sits
KUBERNETES_SELECTORS: dict[str, tuple[str, ...]] = {
    "Service": ("spec", "selector"),
    "NetworkPolicy": ("spec", "podSelector", "matchLabels"),
}
POD_LABELS: dict[str, tuple[str, ...]] = {
    "Pod": ("metadata", "labels"),
    "Deployment": ("spec", "template", "metadata", "labels"),
    "StatefulSet": ("spec", "template", "metadata", "labels"),
    "DaemonSet": ("spec", "template", "metadata", "labels"),
    "ReplicaSet": ("spec", "template", "metadata", "labels"),
    "Job": ("spec", "template", "metadata", "labels"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "metadata", "labels"),
}


def _get(value: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _resolve(by_address: dict[str, Resource], ref: str) -> Resource | None:
    found = by_address.get(ref)
    if found is not None:
        return found
    parts = ref.split(".")
    width = 3 if parts[0] == "data" or parts[0].endswith(":data") else 2
    return by_address.get(".".join(parts[:width])) if len(parts) > width else None


def _labels(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _selected(companion: Resource, workloads: list[tuple[Resource, dict[str, str]]]) -> Resource | None:
    """The first workload (in inventory order) of the namespace whose pods the selector matches."""
    wanted = _labels(_get(companion.attributes, KUBERNETES_SELECTORS[companion.type]))
    if not wanted:
        return None
    namespace = companion.namespace or "default"
    for workload, labels in workloads:
        if (workload.namespace or "default") == namespace and all(labels.get(k) == v for k, v in wanted.items()):
            return workload
    return None


def companion_targets(resources: Iterable[Resource]) -> dict[str, str]:
    """Companion address -> address of the resource it configures."""
    items = list(resources)
    by_address = {r.address: r for r in items}
    workloads = [(r, _labels(_get(r.attributes, POD_LABELS[r.type]))) for r in items if r.type in POD_LABELS]
    out: dict[str, str] = {}
    for r in items:
        target: Resource | None = None
        if r.kind == IacKind.terraform and r.type in TERRAFORM_COMPANIONS:
            wanted = TERRAFORM_COMPANIONS[r.type]
            refs = (_resolve(by_address, ref) for ref in r.references)
            target = next((t for t in refs if t is not None and t.type == wanted), None)
        elif r.kind == IacKind.kubernetes and r.type in KUBERNETES_SELECTORS:
            target = _selected(r, workloads)
        if target is not None and target.address != r.address:
            out[r.address] = target.address
    return out
