"""Kubernetes reach edges: Service selectors, Ingress backends, ServiceAccounts and RBAC,
mounted Secrets/volumes; and the Kubernetes exposure detectors."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from bot.graph.catalog import WORKLOAD_POD_SPEC, EdgeKind
from bot.graph.edges import Index, link
from bot.graph.values import clip, get_path, text
from bot.models.resource import Resource

READ_VERBS = frozenset({"get", "list", "watch", "*"})
EXPOSED_SERVICE_TYPES = frozenset({"LoadBalancer", "NodePort"})


def pod_template(r: Resource) -> dict[str, Any] | None:
    path = WORKLOAD_POD_SPEC.get(r.type)
    if path is None:
        return None
    found = get_path(r.attributes, *path) if path else r.attributes
    return found if isinstance(found, dict) else None


def _labels(template: dict[str, Any]) -> dict[str, str]:
    labels = get_path(template, "metadata", "labels")
    return {str(k): text(v) for k, v in labels.items()} if isinstance(labels, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _strs(value: Any) -> set[str]:
    """A list of scalars (or one scalar) as a set of plain strings."""
    items = value if isinstance(value, list) else [value] if value is not None else []
    return {text(x) for x in items if not isinstance(x, dict | list)}


def add_kubernetes_edges(graph: nx.DiGraph, index: Index) -> None:
    workloads = [(r, t) for r in index.resources if (t := pod_template(r)) is not None]
    _add_selectors(graph, index, workloads)
    _add_ingress_backends(graph, index)
    for r, template in workloads:
        _add_pod_links(graph, index, r, template)
    _add_rbac(graph, index)


def _add_selectors(graph: nx.DiGraph, index: Index, workloads: list[tuple[Resource, dict[str, Any]]]) -> None:
    by_label: dict[tuple[str, str, str], list[tuple[Resource, dict[str, str]]]] = defaultdict(list)
    for r, template in workloads:
        labels = _labels(template)
        for key, value in labels.items():
            by_label[(r.namespace or "default", key, value)].append((r, labels))
    for svc in index.k8s_by_kind.get("Service", []):
        selector = get_path(svc.attributes, "spec", "selector")
        if not isinstance(selector, dict) or not selector:
            continue
        wanted = {str(k): text(v) for k, v in selector.items()}
        first = next(iter(wanted.items()))
        for r, labels in by_label.get((svc.namespace or "default", *first), []):
            if all(labels.get(k) == v for k, v in wanted.items()):
                link(graph, svc.address, r.address, EdgeKind.selector, f"{svc.address} selects {r.address}")


def ingress_backends(ing: Resource) -> list[str]:
    spec = _mapping(get_path(ing.attributes, "spec"))
    candidates = [spec.get("defaultBackend"), spec.get("backend")]
    for rule in _dicts(spec.get("rules")):
        candidates += [p.get("backend") for p in _dicts(get_path(rule, "http", "paths"))]
    names = []
    for backend in candidates:
        if isinstance(backend, dict):
            name = get_path(backend, "service", "name") or backend.get("serviceName")
            if name and text(name) not in names:
                names.append(text(name))
    return names


def _add_ingress_backends(graph: nx.DiGraph, index: Index) -> None:
    for ing in index.k8s_by_kind.get("Ingress", []):
        for name in ingress_backends(ing):
            svc = index.k8s("Service", ing.namespace, name)
            if svc is not None:
                link(graph, ing.address, svc.address, EdgeKind.backend, f"{ing.address} routes to {svc.address}")


def _mounted(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, name) of every Secret / PVC / ConfigMap a pod spec uses."""
    found: list[tuple[str, str]] = []
    for vol in _dicts(spec.get("volumes")):
        for key, kind, field in (
            ("secret", "Secret", "secretName"),
            ("persistentVolumeClaim", "PersistentVolumeClaim", "claimName"),
            ("configMap", "ConfigMap", "name"),
        ):
            name = get_path(vol, key, field)
            if name:
                found.append((kind, text(name)))
    for container in _dicts(spec.get("containers")) + _dicts(spec.get("initContainers")):
        for env in _dicts(container.get("env")):
            name = get_path(env, "valueFrom", "secretKeyRef", "name")
            if name:
                found.append(("Secret", text(name)))
        for src in _dicts(container.get("envFrom")):
            name = get_path(src, "secretRef", "name")
            if name:
                found.append(("Secret", text(name)))
    return found


def _add_pod_links(graph: nx.DiGraph, index: Index, r: Resource, template: dict[str, Any]) -> None:
    spec = template.get("spec")
    if not isinstance(spec, dict):
        return
    sa_name = text(spec.get("serviceAccountName") or spec.get("serviceAccount") or "default")
    sa = index.k8s("ServiceAccount", r.namespace, sa_name)
    if sa is not None:
        link(graph, r.address, sa.address, EdgeKind.service_account, f"{r.address} runs as {sa.address}")
    for kind, name in _mounted(spec):
        target = index.k8s(kind, r.namespace, name)
        if target is not None:
            link(graph, r.address, target.address, EdgeKind.mounts, f"{r.address} uses {target.address}")


def _add_rbac(graph: nx.DiGraph, index: Index) -> None:
    for binding in index.k8s_by_kind.get("RoleBinding", []) + index.k8s_by_kind.get("ClusterRoleBinding", []):
        for subject in _dicts(get_path(binding.attributes, "subjects")):
            if text(subject.get("kind")) != "ServiceAccount":
                continue
            ns = text(subject.get("namespace")) or binding.namespace
            sa = index.k8s("ServiceAccount", ns, text(subject.get("name")))
            if sa is not None:
                link(graph, sa.address, binding.address, EdgeKind.role_binding, f"{binding.address} binds {sa.address}")
        ref = _mapping(get_path(binding.attributes, "roleRef"))
        role = index.k8s(text(ref.get("kind")), binding.namespace, text(ref.get("name")))
        if role is not None:
            why = f"{binding.address} grants {role.address}"
            link(graph, binding.address, role.address, EdgeKind.role_binding, why)
    for role in index.k8s_by_kind.get("Role", []) + index.k8s_by_kind.get("ClusterRole", []):
        _add_secret_reads(graph, index, role)


def _add_secret_reads(graph: nx.DiGraph, index: Index, role: Resource) -> None:
    """A role that can read Secrets reaches them (its namespace; every namespace for a ClusterRole)."""
    for rule in _dicts(get_path(role.attributes, "rules")):
        resources = _strs(rule.get("resources"))
        verbs = _strs(rule.get("verbs"))
        if not resources & {"secrets", "*"} or not verbs & READ_VERBS:
            continue
        names = _strs(rule.get("resourceNames"))
        for secret in index.k8s_by_kind.get("Secret", []):
            same_scope = role.type == "ClusterRole" or secret.namespace == role.namespace
            if same_scope and (not names or secret.name in names):
                link(graph, role.address, secret.address, EdgeKind.secret_access, f"{role.address} can read secrets")


def service_exposure(r: Resource, _index: Index) -> list[tuple[str, str]]:
    kind = text(get_path(r.attributes, "spec", "type"))
    return [(r.address, f"{r.address}: type {kind}")] if kind in EXPOSED_SERVICE_TYPES else []


def ingress_exposure(r: Resource, _index: Index) -> list[tuple[str, str]]:
    hosts = [clip(rule.get("host")) for rule in _dicts(get_path(r.attributes, "spec", "rules")) if rule.get("host")]
    shown = ", ".join(hosts[:3]) + (f" and {len(hosts) - 3} more" if len(hosts) > 3 else "") if hosts else "any host"
    return [(r.address, f"{r.address}: Ingress routes external traffic ({shown})")]


KUBERNETES_EXPOSURE: dict[str, Callable[[Resource, Index], list[tuple[str, str]]]] = {
    "Service": service_exposure,
    "Ingress": ingress_exposure,
}
