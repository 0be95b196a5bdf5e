"""Enrich a mapped finding from authoritative sources and score it with explained factors.

A resource usually has several findings; everything that depends only on the resource
(its context, attack path, blast radius and the resource-level factors) is computed once
and kept in the graph's per-scan memo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from bot.config import RiskWeights
from bot.errors import ConfigError
from bot.graph.model import SecurityGraph
from bot.graph.ports import ContextLike, ResourceContextLike
from bot.models.common import _construct, _replace
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
    enriched: dict[str, Any]  # what `enrich` sets on a finding of this resource (never mutated)


def _view(resource: Resource, context: ContextLike, graph: SecurityGraph) -> _ResourceView:
    key = ("risk.view", resource.address)
    cached = graph.memo.get(key)
    if isinstance(cached, _ResourceView) and cached.context is context:
        return cached
    ctx = context.for_resource(resource)
    attack_path = graph.attack_path(resource.address)
    enriched = {
        "environment": ctx.environment,
        "owners": tuple(ctx.owners),
        "data_classification": ctx.data_classification,
        "internet_exposed": bool(attack_path),
    }
    view = _ResourceView(context, ctx, attack_path, graph.blast_radius(resource.address), enriched)
    graph.memo[key] = view
    return view


def enrich(finding: Finding, resource: Resource, context: ContextLike, graph: SecurityGraph) -> Finding:
    """A copy of `finding` whose environment, owners, classification and exposure come from the
    repository's context and graph — never from the finding's own (untrusted) text."""
    return _replace(finding, _view(resource, context, graph).enriched)


def normalised_weights(weights: RiskWeights) -> dict[str, float]:
    """The configured weights scaled to sum to 1 (a clear error when they are all zero)."""
    raw = {name: float(getattr(weights, name)) for name in FACTORS}
    total = sum(raw.values())
    if total <= 0:
        raise ConfigError(".fixbot.yml: risk_weights: all weights are 0", hint="give at least one factor a weight")
    return {name: round(value / total, 4) for name, value in raw.items()}


def _factor(name: str, weight: float, inputs: RiskInputs) -> Factor:
    value, evidence = FACTORS[name](inputs)
    bounded = float(round(min(1.0, max(0.0, value)), 4))
    evidence = tuple(evidence)
    if not all(type(line) is str for line in evidence):
        return Factor(name=name, weight=weight, value=bounded, evidence=evidence)  # validation decides
    # The value is clamped to [0, 1] above and the weight is a normalised float: nothing to validate.
    return _construct(Factor, {"name": name, "weight": weight, "value": bounded, "evidence": evidence},
                      set(_FACTOR_SET))


class _Scoring(NamedTuple):
    """One weights object's normalised weights and factor memos (per resource, per finding key);
    each memo entry remembers the context it was computed with (identity-checked on reuse)."""

    weights: RiskWeights
    normalised: tuple[tuple[str, float], ...]
    by_resource: dict[str, tuple[ContextLike, dict[str, Factor]]]
    by_finding: dict[tuple[object, ...], tuple[ContextLike, dict[str, Factor]]]


def _scoring(weights: RiskWeights, graph: SecurityGraph) -> _Scoring:
    key = ("risk.scoring", id(weights))  # by identity: a scan passes one config's weights each time
    cached = graph.memo.get(key)
    if cached is None or cached.weights is not weights:
        cached = graph.memo[key] = _Scoring(weights, tuple(normalised_weights(weights).items()), {}, {})
    return cached


def _finding_key(finding: Finding) -> tuple[object, ...]:
    """Everything the finding-level factors (severity, exploitability) read from a finding."""
    sources = tuple([(s.tool, s.rule_id) for s in finding.sources])
    return (finding.severity, finding.exploitability, finding.source, finding.rule_id, sources)


def _factors_for(
    memo: dict[Any, tuple[ContextLike, dict[str, Factor]]], key: object, context: ContextLike, inputs: _Inputs,
    resource_level: bool,
) -> dict[str, Factor]:
    """The resource-level (or finding-level) factors, from the memo or computed once."""
    cached = memo.get(key)
    if cached is not None and cached[0] is context:
        return cached[1]
    built = inputs.build()
    factors = {n: _factor(n, w, built) for n, w in inputs.weights if (n in RESOURCE_FACTORS) == resource_level}
    memo[key] = (context, factors)
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


def assess(
    finding: Finding, resource: Resource, context: ContextLike, graph: SecurityGraph, weights: RiskWeights
) -> Assessment:
    """Score a finding: the weighted sum of the factors, each in [0,1] with the evidence that set it.

    Resource-level factors are computed once per resource; finding-level ones once per distinct
    (rule, severity, exploitability, sources) — both shared through the graph's memo."""
    view = _view(resource, context, graph)
    scoring = _scoring(weights, graph)
    normalised = scoring.normalised
    key = _finding_key(finding)
    on_resource, on_finding = scoring.by_resource.get(resource.address), scoring.by_finding.get(key)
    if on_resource is not None and on_finding is not None and on_resource[0] is context and on_finding[0] is context:
        by_resource, by_finding = on_resource[1], on_finding[1]  # both memoised (the usual case)
    else:
        inputs = _Inputs(finding, resource, view, graph, normalised)
        by_resource = _factors_for(scoring.by_resource, resource.address, context, inputs, True)
        by_finding = _factors_for(scoring.by_finding, key, context, inputs, False)
    factors = tuple([by_resource.get(name) or by_finding[name] for name, _ in normalised])
    score = float(round(min(1.0, max(0.0, sum([f.weight * f.value for f in factors]))), 2))
    # Built without re-validation: factors are validated Factors, the score is clamped to [0, 1]
    # above, the attack path and blast radius come validated from the graph (tests compare).
    risk = _construct(Risk, {"score": score, "factors": factors}, set(_RISK_SET))
    return _construct(Assessment, {
        "finding": finding, "risk": risk, "attack_path": view.attack_path, "blast_radius": view.blast,
        "plan": None, "unfixed": None, "decision": None,
    }, set(_ASSESSMENT_SET))


_FACTOR_SET = frozenset({"name", "weight", "value", "evidence"})
_RISK_SET = frozenset({"score", "factors"})
_ASSESSMENT_SET = frozenset({"finding", "risk", "attack_path", "blast_radius"})
