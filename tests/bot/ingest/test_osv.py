"""OSV advisories (GitHub advisory database records in OSV form) evaluated against the versions
a repository pins: registry modules, providers in the lock file / required_providers, image tags."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.ingest import osv
from bot.ingest.base import IngestContext
from bot.inventory.pins import find_pins
from bot.models.common import Severity
from bot.scan_stages import ScanRequest, scan
from tests.harness.gitrepo import write_files
from tests.harness.pinned import FILES


@pytest.fixture
def pinned(tmp_path: Path) -> Path:
    write_files(tmp_path / "repo", FILES)
    return tmp_path / "repo"


def advisories(fixtures: Path) -> Any:
    return json.loads((fixtures / "osv" / "advisories.json").read_text())


def test_pins_of_a_repository(pinned: Path) -> None:
    got = sorted((p.kind, p.package, p.version, p.file, p.line, p.resource) for p in find_pins(pinned))
    assert got == [
        ("image", "ghcr.io/acme/payments-api", "1.42.0", "k8s/api.yaml", 1, "Deployment.default.api"),
        ("module", "terraform-aws-modules/vpc/aws", "3.14.0", "infra/main.tf", 1, "module.vpc"),
        ("provider", "hashicorp/aws", "5.20.0", "infra/.terraform.lock.hcl", 3, None),
        ("provider", "hashicorp/random", "3.6.0", "infra/.terraform.lock.hcl", 11, None),
        ("provider", "hashicorp/tls", "4.0.4", "infra/versions.tf", 9, None),
    ]


def test_advisories_become_findings_on_the_affected_pins(pinned: Path, fixtures: Path) -> None:
    findings, errors = osv.to_findings(advisories(fixtures), IngestContext(root=pinned, input="osv.json"))
    got = [(f.rule_id, f.sources[0].rule_id, f.severity, f.resource, f.file, f.upgrade.fixed if f.upgrade else None)
           for f in findings]
    assert got == [
        ("FIXBOT_VULNERABLE_PROVIDER", "GHSA-7x2p-qv3m-5f9c", Severity.medium, None, "infra/.terraform.lock.hcl",
         "5.31.0"),
        ("FIXBOT_VULNERABLE_MODULE", "GHSA-4c9f-8hq2-wr3m", Severity.high, "module.vpc", "infra/main.tf", "3.19.0"),
        ("FIXBOT_VULNERABLE_MODULE", "GHSA-9m3q-2rvx-c7jw", Severity.critical, "module.vpc", "infra/main.tf",
         "3.18.1"),
        ("FIXBOT_VULNERABLE_IMAGE", "OSV-2026-1182", Severity.critical, "Deployment.default.api", "k8s/api.yaml",
         "1.42.3"),
    ]
    assert findings[0].line is not None and findings[0].line.start == 3  # the lock file's version line
    assert findings[1].title.startswith("GHSA-4c9f-8hq2-wr3m in terraform-aws-modules/vpc/aws 3.14.0: ")
    assert [(e.kind, e.message) for e in errors] == [
        ("skipped", "$: 1 advisory record(s) affect no version pinned in the repository (5 pin(s) checked)")]


def test_scan_merges_advisories_on_one_pin_into_one_upgrade(pinned: Path, fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "osv.json"
    path.write_text(json.dumps({"vulns": advisories(fixtures)}))
    report = scan(ScanRequest(root=pinned, findings_files=(path,), run_checkov=False))
    module = next(a.finding for a in report.assessments if a.finding.resource == "module.vpc")
    assert module.upgrade is not None and module.upgrade.fixed == "3.19.0"  # fixes both advisories
    assert sorted(s.rule_id for s in module.sources) == ["GHSA-4c9f-8hq2-wr3m", "GHSA-9m3q-2rvx-c7jw"]
    assert module.severity is Severity.critical
    assert {a.finding.resource for a in report.assessments} == {
        "module.vpc", "Deployment.default.api", "terraform.required_providers"}
    provider = next(a.finding for a in report.assessments if a.finding.resource == "terraform.required_providers")
    assert (provider.file, provider.upgrade) == ("infra/versions.tf", module.upgrade.model_copy(
        update={"package": "hashicorp/aws", "current": "5.20.0", "fixed": "5.31.0"}))
    assert provider.mapping is not None and provider.mapping.strategy == "provider_pin"
    assert report.unmapped == ()


def test_a_locked_provider_no_block_requires_stays_unmapped(pinned: Path, tmp_path: Path) -> None:
    record = {"id": "GHSA-r4nd-0000-0001", "modified": "2026-01-01T00:00:00Z", "affected": [{
        "package": {"ecosystem": "Go", "name": "github.com/hashicorp/terraform-provider-random"},
        "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "3.6.1"}]}]}]}
    path = tmp_path / "osv.json"
    path.write_text(json.dumps([record]))
    report = scan(ScanRequest(root=pinned, findings_files=(path,), run_checkov=False))
    assert report.assessments == ()
    (random,) = report.unmapped  # selected in the lock file, required nowhere: reported, not guessed
    assert random.finding.file == "infra/.terraform.lock.hcl"
    assert ("provider 'hashicorp/random' pinned in infra/.terraform.lock.hcl has no required_providers entry "
            "in the root module infra") in random.reason


def test_range_forms_and_explicit_versions(pinned: Path) -> None:
    def record(affected: dict[str, Any]) -> dict[str, Any]:
        return {"id": "X-1", "modified": "2026-01-01T00:00:00Z", "affected": [affected]}

    pkg = {"ecosystem": "Go", "name": "github.com/terraform-aws-modules/terraform-aws-vpc"}
    last = record({"package": pkg, "ranges": [{"type": "SEMVER", "events": [{"introduced": "3.14.0"},
                                                                             {"last_affected": "3.14.0"}]}]})
    listed = record({"package": pkg, "versions": ["3.13.0", "3.14.0"]})
    git = record({"package": pkg, "ranges": [{"type": "GIT", "repo": "x", "events": [{"introduced": "0"}]}]})
    ctx = IngestContext(root=pinned, input="osv.json")
    for data, count in ((last, 1), (listed, 1), (git, 0)):
        findings, _ = osv.to_findings(data, ctx)
        assert len(findings) == count
    (no_fix,), _ = osv.to_findings(listed, ctx)
    assert no_fix.upgrade is not None and no_fix.upgrade.fixed is None


def test_osv_scanner_output_and_malformed_records(pinned: Path, fixtures: Path) -> None:
    good = advisories(fixtures)[1]
    data = {"results": [{"source": {"path": "x"}, "packages": [{"package": {"name": "vpc"}, "vulnerabilities": [
        {"id": "BAD-1", "modified": "2026-01-01T00:00:00Z", "affected": []},
        {"id": "BAD-2", "modified": "2026-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "Go"}}]},
        good]}]}]}
    assert osv.detect(data)
    findings, errors = osv.to_findings(data, IngestContext(root=pinned, input="scan.json"))
    assert [f.sources[0].pointer for f in findings] == ["results[0].packages[0].vulnerabilities[2]"]
    assert [e.message for e in errors] == [
        "results[0].packages[0].vulnerabilities[0]: affected: List should have at least 1 item after validation, "
        "not 0",
        "results[0].packages[0].vulnerabilities[1]: affected.0.package.name: Field required",
    ]
    assert {e.file for e in errors} == {"scan.json"}


def test_detection() -> None:
    assert osv.detect({"vulns": []})
    assert not osv.detect({"id": "x", "affected": []})  # no modified / schema_version: not claimed
