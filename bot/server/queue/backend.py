"""The queue backend: huey (SqliteHuey or RedisHuey) for transport, the job table for state.

`queue_url` empty → both in SQLite files under the state directory (no other service);
`redis://…` → both in that Redis, shared by every web and worker process.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey
from huey.api import Task, TaskWrapper

from bot.errors import ConfigError
from bot.server.queue.records import JobRecord, JobState, KnownRepo
from bot.server.queue.redis_table import RedisJobTable
from bot.server.queue.sqlite_table import SqliteJobTable
from bot.server.queue.table import JobTable

log = logging.getLogger("fixbot.server")


def _carry(job_id: str) -> None:  # never executed by huey: a worker reads the job id off the message
    raise AssertionError(job_id)


@dataclass
class QueueBackend:
    huey: Huey
    table: JobTable
    description: str

    def __post_init__(self) -> None:
        self.carrier: TaskWrapper = self.huey.task(name="fixbot.job")(_carry)

    def submit(self, delivery: str, event: str, repo: str, payload: str, now: float | None = None) -> JobRecord | None:
        """Write the job durably, then hand its id to huey; None when the delivery id is known."""
        at = time.time() if now is None else now
        rec = JobRecord(id=uuid.uuid4().hex, delivery=delivery, event=event, repo=repo, payload=payload,
                        queued_at=at, created=at, updated=at)
        if not self.table.add(rec):
            return None
        self.push(rec.id)
        return rec

    def push(self, job_id: str, delay: float = 0.0) -> None:
        """Put a job id on huey's queue (or its schedule, `delay` seconds ahead)."""
        try:
            if delay > 0:
                task: Task = self.carrier.s(job_id)
                task.eta = self.huey._get_timestamp() + dt.timedelta(seconds=delay)
                self.huey.add_schedule(task)
            else:
                self.huey.enqueue(self.carrier.s(job_id))
        except Exception as exc:  # the row is written: the reaper pushes it again
            log.warning("queue push of %s failed (%s); the reaper will requeue it", job_id, type(exc).__name__)

    def pop(self) -> tuple[str, float] | None:
        """The next job id and how long until it is due (huey's schedule moved in first)."""
        for task in self.huey.read_schedule(self.huey._get_timestamp()):
            self.huey.enqueue(task)
        task = self.huey.dequeue()
        if task is None:
            return None
        wait = (task.eta - self.huey._get_timestamp()).total_seconds() if task.eta else 0.0
        return str(task.args[0]), wait

    def pending(self) -> int:
        return int(self.huey.pending_count()) + int(self.huey.scheduled_count())

    def remember(self, full_name: str, repo_id: int | None, installation_id: int | None) -> None:
        self.table.remember_repo(full_name, repo_id, installation_id, time.time())

    def known_repos(self) -> list[KnownRepo]:
        return [KnownRepo(*row) for row in self.table.known_repos()]

    def counts(self) -> dict[JobState, int]:
        return self.table.counts()

    def ping(self) -> None:
        self.table.ping()
        self.huey.pending_count()

    def close(self) -> None:
        self.table.close()


def build_backend(queue_url: str, state_dir: Path) -> QueueBackend:
    if not queue_url or queue_url.startswith("sqlite:"):
        path = Path(queue_url.removeprefix("sqlite://").removeprefix("sqlite:")) if queue_url else state_dir
        path.mkdir(parents=True, exist_ok=True)
        huey: Huey = SqliteHuey(name="fixbot", filename=str(path / "huey.db"), results=False, utc=True,
                                fsync=True)
        return QueueBackend(huey, SqliteJobTable(path / "jobs.db"), f"sqlite {path}")
    if queue_url.startswith(("redis://", "rediss://", "unix://")):
        kwargs: dict[str, Any] = {"url": queue_url, "results": False, "utc": True, "blocking": True,
                                  "read_timeout": 0.2}
        return QueueBackend(RedisHuey(name="fixbot", **kwargs), RedisJobTable(queue_url), "redis")
    raise ConfigError(f"unsupported queue URL {queue_url!r}", hint="leave it empty (SQLite) or use redis://HOST:PORT/DB")
