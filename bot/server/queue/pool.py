"""N queue workers as threads of one process (`fixbot serve`, `fixbot worker --threads N`)."""

from __future__ import annotations

import logging
import threading
import time

from bot.server.queue.backend import QueueBackend
from bot.server.queue.records import JobState
from bot.server.queue.worker import Execute, Hooks, QueueWorker, WorkerConfig

log = logging.getLogger("fixbot.server")


class WorkerPool:
    def __init__(self, backend: QueueBackend, execute: Execute, config: WorkerConfig, threads: int,
                 hooks: Hooks | None = None) -> None:
        self.backend = backend
        self.stop_event = threading.Event()
        self.workers = [QueueWorker(backend, execute, config, hooks) for _ in range(threads)]
        self._threads = [threading.Thread(target=w.run, args=(self.stop_event,), name=f"fixbot-worker-{i}",
                                          daemon=True) for i, w in enumerate(self.workers)]

    def start(self) -> None:
        for t in self._threads:
            t.start()

    def counts(self) -> dict[JobState, int]:
        return self.backend.counts()

    def join(self, timeout: float = 60.0) -> bool:
        """Wait until no job is queued or running (tests, benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            counts = self.backend.counts()
            if counts[JobState.queued] == counts[JobState.running] == 0:
                return True
            time.sleep(0.02)
        return False

    def stop(self, grace: float = 30.0) -> None:
        """Finish the running jobs within `grace` seconds; requeue those still running after it."""
        self.stop_event.set()
        deadline = time.monotonic() + grace
        for t in self._threads:
            if t.is_alive():
                t.join(max(0.0, deadline - time.monotonic()))
        for w, t in zip(self.workers, self._threads, strict=True):
            if t.is_alive():
                w.release()
