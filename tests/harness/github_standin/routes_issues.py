"""Issues side: comments, labels, reactions; checks and statuses; repository metadata."""

from __future__ import annotations

from tests.harness.github_standin import automerge
from tests.harness.github_standin.http import Call, HttpError, Reply, paged
from tests.harness.github_standin.objects import check_run, comment, issue, label, repo_obj, user
from tests.harness.github_standin.state import Check, Comment, Pull, Repo, State
from tests.harness.github_standin.templates import body

ISSUES_OR_PR_W = (("issues", "write"), ("pull_requests", "write"))
ISSUES_OR_PR_R = (("issues", "read"), ("pull_requests", "read"))
META = (("metadata", "read"),)
APP_LOGIN = "fixbot[bot]"


def _repo(call: Call) -> Repo:
    assert call.repo is not None
    return call.repo


def _issue(call: Call) -> tuple[Repo, Pull]:
    repo = _repo(call)
    issue = repo.issues.get(int(call.args["issue_number"]))
    if issue is None:
        raise HttpError(404, "Not Found")
    return repo, issue


def create_comment(state: State, call: Call) -> Reply:
    repo, issue = _issue(call)
    text = str((call.json or {}).get("body", ""))
    if not text:
        raise HttpError(422, "Validation Failed: body is missing")
    c = Comment(state.next_id(), APP_LOGIN, text)
    repo.comments.setdefault(issue.number, []).append(c)
    return Reply(201, comment(repo, issue.number, c))


def list_comments(state: State, call: Call) -> Reply:
    repo, issue = _issue(call)
    page, links = paged(call, repo.comments.get(issue.number, []))
    return Reply(200, [comment(repo, issue.number, c) for c in page], links)


def add_labels(state: State, call: Call) -> Reply:
    repo, issue = _issue(call)
    req = call.json
    names = req.get("labels", []) if isinstance(req, dict) else list(req or [])
    issue.labels += [str(n) for n in names if n not in issue.labels]
    repo.labels += [str(n) for n in names if n not in repo.labels]
    return Reply(200, [label(n) for n in issue.labels])


def create_reaction(state: State, call: Call) -> Reply:
    repo = _repo(call)
    cid = int(call.args["comment_id"])
    found = next((c for cs in repo.comments.values() for c in cs if c.id == cid), None)
    if found is None:
        raise HttpError(404, "Not Found")
    content = str((call.json or {}).get("content", ""))
    found.reactions.append((APP_LOGIN, content))
    value = body("/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", "post", 201)
    value.update(id=state.next_id(), content=content, user=user(APP_LOGIN))
    return Reply(201, value)


def create_check(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    if not repo.store.exists(str(req.get("head_sha")), "commit"):
        raise HttpError(422, "No commit found for SHA")
    output = req.get("output") or {}
    conclusion = req.get("conclusion")
    status = "completed" if conclusion else str(req.get("status", "queued"))
    c = Check(state.next_id(), str(req["name"]), str(req["head_sha"]), status, conclusion,
              str(output.get("title", "")), str(output.get("summary", "")))
    repo.checks.append(c)
    automerge.settle(repo)  # a required check going green merges an auto-merge PR, like GitHub
    return Reply(201, check_run(repo, c))


def list_checks(state: State, call: Call) -> Reply:
    repo = _repo(call)
    sha = repo.store.ref(f"heads/{call.args['ref']}") or call.args["ref"]
    runs = [c for c in repo.checks if c.head_sha == sha]
    if call.query.get("filter", "latest") == "latest":  # GitHub's default: the newest run per name
        runs = list({c.name: c for c in runs}.values())
    page, links = paged(call, runs)
    return Reply(200, {"total_count": len(runs), "check_runs": [check_run(repo, c) for c in page]}, links)


def combined_status(state: State, call: Call) -> Reply:
    repo = _repo(call)
    sha = repo.store.ref(f"heads/{call.args['ref']}") or call.args["ref"]
    value = body("/repos/{owner}/{repo}/commits/{ref}/status", "get", 200)
    proto = value["statuses"][0]
    rows = [{**proto, "context": ctx, "state": st, "id": i} for i, (s, ctx, st) in enumerate(repo.statuses)
            if s == sha]
    states = {r["state"] for r in rows}
    overall = "failure" if states & {"failure", "error"} else ("pending" if "pending" in states or not rows
                                                               else "success")
    page, links = paged(call, rows)
    value.update(sha=sha, state=overall, statuses=page, total_count=len(rows))
    return Reply(200, value, links)


def get_repo(state: State, call: Call) -> Reply:
    return Reply(200, repo_obj(_repo(call)))


def collaborator_permission(state: State, call: Call) -> Reply:
    repo, login = _repo(call), call.args["username"]
    level = repo.permissions.get(login)
    if level is None:
        raise HttpError(404, "Not Found")
    value = body("/repos/{owner}/{repo}/collaborators/{username}/permission", "get", 200)
    value.update(permission=level, role_name=level, user={**user(login), "role_name": level})
    return Reply(200, value)


def get_protection(state: State, call: Call) -> Reply:
    repo = _repo(call)
    rule = repo.protection.get(call.args["branch"])
    if rule is None:
        raise HttpError(404, "Branch not protected")
    checks = [{"context": c, "app_id": None} for c in rule.contexts]
    return Reply(200, {"url": "https://api.github.com/protection",
                       "required_status_checks": {"strict": False, "contexts": rule.contexts, "checks": checks},
                       "required_pull_request_reviews": {"required_approving_review_count": rule.approvals,
                                                         "dismiss_stale_reviews": True,
                                                         "require_code_owner_reviews": rule.approvals > 0}})


def _label_names(raw: object) -> list[str]:
    """`labels` of an issue request: names or `{name: ...}` objects."""
    items = raw if isinstance(raw, list) else []
    return [str(x.get("name", "")) if isinstance(x, dict) else str(x) for x in items]


def list_issues(state: State, call: Call) -> Reply:
    """Open issues by default, newest first; PRs are issues too (with `pull_request`), like GitHub."""
    repo, q = _repo(call), call.query
    want = q.get("state", "open")
    labels = [x for x in q.get("labels", "").split(",") if x]
    rows = [p for p in repo.issues.values()
            if want in ("all", p.state) and all(lb in p.labels for lb in labels)]
    if q.get("creator"):
        rows = [p for p in rows if p.user == q["creator"]]
    rows.sort(key=lambda p: p.number, reverse=q.get("direction", "desc") == "desc")
    page, links = paged(call, rows)
    return Reply(200, [issue(repo, p) for p in page], links)


def create_issue(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    title = str(req.get("title") or "")
    if not title:
        raise HttpError(422, "Validation Failed: title is missing")
    number = max(repo.issues, default=0) + 1
    repo.issues[number] = Pull(number, title, str(req.get("body") or ""), "", "", APP_LOGIN,
                               labels=list(dict.fromkeys(_label_names(req.get("labels")))))
    repo.labels += [n for n in repo.issues[number].labels if n not in repo.labels]
    return Reply(201, issue(repo, repo.issues[number]))


def update_issue(state: State, call: Call) -> Reply:
    repo, found = _issue(call)
    req = call.json or {}
    for key in ("title", "body"):
        if req.get(key) is not None:
            setattr(found, key, str(req[key]))
    if "labels" in req:
        found.labels = list(dict.fromkeys(_label_names(req["labels"])))
    new_state = req.get("state")
    if new_state == "closed" and found.state != "closed":
        found.state, found.closed_by = "closed", APP_LOGIN
        found.state_reason = str(req.get("state_reason") or "completed")
    elif new_state == "open" and found.state == "closed":
        found.state, found.closed_by, found.state_reason = "open", None, "reopened"
    return Reply(200, issue(repo, found))


ROUTES = {
    ("GET", "/repos/{owner}/{repo}/issues"): (list_issues, ISSUES_OR_PR_R),
    ("POST", "/repos/{owner}/{repo}/issues"): (create_issue, (("issues", "write"),)),
    ("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}"): (update_issue, (("issues", "write"),)),
    ("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments"): (create_comment, ISSUES_OR_PR_W),
    ("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments"): (list_comments, ISSUES_OR_PR_R),
    ("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels"): (add_labels, ISSUES_OR_PR_W),
    ("POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"): (create_reaction, ISSUES_OR_PR_W),
    ("POST", "/repos/{owner}/{repo}/check-runs"): (create_check, (("checks", "write"),)),
    ("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs"): (list_checks, (("checks", "read"),)),
    ("GET", "/repos/{owner}/{repo}/commits/{ref}/status"): (combined_status, (("statuses", "read"),)),
    ("GET", "/repos/{owner}/{repo}"): (get_repo, META),
    ("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission"): (collaborator_permission, META),
    ("GET", "/repos/{owner}/{repo}/branches/{branch}/protection"): (get_protection, (("administration", "read"),)),
}
