"""The background worker: webhooks are acknowledged at once, handled here one at a time."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("fixbot.server")


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], None]
    delivery: str = ""


class Worker:
    def __init__(self, capacity: int) -> None:
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=capacity)
        self._thread = threading.Thread(target=self._loop, name="fixbot-worker", daemon=True)
        self.done = 0
        self.failed = 0

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: Job) -> bool:
        """False when the queue is full (the caller answers 429 and GitHub can redeliver)."""
        try:
            self._queue.put_nowait(job)
            return True
        except queue.Full:
            return False

    def join(self, timeout: float = 60.0) -> bool:
        """Wait until every submitted job ran (tests, shutdown)."""
        deadline = time.monotonic() + timeout
        while self._queue.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.01)
        return not self._queue.unfinished_tasks

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                self._run(job)
            finally:
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        start = time.monotonic()
        try:
            job.run()
            self.done += 1
            log.info("handled %s", job.name, extra={"delivery": job.delivery, "status": "ok",
                                                     "duration_ms": round((time.monotonic() - start) * 1000)})
        except Exception:  # one bad delivery never stops the worker
            self.failed += 1
            log.exception("handler %s failed", job.name, extra={"delivery": job.delivery, "status": "error"})
