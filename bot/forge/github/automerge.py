"""GitHub auto-merge: GitHub merges the PR itself once its required checks pass.

Only the GraphQL API can enable it (`enablePullRequestAutoMerge`). The mutation pins
`expectedHeadOid` to the SHA fixbot's checks passed on, so a push after the decision cannot
ride along (and GitHub drops auto-merge when the head moves). The merge commit gets fixbot's
title and trailers (`commitHeadline`/`commitBody`), like a merge fixbot makes itself.
`AutoMergeOps` is mixed into `GitHubForge`: the call runs under the forge's per-operation
token rules (`permissions.NEEDS["enable_auto_merge"]`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from bot.errors import ForgeError
from bot.forge.base import AutoMergeResult
from bot.forge.github.client import Api

log = logging.getLogger("fixbot.github")
MUTATION = """mutation($id: ID!, $method: PullRequestMergeMethod!, $head: GitObjectID!, $title: String,
                  $body: String) {
  enablePullRequestAutoMerge(input: {pullRequestId: $id, mergeMethod: $method, expectedHeadOid: $head,
                                     commitHeadline: $title, commitBody: $body}) {
    pullRequest { autoMergeRequest { enabledAt } }
  }
}"""


def graphql(api: Api, query: str, variables: dict[str, Any], what: str) -> dict[str, Any]:
    """A GraphQL call through PyGithub's requester: `{api}/graphql` (GHES: `{host}/api/graphql`)."""
    requester = api.gh.requester

    def once() -> dict[str, Any]:
        _, data = requester.graphql_query(query, variables)
        return data

    return api.call(once, what)


def _errors(exc: ForgeError) -> str:
    return str(exc).split(": ", 1)[-1][:200]


class AutoMergeOps:
    """`bot.forge.base.AutoMerger` for `GitHubForge`."""

    if TYPE_CHECKING:
        _allow_auto_merge: bool | None
        config: Any

        def _api(self, op: str) -> AbstractContextManager[Api]: ...
        def clone_info(self) -> tuple[str, str]: ...

    def auto_merge_allowed(self) -> bool:
        """The repository's `allow_auto_merge` setting (read once per forge, with the repository)."""
        if self._allow_auto_merge is None:
            self.clone_info()
        return bool(self._allow_auto_merge)

    def enable_auto_merge(self, number: int, expected_head_sha: str, message: str,
                          trailers: Mapping[str, str]) -> AutoMergeResult:
        """Ask GitHub to merge PR `number` once its required checks pass on `expected_head_sha`.

        Never raises for a refusal (auto-merge off, nothing left to wait for, head moved): the
        result says why, and the caller keeps its own merge path."""
        with self._api("enable_auto_merge") as api:
            if not self.auto_merge_allowed():
                return AutoMergeResult(enabled=False, detail="the repository does not allow auto-merge")
            try:
                pr = api.json("GET", f"/pulls/{number}", what="get pull request")
                if pr.get("auto_merge") and pr["head"]["sha"] == expected_head_sha:
                    return AutoMergeResult(enabled=True, already=True,
                                           detail=f"GitHub auto-merge already enabled on {expected_head_sha[:12]}")
                data = self._mutate(api, str(pr.get("node_id")), expected_head_sha, message, trailers)
            except ForgeError as exc:  # ConflictError too
                log.info("auto-merge refused for #%s: %s", number, exc)
                return AutoMergeResult(enabled=False, detail=f"GitHub refused auto-merge: {_errors(exc)}")
        request = (((data.get("data") or {}).get("enablePullRequestAutoMerge") or {}).get("pullRequest")
                   or {}).get("autoMergeRequest")
        if not request:
            return AutoMergeResult(enabled=False, detail="GitHub did not confirm auto-merge")
        return AutoMergeResult(enabled=True, detail=f"GitHub auto-merge ({self.config.merge_method}) enabled on "
                                                    f"{expected_head_sha[:12]}")

    def _mutate(self, api: Api, node_id: str, head: str, message: str, trailers: Mapping[str, str]) -> dict[str, Any]:
        from bot.audit.trailers import with_trailers

        title, _, body = with_trailers(message, trailers).partition("\n")
        variables = {"id": node_id, "method": str(self.config.merge_method).upper(), "head": head,
                     "title": title, "body": body.strip("\n")}
        return graphql(api, MUTATION, variables, "enable auto-merge")
