"""Work units: the assessments of one resource that share one change (one branch, one PR)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.lifecycle.naming import PrMeta, fix_branch, plan_hash
from bot.models.decision import Decision, Outcome
from bot.models.plan import Plan
from bot.models.report import Assessment

_STRICTNESS = {Outcome.allow: 0, Outcome.require_approval: 1, Outcome.deny: 2}


@dataclass(frozen=True)
class FixItem:
    resource: str
    assessments: tuple[Assessment, ...]  # every planned finding on the resource, riskiest first

    @property
    def plan(self) -> Plan:
        plan = self.assessments[0].plan
        assert plan is not None
        return plan

    @property
    def decision(self) -> Decision:
        """The strictest decision among the resource's findings governs the shared change."""
        decisions = [a.decision for a in self.assessments if a.decision is not None]
        if not decisions:
            return Decision(outcome=Outcome.deny, reasons=(), policy_version="none")
        return max(decisions, key=lambda d: _STRICTNESS[Outcome(d.outcome)])

    @property
    def finding_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fid for a in self.assessments if a.plan for fid in a.plan.finding_ids))

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.finding.rule_id for a in self.assessments))

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.plan.action for a in self.assessments if a.plan))

    @property
    def files(self) -> dict[str, str | None]:
        return {e.path: e.after for e in self.plan.edits}

    @property
    def risk(self) -> float:
        return max(a.risk.score for a in self.assessments)

    @property
    def branch(self) -> str:
        return fix_branch(self.plan.action, self.resource)

    def meta(self) -> PrMeta:
        return PrMeta(
            resource=self.resource, action="+".join(self.actions), finding_ids=self.finding_ids,
            rules=self.rules, plan_hash=plan_hash(self.files),
        )


def group_items(assessments: Sequence[Assessment]) -> list[FixItem]:
    """One item per resource with a plan, in the order of the riskiest finding."""
    groups: dict[str, list[Assessment]] = {}
    for a in sorted(assessments, key=lambda x: -x.risk.score):
        if a.plan is not None:
            groups.setdefault(a.plan.resource, []).append(a)
    return [FixItem(resource=res, assessments=tuple(items)) for res, items in groups.items()]
