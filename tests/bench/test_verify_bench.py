from __future__ import annotations

from tests.bench.verify import FAMILIES, verify_cost


def test_verification_cost_counts_api_calls_per_check_on_moto() -> None:
    cost = verify_cost(len(FAMILIES))
    assert cost.verified == len(FAMILIES)
    assert set(cost.calls) == {check for check, _ in FAMILIES}
    assert all(runs == 1 and calls >= 1 for runs, calls in cost.calls.values())
