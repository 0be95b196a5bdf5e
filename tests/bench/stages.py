"""The benchmark's explicit stage registry.

Each `Stage` runs one piece of the chain on a `BenchState` and is timed on its own. Stages
run in registry order; later ones use what earlier ones left in the state. `reference` stages
(checkov) are what fixbot is compared against; the rest add up to "fixbot total". A stage may
name a per-item rate (`rate_unit`, `items`) — e.g. a future "plan" stage reporting findings/s
or a "policy" stage reporting ms/finding — and `PROBES` hold one-off measurements (e.g. the
webhook ack latency) printed after the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import RepoConfig, load_repo_config
from bot.context import build_context
from bot.graph import build_graph
from bot.ingest import checkov
from bot.ingest.base import IngestContext
from bot.ingest.checkov_runner import RUN_INPUT, checkov_json
from bot.inventory import build_inventory
from bot.mapping import map_findings
from bot.planner import plan_findings
from bot.risk import assess, enrich
from bot.scan_stages import dedupe
from tests.bench.policy import bench_policy, policy_stage


@dataclass
class BenchState:
    """What the stages hand each other for one synthetic repository (mutable on purpose)."""

    root: Path
    config: RepoConfig = field(default_factory=RepoConfig)
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[BenchState], None]
    reference: bool = False  # True: the external tool fixbot is measured against
    rate_unit: str | None = None  # e.g. "ms/finding", "findings/s"
    items: Callable[[BenchState], int] | None = None  # how many items the rate is over
    scan: bool = True  # part of `fixbot scan` (the ≤ 5 % target); False for plan/decide/... stages


@dataclass(frozen=True)
class Probe:
    """A one-off measurement: returns (value, unit)."""

    name: str
    measure: Callable[[], tuple[float, str]]


def _checkov(s: BenchState) -> None:
    s.config = load_repo_config(s.root)
    s.values["checkov_json"] = checkov_json(s.root, quiet=True)


def _inventory(s: BenchState) -> None:
    s.values["inventory"] = build_inventory(s.root, s.config)


def _ingest_parse(s: BenchState) -> None:
    ctx = IngestContext(root=s.root.resolve(), input=RUN_INPUT)
    findings, _errors = checkov.to_findings(s.values.pop("checkov_json"), ctx)  # freed, as in the pipeline
    s.values["findings"] = findings


def _mapping(s: BenchState) -> None:
    s.values["mapping"] = map_findings(s.values["findings"], s.values["inventory"])


def _context(s: BenchState) -> None:
    s.values["context"] = build_context(s.root, s.config, s.values["inventory"])


def _graph(s: BenchState) -> None:
    s.values["graph"] = build_graph(s.values["inventory"], s.values["context"])


def _risk(s: BenchState) -> None:
    resources = s.values["inventory"].by_address()
    context, graph = s.values["context"], s.values["graph"]
    mapped = [f for f in s.values["mapping"].mapped if f.resource in resources]
    enriched = dedupe([enrich(f, resources[f.resource], context, graph) for f in mapped])
    s.values["assessments"] = [
        assess(f, resources[f.resource], context, graph, s.config.risk_weights) for f in enriched if f.resource
    ]


def _plan(s: BenchState) -> None:
    s.values["assessments"] = plan_findings(s.values["assessments"], s.values["inventory"], s.root, s.config)


def _policy(s: BenchState) -> None:
    policy_stage(s.values)


def _finding_count(s: BenchState) -> int:
    return len(s.values.get("findings", ()))


def _assessed_count(s: BenchState) -> int:
    return len(s.values.get("assessments", ()))


STAGES: tuple[Stage, ...] = (
    Stage("checkov", _checkov, reference=True),
    Stage("inventory", _inventory),
    Stage("ingest-parse", _ingest_parse, rate_unit="ms/finding", items=_finding_count),
    Stage("mapping", _mapping, rate_unit="ms/finding", items=_finding_count),
    Stage("context", _context),
    Stage("graph", _graph),
    Stage("risk", _risk, rate_unit="ms/finding", items=_assessed_count),
    Stage("plan", _plan, rate_unit="findings/s", items=_assessed_count, scan=False),
    Stage("policy", _policy, rate_unit="ms/finding", items=_assessed_count, scan=False),
)


def _webhook_ack() -> tuple[float, str]:
    from tests.bench.server import ack_latency

    p50, p99 = ack_latency("", 2000, 200.0)  # durable enqueue on SQLite; Redis: `python -m tests.bench.server`
    return p99, f"ms p99 (p50 {p50:.2f} ms)"


PROBES: tuple[Probe, ...] = (
    Probe("policy, 5000 repo-like inputs, one query", lambda: (bench_policy(5000), "CPU ms/finding")),
    Probe("policy, 5000 all-distinct inputs, one query", lambda: (bench_policy(5000, distinct=True), "CPU ms/finding")),
    Probe("webhook ack latency, 2000 signed deliveries at 200 req/s on loopback", _webhook_ack),
)
