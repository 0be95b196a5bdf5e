"""One raw-record validator for every source: a bad record is an error naming input, record, field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.ingest.base import IngestContext
from bot.ingest.registry import SOURCES


@pytest.mark.parametrize(
    ("source", "document", "expected"),
    [
        ("checkov", {"check_type": "terraform", "results": {"failed_checks": [{"check_id": 7}]}}, "check_id"),
        ("sarif", {"version": "2.1.0", "runs": [{"tool": "not a tool object"}]}, "runs[0]: tool"),
        ("asff", {"Findings": [{"SchemaVersion": "2018-10-08", "Id": 5}]}, "Findings[0]: "),
    ],
)
def test_a_bad_record_names_input_record_and_field(
    tmp_path: Path, source: str, document: object, expected: str
) -> None:
    ctx = IngestContext(root=tmp_path, input="findings.json")
    parse = next(s for s in SOURCES if s.name == source)
    _findings, errors = parse.to_findings(json.loads(json.dumps(document)), ctx)
    assert errors, f"{source}: a malformed record must become an error"
    assert all(e.file == "findings.json" for e in errors)
    assert any(expected in e.message for e in errors), [e.message for e in errors]
