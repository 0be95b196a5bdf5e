"""`fixbot explain FINDING`: which rule decided, under which policy, and what a human can do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.audit.record import AuditRecord
from bot.audit.trailers import split_list
from bot.lifecycle.ledger import ItemState

# What a human can do about a rule that fired (policy rule name → advice).
ADVICE = {
    "high_blast_radius": "No automation here, no exceptions: make the change by hand in a reviewed PR, or reduce "
                         "what the resource can reach (smaller blast radius) and rerun `fixbot fix`.",
    "no_rollback": "The fix cannot be rolled back automatically: plan it as a manual change with a backup/restore "
                   "procedure.",
    "unknown_action": "The plan is not in the fix catalogue: fix by hand, or add a rewriter with a rollback plan.",
    "delete_in_prod": "Deleting production resources is denied: remove it by hand through your change process.",
    "checks_failed": "The PR's checks failed: look at the check summary (`fixbot prs PATH`) and fix the branch.",
    "prod_change": "A code owner of the changed files approves: `fixbot approve PR --as USER PATH`.",
    "prod_iam_change": "An owner approves the IAM change: `fixbot approve PR --as USER PATH`.",
    "prod_network_change": "An owner approves the network change: `fixbot approve PR --as USER PATH`.",
    "elevated_blast_radius": "A code owner reviews the reach of the change, then approves it.",
    "manual_review_action": "This action always gets a human review: a code owner approves the PR.",
    "fixbot.requeued_after_failed_verification": "An earlier merge failed verification; check the drift, then "
                                                 "approve the new PR.",
}
DEFAULT_ADVICE = "Ask the policy owners: rules live in the fixbot policy pack and the repository's " \
                 ".fixbot/policies/ (changed through a reviewed PR like any code)."


@dataclass(frozen=True)
class Explanation:
    finding: str
    resource: str
    outcome: str
    policy_version: str
    reasons: tuple[tuple[str, str], ...]  # (rule, message)
    status: str
    pr: int | None
    advice: tuple[str, ...]


def _advice(rules: Sequence[str], outcome: str) -> tuple[str, ...]:
    if outcome == "allow":
        return ("Allowed: fixbot merges it once the pre-merge checks are green.",)
    return tuple(dict.fromkeys(ADVICE.get(r, DEFAULT_ADVICE) for r in rules)) or (DEFAULT_ADVICE,)


def _from_state(fid: str, st: ItemState) -> Explanation | None:
    for a in st.assessments:
        if a.finding.id.startswith(fid) and a.decision is not None:
            d = a.decision
            reasons = tuple((r.rule, r.message) for r in d.reasons)
            return Explanation(a.finding.id, st.resource, d.outcome.value, d.policy_version, reasons, st.status,
                               st.pr, _advice([r for r, _ in reasons], d.outcome.value))
    return None


def _from_audit(fid: str, records: Sequence[AuditRecord]) -> Explanation | None:
    for rec in reversed(records):
        ids = [f for f in split_list(rec.get("Fixbot-Finding")) if f.startswith(fid)]
        if rec.event == "decision" and ids:
            rules = split_list(rec.get("Fixbot-Decision-Rule"))
            detail = {p.split(": ", 1)[0].strip(): p.split(": ", 1)[-1] for p in rec.get("Fixbot-Detail").split("; ")}
            outcome = rec.get("Fixbot-Decision")
            return Explanation(ids[0], rec.get("Fixbot-Resource"), outcome, rec.get("Fixbot-Policy-Version"),
                               tuple((r, detail.get(r, "")) for r in rules), "recorded", None, _advice(rules, outcome))
    return None


def explain(fid: str, states: Sequence[ItemState], records: Sequence[AuditRecord]) -> Explanation | None:
    """The newest audit decision wins (it is what happened last); the state adds full messages."""
    audit = _from_audit(fid, records)
    for st in states:
        found = _from_state(fid, st)
        if found is not None and (audit is None or (found.outcome == audit.outcome
                                                    and found.policy_version == audit.policy_version)):
            return found
    return audit
