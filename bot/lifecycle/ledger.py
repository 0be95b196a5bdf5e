"""The bot's own memory per resource: `.git/fixbot/lifecycle.json` (atomic, flock-guarded).

Forge state (PRs, reviews, checks) lives with the forge; this file only holds what the forge
cannot: the assessments behind a PR (so policy can be re-evaluated at merge time without a
rescan), the verification queue, failures attached to requeued findings, and the last
decision recorded per resource (so reruns do not repeat identical audit records).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from bot.errors import ForgeError
from bot.gitstore.store import JsonStore
from bot.models.common import Frozen
from bot.models.report import Assessment


class ItemStatus(StrEnum):
    """Where a resource's fix is in its lifecycle (stored as its string value)."""

    pr_open = "pr_open"
    denied = "denied"
    closed = "closed"
    merged = "merged"
    verified = "verified"
    verify_failed = "verify_failed"
    unverifiable = "unverifiable"  # the provider could not read the live resource: retried, never verified
    verify_pending = "verify_pending"  # e.g. a Kubernetes rollout not done yet: retried
    verify_expired = "verify_expired"  # still unverified at the deadline: reported, no longer retried
    reverting = "reverting"
    requeued = "requeued"
    deferred = "deferred"  # findings set aside until the change in flight on the resource merges


class ItemState(Frozen):
    resource: str
    status: ItemStatus = ItemStatus.pr_open
    pr: int | None = None
    merge_sha: str | None = None
    revert_pr: int | None = None
    finding_ids: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    verification_rules: tuple[str, ...] = ()
    provider_check: str = ""
    failures: tuple[str, ...] = ()
    verify_attempts: int = 0  # provider checks that answered unverifiable / pending so far
    last_verification: str = ""  # the last verification detail recorded (reruns do not repeat it)
    first_verify_at: str = ""  # ISO time of the first unsettled verification (the deadline counts from it)
    last_verify_at: str = ""  # ISO time of the last unsettled verification (the backoff counts from it)
    last_decision: str = ""
    assessments: tuple[Assessment, ...] = Field(default_factory=tuple)


def _empty() -> dict[str, Any]:
    return {"schema": 1, "items": {}}


class BotState:
    def __init__(self, state_dir: Path) -> None:
        self.store = JsonStore(state_dir / "lifecycle.json", _empty)

    def get(self, resource: str) -> ItemState | None:
        raw = self.store.read()["items"].get(resource)
        return self._item(raw) if raw else None

    def all(self) -> list[ItemState]:
        return [self._item(v) for v in self.store.read()["items"].values()]

    def _item(self, raw: Any) -> ItemState:
        """One remembered item; a damaged one is a ForgeError naming lifecycle.json, not a traceback."""
        try:
            return ItemState.model_validate(raw)
        except (ValidationError, RecursionError) as exc:
            raise ForgeError(f"{self.store.path}: a damaged item in fixbot's memory ({str(exc)[:200]})",
                             hint=f"restore {self.store.path.name}.bak or move the file aside") from None

    def by_pr(self, number: int) -> ItemState | None:
        return next((i for i in self.all() if number in (i.pr, i.revert_pr)), None)

    def put(self, item: ItemState) -> ItemState:
        with self.store.transaction() as st:
            st["items"][item.resource] = item.model_dump(mode="json")
        return item

    def update(self, resource: str, **changes: Any) -> ItemState:
        current = self.get(resource) or ItemState(resource=resource)
        if "status" in changes:  # model_copy does not validate: an unknown status fails here
            changes["status"] = ItemStatus(changes["status"])
        return self.put(current.model_copy(update=changes))

    @contextmanager
    def transaction(self) -> Iterator[dict[str, Any]]:
        with self.store.transaction() as st:
            yield st
