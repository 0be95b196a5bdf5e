"""A real Redis (Debian `redis-server`) on a free loopback port, started and stopped by the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

BINARY = shutil.which("redis-server") or "/usr/bin/redis-server"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def redis_server(tmp: Path) -> Iterator[str]:
    """Yields `redis://127.0.0.1:PORT/0`; appendonly so a restart keeps what was written."""
    if not Path(BINARY).exists():
        pytest.fail("redis-server is not installed (apt-get install -y redis-server; .ci/run does it)")
    tmp.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    proc = subprocess.Popen([BINARY, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp),
                             "--save", "", "--appendonly", "yes", "--appendfsync", "always",
                             "--protected-mode", "yes", "--loglevel", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        yield url
    finally:
        client.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
