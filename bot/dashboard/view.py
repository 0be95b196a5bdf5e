"""What the dashboard shows, computed from the chain's assessments and the lifecycle's records.

Inputs are data only: the decided assessments of this scan, fixbot's PRs on the forge (their
hidden `fixbot-meta` markers say which resource each one fixes), the lifecycle's memory when
it is available (verified / reverted), and the ticket numbers. Output is a frozen view the
template renders; nothing here touches a forge.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.dashboard.markers import is_sha, safe_id
from bot.forge.base import PrState, PullRequest
from bot.lifecycle.ledger import ItemState
from bot.lifecycle.naming import PrMeta, decode_meta
from bot.models.common import Frozen
from bot.models.decision import Outcome
from bot.models.report import Assessment

HISTORY = 10  # recently merged fixes shown
ACTIONABLE = ("pending", "reverted")  # no live PR (caps, report mode, superseded, reverted): a tick requests it


class PrRef(Frozen):
    number: int
    url: str | None = None
    state: str = "open"
    reviewers: tuple[str, ...] = ()


class Row(Frozen):
    finding_id: str
    rule_id: str
    title: str
    resource: str
    severity: str
    risk: float
    outcome: str  # allow | require_approval | deny | none
    policy_rules: tuple[str, ...] = ()
    policy_message: str = ""
    status: str  # pending | pr_open | awaiting_approval | merged | reverted | closed | denied | ticket
    pr: PrRef | None = None
    closed_by: str | None = None
    ticket: int | None = None

    @property
    def actionable(self) -> bool:
        return self.status in ACTIONABLE and safe_id(self.finding_id)


class HistoryRow(Frozen):
    resource: str
    pr: PrRef
    status: str  # verified | reverted | reverting | verify_failed | merged
    revert: PrRef | None = None
    detail: str = ""  # the verification failure, when the lifecycle recorded one


class DashboardView(Frozen):
    repository: str
    commit: str | None = None
    policy_version: str | None = None
    rows: tuple[Row, ...] = ()
    history: tuple[HistoryRow, ...] = ()

    @property
    def awaiting(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.outcome == Outcome.require_approval.value)

    @property
    def denied(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.outcome == Outcome.deny.value)

    @property
    def ticketed(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.status == "ticket")


def resource_of(a: Assessment) -> str:
    """The resource a finding is tracked under (its plan's, else the finding's, else its location)."""
    if a.plan is not None:
        return a.plan.resource
    f = a.finding
    return f.resource or f"{f.file or 'unknown'}:{f.line.start if f.line else 0}"


def _ref(pr: PullRequest) -> PrRef:
    return PrRef(number=pr.number, url=pr.url, state=pr.state.value, reviewers=pr.requested_reviewers)


def latest_fix_prs(prs: Sequence[PullRequest]) -> dict[str, PullRequest]:
    """finding id -> the current fix PR that includes it: an open one wins over older closed or merged ones.

    Keyed by finding, not resource: a finding the policy set aside from its resource's change
    (denied, or deferred while the allowed part is in flight) is not shown as fixed by that PR.
    """
    best: dict[str, PullRequest] = {}
    for pr in sorted(prs, key=lambda p: (p.state is PrState.open, p.number)):
        meta = decode_meta(pr.body)
        if meta is not None and meta.kind == "fix":
            best.update(dict.fromkeys(meta.finding_ids, pr))
    return best


def _status(a: Assessment, pr: PullRequest | None, reverted: bool) -> str:
    outcome = a.decision.outcome.value if a.decision else "none"
    if a.plan is None:
        return "ticket"
    if outcome in (Outcome.deny.value, "none"):
        return "denied"
    if pr is None or (pr.state is PrState.closed and pr.closed_by is None):  # none, or superseded by fixbot
        return "pending"
    if pr.state is PrState.open:
        return "awaiting_approval" if outcome == Outcome.require_approval.value else "pr_open"
    if pr.state is PrState.merged:
        return "reverted" if reverted else "merged"
    return "closed"


def make_row(a: Assessment, pr: PullRequest | None, ticket: int | None, reverted: frozenset[int] = frozenset()) -> Row:
    d, f = a.decision, a.finding
    status = _status(a, pr, pr is not None and pr.number in reverted)
    return Row(finding_id=f.id, rule_id=f.rule_id, title=f.title, resource=resource_of(a),
               severity=f.severity.value, risk=a.risk.score, outcome=d.outcome.value if d else "none",
               policy_rules=tuple(r.rule for r in d.reasons) if d else (),
               policy_message=d.reasons[0].message if d and d.reasons else "", status=status,
               pr=_ref(pr) if pr is not None and status not in ("pending", "denied", "ticket") else None,
               closed_by=pr.closed_by if pr is not None and status == "closed" else None,
               ticket=ticket if status == "ticket" else None)


def reverted_prs(prs: Sequence[PullRequest]) -> frozenset[int]:
    """Fix PRs a merged revert PR undid (their findings are back in the queue)."""
    metas = [(pr, decode_meta(pr.body)) for pr in prs if pr.state is PrState.merged]
    return frozenset(m.reverts_pr for _pr, m in metas if m is not None and m.kind == "revert" and m.reverts_pr)


def _history_status(pr: PullRequest, meta: PrMeta, reverts: Mapping[int, PullRequest],
                    states: Mapping[str, ItemState]) -> tuple[str, PrRef | None, str]:
    revert = reverts.get(pr.number)
    st = states.get(meta.resource)
    failure = st.failures[-1] if st is not None and st.failures else ""
    if revert is not None:
        return ("reverted" if revert.state is PrState.merged else "reverting"), _ref(revert), failure
    if st is not None and st.pr == pr.number and st.status in ("verified", "verify_failed"):
        return st.status, None, failure
    return "merged", None, ""


def history(prs: Sequence[PullRequest], states: Sequence[ItemState], limit: int = HISTORY) -> tuple[HistoryRow, ...]:
    """The most recent merged fixes: verified, reverted (a merged revert PR), or just merged."""
    reverts: dict[int, PullRequest] = {}
    merged: list[tuple[PullRequest, PrMeta]] = []
    for pr in prs:
        meta = decode_meta(pr.body)
        if meta is None:
            continue
        if meta.kind == "revert" and meta.reverts_pr is not None and pr.state is not PrState.closed:
            reverts[meta.reverts_pr] = pr
        elif meta.kind == "fix" and pr.state is PrState.merged:
            merged.append((pr, meta))
    by_resource = {st.resource: st for st in states}
    rows = []
    for pr, meta in sorted(merged, key=lambda x: -x[0].number)[:limit]:
        status, revert, detail = _history_status(pr, meta, reverts, by_resource)
        rows.append(HistoryRow(resource=meta.resource, pr=_ref(pr), status=status, revert=revert, detail=detail))
    return tuple(rows)


def build_view(repository: str, assessments: Sequence[Assessment], prs: Sequence[PullRequest],
               states: Sequence[ItemState] = (), tickets: Mapping[str, int] | None = None,
               commit: str | None = None, policy_version: str | None = None) -> DashboardView:
    current = latest_fix_prs(prs)
    numbers = tickets or {}
    undone = reverted_prs(prs)
    rows = [make_row(a, current.get(a.finding.id) if a.plan else None, numbers.get(resource_of(a)), undone)
            for a in assessments]
    rows.sort(key=lambda r: (-r.risk, r.resource, r.rule_id, r.finding_id))
    sha = commit if is_sha(commit) else None
    return DashboardView(repository=repository, commit=sha, policy_version=policy_version, rows=tuple(rows),
                         history=history(prs, states))
