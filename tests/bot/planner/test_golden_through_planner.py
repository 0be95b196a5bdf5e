"""Every golden case through the real chain: inventory → plan_findings → patch → plan again."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.inventory import build_inventory
from bot.models.report import Assessment
from bot.models.risk import Risk
from bot.planner import plan_findings, render_patch
from tests.harness.golden import Case, case_findings, discover_cases

CASES = discover_cases()


def _repo(case: Case, root: Path) -> str:
    name = "main" + case.before.suffix
    (root / name).write_text(case.before.read_text(encoding="utf-8"), encoding="utf-8")
    for extra, text in case.meta.get("file_texts", {}).items():
        (root / extra).write_text(text, encoding="utf-8")
    major = case.meta.get("aws_provider_major")
    if major is not None:
        versions = (
            f'terraform {{\n  required_providers {{\n    aws = {{\n      version = "~> {major}.0"\n    }}\n  }}\n}}\n'
        )
        (root / "versions.tf").write_text(versions, encoding="utf-8")
    return name


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_planner_produces_the_golden_after_and_then_nothing(case: Case, tmp_path: Path) -> None:
    name = _repo(case, tmp_path)
    config = RepoConfig(parameters={case.rewriter_id: case.meta.get("parameters", {})})
    findings = case_findings(case, case.meta["resource"], name)
    items = [Assessment(finding=f, risk=Risk(score=0.5, factors=())) for f in findings]
    planned = plan_findings(items, build_inventory(tmp_path, config), tmp_path, config)
    assert all(a.plan is not None for a in planned), [a.unfixed for a in planned]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "apply", "-"], cwd=tmp_path, input=render_patch(planned), text=True, check=True)
    assert (tmp_path / name).read_text(encoding="utf-8") == case.after.read_text(encoding="utf-8")
    again = plan_findings(items, build_inventory(tmp_path, config), tmp_path, config)
    assert [a.plan for a in again] == [None] * len(items)
