"""The JSON report contract (`fixbot scan|plan --format json`). Extend; never rename or drop."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import Field

from bot.models.common import ErrorEntry, Frozen, Level, Severity
from bot.models.decision import Decision
from bot.models.finding import Finding
from bot.models.plan import Plan, Unfixed
from bot.models.risk import BlastRadius, Risk

SCHEMA_VERSION = 1


class RepositoryInfo(Frozen):
    path: str
    commit: str | None = None


class Assessment(Frozen):
    """A mapped finding with its context, risk and (later stages) plan and decision."""

    finding: Finding
    risk: Risk
    attack_path: tuple[str, ...] = ()
    blast_radius: BlastRadius = Field(default_factory=BlastRadius)
    plan: Plan | None = None
    unfixed: Unfixed | None = None
    decision: Decision | None = None


class UnmappedFinding(Frozen):
    finding: Finding
    reason: str


def finding_json(a: Assessment) -> dict[str, Any]:
    """One entry of the report's `findings` list."""
    f = a.finding
    out: dict[str, Any] = {
        "id": f.id,
        "source": f.source,
        "sources": sorted({s.tool for s in f.sources} or {f.source}),
        "rule_id": f.rule_id,
        "rule_ids": sorted({s.rule_id for s in f.sources} | {f.rule_id}),
        "title": f.title,
        "severity": Severity(f.severity).value,
        "resource": f.resource,
        "asset": f.asset,
        "file": f.file,
        "line": f.line.start if f.line else None,
        "line_end": f.line.end if f.line else None,
        "environment": f.environment,
        "owners": list(f.owners),
        "data_classification": f.data_classification,
        "internet_exposed": f.internet_exposed,
        "exploitability": Level(f.exploitability).value,
        "mapping": f.mapping.model_dump(mode="json") if f.mapping else None,
        "upgrade": f.upgrade.model_dump(mode="json") if f.upgrade else None,
        "risk": a.risk.model_dump(mode="json"),
        "attack_path": list(a.attack_path),
        "blast_radius": a.blast_radius.model_dump(mode="json"),
    }
    if a.decision is not None:
        out["decision"] = a.decision.model_dump(mode="json")
    if a.plan is not None:
        out["plan"] = plan_json(a.plan)
    if a.unfixed is not None:
        out["unfixed"] = {
            "reason": a.unfixed.reason,
            "missing_parameters": list(a.unfixed.missing_parameters),
            "category": a.unfixed.category.value if a.unfixed.category else None,
        }
    return out


def plan_json(p: Plan) -> dict[str, Any]:
    return {
        "rewriter": p.rewriter,
        "action": p.action,
        "confidence": Level(p.confidence).value,
        "reversible": p.reversible,
        "rollback_plan": p.rollback_plan,
        "verification": p.verification.model_dump(mode="json"),
        "parameters": dict(p.parameters),
        "diff": p.diff,
        "files": list(p.changed_files),
        "notes": list(p.notes),
    }


def unmapped_json(u: UnmappedFinding) -> dict[str, Any]:
    f = u.finding
    return {
        "id": f.id,
        "source": f.source,
        "rule_id": f.rule_id,
        "title": f.title,
        "severity": Severity(f.severity).value,
        "resource": f.resource,
        "asset": f.asset,
        "file": f.file,
        "line": f.line.start if f.line else None,
        "reason": u.reason,
    }


class ScanReport(Frozen):
    repository: RepositoryInfo
    assessments: tuple[Assessment, ...] = ()
    unmapped: tuple[UnmappedFinding, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()
    policy_version: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "repository": self.repository.model_dump(mode="json"),
            "findings": [finding_json(a) for a in self.assessments],
            "unmapped": [unmapped_json(u) for u in self.unmapped],
            "errors": [e.model_dump(mode="json") for e in self.errors],
        }
        if self.policy_version is not None:
            out["policy_version"] = self.policy_version
        return out


# The two callables the chain (bot.chain) hands the lifecycle; defined here, below both.
Decider = Callable[[Sequence[Assessment], Mapping[str, object]], list[Assessment]]  # re-decide with forge facts
Replan = Callable[[str, Sequence[Assessment]], list[Assessment]]  # (resource, subset) -> re-planned
