"""The decide stage: every assessment of a scan gets the policy's decision (one query)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bot.models.report import Assessment
from bot.policy.engine import PolicyEngine
from bot.policy.input import CatalogueEntry, ForgeFacts, InputBuilder, LiveChecks, PolicyInput

if TYPE_CHECKING:
    from bot.scan_stages import ScanOutcome


Catalogue = Mapping[str, CatalogueEntry]  # rewriter id -> entry; passed in, never imported here


def builder_for(
    outcome: ScanOutcome, forge_facts: ForgeFacts | None = None, *, catalogue: Catalogue,
    live_checks: LiveChecks | None = None,
) -> InputBuilder:
    return InputBuilder(
        inventory=outcome.inventory,
        context=outcome.context,
        graph=outcome.graph,
        catalogue=catalogue,
        forge=forge_facts or ForgeFacts(),
        live_checks=live_checks,
    )


def policy_inputs(
    outcome: ScanOutcome,
    assessments: Sequence[Assessment],
    forge_facts: ForgeFacts | None = None,
    *,
    catalogue: Catalogue,
    live_checks: LiveChecks | None = None,
) -> list[PolicyInput]:
    builder = builder_for(outcome, forge_facts, catalogue=catalogue, live_checks=live_checks)
    return [builder.build(a) for a in assessments]


def decide(
    outcome: ScanOutcome,
    assessments: Sequence[Assessment],
    engine: PolicyEngine,
    forge_facts: ForgeFacts | None = None,
    *,
    catalogue: Catalogue,
    live_checks: LiveChecks | None = None,
) -> list[Assessment]:
    """The assessments, in order, each with `decision` set (policy_version = engine.version)."""
    decisions = engine.evaluate(policy_inputs(outcome, assessments, forge_facts, catalogue=catalogue,
                                              live_checks=live_checks))
    return [a.model_copy(update={"decision": d}) for a, d in zip(assessments, decisions, strict=True)]
