"""Both queue backends for the queue tests: SQLite in a temp dir, and a real Redis per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.server.queue.backend import QueueBackend, build_backend
from tests.harness.redis_server import redis_server


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(params=["sqlite", "redis"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return ""
    url: str = request.getfixturevalue("redis_url")
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def backend(queue_url: str, tmp_path: Path) -> Iterator[QueueBackend]:
    b = build_backend(queue_url, tmp_path / "state")
    yield b
    b.close()
