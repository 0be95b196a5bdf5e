"""One authenticated PyGithub client per token, and the REST call wrapper (retries, errors).

Every request fixbot makes to GitHub goes through `Api.call`/`Api.json`: bounded retries that
honour `Retry-After`/`x-ratelimit-reset`, GitHub errors mapped to `ForgeError`/`ConflictError`
with secrets scrubbed from the message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import requests
from github import Auth, Github, GithubException

from bot.errors import ConflictError, ForgeError
from bot.forge.github.redact import scrub
from bot.forge.github.retry import RetryPolicy, with_retries

T = TypeVar("T")
CONFLICT_STATUSES = {409}


@dataclass(frozen=True)
class ClientConfig:
    api_url: str = "https://api.github.com"
    timeout: int = 15
    retry: RetryPolicy = field(default_factory=RetryPolicy)


def github_client(token: str, config: ClientConfig) -> Github:
    """PyGithub without its own retry/throttle (fixbot's retry policy is the only one)."""
    return Github(auth=Auth.Token(token), base_url=config.api_url.rstrip("/"), timeout=config.timeout,
                  retry=None, seconds_between_requests=None, seconds_between_writes=None, lazy=True,
                  user_agent="fixbot")


def _message(exc: GithubException) -> str:
    data = exc.data if isinstance(exc.data, dict) else {}
    return scrub(data.get("message") or str(exc.data)[:200])


class Api:
    """A client for one repository under one token."""

    def __init__(self, gh: Github, full_name: str, config: ClientConfig,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.gh, self.full_name, self.config, self.sleep = gh, full_name, config, sleep
        self.repo = gh.get_repo(full_name)

    def call(self, fn: Callable[[], T], what: str, conflict: set[int] | None = None) -> T:
        try:
            return with_retries(fn, self.config.retry, self.sleep, what)
        except GithubException as exc:
            text = f"GitHub {what} on {self.full_name} failed ({exc.status}): {_message(exc)}"
            if exc.status in (conflict or CONFLICT_STATUSES):
                raise ConflictError(text) from None
            raise ForgeError(text) from None
        except (requests.RequestException, OSError) as exc:
            raise ForgeError(f"GitHub {what} on {self.full_name} unreachable: {type(exc).__name__}") from None

    def json(self, method: str, suffix: str, body: Any = None, what: str | None = None,
             conflict: set[int] | None = None, params: dict[str, Any] | None = None) -> Any:
        """A raw REST call below `/repos/{owner}/{repo}` through PyGithub's requester."""
        url = f"/repos/{self.full_name}{suffix}"
        requester = self.gh.requester

        def once() -> Any:
            _, data = requester.requestJsonAndCheck(method, url, parameters=params, input=body)
            return data

        return self.call(once, what or f"{method} {suffix or '/'}", conflict)
