"""What the job table stores: one row per accepted delivery, its state, lease and attempts."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class JobState(enum.StrEnum):
    queued = "queued"  # waiting for a worker (or for its retry time)
    running = "running"  # claimed: a worker holds the lease
    done = "done"
    dead = "dead"  # dead letter: N failed tries or a fault that retrying cannot fix
    dropped = "dropped"  # an operator dropped the dead letter (the delivery id stays known)


class Claim(enum.StrEnum):
    claimed = "claimed"
    locked = "locked"  # another job of the same repository is running
    gone = "gone"  # not queued any more (done, claimed by another worker, dropped)


@dataclass(frozen=True)
class JobRecord:
    id: str
    delivery: str  # X-GitHub-Delivery
    event: str
    repo: str  # owner/name, the lock key ("" for events without one)
    payload: str = ""  # the delivery's JSON, as received
    state: JobState = JobState.queued
    attempts: int = 0  # failed tries so far
    claims: int = 0  # times a worker claimed it (a job that kills workers ends as a dead letter)
    error: str = ""
    worker: str = ""
    lease_until: float = 0.0
    queued_at: float = 0.0  # when it (re)entered the queue, or its retry time
    created: float = 0.0
    updated: float = 0.0

    def summary(self) -> dict[str, object]:
        return {"id": self.id, "delivery": self.delivery, "event": self.event, "repo": self.repo,
                "state": self.state.value, "attempts": self.attempts, "claims": self.claims,
                "error": self.error, "worker": self.worker, "created": self.created, "updated": self.updated}


@dataclass(frozen=True)
class KnownRepo:
    """A repository fixbot has heard of: the scheduled sweeps visit each."""

    full_name: str
    repo_id: int | None
    installation_id: int | None
