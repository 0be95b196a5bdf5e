"""Who may approve a change: a human code owner of every changed file, on the current head.

An approver is a user LOGIN (bot/forge/identity.py), compared case-insensitively; a team owner
(`@org/team`) grants ownership only to its ACTIVE members as the forge reports them; an e-mail
owner cannot be matched to a login here and grants nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.forge.base import PullRequest, Review, ReviewState
from bot.forge.identity import Membership, OwnerKind, is_login, login_key, parse_owner, same_login
from bot.lifecycle.context import Lifecycle

PERMISSION_NOTE = "<!-- fixbot:team-membership-unverifiable -->"


@dataclass(frozen=True)
class ApprovalStatus:
    approver: str | None  # a valid approver of the current head, if any
    problems: tuple[str, ...]  # why each other review does not count (shown to humans)
    unverifiable: tuple[str, ...] = ()  # teams whose membership the forge could not tell


@dataclass(frozen=True)
class _Ownership:
    owns: bool
    notes: tuple[str, ...] = ()  # pending memberships, e-mail owners
    unverifiable: tuple[str, ...] = ()


def _ownership(lc: Lifecycle, user: str, path: str) -> _Ownership:
    """`user` is a CODEOWNER of `path` (directly or as an active team member); no owner: write access."""
    owners = lc.owners_of(path)
    if not owners:
        return _Ownership(lc.forge.user_permission(user) in ("write", "admin"))
    notes: list[str] = []
    unverifiable: list[str] = []
    for owner in map(parse_owner, owners):
        if owner.kind is OwnerKind.user and same_login(owner.name, user):
            return _Ownership(True)
        if owner.kind is OwnerKind.team:
            membership = lc.forge.team_membership(owner.name, user)
            if membership is Membership.active:
                return _Ownership(True)
            if membership is Membership.pending:
                notes.append(f"{user}'s membership of {owner.text} is pending (not accepted)")
            elif membership is Membership.unverifiable:
                unverifiable.append(owner.text)
        elif owner.kind is OwnerKind.email:
            notes.append(f"owner {owner.text} is an e-mail address, which no login matches here")
    return _Ownership(False, tuple(notes), tuple(unverifiable))


def owns(lc: Lifecycle, user: str, path: str) -> bool:
    return _ownership(lc, user, path).owns


def owners_to_request(lc: Lifecycle, files: list[str]) -> tuple[list[str], list[str]]:
    """(users, teams) named by CODEOWNERS for the changed files."""
    users: list[str] = []
    teams: list[str] = []
    for path in files:
        for owner in map(parse_owner, lc.owners_of(path)):
            if owner.kind is OwnerKind.user:
                users.append(owner.name)
            elif owner.kind is OwnerKind.team:
                teams.append(owner.name)
    return list(dict.fromkeys(users)), list(dict.fromkeys(teams))


def _latest(reviews: list[Review]) -> dict[str, Review]:
    """The latest review per login (case-insensitively: `Carol` and `carol` are one person)."""
    out: dict[str, Review] = {}
    for r in reviews:
        out[login_key(r.user)] = r
    return out


def approval_status(lc: Lifecycle, pr: PullRequest) -> ApprovalStatus:
    files = lc.forge.changed_files(pr.number)
    problems: list[str] = []
    unverifiable: list[str] = []
    for review in _latest(lc.forge.list_reviews(pr.number)).values():
        if review.state != ReviewState.approved:
            continue
        problem, teams = _why_not(lc, review, pr, files)
        if problem is None:
            return ApprovalStatus(approver=review.user, problems=())
        problems.append(problem)
        unverifiable.extend(teams)
    return ApprovalStatus(approver=None, problems=tuple(problems) or ("no approval from a code owner yet",),
                          unverifiable=tuple(dict.fromkeys(unverifiable)))


def _why_not(lc: Lifecycle, review: Review, pr: PullRequest, files: list[str]) -> tuple[str | None, list[str]]:
    user = review.user
    if not is_login(user):
        return f"{user!r} is not a user login: only a person can approve", []
    if same_login(user, lc.bot_user):
        return f"{user} is the bot: it cannot approve its own change", []
    if review.commit_sha != pr.head_sha:
        return (f"{user} approved {review.commit_sha[:12]}, but the head is now {pr.head_sha[:12]} "
                "(a push after approval voids it)"), []
    checked = {f: _ownership(lc, user, f) for f in files}
    missing = [f for f, o in checked.items() if not o.owns]
    if not missing:
        return None, []
    owners = sorted({o for f in missing for o in lc.owners_of(f)}) or ["users with write access"]
    notes = list(dict.fromkeys(n for f in missing for n in checked[f].notes))
    teams = [t for f in missing for t in checked[f].unverifiable]
    if teams:
        notes.append(f"membership of {', '.join(dict.fromkeys(teams))} could not be checked on the forge")
    detail = f" ({'; '.join(notes)})" if notes else ""
    return f"{user} does not own {', '.join(missing)} (owners: {', '.join(owners)}){detail}", teams
