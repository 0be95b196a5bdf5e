"""Team membership on GitHub: who may approve for an `@org/team` code owner.

`GET /orgs/{org}/teams/{team_slug}/memberships/{username}` needs the ORGANIZATION permission
`members: read`. Each check takes its own token (this repository, `members: read` only),
revoked after, whatever action is running. Only `state: active` counts; a pending invitation
does not. Answers are cached for MEMBERSHIP_TTL seconds (a removed member stops counting
within minutes). Without the permission the answer is `unverifiable`: the lifecycle says so
on the PR instead of treating the reviewer as a non-member silently.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.errors import ForgeError
from bot.forge.github.permissions import NEEDS
from bot.forge.identity import Membership, is_login, login_key, split_team

if TYPE_CHECKING:
    from bot.forge.github.auth import RepoRef, TokenBroker
    from bot.forge.github.client import Api

log = logging.getLogger(__name__)
MEMBERSHIP_TTL = 120.0  # seconds


class TeamOps:
    """`team_membership` of `GitHubForge` (mixed in)."""

    if TYPE_CHECKING:
        broker: TokenBroker
        repo: RepoRef

        def _client(self, token: str) -> Api: ...

    clock: Callable[[], float] = time.monotonic

    def team_membership(self, team: str, login: str) -> Membership:
        if not is_login(login):
            return Membership.absent
        org, slug = split_team(team)
        key = (org.lower(), slug.lower(), login_key(login))
        cache: dict[tuple[str, str, str], tuple[float, Membership]] = self.__dict__.setdefault("_memberships", {})
        hit = cache.get(key)
        now = self.clock()
        if hit is not None and hit[0] > now:
            return hit[1]
        answer = self._ask_membership(org, slug, login)
        if answer is not Membership.unverifiable:  # a permission granted later takes effect at once
            cache[key] = (now + MEMBERSHIP_TTL, answer)
        return answer

    def _ask_membership(self, org: str, slug: str, login: str) -> Membership:
        path = f"/orgs/{org}/teams/{slug}/memberships/{login}"
        try:
            with self.broker.token(self.repo, NEEDS["team_membership"]) as tok:
                data = self._client(tok.value).absolute("GET", path, "get team membership", missing_ok=True)
        except ForgeError as exc:
            if not _permission_refused(str(exc)):
                raise
            log.warning("cannot check membership of @%s/%s: the App lacks members:read (%s)", org, slug, exc)
            return Membership.unverifiable
        return _membership(data)


def _permission_refused(message: str) -> bool:
    """The installation was not granted `members: read` (token refused), or the API refused it."""
    return "answered 422" in message or "failed (403)" in message


def _membership(data: Any) -> Membership:
    if not isinstance(data, dict):
        return Membership.absent  # 404: not a member (or no such team)
    return {"active": Membership.active, "pending": Membership.pending}.get(str(data.get("state")), Membership.absent)
