"""The whole loop on module-style fixture repositories: `plan --format patch`, `git apply`,
checkov again. Nothing that passed fails afterwards, nothing stops parsing, fixes land."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench.fixrate import fixtures, measure

pytestmark = pytest.mark.checkov


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda p: p.name)
def test_the_patch_applies_fixes_and_weakens_nothing(fixture: Path, tmp_path: Path) -> None:
    result = measure(fixture, tmp_path)  # one checkov pass before, one after
    assert result.patch_applied
    assert result.new_failures == []  # no passing check fails, no new resource fails a check
    assert result.parse_errors == 0
    assert result.failing > 0 and result.fixed > 0
    assert "uncategorised" not in result.categories  # every unfixed finding says which kind of reason
    assert result.left["planned, still failing"] == 0  # every planned fix makes its check pass
