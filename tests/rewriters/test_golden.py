"""Golden cases: every rewriter turns `before` into exactly `after`, and `after` is a fixed point."""

from __future__ import annotations

import pytest

from bot.hcledit import syntax_problem
from bot.yamlsafe import load_yaml_all
from rewriters.base import Edit
from tests.harness.golden import Case, apply_case, discover_cases

CASES = discover_cases()


def _text(outcome: object, case: Case) -> str:
    assert isinstance(outcome, Edit), f"{case.id}: expected an edit, got {outcome!r}"
    return outcome.text


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_apply_before_gives_after_and_is_idempotent(case: Case) -> None:
    before = case.before.read_text(encoding="utf-8")
    expected = case.after.read_text(encoding="utf-8")
    assert before != expected, f"{case.id}: after equals before; the case proves nothing"
    outcome = apply_case(case, before)
    assert _text(outcome, case) == expected
    assert isinstance(outcome, Edit) and outcome.files == case.generated
    again = apply_case(case, expected, case.generated)  # a rerun reuses what the first one generated
    assert _text(again, case) == expected
    assert isinstance(again, Edit) and again.files == {}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_after_parses(case: Case) -> None:
    text = case.after.read_text(encoding="utf-8")
    if case.after.suffix == ".tf":
        assert syntax_problem(text) is None
        assert all(syntax_problem(t) is None for t in case.generated.values())
    else:
        assert [d for d in load_yaml_all(text, case.after.name) if d is not None]
