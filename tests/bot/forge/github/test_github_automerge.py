"""GitHub auto-merge through GitHubForge (GraphQL mutation) against the stand-in, which merges as GitHub would."""

from __future__ import annotations

import httpx
from github import Auth, Github

from bot.forge.base import AutoMerger
from bot.forge.github.permissions import NEEDS
from tests.bot.forge.github.test_github_forge import open_fix
from tests.harness.github_standin import Fault
from tests.harness.github_standin.state import Token
from tests.harness.github_standin.world import World

TRAILERS = {"Fixbot-PR": "1", "Fixbot-Approved-By": "policy (allow)"}


def graphql_calls(w: World, start: int = 0) -> list[tuple[str, str | None, int]]:
    return [c for c in w.gh.api_calls(start) if c[1] == "/graphql"]


def test_auto_merge_waits_for_the_required_check_then_github_merges_as_the_app(w: World) -> None:
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["plan"])
    number, sha = open_fix(w)
    forge = w.forge()
    assert isinstance(forge, AutoMerger) and forge.auto_merge_allowed()
    before = {t.value for t in w.gh.tokens()}
    result = forge.enable_auto_merge(number, sha, "Merge fixbot PR #1: fix", TRAILERS)
    assert result.enabled and not result.already and sha[:12] in result.detail
    (enabling,) = [t for t in w.gh.tokens() if t.value not in before]
    pr = w.repo.issues[number]
    assert pr.auto_merge is not None and not pr.merged
    assert forge.get_pr(number).state.value == "open"  # `auto_merge` in the REST pull object is contract-valid
    w.gh.set_check(w.repo, sha, "plan", "success")  # CI, not fixbot: GitHub merges by itself
    assert pr.merged and pr.merged_by == "fixbot[bot]"
    message = w.repo.store.commit_info("main").message
    assert message.startswith("Merge fixbot PR #1: fix") and "Fixbot-Approved-By: policy (allow)" in message
    assert not [c for c in w.gh.api_calls() if c[0] == "PUT"]  # fixbot never called the merge endpoint
    assert enabling.permissions == NEEDS["enable_auto_merge"] == {"contents": "write", "pull_requests": "write"}
    assert enabling.revoked and enabling.repository_ids == (w.repo.id,)


def test_enabling_twice_reports_the_existing_request(w: World) -> None:
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["plan"])
    number, sha = open_fix(w)
    assert w.forge().enable_auto_merge(number, sha, "m", TRAILERS).enabled
    start = len(w.gh.state.requests)
    again = w.forge().enable_auto_merge(number, sha, "m", TRAILERS)
    assert again.enabled and again.already and graphql_calls(w, start) == []


def test_a_repository_without_auto_merge_is_never_asked(w: World) -> None:
    w.gh.protect(w.repo, "main", ["plan"])
    number, sha = open_fix(w)
    result = w.forge().enable_auto_merge(number, sha, "m", TRAILERS)
    assert not result.enabled and "does not allow" in result.detail
    assert graphql_calls(w) == [] and w.repo.issues[number].auto_merge is None


def test_a_refusal_is_a_result_not_an_error(w: World) -> None:
    w.repo.allow_auto_merge = True  # but no branch protection: nothing to wait for
    number, sha = open_fix(w)
    result = w.forge().enable_auto_merge(number, sha, "m", TRAILERS)
    assert not result.enabled and "clean status" in result.detail
    assert graphql_calls(w) == [("POST", "/graphql", 200)]
    assert all(t.revoked for t in w.gh.tokens())


def test_a_push_after_the_decision_never_rides_along(w: World) -> None:
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["plan"])
    number, sha = open_fix(w)
    assert w.forge().enable_auto_merge(number, sha, "m", TRAILERS).enabled
    moved = w.gh.push(w.repo, "fixbot/s3-logs", {"evil.tf": "# rides along\n"})
    assert w.repo.issues[number].auto_merge is None  # GitHub drops auto-merge when the head moves
    w.gh.set_check(w.repo, sha, "plan", "success")
    w.gh.set_check(w.repo, moved, "plan", "success")
    assert not w.repo.issues[number].merged
    stale = w.forge().enable_auto_merge(number, sha, "m", TRAILERS)  # expectedHeadOid no longer the head
    assert not stale.enabled and "expected head" in stale.detail


def _post(w: World, token: Token, body: object) -> dict[str, object]:
    resp = httpx.post(f"{w.gh.url}/graphql", json=body, headers={"Authorization": f"Bearer {token.value}"})
    assert resp.status_code == 200
    data: dict[str, object] = resp.json()
    return data


def test_standin_graphql_checks_scope_permissions_and_shape(w: World) -> None:
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["plan"])
    number, sha = open_fix(w)
    node = f"PR_{w.repo.id}_{number}"
    query = "mutation($id: ID!, $h: GitObjectID!) { enablePullRequestAutoMerge(input: {pullRequestId: $id, " \
            "expectedHeadOid: $h}) { pullRequest { autoMergeRequest { enabledAt } } } }"
    with w.broker.token(w.ref, {"pull_requests": "write"}) as weak:
        token = w.gh.state.tokens[weak.value]
        out = _post(w, token, {"query": query, "variables": {"id": node, "h": sha}})
        assert out["errors"] and "not accessible" in str(out["errors"])
        assert _post(w, token, {"query": "{ viewer { login } }"})["errors"]
        assert "pullRequestId" in str(_post(w, token, {"query": query, "variables": {"h": sha}})["errors"])
    resp = httpx.post(f"{w.gh.url}/graphql", json={"query": query}, headers={"Authorization": "Bearer nope"})
    assert resp.status_code == 401
    assert w.repo.issues[number].auto_merge is None


def test_graphql_url_follows_the_rest_base_url() -> None:
    assert Github(auth=Auth.Token("t"), base_url="https://ghe.example.com/api/v3").requester.graphql_url == \
        "https://ghe.example.com/api/graphql"
    assert Github(auth=Auth.Token("t")).requester.graphql_url == "https://api.github.com/graphql"


def test_graphql_outage_is_retried_then_reported_as_not_enabled(w: World) -> None:
    w.repo.allow_auto_merge = True
    w.gh.protect(w.repo, "main", ["plan"])
    number, sha = open_fix(w)
    w.gh.inject(Fault(502, "POST /graphql", times=10))
    result = w.forge().enable_auto_merge(number, sha, "m", TRAILERS)
    assert not result.enabled and "refused" in result.detail
    assert len(graphql_calls(w)) == 4 and w.repo.issues[number].auto_merge is None  # every attempt, then gave up
    assert all(t.revoked for t in w.gh.tokens())
