"""Queue workers on both backends: per-repository lock, retries with backoff, dead letters, shutdown."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from bot.errors import ForgeError, TransientForgeError
from bot.server.queue.backend import QueueBackend, build_backend
from bot.server.queue.pool import WorkerPool
from bot.server.queue.records import JobRecord, JobState
from bot.server.queue.worker import WorkerConfig

FAST = WorkerConfig(lease=2.0, max_attempts=3, retry_base=0.05, poll=0.01, lock_wait=0.02, reap_every=0.2)


def _pool(b: QueueBackend, execute: Callable[[JobRecord], None], threads: int,
          config: WorkerConfig = FAST) -> WorkerPool:
    pool = WorkerPool(b, execute, config, threads)
    pool.start()
    return pool


def test_never_two_jobs_of_one_repository_at_once_but_repositories_in_parallel(backend: QueueBackend) -> None:
    spans: list[tuple[str, float, float]] = []
    lock = threading.Lock()

    def execute(rec: JobRecord) -> None:
        start = time.monotonic()
        time.sleep(0.15)
        with lock:
            spans.append((rec.repo, start, time.monotonic()))

    for i in range(8):
        backend.submit(f"d{i}", "push", f"o/r{i % 2}", "{}")
    pool = _pool(backend, execute, threads=4)
    try:
        assert pool.join(30)
    finally:
        pool.stop(5)
    assert len(spans) == 8
    for repo in ("o/r0", "o/r1"):
        mine = sorted((s, e) for r, s, e in spans if r == repo)
        assert all(prev[1] <= nxt[0] for prev, nxt in pairwise(mine)), f"{repo} overlapped"
    overlaps = [(a, b) for a in spans for b in spans if a[0] != b[0] and a[1] < b[2] and b[1] < a[2]]
    assert overlaps, "different repositories never ran in parallel"


def test_transient_faults_are_retried_with_backoff_then_dead_lettered(backend: QueueBackend) -> None:
    calls: dict[str, list[float]] = {}

    def execute(rec: JobRecord) -> None:
        calls.setdefault(rec.delivery, []).append(time.monotonic())
        if rec.delivery == "flaky" and len(calls["flaky"]) < 3:
            raise TransientForgeError("GitHub POST /pulls failed (502)")
        if rec.delivery == "limited":
            raise TransientForgeError("secondary rate limit", retry_after=0.3)
        if rec.delivery == "broken":
            raise ForgeError("GitHub answered 404: Not Found")

    for d in ("flaky", "limited", "broken"):
        backend.submit(d, "push", f"o/{d}", "{}")
    backoff = WorkerConfig(lease=2.0, max_attempts=3, retry_base=0.3, poll=0.01, lock_wait=0.02, reap_every=0.2)
    pool = _pool(backend, execute, threads=2, config=backoff)
    try:
        assert pool.join(30)
    finally:
        pool.stop(5)
    by = {r.delivery: r for r in backend.table.list()}
    assert by["flaky"].state is JobState.done and len(calls["flaky"]) == 3
    gaps = [b - a for a, b in pairwise(calls["flaky"])]
    assert gaps[0] >= 0.3 and gaps[1] >= 0.6 and gaps[1] > gaps[0]  # exponential backoff
    assert by["limited"].state is JobState.dead and len(calls["limited"]) == FAST.max_attempts
    assert all(b - a >= 0.3 for a, b in pairwise(calls["limited"]))  # Retry-After
    assert "gave up after 3 tries" in by["limited"].error
    assert by["broken"].state is JobState.dead and len(calls["broken"]) == 1 and "not retryable" in by["broken"].error


def test_shutdown_finishes_a_short_job_and_requeues_a_long_one(backend: QueueBackend, queue_url: str,
                                                               tmp_path: Path) -> None:
    started = threading.Event()
    ran: list[str] = []

    def slow(rec: JobRecord) -> None:
        started.set()
        time.sleep(0.3 if rec.delivery == "short" else 5)
        ran.append(rec.delivery)

    backend.submit("short", "push", "o/a", "{}")
    pool = _pool(backend, slow, threads=1)
    assert started.wait(10)
    pool.stop(grace=2)  # SIGTERM path: the short job ends within the grace period
    assert ran == ["short"] and backend.table.list()[0].state is JobState.done

    started.clear()
    backend.submit("long", "push", "o/a", "{}")
    pool = _pool(backend, slow, threads=1)
    assert started.wait(10)
    pool.stop(grace=0.2)
    (long,) = [r for r in backend.table.list() if r.delivery == "long"]
    assert long.state is JobState.queued and long.attempts == 0 and "shutdown" in long.error

    other = build_backend(queue_url, tmp_path / "state")  # another process picks it up at once
    done: list[str] = []
    pool = _pool(other, lambda rec: done.append(rec.delivery), threads=1)
    try:
        assert pool.join(10)
    finally:
        pool.stop(1)
        other.close()
    assert done == ["long"]


@pytest.mark.parametrize("queue_url", ["sqlite"], indirect=True)
def test_a_worker_killed_mid_job_loses_its_lease_and_the_job_runs_again(backend: QueueBackend) -> None:
    runs: list[str] = []
    backend.submit("d", "push", "o/a", "{}")
    t = backend.table
    (rec,) = t.list()
    t.claim(rec.id, "killed-worker", FAST.lease, time.time())  # claimed, then the process vanished
    pool = _pool(backend, lambda r: runs.append(r.worker), threads=1)
    try:
        assert pool.join(FAST.lease * 4)
    finally:
        pool.stop(1)
    final = t.get(rec.id)
    assert final is not None and final.state is JobState.done and final.claims == 2 and runs == [final.worker]
