"""App endpoints: JWT-authenticated installation lookups and token minting; token revocation."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.harness.github_standin.http import INSTALLATION, JWT, Call, HttpError, Reply
from tests.harness.github_standin.objects import branch_repo
from tests.harness.github_standin.state import LEVELS, State, Token
from tests.harness.github_standin.templates import body

TOKEN_TTL = timedelta(hours=1)


def get_app(state: State, call: Call) -> Reply:
    return Reply(200, body("/app", "get", 200, id=int(call.jwt_claims["iss"]) if call.jwt_claims else 1))


def repo_installation(state: State, call: Call) -> Reply:
    full = f"{call.args['owner']}/{call.args['repo']}"
    repo = state.repos.get(full)
    inst = next((i for i in state.installations.values() if repo and repo.id in i.repository_ids), None)
    if inst is None:
        raise HttpError(404, "Not Found")
    return Reply(200, body("/repos/{owner}/{repo}/installation", "get", 200, id=inst.id,
                           permissions=dict(inst.permissions), account={"login": inst.account}))


def _narrow(state: State, inst_perms: dict[str, str], inst_repos: list[int], req: dict[str, Any]) -> tuple[
        tuple[int, ...], dict[str, str]]:
    ids = list(req.get("repository_ids") or [])
    for name in req.get("repositories") or []:
        repo = next((r for r in state.repos.values() if r.name == name), None)
        if repo is None:
            raise HttpError(422, f"There is at least one repository that does not exist: {name}")
        ids.append(repo.id)
    if any(i not in inst_repos for i in ids):
        raise HttpError(422, "There is at least one repository that does not exist or is not accessible")
    perms: dict[str, str] = dict(req.get("permissions") or inst_perms)
    for key, level in perms.items():
        if LEVELS.get(inst_perms.get(key, ""), 0) < LEVELS.get(level, 9):
            raise HttpError(422, f"The permissions requested are not granted to this installation: {key}")
    return tuple(ids), perms


def create_token(state: State, call: Call) -> Reply:
    inst = state.installations.get(int(call.args["installation_id"]))
    if inst is None:
        raise HttpError(404, "Not Found")
    ids, perms = _narrow(state, inst.permissions, inst.repository_ids, call.json or {})
    value = "ghs_" + secrets.token_urlsafe(27)
    expires = datetime.now(UTC) + TOKEN_TTL
    state.tokens[value] = Token(value, inst.id, ids, perms, expires)
    repos = [branch_repo(r) for i in (ids or tuple(inst.repository_ids)) if (r := state.repo_by_id(i))]
    return Reply(201, {"token": value, "expires_at": expires.strftime("%Y-%m-%dT%H:%M:%SZ"), "permissions": perms,
                       "repository_selection": "selected", "repositories": repos})


def revoke_token(state: State, call: Call) -> Reply:
    assert call.token is not None
    call.token.revoked = True
    return Reply(204)


def list_installation_repos(state: State, call: Call) -> Reply:
    assert call.token is not None
    inst = state.installations[call.token.installation_id]
    ids = call.token.repository_ids or tuple(inst.repository_ids)
    repos = [branch_repo(r) for i in ids if (r := state.repo_by_id(i))]
    return Reply(200, {"total_count": len(repos), "repositories": repos})


ROUTES = {
    ("GET", "/app"): (get_app, JWT),
    ("GET", "/repos/{owner}/{repo}/installation"): (repo_installation, JWT),
    ("POST", "/app/installations/{installation_id}/access_tokens"): (create_token, JWT),
    ("DELETE", "/installation/token"): (revoke_token, INSTALLATION),
    ("GET", "/installation/repositories"): (list_installation_repos, INSTALLATION),
}
