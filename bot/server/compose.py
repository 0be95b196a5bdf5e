"""Composition root of the webhook server: settings → broker, engine, worker, Starlette app."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.applications import Starlette

from bot.forge.github.retry import RetryPolicy
from bot.server.app import create_app
from bot.server.dedupe import DeliveryLog
from bot.server.engine import Engine
from bot.server.events import router
from bot.server.lifecycle_engine import LifecycleEngine
from bot.server.service import Service, build_broker
from bot.server.settings import Settings
from bot.server.worker import Worker


@dataclass
class Server:
    app: Starlette
    worker: Worker
    service: Service
    deliveries: DeliveryLog

    def close(self) -> None:
        self.worker.stop()
        self.service.broker.close()


def build_server(settings: Settings, engine: Engine | None = None, *, retry: RetryPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep, run_checkov: bool = True) -> Server:
    policy = retry or RetryPolicy()
    broker = build_broker(settings, policy, sleep)
    svc = Service(settings, broker, engine or LifecycleEngine(settings, run_checkov=run_checkov), policy, sleep)
    worker = Worker(settings.queue_size)
    deliveries = DeliveryLog(settings.dedupe_size)
    app = create_app(settings.webhook_secret.get_secret_value().encode(), router(svc), worker, deliveries,
                     settings.max_body_bytes)
    worker.start()
    return Server(app, worker, svc, deliveries)
