from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.server.conftest import _check
from tests.harness.github_standin.world import World, world


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    """A stand-in with one installed repository; after the test: no contract violation, every token revoked."""
    with world(tmp_path) as wd:
        yield wd
        _check(wd)
