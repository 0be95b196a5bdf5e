"""Who may approve a change: a human code owner of every changed file, on the current head."""

from __future__ import annotations

from dataclasses import dataclass

from bot.forge.base import PullRequest, Review, ReviewState
from bot.lifecycle.context import Lifecycle


@dataclass(frozen=True)
class ApprovalStatus:
    approver: str | None  # a valid approver of the current head, if any
    problems: tuple[str, ...]  # why each other review does not count (shown to humans)


def owns(lc: Lifecycle, user: str, path: str) -> bool:
    """`user` is a CODEOWNER of `path` (directly or through a team); no owner: write access."""
    owners = lc.owners_of(path)
    if not owners:
        return lc.forge.user_permission(user) in ("write", "admin")
    for owner in owners:
        name = owner.lstrip("@")
        if "/" in name and user in lc.forge.team_members(name):
            return True
        if name == user:
            return True
    return False


def owners_to_request(lc: Lifecycle, files: list[str]) -> tuple[list[str], list[str]]:
    """(users, teams) named by CODEOWNERS for the changed files."""
    users: list[str] = []
    teams: list[str] = []
    for path in files:
        for owner in lc.owners_of(path):
            name = owner.lstrip("@")
            if "@" in name:  # an e-mail address: not requestable on a forge
                continue
            (teams if "/" in name else users).append(name)
    return list(dict.fromkeys(users)), list(dict.fromkeys(teams))


def _latest(reviews: list[Review]) -> dict[str, Review]:
    out: dict[str, Review] = {}
    for r in reviews:
        out[r.user] = r
    return out


def approval_status(lc: Lifecycle, pr: PullRequest) -> ApprovalStatus:
    files = lc.forge.changed_files(pr.number)
    problems: list[str] = []
    for user, review in _latest(lc.forge.list_reviews(pr.number)).items():
        if review.state != ReviewState.approved:
            continue
        problem = _why_not(lc, user, review, pr, files)
        if problem is None:
            return ApprovalStatus(approver=user, problems=())
        problems.append(problem)
    return ApprovalStatus(approver=None, problems=tuple(problems) or ("no approval from a code owner yet",))


def _why_not(lc: Lifecycle, user: str, review: Review, pr: PullRequest, files: list[str]) -> str | None:
    if user == lc.bot_user:
        return f"{user} is the bot: it cannot approve its own change"
    if review.commit_sha != pr.head_sha:
        return (f"{user} approved {review.commit_sha[:12]}, but the head is now {pr.head_sha[:12]} "
                "(a push after approval voids it)")
    missing = [f for f in files if not owns(lc, user, f)]
    if missing:
        owners = sorted({o for f in missing for o in lc.owners_of(f)}) or ["users with write access"]
        return f"{user} does not own {', '.join(missing)} (owners: {', '.join(owners)})"
    return None
