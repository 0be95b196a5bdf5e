"""Finding fixbot's own PRs again, and (re)building their branches."""

from __future__ import annotations

from bot.forge.base import FileChange, PrState, PullRequest
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import item_trailers
from bot.lifecycle.items import FixItem
from bot.lifecycle.naming import PrMeta, decode_meta
from bot.models.decision import Outcome
from bot.text import listed_line


def fixbot_prs(lc: Lifecycle, kind: str = "fix") -> list[tuple[PullRequest, PrMeta]]:
    out = []
    for pr in lc.forge.list_prs():
        meta = decode_meta(pr.body)
        if meta is not None and meta.kind == kind:
            out.append((pr, meta))
    return out


def latest_pr_for(lc: Lifecycle, resource: str) -> tuple[PullRequest, PrMeta] | None:
    """The newest fix PR for `resource` (open ones win over older closed/merged ones)."""
    mine = [(pr, m) for pr, m in fixbot_prs(lc) if m.resource == resource]
    if not mine:
        return None
    open_ = [x for x in mine if x[0].state == PrState.open]
    return max(open_ or mine, key=lambda x: x[0].number)


def build_branch(lc: Lifecycle, item: FixItem, base_sha: str) -> str:
    """(Re)create `item.branch` as one fixbot commit on `base_sha`; returns the new head SHA.

    An existing branch (left by a crashed run, or the PR's previous head) is replaced: the
    change is recomputed from the default branch, so nothing stale survives.
    """
    if lc.forge.head_sha(item.branch) is not None:
        lc.forge.delete_branch(item.branch)
    lc.forge.create_branch(item.branch, base_sha)
    changes = [FileChange(path=p, content=c) for p, c in item.files.items()]
    message = f"{fix_subject(item)}\n\n{item.plan.rollback_plan}"
    approved = "policy" if item.decision.outcome == Outcome.allow else "pending"
    trailers = item_trailers(item, **{"Fixbot-Approved-By": approved, "Fixbot-Verification": "pending"})
    return lc.forge.commit(item.branch, message, changes, trailers, expected_head=base_sha)


def fix_subject(item: FixItem) -> str:
    return listed_line("fixbot: ", list(item.actions), f" on {item.resource}", 150, sep=" + ")
