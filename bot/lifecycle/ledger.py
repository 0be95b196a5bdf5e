"""The bot's own memory per resource: `.git/fixbot/lifecycle.json` (atomic, flock-guarded).

Forge state (PRs, reviews, checks) lives with the forge; this file only holds what the forge
cannot: the assessments behind a PR (so policy can be re-evaluated at merge time without a
rescan), the verification queue, failures attached to requeued findings, and the last
decision recorded per resource (so reruns do not repeat identical audit records).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import Field

from bot.gitstore.store import JsonStore
from bot.models.common import Frozen
from bot.models.report import Assessment

STATUSES = ("pr_open", "denied", "closed", "merged", "verified", "verify_failed", "reverting", "requeued")


class ItemState(Frozen):
    resource: str
    status: str = "pr_open"
    pr: int | None = None
    merge_sha: str | None = None
    revert_pr: int | None = None
    finding_ids: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    verification_rules: tuple[str, ...] = ()
    provider_check: str = ""
    failures: tuple[str, ...] = ()
    last_decision: str = ""
    assessments: tuple[Assessment, ...] = Field(default_factory=tuple)


def _empty() -> dict[str, Any]:
    return {"schema": 1, "items": {}}


class BotState:
    def __init__(self, state_dir: Path) -> None:
        self.store = JsonStore(state_dir / "lifecycle.json", _empty)

    def get(self, resource: str) -> ItemState | None:
        raw = self.store.read()["items"].get(resource)
        return ItemState.model_validate(raw) if raw else None

    def all(self) -> list[ItemState]:
        return [ItemState.model_validate(v) for v in self.store.read()["items"].values()]

    def by_pr(self, number: int) -> ItemState | None:
        return next((i for i in self.all() if number in (i.pr, i.revert_pr)), None)

    def put(self, item: ItemState) -> ItemState:
        with self.store.transaction() as st:
            st["items"][item.resource] = item.model_dump(mode="json")
        return item

    def update(self, resource: str, **changes: Any) -> ItemState:
        current = self.get(resource) or ItemState(resource=resource)
        return self.put(current.model_copy(update=changes))

    @contextmanager
    def transaction(self) -> Iterator[dict[str, Any]]:
        with self.store.transaction() as st:
            yield st
