"""A ready stand-in with one installed repository, and fixbot's broker/forge pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.forge.github import AppCredentials, ForgeConfig, GitHubForge, RepoRef, TokenBroker
from bot.forge.github.client import ClientConfig
from bot.forge.github.retry import RetryPolicy
from tests.harness.github_standin import StandIn
from tests.harness.github_standin.state import Installation, Repo

ALL_PERMISSIONS = {"contents": "write", "pull_requests": "write", "issues": "write", "checks": "write",
                   "statuses": "read", "metadata": "read", "administration": "read", "security_events": "read",
                   "actions": "read", "deployments": "read"}
FILES = {
    "main.tf": 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
    "CODEOWNERS": "*.tf @alice @octo-org/platform\n",
}
COLLABORATORS = {"alice": "write", "bob": "read", "carol": "admin"}


@dataclass
class World:
    gh: StandIn
    repo: Repo
    installation: Installation
    broker: TokenBroker
    sleeps: list[float] = field(default_factory=list)

    @property
    def ref(self) -> RepoRef:
        return RepoRef(self.repo.owner, self.repo.name, self.repo.id, self.installation.id)

    def forge(self, merge_method: str = "squash") -> GitHubForge:
        cfg = ForgeConfig(client=self.client_config(), merge_method=merge_method)
        return GitHubForge(self.broker, self.ref, cfg, sleep=self.sleeps.append)

    def client_config(self) -> ClientConfig:
        return ClientConfig(api_url=self.gh.url, timeout=5, retry=RetryPolicy(attempts=4, base_delay=0.01))


@contextmanager
def world(tmp: Path, files: dict[str, str] | None = None,
          permissions: dict[str, str] | None = None) -> Iterator[World]:
    with StandIn(tmp / "standin") as gh:
        repo = gh.add_repo("octo-org", "infra", dict(FILES if files is None else files),
                           collaborators=COLLABORATORS)
        inst = gh.install([repo], ALL_PERMISSIONS if permissions is None else permissions)
        sleeps: list[float] = []
        broker = TokenBroker(AppCredentials(gh.app_id, gh.private_key_pem), gh.url,
                             retry=RetryPolicy(attempts=4, base_delay=0.01), sleep=sleeps.append)
        try:
            yield World(gh, repo, inst, broker, sleeps)
        finally:
            broker.close()
