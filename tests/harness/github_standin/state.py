"""What the stand-in remembers: repos, pulls, comments, checks, tokens, and the request log."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.harness.github_standin.gitstore import GitStore

LEVELS = {"read": 1, "write": 2, "admin": 3}


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Comment:
    id: int
    user: str
    body: str
    reactions: list[tuple[str, str]] = field(default_factory=list)  # (user, content)


@dataclass
class Review:
    id: int
    user: str
    state: str  # APPROVED | CHANGES_REQUESTED | COMMENTED
    commit_id: str
    body: str = ""


@dataclass
class AutoMerge:
    """GitHub auto-merge enabled on a pull request (by the GraphQL mutation)."""

    enabled_by: str
    merge_method: str  # merge | squash | rebase
    commit_title: str
    commit_message: str
    head_sha: str  # the head it was enabled on: GitHub drops auto-merge when the head moves


@dataclass
class Pull:
    number: int
    title: str
    body: str
    head: str
    base: str
    user: str
    state: str = "open"
    merged: bool = False
    merge_commit_sha: str | None = None
    merged_by: str | None = None
    closed_by: str | None = None
    labels: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    head_sha: str = ""  # last known head (kept after the branch is deleted)
    created_at: str = field(default_factory=lambda: now_iso())
    state_reason: str | None = None  # plain issues: completed | not_planned | reopened
    auto_merge: AutoMerge | None = None


@dataclass
class Check:
    id: int
    name: str
    head_sha: str
    status: str
    conclusion: str | None
    title: str = ""
    summary: str = ""


@dataclass
class Protection:
    contexts: list[str]
    approvals: int = 0


@dataclass
class Repo:
    id: int
    owner: str
    name: str
    store: GitStore
    default_branch: str = "main"
    issues: dict[int, Pull] = field(default_factory=dict)  # pulls (and plain issues: head == "")
    comments: dict[int, list[Comment]] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # (sha, context, state)
    protection: dict[str, Protection] = field(default_factory=dict)
    permissions: dict[str, str] = field(default_factory=dict)  # user -> admin|write|read
    labels: list[str] = field(default_factory=list)
    allow_auto_merge: bool = False
    api: str = "https://api.github.com"  # the stand-in's own URL: object URLs point back at it

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"


@dataclass
class Token:
    value: str
    installation_id: int
    repository_ids: tuple[int, ...]
    permissions: dict[str, str]
    expires_at: datetime
    revoked: bool = False
    used: int = 0


@dataclass
class Installation:
    id: int
    account: str
    repository_ids: list[int]
    permissions: dict[str, str]


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    pattern: str | None
    status: int
    token: str | None  # the installation token used (None for JWT/unauthenticated)
    body: bytes


@dataclass(frozen=True)
class SarifUpload:
    """What code scanning received (`POST /code-scanning/sarifs`), decoded."""

    id: str
    repository: str
    commit_sha: str
    ref: str
    sarif: dict[str, Any]
    tool_name: str | None


@dataclass
class State:
    root: Path
    lock: threading.RLock = field(default_factory=threading.RLock)
    repos: dict[str, Repo] = field(default_factory=dict)
    installations: dict[int, Installation] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    requests: list[LoggedRequest] = field(default_factory=list)
    sarif_uploads: list[SarifUpload] = field(default_factory=list)
    # org (lower) -> team slug (lower) -> login (lower) -> (role, "active" | "pending")
    teams: dict[str, dict[str, dict[str, tuple[str, str]]]] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1000))

    def next_id(self) -> int:
        return next(self.ids)

    def repo_by_id(self, repo_id: int) -> Repo | None:
        return next((r for r in self.repos.values() if r.id == repo_id), None)
