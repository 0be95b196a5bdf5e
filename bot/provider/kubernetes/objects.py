"""Where a kind keeps its pod template, and whether a rollout is done."""

from __future__ import annotations

from typing import Any

WORKLOADS = ("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
             "CronJob")
SELECTED = ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")  # running pods found by matchLabels


def pod_spec(kind: str, obj: dict[str, Any]) -> dict[str, Any]:
    spec = obj.get("spec") or {}
    if kind == "Pod":
        return dict(spec)
    if kind == "CronJob":
        spec = (spec.get("jobTemplate") or {}).get("spec") or {}
    return dict(((spec.get("template") or {}).get("spec")) or {})


def pod_labels(kind: str, obj: dict[str, Any]) -> dict[str, str]:
    """The labels the pods of this object carry."""
    if kind == "Pod":
        return dict((obj.get("metadata") or {}).get("labels") or {})
    spec = obj.get("spec") or {}
    if kind == "CronJob":
        spec = (spec.get("jobTemplate") or {}).get("spec") or {}
    return dict((((spec.get("template") or {}).get("metadata")) or {}).get("labels") or {})


def rollout_pending(kind: str, obj: dict[str, Any]) -> str | None:
    """Why the controller has not rolled the current template out yet, or None."""
    if kind not in SELECTED:
        return None
    meta, spec, status = obj.get("metadata") or {}, obj.get("spec") or {}, obj.get("status") or {}
    if int(status.get("observedGeneration") or 0) < int(meta.get("generation") or 0):
        return "the controller has not observed the new generation yet"
    want = status.get("desiredNumberScheduled") if kind == "DaemonSet" else spec.get("replicas", 1)
    updated = status.get("updatedNumberScheduled") if kind == "DaemonSet" else status.get(
        "updatedReplicas", status.get("currentReplicas"))
    if kind != "ReplicaSet" and want is not None and int(updated or 0) < int(want):
        return f"{updated or 0} of {want} replicas updated"
    return None
