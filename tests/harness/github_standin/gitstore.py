"""Real git repositories behind the stand-in: bare repos driven with git plumbing."""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ZERO = "0" * 40
IDENT = {"GIT_AUTHOR_NAME": "Octo Cat", "GIT_AUTHOR_EMAIL": "octocat@example.com",
         "GIT_COMMITTER_NAME": "GitHub", "GIT_COMMITTER_EMAIL": "noreply@github.com"}


class GitError(Exception):
    pass


@dataclass(frozen=True)
class TreeEntry:
    path: str
    mode: str
    type: str
    sha: str | None  # None deletes the path (with a base tree)


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    tree: str
    parents: tuple[str, ...]
    message: str
    author: str
    email: str
    date: str


class GitStore:
    """One bare repository."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            path.mkdir(parents=True)
            self.git("init", "--bare", "-q", "-b", "main")

    def git(self, *args: str, data: bytes | None = None, env: dict[str, str] | None = None) -> str:
        full_env = {**os.environ, "GIT_DIR": str(self.path), **IDENT, **(env or {})}
        proc = subprocess.run(["git", *args], input=data, capture_output=True, env=full_env, check=False)
        if proc.returncode != 0:
            raise GitError(proc.stderr.decode(errors="replace").strip() or f"git {args[0]} failed")
        return proc.stdout.decode(errors="replace").strip()

    # objects
    def exists(self, sha: str, kind: str | None = None) -> bool:
        try:
            return kind is None or self.git("cat-file", "-t", sha) == kind
        except GitError:
            return False

    def write_blob(self, content: bytes) -> str:
        return self.git("hash-object", "-w", "--stdin", data=content)

    def read_blob(self, sha: str) -> bytes:
        full_env = {**os.environ, "GIT_DIR": str(self.path)}
        proc = subprocess.run(["git", "cat-file", "blob", sha], capture_output=True, env=full_env, check=False)
        if proc.returncode != 0:
            raise GitError(proc.stderr.decode().strip())
        return proc.stdout

    def write_tree(self, entries: list[TreeEntry], base_tree: str | None) -> str:
        with tempfile.TemporaryDirectory() as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            self.git("read-tree", *([base_tree] if base_tree else ["--empty"]), env=env)
            for e in entries:
                if e.sha is None:
                    self.git("update-index", "--force-remove", "--", e.path, env=env)
                else:
                    self.git("update-index", "--add", "--cacheinfo", f"{e.mode},{e.sha},{e.path}", env=env)
            return self.git("write-tree", env=env)

    def ls_tree(self, tree: str, recursive: bool = False) -> list[TreeEntry]:
        out = self.git("ls-tree", *(["-r"] if recursive else []), tree)
        rows = []
        for line in filter(None, out.splitlines()):
            meta, path = line.split("\t", 1)
            mode, kind, sha = meta.split()
            rows.append(TreeEntry(path, mode, kind, sha))
        return rows

    def commit_tree(self, tree: str, parents: list[str], message: str, env: dict[str, str] | None = None) -> str:
        args = ["commit-tree", tree]
        for p in parents:
            args += ["-p", p]
        return self.git(*args, data=message.encode(), env=env)

    def commit_info(self, sha: str) -> CommitInfo:
        out = self.git("show", "-s", "--format=%H%n%T%n%P%n%an%n%ae%n%aI%n%B", sha)
        sha_, tree, parents, name, email, date, *msg = out.split("\n")
        return CommitInfo(sha_, tree, tuple(parents.split()), "\n".join(msg), name, email, date)

    def read_path(self, ref: str, path: str) -> bytes | None:
        try:
            entry = self.git("rev-parse", "--verify", "-q", f"{ref}:{path}")
        except GitError:
            return None
        return self.read_blob(entry) if self.exists(entry, "blob") else None

    # refs
    def ref(self, name: str) -> str | None:
        try:
            return self.git("rev-parse", "--verify", "-q", f"refs/{name}^{{commit}}")
        except GitError:
            return None

    def refs(self, prefix: str = "") -> dict[str, str]:
        out = self.git("for-each-ref", "--format=%(refname) %(objectname)", f"refs/{prefix}")
        return {r.removeprefix("refs/"): s for r, s in (line.split() for line in out.splitlines() if line)}

    def set_ref(self, name: str, sha: str, old: str | None = None) -> None:
        self.git("update-ref", f"refs/{name}", sha, *([old] if old else []))

    def delete_ref(self, name: str) -> None:
        self.git("update-ref", "-d", f"refs/{name}")

    # history
    def is_ancestor(self, old: str, new: str) -> bool:
        try:
            self.git("merge-base", "--is-ancestor", old, new)
            return True
        except GitError:
            return False

    def merge_tree(self, base: str, head: str) -> str | None:
        """The merged tree of two commits, or None on conflict."""
        try:
            return self.git("merge-tree", "--write-tree", "--no-messages", base, head).splitlines()[0]
        except GitError:
            return None

    def changed(self, base: str, head: str) -> list[tuple[str, str]]:
        """(status, path) of the files `head` changes relative to its merge base with `base`."""
        mb = self.git("merge-base", base, head)
        out = self.git("diff", "--name-status", "--no-renames", mb, head)
        return [(s, p) for s, p in (line.split("\t", 1) for line in out.splitlines() if line)]

    def seed(self, branch: str, files: dict[str, str], message: str = "initial") -> str:
        """Commit `files` on top of `branch` (created if missing) and return the commit SHA."""
        parent = self.ref(f"heads/{branch}")
        base = self.commit_info(parent).tree if parent else None
        entries = [TreeEntry(p, "100644", "blob", self.write_blob(c.encode()) if c is not None else None)
                   for p, c in files.items()]
        sha = self.commit_tree(self.write_tree(entries, base), [parent] if parent else [], message)
        self.set_ref(f"heads/{branch}", sha)
        return sha
