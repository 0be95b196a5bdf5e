from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import EXIT_LOCKED, LockedError
from bot.lifecycle.lock import repo_lock


def test_second_holder_waits_then_fails_clearly(tmp_path: Path) -> None:
    with (
        repo_lock(tmp_path, what="fix"),
        pytest.raises(LockedError, match="another fixbot run holds the repository lock") as info,
        repo_lock(tmp_path, wait=0.2),
    ):
        pass
    assert info.value.exit_code == EXIT_LOCKED
    assert "fix" in str(info.value)


def test_lock_is_released_after_the_run(tmp_path: Path) -> None:
    with repo_lock(tmp_path):
        pass
    with repo_lock(tmp_path, wait=0):
        pass
