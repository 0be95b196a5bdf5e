"""Webhook ack latency on loopback: signed deliveries at a fixed rate, p50/p99 of the 202s.

A real uvicorn server on 127.0.0.1 (random port), the real app (signature, dedupe, parse,
route, enqueue); deliveries are `pull_request.closed` sent by the App itself, so the worker's
job returns at once and the measurement is the acknowledgement path. Bounded: `n` requests.
"""

from __future__ import annotations

import json
import socket
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import uvicorn
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretBytes, SecretStr

from bot.server.compose import build_server
from bot.server.settings import Settings
from bot.server.signature import sign

SECRET = "bench-secret-0123456789abcdef"


def _key() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _body(i: int) -> bytes:
    return json.dumps({"action": "closed", "number": i, "sender": {"login": "fixbot[bot]"},
                       "repository": {"id": 1, "full_name": "bench/repo", "default_branch": "main"},
                       "pull_request": {"number": i, "merged": False, "head": {"ref": "fixbot/x"}}}).encode()


def ack_latency(n: int = 2000, rate: float = 200.0) -> tuple[float, float]:
    """(p50, p99) in milliseconds of `n` signed deliveries sent at `rate` per second."""
    with tempfile.TemporaryDirectory(prefix="fixbot-bench-ack-") as tmp:
        port = _free_port()
        settings = Settings(app_id=1, private_key=SecretBytes(_key()), webhook_secret=SecretStr(SECRET),
                            github_url="http://127.0.0.1:9", work_dir=Path(tmp), port=port)
        server = build_server(settings, run_checkov=False)
        config = uvicorn.Config(server.app, host="127.0.0.1", port=port, log_level="error", access_log=False)
        uv = uvicorn.Server(config)
        thread = threading.Thread(target=uv.run, daemon=True)
        thread.start()
        try:
            return _measure(f"http://127.0.0.1:{port}", n, rate, uv)
        finally:
            uv.should_exit = True
            thread.join(timeout=10)
            server.close()


def _measure(url: str, n: int, rate: float, uv: uvicorn.Server) -> tuple[float, float]:
    deadline = time.monotonic() + 10
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.01)
    bodies = [_body(i) for i in range(n)]
    latencies: list[float] = []
    with httpx.Client(base_url=url, timeout=5.0) as client:
        start = time.perf_counter()
        for i, raw in enumerate(bodies):
            wait = start + i / rate - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            headers = {"X-GitHub-Event": "pull_request", "X-GitHub-Delivery": str(uuid.uuid4()),
                       "X-Hub-Signature-256": sign(SECRET.encode(), raw), "Content-Type": "application/json"}
            t0 = time.perf_counter()
            status = client.post("/webhook", content=raw, headers=headers).status_code
            latencies.append((time.perf_counter() - t0) * 1000)
            if status != 202:
                raise RuntimeError(f"bench delivery answered {status}")
    cuts = statistics.quantiles(latencies, n=100)
    return cuts[49], cuts[98]


if __name__ == "__main__":
    p50, p99 = ack_latency()
    print(f"webhook ack latency at 200 req/s: p50 {p50:.2f} ms, p99 {p99:.2f} ms")
