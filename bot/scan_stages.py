"""The scan stages, composed: ingest → inventory → map → context → graph → risk.

Each stage does one thing; this module only wires them. Later stages (plan, decide,
execute) start from the `ScanOutcome` this returns.
"""

from __future__ import annotations

import json
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
from bot.models.finding import Finding, SourceRef, VersionUpgrade
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
    """One finding per fingerprint: highest severity kept, every source's evidence merged.

    Linear in the number of records: duplicates are grouped first and each group merged once.
    """
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.id, []).append(f)
    return [group[0] if len(group) == 1 else merge_group(group) for group in groups.values()]


def merge_evidence(prev: Finding, f: Finding) -> Finding:
    """Two reports of one problem: the more severe one, with every source's evidence and hints."""
    return merge_group([prev, f])


def _source_key(s: SourceRef) -> tuple[str, ...]:
    raw = json.dumps(s.raw, sort_keys=True, default=str)
    return (s.source, s.tool, s.rule_id, s.input or "", s.pointer or "", raw)


def merge_group(group: Sequence[Finding]) -> Finding:
    """Reports of one problem: the first most severe one, with every report's evidence and hints."""
    top = group[0]
    for f in group[1:]:
        if f.severity.rank > top.severity.rank:
            top = f
    ordered = [top, *(f for f in group if f is not top)]
    sources = {_source_key(s): s for f in group for s in f.sources}
    levels = list(Level)
    upgrade = None
    for f in group:
        upgrade = _furthest_upgrade_of(upgrade, f.upgrade)
    return top.model_copy(update={
        "sources": tuple(sources.values()),
        "asset": next((f.asset for f in ordered if f.asset), top.asset),
        "asset_hints": next((f.asset_hints for f in ordered if f.asset_hints), top.asset_hints),
        "mapping": next((f.mapping for f in ordered if f.mapping), top.mapping),
        "exploitability": max((f.exploitability for f in group), key=levels.index),
        "upgrade": upgrade,
    })


def _furthest_upgrade_of(a: VersionUpgrade | None, b: VersionUpgrade | None) -> VersionUpgrade | None:
    """Of two advisories on one pin, the upgrade that fixes both (the higher fixed version)."""
    ups = [u for u in (a, b) if u is not None]
    fixed = [u for u in ups if u.fixed]
    if fixed:
        return max(fixed, key=lambda u: version_key(u.fixed or "0"))
    return ups[0] if ups else None


def refused_files(inventory: Inventory) -> tuple[str, ...]:
    """Files fixbot refused outright (an error and nothing inventoried): checkov skips them too."""
    used = {r.file for r in inventory.resources}
    return tuple(sorted({e.file for e in inventory.errors if e.file and e.file not in used}))


def scan(request: ScanRequest, progress: Progress | None = None) -> ScanOutcome:
    root = request.root.resolve()
    note = progress or (lambda _msg: None)
    config = load_repo_config(root, request.config_text)
    note("inventory")
    inventory = build_inventory(root, config)
    note("ingest")
    ingested = collect(root, request.findings_files, run_checkov=request.run_checkov, config=config, progress=note,
                       checkov_skip=refused_files(inventory))
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
