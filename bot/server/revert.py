"""`/fixbot revert` on a merged fixbot PR: a revert PR that a code owner must approve."""

from __future__ import annotations

from bot.forge.base import PullRequest
from bot.forge.github import GitHubForge
from bot.forge.github.permissions import OPEN_FIX, union
from bot.lifecycle.naming import PrMeta, revert_branch
from bot.lifecycle.prbody import render_revert_body
from bot.server.codeowners import owners_for
from bot.text import one_line

LABELS = ("fixbot", "revert")


def open_manual_revert(forge: GitHubForge, pr: PullRequest, meta: PrMeta, by: str) -> int:
    assert pr.merge_sha is not None
    with forge.action("revert", union(OPEN_FIX, {"pull_requests": "write"})):
        files = forge.changed_files(pr.number)
        branch = revert_branch(pr.merge_sha)
        reason = f"requested by {by} with /fixbot revert"
        forge.revert_branch(pr.merge_sha, branch, one_line(f"fixbot: revert PR #{pr.number} on {meta.resource}", 150),
                            {"Fixbot-Reverts": pr.merge_sha, "Fixbot-PR": str(pr.number),
                             "Fixbot-Resource": meta.resource, "Fixbot-Detail": "manual revert"})
        rmeta = PrMeta(kind="revert", resource=meta.resource, action="revert", finding_ids=meta.finding_ids,
                       rules=meta.rules, reverts_pr=pr.number, merge_sha=pr.merge_sha)
        body = render_revert_body(pr.number, pr.merge_sha, reason, "require_approval (manual revert)", rmeta,
                                  tuple(files))
        base = forge.default_branch()
        title = one_line(f"fixbot: revert #{pr.number} on {meta.resource}", 200)
        rpr = forge.open_pr(branch, base, title, body, LABELS)
        users, teams = owners_for(forge, files, base)
        forge.request_review(rpr.number, [u for u in users if u != by] or users, teams)
        return rpr.number
