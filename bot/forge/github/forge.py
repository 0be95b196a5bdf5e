"""`GitHubForge`: the `Forge` Protocol on GitHub (PyGithub), under per-action scoped tokens.

Every operation declares the permissions it needs (`permissions.NEEDS`). Inside
`with forge.action("open-fix", OPEN_FIX):` all operations share ONE token narrowed to this
repository and that permission set; outside an action each operation mints and revokes its
own token. A token is always revoked when its action ends, success or failure.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from github import GithubException

from bot.errors import ConflictError, ForgeError
from bot.forge.base import CheckConclusion, CheckRun, Comment, FileChange, PrState, PullRequest, Review
from bot.forge.github import convert
from bot.forge.github.auth import RepoRef, TokenBroker
from bot.forge.github.automerge import AutoMergeOps
from bot.forge.github.client import Api, ClientConfig, github_client
from bot.forge.github.gitdata import GitData
from bot.forge.github.issues import IssueOps
from bot.forge.github.permissions import NEEDS, covers, minimal
from bot.forge.github.teams import TeamOps

MERGE_METHODS = ("merge", "squash", "rebase")


@dataclass(frozen=True)
class ForgeConfig:
    client: ClientConfig = field(default_factory=ClientConfig)
    merge_method: str = "squash"
    bot_login: str = "fixbot[bot]"
    # team -> members, only for listing (the demo). Approvals never use it: who belongs to a team
    # comes from GitHub (`team_membership`, organization permission `members: read`).
    teams: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


class GitHubForge(IssueOps, AutoMergeOps, TeamOps):
    name = "github"

    def __init__(self, broker: TokenBroker, repo: RepoRef, config: ForgeConfig | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.broker, self.repo, self.config, self.sleep = broker, repo, config or ForgeConfig(), sleep
        if self.config.merge_method not in MERGE_METHODS:
            raise ForgeError(f"unknown merge method {self.config.merge_method!r}; use one of {MERGE_METHODS}")
        self._session: tuple[Mapping[str, str], Api] | None = None
        self._allow_auto_merge: bool | None = None  # the repository's setting, read with clone_info
        self.git = GitData(self._api)

    # -- tokens ----------------------------------------------------------------------------
    @contextmanager
    def action(self, name: str, permissions: Mapping[str, str]) -> Iterator[GitHubForge]:
        """One token (this repository, `permissions`) for every operation inside; revoked after."""
        if self._session is not None:
            raise ForgeError(f"action {name!r} started inside another action")
        with self.broker.token(self.repo, minimal(permissions)) as tok:
            self._session = (tok.permissions, self._client(tok.value))
            try:
                yield self
            finally:
                self._session = None

    def _client(self, token: str) -> Api:
        return Api(github_client(token, self.config.client), self.repo.full_name, self.config.client, self.sleep)

    @contextmanager
    def _api(self, op: str) -> Iterator[Api]:
        need = NEEDS[op]
        if self._session is not None:
            granted, api = self._session
            if not covers(granted, need):
                raise ForgeError(f"operation {op} needs {need}, outside this action's grant {dict(granted)}")
            yield api
            return
        with self.broker.token(self.repo, minimal(need) or {"metadata": "read"}) as tok:
            api = self._client(tok.value)
            self._session = (tok.permissions, api)  # nested operations reuse this token
            try:
                yield api
            finally:
                self._session = None

    # -- branches and commits ----------------------------------------------------------------
    def default_branch(self) -> str:
        return self.clone_info()[1]

    def clone_info(self) -> tuple[str, str]:
        """(clone URL, default branch) of the repository."""
        with self._api("default_branch") as api:
            data = api.json("GET", "", what="get repository")
        self.git.default = str(data["default_branch"])
        self._allow_auto_merge = bool(data.get("allow_auto_merge"))
        return str(data["clone_url"]), self.git.default

    def head_sha(self, branch: str) -> str | None:
        with self._api("head_sha"):
            return self.git.head(branch)

    def read_file(self, path: str, ref: str) -> str | None:
        with self._api("read_file") as api:
            try:
                f = api.call(lambda: api.repo.get_contents(path, ref=ref), "get contents", conflict=set())
            except ForgeError as exc:
                if "(404)" in str(exc):
                    return None
                raise
            return None if isinstance(f, list) else f.decoded_content.decode()

    def create_branch(self, name: str, from_sha: str) -> None:
        """Recorded only: the branch is created by the first commit's ref call (one request fewer)."""
        self.git.create_branch(name, from_sha)

    def delete_branch(self, name: str) -> None:
        with self._api("delete_branch"):
            self.git.delete_branch(name)

    def commit(self, branch: str, message: str, changes: Sequence[FileChange], trailers: Mapping[str, str],
               expected_head: str | None = None) -> str:
        with self._api("commit"):
            return self.git.commit(branch, message, changes, trailers, expected_head)

    def revert_branch(self, merge_sha: str, branch: str, message: str, trailers: Mapping[str, str]) -> str:
        with self._api("revert_branch"):
            return self.git.revert(merge_sha, branch, message, trailers, self._base_branch())

    def _base_branch(self) -> str:
        return self.git.default or self.default_branch()

    # -- pull requests -----------------------------------------------------------------------
    def open_pr(self, head: str, base: str, title: str, body: str, labels: Sequence[str] = ()) -> PullRequest:
        with self._api("open_pr") as api:
            self.git.flush(head)
            pr = api.call(lambda: api.repo.create_pull(base=base, head=head, title=title, body=body),
                          "create pull request", conflict={422})
            if labels:
                self.add_labels(pr.number, labels)
            return convert.pull_request(pr).model_copy(update={"labels": tuple(labels)})

    def update_pr(self, number: int, *, title: str | None = None, body: str | None = None) -> PullRequest:
        fields = {k: v for k, v in (("title", title), ("body", body)) if v is not None}
        with self._api("update_pr") as api:
            return convert.pull_request(_Pr(api.json("PATCH", f"/pulls/{number}", fields, "update pull request")))

    def get_pr(self, number: int) -> PullRequest:
        with self._api("get_pr") as api:
            return convert.pull_request(_Pr(api.json("GET", f"/pulls/{number}", what="get pull request")))

    def list_prs(self, state: PrState | None = None) -> list[PullRequest]:
        want = {None: "all", PrState.open: "open"}.get(state, "closed")
        with self._api("list_prs") as api:
            rows = api.pages("/pulls", "list pull requests", {"state": want})
        prs = [convert.pull_request(_Pr(r)) for r in rows]
        return [p for p in prs if state is None or p.state == state]

    def changed_files(self, number: int) -> list[str]:
        with self._api("changed_files") as api:
            rows = api.pages(f"/pulls/{number}/files", "list files")
            return [r["filename"] for r in rows]

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        with self._api("add_labels") as api:
            api.json("POST", f"/issues/{number}/labels", {"labels": list(labels)}, "add labels")

    def request_review(self, number: int, users: Sequence[str], teams: Sequence[str] = ()) -> None:
        users = [u for u in users if u != self.config.bot_login]
        slugs = [t.split("/")[-1].lstrip("@") for t in teams]
        if not users and not slugs:
            return
        with self._api("request_review") as api:
            try:
                api.json("POST", f"/pulls/{number}/requested_reviewers", {"reviewers": users, "team_reviewers": slugs},
                         "request reviewers", conflict={422})
            except ConflictError:  # an owner who is not a collaborator: GitHub refuses the whole request
                names = ", ".join([f"@{u}" for u in users] + [t if t.startswith("@") else f"@{t}" for t in teams])
                api.json("POST", f"/issues/{number}/comments",
                         {"body": f"Review needed from the code owners: {names}. GitHub refused the review "
                                  "request (not all of them are collaborators on this repository)."}, "comment")

    def list_reviews(self, number: int) -> list[Review]:
        with self._api("list_reviews") as api:
            rows = api.pages(f"/pulls/{number}/reviews", "list reviews")
            return [convert.review(_Pr(r)) for r in rows]

    def close(self, number: int, comment: str | None = None) -> None:
        """Close as fixbot: the `fixbot-closed` label tells a bot close from a human one."""
        with self._api("close") as api:
            if comment:
                api.json("POST", f"/issues/{number}/comments", {"body": comment}, "comment")
            api.json("POST", f"/issues/{number}/labels", {"labels": [convert.CLOSED_LABEL]}, "add labels")
            api.json("PATCH", f"/pulls/{number}", {"state": "closed"}, "close pull request")

    def pull_activity(self) -> list[PrActivity]:
        """Every PR's branch, labels, state and creation time (for the caps), one listing."""
        with self._api("list_prs") as api:
            rows = api.pages("/pulls", "list pull requests", {"state": "all"})
        return [PrActivity(r["head"]["ref"], tuple(lb["name"] for lb in r.get("labels") or []), r["state"],
                           _when(r.get("created_at"))) for r in rows]

    def comment(self, number: int, body: str) -> None:
        with self._api("comment") as api:
            api.json("POST", f"/issues/{number}/comments", {"body": body}, "comment")

    def list_comments(self, number: int) -> list[Comment]:
        with self._api("list_comments") as api:
            rows = api.pages(f"/issues/{number}/comments", "list comments")
            return [Comment(id=r["id"], user=(r.get("user") or {}).get("login", ""), body=r.get("body") or "")
                    for r in rows]

    def react(self, comment_id: int, content: str) -> None:
        with self._api("react") as api:
            api.json("POST", f"/issues/comments/{comment_id}/reactions", {"content": content}, "react")

    # -- checks and merge --------------------------------------------------------------------
    def set_check(self, sha: str, name: str, conclusion: CheckConclusion, summary: str = "") -> None:
        body: dict[str, object] = {"name": name, "head_sha": sha, "output": {"title": name, "summary": summary}}
        body.update({"status": "in_progress"} if conclusion is CheckConclusion.pending
                    else {"status": "completed", "conclusion": conclusion.value})
        with self._api("set_check") as api:
            api.json("POST", "/check-runs", body, "create check run")

    def list_checks(self, sha: str) -> list[CheckRun]:
        with self._api("list_checks") as api:
            runs = api.pages(f"/commits/{sha}/check-runs", "list check runs", key="check_runs")
            statuses = api.pages(f"/commits/{sha}/status", "combined status", key="statuses")
        return [convert.check_run(r) for r in runs] + [convert.status_check(s, sha) for s in statuses]

    def merge(self, number: int, expected_head_sha: str, message: str, trailers: Mapping[str, str]) -> str:
        from bot.audit.trailers import with_trailers

        with self._api("merge") as api:
            pr = self.get_pr(number)
            if pr.state is not PrState.open or pr.head_sha != expected_head_sha:
                raise ConflictError(f"PR #{number} head is {pr.head_sha[:12]}, not the approved "
                                    f"{expected_head_sha[:12]} (or it is not open)")
            red = [c.name for c in self.list_checks(expected_head_sha) if c.conclusion is not CheckConclusion.success]
            if red:
                raise ConflictError(f"PR #{number}: checks not green on {expected_head_sha[:12]}: {sorted(red)}")
            title, _, rest = with_trailers(message, trailers).partition("\n")
            body = {"sha": expected_head_sha, "merge_method": self.config.merge_method, "commit_title": title,
                    "commit_message": rest.strip("\n")}
            data = api.json("PUT", f"/pulls/{number}/merge", body, "merge", conflict={405, 409})
            return str(data["sha"])

    def team_members(self, team: str) -> list[str]:
        key = team.lstrip("@")
        return list(self.config.teams.get(key, self.config.teams.get(key.split("/")[-1], ())))

    def user_permission(self, user: str) -> str:
        with self._api("user_permission") as api:
            try:
                data = api.json("GET", f"/collaborators/{user}/permission", what="collaborator permission")
            except ForgeError as exc:
                if "(404)" in str(exc):
                    return "none"
                raise
            return str(data.get("permission") or "none")


@dataclass(frozen=True)
class PrActivity:
    head: str
    labels: tuple[str, ...]
    state: str
    created_at: dt.datetime | None


def _when(text: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00")) if text else None
    except ValueError:
        return None


class _Pr:
    """Adapts a raw JSON dict to the `.raw_data` shape `convert` reads."""

    def __init__(self, raw: dict[str, object]) -> None:
        self.raw_data = raw


__all__ = ["ForgeConfig", "GitHubForge", "GithubException"]
