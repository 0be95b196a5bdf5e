"""A review arrived: count it (code owner, not the bot, current head), re-decide, maybe merge."""

from __future__ import annotations

from bot.errors import ForgeError
from bot.forge.base import PrState, PullRequest
from bot.lifecycle.approvers import PERMISSION_NOTE, approval_status
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import decision_trailers, state_trailers
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult, MergeStatus, merge_if_ready, redecide, strictest
from bot.lifecycle.premerge import green_on
from bot.lifecycle.revert import mark_reverted, revert_decision
from bot.models.decision import Decision, Outcome


def item_for(lc: Lifecycle, number: int) -> tuple[PullRequest, ItemState]:
    pr = lc.forge.get_pr(number)
    st = lc.state.by_pr(number)
    if st is None:
        raise ForgeError(f"PR #{number} is not a fixbot PR on this repository", hint="see `fixbot prs PATH`")
    return pr, st


def on_review(lc: Lifecycle, number: int) -> MergeResult:
    """Merge the PR if a valid approval of its current head exists and policy still agrees."""
    pr, st = item_for(lc, number)
    if pr.state != PrState.open:
        return MergeResult(MergeStatus.not_open, f"PR #{number} is {pr.state.value}")
    status = approval_status(lc, pr)
    if status.approver is None and status.unverifiable:
        _say_unverifiable(lc, number, status.unverifiable)
    if status.approver is not None:
        lc.audit.record("approved", state_trailers(st, **{
            "Fixbot-PR": str(number), "Fixbot-Approved-By": status.approver, "Fixbot-Commit": pr.head_sha,
        }))
    facts = {"approvals": 1 if status.approver else 0, "approved_by_owner": status.approver is not None,
             "checks_passed": green_on(lc, pr.head_sha) or None}
    decision = revert_decision(lc, st, facts) if number == st.revert_pr else redecide(lc, st, facts)
    _record_if_changed(lc, st, decision, number)
    if decision.outcome == Outcome.deny:
        return _close_denied(lc, pr, st, decision)
    result = merge_if_ready(lc, pr, st, decision)
    if result.status == MergeStatus.merged and number == st.revert_pr:
        mark_reverted(lc, st, pr, result)
    elif result.status == MergeStatus.merged:
        lc.state.update(st.resource, status=ItemStatus.merged, merge_sha=result.merge_sha)
    return result


def _say_unverifiable(lc: Lifecycle, number: int, teams: tuple[str, ...]) -> None:
    """Once per PR: an approval by a team member cannot count while the forge will not tell membership."""
    if any(PERMISSION_NOTE in c.body for c in lc.forge.list_comments(number)):
        return
    lc.forge.comment(number, (
        f"{PERMISSION_NOTE}\nfixbot cannot check who belongs to {', '.join(teams)}, so an approval by a member "
        "of it does not count yet. On GitHub the fixbot App needs the organization permission "
        "`members: read` (an organization owner grants it in the App's installation settings); on the "
        "local forge, set the team with `fixbot prs PATH --team @org/team=login,login`."))


def _record_if_changed(lc: Lifecycle, st: ItemState, decision: Decision, number: int) -> None:
    """The merge-time decision is audited when it differs from the one the PR was opened under."""
    earlier = [a.decision for a in st.assessments if a.decision is not None]
    before = strictest(earlier) if earlier else None
    same = before is not None and (before.outcome, before.policy_version, before.reasons) == (
        decision.outcome, decision.policy_version, decision.reasons)
    if not same:
        lc.audit.record("decision", state_trailers(st, **decision_trailers(decision), **{
            "Fixbot-PR": str(number), "Fixbot-Detail": "re-evaluated at merge time"}))


def _close_denied(lc: Lifecycle, pr: PullRequest, st: ItemState, decision: Decision) -> MergeResult:
    rules = ", ".join(r.rule for r in decision.reasons) or "default deny"
    lc.forge.close(pr.number, f"Closed by fixbot: at merge time policy {decision.policy_version} denies this "
                              f"change (rule {rules}).")
    lc.forge.delete_branch(pr.head)
    lc.audit.record("closed", state_trailers(st, **decision_trailers(decision), **{
        "Fixbot-PR": str(pr.number), "Fixbot-Detail": "denied at merge time"}))
    lc.state.update(st.resource, status=ItemStatus.denied)
    return MergeResult(MergeStatus.denied, rules)
