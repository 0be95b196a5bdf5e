"""Git Data API, branches and contents, on real bare repositories."""

from __future__ import annotations

import base64
from typing import Any

from tests.harness.github_standin import automerge
from tests.harness.github_standin.gitstore import GitError, TreeEntry
from tests.harness.github_standin.http import Call, HttpError, Reply
from tests.harness.github_standin.objects import git_commit, ref
from tests.harness.github_standin.state import Repo, State
from tests.harness.github_standin.templates import body

CONTENTS_R = (("contents", "read"),)
CONTENTS_W = (("contents", "write"),)


def _repo(call: Call) -> Repo:
    assert call.repo is not None
    return call.repo


def _commit_or_422(repo: Repo, sha: str) -> str:
    if not repo.store.exists(sha, "commit"):
        raise HttpError(422, "Object does not exist")
    return sha


def get_ref(state: State, call: Call) -> Reply:
    repo, name = _repo(call), call.args["ref"]
    sha = repo.store.ref(name)
    if sha is None:
        raise HttpError(404, "Not Found")
    return Reply(200, ref(repo, name, sha))


def matching_refs(state: State, call: Call) -> Reply:
    repo = _repo(call)
    found = repo.store.refs(call.args["ref"].rsplit("/", 1)[0] if "/" in call.args["ref"] else "")
    rows = [ref(repo, n, s) for n, s in sorted(found.items()) if n.startswith(call.args["ref"])]
    return Reply(200, rows)


def create_ref(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    name = str(req.get("ref", ""))
    if not name.startswith("refs/") or name.count("/") < 2:
        raise HttpError(422, "Reference name is not valid")
    sha = _commit_or_422(repo, str(req.get("sha", "")))
    if repo.store.ref(name.removeprefix("refs/")):
        raise HttpError(422, "Reference already exists")
    repo.store.set_ref(name.removeprefix("refs/"), sha)
    where = {"Location": f"{repo.api}/repos/{repo.full_name}/git/{name}"}
    return Reply(201, ref(repo, name.removeprefix("refs/"), sha), where)


def update_ref(state: State, call: Call) -> Reply:
    repo, req, name = _repo(call), call.json or {}, call.args["ref"]
    old = repo.store.ref(name)
    if old is None:
        raise HttpError(422, "Reference does not exist")
    sha = _commit_or_422(repo, str(req.get("sha", "")))
    if not req.get("force") and not repo.store.is_ancestor(old, sha):
        raise HttpError(422, "Update is not a fast forward")
    repo.store.set_ref(name, sha, old)
    automerge.settle(repo)  # a moved head drops auto-merge, like GitHub
    return Reply(200, ref(repo, name, sha))


def delete_ref(state: State, call: Call) -> Reply:
    repo, name = _repo(call), call.args["ref"]
    if repo.store.ref(name) is None:
        raise HttpError(422, "Reference does not exist")
    repo.store.delete_ref(name)
    return Reply(204)


def create_blob(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    raw = str(req.get("content", ""))
    data = base64.b64decode(raw) if req.get("encoding") == "base64" else raw.encode()
    sha = repo.store.write_blob(data)
    return Reply(201, {"sha": sha, "url": f"{repo.api}/repos/{repo.full_name}/git/blobs/{sha}"})


def _entry(repo: Repo, e: dict[str, Any]) -> TreeEntry:
    if "content" in e and e["content"] is not None:
        return TreeEntry(e["path"], e.get("mode", "100644"), "blob", repo.store.write_blob(str(e["content"]).encode()))
    sha = e.get("sha")
    if sha is not None and not repo.store.exists(sha):
        raise HttpError(422, f"tree.sha {sha} is not a valid blob")
    return TreeEntry(e["path"], e.get("mode", "100644"), e.get("type", "blob"), sha)


def _tree_json(repo: Repo, sha: str, recursive: bool) -> dict[str, Any]:
    rows = [{"path": e.path, "mode": e.mode, "type": e.type, "sha": e.sha,
             "url": f"{repo.api}/repos/{repo.full_name}/git/{e.type}s/{e.sha}"}
            for e in repo.store.ls_tree(sha, recursive)]
    return {"sha": sha, "url": f"{repo.api}/repos/{repo.full_name}/git/trees/{sha}", "tree": rows, "truncated": False}


def create_tree(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    base = req.get("base_tree")
    if base and not repo.store.exists(base, "tree"):
        raise HttpError(422, "base_tree is not a valid tree")  # GitHub wants a tree SHA, not a commit
    try:
        sha = repo.store.write_tree([_entry(repo, e) for e in req.get("tree", [])], base)
    except GitError as exc:
        raise HttpError(422, f"tree is invalid: {exc}") from exc
    return Reply(201, _tree_json(repo, sha, False))


def get_tree(state: State, call: Call) -> Reply:
    repo, sha = _repo(call), call.args["tree_sha"]
    try:
        tree = repo.store.git("rev-parse", "--verify", "-q", f"{sha}^{{tree}}")
    except GitError as exc:
        raise HttpError(404, "Not Found") from exc
    return Reply(200, _tree_json(repo, tree, call.query.get("recursive") not in (None, "", "0", "false")))


def create_commit(state: State, call: Call) -> Reply:
    repo, req = _repo(call), call.json or {}
    tree = str(req.get("tree", ""))
    if not repo.store.exists(tree, "tree"):
        raise HttpError(422, "Tree SHA does not exist")
    parents = [_commit_or_422(repo, p) for p in req.get("parents", [])]
    env = {"GIT_AUTHOR_NAME": "fixbot[bot]", "GIT_AUTHOR_EMAIL": "fixbot[bot]@users.noreply.github.com"}
    sha = repo.store.commit_tree(tree, parents, str(req.get("message", "")), env)
    return Reply(201, git_commit(repo, sha))


def get_commit(state: State, call: Call) -> Reply:
    repo, sha = _repo(call), call.args["commit_sha"]
    if not repo.store.exists(sha, "commit"):
        raise HttpError(404, "Not Found")
    return Reply(200, git_commit(repo, sha))


def get_branch(state: State, call: Call) -> Reply:
    repo, name = _repo(call), call.args["branch"]
    sha = repo.store.ref(f"heads/{name}")
    if sha is None:
        raise HttpError(404, "Branch not found")
    info = repo.store.commit_info(sha)
    value = body("/repos/{owner}/{repo}/branches/{branch}", "get", 200, name=name, protected=name in repo.protection)
    value["commit"].update(sha=sha, url=f"{repo.api}/repos/{repo.full_name}/commits/{sha}")
    value["commit"]["commit"].update(message=info.message, tree={"sha": info.tree, "url": f"{repo.api}/t/{info.tree}"})
    value["commit"]["parents"] = [{"sha": p, "url": f"{repo.api}/c/{p}"} for p in info.parents]
    return Reply(200, value)


def get_contents(state: State, call: Call) -> Reply:
    repo = _repo(call)
    rev = call.query.get("ref") or repo.default_branch
    data = repo.store.read_path(rev, call.args["path"])
    if data is None:
        raise HttpError(404, "Not Found")
    sha = repo.store.git("rev-parse", f"{rev}:{call.args['path']}")
    name = call.args["path"].rsplit("/", 1)[-1]
    value = body("/repos/{owner}/{repo}/contents/{path}", "get", 200)
    value.update(type="file", encoding="base64", size=len(data), name=name, path=call.args["path"], sha=sha,
                 content=base64.b64encode(data).decode())
    value.pop("entries", None)
    return Reply(200, value)


ROUTES = {
    ("GET", "/repos/{owner}/{repo}/git/ref/{ref}"): (get_ref, CONTENTS_R),
    ("GET", "/repos/{owner}/{repo}/git/matching-refs/{ref}"): (matching_refs, CONTENTS_R),
    ("POST", "/repos/{owner}/{repo}/git/refs"): (create_ref, CONTENTS_W),
    ("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}"): (update_ref, CONTENTS_W),
    ("DELETE", "/repos/{owner}/{repo}/git/refs/{ref}"): (delete_ref, CONTENTS_W),
    ("POST", "/repos/{owner}/{repo}/git/blobs"): (create_blob, CONTENTS_W),
    ("POST", "/repos/{owner}/{repo}/git/trees"): (create_tree, CONTENTS_W),
    ("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}"): (get_tree, CONTENTS_R),
    ("POST", "/repos/{owner}/{repo}/git/commits"): (create_commit, CONTENTS_W),
    ("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}"): (get_commit, CONTENTS_R),
    ("GET", "/repos/{owner}/{repo}/branches/{branch}"): (get_branch, CONTENTS_R),
    ("GET", "/repos/{owner}/{repo}/contents/{path}"): (get_contents, CONTENTS_R),
}
