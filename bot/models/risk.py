"""Explainable risk: a score is the weighted sum of factors, each with its evidence."""

from __future__ import annotations

from pydantic import Field

from bot.models.common import Frozen


class Factor(Frozen):
    name: str  # severity, exposure, criticality, data_sensitivity, exploitability, blast_radius
    weight: float
    value: float = Field(ge=0.0, le=1.0)
    evidence: tuple[str, ...] = ()


class Risk(Frozen):
    score: float = Field(ge=0.0, le=1.0)
    factors: tuple[Factor, ...]


class BlastAsset(Frozen):
    address: str
    classification: str | None = None
    distance: int = 0


class BlastRadius(Frozen):
    assets: tuple[BlastAsset, ...] = ()
    score: float = Field(default=0.0, ge=0.0, le=1.0)
    level: str = "low"  # low | medium | high, what the policy sees
