"""checkov JSON read from a file (the fixture was produced by the real checkov on the fixture repo)."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.errors import IngestError
from bot.ingest import checkov
from bot.ingest.base import IngestContext
from bot.models.common import Severity
from bot.models.finding import fingerprint
from tests.harness.modelstate import model_state, revalidated

EXPECTED = {  # (rule, resource, file, first line) of every failed check in checkov.json
    ("CKV_K8S_11", "Pod.default.p", "k8s/app.yaml", 1),
    ("CKV_K8S_16", "Pod.default.p", "k8s/app.yaml", 1),
    ("CKV_K8S_21", "Pod.default.p", "k8s/app.yaml", 1),
    ("CKV_K8S_11", "Deployment.shop.web", "k8s/app.yaml", 12),
    ("CKV_AWS_24", "aws_security_group.ssh", "main.tf", 6),
    ("CKV2_AWS_6", "aws_s3_bucket.data", "main.tf", 1),
    ("CKV2_AWS_6", "module.store.aws_s3_bucket.inner", "modules/store/main.tf", 1),
    ("CKV_AWS_20", "aws_s3_bucket.data", "main.tf", 1),
    ("CKV_AWS_21", "aws_s3_bucket.data", "main.tf", 1),
    ("CKV_AWS_21", "module.store.aws_s3_bucket.inner", "modules/store/main.tf", 1),
}


def load(fixtures: Path) -> Any:
    return json.loads((fixtures / "checkov.json").read_text())


def ingest(data: Any, root: Path) -> tuple[list, list]:
    return checkov.to_findings(data, IngestContext(root=root, input="checkov.json"))


def test_every_failed_check_becomes_a_finding(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures), repo)
    assert errors == []
    got = {(f.rule_id, f.resource, f.file, f.line.start) for f in findings}
    assert got == EXPECTED
    assert len(findings) == len(EXPECTED)


def test_finding_fields_carry_checkov_data(repo: Path, fixtures: Path) -> None:
    findings, _ = ingest(load(fixtures), repo)
    ssh = next(f for f in findings if f.rule_id == "CKV_AWS_24")
    assert ssh.title == "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22"
    assert ssh.severity is Severity.critical  # offline checkov gives none: curated table
    assert (ssh.line.start, ssh.line.end) == (6, 14)
    assert ssh.source == "checkov"
    assert ssh.exploitability.value == "unknown"
    assert ssh.id == fingerprint("CKV_AWS_24", "aws_security_group.ssh", "main.tf", 6)
    ref = ssh.sources[0]
    assert (ref.tool, ref.rule_id, ref.input) == ("checkov", "CKV_AWS_24", "checkov.json")
    assert ref.pointer is not None and ref.pointer.startswith("[1].results.failed_checks[")
    assert ref.raw["resource"] == "aws_security_group.ssh"


def test_fingerprints_are_stable_across_reads_and_distinct_per_resource(repo: Path, fixtures: Path) -> None:
    first, _ = ingest(load(fixtures), repo)
    second, _ = ingest(load(fixtures), repo)
    assert [f.id for f in first] == [f.id for f in second]
    assert len({f.id for f in first}) == len(first)


def test_severity_from_checkov_is_kept_when_present(repo: Path, fixtures: Path) -> None:
    data = load(fixtures)
    data[1]["results"]["failed_checks"][0]["severity"] = "LOW"
    findings, _ = ingest(data, repo)
    assert findings[4].rule_id == "CKV_AWS_24" and findings[4].severity is Severity.low


def test_single_framework_dict_and_empty_summary_shapes(repo: Path, fixtures: Path) -> None:
    terraform = load(fixtures)[1]
    findings, _ = ingest(terraform, repo)
    assert {f.file for f in findings} == {"main.tf", "modules/store/main.tf"}
    empty = {"passed": 0, "failed": 0, "skipped": 0, "parsing_errors": 0, "resource_count": 0,
             "checkov_version": "3.3.30"}
    assert checkov.detect(empty)
    assert ingest(empty, repo) == ([], [])
    mixed = [empty, terraform]
    assert checkov.detect(mixed) and not checkov.detect([empty])
    assert len(ingest(mixed, repo)[0]) == len(findings)


def test_a_bad_record_is_an_error_and_the_rest_goes_on(repo: Path, fixtures: Path) -> None:
    data = load(fixtures)
    del data[1]["results"]["failed_checks"][0]["check_id"]
    findings, errors = ingest(data, repo)
    assert len(findings) == len(EXPECTED) - 1
    assert len(errors) == 1 and errors[0].kind == "ingest"
    assert errors[0].file == "checkov.json"
    assert "[1].results.failed_checks[0]" in errors[0].message and "check_id" in errors[0].message


def test_not_a_checkov_report_is_an_ingest_error(repo: Path) -> None:
    with pytest.raises(IngestError, match="not a checkov JSON report"):
        ingest({"check_type": "terraform", "results": {"failed_checks": "nope"}}, repo)


def _with_paths(data: Any, paths: list[str]) -> Any:
    out = copy.deepcopy(data)
    checks = out[1]["results"]["failed_checks"]
    for i, path in enumerate(paths):
        checks[i]["file_path"] = path
    return out


def test_paths_leaving_the_repo_are_errors_naming_the_path(repo: Path, fixtures: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.tf"
    outside.write_text('resource "aws_s3_bucket" "x" {}\n')
    os.symlink(outside, repo / "link.tf")
    data = _with_paths(load(fixtures), ["../x.tf", "/etc/passwd", "/link.tf", str(outside)])
    findings, errors = ingest(data, repo)
    assert len(findings) == len(EXPECTED) - 4
    assert [e.kind for e in errors] == ["path"] * 4
    for err, raw in zip(errors, ["../x.tf", "/etc/passwd", "/link.tf", str(outside)], strict=True):
        assert repr(raw) in err.message
        assert err.file == "checkov.json"
    assert all(f.file in {"main.tf", "modules/store/main.tf", "k8s/app.yaml"} for f in findings)


def test_absolute_paths_inside_the_repo_are_accepted(repo: Path, fixtures: Path) -> None:
    data = _with_paths(load(fixtures), [str(repo / "main.tf")])
    findings, errors = ingest(data, repo)
    assert errors == []
    assert {f.file for f in findings} == {"main.tf", "modules/store/main.tf", "k8s/app.yaml"}


def test_untrusted_text_is_bounded_and_single_line(repo: Path, fixtures: Path) -> None:
    data = load(fixtures)
    data[1]["results"]["failed_checks"][0]["check_name"] = "evil\n\x1b[31m@admin " + "x" * 1000
    findings, _ = ingest(data, repo)
    title = findings[4].title
    assert "\n" not in title and "\x1b" not in title
    assert len(title) <= 300


def test_findings_equal_what_validation_builds(repo: Path, fixtures: Path) -> None:
    """Findings are built without re-validation: the same values, field order and set fields."""
    findings, _ = ingest(load(fixtures), repo)
    assert findings
    for f in findings:
        assert model_state(f) == model_state(revalidated(f))
        assert f.model_fields_set == {"id", "source", "rule_id", "title", "severity", "resource", "file", "line",
                                      "sources"}


def test_one_bad_record_among_many_still_gives_each_good_record(repo: Path, fixtures: Path) -> None:
    data = load(fixtures)
    records = data[1]["results"]["failed_checks"]
    records[-1]["file_line_range"] = ["x", 2]  # invalid: the batch check fails, records are checked one by one
    findings, errors = ingest(data, repo)
    assert len(findings) == len(EXPECTED) - 1
    assert len(errors) == 1 and f"[1].results.failed_checks[{len(records) - 1}]" in errors[0].message
    good, _ = ingest(load(fixtures), repo)
    by_pointer = {f.sources[0].pointer: f for f in good}
    assert all(model_state(f) == model_state(by_pointer[f.sources[0].pointer]) for f in findings)


@pytest.mark.parametrize("bad", [["not a record"], [{1: "non-str key"}], "not a list", ({"check_id": "X"},)])
def test_report_shapes_parse_as_validation_says(fixtures: Path, bad: Any) -> None:
    """Record lists are kept uncopied only when validation would accept them unchanged."""
    data = load(fixtures)
    assert [r.model_dump() for _, r in checkov.parse_reports(data, "c.json")] == [
        checkov.CheckovReport.model_validate(item).model_dump() for item in data
    ]
    data[1]["results"]["passed_checks"] = bad
    try:
        expected: Any = [checkov.CheckovReport.model_validate(item).model_dump() for item in data]
    except ValueError:
        expected = IngestError
    if expected is IngestError:
        with pytest.raises(IngestError, match=r"c\.json: not a checkov JSON report"):
            checkov.parse_reports(data, "c.json")
    else:
        assert [r.model_dump() for _, r in checkov.parse_reports(data, "c.json")] == expected
