"""The user's own checkout: the only place the local forge ever touches a working tree.

A clean checkout of the default branch is fast-forwarded after fixbot merged into it (like
`git pull` would); a dirty one, or another branch, is left alone with a hint.
"""

from __future__ import annotations

import git

from bot.forge.local.forge import LocalForge


def checkout_state(forge: LocalForge) -> tuple[str | None, bool]:
    """(default-branch SHA, whether a clean checkout of it can be fast-forwarded later)."""
    branch = forge.default_branch()
    sha = forge.head_sha(branch)
    try:
        on_default = str(forge.repo.git.symbolic_ref("--short", "HEAD")) == branch
    except git.GitCommandError:
        on_default = False
    clean = on_default and not str(forge.repo.git.status("--porcelain", "--untracked-files=no")).strip()
    return sha, clean and not forge.repo.bare


def sync_checkout(forge: LocalForge, before: tuple[str | None, bool]) -> str:
    """Fast-forward a checkout that was clean on the default branch (like `git pull`)."""
    old, clean = before
    new = forge.head_sha(forge.default_branch())
    if old is None or new is None or old == new:
        return "checkout up to date"
    if not clean:
        return f"your checkout is not a clean {forge.default_branch()}: update it with `git merge --ff-only`"
    forge.repo.git.read_tree("-m", "-u", old, new)
    return f"checkout fast-forwarded to {new[:12]}"
