"""The scan stages, composed: ingest → inventory → map → context → graph → risk.

Each stage does one thing; this module only wires them. Later stages (plan, decide,
execute) start from the `ScanOutcome` this returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.config import RepoConfig, load_repo_config
from bot.context import RepoContext, build_context
from bot.graph import SecurityGraph, build_graph
from bot.ingest import collect
from bot.inventory import build_inventory
from bot.mapping import map_findings
from bot.models.common import ErrorEntry, Level
from bot.models.finding import Finding, VersionUpgrade
from bot.models.report import Assessment, RepositoryInfo, ScanReport, UnmappedFinding
from bot.models.resource import Inventory
from bot.repo import repository_info
from bot.risk import assess, enrich
from bot.versions import version_key

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ScanRequest:
    root: Path
    findings_files: tuple[Path, ...] = ()
    run_checkov: bool = True
    config_text: str | None = None  # `.fixbot.yml` as read from the default branch, if given


@dataclass(frozen=True)
class ScanOutcome:
    """Everything the scan learned; later stages build on it."""

    repository: RepositoryInfo
    config: RepoConfig
    inventory: Inventory
    context: RepoContext
    graph: SecurityGraph
    assessments: tuple[Assessment, ...]
    unmapped: tuple[UnmappedFinding, ...]
    errors: tuple[ErrorEntry, ...]

    def report(self, policy_version: str | None = None) -> ScanReport:
        return ScanReport(
            repository=self.repository,
            assessments=self.assessments,
            unmapped=self.unmapped,
            errors=self.errors,
            policy_version=policy_version,
        )


def dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per fingerprint: highest severity kept, every source's evidence merged."""
    merged: dict[str, Finding] = {}
    for f in findings:
        prev = merged.get(f.id)
        if prev is None:
            merged[f.id] = f
            continue
        merged[f.id] = merge_evidence(prev, f)
    return list(merged.values())


def merge_evidence(prev: Finding, f: Finding) -> Finding:
    """Two reports of one problem: the more severe one, with every source's evidence and hints."""
    top, other = (f, prev) if f.severity.rank > prev.severity.rank else (prev, f)
    sources = prev.sources + tuple(s for s in f.sources if s not in prev.sources)
    levels = list(Level)
    return top.model_copy(update={
        "sources": sources,
        "asset": top.asset or other.asset,
        "asset_hints": top.asset_hints or other.asset_hints,
        "mapping": top.mapping or other.mapping,
        "exploitability": max(top.exploitability, other.exploitability, key=levels.index),
        "upgrade": _furthest_upgrade(top, other),
    })


def _furthest_upgrade(a: Finding, b: Finding) -> VersionUpgrade | None:
    """Of two advisories on one pin, the upgrade that fixes both (the higher fixed version)."""
    ups = [u for u in (a.upgrade, b.upgrade) if u is not None]
    fixed = [u for u in ups if u.fixed]
    if fixed:
        return max(fixed, key=lambda u: version_key(u.fixed or "0"))
    return ups[0] if ups else None


def scan(request: ScanRequest, progress: Progress | None = None) -> ScanOutcome:
    root = request.root.resolve()
    note = progress or (lambda _msg: None)
    config = load_repo_config(root, request.config_text)
    note("inventory")
    inventory = build_inventory(root, config)
    note("ingest")
    ingested = collect(root, request.findings_files, run_checkov=request.run_checkov, config=config, progress=note)
    note("mapping")
    mapping = map_findings(ingested.findings, inventory)
    note("context")
    context = build_context(root, config, inventory)
    graph = build_graph(inventory, context)
    note("risk")
    resources = inventory.by_address()
    enriched = dedupe([enrich(f, resources[f.resource], context, graph) for f in mapping.mapped if f.resource])
    weights = config.risk_weights
    assessments = [assess(f, resources[f.resource], context, graph, weights) for f in enriched if f.resource]
    assessments.sort(key=lambda a: (-a.risk.score, a.finding.file or "", a.finding.rule_id))
    return ScanOutcome(
        repository=repository_info(root),
        config=config,
        inventory=inventory,
        context=context,
        graph=graph,
        assessments=tuple(assessments),
        unmapped=tuple(mapping.unmapped),
        errors=tuple(inventory.errors) + tuple(ingested.errors) + tuple(mapping.errors) + tuple(context.errors),
    )
