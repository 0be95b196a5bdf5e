"""The user's own checkout: it never shows anything but the truth.

Every move of the checked-out branch updates its index and working tree at once
(`worktree.move_ref`), and refuses when it would overwrite the user's changes. What is left
here is the bracket around a locked run: before, finish an update an interrupted run left
half-done; after, the same (a run can be killed between the two), with a message for the user.
"""

from __future__ import annotations

from bot.forge.local import worktree
from bot.forge.local.forge import LocalForge


def checkout_state(forge: LocalForge) -> tuple[str | None, str | None]:
    """(default-branch SHA, a message when an interrupted run's checkout update was finished now)."""
    note = worktree.recover(forge.repo, forge.state_dir)
    return forge.head_sha(forge.default_branch()), note


def sync_checkout(forge: LocalForge, before: tuple[str | None, str | None]) -> str:
    """What happened to the user's checkout during the run (for the CLI to print)."""
    old, _ = before
    note = worktree.recover(forge.repo, forge.state_dir)
    if note:
        return note
    branch = forge.default_branch()
    new = forge.head_sha(branch)
    if old is None or new is None or old == new:
        return "checkout up to date"
    if worktree.checked_out_branch(forge.repo) == branch:
        return f"checkout of {branch} updated to {new[:12]} (your uncommitted changes kept)"
    return f"{branch} moved to {new[:12]}; your checkout is on another branch and was not touched"
