"""Smoke test of the benchmark's generator and table (no checkov, no timing assertions)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.context import build_context
from bot.graph import build_graph
from bot.inventory import build_inventory
from bot.inventory.terraform import REQUIRED_PROVIDERS_TYPE
from bot.models.resource import IacKind, Inventory, Resource
from tests.bench.__main__ import _sizes
from tests.bench.run import SizeResult, Timing, format_rate, linearity, table
from tests.bench.stages import STAGES
from tests.bench.synth import generate_repo


def generated(inventory: Inventory) -> list[Resource]:
    """The generated resources, without each directory's `versions.tf` settings block."""
    return [r for r in inventory.resources if r.type != REQUIRED_PROVIDERS_TYPE]


@pytest.mark.parametrize("size", [1, 37, 120])
def test_generator_writes_exactly_the_requested_resources(tmp_path: Path, size: int) -> None:
    root = generate_repo(tmp_path / "repo", size)
    inventory = build_inventory(root, RepoConfig())
    assert inventory.errors == ()
    assert len(generated(inventory)) == size
    assert len({r.address for r in generated(inventory)}) == size


def test_generated_repo_mixes_terraform_and_kubernetes_with_connected_graph(tmp_path: Path) -> None:
    root = generate_repo(tmp_path / "repo", 120)
    inventory = build_inventory(root, RepoConfig())
    kinds = Counter(r.kind for r in generated(inventory))
    assert kinds[IacKind.terraform] == 90 and kinds[IacKind.kubernetes] == 30
    assert len({str(Path(r.file).parent) for r in inventory.resources}) >= 4
    graph = build_graph(inventory, build_context(root, RepoConfig(), inventory))
    assert graph.attack_path("aws_s3_bucket.data_s0") or graph.attack_path("aws_db_instance.db_s0")
    assert graph.attack_path("Deployment.team0.app0")[1] == "Ingress.team0.app0"


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a = generate_repo(tmp_path / "a", 60)
    b = generate_repo(tmp_path / "b", 60)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def test_registry_has_checkov_as_the_only_reference_and_the_scan_stages_in_order() -> None:
    assert [s.name for s in STAGES if s.reference] == ["checkov"]
    assert [s.name for s in STAGES if not s.reference][:6] == [
        "inventory",
        "ingest-parse",
        "mapping",
        "context",
        "graph",
        "risk",
    ]  # later stages (plan, policy) follow
    assert len({s.name for s in STAGES}) == len(STAGES)


def test_table_reports_ratio_per_resource_cost_and_linearity() -> None:
    def result(n: int, fixbot: float) -> SizeResult:
        return SizeResult(n, (Timing("checkov", 10.0, True), Timing("graph", fixbot, False, "")), findings=3)

    lines = table([result(200, 0.2), result(5000, 0.8)])
    assert any("ratio" in line and "2.00%" in line and "ok" in line for line in lines)
    assert any("ratio" in line and "8.00%" in line and "OVER TARGET" in line for line in lines)
    assert linearity([result(200, 0.2), result(5000, 5.0)]) == [
        "per-resource scan cost: 200: 1000.0 µs, 5000: 1000.0 µs (x1.00 from smallest to largest)"
    ]
    with_plan = SizeResult(200, (*result(200, 0.2).timings, Timing("plan", 30.0, False, "", 30.0, scan=False)), 3)
    lines = table([with_plan])
    assert any("ratio" in line and "2.00%" in line for line in lines)  # plan does not count toward the scan target
    assert any(line.split()[1:3] == ["later", "stages"] and line.endswith("plan") for line in lines)
    assert format_rate("ms/finding", 0.5, 100) == "5.000 ms/finding"
    assert format_rate("findings/s", 0.5, 100) == "200 findings/s"


def test_sizes_argument_is_validated() -> None:
    assert _sizes("200") == [200]
    assert _sizes("200, 5000") == [200, 5000]
    with pytest.raises(Exception, match="positive"):
        _sizes("0")
    with pytest.raises(Exception, match="integers"):
        _sizes("big")
