"""Scheduled sweeps: every known repository is re-scanned once per interval (daily by default).

The repositories come from the deliveries themselves (each repository event, and the repository
lists of installation events) and are kept in the queue backend. Each process runs a sweeper;
a sweep job's delivery id names its repository and its time slot, so the job table's unique
delivery ids make it run once per slot however many processes tick. A per-repository offset
(a hash of its name, within the jitter) spreads the sweeps over the interval.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time

from bot.server.queue.backend import QueueBackend
from bot.server.queue.records import KnownRepo

log = logging.getLogger("fixbot.server")
EVENT = "fixbot_sweep"  # not a GitHub event name: a delivery the server makes for itself


def offset(full_name: str, jitter: float) -> float:
    if jitter <= 0:
        return 0.0
    return int.from_bytes(hashlib.sha256(full_name.encode()).digest()[:8], "big") % int(jitter * 1000) / 1000


def sweep_payload(repo: KnownRepo) -> str:
    name = repo.full_name.split("/", 1)[1]
    return json.dumps({"action": "scheduled", "installation": {"id": repo.installation_id},
                       "repository": {"id": repo.repo_id, "name": name, "full_name": repo.full_name}})


def due(backend: QueueBackend, interval: float, jitter: float, now: float) -> int:
    """Queue the sweeps whose slot has begun; returns how many this call queued (0 if another process did)."""
    queued = 0
    for repo in backend.known_repos():
        slot = int((now - offset(repo.full_name, jitter)) // interval)
        if backend.submit(f"sweep:{repo.full_name}:{slot}", EVENT, repo.full_name, sweep_payload(repo)) is not None:
            queued += 1
    return queued


class Sweeper:
    def __init__(self, backend: QueueBackend, interval: float, jitter: float, tick: float = 60.0) -> None:
        self.backend, self.interval, self.jitter, self.tick = backend, interval, jitter, tick
        self.stop_event = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="fixbot-sweeper", daemon=True)

    def start(self) -> None:
        if self.interval > 0:
            self._thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self.stop_event.wait(self.tick):
            try:
                n = due(self.backend, self.interval, self.jitter, time.time())
                if n:
                    log.info("queued %d scheduled sweep(s)", n)
            except Exception as exc:  # the backend is down: try at the next tick
                log.warning("sweep scheduling failed: %s", type(exc).__name__)
