"""GCP Security Command Center findings: raw models and `to_findings()`.

Accepted shapes: `gcloud scc findings list --format=json` (a list of `{"finding", "resource"}`
results, or one per line), the API's `listFindings` response (`{"listFindingsResults": [...]}`),
a notification (`{"notificationConfigName", "finding", "resource"}`) and a bare finding. The
category (`PUBLIC_BUCKET_ACL`) is the rule, aliased as `scc:<category>` in bot/data/rules.json;
the asset is `finding.resourceName` (`//storage.googleapis.com/my-bucket`). Inactive and muted
findings are skipped with a note. `findingClass`, `attackExposure.score` and the CVE's
exploitation activity give the exploitability hint; `PUBLIC_*`/`OPEN_*` categories, exposure.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from bot.ingest.base import IngestContext, SourceOutput, clean_text, excerpt
from bot.ingest.cloud import Raw, canonical, finding, hints, note, records, severity, shaped_list, validate
from bot.models.common import ErrorEntry, Level, Severity
from bot.models.finding import Finding

SOURCE = "scc"
_SEVERITIES = {"critical": Severity.critical, "high": Severity.high, "medium": Severity.medium, "low": Severity.low}
_EXPLOITED = {"WIDE", "CONFIRMED"}
_EXPLOITABLE = {"AVAILABLE", "ANTICIPATED"}
_EXPOSING = ("PUBLIC_", "OPEN_")
_EXCERPT_KEYS = ("name", "category", "findingClass", "severity", "state")


class Cve(Raw):
    id: str | None = None
    exploitationActivity: str | None = None


class Vulnerability(Raw):
    cve: Cve | None = None


class AttackExposure(Raw):
    score: float | None = None


class SccFinding(Raw):
    name: str | None = None
    resourceName: str
    category: str
    state: str | None = None
    severity: str | None = None
    findingClass: str | None = None
    mute: str | None = None
    description: str | None = None
    vulnerability: Vulnerability | None = None
    attackExposure: AttackExposure | None = None


class SccResource(Raw):
    name: str | None = None
    displayName: str | None = None
    type: str | None = None
    project: str | None = None
    projectDisplayName: str | None = None


class SccResult(Raw):
    finding: SccFinding
    resource: SccResource = Field(default_factory=SccResource)


def _is_bare(item: Any) -> bool:
    return isinstance(item, dict) and "resourceName" in item and "category" in item and "parent" in item


def is_record(item: Any) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("finding"), dict)
            and "resourceName" in item["finding"]) or _is_bare(item)


def detect(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("listFindingsResults"), list):
        return True
    return is_record(data) or shaped_list(data, is_record)


def _exploitability(f: SccFinding) -> Level:
    cve = f.vulnerability.cve if f.vulnerability else None
    activity = (cve.exploitationActivity or "").upper() if cve else ""
    score = f.attackExposure.score if f.attackExposure else None
    if activity in _EXPLOITED or (score is not None and score >= 7):
        return Level.high
    if activity in _EXPLOITABLE or (score is not None and score >= 4) or (f.findingClass or "").upper() == "THREAT":
        return Level.medium
    return Level.low if activity == "NO_KNOWN" else Level.unknown


def _skip_reason(f: SccFinding) -> str | None:
    if (f.state or "ACTIVE").upper() != "ACTIVE":
        return f"state {clean_text(f.state, 20)}: the finding is no longer active; skipped"
    if (f.mute or "").upper() == "MUTED":
        return "muted in Security Command Center; skipped"
    return None


def _finding(result: SccResult, ctx: IngestContext, pointer: str, record: dict[str, Any]) -> Finding:
    f, res = result.finding, result.resource
    rule = canonical("scc", f.category)
    exposed = True if f.category.upper().startswith(_EXPOSING) else None
    return finding(
        source=SOURCE, tool="scc", rule_id=f.category, canonical_id=rule, title=f.description,
        sev=severity(f.severity, rule, _SEVERITIES), asset=f.resourceName, ctx=ctx, pointer=pointer,
        raw=excerpt(record.get("finding", record), _EXCERPT_KEYS),
        asset_hints=hints(res.type, res.displayName, res.projectDisplayName or res.project),
        exploitability=_exploitability(f), internet_exposed=exposed,
    )


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Every active, unmuted finding as a Finding; the rest as per-record errors or notes."""
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    for pointer, record in records(data, "listFindingsResults", is_record):
        wrapped = {"finding": record} if _is_bare(record) else record
        parsed = validate(SccResult, wrapped, ctx, pointer)
        if isinstance(parsed, ErrorEntry):
            errors.append(parsed)
            continue
        reason = _skip_reason(parsed.finding)
        if reason:
            errors.append(note(ctx, pointer, reason))
        else:
            findings.append(_finding(parsed, ctx, pointer, wrapped))
    return findings, errors
