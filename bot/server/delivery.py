"""One webhook delivery, read from untrusted JSON into the few fields handlers use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.forge.github.auth import RepoRef


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        obj = obj.get(key) if isinstance(obj, Mapping) else None
    return obj


@dataclass(frozen=True)
class Delivery:
    id: str
    event: str
    payload: Mapping[str, Any] = field(repr=False)

    @property
    def action(self) -> str:
        value = self.payload.get("action")
        return value if isinstance(value, str) else ""

    @property
    def sender(self) -> str:
        return str(_get(self.payload, "sender", "login") or "")

    @property
    def installation_id(self) -> int | None:
        value = _get(self.payload, "installation", "id")
        return value if isinstance(value, int) else None

    @property
    def repo(self) -> RepoRef | None:
        return repo_ref(self.payload.get("repository"), self.installation_id)

    @property
    def default_branch(self) -> str | None:
        value = _get(self.payload, "repository", "default_branch")
        return value if isinstance(value, str) else None


def repo_ref(raw: Any, installation_id: int | None) -> RepoRef | None:
    """A repository object (webhook payloads carry several shapes) → RepoRef, or None."""
    if not isinstance(raw, Mapping):
        return None
    full = raw.get("full_name")
    if not isinstance(full, str) or full.count("/") != 1:
        return None
    owner, name = full.split("/")
    rid = raw.get("id")
    return RepoRef(owner, name, rid if isinstance(rid, int) else None, installation_id)


def lock_key(d: Delivery) -> str:
    """What a job of this delivery locks: its repository, else its installation (onboarding)."""
    repo = d.repo
    if repo is not None:
        return repo.full_name
    return f"installation:{d.installation_id}" if d.installation_id is not None else ""


def repos_named(d: Delivery) -> list[RepoRef]:
    """Every repository a delivery names: its own, or an installation event's list."""
    refs = [repo_ref(raw, d.installation_id) for key in ("repositories", "repositories_added")
            for raw in (d.payload.get(key) or []) if isinstance(d.payload.get(key), list)]
    own = d.repo
    return [r for r in [own, *refs] if r is not None]
