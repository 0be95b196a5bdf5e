"""Suite-wide markers by location: `e2e` for whole-system runs (deselected by `make test-fast`).

`checkov` stays on the tests themselves (they need the real checkov); `e2e` marks tests that
drive the webhook server, the GitHub Action or the whole lifecycle end to end. Listed here, in
one place, so a new end-to-end file only needs a line below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
E2E = (  # path prefixes under tests/
    "bot/server/test_e2e_",
    "bot/lifecycle/test_e2e_",
    "bot/actions/test_simulated_run.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        try:
            rel = item.path.resolve().relative_to(TESTS).as_posix()
        except ValueError:
            continue
        if rel.startswith(E2E):
            item.add_marker(pytest.mark.e2e)
