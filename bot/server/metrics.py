"""Prometheus metrics of one server or worker process (`GET /metrics`).

Queue depth is read from the shared backend at scrape time (so every process reports the whole
queue); durations, retries, dead letters and GitHub calls are this process's own counters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from bot.server.queue.records import JobRecord, JobState
from bot.server.queue.worker import Hooks

if TYPE_CHECKING:
    from bot.server.queue.backend import QueueBackend


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.depth = Gauge("fixbot_queue_jobs", "Jobs in the durable queue by state", ["state"], registry=r)
        self.backend_up = Gauge("fixbot_queue_backend_up", "1 when the queue backend answers", registry=r)
        self.duration = Histogram("fixbot_job_duration_seconds", "Time a worker spent on a job", ["event", "outcome"],
                                  buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600), registry=r)
        self.retries = Counter("fixbot_job_retries_total", "Jobs put back for a later try after a transient fault",
                               ["event"], registry=r)
        self.dead = Counter("fixbot_dead_letters_total", "Jobs that became dead letters", ["event"], registry=r)
        self.github_calls = Counter("fixbot_github_calls_total", "GitHub API calls", ["installation", "outcome"],
                                    registry=r)
        self.rate_remaining = Gauge("fixbot_github_rate_limit_remaining",
                                    "x-ratelimit-remaining of the last GitHub answer", ["installation"], registry=r)

    def hooks(self) -> Hooks:
        def finished(rec: JobRecord, state: JobState, seconds: float) -> None:
            self.duration.labels(rec.event, state.value).observe(seconds)
            if state is JobState.dead:
                self.dead.labels(rec.event).inc()

        return Hooks(finished=finished, retried=lambda rec: self.retries.labels(rec.event).inc())

    def github_call(self, installation: int | None, ok: bool, remaining: int | None) -> None:
        inst = str(installation or "app")
        self.github_calls.labels(inst, "ok" if ok else "error").inc()
        if remaining is not None:
            self.rate_remaining.labels(inst).set(remaining)

    def render(self, backend: QueueBackend | None = None) -> tuple[bytes, str]:
        if backend is not None:
            try:
                for state, n in backend.counts().items():
                    self.depth.labels(state.value).set(n)
                self.backend_up.set(1)
            except Exception:
                self.backend_up.set(0)
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
