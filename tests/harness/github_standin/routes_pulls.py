"""Pull requests: create/list/get/update, reviewers, reviews, files and merge with protection."""

from __future__ import annotations

from tests.harness.github_standin.http import Call, HttpError, Reply, paged
from tests.harness.github_standin.objects import pull, review, team, user
from tests.harness.github_standin.state import Pull, Repo, State

PR_R = (("pull_requests", "read"),)
PR_W = (("pull_requests", "write"),)
MERGE = (("contents", "write"),)
APP_LOGIN = "fixbot[bot]"


def _repo(call: Call) -> Repo:
    assert call.repo is not None
    return call.repo


def _pr(call: Call) -> tuple[Repo, Pull]:
    repo = _repo(call)
    pr = repo.issues.get(int(call.args["pull_number"]))
    if pr is None or not pr.head:
        raise HttpError(404, "Not Found")
    return repo, pr


def create_pull(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    head, base = str(req.get("head", "")).split(":")[-1], str(req.get("base", ""))
    head_sha, base_sha = repo.store.ref(f"heads/{head}"), repo.store.ref(f"heads/{base}")
    if head_sha is None or base_sha is None:
        raise HttpError(422, "Validation Failed: head or base does not exist")
    if any(p.head == head and p.base == base and p.state == "open" for p in repo.issues.values()):
        raise HttpError(422, f"A pull request already exists for {repo.owner}:{head}.")
    if repo.store.is_ancestor(head_sha, base_sha):
        raise HttpError(422, f"No commits between {base} and {head}")
    number = len(repo.issues) + 1
    repo.issues[number] = Pull(number, str(req.get("title", "")), str(req.get("body") or ""), head, base,
                               APP_LOGIN, head_sha=head_sha)
    return Reply(201, pull(repo, repo.issues[number]))


def list_pulls(state: State, call: Call) -> Reply:
    repo, q = _repo(call), call.query
    want = q.get("state", "open")
    rows = [p for p in repo.issues.values() if p.head and (want == "all" or p.state == want)]
    if q.get("head"):
        rows = [p for p in rows if p.head == q["head"].split(":")[-1]]
    if q.get("base"):
        rows = [p for p in rows if p.base == q["base"]]
    page, links = paged(call, sorted(rows, key=lambda p: -p.number))
    return Reply(200, [pull(repo, p) for p in page], links)


def get_pull(state: State, call: Call) -> Reply:
    repo, pr = _pr(call)
    return Reply(200, pull(repo, pr))


def update_pull(state: State, call: Call) -> Reply:
    repo, pr = _pr(call)
    req = call.json or {}
    pr.title = str(req.get("title", pr.title))
    pr.body = str(req["body"]) if req.get("body") is not None else pr.body
    if req.get("state") in ("open", "closed") and not pr.merged:
        pr.state = str(req["state"])
    return Reply(200, pull(repo, pr))


def request_reviewers(state: State, call: Call) -> Reply:
    repo, pr = _pr(call)
    req = call.json or {}
    users, teams = list(req.get("reviewers") or []), list(req.get("team_reviewers") or [])
    if pr.user in users:
        raise HttpError(422, "Review cannot be requested from pull request author.")
    unknown = [u for u in users if u not in repo.permissions]
    if unknown:
        raise HttpError(422, f"Reviews may only be requested from collaborators: {', '.join(unknown)}")
    pr.reviewers += [u for u in users if u not in pr.reviewers]
    pr.teams += [t for t in teams if t not in pr.teams]
    return Reply(201, pull(repo, pr))


def list_reviews(state: State, call: Call) -> Reply:
    repo, pr = _pr(call)
    page, links = paged(call, pr.reviews)
    return Reply(200, [review(repo, r) for r in page], links)


def list_files(state: State, call: Call) -> Reply:
    repo, pr = _pr(call)
    head = repo.store.ref(f"heads/{pr.head}") or pr.head_sha
    base = repo.store.ref(f"heads/{pr.base}") or ""
    names = {"A": "added", "D": "removed", "M": "modified"}
    rows = [{"sha": head, "filename": path, "status": names.get(st[0], "changed"), "additions": 0, "deletions": 0,
             "changes": 0, "blob_url": f"https://github.com/{repo.full_name}/blob/{head}/{path}",
             "raw_url": f"https://github.com/{repo.full_name}/raw/{head}/{path}",
             "contents_url": f"https://api.github.com/repos/{repo.full_name}/contents/{path}?ref={head}"}
            for st, path in repo.store.changed(base, head)]
    page, links = paged(call, rows)
    return Reply(200, page, links)


def check_protection(repo: Repo, pr: Pull, head_sha: str) -> None:
    rule = repo.protection.get(pr.base)
    if rule is None:
        return
    green = {c.name for c in repo.checks if c.head_sha == head_sha and c.conclusion == "success"}
    green |= {ctx for sha, ctx, st in repo.statuses if sha == head_sha and st == "success"}
    missing = [c for c in rule.contexts if c not in green]
    if missing:
        raise HttpError(405, f"Required status check \"{missing[0]}\" is expected.")
    approvals = {r.user for r in pr.reviews if r.state == "APPROVED" and r.commit_id == head_sha}
    if len(approvals) < rule.approvals:
        raise HttpError(405, "At least 1 approving review is required by reviewers with write access.")


def merge_pull(state: State, call: Call) -> Reply:
    repo, pr = _pr(call)
    req = call.json or {}
    head_sha, base_sha = repo.store.ref(f"heads/{pr.head}"), repo.store.ref(f"heads/{pr.base}")
    if pr.state != "open" or head_sha is None or base_sha is None:
        raise HttpError(405, "Pull Request is not mergeable")
    if req.get("sha") and req["sha"] != head_sha:
        raise HttpError(409, "Head branch was modified. Review and try the merge again.")
    check_protection(repo, pr, head_sha)
    title = str(req.get("commit_title") or f"Merge pull request #{pr.number} from {pr.head}")
    sha = merge_now(repo, pr, str(req.get("merge_method", "merge")), title, str(req.get("commit_message") or ""),
                    APP_LOGIN)
    return Reply(200, {"sha": sha, "merged": True, "message": "Pull Request successfully merged"})


def merge_now(repo: Repo, pr: Pull, method: str, title: str, message: str, actor: str) -> str:
    """Merge `pr` into its base as `actor` (protection already checked); the merge commit SHA."""
    head_sha, base_sha = repo.store.ref(f"heads/{pr.head}"), repo.store.ref(f"heads/{pr.base}")
    tree = repo.store.merge_tree(base_sha or "", head_sha or "") if head_sha and base_sha else None
    if tree is None or head_sha is None or base_sha is None:
        raise HttpError(405, "Pull Request is not mergeable")
    text = title + ("\n\n" + message if message else "")
    parents = [base_sha] if method == "squash" else [base_sha, head_sha]
    sha = repo.store.commit_tree(tree, parents, text + "\n")
    repo.store.set_ref(f"heads/{pr.base}", sha, base_sha)
    pr.state, pr.merged, pr.merge_commit_sha, pr.merged_by, pr.head_sha = "closed", True, sha, actor, head_sha
    pr.auto_merge = None
    return sha


def is_merged(state: State, call: Call) -> Reply:
    _, pr = _pr(call)
    if not pr.merged:
        raise HttpError(404, "Not Found")
    return Reply(204)


def get_requested(state: State, call: Call) -> Reply:
    _, pr = _pr(call)

    return Reply(200, {"users": [user(u) for u in pr.reviewers], "teams": [team(t) for t in pr.teams]})


ROUTES = {
    ("POST", "/repos/{owner}/{repo}/pulls"): (create_pull, PR_W),
    ("GET", "/repos/{owner}/{repo}/pulls"): (list_pulls, PR_R),
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}"): (get_pull, PR_R),
    ("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}"): (update_pull, PR_W),
    ("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"): (request_reviewers, PR_W),
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"): (get_requested, PR_R),
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"): (list_reviews, PR_R),
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files"): (list_files, PR_R),
    ("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge"): (merge_pull, MERGE),
    ("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/merge"): (is_merged, PR_R),
}
