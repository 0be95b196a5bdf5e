"""One authenticated PyGithub client per token, and the REST call wrapper (retries, errors).

Every request fixbot makes to GitHub goes through `Api.call`/`Api.json`/`Api.pages`: bounded
retries that honour `Retry-After`/`x-ratelimit-reset`, GitHub errors mapped to
`ForgeError`/`ConflictError` with secrets scrubbed from the message. Every list is read whole:
`Api.pages` asks for 100 rows a page and follows `Link: rel="next"` to the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import requests
from github import Auth, Github, GithubException

from bot.errors import ConflictError, ForgeError, TransientForgeError
from bot.forge.github.redact import scrub
from bot.forge.github.retry import RetryPolicy, classify, with_retries

T = TypeVar("T")
CONFLICT_STATUSES = {409}
PER_PAGE = 100  # GitHub's maximum page size
MAX_PAGES = 1000  # 100,000 rows of one list: a guard against a server that never ends the list


@dataclass(frozen=True)
class ClientConfig:
    api_url: str = "https://api.github.com"
    timeout: int = 15
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    # told of every call: (succeeded, x-ratelimit-remaining of the last answer or None) — server metrics
    observe: Callable[[bool, int | None], None] | None = field(default=None, compare=False)


def github_client(token: str, config: ClientConfig) -> Github:
    """PyGithub without its own retry/throttle (fixbot's retry policy is the only one)."""
    return Github(auth=Auth.Token(token), base_url=config.api_url.rstrip("/"), timeout=config.timeout,
                  retry=None, seconds_between_requests=None, seconds_between_writes=None, lazy=True,
                  user_agent="fixbot", per_page=PER_PAGE)


def next_link(headers: Mapping[str, str]) -> str | None:
    """The `rel="next"` URL of a paginated response, if there is one."""
    link = next((v for k, v in headers.items() if k.lower() == "link"), "")
    for part in requests.utils.parse_header_links(link) if link else []:
        if part.get("rel") == "next" and part.get("url"):
            return part["url"]
    return None


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
        ok = False
        try:
            result = with_retries(fn, self.config.retry, self.sleep, what)
            ok = True
            return result
        except GithubException as exc:
            text = f"GitHub {what} on {self.full_name} failed ({exc.status}): {_message(exc)}"
            if exc.status in (conflict or CONFLICT_STATUSES):
                raise ConflictError(text) from None
            asked = classify(exc, time.time())
            if asked is not None:  # retries exhausted on a passing fault: the job may try again later
                raise TransientForgeError(text, retry_after=asked) from None
            raise ForgeError(text) from None
        except (requests.RequestException, OSError) as exc:
            raise TransientForgeError(f"GitHub {what} on {self.full_name} unreachable: {type(exc).__name__}") from None
        finally:
            if self.config.observe is not None:
                remaining = self.gh.requester.rate_limiting[0]
                self.config.observe(ok, remaining if remaining >= 0 else None)

    def json(self, method: str, suffix: str, body: Any = None, what: str | None = None,
             conflict: set[int] | None = None, params: dict[str, Any] | None = None) -> Any:
        """A raw REST call below `/repos/{owner}/{repo}` through PyGithub's requester."""
        url = f"/repos/{self.full_name}{suffix}"
        requester = self.gh.requester

        def once() -> Any:
            _, data = requester.requestJsonAndCheck(method, url, parameters=params, input=body)
            return data

        return self.call(once, what or f"{method} {suffix or '/'}", conflict)

    def absolute(self, method: str, path: str, what: str, missing_ok: bool = False) -> Any:
        """A REST call outside the repository (e.g. `/orgs/...`); `missing_ok`: a 404 is None."""
        requester = self.gh.requester

        def once() -> Any:
            _, data = requester.requestJsonAndCheck(method, path)
            return data

        try:
            return self.call(once, what)
        except ForgeError as exc:
            if missing_ok and "failed (404)" in str(exc):
                return None
            raise

    def pages(self, suffix: str, what: str, params: dict[str, Any] | None = None,
              key: str | None = None) -> list[Any]:
        """Every row of a paginated list below `/repos/{owner}/{repo}` (`key`: the list inside an object)."""
        url: str | None = f"/repos/{self.full_name}{suffix}"
        query: dict[str, Any] | None = {**(params or {}), "per_page": PER_PAGE}
        rows: list[Any] = []
        for _ in range(MAX_PAGES):
            assert url is not None
            headers, data = self._page(url, query, what)
            rows.extend((data or {}).get(key) or [] if key else data or [])
            url, query = next_link(headers), None  # the next URL carries its own query
            if url is None:
                return rows
        raise ForgeError(f"GitHub {what} on {self.full_name}: more than {MAX_PAGES} pages of {PER_PAGE}")

    def _page(self, url: str, query: dict[str, Any] | None, what: str) -> tuple[dict[str, str], Any]:
        requester = self.gh.requester

        def once() -> tuple[dict[str, str], Any]:
            return requester.requestJsonAndCheck("GET", url, parameters=query)

        return self.call(once, what)
