"""The span-splicing HCL editor: only the edited span changes, the file's own style is followed."""

from __future__ import annotations

import hcl2
import pytest

from bot.hcledit import (
    BlockSpec,
    EditRefused,
    add_block,
    append_sibling,
    ensure_attr,
    ensure_attrs,
    find_block,
    locate,
    quote,
    replace_value,
    syntax_problem,
)

BUCKET = ("resource", ("aws_s3_bucket", "b"))
SRC = """# header comment
resource "aws_s3_bucket" "b" {
  bucket = "x"   # trailing comment
  acl    = "public-read"

  tags = {
    team = "data" # owner
  }
}

/* untouched */
resource "aws_kms_key" "k" {}
"""


def test_locate_reads_attributes_and_nested_blocks() -> None:
    block = locate(SRC, BUCKET)
    attr = block.attr("acl")
    assert attr is not None and attr.value == '"public-read"'
    assert block.labels == ("aws_s3_bucket", "b") and block.indent == ""
    assert find_block(SRC.encode(), "resource", ("aws_s3_bucket", "missing")) is None
    with pytest.raises(EditRefused, match="not found"):
        locate(SRC, ("resource", ("aws_s3_bucket", "missing")))


def test_replacing_a_value_keeps_every_other_byte() -> None:
    out = ensure_attr(SRC, BUCKET, (), "acl", '"private"')
    assert out == SRC.replace('acl    = "public-read"', 'acl    = "private"')


def test_new_attribute_joins_the_aligned_group() -> None:
    out = ensure_attr(SRC, BUCKET, (), "id", '"x"')
    assert '  acl    = "public-read"\n  id     = "x"\n\n  tags' in out
    longer = ensure_attr(SRC, BUCKET, (), "force_destroy", "false")
    assert '  acl    = "public-read"\n\n  force_destroy = false\n\n  tags' in longer  # new group, others intact


def test_odd_alignment_is_left_alone() -> None:
    src = 'resource "aws_s3_bucket" "b" {\n  bucket   =   "x"\n  acl = "private"\n}\n'
    out = ensure_attr(src, BUCKET, (), "force_destroy", "false")
    assert out == src.replace('acl = "private"\n', 'acl = "private"\n  force_destroy = false\n')


def test_indentation_follows_the_file() -> None:
    src = 'resource "aws_s3_bucket" "b" {\n    bucket = "x"\n}\n'
    out = ensure_attr(src, BUCKET, ("versioning",), "enabled", "true")
    assert "\n\n    versioning {\n        enabled = true\n    }\n}\n" in out
    tabs = 'resource "aws_s3_bucket" "b" {\n\tbucket = "x"\n}\n'
    assert "\n\tversioning {\n\t\tenabled = true\n\t}\n" in ensure_attr(
        tabs, BUCKET, ("versioning",), "enabled", "true"
    )


def test_empty_block_gets_a_body() -> None:
    out = ensure_attr(SRC, ("resource", ("aws_kms_key", "k")), (), "enable_key_rotation", "true")
    assert out.endswith('resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n')
    assert out.startswith(SRC[: SRC.index('resource "aws_kms_key"')])


def test_several_attributes_make_one_aligned_block() -> None:
    out = ensure_attrs(SRC, BUCKET, ("logging",), (("target_bucket", '"logs"', None), ("target_prefix", '"b/"', None)))
    assert '  logging {\n    target_bucket = "logs"\n    target_prefix = "b/"\n  }\n}' in out


def test_sibling_is_appended_after_the_block() -> None:
    spec = BlockSpec(
        "resource",
        ("aws_s3_bucket_versioning", "b"),
        (("bucket", "aws_s3_bucket.b.id"), BlockSpec("versioning_configuration", items=(("status", '"Enabled"'),))),
    )
    out = append_sibling(SRC, locate(SRC, BUCKET), spec)
    head, _, tail = out.partition('resource "aws_s3_bucket_versioning" "b" {')
    assert head == SRC[: SRC.index("\n\n/* untouched */") + 1] + "\n"
    assert tail.startswith(
        '\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n'
    )
    assert hcl2.loads(out)


def test_edits_are_idempotent() -> None:
    once = ensure_attr(SRC, BUCKET, ("versioning",), "enabled", "true")
    assert ensure_attr(once, BUCKET, ("versioning",), "enabled", "true") == once


def test_heredoc_values_are_refused() -> None:
    src = 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{}\nEOF\n}\n'
    attr = locate(src, ("resource", ("aws_iam_policy", "p"))).attr("policy")
    assert attr is not None and attr.heredoc
    with pytest.raises(EditRefused, match="heredoc"):
        replace_value(src, attr, '"{}"')


def test_an_edit_that_would_not_parse_is_refused() -> None:
    with pytest.raises(EditRefused, match="would not parse"):
        ensure_attr(SRC, BUCKET, (), "acl", "[")
    one_line = 'resource "aws_kms_key" "k" { description = "x" }\n'
    with pytest.raises(EditRefused):
        ensure_attr(one_line, ("resource", ("aws_kms_key", "k")), (), "enable_key_rotation", "true")
    with pytest.raises(EditRefused):
        add_block(one_line, locate(one_line, ("resource", ("aws_kms_key", "k"))), BlockSpec("x"))


def test_quote_cannot_inject_interpolation_or_lines() -> None:
    value = 'a"b\\c${var.x}%{if}\nnext'
    quoted = quote(value)
    assert "\n" not in quoted and "${" not in quoted.replace("$${", "")
    src = f"locals {{\n  v = {quoted}\n}}\n"
    assert syntax_problem(src) is None
    assert hcl2.loads(src)["locals"][0]["v"].strip('"').startswith("a")


def test_crlf_files_stay_crlf() -> None:
    src = SRC.replace("\n", "\r\n")
    out = ensure_attr(src, BUCKET, ("versioning",), "enabled", "true")
    out = ensure_attr(out, BUCKET, (), "id", '"x"')
    assert "\n" not in out.replace("\r\n", "")
    assert out.replace("\r\n", "\n") == ensure_attr(
        ensure_attr(SRC, BUCKET, ("versioning",), "enabled", "true"), BUCKET, (), "id", '"x"'
    )


def test_blocks_missing_together_are_created_together() -> None:
    from bot.hcledit import ensure_tree

    wants = {
        ("encryption_config",): (("resources", '["secrets"]', None),),
        ("encryption_config", "provider"): (("key_arn", "var.key", None),),
    }
    out = ensure_tree(SRC, BUCKET, wants)
    assert (
        '  encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = var.key\n    }\n  }\n}'
        in out
    )
    assert ensure_tree(out, BUCKET, wants) == out
