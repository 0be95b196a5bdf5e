"""The six risk factors. Each maps authoritative inputs to a value in [0,1] plus its evidence.

Inputs come from the repository (resource, context, graph), never from the finding's text;
the finding contributes only its normalised severity, rule ids and exploitability.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.graph.catalog import classification_weight
from bot.graph.model import SecurityGraph
from bot.graph.ports import ResourceContextLike
from bot.models.common import Level, Severity
from bot.models.finding import Finding
from bot.models.resource import Resource
from bot.models.risk import BlastRadius
from bot.risk.rule_kinds import KIND_EXPLOITABILITY, rule_kind

SEVERITY_VALUE: dict[Severity, float] = {
    Severity.info: 0.1,
    Severity.low: 0.3,
    Severity.medium: 0.5,
    Severity.high: 0.8,
    Severity.critical: 1.0,
}
EXPOSED_DIRECTLY = 1.0  # the asset itself is reachable from the internet
EXPOSED_VIA_PATH = 0.7  # the asset sits behind something internet-facing
CRITICALITY_VALUE: dict[str, float] = {"low": 0.25, "medium": 0.5, "high": 0.75, "critical": 1.0}
ENVIRONMENT_VALUE: dict[str, float] = {
    "prod": 1.0,
    "production": 1.0,
    "prd": 1.0,
    "staging": 0.6,
    "stage": 0.6,
    "preprod": 0.6,
    "uat": 0.5,
    "qa": 0.4,
    "test": 0.2,
    "dev": 0.2,
    "development": 0.2,
    "sandbox": 0.1,
}
UNKNOWN_VALUE = 0.5  # an unrecognised criticality or environment
LEVEL_VALUE: dict[Level, float] = {Level.low: 0.3, Level.medium: 0.6, Level.high: 0.9}
MAX_EVIDENCE_ASSETS = 5


@dataclass(frozen=True)
class RiskInputs:
    finding: Finding
    resource: Resource
    context: ResourceContextLike
    graph: SecurityGraph
    attack_path: tuple[str, ...]
    blast: BlastRadius


Scored = tuple[float, tuple[str, ...]]


def _labelled(name: str, value: str | None, evidence: str | None) -> str:
    shown = value if value else "unknown"
    return f"{name} {shown} ({evidence})" if evidence else f"{name} {shown}"


def severity(i: RiskInputs) -> Scored:
    sev = Severity(i.finding.severity)
    rules = sorted({f"{s.tool} {s.rule_id}" for s in i.finding.sources}) or [f"{i.finding.source} {i.finding.rule_id}"]
    return SEVERITY_VALUE[sev], (f"severity {sev.value} ({', '.join(rules)})",)


def exposure(i: RiskInputs) -> Scored:
    direct, why = i.graph.exposure(i.resource.address)
    if direct:
        return EXPOSED_DIRECTLY, ("directly reachable from the internet", *why)
    if i.attack_path:
        _, first = i.graph.exposure(i.attack_path[1])
        return EXPOSED_VIA_PATH, (" → ".join(i.attack_path), *first)
    return 0.0, ("not reachable from the internet",)


def criticality(i: RiskInputs) -> Scored:
    crit = (i.context.criticality or "").lower()
    env = (i.context.environment or "").lower()
    crit_value = CRITICALITY_VALUE.get(crit, UNKNOWN_VALUE)
    env_value = ENVIRONMENT_VALUE.get(env, UNKNOWN_VALUE)
    evidence = (
        _labelled("environment", i.context.environment, i.context.evidence.get("environment")),
        _labelled("criticality", i.context.criticality, i.context.evidence.get("criticality")),
    )
    return round((crit_value + env_value) / 2, 4), evidence


def data_sensitivity(i: RiskInputs) -> Scored:
    own_label = i.context.data_classification
    own = classification_weight(own_label)
    evidence = [_labelled("data_classification", own_label, i.context.evidence.get("data_classification"))]
    # blast assets come most sensitive first
    top = next((a for a in i.blast.assets if a.address != i.resource.address), None)
    value = own
    if top is not None and classification_weight(top.classification) > own:
        value = classification_weight(top.classification)
        evidence.append(f"reaches {top.address} ({top.classification}, {top.distance} hops)")
    return value, tuple(evidence)


def exploitability(i: RiskInputs) -> Scored:
    level = Level(i.finding.exploitability)
    if level != Level.unknown:
        return LEVEL_VALUE[level], (f"exploitability {level.value} (reported by {i.finding.source})",)
    kind, rule = rule_kind(i.finding)
    value, default_level = KIND_EXPLOITABILITY[kind]
    return value, (f"exploitability {default_level.value} (default for {kind.value} rule {rule})",)


def blast_radius(i: RiskInputs) -> Scored:
    assets = [f"{a.address} ({a.classification}, {a.distance} hops)" for a in i.blast.assets]
    shown = assets[:MAX_EVIDENCE_ASSETS]
    if len(assets) > len(shown):
        shown.append(f"and {len(assets) - len(shown)} more")
    summary = f"blast radius {i.blast.level}: {len(assets)} sensitive data store(s) in reach"
    return i.blast.score, (summary, *shown)


# Factors that read only the resource's context and graph position (not the finding), so they
# are computed once per resource and shared by all of its findings. The others (severity,
# exploitability) read only the finding's severity, exploitability, source and rule ids, and are
# shared by every finding with the same values (see `bot.risk.assess._finding_key`).
RESOURCE_FACTORS = frozenset({"exposure", "criticality", "data_sensitivity", "blast_radius"})

# name -> factor; names are the RiskWeights fields, in the report's order.
FACTORS: dict[str, Callable[[RiskInputs], Scored]] = {
    "severity": severity,
    "exposure": exposure,
    "criticality": criticality,
    "data_sensitivity": data_sensitivity,
    "exploitability": exploitability,
    "blast_radius": blast_radius,
}
