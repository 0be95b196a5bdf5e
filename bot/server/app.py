"""`POST /webhook`, `GET /healthz`, `GET /readyz`, `GET /metrics` (Starlette).

`/webhook`: verify, route, write the job durably, acknowledge. Statuses: 202 accepted (the
job is on disk or in Redis before this answer); 200 for an ignored event or a redelivery of a
known `X-GitHub-Delivery`; 401 unsigned or wrongly signed (nothing else is read); 400
malformed; 413 too large; 429 queue full; 503 the queue backend is unreachable (nothing was
accepted: GitHub shows the delivery failed and it can be redelivered). Handler faults happen
later, in a worker, and never reach the sender.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.server.delivery import Delivery, lock_key, repos_named
from bot.server.events import Job
from bot.server.metrics import Metrics
from bot.server.payloads import payload_problem
from bot.server.queue.backend import QueueBackend
from bot.server.queue.records import JobState
from bot.server.queue.sweeps import EVENT as SWEEP_EVENT
from bot.server.signature import verify

log = logging.getLogger("fixbot.server")
Router = Callable[[Delivery], Job | None]  # None: this event/action is ignored


class BodyTooLarge(Exception):
    pass


async def read_capped(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _reply(status: int, text: str, delivery: str = "", event: str = "") -> JSONResponse:
    log.info("webhook %s", text, extra={"delivery": delivery, "event": event, "status": status})
    return JSONResponse({"status": text}, status_code=status)


def _enqueue(backend: QueueBackend, capacity: int, d: Delivery, raw: bytes) -> str:
    """accepted | duplicate | busy — the job row is committed before this returns."""
    if backend.table.counts()[JobState.queued] >= capacity:
        return "busy"
    rec = backend.submit(d.id, d.event, lock_key(d), raw.decode())
    if rec is None:
        return "duplicate"
    for repo in repos_named(d):  # the scheduled sweeps visit every repository fixbot has heard of
        backend.remember(repo.full_name, repo.id, repo.installation_id)
    return "accepted"


def create_app(secret: bytes, route: Router, backend: QueueBackend, max_body: int, capacity: int,
               metrics: Metrics | None = None) -> Starlette:
    if not secret:
        raise ValueError("a webhook secret is required")
    stats = metrics or Metrics()

    async def webhook(request: Request) -> JSONResponse:
        try:
            body = await read_capped(request, max_body)
        except BodyTooLarge:
            return _reply(413, "body too large")
        except ClientDisconnect:  # nobody to answer; one log line, no traceback
            return _reply(400, "client disconnected before the body was read")
        if not verify(secret, body, request.headers.get("x-hub-signature-256")):
            return _reply(401, "bad signature")
        event, delivery_id = request.headers.get("x-github-event", ""), request.headers.get("x-github-delivery", "")
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError):  # not UTF-8 JSON, nested too deeply, a 5,000-digit number
            payload = None
        if not event or not delivery_id or not isinstance(payload, dict) or len(delivery_id) > 200:
            return _reply(400, "malformed delivery", delivery_id, event)
        d = Delivery(delivery_id, event, payload)
        if event == SWEEP_EVENT or route(d) is None:  # the sweep event is the server's own, never a sender's
            return _reply(200, "ignored", delivery_id, event)
        problem = payload_problem(event, payload)
        if problem is not None:
            return _reply(400, f"malformed delivery: {problem}", delivery_id, event)
        try:
            outcome = await run_in_threadpool(_enqueue, backend, capacity, d, body)
        except Exception as exc:
            log.error("queue unavailable: %s", type(exc).__name__, extra={"delivery": delivery_id, "status": 503})
            return _reply(503, "queue unavailable", delivery_id, event)
        return _reply({"accepted": 202, "duplicate": 200, "busy": 429}[outcome], outcome, delivery_id, event)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        try:
            await run_in_threadpool(backend.ping)
        except Exception as exc:
            return JSONResponse({"status": "queue unreachable", "queue": backend.description,
                                 "error": type(exc).__name__}, status_code=503)
        return JSONResponse({"status": "ready", "queue": backend.description})

    async def metrics_endpoint(request: Request) -> Response:
        body, content_type = await run_in_threadpool(stats.render, backend)
        return Response(body, media_type=content_type)

    return Starlette(routes=[Route("/webhook", webhook, methods=["POST"]), Route("/healthz", healthz),
                             Route("/readyz", readyz), Route("/metrics", metrics_endpoint)])
