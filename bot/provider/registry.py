"""Explicit registries of provider checks, keyed by (check name, resource type), one per provider.

A check is a small typed function `(context, resource) -> Outcome`, one concern each. A
provider says which resource types it can read (`supports`); the meta-test walks the catalogue
and proves that every rewriter's `verification.provider_check` is registered for each type it
fixes in every provider that supports that type. Duplicate registration raises at build time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.models.resource import Resource
from bot.provider.result import Outcome

C = TypeVar("C")
CheckFn = Callable[[C, Resource], Outcome]


class RegistryError(ValueError):
    """A check registered twice, or for no type (a programming error, caught at import)."""


@dataclass(frozen=True)
class Registration(Generic[C]):
    name: str
    types: tuple[str, ...]
    fn: Callable[[C, Resource], Outcome]


class CheckRegistry(Generic[C]):
    def __init__(self, provider: str, registrations: Iterable[Registration[C]]) -> None:
        self.provider = provider
        self._checks: dict[tuple[str, str], Callable[[C, Resource], Outcome]] = {}
        for reg in registrations:
            if not reg.types:
                raise RegistryError(f"{provider}: check {reg.name!r} registered for no resource type")
            for rtype in reg.types:
                if (reg.name, rtype) in self._checks:
                    raise RegistryError(f"{provider}: check {reg.name!r} registered twice for {rtype}")
                self._checks[(reg.name, rtype)] = reg.fn

    def get(self, name: str, rtype: str) -> Callable[[C, Resource], Outcome] | None:
        return self._checks.get((name, rtype))

    def names(self) -> set[str]:
        return {name for name, _ in self._checks}

    def types(self) -> set[str]:
        return {rtype for _, rtype in self._checks}

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(sorted(self._checks))

    def __len__(self) -> int:
        return len(self._checks)
