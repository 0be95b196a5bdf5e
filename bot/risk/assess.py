"""Enrich a mapped finding from authoritative sources and score it with explained factors.

A resource usually has several findings; everything that depends only on the resource
(its context, attack path, blast radius and the resource-level factors) is computed once
and kept in the graph's per-scan memo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from bot.config import RiskWeights
from bot.errors import ConfigError
from bot.gcpause import gc_paused
from bot.graph.model import SecurityGraph
from bot.graph.ports import ContextLike, ResourceContextLike
from bot.models.finding import Finding
from bot.models.report import Assessment
from bot.models.resource import Resource
from bot.models.risk import BlastRadius, Factor, Risk
from bot.risk.factors import FACTORS, RESOURCE_FACTORS, RiskInputs


@dataclass(frozen=True)
class _ResourceView:
    context: ContextLike  # the context it was computed with (identity-checked on reuse)
    ctx: ResourceContextLike
    attack_path: tuple[str, ...]
    blast: BlastRadius


def _view(resource: Resource, context: ContextLike, graph: SecurityGraph) -> _ResourceView:
    key = ("risk.view", resource.address)
    cached = graph.memo.get(key)
    if isinstance(cached, _ResourceView) and cached.context is context:
        return cached
    view = _ResourceView(
        context=context,
        ctx=context.for_resource(resource),
        attack_path=graph.attack_path(resource.address),
        blast=graph.blast_radius(resource.address),
    )
    graph.memo[key] = view
    return view


@gc_paused
def enrich(finding: Finding, resource: Resource, context: ContextLike, graph: SecurityGraph) -> Finding:
    """A copy of `finding` whose environment, owners, classification and exposure come from the
    repository's context and graph — never from the finding's own (untrusted) text."""
    view = _view(resource, context, graph)
    return finding.model_copy(
        update={
            "environment": view.ctx.environment,
            "owners": tuple(view.ctx.owners),
            "data_classification": view.ctx.data_classification,
            "internet_exposed": bool(view.attack_path),
        }
    )


def normalised_weights(weights: RiskWeights) -> dict[str, float]:
    """The configured weights scaled to sum to 1 (a clear error when they are all zero)."""
    raw = {name: float(getattr(weights, name)) for name in FACTORS}
    total = sum(raw.values())
    if total <= 0:
        raise ConfigError(".fixbot.yml: risk_weights: all weights are 0", hint="give at least one factor a weight")
    return {name: round(value / total, 4) for name, value in raw.items()}


def _factor(name: str, weight: float, inputs: RiskInputs) -> Factor:
    value, evidence = FACTORS[name](inputs)
    bounded = round(min(1.0, max(0.0, value)), 4)
    return Factor(name=name, weight=weight, value=bounded, evidence=tuple(evidence))


def _weights(weights: RiskWeights, graph: SecurityGraph) -> tuple[tuple[str, float], ...]:
    key = ("risk.weights", weights)
    cached = graph.memo.get(key)
    if cached is None:
        cached = graph.memo[key] = tuple(normalised_weights(weights).items())
    return cached


def _finding_key(finding: Finding) -> tuple[object, ...]:
    """Everything the finding-level factors (severity, exploitability) read from a finding."""
    sources = tuple([(s.tool, s.rule_id) for s in finding.sources])
    return (finding.severity, finding.exploitability, finding.source, finding.rule_id, sources)


def _factors_for(
    graph: SecurityGraph, key: tuple[object, ...], context: ContextLike, inputs: _Inputs, resource_level: bool
) -> dict[str, Factor]:
    """The resource-level (or finding-level) factors, from the memo or computed once."""
    cached = graph.memo.get(key)
    if cached is not None and cached[0] is context:
        return cached[1]
    built = inputs.build()
    factors = {n: _factor(n, w, built) for n, w in inputs.weights if (n in RESOURCE_FACTORS) == resource_level}
    graph.memo[key] = (context, factors)
    return factors


class _Inputs(NamedTuple):
    """What a factor needs, materialised only on a memo miss."""

    finding: Finding
    resource: Resource
    view: _ResourceView
    graph: SecurityGraph
    weights: tuple[tuple[str, float], ...]

    def build(self) -> RiskInputs:
        v = self.view
        return RiskInputs(self.finding, self.resource, v.ctx, self.graph, v.attack_path, v.blast)


@gc_paused
def assess(
    finding: Finding, resource: Resource, context: ContextLike, graph: SecurityGraph, weights: RiskWeights
) -> Assessment:
    """Score a finding: the weighted sum of the factors, each in [0,1] with the evidence that set it.

    Resource-level factors are computed once per resource; finding-level ones once per distinct
    (rule, severity, exploitability, sources) — both shared through the graph's memo."""
    view = _view(resource, context, graph)
    normalised = _weights(weights, graph)
    inputs = _Inputs(finding, resource, view, graph, normalised)
    by_resource = _factors_for(graph, ("risk.resource", resource.address, normalised), context, inputs, True)
    by_finding = _factors_for(graph, ("risk.finding", normalised, _finding_key(finding)), context, inputs, False)
    factors = tuple([by_resource.get(name) or by_finding[name] for name, _ in normalised])
    score = round(min(1.0, max(0.0, sum([f.weight * f.value for f in factors]))), 2)
    risk = Risk(score=score, factors=factors)
    return Assessment(finding=finding, risk=risk, attack_path=view.attack_path, blast_radius=view.blast)
