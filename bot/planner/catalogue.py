"""Look rewriters up by id or by any rule id they declare (checkov, Trivy, tfsec, KICS)."""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

from bot.models.finding import Finding
from bot.rules import canonical_rule
from rewriters import CATALOGUE, VARIANTS
from rewriters.base import Rewriter
from rewriters.terraform.generated import SUFFIX


@cache
def _by_rule() -> MappingProxyType[str, Rewriter]:
    return MappingProxyType({rule.upper(): rw for rw in CATALOGUE for rule in rw.rule_ids})


@cache
def _by_id() -> MappingProxyType[str, Rewriter]:
    return MappingProxyType({rw.id: rw for rw in (*CATALOGUE, *VARIANTS)})


def catalogue_lookup(rule_id: str) -> Rewriter | None:
    """The rewriter handling `rule_id`: any alias it declares (case-insensitive), else the
    canonical id `bot.rules` knows for it (e.g. a KICS query id)."""
    found = _by_rule().get(rule_id.strip().upper())
    return found if found is not None else _by_rule().get(canonical_rule(rule_id).upper())


def rewriter_by_id(rewriter_id: str) -> Rewriter | None:
    return _by_id().get(rewriter_id)


def generated_variant(rewriter: Rewriter) -> Rewriter | None:
    """The generated-value variant of `rewriter` (rewriters/terraform/generated.py), if it has one."""
    return next((rw for rw in VARIANTS if rw.id.startswith(rewriter.id + SUFFIX)), None)


def rewriter_for(finding: Finding) -> Rewriter | None:
    """By the canonical rule id first, then by each source's own spelling of the rule."""
    for rule in (finding.rule_id, *(s.rule_id for s in finding.sources)):
        found = catalogue_lookup(rule)
        if found is not None:
            return found
    return None


def catalogue_order(rewriter: Rewriter) -> int:
    return next(i for i, rw in enumerate(CATALOGUE) if rw.id == rewriter.id)
