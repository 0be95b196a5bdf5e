"""`fixbot scan --format sarif` against the official OASIS SARIF 2.1.0 schema, on the demo repo."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.cli.main import main
from bot.models.decision import Outcome
from tests.harness.sarif_schema import schema_errors

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sarif"
DEMO = Path(__file__).resolve().parents[3] / "bot" / "demo" / "sample_repo"
CHECKOV_JSON = FIXTURES / "demo_checkov.json"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(DEMO, root)
    return root


def scan_sarif(root: Path, out: Path, *extra: str, checkov: bool = False) -> dict[str, Any]:
    args = ["scan", str(root), "--format", "sarif", "--output", str(out), *extra]
    if not checkov:
        args += ["--no-checkov", "--findings", str(CHECKOV_JSON)]
    assert main(args) == 0
    data: dict[str, Any] = json.loads(out.read_text())
    return data


def assert_code_scanning_ready(sarif: dict[str, Any], repo_root: Path) -> None:
    """Valid SARIF whose results code scanning can place: real files, real lines, fixbot's properties."""
    assert schema_errors(sarif) == []
    results = sarif["runs"][0]["results"]
    assert results
    for r in results:
        loc = r["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        assert not uri.startswith(("/", "file:")) and ".." not in uri.split("/")
        lines = (repo_root / uri).read_text().count("\n") + 1
        assert 1 <= loc["region"]["startLine"] <= loc["region"]["endLine"] <= lines
        props = r["properties"]
        assert 0.0 <= props["risk"] <= 1.0
        assert props["decision"] in {o.value for o in Outcome} and props["decisionRules"]
        assert ("fixAction" in props) != ("unfixed" in props)  # a planned fix, or why there is none
        assert r["partialFingerprints"]["fixbotFindingId/v1"] == props["fixbotId"]
        assert f"risk {props['risk']:.2f}" in r["message"]["text"]


def test_demo_sarif_is_valid_and_carries_risk_and_decision(demo: Path, tmp_path: Path) -> None:
    sarif = scan_sarif(demo, tmp_path / "out.sarif")
    assert_code_scanning_ready(sarif, demo)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "fixbot"
    assert run["automationDetails"]["id"] == "fixbot/"
    assert len(run["results"]) == 76  # every failed check in the recorded checkov report maps to a file
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert {"terraform/prod/storage.tf", "k8s/payments-api.yaml"} <= uris
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_fingerprints_survive_moved_lines(demo: Path, tmp_path: Path) -> None:
    before = scan_sarif(demo, tmp_path / "a.sarif")["runs"][0]["results"]
    storage = demo / "terraform" / "prod" / "storage.tf"
    storage.write_text("# a comment\n# and another\n" + storage.read_text())
    after = scan_sarif(demo, tmp_path / "b.sarif")["runs"][0]["results"]

    def index(results: list[dict[str, Any]]) -> dict[str, int]:
        return {r["partialFingerprints"]["fixbotFindingId/v1"]: r["locations"][0]["physicalLocation"]["region"]
                ["startLine"] for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "terraform/prod/storage.tf"}

    old, new = index(before), index(after)
    assert old and set(old) == set(new)
    assert all(new[k] == old[k] + 2 for k in old)


def test_locations_are_relative_to_the_git_root_when_scanning_a_subdirectory(tmp_path: Path) -> None:
    repo = tmp_path / "monorepo"
    shutil.copytree(DEMO, repo / "infra")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    sarif = scan_sarif(repo / "infra", tmp_path / "out.sarif")
    assert_code_scanning_ready(sarif, repo)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert all(u.startswith("infra/") for u in uris)


def test_input_errors_become_tool_notifications(demo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sarif"
    broken.write_text('{"version": "2.1.0", "runs": [{"results": [{"ruleId": 7}]}]}')
    sarif = scan_sarif(demo, tmp_path / "out.sarif", "--findings", str(broken))
    assert schema_errors(sarif) == []
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes and all(n["level"] == "warning" for n in notes)
    assert any("broken.sarif" in json.dumps(n) for n in notes)


def test_schema_check_rejects_a_broken_log() -> None:
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"message": {}}]}]}
    assert schema_errors(bad)  # the validator is live: missing driver name, message text


@pytest.mark.checkov
def test_demo_sarif_with_real_checkov(demo: Path, tmp_path: Path) -> None:
    sarif = scan_sarif(demo, tmp_path / "out.sarif", checkov=True)
    assert_code_scanning_ready(sarif, demo)
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert {"CKV_AWS_20", "CKV_K8S_20"} <= rules
