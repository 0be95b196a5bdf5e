from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness.gitrepo import make_repo

DEV = 'resource "aws_s3_bucket" "dev" {\n  acl = "public-read"\n}\n'
DEV_FIXED = 'resource "aws_s3_bucket" "dev" {\n  acl = "private"\n}\n'
PROD = 'resource "aws_s3_bucket" "prod" {\n  acl = "public-read"\n}\n'
PROD_FIXED = 'resource "aws_s3_bucket" "prod" {\n  acl = "private"\n}\n'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", {"dev/main.tf": DEV, "prod/main.tf": PROD, "README.md": "x\n"})
