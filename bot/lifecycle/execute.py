"""One resource's change through the loop: decision → PR → checks → merge or approval request."""

from __future__ import annotations

from dataclasses import dataclass

from bot.forge.base import PrState, PullRequest
from bot.lifecycle.approvers import owners_to_request
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import item_trailers
from bot.lifecycle.items import FixItem
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult, MergeStatus, merge_if_ready
from bot.lifecycle.naming import PrMeta
from bot.lifecycle.prbody import fix_title, render_fix_body
from bot.lifecycle.prs import build_branch, latest_pr_for
from bot.models.decision import Decision, Outcome

LABELS = ("fixbot", "security")


@dataclass(frozen=True)
class Options:
    dry_run: bool = False
    reopen: bool = False
    close_missing: bool = True  # False when the run covers only some findings (a subset, caps)


@dataclass(frozen=True)
class ItemResult:
    resource: str
    finding_ids: tuple[str, ...]
    outcome: str
    rules: tuple[str, ...]
    status: str  # merged | awaiting_approval | denied | closed_by_human | checks_failed | conflict | would_open
    pr: int | None = None
    detail: str = ""


def remembered(lc: Lifecycle, item: FixItem, decision_key: str) -> ItemState:
    prev = lc.state.get(item.resource)
    return ItemState(
        resource=item.resource, status=prev.status if prev else ItemStatus.pr_open, pr=prev.pr if prev else None,
        finding_ids=item.finding_ids, rules=item.rules, files=tuple(item.files),
        verification_rules=tuple(dict.fromkeys(r for a in item.assessments if a.plan
                                              for r in a.plan.verification.rules)),
        provider_check=item.plan.verification.provider_check, failures=prev.failures if prev else (),
        last_decision=decision_key, assessments=item.assessments, merge_sha=prev.merge_sha if prev else None,
    )


def reasons_text(d: Decision) -> str:
    return "; ".join(f"{r.rule}: {r.message}" for r in d.reasons)


def record_decision(lc: Lifecycle, item: FixItem) -> str:
    """Audit the decision unless this exact decision on this exact change is already recorded."""
    d = item.decision
    key = f"{d.outcome.value}|{d.policy_version}|{item.meta().plan_hash}|{','.join(r.rule for r in d.reasons)}"
    prev = lc.state.get(item.resource)
    if prev is None or prev.last_decision != key:
        lc.audit.record("decision", item_trailers(item, **{"Fixbot-Detail": reasons_text(d)}))
    return key


def set_aside(lc: Lifecycle, item: FixItem, opts: Options) -> ItemResult:
    """Findings of a resource kept out of its change: their decision is recorded, nothing else."""
    d = item.decision
    ids = tuple(a.finding.id for a in item.assessments)
    key = f"{item.resource}#{item.role}"
    decision_key = f"{d.outcome.value}|{d.policy_version}|{','.join(ids)}|{','.join(r.rule for r in d.reasons)}"
    prev = lc.state.get(key)
    if not opts.dry_run and (prev is None or prev.last_decision != decision_key):
        detail = "denied: kept out of the resource's change" if item.role == "denied" else \
            "deferred until the change in flight on the same resource merges"
        lc.audit.record("decision", item_trailers(item, **{"Fixbot-Finding": ", ".join(ids),
                                                            "Fixbot-Detail": f"{detail}; {reasons_text(d)}"}))
        lc.state.put(ItemState(resource=key, status=item.role, finding_ids=ids, last_decision=decision_key))
    rules = tuple(r.rule for r in d.reasons)
    return ItemResult(item.resource, ids, d.outcome.value, rules, item.role, None, "set aside from the change")


def process(lc: Lifecycle, item: FixItem, opts: Options) -> ItemResult:
    if item.role != "change":
        return set_aside(lc, item, opts)
    d = item.decision
    result = ItemResult(item.resource, item.finding_ids, d.outcome.value, tuple(r.rule for r in d.reasons), "")
    existing = latest_pr_for(lc, item.resource)
    if opts.dry_run:
        return _dry(result, existing)
    st = lc.state.put(remembered(lc, item, record_decision(lc, item)))
    if d.outcome == Outcome.deny:
        return _deny(lc, item, st, existing, result)
    pr = existing[0] if existing else None
    if pr is not None and pr.state == PrState.closed and pr.closed_by and not opts.reopen:
        return _with(result, "closed_by_human", pr.number, f"closed by {pr.closed_by}; rerun with --reopen")
    if pr is not None and existing and pr.state == PrState.open and existing[1].plan_hash != item.meta().plan_hash:
        lc.forge.close(pr.number, f"Superseded: the change was recomputed on the current `{pr.base}`.")
        lc.forge.delete_branch(pr.head)
        lc.audit.record("closed", item_trailers(item, **{"Fixbot-PR": str(pr.number),
                                                         "Fixbot-Detail": "superseded (base or plan moved)"}))
        pr = None
    if pr is None or pr.state != PrState.open:
        pr = open_fix_pr(lc, item, st)
    st = lc.state.update(item.resource, pr=pr.number, status=ItemStatus.pr_open)
    if d.outcome == Outcome.require_approval:
        _request_reviews(lc, pr)
    return _after_merge(lc, item, merge_if_ready(lc, pr, st, d), result, pr)


def open_fix_pr(lc: Lifecycle, item: FixItem, st: ItemState) -> PullRequest:
    base = lc.forge.default_branch()
    base_sha = lc.forge.head_sha(base) or ""
    build_branch(lc, item, base_sha)
    meta = item.meta().model_copy(update={"base_sha": base_sha})
    body = render_fix_body(item, meta, st.failures)
    pr = lc.forge.open_pr(item.branch, base, fix_title(item), body, LABELS)
    lc.audit.record("pr_opened", item_trailers(item, **{"Fixbot-PR": str(pr.number), "Fixbot-Commit": pr.head_sha}))
    lc.note(f"opened PR #{pr.number} on {item.branch}")
    return pr


def _request_reviews(lc: Lifecycle, pr: PullRequest) -> None:
    users, teams = owners_to_request(lc, lc.forge.changed_files(pr.number))
    missing_u = [u for u in users if u not in pr.requested_reviewers]
    missing_t = [t for t in teams if f"@{t}" not in pr.requested_reviewers]
    if missing_u or missing_t:
        lc.forge.request_review(pr.number, missing_u, missing_t)


def _after_merge(lc: Lifecycle, item: FixItem, res: MergeResult, result: ItemResult, pr: PullRequest) -> ItemResult:
    if res.status == MergeStatus.merged:
        lc.state.update(item.resource, status=ItemStatus.merged, merge_sha=res.merge_sha)
    return _with(result, res.status, pr.number, res.detail)


def _deny(lc: Lifecycle, item: FixItem, st: ItemState, existing: tuple[PullRequest, PrMeta] | None,
          result: ItemResult) -> ItemResult:
    rules = ", ".join(f"`{r.rule}`" for r in item.decision.reasons) or "the policy's default"
    if existing and existing[0].state == PrState.open:
        pr = existing[0]
        lc.forge.close(pr.number, f"Closed by fixbot: policy now denies this change (rule {rules}, "
                                  f"policy {item.decision.policy_version}). See `fixbot explain`.")
        lc.forge.delete_branch(pr.head)
        lc.audit.record("closed", item_trailers(item, **{"Fixbot-PR": str(pr.number), "Fixbot-Detail": "denied"}))
    lc.state.update(st.resource, status=ItemStatus.denied)
    return _with(result, "denied", existing[0].number if existing else None, f"denied by {rules}")


def _dry(result: ItemResult, existing: tuple[PullRequest, PrMeta] | None) -> ItemResult:
    if result.outcome == Outcome.deny.value:
        return _with(result, "denied", None, "dry run")
    pr = existing[0] if existing and existing[0].state == PrState.open else None
    return _with(result, "would_update" if pr else "would_open", pr.number if pr else None, "dry run")


def _with(result: ItemResult, status: str, pr: int | None, detail: str) -> ItemResult:
    return ItemResult(result.resource, result.finding_ids, result.outcome, result.rules, status, pr, detail)
