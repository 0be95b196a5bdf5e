"""`fixbot plan --format patch` on a copy of a real repository: applies cleanly, fixes, regresses nothing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.planner import plan_findings, render_patch
from bot.scan_stages import ScanRequest, scan
from tests.harness.checkov_batch import run_checkov

pytestmark = pytest.mark.checkov

REPOS = {
    "demo": Path(__file__).resolve().parents[3] / "bot" / "demo" / "sample_repo",
    "ingest_fixture": Path(__file__).resolve().parents[2] / "fixtures" / "ingest" / "repo",
}
FRAMEWORKS = ("terraform", "kubernetes")


@pytest.mark.parametrize("name", sorted(REPOS))
def test_patch_applies_and_no_passing_check_starts_failing(name: str, tmp_path: Path) -> None:
    root = tmp_path / name
    shutil.copytree(REPOS[name], root)
    before = run_checkov(root, FRAMEWORKS)
    outcome = scan(ScanRequest(root=root))
    planned = plan_findings(outcome.assessments, outcome.inventory, root, outcome.config)
    patch = render_patch(planned)
    assert patch, f"{name}: nothing planned"
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", "-"], cwd=root, input=patch, text=True, check=True)
    after = run_checkov(root, FRAMEWORKS)
    regressions = sorted(k for k, v in before.items() if v == "PASSED" and after.get(k) == "FAILED")
    assert regressions == []
    fixed = {(a.finding.rule_id, a.finding.resource) for a in planned if a.plan is not None}
    still_failing = sorted(k for k, v in after.items() if v == "FAILED" and (k[2], k[1]) in fixed)
    assert still_failing == []
