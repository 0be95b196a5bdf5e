"""Git plumbing that never touches the user's working tree or index.

Commits are built with a temporary index file (`GIT_INDEX_FILE`), refs are moved with
compare-and-swap (`git update-ref REF NEW OLD`), merges use `git merge-tree --write-tree`,
and a revert runs in a throw-away worktree that is removed afterwards.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import git
from gitdb import IStream

from bot.errors import ConflictError, ForgeError, InputError
from bot.tempdirs import make_run_dir

ZERO_SHA = "0" * 40
BOT_NAME = "fixbot[bot]"
BOT_EMAIL = "fixbot@localhost"


def identity_env(name: str = BOT_NAME, email: str = BOT_EMAIL) -> dict[str, str]:
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


def open_repo(path: Path) -> git.Repo:
    try:
        return git.Repo(path, search_parent_directories=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
        raise InputError(f"{path}: not a git repository", hint="run `git init` and commit first") from exc


def safe_repo_path(raw: str) -> str:
    """A repo-relative POSIX path for a tree entry; rejects escapes and `.git`."""
    p = PurePosixPath(raw.replace("\\", "/"))
    if not raw or p.is_absolute() or ".." in p.parts or (p.parts and p.parts[0] == ".git") or "\x00" in raw:
        raise InputError(f"file path {raw!r} is not a safe repository path")
    return p.as_posix()


def rev(repo: git.Repo, ref: str) -> str | None:
    try:
        return str(repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}"))
    except git.GitCommandError:
        return None


def store_blob(repo: git.Repo, data: bytes) -> str:
    return _hex(repo.odb.store(IStream(b"blob", len(data), io.BytesIO(data))).hexsha)


def _hex(sha: bytes | str) -> str:
    return sha.decode("ascii") if isinstance(sha, bytes) else sha


def store_tree_empty(repo: git.Repo) -> str:
    return _hex(repo.odb.store(IStream(b"tree", 0, io.BytesIO(b""))).hexsha)


def read_blob(repo: git.Repo, ref: str, path: str) -> str | None:
    try:
        return str(repo.git.show(f"{ref}:{path}", strip_newline_in_stdout=False))
    except git.GitCommandError:
        return None


def _mode_of(repo: git.Repo, parent: str, path: str) -> str:
    out = str(repo.git.ls_tree(parent, "--", path))
    return out.split(" ", 1)[0] if out else "100644"


def write_tree(repo: git.Repo, parent: str, changes: Sequence[tuple[str, str | None]]) -> str:
    """The tree of `parent` with `changes` (path, content-or-None) applied, via a temp index."""
    fd, index = tempfile.mkstemp(prefix="fixbot-index-")
    os.close(fd)
    os.unlink(index)  # git wants to create it
    env = {"GIT_INDEX_FILE": index}
    try:
        repo.git.execute(["git", "read-tree", parent], env=env)
        for path, content in changes:
            if content is None:
                repo.git.execute(["git", "update-index", "--force-remove", "--", path], env=env)
                continue
            blob = store_blob(repo, content.encode("utf-8"))
            mode = _mode_of(repo, parent, path)
            repo.git.execute(["git", "update-index", "--add", "--cacheinfo", f"{mode},{blob},{path}"], env=env)
        return str(repo.git.execute(["git", "write-tree"], env=env)).strip()
    finally:
        Path(index).unlink(missing_ok=True)


def commit_tree(repo: git.Repo, tree: str, parents: Sequence[str], message: str, env: Mapping[str, str]) -> str:
    cmd = ["git", "commit-tree", tree]
    for p in parents:
        cmd += ["-p", p]
    cmd += ["-m", message]
    return str(repo.git.execute(cmd, env=dict(env))).strip()


def update_ref(repo: git.Repo, ref: str, new: str, old: str | None, reason: str = "fixbot") -> None:
    """Move `ref` to `new` only if it still points at `old` (None: must not exist)."""
    try:
        repo.git.update_ref("-m", reason, ref, new, old or ZERO_SHA)
    except git.GitCommandError as exc:
        raise ConflictError(f"{ref} moved under us (expected {old or 'absent'})", hint=str(exc.stderr).strip()) from exc


def delete_ref(repo: git.Repo, ref: str, old: str) -> None:
    try:
        repo.git.update_ref("-d", ref, old)
    except git.GitCommandError as exc:
        raise ConflictError(f"cannot delete {ref}: it moved", hint=str(exc.stderr).strip()) from exc


def merge_tree(repo: git.Repo, ours: str, theirs: str) -> str:
    """The merged tree of two commits, or ConflictError naming the conflicting files."""
    try:
        out = str(repo.git.merge_tree("--write-tree", "--name-only", ours, theirs))
    except git.GitCommandError as exc:
        lines = str(exc.stdout).strip("' \n").splitlines()
        files = [ln for ln in lines[1:] if ln and not ln.startswith("Auto-merging") and "CONFLICT" not in ln]
        raise ConflictError(f"merge conflict in {', '.join(files) or 'unknown files'}") from exc
    return out.splitlines()[0].strip()


def is_ancestor(repo: git.Repo, ancestor: str, descendant: str) -> bool:
    try:
        repo.git.merge_base("--is-ancestor", ancestor, descendant)
        return True
    except git.GitCommandError:
        return False


def changed_paths(repo: git.Repo, base: str, head: str) -> list[str]:
    out = str(repo.git.diff("--name-only", "--no-renames", f"{base}...{head}"))
    return [ln for ln in out.splitlines() if ln]


@contextmanager
def temp_worktree(repo: git.Repo, commit: str) -> Iterator[Path]:
    """A detached worktree at `commit`, removed afterwards (the user's checkout is untouched)."""
    parent = make_run_dir("wt")
    path = parent / "wt"
    repo.git.worktree("add", "--detach", "--quiet", str(path), commit)
    try:
        yield path
    finally:
        try:
            repo.git.worktree("remove", "--force", str(path))
        except git.GitCommandError:
            repo.git.worktree("prune")
        parent.rmdir() if parent.exists() and not any(parent.iterdir()) else None


def revert_merge(repo: git.Repo, merge_sha: str, onto: str, message: str, env: Mapping[str, str]) -> str:
    """`git revert -m 1 MERGE` on top of `onto`, committed with `message`; returns the new SHA."""
    with temp_worktree(repo, onto) as wt:
        wgit = git.Repo(wt).git
        try:
            wgit.execute(["git", "revert", "--no-commit", "-m", "1", merge_sha], env=dict(env))
        except git.GitCommandError as exc:
            raise ConflictError(f"cannot revert {merge_sha[:12]}: conflicts with later changes") from exc
        wgit.execute(["git", "commit", "--no-verify", "-q", "-m", message], env=dict(env))
        return str(wgit.rev_parse("HEAD")).strip()


def export_tree(repo: git.Repo, commit: str, dest: Path) -> Path:
    """Write the files of `commit` into `dest` (a plain directory; no git metadata)."""
    for item in repo.commit(commit).tree.traverse():
        if not isinstance(item, git.Blob) or item.mode == 0o120000:
            continue  # trees are implied; symlinks are skipped: nothing may point outside the snapshot
        target = dest / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.data_stream.read())
    return dest


def git_call(repo: git.Repo, *args: str) -> str:
    try:
        return str(repo.git.execute(["git", *args]))
    except git.GitCommandError as exc:
        raise ForgeError(f"git {args[0]} failed: {str(exc.stderr).strip()}") from exc
