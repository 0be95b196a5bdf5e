"""The decide stage: every assessment of a scan gets the policy's decision (one query)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.models.report import Assessment
from bot.policy.engine import PolicyEngine
from bot.policy.input import ForgeFacts, InputBuilder, PolicyInput, catalogue_index

if TYPE_CHECKING:
    from bot.pipeline import ScanOutcome


def builder_for(outcome: ScanOutcome, forge_facts: ForgeFacts | None = None) -> InputBuilder:
    return InputBuilder(
        inventory=outcome.inventory,
        context=outcome.context,
        graph=outcome.graph,
        catalogue=catalogue_index(),
        forge=forge_facts or ForgeFacts(),
    )


def policy_inputs(
    outcome: ScanOutcome, assessments: Sequence[Assessment], forge_facts: ForgeFacts | None = None
) -> list[PolicyInput]:
    builder = builder_for(outcome, forge_facts)
    return [builder.build(a) for a in assessments]


def decide(
    outcome: ScanOutcome,
    assessments: Sequence[Assessment],
    engine: PolicyEngine,
    forge_facts: ForgeFacts | None = None,
) -> list[Assessment]:
    """The assessments, in order, each with `decision` set (policy_version = engine.version)."""
    decisions = engine.evaluate(policy_inputs(outcome, assessments, forge_facts))
    return [a.model_copy(update={"decision": d}) for a, d in zip(assessments, decisions, strict=True)]
