"""Defender for Cloud: assessments and alerts REST list responses, made from the
Microsoft.Security assessments / alerts API reference examples."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from bot.ingest import defender
from bot.ingest.base import IngestContext
from bot.models.common import Level, Severity

SA = ("/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/payments-prod/providers/"
      "Microsoft.Storage/storageAccounts/acmepaymentsdocs")


def load(fixtures: Path, name: str) -> Any:
    return json.loads((fixtures / "defender" / name).read_text())


def ingest(data: Any, root: Path) -> tuple[list, list]:
    return defender.to_findings(data, IngestContext(root=root, input="defender.json"))


def test_unhealthy_assessments_become_findings_and_healthy_ones_do_not(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "assessments.json"), repo)
    assert errors == []
    assert [(f.rule_id, f.severity, f.asset) for f in findings] == [
        ("CKV_AZURE_59", Severity.medium, SA),
        ("CKV_AZURE_110", Severity.medium,
         "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/payments-prod/providers/"
         "Microsoft.KeyVault/vaults/acme-payments-kv"),
        ("defender:9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", Severity.medium, SA),  # no checkov equivalent
    ]
    assert findings[0].title == "Storage account public access should be disallowed"
    assert findings[0].asset_hints is not None and findings[0].asset_hints.type == "Microsoft.Storage/storageAccounts"
    assert findings[0].sources[0].pointer == "value[0]"


def test_alerts_open_ones_are_findings_dismissed_ones_are_noted(repo: Path, fixtures: Path) -> None:
    findings, errors = ingest(load(fixtures, "alerts.json"), repo)
    (alert,) = findings
    assert (alert.rule_id, alert.asset, alert.exploitability) == (
        "defender:Storage.Blob_AnonymousAccessAnomaly", SA, Level.high)
    assert [(e.kind, e.message) for e in errors] == [("skipped", "value[1]: alert status Dismissed: skipped")]


def test_malformed_and_partial_records_are_per_record_errors(repo: Path, fixtures: Path) -> None:
    value = load(fixtures, "assessments.json")["value"]
    no_status = copy.deepcopy(value[0])
    del no_status["properties"]["status"]
    no_id = copy.deepcopy(value[2])
    no_id["properties"]["resourceDetails"] = {"Source": "Azure"}
    alerts = load(fixtures, "alerts.json")["value"]
    no_resource = copy.deepcopy(alerts[0])
    no_resource["properties"]["resourceIdentifiers"] = []
    findings, errors = ingest([no_status, value[0], no_id, no_resource], repo)
    assert [f.sources[0].pointer for f in findings] == ["[1]"]
    assert [e.message for e in errors] == [
        "[0]: properties.status: Field required",
        "[2]: properties.resourceDetails.Id: missing",
        "[3]: properties.resourceIdentifiers: no azureResourceId",
    ]
    assert {e.file for e in errors} == {"defender.json"}


def test_detection() -> None:
    assert defender.detect({"value": [{"properties": {"alertType": "x"}}]})
    assert not defender.detect({"value": [{"properties": {}}]})
    assert not defender.detect({"value": []})
