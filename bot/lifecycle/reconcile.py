"""Crash recovery: bring the bot's memory and the audit record in line with the forge.

The forge (branches, PRs, merges) is the source of truth for what happened. A run that died
between a forge operation and its bookkeeping left one of these gaps, closed here at the
start of the next run:
- a PR merged/closed while the bot state still says `pr_open` → state updated;
- a revert PR merged while the state says `reverting` → the finding is requeued;
- a merge or an opened PR without its audit record → the record is written late, saying so.
A branch created without its PR (or with a half-built commit) is rebuilt by `prs.build_branch`.
"""

from __future__ import annotations

from bot.audit.record import AuditRecord
from bot.errors import ForgeError
from bot.forge.base import PrState, PullRequest
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import state_trailers
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult, MergeStatus
from bot.lifecycle.prs import fixbot_prs
from bot.lifecycle.revert import mark_reverted

LATE = "recorded late: recovered after an interrupted run"
AUTO_MERGED = "merged by the forge's auto-merge once the required checks passed"


def _recorded(records: list[AuditRecord]) -> set[tuple[str, str]]:
    return {(r.event, r.get("Fixbot-PR")) for r in records}


def _pr(lc: Lifecycle, number: int | None) -> PullRequest | None:
    if number is None:
        return None
    try:
        return lc.forge.get_pr(number)
    except ForgeError:
        return None


def _fix_state(lc: Lifecycle, st: ItemState, seen: set[tuple[str, str]]) -> str | None:
    pr = _pr(lc, st.pr)
    if st.status != ItemStatus.pr_open or pr is None or pr.state == PrState.open:
        return None
    if pr.state == PrState.closed:
        lc.state.update(st.resource, status=ItemStatus.closed)
        return f"PR #{pr.number} was closed: state updated"
    lc.state.update(st.resource, status=ItemStatus.merged, merge_sha=pr.merge_sha)
    if ("merged", str(pr.number)) not in seen:
        detail = AUTO_MERGED if ("auto_merge", str(pr.number)) in seen else LATE
        lc.audit.record("merged", state_trailers(st, **{"Fixbot-PR": str(pr.number), "Fixbot-Commit": pr.merge_sha
                                                        or "", "Fixbot-Detail": detail}))
    return f"PR #{pr.number} was merged: state updated"


def _revert_state(lc: Lifecycle, st: ItemState, seen: set[tuple[str, str]]) -> str | None:
    pr = _pr(lc, st.revert_pr)
    if st.status != ItemStatus.reverting or pr is None or pr.state != PrState.merged:
        return None
    if ("reverted", str(pr.number)) in seen:
        lc.state.update(st.resource, status=ItemStatus.requeued)
    else:
        mark_reverted(lc, st, pr, MergeResult(MergeStatus.merged, LATE, merge_sha=pr.merge_sha))
    return f"revert PR #{pr.number} was merged: finding requeued"


def reconcile(lc: Lifecycle) -> list[str]:
    seen = _recorded(lc.audit.records())
    notes = [n for st in lc.state.all() for n in (_fix_state(lc, st, seen), _revert_state(lc, st, seen)) if n]
    for kind in ("fix", "revert"):
        for pr, meta in fixbot_prs(lc, kind):
            if pr.state == PrState.open and ("pr_opened", str(pr.number)) not in seen:
                lc.audit.record("pr_opened", {
                    "Fixbot-Finding": ", ".join(meta.finding_ids), "Fixbot-Rule": ", ".join(meta.rules),
                    "Fixbot-Resource": meta.resource, "Fixbot-Action": meta.action, "Fixbot-PR": str(pr.number),
                    "Fixbot-Commit": pr.head_sha, "Fixbot-Detail": LATE})
                notes.append(f"PR #{pr.number} had no audit record: recorded late")
    return notes
