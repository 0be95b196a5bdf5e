"""Defect 24: a file the fix PR adds is compared against "no findings" in the regression check."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.lifecycle.checkov_check import checkov_checker
from bot.lifecycle.context import CheckRequest
from tests.harness.gitrepo import write_files

pytestmark = pytest.mark.checkov

PRIVATE = 'resource "aws_s3_bucket_acl" "b" {\n  bucket = "b"\n  acl    = "private"\n}\n'
PUBLIC_NEW = """resource "aws_security_group" "extra" {
  name = "extra"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"""


def test_new_file_with_a_failing_check_is_a_regression(tmp_path: Path) -> None:
    write_files(tmp_path / "base", {"main.tf": PRIVATE})
    write_files(tmp_path / "head", {"main.tf": PRIVATE, "added.tf": PUBLIC_NEW})
    req = CheckRequest(base_dir=str(tmp_path / "base"), head_dir=str(tmp_path / "head"),
                       files=("main.tf", "added.tf"), rules=("CKV_AWS_20",), resource="aws_s3_bucket_acl.b")
    outcome = checkov_checker(req)
    assert not outcome.ok
    assert any(d.startswith("now failing: CKV_AWS_24 on aws_security_group.extra (added.tf)") for d in outcome.details)
