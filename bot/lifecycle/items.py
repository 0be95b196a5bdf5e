"""Work units: the assessments of one resource that share one change (one branch, one PR)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.lifecycle.naming import PrMeta, fix_branch, plan_hash
from bot.models.decision import Decision, Outcome
from bot.models.plan import Plan
from bot.models.report import Assessment, Replan

_STRICTNESS = {Outcome.allow: 0, Outcome.require_approval: 1, Outcome.deny: 2}


@dataclass(frozen=True)
class FixItem:
    resource: str
    assessments: tuple[Assessment, ...]  # the planned findings this change fixes, riskiest first
    role: str = "change"  # change | denied | deferred (findings set aside from the resource's change)

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


def _outcome(a: Assessment) -> Outcome:
    return Outcome(a.decision.outcome) if a.decision else Outcome.deny


def split_resource(resource: str, items: list[Assessment], replan: Replan | None) -> list[FixItem]:
    """Mixed decisions on one resource: the change fixes only the most permissive non-denied subset.

    Denied findings are never part of a change; findings needing approval wait (deferred)
    while an allowed change on the same resource is in flight. Without `replan` the
    resource falls back to one change under its strictest decision.
    """
    by: dict[Outcome, list[Assessment]] = {}
    for a in items:
        by.setdefault(_outcome(a), []).append(a)
    if len(by) == 1 or replan is None:
        return [FixItem(resource=resource, assessments=tuple(items))]
    subset = by.get(Outcome.allow) or by.get(Outcome.require_approval) or []
    out = []
    if subset:
        planned = [a for a in replan(resource, subset) if a.plan is not None]
        if planned:
            out.append(FixItem(resource=resource, assessments=tuple(planned)))
    if by.get(Outcome.deny):
        out.append(FixItem(resource=resource, assessments=tuple(by[Outcome.deny]), role="denied"))
    waiting = [a for a in items if _outcome(a) != Outcome.deny and all(a is not b for b in subset)]
    if waiting:
        out.append(FixItem(resource=resource, assessments=tuple(waiting), role="deferred"))
    return out


def group_items(assessments: Sequence[Assessment], replan: Replan | None = None) -> list[FixItem]:
    """Work items per resource with a plan, in the order of the riskiest finding."""
    groups: dict[str, list[Assessment]] = {}
    for a in sorted(assessments, key=lambda x: -x.risk.score):
        if a.plan is not None:
            groups.setdefault(a.plan.resource, []).append(a)
    return [item for res, items in groups.items() for item in split_resource(res, items, replan)]
