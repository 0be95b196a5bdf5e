"""End to end from a cloud finding: a Security Hub (ASFF) record about the payments bucket, with
no checkov run, becomes a pull request on the Terraform file that defines the bucket."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.forge.base import PrState
from bot.forge.local import LocalForge
from tests.harness.gitrepo import demo_repo, git, make_repo
from tests.harness.pinned import FILES

ASFF = Path(__file__).resolve().parents[2] / "fixtures" / "ingest" / "asff" / "get_findings.json"


def test_security_hub_bucket_finding_becomes_a_pr_on_its_terraform_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = demo_repo(tmp_path / "repo")
    s3_2 = json.loads(ASFF.read_text())["Findings"][0]  # S3.2 on arn:aws:s3:::acme-payments-prod-documents
    findings = tmp_path / "securityhub.json"
    findings.write_text(json.dumps({"Findings": [s3_2]}))

    assert main(["fix", str(repo), "--findings", str(findings), "--no-checkov", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (result,) = report["results"]
    assert (result["resource"], result["status"]) == ("aws_s3_bucket.payments", "awaiting_approval")

    (pr,) = LocalForge(repo).list_prs()
    assert pr.state is PrState.open and "aws_s3_bucket.payments" in pr.title
    changed = git(repo, "diff", "--name-only", f"{pr.base}...{pr.head}").split()
    assert changed == ["terraform/prod/storage.tf"]
    assert "| `CKV_AWS_20` | critical |" in pr.body and "terraform/prod/storage.tf:4" in pr.body
    assert "securityhub S3.2" in pr.body  # the evidence names the cloud source and its control
    diff = git(repo, "diff", f"{pr.base}...{pr.head}", "--", "terraform/prod/storage.tf")
    assert '-  acl    = "public-read"\n+  acl    = "private"' in diff


def test_osv_advisories_become_upgrade_prs_for_the_module_the_image_and_the_provider(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo", FILES)
    advisories = ASFF.parent.parent / "osv" / "advisories.json"
    assert main(["fix", str(repo), "--findings", str(advisories), "--no-checkov", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted((r["resource"], r["status"]) for r in report["results"]) == [
        ("Deployment.default.api", "awaiting_approval"), ("module.vpc", "awaiting_approval"),
        ("terraform.required_providers", "awaiting_approval")]
    diffs = {pr.head.split("/")[1]: git(repo, "diff", f"{pr.base}...{pr.head}") for pr in LocalForge(repo).list_prs()}
    assert '-  version = "3.14.0"\n+  version = "3.19.0"' in diffs["upgrade_module_version"]
    assert ("-          image: ghcr.io/acme/payments-api:1.42.0\n"
            "+          image: ghcr.io/acme/payments-api:1.42.3") in diffs["upgrade_image_tag"]
    provider = diffs["upgrade_provider_version"]  # the lock file's provider, raised in required_providers
    assert '-      version = "~> 5.0"\n+      version = "~> 5.31"' in provider
    assert ".terraform.lock.hcl" not in provider  # left to `terraform init -upgrade`
