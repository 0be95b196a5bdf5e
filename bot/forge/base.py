"""The one `Forge` Protocol every forge implements (local git repo, GitHub)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Protocol, runtime_checkable

from bot.forge.identity import Membership
from bot.models.common import Frozen


class PrState(StrEnum):
    open = "open"
    closed = "closed"
    merged = "merged"


class ReviewState(StrEnum):
    approved = "approved"
    changes_requested = "changes_requested"
    commented = "commented"
    dismissed = "dismissed"


class CheckConclusion(StrEnum):
    pending = "pending"
    success = "success"
    failure = "failure"


class FileChange(Frozen):
    path: str  # repo-relative
    content: str | None  # None deletes the file


class PullRequest(Frozen):
    number: int
    title: str
    body: str
    head: str  # branch name
    base: str
    head_sha: str
    state: PrState
    labels: tuple[str, ...] = ()
    requested_reviewers: tuple[str, ...] = ()  # users, and teams as "@org/team"
    merge_sha: str | None = None
    closed_by: str | None = None  # who closed it without merge (None: the bot or open)
    url: str | None = None


class Review(Frozen):
    user: str
    state: ReviewState
    commit_sha: str
    submitted_at: str = ""


class CheckRun(Frozen):
    name: str
    head_sha: str
    conclusion: CheckConclusion
    summary: str = ""


class Comment(Frozen):
    id: int
    user: str
    body: str


@runtime_checkable
class Forge(Protocol):
    """Everything the lifecycle needs from a forge; implementations raise `ForgeError`."""

    name: str

    def default_branch(self) -> str: ...
    def head_sha(self, branch: str) -> str | None: ...
    def read_file(self, path: str, ref: str) -> str | None: ...
    def create_branch(self, name: str, from_sha: str) -> None: ...
    def delete_branch(self, name: str) -> None: ...
    def commit(
        self,
        branch: str,
        message: str,
        changes: Sequence[FileChange],
        trailers: Mapping[str, str],
        expected_head: str | None = None,
    ) -> str: ...
    def open_pr(self, head: str, base: str, title: str, body: str, labels: Sequence[str] = ()) -> PullRequest: ...
    def update_pr(self, number: int, *, title: str | None = None, body: str | None = None) -> PullRequest: ...
    def get_pr(self, number: int) -> PullRequest: ...
    def list_prs(self, state: PrState | None = None) -> list[PullRequest]: ...
    def changed_files(self, number: int) -> list[str]: ...
    def add_labels(self, number: int, labels: Sequence[str]) -> None: ...
    def request_review(self, number: int, users: Sequence[str], teams: Sequence[str] = ()) -> None: ...
    def list_reviews(self, number: int) -> list[Review]: ...
    def set_check(self, sha: str, name: str, conclusion: CheckConclusion, summary: str = "") -> None: ...
    def list_checks(self, sha: str) -> list[CheckRun]: ...
    def merge(self, number: int, expected_head_sha: str, message: str, trailers: Mapping[str, str]) -> str: ...
    def close(self, number: int, comment: str | None = None) -> None: ...
    def comment(self, number: int, body: str) -> None: ...
    def list_comments(self, number: int) -> list[Comment]: ...
    def revert_branch(self, merge_sha: str, branch: str, message: str, trailers: Mapping[str, str]) -> str: ...
    def user_permission(self, user: str) -> str: ...  # "admin" | "write" | "read" | "none"
    def team_members(self, team: str) -> list[str]: ...  # "org/team" (or "@org/team") -> logins
    def team_membership(self, team: str, login: str) -> Membership: ...  # "org/team", case-insensitive


class AutoMergeResult(Frozen):
    enabled: bool
    detail: str  # what was enabled, or why not
    already: bool = False  # it was enabled before this call (nothing new to announce)


@runtime_checkable
class AutoMerger(Protocol):
    """A forge that can merge a PR by itself once its required checks pass (GitHub auto-merge)."""

    def auto_merge_allowed(self) -> bool: ...
    def enable_auto_merge(self, number: int, expected_head_sha: str, message: str,
                          trailers: Mapping[str, str]) -> AutoMergeResult: ...


class Issue(Frozen):
    """A plain issue (not a pull request): the dashboard and the tickets live in these."""

    number: int
    title: str
    body: str
    state: str  # open | closed
    labels: tuple[str, ...] = ()
    author: str = ""
    author_is_bot: bool = False
    state_reason: str | None = None  # completed | not_planned | reopened | None
    url: str | None = None


@runtime_checkable
class IssueTracker(Protocol):
    """Issues on a forge that has them (GitHub); implementations raise `ForgeError`."""

    def list_issues(self, label: str, state: str = "all") -> list[Issue]: ...
    def create_issue(self, title: str, body: str, labels: Sequence[str] = ()) -> Issue: ...
    def update_issue(self, number: int, *, title: str | None = None, body: str | None = None,
                     state: str | None = None, state_reason: str | None = None) -> Issue: ...
    def comment(self, number: int, body: str) -> None: ...
