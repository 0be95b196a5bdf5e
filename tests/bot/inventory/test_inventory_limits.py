"""Defect 10: one file nested too deeply is an `errors` entry; the rest of the scan goes on."""

from __future__ import annotations

from pathlib import Path

from bot.config import RepoConfig
from bot.inventory import build_inventory
from tests.harness.gitrepo import write_files

OK = 'resource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n}\n'


def test_deeply_nested_hcl_becomes_an_error_entry(tmp_path: Path) -> None:
    depth = 2000
    deep = 'resource "aws_s3_bucket" "deep" {\n  tags = ' + "{ a = " * depth + "1" + " }" * depth + "\n}\n"
    write_files(tmp_path, {"ok.tf": OK, "deep.tf": deep,
                           "k8s/deep.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\ndata:\n  x: "
                           + "[" * depth + "]" * depth + "\n"})
    inv = build_inventory(tmp_path, RepoConfig())
    assert "aws_s3_bucket.ok" in {r.address for r in inv.resources}
    assert "aws_s3_bucket.deep" not in {r.address for r in inv.resources}
    assert any(e.file == "deep.tf" and "nested too deeply" in e.message for e in inv.errors)
    assert "k8s/deep.yaml" in inv.files  # read (or an error entry), never a crash of the scan


def test_a_number_python_cannot_hold_is_an_error_entry(tmp_path: Path) -> None:
    write_files(tmp_path, {"ok.tf": OK, "k8s/big.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n"
                           "data:\n  x: " + "9" * 5000 + "\n"})
    inv = build_inventory(tmp_path, RepoConfig())
    assert "aws_s3_bucket.ok" in {r.address for r in inv.resources}
    assert any(e.file == "k8s/big.yaml" and "unreadable value" in e.message for e in inv.errors)
