"""Provider pins (lock file, exact `required_providers` pins) → the root module's `required_providers` block."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.config import RepoConfig
from bot.ingest import osv
from bot.ingest.base import IngestContext
from bot.inventory import build_inventory
from bot.mapping import MappingResult, map_findings
from bot.models.common import Level
from bot.models.finding import Finding
from bot.scan_stages import dedupe
from tests.harness.gitrepo import write_files


def lock(*providers: tuple[str, str]) -> str:
    return "".join(f'provider "registry.terraform.io/{name}" {{\n  version     = "{version}"\n'
                   f'  hashes = [\n    "h1:abc=",\n  ]\n}}\n\n' for name, version in providers)


def versions(entries: str) -> str:
    return f"terraform {{\n  required_providers {{\n{entries}  }}\n}}\n"


AWS = '    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n'
TLS = '    tls = {\n      source  = "hashicorp/tls"\n      version = "4.0.4"\n    }\n'


def advisory(provider: str, fixed: str) -> dict[str, Any]:
    return {"id": f"GHSA-{provider}", "modified": "2026-01-01T00:00:00Z", "affected": [{
        "package": {"ecosystem": "Go", "name": f"github.com/hashicorp/terraform-provider-{provider}"},
        "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": fixed}]}]}]}


def mapped(root: Path, *records: dict[str, Any]) -> tuple[list[Finding], MappingResult]:
    findings, _ = osv.to_findings(list(records), IngestContext(root=root, input="osv.json"))
    return findings, map_findings(findings, build_inventory(root, RepoConfig()))


def test_lock_file_pin_maps_to_the_required_providers_block_of_its_root_module(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "envs/dev/versions.tf": versions(AWS), "envs/dev/.terraform.lock.hcl": lock(("hashicorp/aws", "5.31.0")),
        "envs/prod/versions.tf": versions(AWS), "envs/prod/.terraform.lock.hcl": lock(("hashicorp/aws", "5.20.0")),
    })  # fmt: skip
    _, result = mapped(tmp_path, advisory("aws", "5.31.0"))
    (finding,) = result.mapped  # dev already selects the fix
    assert (finding.resource, finding.file) == ("envs/prod:terraform.required_providers", "envs/prod/versions.tf")
    assert finding.mapping is not None and finding.mapping.confidence is Level.high
    assert finding.mapping.detail == ("provider hashicorp/aws selected in envs/prod/.terraform.lock.hcl is "
                                      "required as `aws` in envs/prod/versions.tf:2")
    assert result.unmapped == ()


def test_two_providers_of_one_block_stay_two_findings(tmp_path: Path) -> None:
    write_files(tmp_path, {"versions.tf": versions(AWS + TLS),
                           ".terraform.lock.hcl": lock(("hashicorp/aws", "5.20.0"), ("hashicorp/tls", "4.0.4"))})
    findings, result = mapped(tmp_path, advisory("aws", "5.31.0"), advisory("tls", "4.0.5"))
    assert len(findings) == 3  # aws in the lock file; tls in the lock file and pinned exactly in versions.tf
    assert {f.resource for f in result.mapped} == {"terraform.required_providers"}
    merged = dedupe(result.mapped)  # tls: one problem reported at two pins is one finding
    assert sorted((f.upgrade.package, f.upgrade.fixed) for f in merged if f.upgrade) == [
        ("hashicorp/aws", "5.31.0"), ("hashicorp/tls", "4.0.5")]


def test_a_provider_no_block_requires_is_reported_with_the_reason(tmp_path: Path) -> None:
    write_files(tmp_path, {"versions.tf": versions(AWS), "main.tf": 'resource "aws_s3_bucket" "b" {}\n',
                           ".terraform.lock.hcl": lock(("hashicorp/aws", "5.20.0"), ("hashicorp/random", "3.6.0")),
                           "other/.terraform.lock.hcl": lock(("hashicorp/aws", "5.20.0"))})
    _, result = mapped(tmp_path, advisory("random", "3.6.1"), advisory("aws", "5.31.0"))
    assert [f.file for f in result.mapped] == ["versions.tf"]
    reasons = sorted(u.reason for u in result.unmapped)
    assert reasons == [
        "file '.terraform.lock.hcl' is not in the inventory (not a parsed IaC file); provider 'hashicorp/random' "
        "pinned in .terraform.lock.hcl has no required_providers entry in the root module .",
        "file 'other/.terraform.lock.hcl' is not in the inventory (not a parsed IaC file); provider 'hashicorp/aws' "
        "pinned in other/.terraform.lock.hcl has no required_providers entry in the root module other",
    ]


def test_the_settings_block_does_not_take_a_file_only_finding(tmp_path: Path) -> None:
    write_files(tmp_path, {"main.tf": versions(AWS) + 'resource "aws_s3_bucket" "b" {}\n'})
    finding = Finding(id="x", source="sarif", rule_id="CKV_AWS_21", title="t", file="main.tf")
    (got,) = map_findings([finding], build_inventory(tmp_path, RepoConfig())).mapped
    assert got.resource == "aws_s3_bucket.b" and got.mapping is not None and got.mapping.strategy == "file_only"
