"""GitHub-shaped JSON objects built from stand-in state (on top of the spec's examples)."""

from __future__ import annotations

import copy
from typing import Any

from tests.harness.github_standin.state import Check, Comment, Pull, Repo, Review, now_iso
from tests.harness.github_standin.templates import body, merge

PULL = "/repos/{owner}/{repo}/pulls/{pull_number}"


def _pull_example() -> dict[str, Any]:
    value: dict[str, Any] = body(PULL, "get", 200)
    return value


def user(login: str) -> dict[str, Any]:
    is_bot = login.endswith("[bot]")
    return merge(copy.deepcopy(_pull_example()["user"]), {
        "login": login, "id": abs(hash(login)) % 10**6, "type": "Bot" if is_bot else "User",
        "url": f"https://api.github.com/users/{login}", "html_url": f"https://github.com/{login}"})


def label(name: str) -> dict[str, Any]:
    return merge(copy.deepcopy(_pull_example()["labels"][0]), {
        "name": name, "id": abs(hash(name)) % 10**6, "default": False, "description": ""})


def team(slug: str) -> dict[str, Any]:
    return merge(copy.deepcopy(_pull_example()["requested_teams"][0]), {"slug": slug, "name": slug, "parent": None})


def repo_obj(repo: Repo) -> dict[str, Any]:
    value: dict[str, Any] = body("/repos/{owner}/{repo}", "get", 200)
    simple = {"id": repo.id, "name": repo.name, "full_name": repo.full_name, "default_branch": repo.default_branch,
              "owner": {"login": repo.owner}, "clone_url": repo.store.path.as_uri(),
              "url": f"{repo.api}/repos/{repo.full_name}", "allow_auto_merge": repo.allow_auto_merge,
              "private": True, "language": "HCL"}
    return merge(value, simple)


def branch_repo(repo: Repo) -> dict[str, Any]:
    value: dict[str, Any] = copy.deepcopy(_pull_example()["base"]["repo"])
    return merge(value, {"id": repo.id, "name": repo.name, "full_name": repo.full_name, "owner": {"login": repo.owner},
                         "default_branch": repo.default_branch, "clone_url": repo.store.path.as_uri()})


def pull(repo: Repo, pr: Pull) -> dict[str, Any]:
    head_sha = repo.store.ref(f"heads/{pr.head}") or pr.head_sha
    base_sha = repo.store.ref(f"heads/{pr.base}") or ""
    mergeable = repo.store.merge_tree(base_sha, head_sha) is not None if pr.state == "open" and head_sha else None
    url = f"{repo.api}/repos/{repo.full_name}/pulls/{pr.number}"
    issue = f"{repo.api}/repos/{repo.full_name}/issues/{pr.number}"
    closed = pr.state == "closed"
    return merge(_pull_example(), {
        "id": pr.number + 7000, "number": pr.number, "title": pr.title, "body": pr.body, "state": pr.state,
        "url": url, "issue_url": issue, "comments_url": f"{issue}/comments", "commits_url": f"{url}/commits",
        "review_comments_url": f"{url}/comments",
        "statuses_url": f"{repo.api}/repos/{repo.full_name}/statuses/{head_sha}",
        "_links": {"self": {"href": url}, "issue": {"href": issue}, "comments": {"href": f"{issue}/comments"},
                   "commits": {"href": f"{url}/commits"}, "review_comments": {"href": f"{url}/comments"}},
        "html_url": f"https://github.com/{repo.full_name}/pull/{pr.number}",
        "user": {"__replace__": True, **user(pr.user)}, "labels": [label(n) for n in pr.labels],
        "requested_reviewers": [user(u) for u in pr.reviewers], "requested_teams": [team(t) for t in pr.teams],
        "head": {"ref": pr.head, "sha": head_sha, "label": f"{repo.owner}:{pr.head}", "repo": branch_repo(repo)},
        "base": {"ref": pr.base, "sha": base_sha, "label": f"{repo.owner}:{pr.base}", "repo": branch_repo(repo)},
        "merged": pr.merged, "merge_commit_sha": pr.merge_commit_sha, "mergeable": mergeable,
        "mergeable_state": "clean" if mergeable else ("dirty" if mergeable is False else "unknown"),
        "created_at": pr.created_at, "updated_at": pr.created_at,
        "merged_at": now_iso() if pr.merged else None, "closed_at": now_iso() if closed else None,
        "merged_by": user(pr.merged_by) if pr.merged_by else None, "locked": False, "draft": False,
        "milestone": None, "assignee": None, "assignees": [], "auto_merge": auto_merge(pr),
        "active_lock_reason": None, "node_id": f"PR_{repo.id}_{pr.number}",
    })


def auto_merge(pr: Pull) -> dict[str, Any] | None:
    am = pr.auto_merge
    return None if am is None else {"enabled_by": user(am.enabled_by), "merge_method": am.merge_method,
                                    "commit_title": am.commit_title, "commit_message": am.commit_message}


def ref(repo: Repo, name: str, sha: str) -> dict[str, Any]:
    base = f"{repo.api}/repos/{repo.full_name}/git"
    return {"ref": f"refs/{name}", "node_id": "REF_" + sha[:8], "url": f"{base}/refs/{name}",
            "object": {"type": "commit", "sha": sha, "url": f"{base}/commits/{sha}"}}


def git_commit(repo: Repo, sha: str) -> dict[str, Any]:
    info = repo.store.commit_info(sha)
    base = f"{repo.api}/repos/{repo.full_name}/git"
    person = {"name": info.author, "email": info.email, "date": info.date}
    return {"sha": sha, "node_id": "C_" + sha[:8], "url": f"{base}/commits/{sha}",
            "html_url": f"https://github.com/{repo.full_name}/commit/{sha}",
            "author": person, "committer": person, "message": info.message,
            "tree": {"sha": info.tree, "url": f"{base}/trees/{info.tree}"},
            "parents": [{"sha": p, "url": f"{base}/commits/{p}", "html_url": f"https://github.com/{p}"}
                        for p in info.parents],
            "verification": {"verified": False, "reason": "unsigned", "signature": None, "payload": None,
                             "verified_at": None}}


def comment(repo: Repo, number: int, c: Comment) -> dict[str, Any]:
    value: dict[str, Any] = body("/repos/{owner}/{repo}/issues/{issue_number}/comments", "post", 201)
    return merge(value, {"id": c.id, "body": c.body, "user": {"__replace__": True, **user(c.user)},
                         "issue_url": f"{repo.api}/repos/{repo.full_name}/issues/{number}",
                         "url": f"{repo.api}/repos/{repo.full_name}/issues/comments/{c.id}"})


def check_run(repo: Repo, c: Check) -> dict[str, Any]:
    value: dict[str, Any] = body("/repos/{owner}/{repo}/check-runs", "post", 201)
    return merge(value, {"id": c.id, "name": c.name, "head_sha": c.head_sha, "status": c.status,
                         "conclusion": c.conclusion, "output": {"title": c.title, "summary": c.summary},
                         "completed_at": now_iso() if c.status == "completed" else None})


def review(repo: Repo, r: Review) -> dict[str, Any]:
    value: dict[str, Any] = body("/repos/{owner}/{repo}/pulls/{pull_number}/reviews", "get", 200)[0]
    return merge(value, {"id": r.id, "user": {"__replace__": True, **user(r.user)}, "state": r.state,
                         "commit_id": r.commit_id, "body": r.body, "submitted_at": now_iso()})


def issue(repo: Repo, p: Pull) -> dict[str, Any]:
    """An issue object (`GET/POST /issues`, `PATCH /issues/{n}`); pull requests carry `pull_request`."""
    value: dict[str, Any] = body("/repos/{owner}/{repo}/issues", "post", 201)
    url = f"{repo.api}/repos/{repo.full_name}/issues/{p.number}"
    kind = "pull" if p.head else "issues"
    value = merge(value, {
        "id": p.number + 9000, "node_id": f"I_{p.number}", "number": p.number, "title": p.title, "body": p.body,
        "state": p.state, "state_reason": p.state_reason, "url": url,
        "repository_url": f"{repo.api}/repos/{repo.full_name}",
        "labels_url": f"{url}/labels{{/name}}", "comments_url": f"{url}/comments", "events_url": f"{url}/events",
        "html_url": f"https://github.com/{repo.full_name}/{kind}/{p.number}",
        "user": {"__replace__": True, **user(p.user)}, "labels": [label(n) for n in p.labels],
        "comments": len(repo.comments.get(p.number, [])), "created_at": p.created_at, "updated_at": now_iso(),
        "closed_at": now_iso() if p.state == "closed" else None, "closed_by": user(p.closed_by) if p.closed_by
        else None, "assignee": None, "assignees": [], "milestone": None, "locked": False,
        "active_lock_reason": None, "pinned_comment": None,
    })
    if p.head:
        value["pull_request"] = {"url": f"{repo.api}/repos/{repo.full_name}/pulls/{p.number}",
                                 "html_url": f"https://github.com/{repo.full_name}/pull/{p.number}",
                                 "diff_url": None, "patch_url": None, "merged_at": now_iso() if p.merged else None}
    else:
        value.pop("pull_request", None)
    return value
