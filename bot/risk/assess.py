"""Enrich a mapped finding from authoritative sources and score it with explained factors."""

from __future__ import annotations

from bot.config import RiskWeights
from bot.errors import ConfigError
from bot.graph.model import SecurityGraph
from bot.graph.ports import ContextLike
from bot.models.finding import Finding
from bot.models.report import Assessment
from bot.models.resource import Resource
from bot.models.risk import Factor, Risk
from bot.risk.factors import FACTORS, RiskInputs


def enrich(finding: Finding, resource: Resource, context: ContextLike, graph: SecurityGraph) -> Finding:
    """A copy of `finding` whose environment, owners, classification and exposure come from the
    repository's context and graph — never from the finding's own (untrusted) text."""
    ctx = context.for_resource(resource)
    return finding.model_copy(
        update={
            "environment": ctx.environment,
            "owners": tuple(ctx.owners),
            "data_classification": ctx.data_classification,
            "internet_exposed": bool(graph.attack_path(resource.address)),
        }
    )


def normalised_weights(weights: RiskWeights) -> dict[str, float]:
    """The configured weights scaled to sum to 1 (a clear error when they are all zero)."""
    raw = {name: float(getattr(weights, name)) for name in FACTORS}
    total = sum(raw.values())
    if total <= 0:
        raise ConfigError(".fixbot.yml: risk_weights: all weights are 0", hint="give at least one factor a weight")
    return {name: value / total for name, value in raw.items()}


def assess(
    finding: Finding, resource: Resource, context: ContextLike, graph: SecurityGraph, weights: RiskWeights
) -> Assessment:
    """Score a finding: the weighted sum of the factors, each factor in [0,1] with the evidence that set it."""
    path = graph.attack_path(resource.address)
    blast = graph.blast_radius(resource.address)
    inputs = RiskInputs(finding, resource, context.for_resource(resource), graph, path, blast)
    factors = []
    for name, weight in normalised_weights(weights).items():
        value, evidence = FACTORS[name](inputs)
        bounded = round(min(1.0, max(0.0, value)), 4)
        factors.append(Factor(name=name, weight=round(weight, 4), value=bounded, evidence=evidence))
    score = round(min(1.0, max(0.0, sum(f.weight * f.value for f in factors))), 2)
    risk = Risk(score=score, factors=tuple(factors))
    return Assessment(finding=finding, risk=risk, attack_path=path, blast_radius=blast)
