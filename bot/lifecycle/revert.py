"""The rollback path: a revert PR (`git revert -m 1` of the merge), decided by policy like any change.

The revert is evaluated on the same resource with the same catalogue facts as the fix it
undoes (it is that action's rollback), so a revert in production still needs its owner.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.errors import ForgeError
from bot.forge.base import PullRequest
from bot.lifecycle.approvers import owners_to_request
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import decision_trailers, state_trailers
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult, MergeStatus, merge_if_ready, strictest
from bot.lifecycle.naming import PrMeta, revert_branch
from bot.lifecycle.prbody import render_revert_body
from bot.models.decision import Decision, Outcome, Reason
from bot.text import one_line

LABELS = ("fixbot", "revert")


def revert_decision(lc: Lifecycle, st: ItemState, facts: Mapping[str, object]) -> Decision:
    decided = lc.decide(st.assessments, facts)
    decisions = [a.decision for a in decided if a.decision is not None]
    if not decisions:
        return Decision(outcome=Outcome.require_approval, policy_version="none",
                        reasons=(Reason(rule="fixbot.no_decision", message="no policy decision for the revert"),))
    return strictest(decisions)


def open_revert(lc: Lifecycle, st: ItemState, reason: str, requested_by: str | None = None
                ) -> tuple[PullRequest, MergeResult]:
    """`requested_by`: a person asked for it (`/fixbot revert`) rather than a failed verification."""
    if st.merge_sha is None or st.pr is None:
        raise ForgeError(f"{st.resource}: no merge recorded to revert")
    decision = revert_decision(lc, st, {})
    branch = revert_branch(st.merge_sha)
    cause = {"Fixbot-Verification": "failed"} if requested_by is None else {"Fixbot-Requested-By": requested_by}
    trailers = state_trailers(st, **decision_trailers(decision), **{
        "Fixbot-Reverts": st.merge_sha, **cause, "Fixbot-PR": str(st.pr), "Fixbot-Approved-By": "pending"})
    why = "Verification failed" if requested_by is None else "Revert requested"
    message = f"{one_line(f'fixbot: revert PR #{st.pr} on {st.resource}', 150)}\n\n{why}: {reason}"
    lc.forge.revert_branch(st.merge_sha, branch, message[:2000], trailers)
    meta = PrMeta(kind="revert", resource=st.resource, action="revert", finding_ids=st.finding_ids,
                  rules=st.rules, reverts_pr=st.pr, merge_sha=st.merge_sha)
    body = render_revert_body(st.pr, st.merge_sha, reason, _describe(decision), meta, st.files)
    base = lc.forge.default_branch()
    why_short = "verification failed" if requested_by is None else "requested"
    title = one_line(f"fixbot: revert #{st.pr} on {st.resource} ({why_short})", 200)
    pr = lc.forge.open_pr(branch, base, title, body, LABELS)
    lc.audit.record("pr_opened", {**trailers, "Fixbot-PR": str(pr.number), "Fixbot-Commit": pr.head_sha})
    st = lc.state.update(st.resource, revert_pr=pr.number, status=ItemStatus.reverting)
    if decision.outcome == Outcome.require_approval:
        users, teams = owners_to_request(lc, lc.forge.changed_files(pr.number))
        lc.forge.request_review(pr.number, users, teams)
    result = merge_if_ready(lc, pr, st, decision)
    if result.status == MergeStatus.merged:
        mark_reverted(lc, st, pr, result)
    return pr, result


def mark_reverted(lc: Lifecycle, st: ItemState, pr: PullRequest, result: MergeResult) -> None:
    lc.audit.record("reverted", state_trailers(st, **{
        "Fixbot-PR": str(pr.number), "Fixbot-Reverts": st.merge_sha or "", "Fixbot-Commit": result.merge_sha or "",
        "Fixbot-Detail": "finding requeued with the verification failure attached"}))
    lc.state.update(st.resource, status=ItemStatus.requeued)


def _describe(d: Decision) -> str:
    rules = ", ".join(r.rule for r in d.reasons) or "no rule"
    return f"{d.outcome.value} ({rules}; policy {d.policy_version})"
