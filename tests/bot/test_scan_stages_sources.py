"""One problem on one resource reported by checkov, Trivy (SARIF) and Security Hub (ASFF) is one
finding with three sources, on the demo repository's payments bucket; every ASFF record is mapped
to the Terraform block that defines its resource."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli.main import main
from bot.models.common import Level, Severity
from bot.models.finding import Finding, MappingNote, SourceRef
from bot.scan_stages import ScanRequest, dedupe, scan
from tests.harness.gitrepo import DEMO_REPO

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ASFF = FIXTURES / "asff" / "get_findings.json"
FALCO = FIXTURES / "falco" / "events.jsonl"
BUCKET = "aws_s3_bucket.payments"


def by_rule_and_resource(report: dict[str, Any]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in report["findings"]:
        out.setdefault((f["rule_id"], f["resource"]), []).append(f)
    return out


@pytest.fixture(scope="module")
def hermetic_report() -> dict[str, Any]:
    files = (FIXTURES / "demo" / "checkov_payments.json", FIXTURES / "demo" / "trivy_payments.sarif", ASFF, FALCO)
    return scan(ScanRequest(root=DEMO_REPO, findings_files=files, run_checkov=False)).report().to_json()


def test_checkov_trivy_and_security_hub_become_one_finding_per_problem(hermetic_report: dict[str, Any]) -> None:
    found = by_rule_and_resource(hermetic_report)
    (pab,) = found[("CKV2_AWS_6", BUCKET)]
    assert pab["sources"] == ["Trivy", "checkov", "securityhub"]
    assert pab["rule_ids"] == ["AVD-AWS-0094", "CKV2_AWS_6", "S3.8"]
    assert pab["severity"] == "high"  # Trivy said low, checkov and Security Hub high: the highest is kept
    assert pab["asset"] == "arn:aws:s3:::acme-payments-prod-documents"
    (acl,) = found[("CKV_AWS_20", BUCKET)]
    assert acl["sources"] == ["checkov", "securityhub"] and acl["severity"] == "critical"
    assert all(len(group) == 1 for group in found.values())


def test_every_security_hub_record_lands_on_its_terraform_block(hermetic_report: dict[str, Any]) -> None:
    hub = {(f["rule_id"], f["resource"], f["file"], f["line"]) for f in hermetic_report["findings"]
           if "securityhub" in f["sources"]}
    assert hub == {
        ("CKV_AWS_20", BUCKET, "terraform/prod/storage.tf", 4),
        ("CKV2_AWS_6", BUCKET, "terraform/prod/storage.tf", 4),
        ("CKV_AWS_24", "aws_security_group.bastion", "terraform/prod/network.tf", 78),
        ("CKV_AWS_62", "aws_iam_policy.deployer", "terraform/prod/iam.tf", 49),
        ("CKV_AWS_16", "aws_db_instance.ledger", "terraform/prod/storage.tf", 44),
        ("securityhub:EC2.19", "aws_security_group.bastion", "terraform/prod/network.tf", 78),
    }
    assert hermetic_report["unmapped"] == []
    mappings = {f["rule_id"]: f["mapping"] for f in hermetic_report["findings"] if f["source"] == "asff"}
    assert mappings["CKV_AWS_62"]["strategy"] == "arn" and mappings["CKV_AWS_62"]["confidence"] == "high"
    assert mappings["CKV_AWS_24"] == {"strategy": "arn", "confidence": "medium", "detail": (
        "aws_security_group named 'payments-bastion' (the source's resource name of "
        "'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d4e5f60718')")}
    # the archived record is said once; Falco's host-level alert names no workload
    assert [e["kind"] for e in hermetic_report["errors"]] == ["skipped", "ingest"]


def test_falco_pods_land_on_their_deployment(hermetic_report: dict[str, Any]) -> None:
    falco = [(f["rule_id"], f["resource"], f["mapping"]["strategy"], f["exploitability"])
             for f in hermetic_report["findings"] if f["source"] == "falco"]
    assert sorted(falco) == [
        ("CKV_K8S_16", "Deployment.default.payments-api", "k8s_workload", "high"),
        ("falco:Terminal shell in container", "Deployment.default.payments-api", "k8s_workload", "high"),
    ]


def test_dedupe_keeps_every_source_and_the_strongest_hints() -> None:
    def f(source: str, sev: Severity, **extra: Any) -> Finding:
        return Finding(id="same", source=source, rule_id="CKV_AWS_20", title=source, severity=sev, resource=BUCKET,
                       sources=(SourceRef(source=source, tool=source, rule_id=source),), **extra)

    note = MappingNote(strategy="arn", confidence=Level.high, detail="d")
    (merged,) = dedupe([f("checkov", Severity.high), f("asff", Severity.high, asset="arn:aws:s3:::b", mapping=note,
                                                         exploitability=Level.high), f("sarif", Severity.low)])
    assert [s.tool for s in merged.sources] == ["checkov", "asff", "sarif"]
    assert (merged.source, merged.asset, merged.exploitability, merged.mapping) == (
        "checkov", "arn:aws:s3:::b", Level.high, note)


@pytest.mark.checkov
def test_fixbot_scan_with_real_checkov_deduplicates_each_security_hub_record(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(DEMO_REPO), "--findings", str(ASFF), "--findings", str(FALCO), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    hub = [f for f in report["findings"] if "securityhub" in f["sources"]]
    assert sorted((f["rule_id"], f["resource"], "checkov" in f["sources"]) for f in hub) == [
        ("CKV2_AWS_6", BUCKET, True),
        ("CKV_AWS_16", "aws_db_instance.ledger", True),
        ("CKV_AWS_20", BUCKET, True),
        ("CKV_AWS_24", "aws_security_group.bastion", True),
        ("CKV_AWS_62", "aws_iam_policy.deployer", True),
        ("securityhub:EC2.19", "aws_security_group.bastion", False),
    ]
    (privileged,) = by_rule_and_resource(report)[("CKV_K8S_16", "Deployment.default.payments-api")]
    assert privileged["sources"] == ["checkov", "falco"] and privileged["exploitability"] == "high"
    assert all(len(group) == 1 for group in by_rule_and_resource(report).values())


def test_dedupe_of_many_duplicates_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect 6: 8,000 duplicate records took 93 s (pairwise source comparisons, one copy per record).

    Counted, not timed: merging must copy each finding once and never compare sources pairwise.
    """
    records = [Finding(id=f"f{i % 50}", source="sarif", rule_id="R", title="t", severity=Severity.low,
                       resource=BUCKET, sources=(SourceRef(source="sarif", tool="t", rule_id="R", pointer=str(i)),))
               for i in range(8000)]
    copies: list[int] = []
    real_copy = Finding.model_copy
    monkeypatch.setattr(Finding, "model_copy", lambda self, **kw: copies.append(1) or real_copy(self, **kw))
    monkeypatch.setattr(SourceRef, "__eq__", lambda self, other: pytest.fail("pairwise source comparison"))
    merged = dedupe(records)
    assert len(merged) == 50 and all(len(f.sources) == 160 for f in merged)
    assert len(copies) == 50
