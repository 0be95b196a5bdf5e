"""End to end from the command line: an OSV advisory on a locked provider becomes a one-line
constraint change in `required_providers`; the lock file is left to `terraform init -upgrade`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main
from tests.harness.gitrepo import write_files

LOCK = '''# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.20.0"
  constraints = "5.20.0"
  hashes = [
    "h1:abc=",
  ]
}
'''
VERSIONS = '''terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.20.0" # pinned
    }
  }
}
'''
ADVISORY = {
    "schema_version": "1.6.0", "id": "GHSA-7x2p-qv3m-5f9c", "modified": "2026-10-02T12:00:00Z",
    "summary": "terraform-provider-aws writes sensitive attributes to debug logs",
    "affected": [{"package": {"ecosystem": "Go", "name": "github.com/hashicorp/terraform-provider-aws"},
                  "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "5.31.1"}]}]}],
    "database_specific": {"severity": "HIGH"},
}  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, Path]:
    write_files(tmp_path / "repo", {"infra/versions.tf": VERSIONS, "infra/.terraform.lock.hcl": LOCK,
                                    "infra/main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'})
    advisories = tmp_path / "osv.json"
    advisories.write_text(json.dumps({"vulns": [ADVISORY]}))
    return tmp_path / "repo", advisories


def test_scan_maps_the_locked_provider_to_its_block(repo: tuple[Path, Path],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root, advisories = repo
    assert main(["scan", str(root), "--findings", str(advisories), "--no-checkov", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (finding,) = report["findings"]
    assert (finding["rule_id"], finding["resource"], finding["file"]) == (
        "FIXBOT_VULNERABLE_PROVIDER", "terraform.required_providers", "infra/versions.tf")
    assert finding["mapping"]["strategy"] == "provider_pin"
    assert finding["upgrade"] == {"package": "hashicorp/aws", "current": "5.20.0", "fixed": "5.31.1"}
    assert report["unmapped"] == []


def test_plan_patch_is_the_one_line_constraint_change(repo: tuple[Path, Path], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    root, advisories = repo
    assert main(["plan", str(root), "--findings", str(advisories), "--no-checkov", "--format", "patch"]) == 0
    patch = capsys.readouterr().out
    changed = [ln for ln in patch.splitlines() if ln.startswith(("+", "-")) and not ln.startswith(("+++", "---"))]
    assert changed == ['-      version = "5.20.0" # pinned', '+      version = "5.31.1" # pinned']
    assert "diff --git a/infra/versions.tf b/infra/versions.tf" in patch and ".terraform.lock.hcl" not in patch
    assert (root / "infra" / "versions.tf").read_text() == VERSIONS  # planning never writes
    assert main(["plan", str(root), "--findings", str(advisories), "--no-checkov", "--format", "json"]) == 0
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["plan"]["action"] == "upgrade_provider_version"
    assert "terraform init -upgrade" in finding["plan"]["rollback_plan"]
