"""`fixbot worker`: run queued webhook jobs (scale-out: N of these share one Redis queue).

Same settings as `fixbot serve` (environment or flags). SIGTERM or SIGINT: the running jobs
finish within `--grace` seconds, or go back to the queue for another worker.
"""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from types import FrameType

from bot.cli import serve


def configure(parser: argparse.ArgumentParser) -> None:
    serve.configure(parser)
    parser.add_argument("--threads", type=int, default=1, help="worker threads in this process (default 1)")
    parser.add_argument("--grace", type=float, default=None, help="seconds to finish running jobs at shutdown")
    parser.add_argument("--metrics-port", type=int, default=None, help="serve Prometheus metrics on this port")


def run(args: argparse.Namespace) -> int:
    from prometheus_client import start_http_server

    from bot.server import logs
    from bot.server.compose import build_worker

    settings = serve.settings_from(args)
    logs.configure()
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    worker = build_worker(settings, threads=max(1, args.threads))
    if args.metrics_port:
        start_http_server(args.metrics_port, addr=settings.host, registry=worker.metrics.registry)
    logging.getLogger("fixbot.server").info("fixbot worker: %d thread(s), queue %s", max(1, args.threads),
                                            worker.backend.description)
    try:
        stop.wait()
    finally:
        worker.close(args.grace)
    return 0
