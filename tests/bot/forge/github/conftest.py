from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness.github_standin.world import World, world


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as wd:
        yield wd
        violations = wd.gh.checker.violations
        assert not violations, "\n".join(f"{v.kind} {v.method} {v.path} {v.status}: {v.detail}" for v in violations)
        assert not wd.gh.unrevoked_used_tokens(), "a token fixbot used was never revoked"
