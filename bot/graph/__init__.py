"""The security knowledge graph: resources, data stores, owners and the internet, joined by
"an attacker here can reach there" edges; derived exposure, attack paths and blast radius."""

from bot.graph.build import build_graph
from bot.graph.catalog import INTERNET, EdgeKind
from bot.graph.model import SecurityGraph

__all__ = ["INTERNET", "EdgeKind", "SecurityGraph", "build_graph"]
