"""Organization endpoints: team membership (`members: read`, an organization permission)."""

from __future__ import annotations

from tests.harness.github_standin.http import ORG_MEMBERS, Call, HttpError, Reply
from tests.harness.github_standin.state import State
from tests.harness.github_standin.templates import body

MEMBERSHIP = "/orgs/{org}/teams/{team_slug}/memberships/{username}"


def team_membership(state: State, call: Call) -> Reply:
    """GitHub compares org, team slug and login case-insensitively; a non-member is a 404."""
    org, slug, login = (call.args[k].lower() for k in ("org", "team_slug", "username"))
    team = state.teams.get(org, {}).get(slug)
    if team is None or login not in team:
        raise HttpError(404, "Not Found")
    role, member_state = team[login]
    return Reply(200, body(MEMBERSHIP, "get", 200, url=f"https://api.github.com/teams/1/memberships/{login}",
                           role=role, state=member_state))


ROUTES = {
    ("GET", MEMBERSHIP): (team_membership, ORG_MEMBERS),
}
