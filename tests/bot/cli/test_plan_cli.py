"""`fixbot plan` and `fixbot catalogue` from the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot.cli.main import main
from rewriters import CATALOGUE

MAIN_TF = """# app storage
resource "aws_s3_bucket" "data" {
  bucket = "acme-data" # prod
}
"""


def _finding(rule: str, resource: str) -> dict[str, object]:
    return {
        "check_id": rule,
        "check_name": rule,
        "check_result": {"result": "FAILED"},
        "file_path": "/main.tf",
        "file_abs_path": "/main.tf",
        "repo_file_path": "/main.tf",
        "file_line_range": [2, 4],
        "resource": resource,
        "severity": "HIGH",
    }


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(MAIN_TF)
    report = {
        "check_type": "terraform",
        "results": {
            "failed_checks": [
                _finding("CKV_AWS_21", "aws_s3_bucket.data"),
                _finding("CKV2_AWS_6", "aws_s3_bucket.data"),
                _finding("CKV_AWS_18", "aws_s3_bucket.data"),
            ]
        },
    }
    findings = tmp_path / "checkov.json"
    findings.write_text(json.dumps(report))
    return root, findings


def test_plan_json_extends_the_scan_contract(repo: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    root, findings = repo
    assert main(["plan", str(root), "--no-checkov", "--findings", str(findings), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    by_rule = {f["rule_id"]: f for f in report["findings"]}
    plan = by_rule["CKV_AWS_21"]["plan"]
    assert set(plan) >= {
        "rewriter",
        "action",
        "confidence",
        "reversible",
        "rollback_plan",
        "verification",
        "parameters",
        "diff",
    }
    assert plan["action"] == "enable_bucket_versioning"
    assert by_rule["CKV2_AWS_6"]["plan"]["diff"] == plan["diff"]  # one change for the resource
    assert by_rule["CKV_AWS_18"]["unfixed"]["missing_parameters"] == ["target_bucket"]
    assert by_rule["CKV_AWS_18"]["unfixed"]["category"] == "needs_parameter"
    assert (root / "main.tf").read_text() == MAIN_TF


def test_plan_patch_applies_with_git(repo: tuple[Path, Path], tmp_path: Path) -> None:
    root, findings = repo
    out = tmp_path / "fix.patch"
    assert (
        main(
            ["plan", str(root), "--no-checkov", "--findings", str(findings), "--format", "patch", "--output", str(out)]
        )
        == 0
    )
    assert (root / "main.tf").read_text() == MAIN_TF
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", str(out)], cwd=root, check=True)
    patched = (root / "main.tf").read_text()
    assert patched.startswith(MAIN_TF)
    assert 'resource "aws_s3_bucket_versioning" "data"' in patched
    assert 'resource "aws_s3_bucket_public_access_block" "data"' in patched


def test_plan_table_names_missing_parameters(
    repo: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    root, findings = repo
    assert main(["plan", str(root), "--no-checkov", "--findings", str(findings)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "target_bucket" in out and "planned" in out
    assert "unfixed: 1 needs parameter" in out  # counts per reason category under the table


def test_plan_rejects_a_missing_findings_file(tmp_path: Path) -> None:
    assert main(["plan", str(tmp_path), "--no-checkov", "--findings", str(tmp_path / "nope.json")]) == 2


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_catalogue_lists_every_rewriter(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        entries = json.loads(out)
        assert [e["id"] for e in entries] == [rw.id for rw in CATALOGUE]
        ssh = next(e for e in entries if e["id"] == "sg_restrict_ssh")
        assert ssh["parameters"][0]["name"] == "admin_cidr" and ssh["action"] == "restrict_ssh_ingress"
    elif fmt == "markdown":
        assert all(f"`{rw.id}`" in out for rw in CATALOGUE)
    else:
        assert "fix catalogue" in out


def test_plan_on_the_demo_shows_every_outcome_under_one_policy_version(capsys: pytest.CaptureFixture[str]) -> None:
    demo = Path(__file__).resolve().parents[3] / "bot" / "demo" / "sample_repo"
    recorded = Path(__file__).resolve().parents[2] / "fixtures" / "sarif" / "demo_checkov.json"
    assert main(["plan", str(demo), "--no-checkov", "--findings", str(recorded), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    decisions = [f["decision"] for f in report["findings"]]
    assert {d["outcome"] for d in decisions} == {"allow", "require_approval", "deny"}
    assert {d["policy_version"] for d in decisions} == {report["policy_version"]}
    assert all(d["reasons"] and all(r["rule"] and r["message"] for r in d["reasons"]) for d in decisions)
    denied = {f["resource"] for f in report["findings"] if f["decision"]["outcome"] == "deny"}
    assert "aws_instance.api" in denied  # high blast radius: never automated


def test_plan_table_names_the_decision_and_the_policy_version(
    repo: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root, findings = repo
    assert main(["plan", str(root), "--no-checkov", "--findings", str(findings), "--format", "table",
                 "--output", str(root.parent / "plan.txt")]) == 0
    text = (root.parent / "plan.txt").read_text()
    assert "decision" in text and "policy sha256:" in text
    assert ("allow" in text) or ("require_approval" in text)


def test_plan_patch_never_aborts_on_fixes_that_change_the_same_lines(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    text = ('variable "flag" {\n  default = null\n}\n\nresource "aws_ebs_volume" "one" {\n  availability_zone = "a"\n'
            '  size              = 8\n  encrypted         = var.flag\n}\n\nresource "aws_db_instance" "db" {\n'
            '  publicly_accessible = var.flag\n}\n')
    (root / "main.tf").write_text(text)
    report = {"check_type": "terraform", "results": {"failed_checks": [
        {**_finding("CKV_AWS_3", "aws_ebs_volume.one"), "file_line_range": [5, 9]},
        {**_finding("CKV_AWS_17", "aws_db_instance.db"), "file_line_range": [11, 13]},
    ]}}
    findings = tmp_path / "checkov.json"
    findings.write_text(json.dumps(report))
    out = tmp_path / "fix.patch"
    args = ["plan", str(root), "--no-checkov", "--findings", str(findings)]
    assert main([*args, "--format", "table", "--output", str(tmp_path / "plan.txt")]) == 0
    assert "unfixed: 1 overlaps" in (tmp_path / "plan.txt").read_text()
    assert main([*args, "--format", "patch", "--output", str(out)]) == 0
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", str(out)], cwd=root, check=True)
    patched = (root / "main.tf").read_text()
    assert ("default = true" in patched) != ("default = false" in patched)  # the first fix; the later is reported
