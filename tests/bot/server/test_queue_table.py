"""The job table's semantics, the same on SQLite and on Redis: dedupe, locks, leases, dead letters."""

from __future__ import annotations

import pytest

from bot.server.queue.backend import QueueBackend
from bot.server.queue.records import Claim, JobState

pytestmark = pytest.mark.usefixtures("backend")


def _add(b: QueueBackend, delivery: str, repo: str = "o/a") -> str:
    rec = b.submit(delivery, "push", repo, '{"x": 1}', now=100.0)
    assert rec is not None
    return rec.id


def test_a_known_delivery_id_is_not_stored_twice(backend: QueueBackend) -> None:
    first = _add(backend, "d-1")
    assert backend.submit("d-1", "push", "o/a", "{}") is None
    assert [r.id for r in backend.table.list()] == [first]
    assert backend.counts()[JobState.queued] == 1 and backend.pending() == 1  # huey carries it


def test_one_running_job_per_repository_others_in_parallel(backend: QueueBackend) -> None:
    t = backend.table
    a1, a2, b1 = _add(backend, "1", "o/a"), _add(backend, "2", "o/a"), _add(backend, "3", "o/b")
    assert t.claim(a1, "w1", 30, 100)[0] is Claim.claimed
    assert t.claim(a2, "w2", 30, 100) == (Claim.locked, None)
    assert t.claim(b1, "w2", 30, 100)[0] is Claim.claimed  # another repository runs alongside
    assert t.claim(a1, "w3", 30, 100) == (Claim.gone, None)  # already claimed
    assert t.finish(a1, "w1", JobState.done, at=101)
    claim, rec = t.claim(a2, "w2", 30, 102)
    assert claim is Claim.claimed and rec is not None and rec.worker == "w2" and rec.claims == 1


def test_an_expired_lease_is_requeued_and_the_old_holder_cannot_settle_it(backend: QueueBackend) -> None:
    t = backend.table
    a1, a2 = _add(backend, "1", "o/a"), _add(backend, "2", "o/a")
    t.claim(a1, "dead-worker", 5, 100)
    assert t.heartbeat(a1, "dead-worker", 5, 103)  # alive until 108
    assert t.reap(107, stale=1e9) == []
    assert t.reap(109, stale=1e9) == [a1]
    rec = t.get(a1)
    assert rec is not None and rec.state is JobState.queued and "lease expired" in rec.error
    assert not t.heartbeat(a1, "dead-worker", 5, 109) and not t.finish(a1, "dead-worker", JobState.done, at=110)
    assert t.claim(a2, "w2", 5, 110)[0] is Claim.claimed  # the repository lock went with the lease


def test_transient_failures_count_tries_and_dead_letters_can_be_retried_or_dropped(backend: QueueBackend) -> None:
    t = backend.table
    a, b = _add(backend, "1"), _add(backend, "2", "o/b")
    t.claim(a, "w", 30, 100)
    t.claim(b, "w", 30, 100)
    assert t.finish(a, "w", JobState.queued, "HTTP 502", at=160, failed=True)
    rec = t.get(a)
    assert rec is not None and (rec.state, rec.attempts, rec.queued_at) == (JobState.queued, 1, 160)
    assert t.reap(110, stale=60) == []  # waiting for its retry time is not "lost"
    t.claim(a, "w", 30, 170)
    t.finish(a, "w", JobState.dead, "gave up", at=171, failed=True)
    t.finish(b, "w", JobState.dead, "not retryable", at=101)
    assert {r.id for r in t.list(JobState.dead)} == {a, b}
    assert t.operator_retry(a, 200) and not t.operator_retry(a, 200)
    rec = t.get(a)
    assert rec is not None and (rec.state, rec.attempts) == (JobState.queued, 0)
    assert t.operator_drop(b, 200) and t.get(b).state is JobState.dropped  # type: ignore[union-attr]
    assert t.counts()[JobState.dead] == 0 and t.counts()[JobState.dropped] == 1
    assert backend.submit("2", "push", "o/b", "{}") is None  # a dropped delivery is still known


def test_a_queued_job_whose_message_was_lost_is_found_again(backend: QueueBackend) -> None:
    a = _add(backend, "1")
    backend.huey.flush()  # the message is gone (a worker died between dequeue and claim)
    assert backend.table.reap(150, stale=60) == []
    assert backend.table.reap(161, stale=60) == [a]
