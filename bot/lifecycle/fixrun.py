"""`fixbot fix`: every planned resource through `execute.process`, then reconcile leftovers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.forge.base import PrState
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.execute import ItemResult, Options, process
from bot.lifecycle.items import FixItem, Replan, group_items
from bot.lifecycle.ledger import ItemStatus
from bot.lifecycle.merge import guard_requeued
from bot.lifecycle.prs import fixbot_prs
from bot.lifecycle.reconcile import reconcile
from bot.models.report import Assessment


@dataclass(frozen=True)
class FixReport:
    results: tuple[ItemResult, ...] = ()
    closed: tuple[ItemResult, ...] = ()  # PRs closed because their findings disappeared
    unfixed: tuple[Assessment, ...] = field(default_factory=tuple)


def guarded(lc: Lifecycle, item: FixItem) -> FixItem:
    """Apply the requeue guard to a resource whose earlier fix failed verification."""
    prev = lc.state.get(item.resource)
    if prev is None or not prev.failures:
        return item
    assessments = tuple(
        a.model_copy(update={"decision": guard_requeued(a.decision, prev.failures)}) if a.decision else a
        for a in item.assessments
    )
    return FixItem(resource=item.resource, assessments=assessments, role=item.role)


def run_fix(lc: Lifecycle, assessments: Sequence[Assessment], opts: Options, replan: Replan | None = None) -> FixReport:
    if not opts.dry_run:
        for note in reconcile(lc):
            lc.note(note)
    items = [guarded(lc, i) if i.role == "change" else i for i in group_items(assessments, replan)]
    results = []
    for item in items:
        lc.note(f"{item.resource}: {item.decision.outcome.value}")
        results.append(process(lc, item, opts))
    closed = close_disappeared(lc, assessments) if opts.close_missing and not opts.dry_run else ()
    unfixed = tuple(a for a in assessments if a.plan is None)
    return FixReport(results=tuple(results), closed=closed, unfixed=unfixed)


def close_disappeared(lc: Lifecycle, assessments: Sequence[Assessment]) -> tuple[ItemResult, ...]:
    """Open fix PRs none of whose findings the scan still reports are closed with a comment."""
    current = {a.finding.id for a in assessments}
    resources = {a.plan.resource for a in assessments if a.plan}
    out = []
    for pr, meta in fixbot_prs(lc):
        if pr.state != PrState.open or meta.resource in resources or current & set(meta.finding_ids):
            continue
        lc.forge.close(pr.number, "Closed by fixbot: the finding(s) this PR fixes are no longer reported.")
        lc.forge.delete_branch(pr.head)
        lc.audit.record("closed", {
            "Fixbot-Finding": ", ".join(meta.finding_ids), "Fixbot-Rule": ", ".join(meta.rules),
            "Fixbot-Resource": meta.resource, "Fixbot-Action": meta.action, "Fixbot-PR": str(pr.number),
            "Fixbot-Detail": "finding no longer reported",
        })
        lc.state.update(meta.resource, status=ItemStatus.closed)
        out.append(ItemResult(meta.resource, meta.finding_ids, "", meta.rules, "closed_disappeared", pr.number))
    return tuple(out)
