"""SARIF 2.1.0 from checkov (real output), Trivy and KICS (hand-made in their documented shapes)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bot.errors import IngestError
from bot.ingest import checkov, sarif
from bot.ingest.base import IngestContext
from bot.models.common import Level, Severity
from bot.models.finding import Finding, fingerprint


def span(f: Finding) -> tuple[int, int]:
    assert f.line is not None
    return f.line.start, f.line.end


def load(fixtures: Path, name: str) -> Any:
    return json.loads((fixtures / name).read_text())


def ingest(data: Any, root: Path, name: str = "scan.sarif") -> tuple[list, list]:
    return sarif.to_findings(data, IngestContext(root=root, input=name))


def minimal(uri: str, base: str | None = None, bases: dict[str, Any] | None = None, **result: Any) -> Any:
    location: dict[str, Any] = {"uri": uri} | ({"uriBaseId": base} if base else {})
    res = {"ruleId": "CKV_AWS_21", "level": "error", "message": {"text": "m"},
           "locations": [{"physicalLocation": {"artifactLocation": location, "region": {"startLine": 1}}}]}
    run: dict[str, Any] = {"tool": {"driver": {"name": "tool"}}, "results": [res | result]}
    if bases:
        run["originalUriBaseIds"] = bases
    return {"version": "2.1.0", "runs": [run]}


def test_checkovs_own_sarif_gives_the_same_findings_as_its_json(repo: Path, fixtures: Path) -> None:
    from_sarif, errors = ingest(load(fixtures, "checkov.sarif"), repo)
    from_json, _ = checkov.to_findings(load(fixtures, "checkov.json"), IngestContext(root=repo, input="c.json"))
    assert errors == []
    assert sorted((f.rule_id, f.file, *span(f)) for f in from_sarif) == sorted(
        (f.rule_id, f.file, *span(f)) for f in from_json)
    assert all(f.resource is None and f.source == "sarif" for f in from_sarif)
    # checkov's SARIF says "error" for everything: the curated table is the better severity
    assert {f.rule_id: f.severity for f in from_sarif}["CKV_K8S_11"] is Severity.low
    assert from_sarif[0].sources[0].tool == "Checkov"
    assert from_sarif[0].sources[0].pointer == "runs[0].results[0]"


def test_trivy_sarif_is_canonicalised_and_uses_security_severity(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "trivy.sarif"), repo, "trivy.sarif")
    assert errors == []
    got = [(f.rule_id, f.severity, f.file, f.line.start, f.line.end) for f in findings]
    assert got == [
        ("CKV_AWS_21", Severity.medium, "main.tf", 1, 4),
        ("CKV_AWS_21", Severity.medium, "modules/store/main.tf", 1, 3),
        ("AVD-AWS-0107", Severity.critical, "main.tf", 12, 12),
        ("CKV_K8S_16", Severity.high, "k8s/app.yaml", 7, 10),
    ]
    assert findings[0].title == "S3 Data should be versioned"  # not Trivy's generic rule name
    assert [s.rule_id for f in findings for s in f.sources] == [
        "AVD-AWS-0090", "AVD-AWS-0090", "AVD-AWS-0107", "AVD-KSV-0017"]
    assert findings[0].sources[0].tool == "Trivy"


def test_kics_sarif_maps_query_ids_and_names_and_uses_the_rule_level(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "kics.sarif"), repo, "kics.sarif")
    assert errors == []
    got = [(f.rule_id, f.severity, f.file, f.line.start, f.title) for f in findings]
    assert got == [
        ("CKV_AWS_20", Severity.critical, "main.tf", 3, "S3 Bucket ACL Allows Read Or Write to All Users"),
        # unknown query: severity from the rule's defaultConfiguration level (error -> high)
        ("4bc4dd4c-7d8d-405e-a0fb-57fa4c31b4d9", Severity.high, "main.tf", 8,
         "Sensitive Port Is Exposed To Entire Network"),
        ("CKV_AWS_21", Severity.medium, "main.tf", 1, "S3 Bucket Without Versioning"),  # matched by name
    ]


def test_same_problem_from_checkov_and_trivy_is_anchored_identically(repo: Path, fixtures: Path) -> None:
    ck, _ = checkov.to_findings(load(fixtures, "checkov.json"), IngestContext(root=repo, input="c.json"))
    tv, _ = ingest(load(fixtures, "trivy.sarif"), repo, "trivy.sarif")
    for file in ("main.tf", "modules/store/main.tf"):
        a = next(f for f in ck if f.rule_id == "CKV_AWS_21" and f.file == file)
        b = next(f for f in tv if f.rule_id == "CKV_AWS_21" and f.file == file)
        assert (a.rule_id, a.file, span(a)[0]) == (b.rule_id, b.file, span(b)[0])
        assert fingerprint(a.rule_id, None, a.file, span(a)[0]) == b.id
        # once mapping resolves Trivy's finding to the block, it gets checkov's fingerprint
        assert fingerprint(b.rule_id, a.resource, b.file, span(b)[0]) == a.id


@pytest.mark.parametrize(("score", "severity"), [("9.8", Severity.critical), (7.0, Severity.high),
                                                 ("4", Severity.medium), ("0.1", Severity.low),
                                                 ("0", Severity.info)])
def test_security_severity_bands(repo: Path, score: Any, severity: Severity) -> None:
    data = minimal("main.tf", properties={"security-severity": score})
    [finding], _ = ingest(data, repo)
    assert finding.severity is severity


@pytest.mark.parametrize(("level", "severity"), [("error", Severity.high), ("warning", Severity.medium),
                                                 ("note", Severity.low), (None, Severity.medium)])
def test_level_is_the_fallback_for_unknown_rules(repo: Path, level: str | None, severity: Severity) -> None:
    data = minimal("main.tf", ruleId="X-1", level=level)
    [finding], _ = ingest(data, repo)
    assert finding.severity is severity


def test_pass_and_suppressed_results_are_not_findings(repo: Path) -> None:
    data = minimal("main.tf")
    run = data["runs"][0]
    base = run["results"][0]
    run["results"] = [base | {"kind": "pass"}, base | {"suppressions": [{"kind": "inSource"}]},
                      base | {"suppressions": [{"kind": "external", "status": "rejected"}]}]
    findings, errors = ingest(data, repo)
    assert len(findings) == 1 and errors == []


def test_uri_base_ids_resolve(repo: Path) -> None:
    relative = minimal("main.tf", "SRC", {"SRC": {"uri": "modules/store/"}})
    assert ingest(relative, repo)[0][0].file == "modules/store/main.tf"
    this_checkout = minimal("main.tf", "ROOT", {"ROOT": {"uri": repo.resolve().as_uri() + "/"}})
    assert ingest(this_checkout, repo)[0][0].file == "main.tf"
    other_machine = minimal("main.tf", "ROOT", {"ROOT": {"uri": "file:///home/ci/checkout/"}})
    assert ingest(other_machine, repo)[0][0].file == "main.tf"
    encoded = minimal("modules%2Fstore/main.tf")
    assert ingest(encoded, repo)[0][0].file == "modules/store/main.tf"


@pytest.mark.parametrize("uri", ["../x.tf", "file:///etc/passwd", "/etc/passwd", "https://evil.example/x.tf"])
def test_uris_leaving_the_repo_are_errors_and_the_rest_goes_on(repo: Path, uri: str) -> None:
    data = minimal("main.tf")
    bad = copy.deepcopy(data["runs"][0]["results"][0])
    bad["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = uri
    data["runs"][0]["results"].insert(0, bad)
    findings, errors = ingest(data, repo)
    assert [f.file for f in findings] == ["main.tf"]
    assert len(errors) == 1 and errors[0].kind == "path" and errors[0].file == "scan.sarif"
    assert "runs[0].results[0]" in errors[0].message and uri in errors[0].message


def test_a_result_without_location_is_kept_without_a_file(repo: Path) -> None:
    data = minimal("main.tf")
    data["runs"][0]["results"][0]["locations"] = []
    [finding], errors = ingest(data, repo)
    assert errors == [] and finding.file is None and finding.line is None


def test_resource_and_exploitability_only_when_clearly_given(repo: Path) -> None:
    data = minimal("main.tf", properties={"exploitability": "high"})
    data["runs"][0]["results"][0]["locations"][0]["logicalLocations"] = [
        {"fullyQualifiedName": "aws_s3_bucket.data", "kind": "resource"}]
    [finding], _ = ingest(data, repo)
    assert finding.resource == "aws_s3_bucket.data"
    assert finding.exploitability is Level.high
    assert finding.id == fingerprint("CKV_AWS_21", "aws_s3_bucket.data", "main.tf", 1)


def test_rule_found_by_index_or_id_and_missing_rule_id_is_an_error(repo: Path) -> None:
    data = minimal("main.tf")
    run = data["runs"][0]
    run["tool"]["driver"]["rules"] = [{"id": "R1", "shortDescription": {"text": "Rule one"}}]
    base = run["results"][0]
    no_id = {k: v for k, v in base.items() if k != "ruleId"}
    run["results"] = [no_id | {"ruleIndex": 0}, base | {"ruleId": "R1"}, no_id]
    findings, errors = ingest(data, repo)
    assert [(f.rule_id, f.title) for f in findings] == [("R1", "Rule one"), ("R1", "Rule one")]
    assert len(errors) == 1 and "runs[0].results[2]: result has no rule id" in errors[0].message


def test_unsupported_version_and_broken_runs(repo: Path) -> None:
    with pytest.raises(IngestError, match=r"SARIF version '2\.0\.0' is not supported"):
        ingest({"version": "2.0.0", "runs": []}, repo)
    findings, errors = ingest({"version": "2.1.0", "runs": [{"tool": {}}]}, repo)
    assert findings == [] and errors[0].message.startswith("runs[0]: tool.driver")
