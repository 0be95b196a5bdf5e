"""Fixes of different resources that change the same lines of a file cannot both go into one
patch: the later one is reported `unfixed` (apply the first, then run fixbot again) so the
patch always applies and every fix it contains composes."""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy

from bot.models.plan import Plan, Unfixed, UnfixedCategory
from bot.models.report import Assessment
from bot.planner.diff import ChangeSet


class _Merged:
    """Per file: the changes of every accepted edit, and which resources they fix."""

    def __init__(self) -> None:
        self.files: dict[str, ChangeSet] = {}
        self.owners: dict[str, list[str]] = {}

    def clash(self, plan: Plan) -> str | None:
        """The reason `plan` cannot join the accepted edits, or None after adding it."""
        trial: dict[str, ChangeSet] = {}
        for edit in plan.edits:
            current = self.files.get(edit.path) or ChangeSet(edit.path, edit.before)
            candidate = copy(current)
            if not candidate.add(edit):
                others = ", ".join(self.owners.get(edit.path, [])[-3:])
                return (f"its fix changes the same lines of {edit.path} as the fix of {others}; "
                        "apply that one and run fixbot again")
            trial[edit.path] = candidate
        for path, merged in trial.items():
            self.files[path] = merged
            self.owners.setdefault(path, []).append(plan.resource)
        return None


def drop_overlaps(assessments: Sequence[Assessment]) -> list[Assessment]:
    """Assessments in order; a plan overlapping an earlier resource's plan becomes `unfixed`."""
    merged = _Merged()
    verdict: dict[str, str | None] = {}
    for a in assessments:
        if a.plan is not None and a.plan.resource not in verdict:
            verdict[a.plan.resource] = merged.clash(a.plan)
    out: list[Assessment] = []
    for a in assessments:
        reason = verdict.get(a.plan.resource) if a.plan is not None else None
        if a.plan is None or reason is None:
            out.append(a)
            continue
        un = Unfixed(finding_id=a.finding.id, reason=reason, rewriter=a.plan.rewriter,
                     category=UnfixedCategory.overlaps)
        out.append(a.model_copy(update={"unfixed": un, "plan": None}))
    return out
