"""The security graph and its derived queries: exposure, attack path, blast radius.

Edges mean "an attacker at the source can reach the target". Queries are cheap: one
Dijkstra from `internet` serves every attack path, and each blast radius is a hop-bounded
breadth-first search from one asset, cached.
"""

from __future__ import annotations

from collections import deque
from typing import Any

import networkx as nx

from bot.graph.catalog import GLUE_TYPES, INTERNET, EdgeKind, classification_weight
from bot.models.risk import BlastAsset, BlastRadius

# Blast radius: sensitive data stores reachable from an asset.
BLAST_MAX_HOPS = 6  # distance bound (connective "glue" blocks do not count as a hop)
BLAST_DISTANCE_DECAY = 0.85  # each hop away multiplies an asset's contribution
BLAST_SATURATION = 2.0  # contribution sum that maps to score 1.0 (two restricted stores at 0 hops)
BLAST_HIGH_SCORE = 0.7  # score at or above which the level is "high"
BLAST_MEDIUM_SCORE = 0.3  # score at or above which the level is "medium"
BLAST_HIGH_RESTRICTED_COUNT = 2  # this many restricted stores in reach is "high" whatever the score
RESTRICTED_WEIGHT = 1.0  # classification weight that counts as restricted

# Attack paths prefer application routes over network-control shortcuts of equal length.
NETWORK_EDGE_WEIGHT = 1.5


class SecurityGraph:
    """A directed reachability graph over the repository's resources."""

    def __init__(self, graph: nx.DiGraph) -> None:
        self.graph = graph
        self._paths: dict[str, list[str]] | None = None
        self._blast: dict[tuple[str, int], BlastRadius] = {}
        self._blast_sets: dict[tuple[tuple[float, int, str, Any], ...], BlastRadius] = {}
        self._steps: dict[str, tuple[tuple[str, int], ...]] = {}  # blast BFS: reach edges out of a node
        self._stores: dict[str, tuple[float, Any]] | None = None  # blast: (weight, classification) of data stores
        self.memo: dict[Any, Any] = {}  # per-scan cache for later stages' derived values (risk)

    def __contains__(self, address: object) -> bool:
        return address in self.graph

    def node(self, address: str) -> dict[str, Any]:
        return dict(self.graph.nodes[address]) if address in self.graph else {}

    def edge(self, source: str, target: str) -> dict[str, Any]:
        succ = self.graph.succ.get(source)
        data = succ.get(target) if succ is not None else None
        return dict(data) if data is not None else {}

    def exposure(self, address: str) -> tuple[bool, tuple[str, ...]]:
        """Is the asset itself exposed to the internet, and why."""
        data = self.edge(INTERNET, address)
        if not data:
            return False, ()
        return True, tuple(data.get("evidence", ()))

    def attack_path(self, address: str) -> tuple[str, ...]:
        """Shortest route internet → … → asset, empty if the internet cannot reach it."""
        if address == INTERNET or address not in self.graph:
            return ()
        return tuple(self._internet_paths().get(address, ()))

    def blast_radius(self, address: str, max_hops: int = BLAST_MAX_HOPS) -> BlastRadius:
        """Sensitive data stores reachable from the asset (itself included) within `max_hops`."""
        key = (address, max_hops)
        if key not in self._blast:
            self._blast[key] = self._compute_blast(address, max_hops)
        return self._blast[key]

    def _internet_paths(self) -> dict[str, list[str]]:
        if self._paths is None:
            self._paths = dict(nx.single_source_dijkstra_path(self.graph, INTERNET, weight=_edge_weight))
        return self._paths

    def _compute_blast(self, address: str, max_hops: int) -> BlastRadius:
        if address not in self.graph:
            return BlastRadius()
        distances = _bounded_distances(self.graph, address, max_hops, self._steps)
        stores = self._store_nodes()
        found = [(-stores[n][0], distances[n], n, stores[n][1]) for n in stores.keys() & distances.keys()]
        found.sort()
        key = tuple(found)  # neighbouring assets often reach the same stores: score each set once
        cached = self._blast_sets.get(key)
        if cached is None:
            assets = tuple(BlastAsset(address=n, classification=c, distance=d) for _, d, n, c in found)
            cached = self._blast_sets[key] = score_blast(assets)
        return cached

    def _store_nodes(self) -> dict[str, tuple[float, Any]]:
        """The nodes that count in a blast radius (weight > 0), read once from the built graph."""
        if self._stores is None:
            weighed = ((n, _store(attrs)) for n, attrs in self.graph._node.items())
            self._stores = {n: store for n, store in weighed if store[0] > 0}
        return self._stores


def score_blast(assets: tuple[BlastAsset, ...]) -> BlastRadius:
    """Score and level of a set of reachable sensitive assets (thresholds above)."""
    total = sum(classification_weight(a.classification) * BLAST_DISTANCE_DECAY**a.distance for a in assets)
    score = round(min(1.0, total / BLAST_SATURATION), 2)
    restricted = sum(1 for a in assets if classification_weight(a.classification) >= RESTRICTED_WEIGHT)
    if score >= BLAST_HIGH_SCORE or restricted >= BLAST_HIGH_RESTRICTED_COUNT:
        level = "high"
    elif score >= BLAST_MEDIUM_SCORE:
        level = "medium"
    else:
        level = "low"
    return BlastRadius(assets=assets, score=score, level=level)


def _edge_weight(_u: str, _v: str, data: dict[str, Any]) -> float | None:
    kind = data.get("kind")
    if kind == EdgeKind.owns:
        return None  # not a reach edge
    return NETWORK_EDGE_WEIGHT if kind == EdgeKind.network else 1.0


def _store(attrs: dict[str, Any]) -> tuple[float, Any]:
    """(classification weight, classification) of a node; weight 0 unless it is a data store."""
    weight = classification_weight(attrs.get("classification")) if attrs.get("is_data_store") else 0.0
    return weight, attrs.get("classification")


def _bounded_distances(
    graph: nx.DiGraph, start: str, max_hops: int, steps: dict[str, tuple[tuple[str, int], ...]] | None = None
) -> dict[str, int]:
    """0-1 BFS: entering a glue node costs 0 hops, any other node 1.

    `steps` keeps each expanded node's (successor, cost) pairs for later searches on the same graph.
    """
    succ = graph._succ  # raw adjacency: no view objects on this hot path
    nodes = graph._node
    memo = {} if steps is None else steps
    dist = {start: 0}
    queue: deque[str] = deque([start])
    while queue:
        node = queue.popleft()
        here = dist[node]
        out = memo.get(node)
        if out is None:
            out = memo[node] = tuple(
                (nxt, 0 if nodes[nxt].get("type") in GLUE_TYPES else 1)
                for nxt, data in succ[node].items()
                if data.get("kind") != EdgeKind.owns
            )
        for nxt, step in out:
            new = here + step
            if new > max_hops or new >= dist.get(nxt, max_hops + 1):
                continue
            dist[nxt] = new
            if step == 0:
                queue.appendleft(nxt)
            else:
                queue.append(nxt)
    return dist
