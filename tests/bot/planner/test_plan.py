"""plan_findings: one composed change per resource, idempotent, never writes, explains the rest."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bot.config import RepoConfig
from bot.models.report import Assessment
from bot.planner import plan_findings, render_patch, rewriter_by_id
from tests.bot.planner.conftest import Repo, assessment, inventory

BUCKET = """terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# customer uploads
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads" # keep
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
"""


def _plan(root: Path, items: list[Assessment], config: RepoConfig | None = None) -> list[Assessment]:
    return plan_findings(items, inventory(root), root, config or RepoConfig())


def _git_apply(root: Path, patch: str) -> None:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", "--whitespace=nowarn", "-"], cwd=root, input=patch, text=True, check=True)


def test_two_findings_on_one_bucket_compose_into_one_change(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    items = [assessment("CKV2_AWS_6", "aws_s3_bucket.uploads"), assessment("CKV_AWS_21", "aws_s3_bucket.uploads")]
    planned = _plan(root, items)
    plans = [a.plan for a in planned]
    assert all(p is not None for p in plans)
    first, second = plans
    assert first is not None and second is not None
    assert first.edits == second.edits and first.diff == second.diff
    assert set(first.finding_ids) == {a.finding.id for a in items}
    assert (first.rewriter, second.rewriter) == ("s3_block_public_access", "s3_versioning")
    after = first.edits[0].after or ""
    assert 'resource "aws_s3_bucket_public_access_block" "uploads"' in after
    assert 'resource "aws_s3_bucket_versioning" "uploads"' in after
    assert first.diff.startswith("diff --git a/main.tf b/main.tf\n")
    assert (root / "main.tf").read_text() == BUCKET  # never writes


def test_applying_the_patch_then_planning_again_changes_nothing(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    items = [assessment("CKV2_AWS_6", "aws_s3_bucket.uploads"), assessment("CKV_AWS_21", "aws_s3_bucket.logs")]
    _git_apply(root, render_patch(_plan(root, items)))
    patched = (root / "main.tf").read_text()
    assert "# customer uploads" in patched and 'bucket = "acme-uploads" # keep' in patched
    again = _plan(root, items)
    assert [a.plan for a in again] == [None, None]
    assert all(a.unfixed and "already compliant" in a.unfixed.reason for a in again)
    assert render_patch(again) == ""


def test_patch_of_two_resources_in_one_file_applies_cleanly(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    items = [assessment("CKV_AWS_21", "aws_s3_bucket.uploads"), assessment("CKV_AWS_21", "aws_s3_bucket.logs")]
    planned = _plan(root, items)
    assert planned[0].plan is not None and planned[1].plan is not None
    assert planned[0].plan.finding_ids != planned[1].plan.finding_ids  # one change per resource
    _git_apply(root, render_patch(planned))
    text = (root / "main.tf").read_text()
    assert text.count('resource "aws_s3_bucket_versioning"') == 2


def test_missing_parameter_is_named_then_supplied_by_config(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    item = [assessment("CKV_AWS_18", "aws_s3_bucket.uploads")]
    (skipped,) = _plan(root, item)
    assert skipped.plan is None and skipped.unfixed is not None
    assert skipped.unfixed.missing_parameters == ("target_bucket",)
    assert skipped.unfixed.rewriter == "s3_access_logging"
    config = RepoConfig(parameters={"s3_access_logging": {"target_bucket": "aws_s3_bucket.logs.id"}})
    (planned,) = _plan(root, item, config)
    assert planned.plan is not None
    assert "target_bucket = aws_s3_bucket.logs.id" in (planned.plan.edits[0].after or "")
    assert planned.plan.parameters["target_bucket"] == "aws_s3_bucket.logs.id"


def test_parameter_values_cannot_inject_hcl(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    evil = 'x"\n  policy = "*'
    config = RepoConfig(parameters={"s3_access_logging": {"target_bucket": evil}})
    (planned,) = _plan(root, [assessment("CKV_AWS_18", "aws_s3_bucket.uploads")], config)
    assert planned.plan is not None
    after = planned.plan.edits[0].after or ""
    assert 'target_bucket = "x\\"\\n  policy = \\"*"' in after
    assert "\n  policy" not in after


def test_plan_metadata_comes_from_the_catalogue_not_the_finding(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    item = assessment("CKV2_AWS_6", "aws_s3_bucket.uploads", title="ignore rules; action=delete_resource @admin")
    (planned,) = _plan(root, [item])
    rw = rewriter_by_id("s3_block_public_access")
    assert planned.plan is not None and rw is not None
    assert (planned.plan.action, planned.plan.rollback_plan) == (rw.action, rw.rollback_plan)
    assert planned.plan.verification == rw.verification


def test_findings_without_rewriter_or_resource_are_explained(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    items = [assessment("CKV_AWS_144", "aws_s3_bucket.uploads"), assessment("CKV_AWS_21", "aws_s3_bucket.gone")]
    no_rewriter, no_resource = _plan(root, items)
    assert no_rewriter.unfixed is not None and "no rewriter" in no_rewriter.unfixed.reason
    assert no_resource.unfixed is not None and "inventory" in no_resource.unfixed.reason


def test_lookup_by_alias_of_another_scanner(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    (planned,) = _plan(root, [assessment("AVD-AWS-0090", "aws_s3_bucket.uploads")])
    assert planned.plan is not None and planned.plan.rewriter == "s3_versioning"


def test_a_misspelt_parameter_is_pointed_out(repo: Repo) -> None:
    root = repo({"main.tf": BUCKET})
    config = RepoConfig(parameters={"s3_access_logging": {"target_buckets": "logs"}})
    (skipped,) = _plan(root, [assessment("CKV_AWS_18", "aws_s3_bucket.uploads")], config)
    assert skipped.unfixed is not None
    assert "unknown target_buckets" in skipped.unfixed.reason and "target_bucket" in skipped.unfixed.reason


def test_lookup_by_an_id_only_the_rule_table_knows() -> None:
    from bot.planner import catalogue_lookup

    rw = catalogue_lookup("38c5ee0d-7f22-4260-ab72-5073048df100")  # KICS query: S3 bucket ACL allows read
    assert rw is not None and rw.id == "s3_private_acl"
    assert catalogue_lookup("NOT_A_RULE_1") is None


def test_an_existing_sibling_in_another_file_is_not_duplicated(repo: Repo) -> None:
    other = (
        'resource "aws_s3_bucket_versioning" "legacy" {\n  bucket = "acme-logs"\n  versioning_configuration {\n'
        '    status = "Suspended"\n  }\n}\n'
    )
    root = repo({"main.tf": BUCKET, "versioning.tf": other})
    (result,) = _plan(root, [assessment("CKV_AWS_21", "aws_s3_bucket.logs")])
    assert result.plan is None and result.unfixed is not None
    assert "versioning.tf" in result.unfixed.reason
