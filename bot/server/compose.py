"""Composition root of the webhook server: settings → broker, engine, queue, workers, Starlette app."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.applications import Starlette

from bot.forge.github.retry import RetryPolicy
from bot.server.app import Router, create_app
from bot.server.delivery import Delivery
from bot.server.engine import Engine
from bot.server.events import router
from bot.server.lifecycle_engine import LifecycleEngine
from bot.server.metrics import Metrics
from bot.server.queue.backend import QueueBackend, build_backend
from bot.server.queue.pool import WorkerPool
from bot.server.queue.records import JobRecord
from bot.server.queue.sweeps import Sweeper
from bot.server.queue.worker import Execute, WorkerConfig
from bot.server.service import Service, build_broker
from bot.server.settings import Settings


@dataclass
class Server:
    app: Starlette
    worker: WorkerPool
    service: Service
    backend: QueueBackend
    metrics: Metrics

    sweeper: Sweeper | None = None

    def close(self, grace: float | None = None) -> None:
        if self.sweeper is not None:
            self.sweeper.stop()
        self.worker.stop(self.service.settings.shutdown_grace_seconds if grace is None else grace)
        self.backend.close()
        self.service.broker.close()


def executor(route: Router) -> Execute:
    """A job record → its delivery → the registered handler, run in the worker."""
    def execute(rec: JobRecord) -> None:
        job = route(Delivery(rec.delivery, rec.event, json.loads(rec.payload)))
        if job is not None:
            job.run()

    return execute


def worker_config(settings: Settings) -> WorkerConfig:
    return WorkerConfig(lease=settings.lease_seconds, max_attempts=settings.max_attempts,
                        retry_base=settings.retry_base_seconds)


def build_service(settings: Settings, engine: Engine | None = None, *, retry: RetryPolicy | None = None,
                  sleep: Callable[[float], None] = time.sleep, run_checkov: bool = True,
                  metrics: Metrics | None = None) -> Service:
    policy = retry or RetryPolicy()
    broker = build_broker(settings, policy, sleep)
    return Service(settings, broker, engine or LifecycleEngine(settings, run_checkov=run_checkov), policy, sleep,
                   metrics=metrics)


@dataclass
class WorkerProcess:
    """`fixbot worker`: only the queue workers (no HTTP)."""

    pool: WorkerPool
    service: Service
    backend: QueueBackend
    metrics: Metrics

    sweeper: Sweeper | None = None

    def close(self, grace: float | None = None) -> None:
        if self.sweeper is not None:
            self.sweeper.stop()
        self.pool.stop(self.service.settings.shutdown_grace_seconds if grace is None else grace)
        self.backend.close()
        self.service.broker.close()


def build_worker(settings: Settings, engine: Engine | None = None, *, threads: int = 1,
                 retry: RetryPolicy | None = None, sleep: Callable[[float], None] = time.sleep,
                 run_checkov: bool = True) -> WorkerProcess:
    metrics = Metrics()
    svc = build_service(settings, engine, retry=retry, sleep=sleep, run_checkov=run_checkov, metrics=metrics)
    backend = build_backend(settings.queue_url, settings.state_path)
    pool = WorkerPool(backend, executor(router(svc)), worker_config(settings), threads, metrics.hooks())
    pool.start()
    return WorkerProcess(pool, svc, backend, metrics, _sweeper(settings, backend))


def build_server(settings: Settings, engine: Engine | None = None, *, retry: RetryPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep, run_checkov: bool = True,
                 threads: int | None = None) -> Server:
    metrics = Metrics()
    svc = build_service(settings, engine, retry=retry, sleep=sleep, run_checkov=run_checkov, metrics=metrics)
    backend = build_backend(settings.queue_url, settings.state_path)
    route = router(svc)
    pool = WorkerPool(backend, executor(route), worker_config(settings),
                      settings.workers if threads is None else threads, metrics.hooks())
    app = create_app(settings.webhook_secret.get_secret_value().encode(), route, backend, settings.max_body_bytes,
                     settings.queue_size, metrics)
    pool.start()
    return Server(app, pool, svc, backend, metrics, _sweeper(settings, backend))


def _sweeper(settings: Settings, backend: QueueBackend) -> Sweeper:
    sweeper = Sweeper(backend, settings.sweep_interval_seconds, settings.sweep_jitter_seconds)
    sweeper.start()
    return sweeper
