"""A lifecycle on a LocalForge with small fakes for the stages (policy, checks, owners)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.audit.log import AuditLog
from bot.forge.local import LocalForge
from bot.gitstore.gitops import export_tree
from bot.lifecycle.context import CheckOutcome, CheckRequest, Lifecycle
from bot.lifecycle.ledger import BotState
from bot.models.common import Level
from bot.models.decision import Decision, Outcome, Reason
from bot.models.finding import Finding, fingerprint
from bot.models.plan import FileEdit, Plan, Verification
from bot.models.report import Assessment
from bot.models.risk import Factor, Risk


def assessment(resource: str, file: str, before: str, after: str, rule: str = "CKV_AWS_20",
               action: str = "block_public_s3_access", score: float = 0.5,
               provider_check: str = "matches_desired") -> Assessment:
    fid = fingerprint(rule, resource, None, None)
    finding = Finding(id=fid, source="checkov", rule_id=rule, title=f"{rule} on {resource}", resource=resource,
                      file=file)
    plan = Plan(
        finding_ids=(fid,), resource=resource, rewriter="test_rw", action=action, confidence=Level.high,
        reversible=True, rollback_plan="restore the previous block", edits=(FileEdit(path=file, before=before,
                                                                                    after=after),),
        verification=Verification(rules=(rule,), provider_check=provider_check),
        diff=f"--- a/{file}\n+++ b/{file}\n-{before}+{after}",
    )
    risk = Risk(score=score, factors=(Factor(name="severity", weight=0.25, value=score, evidence=("high",)),))
    return Assessment(finding=finding, risk=risk, plan=plan)


@dataclass
class FakePolicy:
    """resource -> outcome; `calls` records the facts of each evaluation."""

    outcomes: dict[str, Outcome]  # "resource" or "resource|rule" -> outcome
    version: str = "test-v1"
    calls: list[Mapping[str, object]] = field(default_factory=list)

    def __call__(self, assessments: Sequence[Assessment], facts: Mapping[str, object]) -> list[Assessment]:
        self.calls.append(dict(facts))
        return [a.model_copy(update={"decision": self.decision(a)}) for a in assessments]

    def decision(self, a: Assessment) -> Decision:
        res = a.finding.resource or ""
        outcome = self.outcomes.get(f"{res}|{a.finding.rule_id}") or self.outcomes[res]
        return Decision(outcome=outcome, reasons=(Reason(rule=f"test.{outcome.value}", message="because"),),
                        policy_version=self.version)

    def decide_all(self, assessments: Sequence[Assessment]) -> list[Assessment]:
        return self(assessments, {})


@dataclass
class FakeChecker:
    ok: bool = True
    requests: list[CheckRequest] = field(default_factory=list)

    def __call__(self, req: CheckRequest) -> CheckOutcome:
        self.requests.append(req)
        return CheckOutcome(ok=self.ok, summary="fake checks " + ("passed" if self.ok else "failed"))


def make_lifecycle(repo: Path, policy: FakePolicy, checker: FakeChecker | None = None,
                   owners: Mapping[str, tuple[str, ...]] | None = None) -> Lifecycle:
    forge = LocalForge(repo)
    table = dict(owners or {})

    def export(sha: str, dest: Path) -> Path:
        dest.mkdir(parents=True, exist_ok=True)
        return export_tree(forge.repo, sha, dest)

    return Lifecycle(
        forge=forge, audit=AuditLog(forge.repo, forge.state_dir), state=BotState(forge.state_dir),
        decide=policy, owners_of=lambda path: table.get(path, ()), checker=checker or FakeChecker(),
        export=export,
    )
