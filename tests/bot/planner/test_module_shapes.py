"""Module-style Terraform: count / for_each / dynamic, values from variables, locals and module
calls, and fixes of different resources that meet in one file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bot.config import RepoConfig
from bot.models.plan import UnfixedCategory
from bot.models.report import Assessment
from bot.planner import plan_findings, render_patch
from tests.bot.planner.conftest import Repo, assessment, inventory


def _plan(root: Path, *items: Assessment) -> list[Assessment]:
    return plan_findings(list(items), inventory(root), root, RepoConfig())


def _applied(root: Path, planned: list[Assessment]) -> None:
    """The patch of every planned fix applies with `git apply` (the files on disk change)."""
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "apply", "-"], cwd=root, input=render_patch(planned), text=True, check=True)


def test_an_attribute_fix_on_a_counted_resource_applies_to_every_instance(repo: Repo) -> None:
    text = 'resource "aws_ebs_volume" "v" {\n  count = var.create ? 1 : 0\n\n  availability_zone = "a"\n  size = 8\n}\n'
    root = repo({"main.tf": text})
    (a,) = _plan(root, assessment("CKV_AWS_3", "aws_ebs_volume.v"))
    assert a.plan is not None
    _applied(root, [a])
    assert "count = var.create ? 1 : 0" in (root / "main.tf").read_text()
    assert "encrypted = true" in (root / "main.tf").read_text()


def test_a_new_sibling_follows_a_counted_bucket(repo: Repo) -> None:
    root = repo({"main.tf": 'resource "aws_s3_bucket" "b" {\n  count  = var.create ? 1 : 0\n  bucket = "x"\n}\n'})
    (a,) = _plan(root, assessment("CKV_AWS_21", "aws_s3_bucket.b"))
    _applied(root, [a])
    out = (root / "main.tf").read_text()
    assert "count  = length(aws_s3_bucket.b)" in out
    assert "bucket = aws_s3_bucket.b[count.index].id" in out


def test_a_new_sibling_follows_a_for_each_bucket(repo: Repo) -> None:
    text = 'resource "aws_s3_bucket" "b" {\n  for_each = toset(["a", "b"])\n  bucket   = "x-${each.key}"\n}\n'
    root = repo({"main.tf": text})
    (a,) = _plan(root, assessment("CKV_AWS_21", "aws_s3_bucket.b"))
    _applied(root, [a])
    out = (root / "main.tf").read_text()
    assert 'for_each = toset(["a", "b"])\n  bucket   = aws_s3_bucket.b[each.key].id' in out
    again = _plan(root, assessment("CKV_AWS_21", "aws_s3_bucket.b"))[0]
    assert again.unfixed is not None and again.unfixed.category is UnfixedCategory.already_compliant


MODULE_MAIN = """resource "aws_s3_bucket" "this" {
  count  = var.create ? 1 : 0
  bucket = var.name
}

resource "aws_s3_bucket_public_access_block" "this" {
  count = var.create ? 1 : 0

  bucket                  = aws_s3_bucket.this[0].id
  block_public_acls       = var.block_public_acls
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"""
MODULE_VARS = """variable "create" {
  type    = bool
  default = true
}

variable "name" {
  type = string
}

variable "block_public_acls" {
  description = "Block public ACLs"
  type        = bool
  default     = false
}
"""


def test_a_value_from_a_variable_is_fixed_at_its_default_not_in_the_resource(repo: Repo) -> None:
    root = repo({"modules/s3/main.tf": MODULE_MAIN, "modules/s3/variables.tf": MODULE_VARS,
                 "main.tf": 'module "a" {\n  source = "./modules/s3"\n  name   = "a"\n}\n'})
    found = assessment("CKV_AWS_53", "aws_s3_bucket_public_access_block.this", "modules/s3/main.tf")
    (a,) = _plan(root, found)
    assert a.plan is not None and a.plan.changed_files == ("modules/s3/variables.tf",)
    assert any("main.tf module.a" in n for n in a.plan.notes)  # the callers the module fix affects
    _applied(root, [a])
    assert (root / "modules/s3/main.tf").read_text() == MODULE_MAIN  # var.block_public_acls stays
    assert "default     = true" in (root / "modules/s3/variables.tf").read_text()


def test_a_value_a_caller_passes_is_fixed_at_the_call(repo: Repo) -> None:
    caller = ('module "a" {\n  source            = "./modules/s3"\n  name              = "a"\n'
              '  block_public_acls = false\n}\n')
    root = repo({"modules/s3/main.tf": MODULE_MAIN, "modules/s3/variables.tf": MODULE_VARS, "main.tf": caller})
    (a,) = _plan(root, assessment("CKV_AWS_53", "aws_s3_bucket_public_access_block.this", "modules/s3/main.tf"))
    _applied(root, [a])
    assert "block_public_acls = true" in (root / "main.tf").read_text()
    assert (root / "modules/s3/variables.tf").read_text() == MODULE_VARS  # every caller sets it


def test_a_value_through_two_module_levels_is_fixed_where_it_is_set(repo: Repo) -> None:
    db = 'resource "aws_db_instance" "this" {\n  count = var.create ? 1 : 0\n\n  storage_encrypted = var.encrypted\n}\n'
    service = 'module "db" {\n  source    = "../db"\n  create    = true\n  encrypted = var.db_encrypted\n}\n'
    root = repo({
        "modules/db/main.tf": db,
        "modules/db/variables.tf": 'variable "create" {}\n\nvariable "encrypted" {\n  default = false\n}\n',
        "modules/service/main.tf": service,
        "modules/service/variables.tf": 'variable "db_encrypted" {\n  default = false\n}\n',
        "live/prod/main.tf": 'module "a" {\n  source       = "../../modules/service"\n  db_encrypted = true\n}\n\n'
                             'module "b" {\n  source = "../../modules/service"\n}\n',
    })
    (a,) = _plan(root, assessment("CKV_AWS_16", "aws_db_instance.this", "modules/db/main.tf"))
    assert a.plan is not None
    _applied(root, [a])
    assert "default = true" in (root / "modules/service/variables.tf").read_text()  # module.b relies on it
    assert "default = false" in (root / "modules/db/variables.tf").read_text()  # its one caller sets it
    assert "storage_encrypted = var.encrypted" in (root / "modules/db/main.tf").read_text()


def test_a_value_from_a_local_is_fixed_at_the_local(repo: Repo) -> None:
    text = ('locals {\n  days = 3\n}\n\nresource "aws_cloudwatch_log_group" "g" {\n  name              = "g"\n'
            '  retention_in_days = local.days\n}\n')
    root = repo({"main.tf": text})
    (a,) = _plan(root, assessment("CKV_AWS_338", "aws_cloudwatch_log_group.g"))
    _applied(root, [a])
    out = (root / "main.tf").read_text()
    assert "days = 365" in out and "retention_in_days = local.days" in out


DYNAMIC_IMDS = """resource "aws_instance" "i" {
  ami           = "ami-1"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = var.metadata_options
    content {
      http_endpoint = "enabled"
      http_tokens   = TOKENS
    }
  }
}
"""


def test_a_fix_inside_a_dynamic_block_edits_its_content(repo: Repo) -> None:
    root = repo({"main.tf": DYNAMIC_IMDS.replace("TOKENS", '"optional"')})
    (a,) = _plan(root, assessment("CKV_AWS_79", "aws_instance.i"))
    _applied(root, [a])
    out = (root / "main.tf").read_text()
    assert 'http_tokens   = "required"' in out and "metadata_options {" not in out.replace('"metadata_options" {', "")


def test_a_value_read_from_a_dynamic_element_names_the_input(repo: Repo) -> None:
    root = repo({"main.tf": DYNAMIC_IMDS.replace("TOKENS", "metadata_options.value.tokens")})
    (a,) = _plan(root, assessment("CKV_AWS_79", "aws_instance.i"))
    assert a.unfixed is not None and a.unfixed.category is UnfixedCategory.not_in_this_file
    assert "var.metadata_options" in a.unfixed.reason


def test_a_computed_value_is_never_overwritten(repo: Repo) -> None:
    text = 'resource "aws_db_instance" "d" {\n  storage_encrypted = var.env == "prod"\n}\n'
    root = repo({"main.tf": text})
    (a,) = _plan(root, assessment("CKV_AWS_16", "aws_db_instance.d"))
    assert a.unfixed is not None and a.unfixed.category is UnfixedCategory.not_in_this_file
    assert 'var.env == "prod"' in a.unfixed.reason


SHARED = """variable "flag" {
  default = null
}

resource "aws_ebs_volume" "one" {
  availability_zone = "a"
  size              = 8
  encrypted         = var.flag
}

resource "aws_ebs_volume" "two" {
  availability_zone = "a"
  size              = 8
  encrypted         = var.flag
}

resource "aws_db_instance" "db" {
  publicly_accessible = var.flag
}
"""


def test_one_default_two_fixes_need_is_one_change(repo: Repo) -> None:
    root = repo({"main.tf": SHARED})
    planned = _plan(root, assessment("CKV_AWS_3", "aws_ebs_volume.one"), assessment("CKV_AWS_3", "aws_ebs_volume.two"))
    assert all(a.plan is not None for a in planned)
    _applied(root, planned)
    assert (root / "main.tf").read_text() == SHARED.replace("default = null", "default = true")


def test_fixes_that_change_the_same_lines_leave_the_later_one_unfixed(repo: Repo) -> None:
    root = repo({"main.tf": SHARED})
    first, later = _plan(root, assessment("CKV_AWS_3", "aws_ebs_volume.one"),
                         assessment("CKV_AWS_17", "aws_db_instance.db"))
    assert first.plan is not None
    assert later.unfixed is not None and later.unfixed.category is UnfixedCategory.overlaps
    assert "aws_ebs_volume.one" in later.unfixed.reason
    _applied(root, [first, later])  # the patch still applies: every fix that composes
    assert "default = true" in (root / "main.tf").read_text()


def test_the_fallback_of_a_lookup_is_the_default_to_fix(repo: Repo) -> None:
    text = ('resource "aws_kms_key" "k" {\n  for_each = var.keys\n\n  description         = each.key\n'
            '  enable_key_rotation = lookup(each.value, "rotation", false)\n}\n')
    root = repo({"main.tf": text})
    (a,) = _plan(root, assessment("CKV_AWS_7", "aws_kms_key.k"))
    assert a.plan is not None and any("inputs that set it keep their value" in n for n in a.plan.notes)
    _applied(root, [a])
    assert 'enable_key_rotation = lookup(each.value, "rotation", true)' in (root / "main.tf").read_text()


def test_a_root_value_from_tfvars_is_not_overridden_by_a_default(repo: Repo) -> None:
    text = ('variable "encrypted" {\n  default = false\n}\n\nresource "aws_ebs_volume" "v" {\n'
            '  availability_zone = "a"\n  size              = 8\n  encrypted         = var.encrypted\n}\n')
    root = repo({"main.tf": text, "terraform.tfvars": "encrypted = false\n"})
    (a,) = _plan(root, assessment("CKV_AWS_3", "aws_ebs_volume.v"))
    assert a.unfixed is not None and a.unfixed.category is UnfixedCategory.not_in_this_file
    assert "terraform.tfvars" in a.unfixed.reason


def test_no_rewriter_overwrites_an_input_with_a_literal(repo: Repo) -> None:
    text = ('resource "aws_instance" "i" {\n  ami = "ami-1"\n\n  root_block_device {\n'
            '    encrypted = var.root_encrypted\n  }\n}\n')
    root = repo({"main.tf": text})
    (a,) = _plan(root, assessment("CKV_AWS_8", "aws_instance.i"))
    assert a.unfixed is not None and a.unfixed.category is UnfixedCategory.not_in_this_file
    assert "var.root_encrypted" in a.unfixed.reason and render_patch([a]) == ""


def test_the_plan_names_every_call_chain_a_module_fix_reaches(repo: Repo) -> None:
    db = 'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n  size              = 8\n}\n'
    root = repo({
        "modules/db/main.tf": db,
        "modules/service/main.tf": 'module "db" {\n  source = "../db"\n}\n',
        "live/prod/main.tf": 'module "a" {\n  source = "../../modules/service"\n}\n',
        "live/dev/main.tf": 'module "b" {\n  source = "../../modules/service"\n}\n',
    })
    (a,) = _plan(root, assessment("CKV_AWS_3", "aws_ebs_volume.v", "modules/db/main.tf"))
    assert a.plan is not None and a.plan.changed_files == ("modules/db/main.tf",)  # fixed once
    (note,) = a.plan.notes
    assert "live/prod/main.tf module.a.module.db" in note and "live/dev/main.tf module.b.module.db" in note


def test_a_default_fixed_in_another_crlf_bom_file_keeps_its_format(repo: Repo) -> None:
    root = repo({"modules/s3/main.tf": MODULE_MAIN, "modules/s3/variables.tf": MODULE_VARS,
                 "main.tf": 'module "a" {\n  source = "./modules/s3"\n  name   = "a"\n}\n'})
    variables = root / "modules/s3/variables.tf"
    variables.write_bytes("\ufeff".encode() + MODULE_VARS.replace("\n", "\r\n").encode())
    (a,) = _plan(root, assessment("CKV_AWS_53", "aws_s3_bucket_public_access_block.this", "modules/s3/main.tf"))
    assert a.plan is not None and a.plan.changed_files == ("modules/s3/variables.tf",)
    _applied(root, [a])
    after = variables.read_bytes()
    assert after.startswith("\ufeff".encode()) and b"default     = true\r\n" in after
    assert after.count(b"\n") == after.count(b"\r\n")
