"""Plain issues on GitHub (the dashboard and the tickets): list by label, create, update.

`IssueOps` is mixed into `GitHubForge`: every call goes through the forge's `_api(op)`, so
the least-permission table (`permissions.NEEDS`) and the per-action token rules apply.
GitHub's issue listing also returns pull requests; they are dropped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from bot.forge.base import Issue
from bot.forge.github.client import Api


def to_issue(raw: dict[str, Any]) -> Issue:
    user = raw.get("user") or {}
    return Issue(number=int(raw["number"]), title=str(raw.get("title") or ""), body=str(raw.get("body") or ""),
                 state=str(raw.get("state") or "open"), labels=tuple(str(lb["name"]) for lb in raw.get("labels") or []),
                 author=str(user.get("login") or ""), author_is_bot=user.get("type") == "Bot",
                 state_reason=raw.get("state_reason"), url=raw.get("html_url"))


class IssueOps:
    """The `IssueTracker` operations of `GitHubForge`."""

    if TYPE_CHECKING:
        def _api(self, op: str) -> AbstractContextManager[Api]: ...

    def list_issues(self, label: str, state: str = "all") -> list[Issue]:
        """Issues (never pull requests) carrying `label`, oldest first (every page)."""
        params = {"labels": label, "state": state, "sort": "created", "direction": "asc"}
        with self._api("list_issues") as api:
            rows: list[dict[str, Any]] = api.pages("/issues", "list issues", params)
        return [to_issue(r) for r in rows if "pull_request" not in r]

    def create_issue(self, title: str, body: str, labels: Sequence[str] = ()) -> Issue:
        with self._api("create_issue") as api:
            data = api.json("POST", "/issues", {"title": title, "body": body, "labels": list(labels)},
                            "create issue")
        return to_issue(data)

    def update_issue(self, number: int, *, title: str | None = None, body: str | None = None,
                     state: str | None = None, state_reason: str | None = None) -> Issue:
        fields = {k: v for k, v in (("title", title), ("body", body), ("state", state),
                                    ("state_reason", state_reason)) if v is not None}
        with self._api("update_issue") as api:
            data = api.json("PATCH", f"/issues/{number}", fields, "update issue")
        return to_issue(data)
