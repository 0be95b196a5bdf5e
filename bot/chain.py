"""scan → plan → decide, the part of the chain every command and the server share.

The planner decides nothing and the policy engine sees only authoritative input built
from the scan's inventory, context and graph (never the plan's own text).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.models.report import Assessment, Decider, Replan, ScanReport
from bot.planner import plan_findings, plan_resource
from bot.policy import ForgeFacts, PolicyEngine, decide, load_engine
from bot.policy.input import catalogue_index
from bot.provider.live import live_check_registered
from bot.scan_stages import Progress, ScanOutcome, ScanRequest, scan
from rewriters import CATALOGUE

CATALOGUE_INDEX = catalogue_index(CATALOGUE)  # what the policy input reads of each rewriter
LIVE_CHECKS = live_check_registered  # can a live provider (AWS, Kubernetes) verify a check on a type?
FACT_KEYS = ("approvals", "approved_by_owner", "checks_passed")  # what a forge may tell the policy


@dataclass(frozen=True)
class ChainResult:
    outcome: ScanOutcome
    assessments: tuple[Assessment, ...]
    policy_version: str

    def report(self) -> ScanReport:
        return self.outcome.report(self.policy_version).model_copy(update={"assessments": self.assessments})


def plan_and_decide(
    request: ScanRequest,
    *,
    progress: Progress | None = None,
    engine: PolicyEngine | None = None,
    forge_facts: ForgeFacts | None = None,
) -> ChainResult:
    """Scan, plan a minimal fix per resource, and let the policy decide each one."""
    outcome = scan(request, progress)
    note = progress or (lambda _msg: None)
    note("plan")
    planned = plan_findings(outcome.assessments, outcome.inventory, request.root.resolve(), outcome.config)
    note("policy")
    policy = engine or load_engine(request.root.resolve())
    decided = decide(outcome, planned, policy, forge_facts, catalogue=CATALOGUE_INDEX, live_checks=LIVE_CHECKS)
    return ChainResult(outcome=outcome, assessments=tuple(decided), policy_version=policy.version)


@dataclass(frozen=True)
class Decided:
    """The chain on a default-branch snapshot, with what the lifecycle needs to act on it."""

    outcome: ScanOutcome
    assessments: list[Assessment]
    engine: PolicyEngine
    replan: Replan


def decide_snapshot(snap: Path, engine: PolicyEngine, findings: Sequence[Path], run_checkov: bool) -> Decided:
    """Scan, plan and decide on `snap` under `engine` (loaded from the default branch by the caller)."""
    outcome = scan(ScanRequest(root=snap, findings_files=tuple(findings), run_checkov=run_checkov))
    planned = plan_findings(outcome.assessments, outcome.inventory, snap, outcome.config)
    resources = outcome.inventory.by_address()

    def replan(resource: str, subset: Sequence[Assessment]) -> list[Assessment]:
        return plan_resource(resources[resource], subset, snap, outcome.config)

    decided = decide(outcome, planned, engine, catalogue=CATALOGUE_INDEX, live_checks=LIVE_CHECKS)
    return Decided(outcome, decided, engine, replan)


def policy_decider(outcome: ScanOutcome, engine: PolicyEngine) -> Decider:
    """Re-evaluate the policy (at merge time) with the facts only the forge knows."""

    def run(assessments: Sequence[Assessment], facts: Mapping[str, object]) -> list[Assessment]:
        known = {k: v for k, v in facts.items() if k in FACT_KEYS}
        return decide(outcome, assessments, engine, ForgeFacts.model_validate(known), catalogue=CATALOGUE_INDEX,
                      live_checks=LIVE_CHECKS)

    return run
