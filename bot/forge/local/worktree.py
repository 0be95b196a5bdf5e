"""Moving a branch the user has checked out, the way `git merge --ff-only` would.

The local forge merges by moving `refs/heads/<base>`. When that branch is checked out, the
index and working tree must follow, or `git status` shows the merged fix as a staged revert
and the user's next commit undoes it. So a move of the checked-out branch:

1. refuses (ConflictError, nothing moved) when the user's uncommitted or untracked files touch
   a path the move changes: their work is never overwritten;
2. writes a marker (`.git/fixbot/checkout.json`: branch, from, to) before moving the ref;
3. moves the ref, then updates index and working tree with `git read-tree -m -u from to`
   (a two-tree fast-forward that carries the user's other changes along);
4. removes the marker.
A crash between 2 and 4 leaves the marker; `recover()` (every locked run starts with it)
finishes the update, or says exactly what to do when it cannot.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import git

from bot.errors import ConflictError
from bot.gitstore import gitops
from bot.gitstore.store import atomic_write_json

MARKER = "checkout.json"


def checked_out_branch(repo: git.Repo) -> str | None:
    """The branch HEAD points at (None: bare, detached or unborn)."""
    if repo.bare:
        return None
    try:
        return str(repo.git.symbolic_ref("--short", "-q", "HEAD")).strip() or None
    except git.GitCommandError:
        return None


def move_ref(repo: git.Repo, state_dir: Path, ref: str, new: str, old: str | None, reason: str) -> None:
    """`gitops.update_ref`, keeping a checked-out branch's index and working tree in step."""
    branch = ref.removeprefix("refs/heads/")
    if old is None or not ref.startswith("refs/heads/") or checked_out_branch(repo) != branch:
        gitops.update_ref(repo, ref, new, old, reason)
        return
    check_carry(repo, branch, old, new)
    marker = state_dir / MARKER
    atomic_write_json(marker, {"branch": branch, "from": old, "to": new})
    try:
        gitops.update_ref(repo, ref, new, old, reason)
    except ConflictError:
        marker.unlink(missing_ok=True)
        raise
    with contextlib.suppress(git.GitCommandError):  # the marker stays: the next run finishes it
        carry(repo, old, new)
        marker.unlink(missing_ok=True)


def check_carry(repo: git.Repo, branch: str, old: str, new: str) -> None:
    """ConflictError when the user's local changes touch what `old` → `new` changes."""
    changed = _lines(repo.git.diff("--name-only", "--no-renames", "-z", old, new))
    local = _local_changes(repo, old)
    hits = sorted({c for c in changed for p in local if c == p or c.startswith(p + "/") or p.startswith(c + "/")})
    if hits:
        raise ConflictError(
            f"your checkout of {branch} has uncommitted or untracked changes to {', '.join(hits[:10])}, "
            "which this merge also changes: nothing was merged",
            hint="commit or stash those changes, then run fixbot again",
        )


def carry(repo: git.Repo, old: str, new: str) -> None:
    """Index and working tree from `old` to `new`, the user's other changes kept (`git checkout` semantics)."""
    with contextlib.suppress(git.GitCommandError):
        repo.git.update_index("-q", "--refresh")  # stat-only differences are not changes
    repo.git.read_tree("-m", "-u", old, new)


def recover(repo: git.Repo, state_dir: Path) -> str | None:
    """Finish an interrupted checkout update (see the module doc); a message when there was one."""
    marker = state_dir / MARKER
    data = _read_marker(marker)
    if data is None:
        return None
    branch, old, new = data
    tip = gitops.rev(repo, f"refs/heads/{branch}")
    if checked_out_branch(repo) != branch or tip is None:
        marker.unlink(missing_ok=True)
        return None
    if tip == old:  # the ref never moved: nothing to finish
        marker.unlink(missing_ok=True)
        return None
    if tip != new:
        marker.unlink(missing_ok=True)
        return (
            f"an interrupted fixbot run left your checkout of {branch} at {old[:12]} while {branch} moved "
            f"to {new[:12]}; it has moved on since: check that `git log -p {new[:12]}..{branch}` does not "
            "undo fixbot's merge"
        )
    try:
        check_carry(repo, branch, old, new)
        carry(repo, old, new)
    except (ConflictError, git.GitCommandError) as exc:
        return (
            f"your checkout of {branch} still shows {old[:12]} while {branch} is at {new[:12]} "
            f"(an interrupted fixbot run): {exc}. To catch up by hand: `git stash`, "
            f"`git read-tree -m -u {old} {new}`, `git stash pop`"
        )
    marker.unlink(missing_ok=True)
    return f"your checkout of {branch} caught up with {new[:12]} (an earlier fixbot run was interrupted)"


def _read_marker(marker: Path) -> tuple[str, str, str] | None:
    try:
        data: Any = json.loads(marker.read_text(encoding="utf-8"))
        return str(data["branch"]), str(data["from"]), str(data["to"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        marker.unlink(missing_ok=True)  # unreadable: it cannot guide a repair
        return None


def _local_changes(repo: git.Repo, base: str) -> set[str]:
    """Paths whose index or working tree differs from `base`, plus untracked and ignored files present.

    Relative to `base` (what the checkout was last synced to), not HEAD: after an interrupted
    move HEAD already names the new commit.
    """
    with contextlib.suppress(git.GitCommandError):
        repo.git.update_index("-q", "--refresh")
    staged = _lines(repo.git.diff("--cached", "--name-only", "--no-renames", "-z", base))
    unstaged = _lines(repo.git.diff("--name-only", "--no-renames", "-z"))
    others = _lines(repo.git.ls_files("--others", "--directory", "-z", "--exclude-standard"))
    ignored = _lines(repo.git.ls_files("--others", "--ignored", "--directory", "-z", "--exclude-standard"))
    return {p.rstrip("/") for p in (*staged, *unstaged, *others, *ignored)}


def _lines(text: str) -> list[str]:
    return [p for p in text.split("\0") if p]
