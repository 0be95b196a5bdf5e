"""Terraform parsing: addresses, exact spans, values, tags, references, templating, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.inventory.hcl_values import Expression
from bot.inventory.terraform import aws_provider_major, constraint_major, parse_terraform

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"
MAIN = FIXTURE / "envs" / "prod" / "main.tf"


@pytest.fixture(scope="module")
def prod() -> dict:
    parsed = parse_terraform(MAIN.read_bytes(), "envs/prod/main.tf")
    assert parsed.errors == []
    return {r.address: r for r in parsed.resources}


def test_every_resource_data_and_module_block_is_found_and_comments_are_not(prod: dict) -> None:
    assert list(prod) == [
        "terraform.required_providers",
        "aws_s3_bucket.payments",
        "aws_s3_bucket_policy.payments",
        "aws_instance.workers",
        "aws_security_group.ssh",
        "aws_s3_bucket.per_region",
        "data.aws_ami.base",
        "module.store",
    ]
    assert prod["data.aws_ami.base"].type == "aws_ami"
    assert prod["module.store"].type == "module" and prod["module.store"].name == "store"


def test_required_providers_is_a_resource_spanning_its_block(prod: dict) -> None:
    block = prod["terraform.required_providers"]
    assert (block.type, block.name, block.file) == ("terraform", "required_providers", "envs/prod/main.tf")
    assert (block.line.start, block.line.end) == (3, 8)
    assert MAIN.read_bytes()[block.byte_start : block.byte_end].decode().startswith("required_providers {")
    assert block.attributes == {"aws": {"source": "hashicorp/aws", "version": "~> 4.67"}}
    assert block.references == () and not block.templated


def test_terraform_block_without_required_providers_is_not_a_resource() -> None:
    src = b'terraform {\n  required_version = ">= 1.5"\n  backend "s3" {}\n}\nterraform {}\n'
    parsed = parse_terraform(src, "versions.tf")
    assert parsed.resources == [] and parsed.errors == []


def test_spans_are_exact_lines_and_bytes_despite_odd_spacing(prod: dict) -> None:
    src = MAIN.read_bytes()
    bucket = prod["aws_s3_bucket.payments"]
    assert (bucket.line.start, bucket.line.end) == (14, 34)
    text = src[bucket.byte_start : bucket.byte_end].decode()
    assert text.startswith('resource   "aws_s3_bucket"    "payments"   {')
    assert text.endswith("}") and text.count("{") == text.count("}")
    module = prod["module.store"]
    assert src[module.byte_start : module.byte_end].decode().splitlines()[0] == 'module "store" {'


def test_attributes_are_plain_values_with_nested_blocks_as_lists(prod: dict) -> None:
    attrs = prod["aws_s3_bucket.payments"].attributes
    assert attrs["bucket"] == "payments-data-prod"
    assert attrs["force_destroy"] is False
    assert attrs["versioning"] == [{"enabled": True}]
    rule = attrs["server_side_encryption_configuration"][0]["rule"][0]
    assert rule["apply_server_side_encryption_by_default"] == [{"sse_algorithm": "aws:kms"}]
    workers = prod["aws_instance.workers"].attributes
    assert workers["count"] == 3
    assert workers["ami"] == "data.aws_ami.base.id"  # non-literal: kept as source text
    sg = prod["aws_security_group.ssh"].attributes
    assert sg["name"] == '"ssh-${var.suffix}"'
    assert sg["dynamic"][0]["ingress"]["content"][0]["cidr_blocks"] == ["0.0.0.0/0"]


def test_indented_heredoc_is_unindented_text(prod: dict) -> None:
    policy = prod["aws_s3_bucket_policy.payments"].attributes["policy"]
    assert policy.splitlines()[0] == "{"
    assert '  "Version": "2012-10-17",' in policy.splitlines()
    assert policy.endswith("}\n")


def test_tags_from_literal_map_and_from_merge_literals(prod: dict) -> None:
    assert prod["aws_s3_bucket.payments"].tags == {
        "Environment": "production",
        "data_classification": "restricted",
        "team": "payments",
    }
    assert prod["aws_instance.workers"].tags == {"Name": "worker"}
    assert prod["aws_s3_bucket.per_region"].tags == {}
    src = b'resource "aws_x" "a" {\n  tags = {\n    Environment = var.env\n    Owner = "${var.team}"\n' \
          b'    Tier = "gold"\n  }\n}\n'
    (res,) = parse_terraform(src, "x.tf").resources
    assert res.tags == {"Tier": "gold"}  # expressions are not tag values
    assert isinstance(res.attributes["tags"]["Environment"], Expression)


def test_references_name_other_blocks_but_not_vars_locals_or_iterators(prod: dict) -> None:
    assert prod["aws_s3_bucket_policy.payments"].references == ("aws_s3_bucket.payments",)
    assert prod["aws_instance.workers"].references == ("data.aws_ami.base",)
    assert prod["aws_security_group.ssh"].references == ()  # var.*, ingress.value
    src = b'resource "aws_x" "a" {\n  depends_on = [module.net, aws_y.b]\n  v = "${aws_z.c.arn}/x"\n}\n'
    (res,) = parse_terraform(src, "x.tf").resources
    assert res.references == ("module.net", "aws_y.b", "aws_z.c")


def test_count_for_each_and_dynamic_mark_the_block_templated(prod: dict) -> None:
    templated = {a for a, r in prod.items() if r.templated}
    assert templated == {"aws_instance.workers", "aws_security_group.ssh", "aws_s3_bucket.per_region"}


@pytest.mark.parametrize(
    ("src", "line"),
    [
        (b'resource "a_b" "c" {\n  bucket = "x"\n  acl    =\n}\n', 3),  # missing value
        (b'resource "a_b" "c" {\n  x = [1, 2\n}\n', 2),  # unclosed list
        (b'resource "a_b" "c" {\n  x = 1\n}\n}\nresource "a_b" "d" {}\n', 4),  # stray brace
        (b'resource "a_b" "c" {\n  x = 1\n', 2),  # unclosed block at end of file
        (b'resource "a_b" "c" {\n  x = 1\n}\nresource "a_b" "d" { x = 1 y = 2 }\n', 4),  # tree-sitter accepts
        (b'resource "a_b" "c" {\n  x = 1\n}\n\nresource "a_b" {\n}\n', 5),  # one label short
    ],
)
def test_malformed_hcl_is_one_parse_error_with_line_and_no_resources(src: bytes, line: int) -> None:
    parsed = parse_terraform(src, "dir/bad.tf")
    assert parsed.resources == []
    (error,) = parsed.errors
    assert (error.kind, error.file, error.line) == ("parse", "dir/bad.tf", line)
    assert error.message.startswith(f"dir/bad.tf:{line}: malformed HCL")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_aws_provider_major_from_required_providers(tmp_path: Path) -> None:
    assert aws_provider_major(FIXTURE, "envs/prod") == 4  # "~> 4.67"
    _write(tmp_path / "a" / "versions.tf", 'terraform {\n  required_providers {\n    aws = {\n'
           '      source  = "hashicorp/aws"\n      version = ">= 5.0, < 6.0"\n    }\n  }\n}\n')
    assert aws_provider_major(tmp_path, "a") == 5


def test_lock_file_wins_over_constraints(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "versions.tf", 'terraform {\n  required_providers {\n'
           '    aws = { source = "hashicorp/aws", version = ">= 4.0" }\n  }\n}\n')
    _write(tmp_path / "a" / ".terraform.lock.hcl", 'provider "registry.terraform.io/hashicorp/aws" {\n'
           '  version     = "5.31.0"\n  constraints = ">= 4.0"\n}\n')
    assert aws_provider_major(tmp_path, "a") == 5


def test_provider_major_unknown_when_the_repository_does_not_say(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "main.tf", 'resource "aws_s3_bucket" "b" {}\n')
    assert aws_provider_major(tmp_path, "a") is None
    assert aws_provider_major(tmp_path, "missing") is None
    assert aws_provider_major(tmp_path, "../..") is None  # never looks outside the repository
    assert constraint_major('required_providers {\n  aws = { version = "< 6.0" }\n}\n') is None
    assert constraint_major('required_providers {\n  google = { version = "~> 5.0" }\n}\n') is None
