"""Small value types used across the chain."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

_M = TypeVar("_M", bound=BaseModel)


class Frozen(BaseModel):
    """Base for every domain model: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _replace(model: _M, update: dict[str, Any]) -> _M:
    """`model.model_copy(update=update)` for hot paths: the same shallow copy (updated fields
    join `model_fields_set`, nothing is validated) without pydantic's generic copy machinery.
    `update` must name fields of the model, with values of their types."""
    if model.__pydantic_private__ is not None or model.__pydantic_extra__ is not None:
        return model.model_copy(update=update)
    cls = type(model)
    copied = cls.__new__(cls)
    values = model.__dict__.copy()
    values.update(update)
    fields_set = model.__pydantic_fields_set__.copy()
    fields_set.update(update)
    object.__setattr__(copied, "__dict__", values)
    object.__setattr__(copied, "__pydantic_fields_set__", fields_set)
    object.__setattr__(copied, "__pydantic_extra__", None)
    object.__setattr__(copied, "__pydantic_private__", None)
    return copied


def _construct(cls: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """`cls(**given)` without validation, for hot paths building trusted values: `values` holds
    every field in declaration order (defaults spelled out), each already of its field's type
    and within its constraints; `fields_set` names the fields `given` would have had."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


class LineSpan(Frozen):
    """1-based inclusive line range."""

    start: int = Field(ge=1)
    end: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> LineSpan:
        if self.end < self.start:
            raise ValueError(f"line span end {self.end} before start {self.start}")
        return self

    def contains(self, line: int) -> bool:
        return self.start <= line <= self.end


class ErrorEntry(Frozen):
    """A per-input problem reported in a report's `errors` list while the rest goes on."""

    kind: str  # e.g. "parse", "ingest", "path", "size", "config", "checkov"
    message: str
    file: str | None = None
    line: int | None = None


class Severity(StrEnum):
    info = "info"
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Level(StrEnum):
    """Ordinal level used for exploitability and confidence."""

    unknown = "unknown"
    low = "low"
    medium = "medium"
    high = "high"
