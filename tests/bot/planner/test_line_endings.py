"""Defects 8 and 9: CRLF and BOM files are planned, patched and committed in their own format."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.lifecycle.checkov_check import parse_problem
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import run_fix
from bot.models.decision import Outcome
from bot.models.report import Assessment
from bot.planner import plan_findings
from bot.scan_stages import ScanRequest, scan
from tests.harness.gitrepo import DEMO_REPO, git
from tests.harness.lifecycle import FakePolicy, make_lifecycle

RECORDED = Path(__file__).resolve().parents[2] / "fixtures" / "sarif" / "demo_checkov.json"
BOM = "\ufeff".encode()


@pytest.fixture
def crlf_repo(tmp_path: Path) -> Path:
    """The demo repository as a Windows user checks it in: CRLF everywhere, BOMs on some files."""
    repo = tmp_path / "repo"
    shutil.copytree(DEMO_REPO, repo)
    for i, path in enumerate(sorted(p for p in repo.rglob("*") if p.suffix in (".tf", ".yaml"))):
        data = path.read_bytes().replace(b"\n", b"\r\n")
        path.write_bytes(BOM + data if i % 2 == 0 else data)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "-c", "core.autocrlf=false", "add", "-A")
    git(repo, "commit", "-q", "-m", "windows checkout")
    return repo


def _plan(repo: Path) -> list[Assessment]:
    outcome = scan(ScanRequest(root=repo, findings_files=(RECORDED,), run_checkov=False))
    return plan_findings(outcome.assessments, outcome.inventory, repo, outcome.config)


def test_patch_keeps_carriage_returns_and_git_apply_accepts_it(crlf_repo: Path) -> None:
    out = crlf_repo.parent / "fix.patch"
    assert main(["plan", str(crlf_repo), "--no-checkov", "--findings", str(RECORDED), "--format", "patch",
                 "--output", str(out)]) == 0
    patch = out.read_bytes()
    assert b"\r\n" in patch and patch.count(b"\n+") > 3
    subprocess.run(["git", "apply", "--check", str(out)], cwd=crlf_repo, check=True, capture_output=True)


def test_every_planned_file_keeps_its_line_endings_and_bom(crlf_repo: Path) -> None:
    edits = [e for a in _plan(crlf_repo) if a.plan for e in a.plan.edits]
    assert len(edits) >= 4
    for edit in edits:
        original = (crlf_repo / edit.path).read_bytes().decode("utf-8")
        assert edit.before == original and edit.after is not None
        after = edit.after
        assert after.startswith("\ufeff") == original.startswith("\ufeff")
        assert after.count("\n") == after.count("\r\n")  # no bare LF was inserted


def test_fix_commits_each_file_in_its_own_format(crlf_repo: Path) -> None:
    planned = _plan(crlf_repo)
    policy = FakePolicy({a.finding.resource or "": Outcome.allow for a in planned})
    run_fix(make_lifecycle(crlf_repo, policy), policy(planned, {}), Options())
    changed = git(crlf_repo, "diff", "--name-only", "HEAD~1", "main").split()
    assert changed
    for rel in changed:
        blob = subprocess.run(["git", "show", f"main:{rel}"], cwd=crlf_repo, capture_output=True, check=True).stdout
        before = subprocess.run(["git", "show", f"HEAD:{rel}"], cwd=crlf_repo, capture_output=True).stdout
        assert blob.startswith(BOM) == before.startswith(BOM) or not before
        assert blob.count(b"\n") == blob.count(b"\r\n"), rel


def test_premerge_parse_check_accepts_bom_and_crlf(tmp_path: Path) -> None:
    tf = tmp_path / "main.tf"
    tf.write_bytes(BOM + b'resource "aws_s3_bucket" "b" {\r\n  bucket = "b"\r\n}\r\n')
    assert parse_problem(tf) is None
    tf.write_bytes(b'# caf\xe9\nresource "x" "y" {}\n')
    assert "not UTF-8" in (parse_problem(tf) or "")


def test_bom_yaml_manifest_is_scanned_not_skipped(crlf_repo: Path) -> None:
    manifest = crlf_repo / "k8s" / "payments-api.yaml"
    if not manifest.read_bytes().startswith(BOM):
        manifest.write_bytes(BOM + manifest.read_bytes())
    outcome = scan(ScanRequest(root=crlf_repo, run_checkov=False))
    assert "k8s/payments-api.yaml" in outcome.inventory.files
    assert any(r.file == "k8s/payments-api.yaml" for r in outcome.inventory.resources)
    (crlf_repo / "k8s" / "latin1.yaml").write_bytes(b"kind: Pod\nmetadata:\n  name: caf\xe9\n")
    errors = scan(ScanRequest(root=crlf_repo, run_checkov=False)).errors
    assert any(e.file == "k8s/latin1.yaml" and "not UTF-8" in e.message for e in errors)
