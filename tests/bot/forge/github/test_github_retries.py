"""Faults GitHub really produces: retried with the waits it asks for, bounded, tokens revoked."""

from __future__ import annotations

import logging
import time

import httpx
import pytest

from bot.errors import ForgeError
from bot.forge.github.retry import RetryPolicy, server_delay, with_retries
from tests.harness.github_standin import Fault
from tests.harness.github_standin.world import World


def test_5xx_is_retried_with_backoff(w: World) -> None:
    w.gh.inject(Fault(502, "GET /repos/octo-org/infra/collaborators", times=2))
    assert w.forge().user_permission("alice") == "write"
    assert len(w.sleeps) == 2 and w.sleeps[0] < w.sleeps[1]


def test_secondary_rate_limit_honours_retry_after(w: World) -> None:
    w.gh.inject(Fault(403, "POST /repos/octo-org/infra/issues", headers={"Retry-After": "7"},
                      message="You have exceeded a secondary rate limit."))
    w.repo.issues[1] = w.repo.issues.get(1) or __import__(
        "tests.harness.github_standin.state", fromlist=["Pull"]).Pull(1, "issue", "", "", "", "bob")
    w.forge().comment(1, "hello")
    assert w.sleeps == [7.0]
    assert [c.body for c in w.repo.comments[1]] == ["hello"]


def test_429_honours_ratelimit_reset(w: World) -> None:
    reset = str(int(time.time()) + 20)
    w.gh.inject(Fault(429, "GET /repos/octo-org/infra/branches",
                      headers={"x-ratelimit-remaining": "0", "x-ratelimit-reset": reset}))
    assert w.forge().head_sha("main") == w.repo.store.ref("heads/main")
    assert len(w.sleeps) == 1 and 15 < w.sleeps[0] <= 20


def test_retries_are_bounded_and_the_error_names_the_call(w: World) -> None:
    w.gh.inject(Fault(503, "GET /repos/octo-org/infra/branches", times=10))
    with pytest.raises(ForgeError, match=r"get branch on octo-org/infra failed \(503\)"):
        w.forge().head_sha("main")
    assert len(w.sleeps) == 3  # 4 attempts
    assert all(t.revoked for t in w.gh.tokens())


def test_a_wait_longer_than_the_cap_gives_up_instead_of_hanging(w: World) -> None:
    w.gh.inject(Fault(403, "GET /repos/octo-org/infra/branches", headers={"Retry-After": "3600"},
                      message="secondary rate limit"))
    with pytest.raises(ForgeError, match="403"):
        w.forge().head_sha("main")
    assert w.sleeps == []


def test_validation_errors_are_not_retried(w: World) -> None:
    w.gh.inject(Fault(422, "GET /repos/octo-org/infra/branches", message="Validation Failed"))
    with pytest.raises(ForgeError, match="422"):
        w.forge().head_sha("main")
    assert w.sleeps == []


def test_token_mint_is_retried_too(w: World) -> None:
    w.gh.inject(Fault(500, "POST /app/installations"))
    assert w.forge().user_permission("bob") == "read"
    assert len(w.sleeps) == 1


def test_timeouts_are_retried() -> None:
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise httpx.ReadTimeout("slow")
        return "ok"

    sleeps: list[float] = []
    assert with_retries(flaky, RetryPolicy(attempts=3, base_delay=1.0), sleeps.append) == "ok"
    assert sleeps == [1.0, 2.0]


def test_server_delay_classification() -> None:
    assert server_delay(500, {}, "", 0) == 0.0
    assert server_delay(403, {"Retry-After": "5"}, "", 0) == 5.0
    assert server_delay(403, {}, "Resource not accessible by integration", 0) is None
    assert server_delay(404, {}, "", 0) is None


def test_errors_and_logs_never_carry_the_token(w: World, caplog: pytest.LogCaptureFixture) -> None:
    w.gh.inject(Fault(400, "GET /repos/octo-org/infra/branches", message="bad token ghs_abcdefghijklmnop1234"))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ForgeError) as info:
        w.forge().head_sha("main")
    assert "ghs_" not in str(info.value)
    values = [t.value for t in w.gh.tokens()]
    assert values and not any(v in caplog.text for v in values)
