"""Composition root for CLI commands that talk to GitHub (scan --upload-sarif, fix --forge github).

Credentials, in order: App id + private key (`FIXBOT_APP_ID` and `FIXBOT_PRIVATE_KEY[_PATH]`):
fixbot mints a token per action, narrowed to this one repository, and revokes it; else a token
handed in (`GITHUB_TOKEN`, a workflow's own token). The API is `FIXBOT_GITHUB_API_URL` (or the
server's `FIXBOT_GITHUB_URL`), else the runner's `GITHUB_API_URL`, else api.github.com.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bot.errors import ConfigError, InputError
from bot.forge.github import AppCredentials, ForgeConfig, GitHubForge, RepoRef, TokenBroker, load_private_key
from bot.forge.github.client import ClientConfig
from bot.forge.github.code_scanning import SarifUpload, upload_sarif
from bot.forge.github.static_token import StaticTokenBroker
from bot.lifecycle.naming import decode_meta

REPO_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
DEFAULT_API = "https://api.github.com"


@dataclass(frozen=True)
class GitHubTarget:
    repo: RepoRef
    broker: TokenBroker
    client: ClientConfig

    def forge(self, bot_login: str = "fixbot[bot]") -> GitHubForge:
        return GitHubForge(self.broker, self.repo, ForgeConfig(client=self.client, bot_login=bot_login))


def parse_repo(text: str | None) -> RepoRef:
    if not text or not REPO_RE.match(text) or text.endswith((".", "/..")):
        raise InputError(f"--repo {text!r}: expected OWNER/NAME", hint="in a workflow: ${{ github.repository }}")
    owner, name = text.split("/")
    return RepoRef(owner, name)


def api_url(env: Mapping[str, str]) -> str:
    url = env.get("FIXBOT_GITHUB_API_URL") or env.get("FIXBOT_GITHUB_URL") or env.get("GITHUB_API_URL") or DEFAULT_API
    if not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
        raise ConfigError(f"GitHub API URL {url!r} must be https", hint="FIXBOT_GITHUB_API_URL")
    return url.rstrip("/")


def make_broker(env: Mapping[str, str], url: str) -> TokenBroker:
    app_id = env.get("FIXBOT_APP_ID", "").strip()
    if app_id:
        if not app_id.isdigit():
            raise ConfigError(f"FIXBOT_APP_ID {app_id!r} is not a number")
        return TokenBroker(AppCredentials(int(app_id), load_private_key(None, env)), url)
    token = env.get("GITHUB_TOKEN", "")
    if not token:
        raise ConfigError("no GitHub credentials: set GITHUB_TOKEN, or FIXBOT_APP_ID and FIXBOT_PRIVATE_KEY")
    return StaticTokenBroker(token, url)


@contextmanager
def github_target(repo: str | None, env: Mapping[str, str]) -> Iterator[GitHubTarget]:
    url = api_url(env)
    broker = make_broker(env, url)
    try:
        yield GitHubTarget(parse_repo(repo), broker, ClientConfig(api_url=url))
    finally:
        broker.close()


def upload(target: GitHubTarget, sarif: dict[str, Any], commit_sha: str | None, ref: str | None) -> SarifUpload:
    if not commit_sha or not ref:
        raise InputError("--upload-sarif needs the analysed commit and ref",
                         hint="--commit/--ref, or GITHUB_SHA/GITHUB_REF")
    return upload_sarif(target.broker, target.repo, target.client, sarif, commit_sha, ref)


def open_pr_links(forge: GitHubForge) -> dict[str, str]:
    """finding id -> markdown link of the open fixbot PR that fixes it."""
    from bot.forge.base import PrState

    links: dict[str, str] = {}
    for pr in forge.list_prs(PrState.open):
        meta = decode_meta(pr.body)
        if meta is None or meta.kind != "fix":
            continue
        link = f"[#{pr.number}]({pr.url})" if pr.url and pr.url.startswith("https://") else f"#{pr.number}"
        links.update({fid: link for fid in meta.finding_ids})
    return links
