"""Templated, heredoc, module and malformed input: an `unfixed` reason, the file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.models.common import LineSpan
from bot.models.resource import IacKind, Inventory, Resource
from bot.planner import plan_findings, render_patch
from tests.bot.planner.conftest import Repo, assessment, inventory

HEREDOC = """resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = <<EOF
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOF
}
"""
DYNAMIC = """resource "aws_security_group" "web" {
  name        = "web"
  description = "web"

  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
"""
NO_DEFAULT = """variable "encrypted" {
  type = bool
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypted
}
"""
MODULE = """module "bucket" {
  source = "./modules/bucket"
  name   = "x"
}
"""
CASES = {
    "heredoc": (
        HEREDOC,
        "CKV_AWS_62",
        "aws_iam_policy.admin",
        {"iam_restrict_wildcard": {"allowed_actions": "s3:GetObject"}},
        "jsonencode",
    ),
    "dynamic": (
        DYNAMIC,
        "CKV_AWS_24",
        "aws_security_group.web",
        {"sg_restrict_ssh": {"admin_cidr": "10.0.0.0/8"}},
        "dynamic",
    ),
    "input_without_default": (NO_DEFAULT, "CKV_AWS_3", "aws_ebs_volume.data", {}, "var.encrypted has no default"),
    "module": (MODULE, "CKV2_AWS_6", "module.bucket", {}, "module"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unfixable_input_is_explained_and_untouched(repo: Repo, name: str) -> None:
    text, rule, address, params, word = CASES[name]
    root = repo({"main.tf": text})
    (result,) = plan_findings([assessment(rule, address)], inventory(root), root, RepoConfig(parameters=params))
    assert result.plan is None and result.unfixed is not None
    assert word in result.unfixed.reason
    assert (root / "main.tf").read_text() == text
    assert render_patch([result]) == ""


def test_malformed_file_is_explained_not_corrupted(repo: Repo) -> None:
    broken = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n'  # no closing brace
    root = repo({"main.tf": broken})
    fake = Resource(
        address="aws_s3_bucket.b",
        kind=IacKind.terraform,
        type="aws_s3_bucket",
        name="b",
        file="main.tf",
        line=LineSpan(start=1, end=2),
        byte_start=0,
        byte_end=len(broken),
    )
    inv = Inventory(root=str(root), resources=(fake,))
    (result,) = plan_findings([assessment("CKV_AWS_21", "aws_s3_bucket.b")], inv, root, RepoConfig())
    assert result.plan is None and result.unfixed is not None
    assert (root / "main.tf").read_text() == broken


def test_resource_file_outside_the_repository_is_refused(repo: Repo, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "evil.tf"
    outside.write_text('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n')
    root = repo({"main.tf": ""})
    fake = Resource(
        address="aws_s3_bucket.b",
        kind=IacKind.terraform,
        type="aws_s3_bucket",
        name="b",
        file="../" + outside.parent.name + "/evil.tf",
        line=LineSpan(start=1, end=3),
        byte_start=0,
        byte_end=10,
    )
    inv = Inventory(root=str(root), resources=(fake,))
    (result,) = plan_findings([assessment("CKV_AWS_21", "aws_s3_bucket.b")], inv, root, RepoConfig())
    assert result.unfixed is not None and "cannot read" in result.unfixed.reason
    assert "aws_s3_bucket_versioning" not in outside.read_text()


def test_bad_parameter_value_is_refused(repo: Repo) -> None:
    text = (
        'resource "aws_security_group_rule" "r" {\n  type        = "ingress"\n  from_port   = 22\n'
        '  to_port     = 22\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n'
    )
    root: Path = repo({"main.tf": text})
    config = RepoConfig(parameters={"sg_restrict_ssh": {"admin_cidr": "0.0.0.0/0"}})
    (result,) = plan_findings([assessment("CKV_AWS_24", "aws_security_group_rule.r")], inventory(root), root, config)
    assert result.unfixed is not None and "admin_cidr" in result.unfixed.reason


def test_non_utf8_file_is_never_rewritten(repo: Repo) -> None:
    root = repo({})
    raw = b'# caf\xe9\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'
    (root / "main.tf").write_bytes(raw)
    fake = Resource(
        address="aws_s3_bucket.b",
        kind=IacKind.terraform,
        type="aws_s3_bucket",
        name="b",
        file="main.tf",
        line=LineSpan(start=2, end=4),
        byte_start=8,
        byte_end=len(raw),
    )
    inv = Inventory(root=str(root), resources=(fake,))
    (result,) = plan_findings([assessment("CKV_AWS_21", "aws_s3_bucket.b")], inv, root, RepoConfig())
    assert result.plan is None and result.unfixed is not None and "cannot read" in result.unfixed.reason
    assert (root / "main.tf").read_bytes() == raw
