from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.errors import InputError
from bot.ingest import collect, read_file
from bot.ingest.base import Source
from bot.ingest.reader import parse_json_text
from bot.ingest.registry import SOURCES, detect_source

FIXTURE_FORMATS = {"checkov.json": "checkov", "checkov.sarif": "sarif", "trivy.sarif": "sarif", "kics.sarif": "sarif",
                   "asff/get_findings.json": "asff", "asff/batch_import.json": "asff", "asff/findings.jsonl": "asff",
                   "scc/gcloud_list.json": "scc", "scc/list_findings.json": "scc",
                   "defender/assessments.json": "defender", "defender/alerts.json": "defender",
                   "falco/events.jsonl": "falco", "falco/k8s_audit.json": "falco", "osv/advisories.json": "osv",
                   "demo/checkov_payments.json": "checkov", "demo/trivy_payments.sarif": "sarif"}


@pytest.mark.parametrize(("name", "expected"), sorted(FIXTURE_FORMATS.items()))
def test_every_fixture_is_claimed_by_exactly_one_source(fixtures: Path, name: str, expected: str) -> None:
    data = parse_json_text((fixtures / name).read_text(), name)  # JSON or JSON Lines
    assert [s.name for s in SOURCES if s.detect(data)] == [expected]
    assert detect_source(data, name).name == expected


def test_every_registered_source_has_a_fixture() -> None:
    assert {s.name for s in SOURCES} == set(FIXTURE_FORMATS.values())


def test_source_names_are_unique_and_duplicates_are_refused() -> None:
    names = [s.name for s in SOURCES]
    assert len(names) == len(set(names))
    twice = (*SOURCES, Source("checkov", lambda _d: False, SOURCES[0].to_findings))
    with pytest.raises(ValueError, match="duplicate findings source names: checkov"):
        detect_source({}, "x.json", twice)


@pytest.mark.parametrize("data", [{"findings": []}, [], [{"check_type": "terraform"}], "text", 42,
                                  {"runs": "nope"}, [{"rule": "a"}, {"rule": "b"}]])
def test_unknown_formats_name_the_file(data: object) -> None:
    with pytest.raises(InputError) as exc:
        detect_source(data, "findings/odd.json")
    assert "findings/odd.json: unknown findings format (known: checkov, sarif, asff, scc, defender, falco, osv)" in str(
        exc.value)


def test_collect_reads_every_file_without_checkov(repo: Path, fixtures: Path) -> None:
    files = [fixtures / "checkov.json", fixtures / "trivy.sarif", fixtures / "kics.sarif"]
    stages: list[str] = []
    result = collect(repo, files, run_checkov=False, config=RepoConfig(), progress=stages.append)
    assert result.errors == ()
    assert len(result.findings) == 10 + 4 + 3
    assert {f.source for f in result.findings} == {"checkov", "sarif"}
    assert {f.sources[0].input for f in result.findings} == {str(f) for f in files}
    assert stages == ["reading checkov.json", "reading trivy.sarif", "reading kics.sarif"]


def test_collect_keeps_per_record_errors_and_goes_on(repo: Path, fixtures: Path, tmp_path: Path) -> None:
    data = json.loads((fixtures / "trivy.sarif").read_text())
    data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "../../x.tf"
    path = tmp_path / "trivy-edited.sarif"
    path.write_text(json.dumps(data))
    result = collect(repo, [path], run_checkov=False, config=RepoConfig())
    assert len(result.findings) == 3
    assert [(e.kind, e.file) for e in result.errors] == [("path", str(path))]
    assert "'../../x.tf'" in result.errors[0].message


def test_collect_refuses_an_oversized_file(repo: Path, fixtures: Path) -> None:
    limit = r"above the 1000-byte findings-file limit \(max_findings_bytes\)"
    with pytest.raises(InputError, match=rf"checkov\.json: findings file is \d+ bytes, {limit}"):
        collect(repo, [fixtures / "checkov.json"], run_checkov=False, config=RepoConfig(max_findings_bytes=1000))


def test_the_source_file_cap_does_not_limit_findings_files(repo: Path, fixtures: Path) -> None:
    result = collect(repo, [fixtures / "checkov.json"], run_checkov=False, config=RepoConfig(max_file_bytes=1000))
    assert result.findings


def test_collect_malformed_or_unknown_file_is_an_input_error_naming_it(repo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.sarif"
    broken.write_text('{"version": "2.1.0",\n "runs": [,]}')
    with pytest.raises(InputError, match=r"broken\.sarif:2: malformed JSON"):
        collect(repo, [broken], run_checkov=False, config=RepoConfig())
    odd = tmp_path / "odd.json"
    odd.write_text('{"Results": []}')
    with pytest.raises(InputError, match=r"odd\.json: unknown findings format"):
        read_file(repo, odd, RepoConfig())
