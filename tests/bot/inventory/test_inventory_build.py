"""build_inventory over a whole repository: discovery, skips, per-file errors, unique addresses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.inventory import build_inventory, glob_match, plain_address
from bot.models.resource import Inventory

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"


@pytest.fixture(scope="module")
def inventory() -> Inventory:
    return build_inventory(FIXTURE, RepoConfig())


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    return root


def test_iac_files_are_found_by_content_and_others_skipped(inventory: Inventory) -> None:
    assert inventory.files == (
        "charts/web/templates/deployment.yaml",
        "envs/prod/main.tf",
        "envs/staging/broken.tf",
        "envs/staging/main.tf",
        "k8s/base/app.yaml",
        "k8s/base/list.yaml",
        "modules/store/main.tf",
        "overlays/prod/patch.yaml",
    )  # no workflow, docker-compose or Helm values.yaml


def test_malformed_file_is_an_error_and_the_rest_is_still_inventoried(inventory: Inventory) -> None:
    errors = {(e.kind, e.file, e.line) for e in inventory.errors}
    assert ("parse", "envs/staging/broken.tf", 3) in errors
    assert ("templated", "charts/web/templates/deployment.yaml", None) in errors
    assert len(inventory.errors) == 2
    files = {r.file for r in inventory.resources}
    assert "envs/staging/broken.tf" not in files
    assert {"envs/staging/main.tf", "modules/store/main.tf", "k8s/base/list.yaml"} <= files


def test_same_address_in_two_places_is_qualified_and_unique(inventory: Inventory) -> None:
    addresses = [r.address for r in inventory.resources]
    assert len(addresses) == len(set(addresses))
    assert "envs/prod:aws_s3_bucket.payments" in addresses
    assert "envs/staging:aws_s3_bucket.payments" in addresses
    assert "k8s/base:Deployment.payments-prod.web" in addresses
    assert "overlays/prod:Deployment.payments-prod.web" in addresses
    assert "aws_s3_bucket_policy.payments" in addresses  # unique ones stay as scanners print them
    by = inventory.by_address()
    assert plain_address(by["envs/prod:aws_s3_bucket.payments"]) == "aws_s3_bucket.payments"
    assert plain_address(by["data.aws_ami.base"]) == "data.aws_ami.base"
    # a reference inside envs/prod points at the envs/prod copy
    assert by["aws_s3_bucket_policy.payments"].references == ("envs/prod:aws_s3_bucket.payments",)


def test_ignored_and_tool_directories_are_not_walked(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    for skipped in (".terraform/modules/x", "node_modules/pkg", ".venv-tools/lib", ".git/x", "vendor/mod"):
        (root / skipped).mkdir(parents=True)
        (root / skipped / "main.tf").write_text('resource "aws_s3_bucket" "hidden" {}\n')
    inv = build_inventory(root, RepoConfig(ignore_paths=["vendor/**", "envs/staging"]))
    assert not any("hidden" in r.address for r in inv.resources)
    assert not any(f.startswith(("envs/staging", "vendor")) for f in inv.files)
    assert all(e.file != "envs/staging/broken.tf" for e in inv.errors)


def test_oversized_file_is_refused_with_a_size_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "big.tf").write_text('resource "aws_s3_bucket" "big" {\n' + "  # pad\n" * 400 + "}\n")
    inv = build_inventory(root, RepoConfig(max_file_bytes=2000))
    size = [e for e in inv.errors if e.kind == "size"]
    assert [e.file for e in size] == ["big.tf"]
    assert "2000-byte cap" in size[0].message
    assert "aws_s3_bucket.big" not in inv.by_address()


def test_symlinks_leaving_the_repository_are_path_errors(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.tf").write_text('resource "aws_s3_bucket" "outside" {}\n')
    os.symlink(outside / "secret.tf", root / "link.tf")
    os.symlink(outside, root / "linked_dir")
    os.symlink(root / "modules" / "store" / "main.tf", root / "inside_link.tf")
    inv = build_inventory(root, RepoConfig())
    paths = sorted(e.file or "" for e in inv.errors if e.kind == "path")
    assert paths == ["link.tf", "linked_dir"]
    assert "aws_s3_bucket.outside" not in {plain_address(r) for r in inv.resources}
    assert "inside_link.tf" not in inv.files  # its target is inventoried under its own path
    assert "aws_s3_bucket.this" in inv.by_address()


def test_malformed_manifest_mid_repo_is_an_error_and_the_rest_is_inventoried(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "k8s" / "base" / "zz-bad.yaml").write_text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n"
                                                     "  labels: {app: x\n")
    inv = build_inventory(root, RepoConfig())
    bad = [e for e in inv.errors if e.file == "k8s/base/zz-bad.yaml"]
    assert [(e.kind, e.line) for e in bad] == [("parse", 5)]
    assert "Pod.default.x" not in inv.by_address()
    assert "Service.payments-prod.web" in inv.by_address()
    assert "k8s/base/zz-bad.yaml" in inv.files


def test_non_utf8_file_is_a_parse_error(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "latin.tf").write_bytes(b'resource "aws_s3_bucket" "caf\xe9" {}\n')
    inv = build_inventory(root, RepoConfig())
    assert any(e.kind == "parse" and e.file == "latin.tf" and "UTF-8" in e.message for e in inv.errors)


def test_yaml_that_does_not_look_like_kubernetes_is_skipped_even_if_broken(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "notes.yaml").write_text("title: [unclosed\n")
    (root / "helm-values.yaml").write_text("image: {{ .Values.image }}\n")
    inv = build_inventory(root, RepoConfig())
    assert not any(e.file in ("notes.yaml", "helm-values.yaml") for e in inv.errors)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("vendor/**", "vendor/a/b.tf", True),
        ("vendor", "vendor/a/b.tf", True),
        ("envs/*/main.tf", "envs/prod/main.tf", True),
        ("envs/*/main.tf", "envs/prod/x/main.tf", False),
        ("**/test/**", "a/test/b.tf", True),
        ("*.tf", "a/b.tf", False),
        ("envs/prod", "envs/production/main.tf", False),
    ],
)
def test_glob_match(pattern: str, path: str, expected: bool) -> None:
    assert glob_match(pattern, path) is expected
