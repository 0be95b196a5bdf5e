"""GCP Security Command Center: `gcloud scc findings list` and `listFindings`, made from the SCC
finding reference (Finding / ListFindingsResult) and its category list."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from bot.config import RepoConfig
from bot.ingest import read_file, scc
from bot.ingest.base import IngestContext
from bot.models.common import Level, Severity

BUCKET = "//storage.googleapis.com/acme-analytics-exports"
FIREWALL = "//compute.googleapis.com/projects/acme-prod/global/firewalls/allow-ssh-anywhere"


def load(fixtures: Path, name: str) -> Any:
    return json.loads((fixtures / "scc" / name).read_text())


def ingest(data: Any, root: Path) -> tuple[list, list]:
    return scc.to_findings(data, IngestContext(root=root, input="scc.json"))


def test_gcloud_list_export_maps_categories_and_skips_inactive(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "gcloud_list.json"), repo)
    assert [(f.rule_id, f.sources[0].rule_id, f.severity, f.asset) for f in findings] == [
        ("CKV_GCP_114", "PUBLIC_BUCKET_ACL", Severity.high, BUCKET),
        ("CKV_GCP_29", "BUCKET_POLICY_ONLY_DISABLED", Severity.medium, BUCKET),
        ("CKV_GCP_2", "OPEN_SSH_PORT", Severity.high, FIREWALL),
        ("scc:OPEN_FIREWALL", "OPEN_FIREWALL", Severity.high, FIREWALL),  # no one-to-one checkov check
    ]
    assert [f.internet_exposed for f in findings] == [True, None, True, True]
    hint = findings[0].asset_hints
    assert hint is not None and (hint.type, hint.name, hint.namespace) == (
        "google.cloud.storage.Bucket", "acme-analytics-exports", "acme-prod")
    assert [(e.kind, e.message) for e in errors] == [
        ("skipped", "[4]: state INACTIVE: the finding is no longer active; skipped")]


def test_list_findings_response_reads_cve_exploitation_activity(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "list_findings.json"), repo)
    assert errors == []
    vuln, ssh = findings
    assert vuln.rule_id == "scc:GKE_RUNTIME_OS_VULNERABILITY" and vuln.severity is Severity.critical
    assert vuln.exploitability is Level.high
    assert ssh.sources[0].pointer == "listFindingsResults[1]"


def test_json_lines_bare_findings_and_muted(repo: Path, fixtures: Path, tmp_path: Path) -> None:
    items = load(fixtures, "gcloud_list.json")
    muted = copy.deepcopy(items[2])
    muted["finding"]["mute"] = "MUTED"
    path = tmp_path / "scc.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in [items[0]["finding"], muted, items[3]]) + "\n")
    findings, errors = read_file(repo, path, RepoConfig())
    assert [f.sources[0].rule_id for f in findings] == ["PUBLIC_BUCKET_ACL", "OPEN_FIREWALL"]
    assert [e.message for e in errors] == ["[1]: muted in Security Command Center; skipped"]


def test_malformed_and_partial_records_are_per_record_errors(repo: Path, fixtures: Path) -> None:
    items = load(fixtures, "gcloud_list.json")
    no_category = copy.deepcopy(items[0])
    del no_category["finding"]["category"]
    bad_resource = copy.deepcopy(items[1]) | {"resource": ["not", "an", "object"]}
    findings, errors = ingest([no_category, items[2], 7, bad_resource], repo)
    assert [f.sources[0].rule_id for f in findings] == ["OPEN_SSH_PORT"]
    assert [e.message.split(":")[0] for e in errors] == ["[0]", "[2]", "[3]"]
    assert errors[0].message.startswith("[0]: finding.category: Field required") and errors[0].file == "scc.json"
    assert errors[2].message.startswith("[3]: resource: ")


def test_detection() -> None:
    assert scc.detect({"listFindingsResults": []})
    assert not scc.detect({"findings": []})
    assert not scc.detect([{"finding": "x"}])
