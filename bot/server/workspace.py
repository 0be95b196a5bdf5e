"""A repository's work dir on the server: a local clone fetched on demand, the lifecycle on GitHub.

The clone only serves reading (snapshot of the default branch, exports for pre-merge checks)
and holds the lifecycle's local memory and audit ref; every change goes through `GitHubForge`.
A fetch uses a `contents: read` token for this one repository, passed in the environment
(never on a command line or in `.git/config`) and revoked right after.
"""

from __future__ import annotations

import base64
import os
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import git

from bot.audit.log import AuditLog
from bot.chain import Decided, decide_snapshot, policy_decider
from bot.errors import ForgeError
from bot.forge.github import GitHubForge, RepoRef
from bot.forge.github.redact import scrub
from bot.gitstore.gitops import export_tree
from bot.lifecycle.checkov_check import checkov_checker
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.ledger import BotState
from bot.policy import load_engine
from bot.tempdirs import run_dir


def _auth_env(token: str, url: str) -> dict[str, str]:
    if not url.startswith("https://"):
        return {}
    basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
    return {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "http.extraHeader",
            "GIT_CONFIG_VALUE_0": f"Authorization: Basic {basic}"}


class Workspace:
    def __init__(self, root: Path, repo: RepoRef) -> None:
        self.repo_ref = repo
        self.path = root / f"{repo.owner}__{repo.name}"
        self.state_dir = self.path / ".git" / "fixbot"

    def git_repo(self) -> git.Repo:
        if not (self.path / ".git").is_dir():
            self.path.mkdir(parents=True, exist_ok=True)
            git.Repo.init(self.path)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        return git.Repo(self.path)

    def sync(self, forge: GitHubForge) -> tuple[git.Repo, str, str]:
        """Fetch every branch; returns (repo, default branch, its head SHA)."""
        repo = self.git_repo()
        url, branch = forge.clone_info()
        with forge.broker.token(forge.repo, {"contents": "read"}) as tok:
            env = {**os.environ, **_auth_env(tok.value, url), "GIT_TERMINAL_PROMPT": "0"}
            proc = subprocess.run(["git", "-C", str(self.path), "fetch", "--quiet", "--prune", "--no-tags", url,
                                   "+refs/heads/*:refs/remotes/origin/*"], capture_output=True, env=env, check=False)
        if proc.returncode != 0:
            raise ForgeError(f"fetching {self.repo_ref.full_name} failed: {scrub(proc.stderr.decode()[:300])}")
        return repo, branch, repo.commit(f"refs/remotes/origin/{branch}").hexsha

    @contextmanager
    def snapshot(self, repo: git.Repo, sha: str) -> Iterator[Path]:
        with run_dir("snap") as tmp:
            yield export_tree(repo, sha, tmp)


def plan_and_decide(snap: Path, default_branch: str, findings: Sequence[Path], run_checkov: bool) -> Decided:
    """The chain on the snapshot, under the policy of the repository's default branch."""
    return decide_snapshot(snap, load_engine(snap, default_branch=default_branch), findings, run_checkov)


def make_lifecycle(forge: GitHubForge, repo: git.Repo, ws: Workspace, d: Decided) -> Lifecycle:
    def export(sha: str, dest: Path) -> Path:
        dest.mkdir(parents=True, exist_ok=True)
        try:
            repo.commit(sha)
        except (ValueError, git.BadName):
            ws.sync(forge)  # a commit fixbot just made on GitHub: fetch it
        return export_tree(repo, sha, dest)

    return Lifecycle(forge=forge, audit=AuditLog(repo, ws.state_dir), state=BotState(ws.state_dir),
                     decide=policy_decider(d.outcome, d.engine), owners_of=d.outcome.context.owners_of,
                     checker=checkov_checker, export=export, bot_user=forge.config.bot_login)
