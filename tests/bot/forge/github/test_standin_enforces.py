"""The stand-in itself: its contract checks and GitHub's rules fail when they should."""

from __future__ import annotations

import time

import httpx
import jwt

from tests.harness.github_standin.world import World


def _token(w: World, perms: dict[str, str]) -> str:
    r = httpx.post(f"{w.gh.url}/app/installations/{w.installation.id}/access_tokens",
                   headers={"Authorization": f"Bearer {w.broker.creds.jwt()}"},
                   json={"repository_ids": [w.repo.id], "permissions": perms})
    assert r.status_code == 201
    return str(r.json()["token"])


def _revoke(w: World, token: str) -> None:
    answer = httpx.delete(f"{w.gh.url}/installation/token", headers={"Authorization": f"token {token}"})
    assert answer.status_code == 204


def test_invalid_requests_and_unknown_endpoints_are_recorded_as_violations(w: World) -> None:
    token = _token(w, {"pull_requests": "write"})
    auth = {"Authorization": f"token {token}"}
    httpx.post(f"{w.gh.url}/repos/octo-org/infra/pulls", headers=auth, json={"title": 5})
    httpx.get(f"{w.gh.url}/repos/octo-org/infra/hooks", headers=auth)
    _revoke(w, token)
    kinds = sorted({v.kind for v in w.gh.checker.violations})
    assert kinds == ["request", "unknown-endpoint"]
    w.gh.checker.violations.clear()  # expected here; the fixture asserts none remain


def test_jwt_rules(w: World) -> None:
    now = int(time.time())
    url = f"{w.gh.url}/app/installations/{w.installation.id}/access_tokens"

    def mint(claims: dict[str, object]) -> int:
        token = jwt.encode(claims, w.gh.private_key_pem, algorithm="RS256")
        return httpx.post(url, headers={"Authorization": f"Bearer {token}"}, json={}).status_code

    assert mint({"iat": now - 60, "exp": now + 3600, "iss": str(w.gh.app_id)}) == 401  # lifetime > 10 min
    assert mint({"iat": now - 700, "exp": now - 100, "iss": str(w.gh.app_id)}) == 401  # expired
    assert mint({"iat": now - 60, "exp": now + 500, "iss": "1"}) == 401  # another App


def test_scope_permission_and_revocation(w: World) -> None:
    other = w.gh.add_repo("octo-org", "other", {"x.tf": ""})
    w.installation.repository_ids.append(other.id)
    token = _token(w, {"contents": "read"})
    auth = {"Authorization": f"token {token}"}
    assert httpx.get(f"{w.gh.url}/repos/octo-org/infra/branches/main", headers=auth).status_code == 200
    assert httpx.get(f"{w.gh.url}/repos/octo-org/other/branches/main", headers=auth).status_code == 404
    assert httpx.post(f"{w.gh.url}/repos/octo-org/infra/git/refs", headers=auth,
                      json={"ref": "refs/heads/x", "sha": "0" * 40}).status_code == 403
    _revoke(w, token)
    assert httpx.get(f"{w.gh.url}/repos/octo-org/infra/branches/main", headers=auth).status_code == 401
