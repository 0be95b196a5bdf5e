"""Terraform reach edges: block references (oriented by `catalog.orient`) and IAM wildcards."""

from __future__ import annotations

import networkx as nx

from bot.graph.catalog import ANY_AWS, DATA_STORE_TYPES, IAM_POLICY_TYPES, NETWORK_CONTROL_TYPES, EdgeKind, orient
from bot.graph.edges import Index, link
from bot.graph.values import blocks, compact, has_wildcard, text, texts
from bot.models.resource import IacKind, Resource


def add_terraform_edges(graph: nx.DiGraph, index: Index) -> None:
    for resource in index.resources:
        if resource.kind != IacKind.terraform:
            continue
        ordering_only = _ordering_only(resource)
        for target in index.referenced(resource):
            if target.address in ordering_only:
                continue
            if resource.type in NETWORK_CONTROL_TYPES and target.type in NETWORK_CONTROL_TYPES:
                _add_group_to_group(graph, index, resource, target)
                continue
            oriented = orient(resource.type, target.type)
            if oriented is None:
                continue
            reverse, kind = oriented
            source, dest = (target, resource) if reverse else (resource, target)
            link(graph, source.address, dest.address, kind, f"{resource.address} references {target.address}")
    _add_iam_wildcards(graph, index)


def _ordering_only(resource: Resource) -> set[str]:
    """Addresses named only in `depends_on` (ordering, not access)."""
    if "depends_on" not in resource.attributes:
        return set()
    ordering = str(resource.attributes["depends_on"])
    rest = str({k: v for k, v in resource.attributes.items() if k != "depends_on"})
    plain = {ref: ref.rsplit(":", 1)[-1] for ref in resource.references}  # drop the inventory's `dir:` qualifier
    return {ref for ref, name in plain.items() if name in ordering and name not in rest}


def _add_group_to_group(graph: nx.DiGraph, index: Index, group: Resource, source_group: Resource) -> None:
    """`group` admits traffic from `source_group`: the members of the source reach `group`."""
    for member in index.members(source_group.address):
        why = f"{group.address} admits {source_group.address}, which {member} is in"
        link(graph, member, group.address, EdgeKind.network, why)


def _add_iam_wildcards(graph: nx.DiGraph, index: Index) -> None:
    """A policy allowing `Resource: "*"` reaches every AWS data store (through one virtual node)."""
    grants = [(r, why) for r in index.resources if (why := wildcard_grant(r)) is not None]
    if not grants:
        return
    graph.add_node(ANY_AWS, type=ANY_AWS, kind="virtual", is_data_store=False)
    for resource, why in grants:
        link(graph, resource.address, ANY_AWS, EdgeKind.iam_wildcard, why)
    for r in index.resources:
        if r.type in DATA_STORE_TYPES and r.type.startswith("aws_"):
            link(graph, ANY_AWS, r.address, EdgeKind.iam_wildcard, 'covered by Resource "*"')


def wildcard_grant(resource: Resource) -> str | None:
    """Evidence that an IAM policy block allows every resource, or None."""
    if resource.kind != IacKind.terraform or resource.type not in IAM_POLICY_TYPES:
        return None
    if resource.type == "aws_iam_policy_document":
        for statement in blocks(resource.attributes, "statement"):
            if text(statement.get("effect")).lower() != "deny" and "*" in texts(statement.get("resources")):
                actions = "*" if "*" in texts(statement.get("actions")) else "some actions"
                return f'{resource.address}: statement allows {actions} on resources ["*"]'
        return None
    policy = compact(resource.attributes.get("policy", ""))
    if "allow" in policy and has_wildcard(policy, "resource"):
        actions = '"*"' if has_wildcard(policy, "action") else "some actions"
        return f'{resource.address}: policy allows {actions} on Resource "*"'
    return None
