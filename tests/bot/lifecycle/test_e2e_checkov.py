"""End to end with the real chain (checkov, planner, Rego policy) on a copy of the demo repo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.audit.log import AuditLog
from bot.audit.verify import verify
from bot.cli.main import main
from bot.forge.base import PrState
from bot.forge.local import LocalForge
from bot.lifecycle.checkov_check import checkov_checker
from bot.lifecycle.context import CheckRequest
from tests.harness.gitrepo import git, write_files

pytestmark = pytest.mark.checkov

BUCKET = """resource "aws_s3_bucket" "b" {{
  bucket = "b"
}}

resource "aws_s3_bucket_acl" "b" {{
  bucket = aws_s3_bucket.b.id
  acl    = "{acl}"
}}
{extra}"""
VERSIONING = """
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Enabled"
  }
}
"""


def test_premerge_check_catches_a_target_still_failing_and_a_regression(tmp_path: Path) -> None:
    write_files(tmp_path / "base", {"main.tf": BUCKET.format(acl="public-read", extra=VERSIONING)})
    write_files(tmp_path / "head", {"main.tf": BUCKET.format(acl="public-read", extra="")})
    req = CheckRequest(base_dir=str(tmp_path / "base"), head_dir=str(tmp_path / "head"), files=("main.tf",),
                       rules=("CKV_AWS_20",), resource="aws_s3_bucket.b")
    outcome = checkov_checker(req)
    assert not outcome.ok
    assert any(d.startswith("still failing: CKV_AWS_20") for d in outcome.details)
    assert any(d.startswith("now failing: CKV_AWS_21") for d in outcome.details)
    write_files(tmp_path / "head", {"main.tf": BUCKET.format(acl="private", extra=VERSIONING)})
    assert checkov_checker(req).ok
    write_files(tmp_path / "head", {"main.tf": "resource {"})
    broken = checkov_checker(req)
    assert not broken.ok and broken.summary == "changed files do not parse"


def test_demo_tells_every_path_and_a_rerun_changes_nothing(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "demo"
    assert main(["demo", "--dir", str(repo), "--no-color"]) == 0
    out = capsys.readouterr().out
    for told in ("merged + verified", "merged (by priya)", "denied (high_blast_radius)",
                 "does not own", "revert merged, finding requeued", "chain intact"):
        assert told in out
    risks = out[out.index("riskiest of"):out.index("decisions under policy")]
    scores = [float(m) for m in re.findall(r"^│ (\d\.\d\d) │", risks, re.M)]
    assert len(scores) == 6 and scores == sorted(scores, reverse=True)  # the risks, highest first
    assert "exposure 1.00: directly reachable from the internet" in risks  # with their evidence
    forge = LocalForge(repo)
    log = AuditLog(forge.repo, forge.state_dir)
    decisions = [r for r in log.records() if r.event == "decision"]
    assert {"allow", "require_approval", "deny"} <= {r.get("Fixbot-Decision") for r in decisions}
    assert all(r.get("Fixbot-Policy-Version").startswith("sha256:") for r in decisions)
    assert verify(log, "main") == []
    merges = git(repo, "log", "--first-parent", "--merges", "--format=%B%x00", "main").split("\x00")
    assert all("Fixbot-Decision:" in m and "Fixbot-Approved-By:" in m for m in merges if m.strip())
    assert git(repo, "status", "--porcelain") == ""  # the clean checkout followed main

    assert main(["fix", str(repo), "--format", "json"]) == 0  # the requeued finding is proposed again
    first = [(p.number, p.state, p.head_sha) for p in forge.list_prs()]
    records = len(log.records())
    requeued = [p for p in forge.list_prs() if p.state == PrState.open and "Earlier attempts" in p.body]
    assert len(requeued) == 1
    capsys.readouterr()
    assert main(["fix", str(repo), "--format", "json"]) == 0
    assert [(p.number, p.state, p.head_sha) for p in forge.list_prs()] == first
    assert len(log.records()) == records
