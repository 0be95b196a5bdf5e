"""One audit record: an event with its `Fixbot-*` trailers, chained to the previous record."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import Field

from bot.models.common import Frozen

EVENTS = (
    "decision",
    "pr_opened",
    "pr_updated",
    "checks",
    "approved",
    "auto_merge",  # the forge merges it once the required checks pass (GitHub auto-merge)
    "merged",
    "verified",
    "verify_failed",
    "unverifiable",  # the provider could not read the live resource: never counted as verified
    "verify_pending",  # e.g. a Kubernetes rollout not done yet: retried later
    "reverted",
    "closed",
)
GENESIS = "0" * 64


class AuditRecord(Frozen):
    seq: int = Field(ge=1)
    event: str
    at: str
    prev: str  # hash of the previous record (GENESIS for the first)
    trailers: dict[str, str]  # Fixbot-* keys, values single-line
    hash: str = ""
    commit: str | None = None  # the audit commit carrying it (filled when read from git)

    def canonical(self) -> str:
        body = {"seq": self.seq, "event": self.event, "at": self.at, "prev": self.prev, "trailers": self.trailers}
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)

    def computed_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode()).hexdigest()

    def sealed(self) -> AuditRecord:
        return self.model_copy(update={"hash": self.computed_hash()})

    def get(self, key: str) -> str:
        return self.trailers.get(key, "")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")
