"""The job table's contract; `sqlite_table` and `redis_table` implement it with the same semantics."""

from __future__ import annotations

import builtins
from typing import Protocol

from bot.server.queue.records import Claim, JobRecord, JobState

RETENTION = 7 * 24 * 3600.0  # finished jobs (and so their delivery ids) are kept this long


class JobTable(Protocol):
    def add(self, rec: JobRecord) -> bool:
        """Store a new job; False (nothing written) when its delivery id is already known."""
        ...

    def claim(self, job_id: str, worker: str, lease: float, now: float) -> tuple[Claim, JobRecord | None]:
        """queued → running under `worker`'s lease, unless another job of the same repo runs."""
        ...

    def heartbeat(self, job_id: str, worker: str, lease: float, now: float) -> bool:
        """Extend the lease; False when `worker` no longer holds it (it was reaped)."""
        ...

    def finish(self, job_id: str, worker: str, state: JobState, error: str = "", at: float = 0.0,
               failed: bool = False) -> bool:
        """Leave `running` (done, dead, or queued again at time `at`); only the lease holder may."""
        ...

    def reap(self, now: float, stale: float) -> list[str]:
        """Requeue claims whose lease expired; return them and queued jobs not touched for `stale`s."""
        ...

    def get(self, job_id: str) -> JobRecord | None: ...

    def list(self, state: JobState | None = None, limit: int = 100) -> list[JobRecord]: ...

    def counts(self) -> dict[JobState, int]: ...

    def operator_retry(self, job_id: str, now: float) -> bool:
        """A dead letter → queued with its tries reset."""
        ...

    def operator_drop(self, job_id: str, now: float) -> bool:
        """A dead letter → dropped (kept, so its delivery id is still known)."""
        ...

    def remember_repo(self, full_name: str, repo_id: int | None, installation_id: int | None, now: float) -> None:
        """A repository fixbot has heard of (the scheduled sweeps visit each)."""
        ...

    def known_repos(self) -> builtins.list[tuple[str, int | None, int | None]]:
        """(full name, repository id, installation id) of every remembered repository."""
        ...

    def ping(self) -> None:
        """Raise when the backend cannot be reached."""
        ...

    def close(self) -> None: ...
