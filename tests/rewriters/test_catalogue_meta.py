"""Meta-tests walking the registry: every rewriter is complete, unique and has golden cases."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.planner import catalogue_lookup, rewriter_by_id
from bot.rules import canonical_rule
from rewriters import CATALOGUE, CatalogueError, checked
from tests.harness.golden import CASES as CASES_DIR
from tests.harness.golden import discover_cases

IDS = [rw.id for rw in CATALOGUE]
COMMENT_MARKERS = ("#", "//", "/*")


def test_ids_and_handled_rules_are_unique() -> None:
    assert [i for i, n in Counter(IDS).items() if n > 1] == []
    rules = [r.upper() for rw in CATALOGUE for r in set(rw.rule_ids)]
    assert [r for r, n in Counter(rules).items() if n > 1] == []


def test_registry_refuses_duplicates() -> None:
    first = CATALOGUE[0]
    with pytest.raises(CatalogueError, match="duplicate rewriter id"):
        checked([first, first])
    clone = type(first)(**{**first.__dict__, "id": first.id + "_clone"})
    with pytest.raises(CatalogueError, match="handled by both"):
        checked([first, clone])


@pytest.mark.parametrize("rw", CATALOGUE, ids=IDS)
def test_rewriter_metadata_is_complete(rw) -> None:  # type: ignore[no-untyped-def]
    assert rw.id.isidentifier() and rw.id == rw.id.lower()
    assert rw.rule_ids and rw.action and rw.title and rw.review_guidance and rw.rollback_plan
    assert rw.references and all(ref.startswith("https://") for ref in rw.references)
    assert rw.verification.rules and set(rw.verification.rules) <= set(rw.rule_ids)
    assert rw.verification.provider_check
    assert rw.resource_types
    assert len({p.name for p in rw.parameters}) == len(rw.parameters)
    for rule in rw.rule_ids:
        assert catalogue_lookup(rule) is rw and catalogue_lookup(rule.lower()) is rw
    assert rewriter_by_id(rw.id) is rw


@pytest.mark.parametrize("rw", CATALOGUE, ids=IDS)
def test_every_rewriter_has_two_golden_cases_one_with_comments(rw) -> None:  # type: ignore[no-untyped-def]
    cases = [c for c in discover_cases() if c.rewriter_id == rw.id]
    assert len(cases) >= 2, f"{rw.id}: needs at least 2 golden cases in {CASES_DIR / rw.id}"
    commented = [c for c in cases if any(m in c.before.read_text(encoding="utf-8") for m in COMMENT_MARKERS)]
    assert commented, f"{rw.id}: needs a golden case with comments and odd formatting"


def test_every_case_directory_belongs_to_a_registered_rewriter() -> None:
    dirs = {p.name for p in Path(CASES_DIR).iterdir() if p.is_dir()}
    assert dirs - set(IDS) == set()


def test_catalogue_covers_the_promised_breadth() -> None:
    tf_rules = {r for rw in CATALOGUE if rw.iac == "terraform" for r in rw.rule_ids if r.startswith("CKV")}
    assert len(tf_rules) >= 40
    assert len({r for r in tf_rules if r.startswith(("CKV_AZURE", "CKV_GCP", "CKV2_AZURE", "CKV2_GCP"))}) >= 5


@pytest.mark.parametrize("rw", CATALOGUE, ids=IDS)
def test_declared_aliases_agree_with_the_rule_table(rw) -> None:  # type: ignore[no-untyped-def]
    """An alias (Trivy, tfsec, KICS id) the rule table knows must map to one of this rewriter's rules."""
    own = {r.upper() for r in rw.rule_ids}
    wrong = {r: canonical_rule(r) for r in rw.rule_ids if canonical_rule(r).upper() not in own}
    assert wrong == {}
