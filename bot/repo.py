"""Facts about the repository on disk (commit, default branch) without a forge."""

from __future__ import annotations

from pathlib import Path

from bot.models.report import RepositoryInfo


def current_commit(root: Path) -> str | None:
    """HEAD's SHA, or None for a directory that is not a git work tree (or has no commit)."""
    try:
        import git

        repo = git.Repo(root, search_parent_directories=False)
        return repo.head.commit.hexsha
    except Exception:  # not a repository, no commits yet, git missing
        return None


def repository_info(root: Path) -> RepositoryInfo:
    return RepositoryInfo(path=str(root), commit=current_commit(root))
