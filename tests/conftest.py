"""Hypothesis profiles: `ci` (the default: derandomized, no deadline, no example database, no shrinking: bounded)
and `deep` (HYPOTHESIS_PROFILE=deep: many more random examples, for a longer local fuzz pass)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "ci", derandomize=True, deadline=None, database=None, max_examples=60, print_blob=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # no shrinking: bounded even when it fails
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("deep", parent=settings.get_profile("ci"), derandomize=False, max_examples=600,
                          phases=tuple(Phase))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
