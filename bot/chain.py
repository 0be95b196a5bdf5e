"""scan → plan → decide, the part of the chain every command and the server share.

The planner decides nothing and the policy engine sees only authoritative input built
from the scan's inventory, context and graph (never the plan's own text).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.models.report import Assessment, ScanReport
from bot.pipeline import Progress, ScanOutcome, ScanRequest, scan
from bot.planner import plan_findings
from bot.policy import ForgeFacts, PolicyEngine, decide, load_engine


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
    decided = decide(outcome, planned, policy, forge_facts)
    return ChainResult(outcome=outcome, assessments=tuple(decided), policy_version=policy.version)
