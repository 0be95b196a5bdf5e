"""Bounded retries with backoff that honour `Retry-After` and `x-ratelimit-reset`.

Retried: 5xx, 429, and 403 secondary rate limits (a `Retry-After` header, an exhausted
`x-ratelimit-remaining`, or GitHub's "secondary rate limit" message); timeouts and dropped
connections. Everything else is raised at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import httpx
import requests
from github import GithubException

T = TypeVar("T")
log = logging.getLogger("fixbot.github")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # total tries
    base_delay: float = 0.5
    max_delay: float = 30.0  # one wait is never longer; a longer Retry-After gives up instead


class RetryableStatus(Exception):
    """An HTTP answer (from httpx) that may be retried."""

    def __init__(self, status: int, headers: Mapping[str, str], message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status, self.headers = status, {k.lower(): v for k, v in headers.items()}


def _lower(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {k.lower(): v for k, v in (headers or {}).items()}


def server_delay(status: int, headers: Mapping[str, str], message: str, now: float) -> float | None:
    """The wait GitHub asks for, 0.0 for "retry with backoff", None when not retryable."""
    h = _lower(headers)
    if "retry-after" in h:
        try:
            return max(0.0, float(h["retry-after"]))
        except ValueError:
            return 0.0
    if h.get("x-ratelimit-remaining") == "0" and "x-ratelimit-reset" in h:
        try:
            return max(0.0, float(h["x-ratelimit-reset"]) - now)
        except ValueError:
            return 0.0
    if status >= 500 or status == 429 or (status == 403 and "secondary rate limit" in message.lower()):
        return 0.0
    return None


def classify(exc: Exception, now: float) -> float | None:
    """The wait a failure asks for (0.0: backoff), None when it is not retryable."""
    if isinstance(exc, GithubException):
        data = exc.data if isinstance(exc.data, dict) else {}
        return server_delay(exc.status, exc.headers or {}, str(data.get("message", "")), now)
    if isinstance(exc, RetryableStatus):
        return server_delay(exc.status, exc.headers, str(exc), now)
    if isinstance(exc, requests.Timeout | requests.ConnectionError | httpx.TimeoutException | httpx.TransportError):
        return 0.0
    return None


def with_retries(fn: Callable[[], T], policy: RetryPolicy, sleep: Callable[[float], None] = time.sleep,
                 what: str = "GitHub call") -> T:
    for attempt in range(1, policy.attempts + 1):
        try:
            return fn()
        except Exception as exc:
            asked = classify(exc, time.time())
            if asked is None or attempt == policy.attempts or asked > policy.max_delay:
                raise
            wait = asked if asked > 0 else min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1))
            log.warning("%s failed (%s); retry %d/%d in %.2fs", what, type(exc).__name__, attempt,
                        policy.attempts - 1, wait)
            sleep(wait)
    raise AssertionError("unreachable")
