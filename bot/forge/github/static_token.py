"""A token handed to fixbot (a workflow's `GITHUB_TOKEN`) instead of App credentials.

`StaticTokenBroker` has the `TokenBroker` interface so `GitHubForge` and the SARIF upload
work unchanged: every "mint" yields the same token, labelled with the permissions the caller
asked for (GitHub still enforces what the token really holds), and nothing is revoked — the
Actions runtime owns that token's lifetime and revokes it when the job ends.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from bot.errors import ConfigError
from bot.forge.github.auth import RepoRef, ScopedToken, TokenBroker


class StaticTokenBroker(TokenBroker):
    def __init__(self, token: str, api_url: str) -> None:  # no App credentials, no HTTP client
        if not token.strip():
            raise ConfigError("empty GitHub token", hint="set GITHUB_TOKEN (in a workflow: ${{ github.token }})")
        self._token = token.strip()
        self.api_url = api_url.rstrip("/")

    def __repr__(self) -> str:
        return f"StaticTokenBroker(api_url={self.api_url!r}, token=[REDACTED])"

    def close(self) -> None:
        return None

    def installation_id(self, repo: RepoRef) -> int:
        raise ConfigError("a workflow token has no App installation", hint="use App credentials for that")

    def mint(self, repo: RepoRef, permissions: Mapping[str, str]) -> ScopedToken:
        return ScopedToken(self._token, repo.full_name, dict(permissions))

    def revoke(self, token: str) -> None:
        return None

    @contextmanager
    def token(self, repo: RepoRef, permissions: Mapping[str, str]) -> Iterator[ScopedToken]:
        yield self.mint(repo, permissions)
