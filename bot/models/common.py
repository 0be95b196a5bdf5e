"""Small value types used across the chain."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Frozen(BaseModel):
    """Base for every domain model: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


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
