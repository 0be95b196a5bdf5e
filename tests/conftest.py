"""Suite-wide markers by location: `e2e` for whole-system runs (deselected by `make test-fast`),
and the Hypothesis profiles.

`checkov` stays on the tests themselves (they need the real checkov); `e2e` marks tests that
drive the webhook server, the GitHub Action or the whole lifecycle end to end. Listed here, in
one place, so a new end-to-end file only needs a line below.

Hypothesis: `ci` (the default: derandomized, no deadline, no example database, no shrinking:
bounded) and `deep` (HYPOTHESIS_PROFILE=deep: ten times the examples, random, shrinking on).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci", derandomize=True, deadline=None, database=None, max_examples=60, print_blob=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # no shrinking: bounded even when it fails
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("deep", parent=settings.get_profile("ci"), derandomize=False, max_examples=600,
                          phases=tuple(Phase))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
