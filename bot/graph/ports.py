"""What the graph and risk stages need from the context stage (structural, so either side can
evolve without importing the other)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from bot.models.resource import Resource


class ResourceContextLike(Protocol):
    @property
    def environment(self) -> str | None: ...

    @property
    def owners(self) -> Sequence[str]: ...

    @property
    def data_classification(self) -> str | None: ...

    @property
    def criticality(self) -> str | None: ...

    @property
    def evidence(self) -> Mapping[str, str]: ...


class ContextLike(Protocol):
    def for_resource(self, resource: Resource) -> ResourceContextLike: ...
