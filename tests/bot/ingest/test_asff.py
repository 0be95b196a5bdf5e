"""Security Hub ASFF: GetFindings / BatchImportFindings / JSON Lines / single finding, made from
the ASFF examples in the Security Hub user guide (control findings and GuardDuty / Inspector ones)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bot.config import RepoConfig
from bot.ingest import asff, read_file
from bot.ingest.base import IngestContext
from bot.models.common import Level, Severity
from bot.models.finding import Finding

BUCKET_ARN = "arn:aws:s3:::acme-payments-prod-documents"
SG_ARN = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d4e5f60718"


def load(fixtures: Path, name: str) -> Any:
    return json.loads((fixtures / "asff" / name).read_text())


def ingest(data: Any, root: Path, name: str = "asff.json") -> tuple[list[Finding], list]:
    return asff.to_findings(data, IngestContext(root=root, input=name))


def test_get_findings_export_becomes_canonical_findings_about_live_assets(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "get_findings.json"), repo)
    got = [(f.rule_id, f.sources[0].rule_id, f.severity, f.asset) for f in findings]
    assert got == [
        ("CKV_AWS_20", "S3.2", Severity.critical, BUCKET_ARN),
        ("CKV2_AWS_6", "S3.8", Severity.high, BUCKET_ARN),
        ("CKV_AWS_24", "EC2.13", Severity.high, SG_ARN),
        ("CKV_AWS_62", "IAM.1", Severity.high, "arn:aws:iam::111122223333:policy/payments-deployer"),
        ("CKV_AWS_16", "RDS.3", Severity.medium, "arn:aws:rds:eu-west-1:111122223333:db:payments-ledger"),
        # EC2.19 (several high-risk ports) has no one-to-one checkov check: kept under its own id
        ("securityhub:EC2.19", "EC2.19", Severity.critical, SG_ARN),
    ]
    assert all(f.resource is None and f.file is None and f.source == "asff" for f in findings)
    assert [f.sources[0].pointer for f in findings] == [f"Findings[{i}]" for i in range(6)]
    # the archived S3.9 record is skipped with a note; the PASSED S3.5 control is simply not a finding
    assert [(e.kind, e.file, e.message) for e in errors] == [
        ("skipped", "asff.json", "Findings[6]: RecordState ARCHIVED: the finding is no longer current; skipped")]


def test_resource_details_and_tags_become_mapping_hints(repo: Path, fixtures: Path) -> None:
    findings, _ = ingest(load(fixtures, "get_findings.json"), repo)
    bucket, sg = findings[0], findings[2]
    assert bucket.asset_hints is not None and bucket.asset_hints.type == "AwsS3Bucket"
    assert bucket.asset_hints.tags == {"environment": "prod", "data_classification": "restricted"}
    assert sg.asset_hints is not None and sg.asset_hints.name == "payments-bastion"
    # one problem on one asset has one id, whatever the record's own Id
    assert len({f.id for f in findings}) == len(findings)


def test_batch_import_list_from_other_products_keeps_their_rule_and_exploitability(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "batch_import.json"), repo)
    assert errors == []
    guardduty, inspector = findings
    assert guardduty.rule_id == "guardduty:Recon:EC2-PortProbeUnprotectedPort"
    assert guardduty.sources[0].tool == "guardduty"
    assert guardduty.severity is Severity.low and guardduty.internet_exposed is True
    assert (inspector.rule_id, inspector.sources[0].tool) == ("inspector:CVE-2023-44487", "inspector")
    assert inspector.exploitability is Level.high and inspector.internet_exposed is None
    assert inspector.asset_hints is not None and inspector.asset_hints.tags == {"Name": "payments-api"}


def test_json_lines_and_single_finding_read_like_the_batch(repo: Path, fixtures: Path, tmp_path: Path) -> None:
    lines = read_file(repo, fixtures / "asff" / "findings.jsonl", RepoConfig())
    assert [(f.rule_id, f.sources[0].pointer) for f in lines[0]] == [("CKV_AWS_20", "[0]"), ("CKV2_AWS_6", "[1]")]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(load(fixtures, "get_findings.json")["Findings"][3]))
    found, errors = read_file(repo, single, RepoConfig())
    assert errors == [] and [(f.rule_id, f.sources[0].pointer) for f in found] == [("CKV_AWS_62", "$")]


def test_control_id_falls_back_to_product_fields_then_generator_id(repo: Path, fixtures: Path) -> None:
    base = load(fixtures, "get_findings.json")["Findings"][0]
    legacy = copy.deepcopy(base)
    del legacy["Compliance"]["SecurityControlId"]
    legacy["ProductFields"]["ControlId"] = "S3.3"
    generator = copy.deepcopy(base)
    del generator["Compliance"]
    generator["GeneratorId"] = "aws-foundational-security-best-practices/v/1.0.0/S3.4"
    findings, _ = ingest([legacy, generator], repo)
    assert [f.rule_id for f in findings] == ["CKV_AWS_57", "CKV_AWS_19"]


def test_malformed_and_partial_records_are_errors_naming_file_and_index(repo: Path, fixtures: Path) -> None:
    good = load(fixtures, "get_findings.json")["Findings"][0]
    no_resources = {k: v for k, v in good.items() if k != "Resources"}
    empty_resources = good | {"Resources": []}
    bad_resource = good | {"Resources": [{"Type": "AwsS3Bucket"}]}
    data = {"Findings": [no_resources, "not a finding", good, empty_resources, bad_resource]}
    findings, errors = ingest(data, repo, "export.json")
    assert [f.sources[0].pointer for f in findings] == ["Findings[2]"]
    assert [(e.kind, e.file) for e in errors] == [("ingest", "export.json")] * 4
    messages = [e.message for e in errors]
    assert messages[0].startswith("Findings[0]: Resources: Field required")
    assert messages[1].startswith("Findings[1]: record: ")
    assert messages[2].startswith("Findings[3]: Resources: List should have at least 1 item")
    assert messages[3].startswith("Findings[4]: Resources.0.Id: Field required")


def test_suppressed_or_resolved_workflow_is_skipped_with_a_note(repo: Path, fixtures: Path) -> None:
    good = load(fixtures, "get_findings.json")["Findings"][0]
    findings, errors = ingest([good | {"Workflow": {"Status": "SUPPRESSED"}}, good | {"Workflow": {"Status": "NEW"}}],
                              repo)
    assert len(findings) == 1
    assert [e.message for e in errors] == ["[0]: Workflow.Status SUPPRESSED: skipped"]


def test_untrusted_text_is_flattened_and_bounded(repo: Path, fixtures: Path) -> None:
    good = load(fixtures, "get_findings.json")["Findings"][0]
    evil = good | {"Title": "S3 public\n\n@everyone <script>" + "x" * 500}
    (finding,), _ = ingest(evil, repo)
    assert "\n" not in finding.title and len(finding.title) <= 300
    assert finding.title.startswith("S3 public @everyone")


@pytest.mark.parametrize(("data", "claimed"), [
    ({"Findings": []}, True),
    ({"Findings": [{"ProductArn": "arn:aws:securityhub:::product/aws/securityhub", "GeneratorId": "x"}]}, True),
    ({"findings": []}, False),
    ([{"Id": "x"}], False),
])
def test_detection_is_specific(data: Any, claimed: bool) -> None:
    assert asff.detect(data) is claimed
