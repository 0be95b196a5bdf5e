"""Generated safe values through the planner: one generated key per module, reused by every fix
there, `.fixbot.yml` parameters win, a rerun is a no-op, and the plan is the generated variant."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bot.config import RepoConfig
from bot.models.report import Assessment
from bot.planner import plan_findings, render_patch
from tests.bot.planner.conftest import Repo, assessment, inventory

PROVIDERS = """terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "%s"
    }
  }
}
"""

LOGS = """# application logs
resource "aws_cloudwatch_log_group" "app" {
  name              = "/acme/app"
  retention_in_days = 365
}
"""

TRAIL = """resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-trail"
}
"""

BUCKET = """resource "aws_s3_bucket" "app" {
  bucket = "acme-app"
}
"""


def _plan(root: Path, items: list[Assessment], config: RepoConfig | None = None) -> list[Assessment]:
    return plan_findings(items, inventory(root), root, config or RepoConfig())


def _apply(root: Path, patch: str) -> None:
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", "--whitespace=nowarn", "-"], cwd=root, input=patch, text=True, check=True)


def _key_fixes(root: Path) -> list[Assessment]:
    items = [
        assessment("CKV_AWS_158", "aws_cloudwatch_log_group.app", "logs.tf"),
        assessment("CKV_AWS_35", "aws_cloudtrail.main", "trail.tf"),
    ]
    return _plan(root, items)


def test_fixes_in_one_module_share_one_generated_key(repo: Repo) -> None:
    root = repo({"versions.tf": PROVIDERS % "~> 5.0", "logs.tf": LOGS, "trail.tf": TRAIL})
    planned = _key_fixes(root)
    plans = [a.plan for a in planned]
    assert all(p is not None for p in plans), [a.unfixed for a in planned]
    logs, trail = (p for p in plans if p is not None)
    assert logs.rewriter == "log_group_kms_with_generated_kms_key"
    assert logs.action == "enable_log_group_encryption_with_generated_kms_key"
    assert trail.action == "enable_cloudtrail_encryption_with_generated_kms_key"
    assert logs.changed_files == ("logs.tf", "fixbot_kms.tf") and trail.changed_files == ("trail.tf", "fixbot_kms.tf")
    assert logs.edits[1] == trail.edits[1] and logs.edits[1].before is None  # one new file, the same in both
    assert "fixbot_kms.tf" in logs.diff
    _apply(root, render_patch(planned))
    generated = (root / "fixbot_kms.tf").read_text()
    assert generated.count('resource "aws_kms_key" "fixbot"') == 1
    assert "enable_key_rotation     = true" in generated
    assert "kms_key_id        = aws_kms_key.fixbot.arn" in (root / "logs.tf").read_text()
    assert "kms_key_id     = aws_kms_key.fixbot.arn" in (root / "trail.tf").read_text()


def test_a_rerun_after_the_patch_reuses_the_key_and_changes_nothing(repo: Repo) -> None:
    root = repo({"versions.tf": PROVIDERS % "~> 5.0", "logs.tf": LOGS, "trail.tf": TRAIL})
    _apply(root, render_patch(_key_fixes(root)))
    again = _key_fixes(root)
    assert [a.plan for a in again] == [None, None]
    assert all(a.unfixed and "already compliant" in a.unfixed.reason for a in again)
    assert render_patch(again) == ""


def test_a_fixbot_yml_parameter_wins_over_the_generated_key(repo: Repo) -> None:
    root = repo({"versions.tf": PROVIDERS % "~> 5.0", "logs.tf": LOGS})
    config = RepoConfig(parameters={"log_group_kms": {"kms_key_arn": "aws_kms_key.central.arn"}})
    [planned] = _plan(root, [assessment("CKV_AWS_158", "aws_cloudwatch_log_group.app", "logs.tf")], config)
    assert planned.plan is not None
    assert (planned.plan.rewriter, planned.plan.action) == ("log_group_kms", "enable_log_group_encryption")
    assert planned.plan.changed_files == ("logs.tf",)
    assert "aws_kms_key.central.arn" in (planned.plan.edits[0].after or "")


def test_the_log_bucket_needs_split_s3_resources_else_the_parameter_is_asked_for(repo: Repo) -> None:
    root = repo({"versions.tf": PROVIDERS % "~> 3.75", "s3.tf": BUCKET})
    [planned] = _plan(root, [assessment("CKV_AWS_18", "aws_s3_bucket.app", "s3.tf")])
    assert planned.plan is None and planned.unfixed is not None
    assert planned.unfixed.missing_parameters == ("target_bucket",)
    assert "AWS provider v4" in planned.unfixed.reason


def test_access_logging_gets_a_dedicated_log_bucket(repo: Repo) -> None:
    root = repo({"versions.tf": PROVIDERS % "~> 5.0", "s3.tf": BUCKET})
    [planned] = _plan(root, [assessment("CKV_AWS_18", "aws_s3_bucket.app", "s3.tf")])
    assert planned.plan is not None
    assert planned.plan.action == "enable_bucket_logging_with_generated_log_bucket"
    assert planned.plan.changed_files == ("s3.tf", "fixbot_access_logs.tf")
    _apply(root, render_patch([planned]))
    assert "target_bucket = aws_s3_bucket.fixbot_access_logs.id" in (root / "s3.tf").read_text()


def test_flow_logs_generate_the_log_group_role_and_the_key_it_needs(repo: Repo) -> None:
    vpc = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'
    root = repo({"versions.tf": PROVIDERS % "~> 5.0", "net/main.tf": vpc})
    [planned] = _plan(root, [assessment("CKV2_AWS_11", "aws_vpc.main", "net/main.tf")])
    assert planned.plan is not None, planned.unfixed
    assert planned.plan.action == "enable_vpc_flow_logs_with_generated_flow_log_group"
    assert planned.plan.changed_files == ("net/main.tf", "net/fixbot_flow_logs.tf", "net/fixbot_kms.tf")
