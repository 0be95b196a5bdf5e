"""Kubernetes object navigation on round-trip (ruamel) documents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

_TEMPLATE = ("spec", "template", "spec")
POD_SPEC_PATHS: dict[str, tuple[str, ...]] = {
    "Pod": ("spec",),
    "Deployment": _TEMPLATE,
    "StatefulSet": _TEMPLATE,
    "DaemonSet": _TEMPLATE,
    "ReplicaSet": _TEMPLATE,
    "ReplicationController": _TEMPLATE,
    "Job": _TEMPLATE,
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
}
WORKLOAD_KINDS = tuple(POD_SPEC_PATHS)
CONTAINER_LISTS = ("initContainers", "containers")


def dig(node: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def pod_spec(doc: Any) -> CommentedMap | None:
    """The pod spec of a workload / bare Pod, or None when absent or not a mapping."""
    path = POD_SPEC_PATHS.get(str(dig(doc, ("kind",))))
    found = dig(doc, path) if path else None
    return found if isinstance(found, CommentedMap) else None


def pod_metadata(doc: Any) -> Any:
    """Metadata carrying the pod labels: the template's, or the Pod's own."""
    path = POD_SPEC_PATHS.get(str(dig(doc, ("kind",))))
    if not path:
        return None
    return dig(doc, (*path[:-1], "metadata"))


def containers(spec: Any) -> Iterator[CommentedMap]:
    """Every init container and container mapping of a pod spec."""
    for key in CONTAINER_LISTS:
        items = spec.get(key) if isinstance(spec, dict) else None
        if isinstance(items, list):
            yield from (item for item in items if isinstance(item, CommentedMap))


def unflow(mapping: CommentedMap, nested: bool = False) -> None:
    """Before a key is added to a `{a: 1}` mapping: switch it to block style when it would grow
    past two entries or gain a nested collection, so the line stays readable."""
    if mapping.fa.flow_style() and (nested or len(mapping) >= 2):
        mapping.fa.set_block_style()


def child_map(parent: CommentedMap, key: str) -> CommentedMap | None:
    """`parent[key]` as a mapping, created (or filled in for `key:` with no value) if needed.

    None when the existing value is something else (a list, a string): callers refuse.
    """
    value = parent.get(key)
    if isinstance(value, CommentedMap):
        return value
    if key in parent and value is not None:
        return None
    fresh = CommentedMap()
    if key not in parent:
        unflow(parent, nested=True)
    parent[key] = fresh
    return fresh


def child_seq(parent: CommentedMap, key: str) -> CommentedSeq | None:
    value = parent.get(key)
    if isinstance(value, CommentedSeq):
        return value
    if key in parent and value is not None:
        return None
    fresh = CommentedSeq()
    if key not in parent:
        unflow(parent, nested=True)
    parent[key] = fresh
    return fresh


def set_after(mapping: CommentedMap, key: str, value: Any, after: tuple[str, ...] = ()) -> None:
    """Set `key`; a new key goes right after the first present key of `after`, else last."""
    if key in mapping:
        mapping[key] = value
        return
    unflow(mapping)
    for anchor in after:
        if anchor in mapping:
            mapping.insert(list(mapping).index(anchor) + 1, key, value)
            return
    mapping[key] = value


def identity(doc: Any) -> tuple[str, str, str] | None:
    """(kind, namespace, name) as checkov spells a resource address."""
    kind, name = dig(doc, ("kind",)), dig(doc, ("metadata", "name"))
    if not isinstance(kind, str) or not isinstance(name, str):
        return None
    namespace = dig(doc, ("metadata", "namespace"))
    return kind, namespace if isinstance(namespace, str) and namespace else "default", name


def find_document(docs: list[Any], kind: str, name: str, hint: int | None, namespace: str | None = None) -> int | None:
    """Index of the document defining `kind`/`name`; namespace, then `hint` (doc_index) break ties.

    Without any match (checkov's `Pod.ns.deploy.labels` names for pod templates) the hint
    alone decides, when it points at a document of the file.
    """
    ids = [identity(doc) or ("", "", "") for doc in docs]
    matches = [i for i, found in enumerate(ids) if (found[0], found[2]) == (kind, name)]
    if namespace and len(matches) > 1:
        matches = [i for i in matches if ids[i][1] == namespace] or matches
    if hint is not None and (hint in matches or (not matches and 0 <= hint < len(docs))):
        return hint
    return matches[0] if len(matches) == 1 else None
