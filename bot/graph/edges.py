"""Shared plumbing for the edge builders: an inventory index and one way to add an edge."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from bot.graph.catalog import NETWORK_CONTROL_TYPES, SG_RULE_TYPES, EdgeKind
from bot.models.resource import IacKind, Resource

NOT_MEMBERS = NETWORK_CONTROL_TYPES | SG_RULE_TYPES
CLUSTER_SCOPED = frozenset({"ClusterRole", "ClusterRoleBinding", "Namespace", "PersistentVolume", "StorageClass"})


def link(graph: nx.DiGraph, source: str, target: str, kind: EdgeKind, evidence: str | None = None) -> None:
    """Add (or enrich) the reach edge source → target; evidence accumulates, self-loops are dropped."""
    if source == target:
        return
    if graph.has_edge(source, target):
        data = graph.edges[source, target]
        if evidence and evidence not in data["evidence"]:
            data["evidence"] = (*data["evidence"], evidence)
        if kind == EdgeKind.exposure:
            data["kind"] = kind
        return
    graph.add_edge(source, target, kind=kind, evidence=(evidence,) if evidence else ())


class Index:
    """Lookups the edge builders share: by address, by Kubernetes identity, reverse references."""

    def __init__(self, resources: Iterable[Resource]) -> None:
        self.resources = list(resources)
        self.by_address: dict[str, Resource] = {}
        self.by_k8s: dict[tuple[str, str, str], Resource] = {}
        self.k8s_by_kind: dict[str, list[Resource]] = defaultdict(list)
        self.cluster_scoped: dict[tuple[str, str], Resource] = {}
        self.users: dict[str, list[str]] = defaultdict(list)
        for r in self.resources:
            self.by_address.setdefault(r.address, r)
            if r.kind == IacKind.kubernetes:
                self.by_k8s[(r.type, r.namespace or "default", r.name)] = r
                self.k8s_by_kind[r.type].append(r)
                self.cluster_scoped.setdefault((r.type, r.name), r)
        for r in self.resources:
            for ref in r.references:
                target = self.resolve(ref)
                if target is not None:
                    self.users[target.address].append(r.address)

    def resolve(self, ref: str) -> Resource | None:
        """The resource a reference names (`aws_s3_bucket.x`, `aws_s3_bucket.x.arn`, `data.t.n.id`)."""
        found = self.by_address.get(ref)
        if found is not None:
            return found
        parts = ref.split(".")
        width = 3 if parts[0] == "data" or parts[0].endswith(":data") else 2
        return self.by_address.get(".".join(parts[:width])) if len(parts) > width else None

    def referenced(self, resource: Resource, *types: str) -> list[Resource]:
        """Resources `resource` references, optionally only of the given types."""
        out = []
        for ref in resource.references:
            target = self.resolve(ref)
            if target is not None and (not types or target.type in types) and target not in out:
                out.append(target)
        return out

    def members(self, control: str) -> list[str]:
        """Resources placed in a network control (security group users, minus rules and groups)."""
        return [u for u in self.users.get(control, []) if self.by_address[u].type not in NOT_MEMBERS]

    def k8s(self, kind: str, namespace: str | None, name: str) -> Resource | None:
        """A Kubernetes object by kind/namespace/name (cluster-scoped kinds: any namespace)."""
        if kind in CLUSTER_SCOPED:
            return self.cluster_scoped.get((kind, name))
        return self.by_k8s.get((kind, namespace or "default", name))
