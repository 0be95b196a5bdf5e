"""Composition of the graph: nodes from inventory + context, then each edge builder."""

from __future__ import annotations

import networkx as nx

from bot.graph.catalog import DATA_STORE_TYPES, INTERNET, OWNER_PREFIX, EdgeKind
from bot.graph.edges import Index, link
from bot.graph.exposure import add_exposure_edges
from bot.graph.kubernetes import add_kubernetes_edges
from bot.graph.model import SecurityGraph
from bot.graph.ports import ContextLike
from bot.graph.terraform import add_terraform_edges
from bot.models.resource import Inventory, Resource


def is_data_store(resource: Resource) -> bool:
    return resource.type in DATA_STORE_TYPES


def build_graph(inventory: Inventory, context: ContextLike) -> SecurityGraph:
    """Resources, owners and the internet as nodes; reach and exposure edges between them."""
    graph = nx.DiGraph()
    graph.add_node(INTERNET, type=INTERNET, kind="internet", is_data_store=False)
    for resource in inventory.resources:
        _add_resource_node(graph, resource, context)
    index = Index(inventory.resources)
    add_terraform_edges(graph, index)
    add_kubernetes_edges(graph, index)
    add_exposure_edges(graph, index)
    return SecurityGraph(graph)


def _add_resource_node(graph: nx.DiGraph, resource: Resource, context: ContextLike) -> None:
    ctx = context.for_resource(resource)
    graph.add_node(
        resource.address,
        type=resource.type,
        kind=resource.kind.value,
        file=resource.file,
        environment=ctx.environment,
        classification=ctx.data_classification,
        criticality=ctx.criticality,
        is_data_store=is_data_store(resource),
    )
    for owner in ctx.owners:
        node = f"{OWNER_PREFIX}{owner}"
        if node not in graph:
            graph.add_node(node, type="owner", kind="owner", is_data_store=False)
        link(graph, node, resource.address, EdgeKind.owns, "CODEOWNERS")
