"""Queue workers: claim a job under a lease, keep it alive with heartbeats, settle its outcome.

At-least-once: a job leaves `running` only by its lease holder settling it, or by its lease
expiring (the worker died) and a reaper requeueing it. The handlers are idempotent (a fix PR
is identified by its branch and marker), so running a job again ends in the same state.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from bot.server.queue.backend import QueueBackend
from bot.server.queue.records import Claim, JobRecord, JobState
from bot.server.queue.transient import retry_after

log = logging.getLogger("fixbot.server")
Execute = Callable[[JobRecord], None]


@dataclass(frozen=True)
class WorkerConfig:
    lease: float = 30.0  # a claim dies this long after its worker's last heartbeat
    max_attempts: int = 5  # tries of a job failing transiently before it becomes a dead letter
    retry_base: float = 2.0  # backoff: base * 2^(tries-1), at least what the forge asked for
    retry_max: float = 600.0
    poll: float = 0.05  # idle wait when the queue is empty (SQLite; Redis blocks on its own)
    lock_wait: float = 0.25  # a job whose repository is busy is looked at again after this
    reap_every: float = 2.0


@dataclass
class Hooks:
    """Observers (metrics); each gets the job record."""

    started: Callable[[JobRecord], None] = lambda rec: None
    finished: Callable[[JobRecord, JobState, float], None] = lambda rec, state, seconds: None
    retried: Callable[[JobRecord], None] = lambda rec: None


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class QueueWorker:
    def __init__(self, backend: QueueBackend, execute: Execute, config: WorkerConfig | None = None,
                 hooks: Hooks | None = None, name: str | None = None) -> None:
        self.backend, self.execute = backend, execute
        self.config, self.hooks = config or WorkerConfig(), hooks or Hooks()
        self.name = name or worker_name()
        self.current: str | None = None
        self._next_reap = 0.0

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                self.step(stop)
            except Exception:  # a backend hiccup (Redis restarting): wait and go on
                log.exception("queue worker %s: backend error", self.name)
                stop.wait(1.0)

    def step(self, stop: threading.Event) -> None:
        self.reap()
        item = self.backend.pop()
        if item is None:
            stop.wait(self.config.poll)
            return
        job_id, wait = item
        if wait > 0:
            self.backend.push(job_id, wait)
        else:
            self.handle(job_id)

    def reap(self, force: bool = False) -> None:
        now = time.time()
        if not force and now < self._next_reap:
            return
        self._next_reap = now + self.config.reap_every
        # a queued job untouched for 2 leases while huey holds nothing lost its message: push it again
        stale = self.config.lease * 2 if self.backend.pending() == 0 else 1e12
        for job_id in self.backend.table.reap(now, stale):
            log.warning("requeued job %s (its worker is gone or its message was lost)", job_id)
            self.backend.push(job_id)

    def handle(self, job_id: str) -> None:
        claim, rec = self.backend.table.claim(job_id, self.name, self.config.lease, time.time())
        if claim is Claim.locked:
            self.backend.push(job_id, self.config.lock_wait)
            return
        if claim is Claim.gone or rec is None:
            return
        if rec.claims > self.config.max_attempts * 2:
            self._settle(rec, JobState.dead, f"claimed {rec.claims - 1} times without finishing "
                                             "(its worker died each time)", time.monotonic())
            return
        self._run(rec)

    def _run(self, rec: JobRecord) -> None:
        self.current = rec.id
        stop_beat = threading.Event()
        beat = threading.Thread(target=self._beat, args=(rec.id, stop_beat), daemon=True)
        beat.start()
        start = time.monotonic()
        self.hooks.started(rec)
        try:
            self.execute(rec)
        except Exception as exc:
            self._failed(rec, exc, start)
        else:
            self._settle(rec, JobState.done, "", start)
        finally:
            stop_beat.set()
            beat.join()
            self.current = None

    def _beat(self, job_id: str, stop: threading.Event) -> None:
        while not stop.wait(self.config.lease / 3):
            try:
                if not self.backend.table.heartbeat(job_id, self.name, self.config.lease, time.time()):
                    log.warning("job %s: lease lost (reaped); it will run again elsewhere", job_id)
                    return
            except Exception as exc:
                log.warning("job %s: heartbeat failed (%s)", job_id, type(exc).__name__)

    def _failed(self, rec: JobRecord, exc: Exception, start: float) -> None:
        asked = retry_after(exc)
        text = f"{type(exc).__name__}: {exc}"
        if asked is None:
            log.error("job %s (%s) failed: %s", rec.id, rec.event, text, exc_info=exc,
                      extra={"delivery": rec.delivery, "repo": rec.repo, "status": "dead"})
            self._settle(rec, JobState.dead, f"not retryable: {text}", start)
            return
        tries = rec.attempts + 1
        if tries >= self.config.max_attempts:
            log.error("job %s failed %d times, now a dead letter: %s", rec.id, tries, text,
                      extra={"delivery": rec.delivery, "repo": rec.repo, "status": "dead"})
            self._settle(rec, JobState.dead, f"gave up after {tries} tries: {text}", start, failed=True)
            return
        delay = min(self.config.retry_max, max(asked, self.config.retry_base * 2 ** (tries - 1)))
        log.warning("job %s failed transiently (%s); try %d in %.1fs", rec.id, text, tries + 1, delay,
                    extra={"delivery": rec.delivery, "repo": rec.repo, "status": "retry"})
        if self.backend.table.finish(rec.id, self.name, JobState.queued, text, time.time() + delay, failed=True):
            self.hooks.retried(rec)
            self.backend.push(rec.id, delay)

    def _settle(self, rec: JobRecord, state: JobState, error: str, start: float, failed: bool = False) -> None:
        if self.backend.table.finish(rec.id, self.name, state, error, time.time(), failed=failed):
            self.hooks.finished(rec, state, time.monotonic() - start)
            log.info("job %s %s", rec.id, state.value, extra={"delivery": rec.delivery, "repo": rec.repo,
                                                              "status": state.value,
                                                              "duration_ms": round((time.monotonic() - start) * 1000)})
        else:
            log.warning("job %s finished after its lease was lost; the rerun decides", rec.id)

    def release(self) -> bool:
        """Shutdown with a job still running: put it back in the queue for another worker."""
        job_id = self.current
        if job_id is None:
            return False
        if self.backend.table.finish(job_id, self.name, JobState.queued, "requeued at shutdown", time.time()):
            self.backend.push(job_id)
            log.warning("requeued running job %s at shutdown", job_id)
            return True
        return False
