"""Branches and commits through the Git Data API (tree → commit → ref): commits are the App's.

Fewest calls: a new branch is created by the same `POST /git/refs` that points it at its first
commit (`create_branch` only records the start point), the base tree SHA comes from the branch
lookup, and file contents go inline in `POST /git/trees` (no blob calls). A single-file fix
on a fresh branch is: GET branch, POST tree, POST commit, POST ref.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.audit.trailers import with_trailers
from bot.errors import ConflictError, ForgeError
from bot.forge.base import FileChange
from bot.forge.github.client import Api

BRANCH_OK = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./"


def check_branch(name: str) -> str:
    if not name or any(c not in BRANCH_OK for c in name) or ".." in name or name.startswith(("/", ".")) \
            or name.endswith(("/", ".lock")):
        raise ForgeError(f"invalid branch name {name!r}")
    return name


def safe_path(raw: str) -> str:
    """A repo-relative POSIX path that stays inside the repository and out of `.git`."""
    parts = raw.replace("\\", "/").split("/")
    if not raw or "\x00" in raw or raw.startswith("/") or any(p in ("", ".", "..") for p in parts) \
            or parts[0] == ".git":
        raise ForgeError(f"refusing to write path {raw!r}: not a plain path inside the repository")
    return "/".join(parts)


class GitData:
    def __init__(self, current: Callable[[str], Any]) -> None:
        self._current = current  # forge._api: a context manager yielding the session's Api
        self.pending: dict[str, str] = {}  # branch -> start SHA, created on first commit
        self.trees: dict[str, str] = {}  # commit SHA -> tree SHA
        self.default: str | None = None

    def _api(self) -> Api:
        with self._current("head_sha") as api:  # inside an open session: returns its Api
            return api

    def head(self, branch: str) -> str | None:
        if branch in self.pending:
            return self.pending[branch]
        api = self._api()
        try:
            data = api.json("GET", f"/branches/{branch}", what="get branch")
        except ForgeError as exc:
            if "(404)" in str(exc):
                return None
            raise
        sha = str(data["commit"]["sha"])
        self.trees[sha] = str(data["commit"]["commit"]["tree"]["sha"])
        return sha

    def tree_of(self, sha: str) -> str:
        if sha not in self.trees:
            data = self._api().json("GET", f"/git/commits/{sha}", what="get commit")
            self.trees[sha] = str(data["tree"]["sha"])
        return self.trees[sha]

    def create_branch(self, name: str, from_sha: str) -> None:
        self.pending[check_branch(name)] = from_sha

    def flush(self, branch: str) -> None:
        """Create a recorded branch that got no commit (so a PR can be opened from it)."""
        if branch in self.pending:
            self._api().json("POST", "/git/refs", {"ref": f"refs/heads/{branch}", "sha": self.pending[branch]},
                             "create ref", conflict={422})
            del self.pending[branch]

    def delete_branch(self, name: str) -> None:
        if self.pending.pop(name, None) is None:
            self._api().json("DELETE", f"/git/refs/heads/{check_branch(name)}", what="delete ref", conflict={422})

    def _entries(self, changes: Sequence[FileChange]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for ch in changes:
            path = safe_path(ch.path)
            rows.append({"path": path, "mode": "100644", "type": "blob",
                         **({"content": ch.content} if ch.content is not None else {"sha": None})})
        return rows

    def write_commit(self, parent: str, message: str, entries: list[dict[str, Any]]) -> str:
        api = self._api()
        tree = api.json("POST", "/git/trees", {"base_tree": self.tree_of(parent), "tree": entries}, "create tree")
        commit = api.json("POST", "/git/commits", {"message": message, "tree": tree["sha"], "parents": [parent]},
                          "create commit")
        self.trees[str(commit["sha"])] = str(tree["sha"])
        return str(commit["sha"])

    def move_ref(self, branch: str, sha: str) -> None:
        api = self._api()
        if branch in self.pending:
            api.json("POST", "/git/refs", {"ref": f"refs/heads/{branch}", "sha": sha}, "create ref", conflict={422})
            del self.pending[branch]
        else:  # fast-forward only: a concurrent push makes this fail instead of being overwritten
            api.json("PATCH", f"/git/refs/heads/{branch}", {"sha": sha, "force": False}, "update ref", conflict={422})

    def commit(self, branch: str, message: str, changes: Sequence[FileChange], trailers: Mapping[str, str],
               expected_head: str | None) -> str:
        check_branch(branch)
        head = self.head(branch)
        if head is None:
            raise ForgeError(f"branch {branch} does not exist")
        if expected_head is not None and head != expected_head:
            raise ConflictError(f"branch {branch} is at {head[:12]}, expected {expected_head[:12]}")
        sha = self.write_commit(head, with_trailers(message, trailers), self._entries(changes))
        self.move_ref(branch, sha)
        return sha

    def _files(self, tree: str) -> dict[str, str]:
        data = self._api().json("GET", f"/git/trees/{tree}", what="get tree", params={"recursive": "1"})
        return {e["path"]: e["sha"] for e in data.get("tree", []) if e.get("type") == "blob"}

    def revert(self, merge_sha: str, branch: str, message: str, trailers: Mapping[str, str], base: str) -> str:
        """A commit on a new `branch` (from `base`'s head) restoring the files `merge_sha` changed."""
        merged = self._api().json("GET", f"/git/commits/{merge_sha}", what="get commit")
        if not merged.get("parents"):
            raise ForgeError(f"{merge_sha[:12]} has no parent to revert to")
        before = self._files(self.tree_of(merged["parents"][0]["sha"]))
        after = self._files(str(merged["tree"]["sha"]))
        changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
        entries = [{"path": p, "mode": "100644", "type": "blob", "sha": before.get(p)} for p in changed]
        head = self.head(base)
        if head is None:
            raise ForgeError(f"base branch {base} does not exist")
        self.create_branch(branch, head)
        sha = self.write_commit(head, with_trailers(message, trailers), entries)
        self.move_ref(branch, sha)
        return sha
