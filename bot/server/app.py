"""`POST /webhook` and `GET /healthz` (Starlette): verify, de-duplicate, acknowledge, enqueue.

Statuses: 202 accepted for work; 200 for an ignored event or a redelivery; 401 unsigned or
wrongly signed (nothing else is read); 400 malformed; 413 too large; 429 queue full. A valid
delivery never gets a 5xx: handler faults happen later, in the worker, and are logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.server.dedupe import DeliveryLog
from bot.server.delivery import Delivery
from bot.server.signature import verify
from bot.server.worker import Job, Worker

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


def create_app(secret: bytes, route: Router, worker: Worker, deliveries: DeliveryLog, max_body: int) -> Starlette:
    if not secret:
        raise ValueError("a webhook secret is required")

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
        if not event or not delivery_id or not isinstance(payload, dict):
            return _reply(400, "malformed delivery", delivery_id, event)
        if not deliveries.first_time(delivery_id):
            return _reply(200, "duplicate", delivery_id, event)
        job = route(Delivery(delivery_id, event, payload))
        if job is None:
            return _reply(200, "ignored", delivery_id, event)
        if not worker.submit(job):
            deliveries.forget(delivery_id)
            return _reply(429, "busy", delivery_id, event)
        return _reply(202, "accepted", delivery_id, event)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(routes=[Route("/webhook", webhook, methods=["POST"]), Route("/healthz", healthz)])
