"""Merging a fixbot PR: policy decision, green checks on the exact head SHA, approval if required."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.errors import ConflictError, ForgeError
from bot.forge.base import AutoMerger, CheckConclusion, PrState, PullRequest
from bot.lifecycle.approvers import approval_status
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import decision_trailers, state_trailers
from bot.lifecycle.ledger import ItemState
from bot.lifecycle.premerge import green_on, run_checks
from bot.models.decision import Decision, Outcome, Reason
from bot.models.report import Assessment
from bot.text import one_line

REQUEUE_RULE = "fixbot.requeued_after_failed_verification"
_STRICT = {Outcome.allow: 0, Outcome.require_approval: 1, Outcome.deny: 2}


class MergeStatus(StrEnum):
    """What an attempt to merge a fixbot PR came to."""

    merged = "merged"
    auto_merge = "auto_merge"  # the forge merges once its required checks pass
    awaiting_approval = "awaiting_approval"
    checks_failed = "checks_failed"
    denied = "denied"
    conflict = "conflict"
    not_open = "not_open"


@dataclass(frozen=True)
class MergeResult:
    status: MergeStatus
    detail: str = ""
    merge_sha: str | None = None
    approver: str | None = None


def strictest(decisions: Sequence[Decision]) -> Decision:
    return max(decisions, key=lambda d: _STRICT[Outcome(d.outcome)])


def guard_requeued(decision: Decision, failures: Sequence[str]) -> Decision:
    """A fix that already failed verification is never merged without a human again."""
    if not failures or decision.outcome != Outcome.allow:
        return decision
    reason = Reason(rule=REQUEUE_RULE, message=f"an earlier merge of this fix failed verification: {failures[-1]}")
    return decision.model_copy(update={"outcome": Outcome.require_approval, "reasons": (*decision.reasons, reason)})


def redecide(lc: Lifecycle, st: ItemState, facts: Mapping[str, object]) -> Decision:
    """Policy re-evaluated now (merge time) on the remembered assessments."""
    decided: list[Assessment] = lc.decide(st.assessments, facts)
    decisions = [a.decision for a in decided if a.decision is not None]
    if not decisions:
        return Decision(outcome=Outcome.deny, reasons=(Reason(rule="fixbot.no_decision", message="no decision"),),
                        policy_version="none")
    return guard_requeued(strictest(decisions), st.failures)


def ensure_checks(lc: Lifecycle, pr: PullRequest, st: ItemState, revert: bool = False) -> tuple[bool, str]:
    if green_on(lc, pr.head_sha):
        return True, "checks already green on this head"
    base = lc.forge.head_sha(pr.base) or ""
    rules = () if revert else st.verification_rules or st.rules
    undone = (*st.rules, *st.verification_rules) if revert else ()
    outcome = run_checks(lc, pr, base, rules, st.resource, allowed_regressions=undone)
    lc.audit.record("checks", state_trailers(st, **{
        "Fixbot-PR": str(pr.number), "Fixbot-Commit": pr.head_sha,
        "Fixbot-Detail": ("passed: " if outcome.ok else "failed: ") + outcome.summary,
    }))
    return outcome.ok, outcome.summary


def merge_if_ready(lc: Lifecycle, pr: PullRequest, st: ItemState, decision: Decision) -> MergeResult:
    """Merge `pr` when policy, checks and (if required) a code owner's approval all agree."""
    if pr.state != PrState.open:
        return MergeResult(MergeStatus.not_open, f"PR #{pr.number} is {pr.state.value}")
    if decision.outcome == Outcome.deny:
        return MergeResult(MergeStatus.denied, ", ".join(r.rule for r in decision.reasons))
    approver = None
    if decision.outcome == Outcome.require_approval:
        status = approval_status(lc, pr)
        if status.approver is None:
            return MergeResult(MergeStatus.awaiting_approval, "; ".join(status.problems))
        approver = status.approver
    ok, summary = ensure_checks(lc, pr, st, revert=pr.head.startswith("fixbot/revert/"))
    if not ok:
        return MergeResult(MergeStatus.checks_failed, summary)
    checked = pr.head_sha
    return _merge(lc, pr, st, decision, checked, approver)


def _merge(lc: Lifecycle, pr: PullRequest, st: ItemState, decision: Decision, checked: str,
           approver: str | None) -> MergeResult:
    by = approver or f"policy ({decision.outcome.value})"
    extra = {"Fixbot-Approved-By": by, "Fixbot-PR": str(pr.number), "Fixbot-Verification": "pending"}
    if pr.head.startswith("fixbot/revert/") and st.merge_sha:
        extra.update({"Fixbot-Reverts": st.merge_sha, "Fixbot-Verification": "failed"})
    trailers = state_trailers(st, **decision_trailers(decision), **extra)
    title = one_line(f"Merge fixbot PR #{pr.number}: {pr.title}", 250)
    try:
        sha = lc.forge.merge(pr.number, checked, title, trailers)
    except ConflictError as exc:
        return _auto_merge_or_conflict(lc, pr, checked, title, trailers, str(exc))
    lc.audit.record("merged", {**trailers, "Fixbot-Commit": sha})
    return MergeResult(MergeStatus.merged, f"merged as {sha[:12]}", merge_sha=sha, approver=approver)


def _auto_merge_or_conflict(lc: Lifecycle, pr: PullRequest, checked: str, title: str,
                            trailers: Mapping[str, str], why: str) -> MergeResult:
    """Not mergeable now: when only pending checks stand in the way and the forge offers it, let
    the forge merge once they pass, pinned to `checked` (the SHA fixbot's checks passed on).
    Anything going wrong here leaves the old path (wait for the check events), never fails the run."""
    forge = lc.forge
    if not isinstance(forge, AutoMerger):
        return MergeResult(MergeStatus.conflict, why)
    try:
        if not forge.auto_merge_allowed():
            return MergeResult(MergeStatus.conflict, why)
        failed = sorted(c.name for c in forge.list_checks(checked) if c.conclusion is CheckConclusion.failure)
        if failed:
            return MergeResult(MergeStatus.conflict, f"{why}; failed checks: {', '.join(failed)}")
        auto = forge.enable_auto_merge(pr.number, checked, title, trailers)
    except ForgeError as exc:
        return MergeResult(MergeStatus.conflict, f"{why}; auto-merge not enabled: {exc}")
    if not auto.enabled:
        return MergeResult(MergeStatus.conflict, f"{why}; {auto.detail}")
    if not auto.already:
        _announce_auto_merge(lc, pr, checked, trailers, auto.detail)
    return MergeResult(MergeStatus.auto_merge, auto.detail)


def _announce_auto_merge(lc: Lifecycle, pr: PullRequest, checked: str, trailers: Mapping[str, str],
                         detail: str) -> None:
    lc.audit.record("auto_merge", {**trailers, "Fixbot-Commit": checked, "Fixbot-Detail": detail})
    try:
        lc.forge.comment(pr.number, f"{detail}: GitHub merges this PR once the required checks pass on "
                                    f"`{checked[:12]}`. A new push to the branch cancels it.")
    except ForgeError as exc:  # auto-merge is on either way; the audit record says so
        lc.note(f"PR #{pr.number}: could not comment that auto-merge is enabled: {exc}")
