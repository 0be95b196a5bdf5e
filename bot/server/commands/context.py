"""What a command handler gets: the repository, the forge, the thread and who asked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.forge.github import GitHubForge, RepoRef

if TYPE_CHECKING:
    from bot.server.service import Service


@dataclass(frozen=True)
class CommandContext:
    svc: Service
    forge: GitHubForge
    repo: RepoRef
    number: int  # issue or PR number
    is_pr: bool
    author: str
    comment_id: int
