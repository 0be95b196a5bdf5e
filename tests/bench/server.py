"""Server benchmarks: webhook ack latency with durable enqueue (SQLite, Redis), 1 vs 3 workers.

    python -m tests.bench.server [--acks 2000] [--rate 200] [--jobs 100]   (`make bench` runs it)

Ack latency: a real uvicorn on 127.0.0.1, the real app (signature, parse, route, durable job
row + huey message); `n` signed deliveries at a fixed rate, p50/p99 of the 202s. One worker
thread drains the queue meanwhile (the deliveries are fixbot's own PR-closed events: no work).

Throughput: `jobs` push deliveries over 10 stand-in repositories (each a full rescan: fetch,
scan, plan, decide, open/update PRs), drained by 1 and then 3 `fixbot worker` processes on a
real Redis; checkov is replaced by recorded results so the figure measures fixbot.
Bounded: every loop has a count and a deadline; only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn
from pydantic import SecretBytes, SecretStr

from bot.server.compose import build_server
from bot.server.settings import Settings
from bot.server.signature import sign
from tests.harness import checkov_replay
from tests.harness.github_standin import StandIn, new_private_key
from tests.harness.github_standin.webhooks import SECRET, hooks
from tests.harness.github_standin.world import ALL_PERMISSIONS, COLLABORATORS, world
from tests.harness.processes import workers
from tests.harness.redis_server import redis_server

FILES = {"dev/main.tf": 'resource "aws_s3_bucket" "dev" {\n  bucket = "acme-dev"\n  acl    = "public-read"\n}\n',
         "prod/main.tf": 'resource "aws_s3_bucket" "prod" {\n  bucket = "acme-prod"\n  acl    = "public-read"\n}\n',
         ".fixbot.yml": 'environments:\n  - path: "dev/**"\n    environment: dev\n  - path: "prod/**"\n'
                        '    environment: prod\n',
         "CODEOWNERS": "prod/ @carol\n*.tf @alice\n"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _closed(i: int) -> bytes:
    return json.dumps({"action": "closed", "number": i, "sender": {"login": "fixbot[bot]"},
                       "repository": {"id": 1, "full_name": "bench/repo", "default_branch": "main"},
                       "pull_request": {"number": i, "merged": False, "head": {"ref": "fixbot/x"}}}).encode()


@contextmanager
def _uvicorn(settings: Settings) -> Iterator[str]:
    server = build_server(settings, run_checkov=False)
    uv = uvicorn.Server(uvicorn.Config(server.app, host="127.0.0.1", port=settings.port, log_level="error",
                                       access_log=False))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{settings.port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)
        server.close(grace=5)


def ack_latency(queue_url: str = "", n: int = 2000, rate: float = 200.0) -> tuple[float, float]:
    """(p50, p99) in ms of `n` signed deliveries at `rate`/s, each written durably before its 202."""
    with tempfile.TemporaryDirectory(prefix="fixbot-bench-ack-") as tmp:
        settings = Settings(app_id=1, private_key=SecretBytes(new_private_key()), webhook_secret=SecretStr(SECRET),
                            github_url="http://127.0.0.1:9", work_dir=Path(tmp), port=_free_port(),
                            queue_url=queue_url, queue_size=n + 1)
        with _uvicorn(settings) as url:
            return _measure(url, n, rate)


def _measure(url: str, n: int, rate: float) -> tuple[float, float]:
    bodies = [_closed(i) for i in range(n)]
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


def _push(gh: StandIn, full_name: str, inst: int, i: int) -> dict[str, object]:
    repo = gh.state.repos[full_name]
    return {"ref": "refs/heads/main", "after": "0" * 40, "installation": {"id": inst}, "sender": {"login": "alice"},
            "repository": {"id": repo.id, "name": repo.name, "full_name": full_name, "default_branch": "main"},
            "head_commit": {"id": f"{i:040d}"}}


def throughput(processes: int, jobs: int, root: Path, repos: int = 10, deadline: float = 900.0) -> float:
    """Jobs per second of `processes` workers draining `jobs` rescans over `repos` repositories."""
    with world(root, dict(FILES)) as w, redis_server(root / "redis") as url:
        names = [w.gh.add_repo("bench", f"infra{i}", dict(FILES), collaborators=COLLABORATORS).full_name
                 for i in range(repos)]
        inst = w.gh.install([w.gh.state.repos[n] for n in names], ALL_PERMISSIONS)
        exe = checkov_replay.install(root / "bin")
        with hooks(w, root, queue_url=url, workers=0) as h:
            for i in range(jobs):
                assert h.send("push", _push(w.gh, names[i % repos], inst.id, i), wait=False) == 202
            with workers(w.gh, root, url, extra_env={"FIXBOT_CHECKOV": str(exe)}) as procs:
                start = time.monotonic()
                for k in range(processes):
                    procs.start(f"bench-{k}")
                if not h.server.worker.join(deadline):
                    raise RuntimeError(f"{jobs} jobs not drained within {deadline:.0f}s")
                return jobs / (time.monotonic() - start)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--acks", type=int, default=2000)
    p.add_argument("--rate", type=float, default=200.0)
    p.add_argument("--jobs", type=int, default=100)
    args = p.parse_args()
    for name in ("sqlite", "redis"):
        with tempfile.TemporaryDirectory() as tmp, (redis_server(Path(tmp)) if name == "redis" else _none()) as url:
            p50, p99 = ack_latency(url or "", args.acks, args.rate)
        print(f"webhook ack latency, durable enqueue on {name}, {args.acks} at {args.rate:.0f} req/s: "
              f"p50 {p50:.2f} ms, p99 {p99:.2f} ms", flush=True)
    for n in (1, 3):
        with tempfile.TemporaryDirectory(prefix="fixbot-bench-workers-") as tmp:
            rate = throughput(n, args.jobs, Path(tmp))
        print(f"queue throughput, {args.jobs} rescans over 10 repositories, {n} worker process(es) on Redis: "
              f"{rate:.2f} jobs/s", flush=True)


@contextmanager
def _none() -> Iterator[str]:
    yield ""


if __name__ == "__main__":
    main()
