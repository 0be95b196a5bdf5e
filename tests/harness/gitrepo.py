"""Throw-away git repositories for tests: plain files, or a copy of the bundled demo repo."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

DEMO_REPO = Path(__file__).resolve().parents[2] / "bot" / "demo" / "sample_repo"
ENV = {
    "GIT_AUTHOR_NAME": "Alice Human",
    "GIT_AUTHOR_EMAIL": "alice@example.com",
    "GIT_COMMITTER_NAME": "Alice Human",
    "GIT_COMMITTER_EMAIL": "alice@example.com",
}


def git(root: Path, *args: str) -> str:
    import os

    env = {**os.environ, **ENV}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def write_files(root: Path, files: Mapping[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def make_repo(root: Path, files: Mapping[str, str], branch: str = "main") -> Path:
    """`root` as a git repository with one commit holding `files`."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", branch)
    write_files(root, files)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "initial")
    return root


def human_commit(root: Path, branch: str, files: Mapping[str, str], message: str = "human change") -> str:
    """Commit `files` on `branch` as a human would (checkout in a side worktree)."""
    if git(root, "branch", "--show-current").strip() == branch:
        write_files(root, files)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", message)
        return git(root, "rev-parse", "HEAD").strip()
    side = root.parent / f"side-{branch.replace('/', '-')}"
    git(root, "worktree", "add", "-q", str(side), branch)
    try:
        write_files(side, files)
        git(side, "add", "-A")
        git(side, "commit", "-q", "-m", message)
        return git(side, "rev-parse", "HEAD").strip()
    finally:
        git(root, "worktree", "remove", "--force", str(side))


def demo_repo(root: Path) -> Path:
    """A fresh git repository holding a copy of the bundled demo repository."""
    shutil.copytree(DEMO_REPO, root)
    return make_repo(root, {})
