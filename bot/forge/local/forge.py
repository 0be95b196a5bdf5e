"""`LocalForge`: the `Forge` Protocol on a plain git repository, fully offline.

Branches and merges are real git objects (built with plumbing, see `gitops`); pull requests,
reviews, checks, comments and the team map live in `.git/fixbot/forge.json` (see `store`).
When a branch fixbot moves is the one the user has checked out, its index and working tree
follow the way `git merge --ff-only` would, the user's other changes kept; a move that would
overwrite them is refused (see `worktree`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import git

from bot.audit.trailers import with_trailers
from bot.errors import ConflictError, ForgeError
from bot.forge.base import (
    CheckConclusion,
    CheckRun,
    Comment,
    FileChange,
    PrState,
    PullRequest,
    Review,
    ReviewState,
)
from bot.forge.identity import Membership, is_login, login_key, require_login, split_team
from bot.forge.local import worktree
from bot.forge.local.schema import check_forge_document
from bot.gitstore import gitops
from bot.gitstore.store import JsonStore, empty_state

BOT_USER = "fixbot[bot]"


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def state_dir(repo: git.Repo) -> Path:
    return Path(repo.common_dir) / "fixbot"


class LocalForge:
    name = "local"

    def __init__(self, path: Path, *, bot_user: str = BOT_USER) -> None:
        self.repo = gitops.open_repo(path)
        self.root = Path(self.repo.working_tree_dir or path)
        self.bot_user = bot_user
        self.state_dir = state_dir(self.repo)
        self.store = JsonStore(self.state_dir / "forge.json", empty_state, check_forge_document)
        self._env = gitops.identity_env(bot_user)

    # -- branches and commits -------------------------------------------------
    def default_branch(self) -> str:
        """The branch HEAD named when the forge was first used (remembered in the store)."""
        stored = self.store.read().get("default_branch")
        if stored:
            return str(stored)
        name = self._guess_default()
        with self.store.transaction() as st:
            st.setdefault("default_branch", name)
        return name

    def _guess_default(self) -> str:
        """origin/HEAD's branch, else main/master/trunk, else the checked-out branch."""
        origin = gitops.rev(self.repo, "refs/remotes/origin/HEAD")
        if origin is not None:
            return str(self.repo.git.symbolic_ref("--short", "refs/remotes/origin/HEAD")).split("/", 1)[1]
        for name in ("main", "master", "trunk"):
            if self.head_sha(name) is not None:
                return name
        try:
            return str(self.repo.git.symbolic_ref("--short", "HEAD"))
        except git.GitCommandError as exc:
            raise ForgeError("cannot tell the default branch: HEAD is detached") from exc

    def set_default_branch(self, name: str) -> None:
        with self.store.transaction() as st:
            st["default_branch"] = name

    def head_sha(self, branch: str) -> str | None:
        return gitops.rev(self.repo, f"refs/heads/{branch}")

    def read_file(self, path: str, ref: str) -> str | None:
        return gitops.read_blob(self.repo, ref, gitops.safe_repo_path(path))

    def create_branch(self, name: str, from_sha: str) -> None:
        self._check_branch_name(name)
        gitops.update_ref(self.repo, f"refs/heads/{name}", from_sha, None, "fixbot: create branch")

    def delete_branch(self, name: str) -> None:
        sha = self.head_sha(name)
        if sha is not None:
            gitops.delete_ref(self.repo, f"refs/heads/{name}", sha)

    def reset_branch(self, name: str, to_sha: str, expected: str) -> None:
        """Move an existing branch (force-push equivalent), only from the expected SHA."""
        worktree.move_ref(self.repo, self.state_dir, f"refs/heads/{name}", to_sha, expected, "fixbot: reset branch")

    def commit(
        self,
        branch: str,
        message: str,
        changes: Sequence[FileChange],
        trailers: Mapping[str, str],
        expected_head: str | None = None,
    ) -> str:
        parent = self.head_sha(branch)
        if parent is None:
            raise ForgeError(f"branch {branch} does not exist")
        if expected_head is not None and parent != expected_head:
            raise ConflictError(f"branch {branch} is at {parent[:12]}, expected {expected_head[:12]}")
        edits = [(gitops.safe_repo_path(c.path), c.content) for c in changes]
        tree = gitops.write_tree(self.repo, parent, edits)
        sha = gitops.commit_tree(self.repo, tree, [parent], with_trailers(message, trailers), self._env)
        worktree.move_ref(self.repo, self.state_dir, f"refs/heads/{branch}", sha, parent, "fixbot: commit")
        return sha

    def _check_branch_name(self, name: str) -> None:
        try:
            self.repo.git.check_ref_format("--branch", name)
        except git.GitCommandError as exc:
            raise ForgeError(f"invalid branch name {name!r}") from exc

    # -- pull requests --------------------------------------------------------
    def open_pr(self, head: str, base: str, title: str, body: str, labels: Sequence[str] = ()) -> PullRequest:
        head_sha, base_sha = self.head_sha(head), self.head_sha(base)
        if head_sha is None or base_sha is None:
            raise ForgeError(f"cannot open a PR from {head} into {base}: branch missing")
        with self.store.transaction() as st:
            if any(p["head"] == head and p["state"] == "open" for p in st["prs"].values()):
                raise ConflictError(f"an open PR already exists for {head}")
            number = st["next_pr"]
            st["next_pr"] = number + 1
            st["prs"][str(number)] = {
                "number": number, "title": title, "body": body, "head": head, "base": base,
                "head_sha": head_sha, "base_sha": base_sha, "state": "open", "labels": sorted(set(labels)),
                "requested_reviewers": [], "merge_sha": None, "closed_by": None, "created_at": now(),
            }
        return self.get_pr(number)

    def update_pr(self, number: int, *, title: str | None = None, body: str | None = None) -> PullRequest:
        with self.store.transaction() as st:
            rec = self._rec(st, number)
            rec["title"] = rec["title"] if title is None else title
            rec["body"] = rec["body"] if body is None else body
            rec["base_sha"] = self.head_sha(rec["base"]) or rec["base_sha"]
        return self.get_pr(number)

    def get_pr(self, number: int) -> PullRequest:
        return self._to_pr(self._rec(self.store.read(), number))

    def list_prs(self, state: PrState | None = None) -> list[PullRequest]:
        prs = [self._to_pr(r) for r in self.store.read()["prs"].values()]
        return sorted((p for p in prs if state is None or p.state == state), key=lambda p: p.number)

    def pr_base_sha(self, number: int) -> str:
        """The base branch SHA the PR was last opened/updated against."""
        return str(self._rec(self.store.read(), number)["base_sha"])

    def changed_files(self, number: int) -> list[str]:
        rec = self._rec(self.store.read(), number)
        if rec["state"] == "merged" and rec["merge_sha"]:
            return gitops.changed_paths(self.repo, f"{rec['merge_sha']}^1", rec["merge_sha"])
        head = self.head_sha(rec["head"]) or rec["head_sha"]
        base = self.head_sha(rec["base"]) or rec["base_sha"]
        return gitops.changed_paths(self.repo, base, head)

    def add_labels(self, number: int, labels: Sequence[str]) -> None:
        with self.store.transaction() as st:
            rec = self._rec(st, number)
            rec["labels"] = sorted(set(rec["labels"]) | set(labels))

    def request_review(self, number: int, users: Sequence[str], teams: Sequence[str] = ()) -> None:
        with self.store.transaction() as st:
            rec = self._rec(st, number)
            wanted = [*users, *(t if t.startswith("@") else f"@{t}" for t in teams)]
            rec["requested_reviewers"] = list(dict.fromkeys([*rec["requested_reviewers"], *wanted]))

    def add_review(self, number: int, user: str, state: ReviewState, commit_sha: str | None = None) -> Review:
        """A human's review (what the GitHub UI would do); defaults to the PR's current head."""
        user = require_login(user, what="reviewer")  # only a person reviews: never a team or an e-mail
        pr = self.get_pr(number)
        review = Review(user=user, state=state, commit_sha=commit_sha or pr.head_sha, submitted_at=now())
        with self.store.transaction() as st:
            st["reviews"].setdefault(str(number), []).append(review.model_dump(mode="json"))
        return review

    def list_reviews(self, number: int) -> list[Review]:
        return [Review.model_validate(r) for r in self.store.read()["reviews"].get(str(number), [])]

    def set_check(self, sha: str, name: str, conclusion: CheckConclusion, summary: str = "") -> None:
        run = CheckRun(name=name, head_sha=sha, conclusion=conclusion, summary=summary)
        with self.store.transaction() as st:
            runs = [r for r in st["checks"].get(sha, []) if r["name"] != name]
            st["checks"][sha] = [*runs, run.model_dump(mode="json")]

    def list_checks(self, sha: str) -> list[CheckRun]:
        return [CheckRun.model_validate(r) for r in self.store.read()["checks"].get(sha, [])]

    def merge(self, number: int, expected_head_sha: str, message: str, trailers: Mapping[str, str]) -> str:
        pr = self.get_pr(number)
        if pr.state != PrState.open:
            raise ConflictError(f"PR #{number} is {pr.state.value}, not open")
        if pr.head_sha != expected_head_sha:
            raise ConflictError(f"PR #{number} head is {pr.head_sha[:12]}, not the checked {expected_head_sha[:12]}")
        base_tip = self.head_sha(pr.base)
        if base_tip is None:
            raise ForgeError(f"base branch {pr.base} is missing")
        tree = gitops.merge_tree(self.repo, base_tip, pr.head_sha)
        parents = [base_tip, pr.head_sha]
        sha = gitops.commit_tree(self.repo, tree, parents, with_trailers(message, trailers), self._env)
        worktree.move_ref(self.repo, self.state_dir, f"refs/heads/{pr.base}", sha, base_tip,
                          f"fixbot: merge PR #{number}")
        with self.store.transaction() as st:
            rec = self._rec(st, number)
            rec.update(state="merged", merge_sha=sha, head_sha=pr.head_sha, merged_at=now())
        self.delete_branch(pr.head)
        return sha

    def close(self, number: int, comment: str | None = None, *, by: str | None = None) -> None:
        """Close without merging; `by` names a human (None: the bot)."""
        if comment:
            self.comment(number, comment, user=by)
        with self.store.transaction() as st:
            rec = self._rec(st, number)
            if rec["state"] != "open":
                return
            rec.update(state="closed", closed_by=by, head_sha=self.head_sha(rec["head"]) or rec["head_sha"])
        if by is None:
            self.delete_branch(self._rec(self.store.read(), number)["head"])

    def comment(self, number: int, body: str, *, user: str | None = None) -> None:
        with self.store.transaction() as st:
            self._rec(st, number)
            cid = st["next_comment"]
            st["next_comment"] = cid + 1
            entry = {"id": cid, "user": user or self.bot_user, "body": body}
            st["comments"].setdefault(str(number), []).append(entry)

    def list_comments(self, number: int) -> list[Comment]:
        return [Comment.model_validate(c) for c in self.store.read()["comments"].get(str(number), [])]

    def revert_branch(self, merge_sha: str, branch: str, message: str, trailers: Mapping[str, str]) -> str:
        base = self.default_branch()
        onto = self.head_sha(base)
        if onto is None:
            raise ForgeError(f"default branch {base} is missing")
        sha = gitops.revert_merge(self.repo, merge_sha, onto, with_trailers(message, trailers), self._env)
        self._check_branch_name(branch)
        worktree.move_ref(self.repo, self.state_dir, f"refs/heads/{branch}", sha, self.head_sha(branch),
                          "fixbot: revert")
        return sha

    # -- people ---------------------------------------------------------------
    def user_permission(self, user: str) -> str:
        if user == self.bot_user:
            return "write"
        known = {login_key(m) for members in self.store.read()["teams"].values() for m in members}
        codeowners = self.read_file(".github/CODEOWNERS", self.default_branch()) or ""
        codeowners += self.read_file("CODEOWNERS", self.default_branch()) or ""
        named = {login_key(w[1:]) for w in codeowners.split() if w.startswith("@")}
        return "write" if is_login(user) and login_key(user) in known | named else "read"

    def team_members(self, team: str) -> list[str]:
        """The team map (`fixbot prs --team`): team names compare case-insensitively, like GitHub's."""
        org, slug = split_team(team)
        teams = self.store.read()["teams"]
        key = next((k for k in teams if k.lower() == f"{org}/{slug}".lower()), None)
        return list(teams[key]) if key is not None else []

    def team_membership(self, team: str, login: str) -> Membership:
        if not is_login(login):
            return Membership.absent
        members = {login_key(m) for m in self.team_members(team)}
        return Membership.active if login_key(login) in members else Membership.absent

    def set_team(self, team: str, members: Sequence[str]) -> None:
        """Set a team's members: each a user login (a team, an e-mail or a bad login → InputError)."""
        org, slug = split_team(team)
        logins = sorted({require_login(m, what="team member") for m in members}, key=login_key)
        with self.store.transaction() as st:
            for old in [k for k in st["teams"] if k.lower() == f"{org}/{slug}".lower()]:
                del st["teams"][old]
            st["teams"][f"{org}/{slug}"] = logins

    # -- internals -------------------------------------------------------------
    def _rec(self, st: dict[str, Any], number: int) -> dict[str, Any]:
        rec = st["prs"].get(str(number))
        if rec is None:
            raise ForgeError(f"no pull request #{number} on this repository")
        return rec  # the live record: callers inside a transaction mutate it

    def _to_pr(self, rec: dict[str, Any]) -> PullRequest:
        head_sha = rec["head_sha"]
        if rec["state"] == "open":
            head_sha = self.head_sha(rec["head"]) or head_sha
        return PullRequest(
            number=rec["number"], title=rec["title"], body=rec["body"], head=rec["head"], base=rec["base"],
            head_sha=head_sha, state=PrState(rec["state"]), labels=tuple(rec["labels"]),
            requested_reviewers=tuple(rec["requested_reviewers"]), merge_sha=rec["merge_sha"],
            closed_by=rec["closed_by"], url=f"local:#{rec['number']}",
        )
