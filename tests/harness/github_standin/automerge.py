"""GitHub auto-merge in the stand-in: the GraphQL `enablePullRequestAutoMerge` mutation, and the
merge GitHub performs by itself once the required checks pass on the head it was enabled for.

GraphQL is not in the OpenAPI subset, so `POST /graphql` is validated here by hand: a valid,
unrevoked installation token scoped to the PR's repository with contents:write and
pull_requests:write; a query naming `enablePullRequestAutoMerge` whose input binds
`pullRequestId` (and optionally `mergeMethod`, `expectedHeadOid`, `commitHeadline`,
`commitBody`) to variables that are present. Answers are GraphQL-shaped: `{"data": ...}` or
`{"data": {...: null}, "errors": [...]}` with HTTP 200, like GitHub. Like GitHub it refuses
when the repository does not allow auto-merge, when the PR could be merged right now ("clean
status"), when it cannot be merged at all, and when `expectedHeadOid` is not the head; it drops
auto-merge when the head moves. No webhook is fired for the merge (the stand-in models none).
"""

from __future__ import annotations

import json
import re
from typing import Any

from tests.harness.github_standin.http import HttpError, _bearer, _take_fault, _valid_token, error_body
from tests.harness.github_standin.routes_pulls import APP_LOGIN, check_protection, merge_now
from tests.harness.github_standin.state import LEVELS, AutoMerge, Pull, Repo, State, Token, now_iso

PATH = "/graphql"
MUTATION = "enablePullRequestAutoMerge"
METHODS = {"MERGE": "merge", "SQUASH": "squash", "REBASE": "rebase"}
NEEDS = {"contents": "write", "pull_requests": "write"}
_BINDING = re.compile(r"(\w+)\s*:\s*\$(\w+)")
_NODE = re.compile(r"^PR_(\d+)_(\d+)$")


class GraphQLError(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message


def serve_graphql(server: Any, method: str, raw: bytes,
                  headers: dict[str, str]) -> tuple[int, Any, dict[str, str], str | None, str | None]:
    """Answer `POST /graphql`: (status, JSON body, headers, token used, pattern) like `http.serve`."""
    value = _bearer(headers)
    used = value if value in server.state.tokens else None
    if method != "POST":
        return 404, error_body("Not Found"), {}, used, PATH
    fault = _take_fault(server, method, PATH)
    if fault is not None:
        return fault.status, error_body(fault.message), fault.headers, used, PATH
    try:
        token = _valid_token(server.state, value)
        request = json.loads(raw or b"null")
    except HttpError as exc:
        return exc.status, error_body(exc.message), {}, used, PATH
    except ValueError:
        return 400, error_body("Problems parsing JSON"), {}, used, PATH
    with server.state.lock:
        try:
            data = {MUTATION: enable(server.state, token, request)}
        except GraphQLError as exc:
            return 200, {"data": {MUTATION: None}, "errors": [
                {"type": exc.kind, "path": [MUTATION], "message": exc.message}]}, {}, used, PATH
    return 200, {"data": data}, {}, used, PATH


def mutation_input(request: object) -> dict[str, Any]:
    """The mutation's input fields, resolved from the request's variables (the shape fixbot must send)."""
    if not isinstance(request, dict) or not isinstance(request.get("query"), str):
        raise GraphQLError("INVALID", "A query attribute must be specified and must be a string.")
    query, variables = request["query"], request.get("variables") or {}
    if MUTATION not in query or not query.lstrip().startswith("mutation"):
        raise GraphQLError("INVALID", f"the stand-in models only the {MUTATION} mutation")
    if not isinstance(variables, dict):
        raise GraphQLError("INVALID", "Variables must be an object")
    fields = {name: variables.get(var) for name, var in _BINDING.findall(query.split(MUTATION, 1)[1])}
    missing = [n for n in ("pullRequestId", "expectedHeadOid") if n in fields and not fields[n]]
    if "pullRequestId" not in fields or missing:
        raise GraphQLError("INVALID", f"Variable for {missing or ['pullRequestId']} was not provided")
    if fields.get("mergeMethod", "MERGE") not in METHODS:
        raise GraphQLError("INVALID", f"Expected mergeMethod to be one of {sorted(METHODS)}")
    return fields


def _resolve(state: State, token: Token, node_id: str) -> tuple[Repo, Pull]:
    m = _NODE.match(str(node_id))
    repo = state.repo_by_id(int(m.group(1))) if m else None
    pr = repo.issues.get(int(m.group(2))) if repo and m else None
    if repo is None or pr is None or not pr.head or (token.repository_ids and repo.id not in token.repository_ids):
        raise GraphQLError("NOT_FOUND", f"Could not resolve to a node with the global id of '{node_id}'")
    if any(LEVELS.get(token.permissions.get(p, ""), 0) < LEVELS[lv] for p, lv in NEEDS.items()):
        raise GraphQLError("FORBIDDEN", "Resource not accessible by integration")
    return repo, pr


def enable(state: State, token: Token, request: object) -> dict[str, Any]:
    fields = mutation_input(request)
    repo, pr = _resolve(state, token, fields["pullRequestId"])
    head = repo.store.ref(f"heads/{pr.head}")
    if not repo.allow_auto_merge:
        raise GraphQLError("UNPROCESSABLE", "Pull request Auto merge is not allowed for this repository")
    if pr.state != "open" or head is None:
        raise GraphQLError("UNPROCESSABLE", "Pull request is closed")
    if fields.get("expectedHeadOid") and fields["expectedHeadOid"] != head:
        raise GraphQLError("UNPROCESSABLE", "Head sha didn't match expected head sha")
    if repo.store.merge_tree(repo.store.ref(f"heads/{pr.base}") or "", head) is None:
        raise GraphQLError("UNPROCESSABLE", "Pull request is in dirty status")
    try:
        check_protection(repo, pr, head)
    except HttpError:  # something required is still missing: that is what auto-merge waits for
        pr.auto_merge = AutoMerge(APP_LOGIN, METHODS[fields.get("mergeMethod") or "MERGE"],
                                  str(fields.get("commitHeadline") or f"Merge pull request #{pr.number}"),
                                  str(fields.get("commitBody") or ""), head)
        return {"pullRequest": {"autoMergeRequest": {"enabledAt": now_iso()}}}
    raise GraphQLError("UNPROCESSABLE", "Pull request is in clean status")


def settle(repo: Repo) -> list[int]:
    """What GitHub does after a check, status, review or push: merge the auto-merge PRs whose
    requirements are now met on the head they were enabled for; drop auto-merge where the head moved."""
    merged = []
    for pr in list(repo.issues.values()):
        am = pr.auto_merge
        if am is None or pr.state != "open":
            continue
        head = repo.store.ref(f"heads/{pr.head}")
        if head != am.head_sha:
            pr.auto_merge = None
            continue
        try:
            check_protection(repo, pr, head)
            merge_now(repo, pr, am.merge_method, am.commit_title, am.commit_message, am.enabled_by)
        except HttpError:
            continue
        merged.append(pr.number)
    return merged
