"""The provider interface verification uses after a change is applied."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from bot.models.common import Frozen
from bot.models.resource import Resource


class ProviderResult(Frozen):
    ok: bool
    check: str
    detail: str
    problems: tuple[str, ...] = ()


@runtime_checkable
class Provider(Protocol):
    name: str

    def check(self, check: str, desired: Sequence[Resource]) -> ProviderResult:
        """Does the live state of `desired` (as the default branch defines them) satisfy `check`?"""
        ...
