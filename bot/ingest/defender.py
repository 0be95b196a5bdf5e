"""Microsoft Defender for Cloud assessments and alerts: raw models and `to_findings()`.

Accepted shapes: the REST list responses (`{"value": [...]}`) of
`Microsoft.Security/assessments` and `Microsoft.Security/locations/alerts`, an Azure Resource
Graph export of the `securityresources` table (a list of the same objects, or one per line),
and a single object. Assessments: `properties.status.code` `Unhealthy` is a finding on
`properties.resourceDetails.Id`; healthy / not applicable ones are passes and skipped. The
rule is the recommendation's display name, aliased as `defender:<displayName>` in
bot/data/rules.json, else `defender:<assessment key>`. Alerts: the first `AzureResource`
identifier is the asset; dismissed or resolved alerts are skipped with a note.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from bot.ingest.base import IngestContext, SourceOutput, clean_text, excerpt
from bot.ingest.cloud import Raw, canonical, finding, hints, note, records, severity, shaped_list, validate
from bot.models.common import ErrorEntry, Level, Severity
from bot.models.finding import Finding
from bot.rules import known_rule

SOURCE = "defender"
_SEVERITIES = {"high": Severity.high, "medium": Severity.medium, "low": Severity.low,
               "informational": Severity.info}
_CLOSED_ALERTS = {"DISMISSED", "RESOLVED"}
_EXCERPT_KEYS = ("id", "name", "type")


class Status(Raw):
    code: str


class AssessmentMeta(Raw):
    displayName: str | None = None
    severity: str | None = None


class ResourceDetails(Raw):
    Id: str | None = None
    id: str | None = None  # some exports spell it in lower case


class AssessmentProps(Raw):
    resourceDetails: ResourceDetails
    displayName: str | None = None
    status: Status
    metadata: AssessmentMeta = Field(default_factory=AssessmentMeta)


class Assessment(Raw):
    id: str | None = None
    name: str
    properties: AssessmentProps


class ResourceIdentifier(Raw):
    type: str | None = None
    azureResourceId: str | None = None


class AlertProps(Raw):
    alertType: str
    alertDisplayName: str | None = None
    severity: str | None = None
    status: str | None = None
    compromisedEntity: str | None = None
    resourceIdentifiers: list[ResourceIdentifier] = Field(default_factory=list)


class Alert(Raw):
    id: str | None = None
    name: str | None = None
    properties: AlertProps


def _props(item: Any) -> dict[str, Any]:
    props = item.get("properties") if isinstance(item, dict) else None
    return props if isinstance(props, dict) else {}


def _is_alert(item: Any) -> bool:
    return "alertType" in _props(item)


def is_record(item: Any) -> bool:
    props = _props(item)
    return ("resourceDetails" in props and "status" in props) or "alertType" in props


def detect(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("value"), list):
        return any(is_record(r) for r in data["value"][:10])
    return is_record(data) or shaped_list(data, is_record)


def _assessment(a: Assessment, ctx: IngestContext, pointer: str, record: dict[str, Any]) -> Finding | ErrorEntry | None:
    props = a.properties
    if props.status.code.lower() != "unhealthy":
        return None  # Healthy / NotApplicable: a pass, not a finding
    resource_id = props.resourceDetails.Id or props.resourceDetails.id
    if not resource_id:
        return ErrorEntry(kind="ingest", message=f"{pointer}: properties.resourceDetails.Id: missing", file=ctx.input)
    title = props.displayName or props.metadata.displayName
    rule = canonical("defender", title) if title else ""
    if not title or not known_rule(rule):
        rule = canonical("defender", a.name)
    return finding(
        source=SOURCE, tool="defender", rule_id=a.name, canonical_id=rule, title=title,
        sev=severity(props.metadata.severity, rule, _SEVERITIES), asset=resource_id, ctx=ctx, pointer=pointer,
        raw=excerpt(record, _EXCERPT_KEYS) | {"status": clean_text(props.status.code, 40)},
        asset_hints=hints(_kind(resource_id)),
    )


def _kind(resource_id: str) -> str | None:
    parts = [p for p in resource_id.split("/") if p]
    lowered = [p.lower() for p in parts]
    if "providers" not in lowered or len(parts) < lowered.index("providers") + 3:
        return None
    at = lowered.index("providers")
    return f"{parts[at + 1]}/{parts[at + 2]}"


def _alert(a: Alert, ctx: IngestContext, pointer: str, record: dict[str, Any]) -> Finding | ErrorEntry:
    props = a.properties
    if (props.status or "").upper() in _CLOSED_ALERTS:
        return note(ctx, pointer, f"alert status {clean_text(props.status, 20)}: skipped")
    resource_id = next((r.azureResourceId for r in props.resourceIdentifiers if r.azureResourceId), None)
    if not resource_id:
        return ErrorEntry(kind="ingest", message=f"{pointer}: properties.resourceIdentifiers: no azureResourceId",
                          file=ctx.input)
    rule = canonical("defender", props.alertType)
    return finding(
        source=SOURCE, tool="defender", rule_id=props.alertType, canonical_id=rule,
        title=props.alertDisplayName, sev=severity(props.severity, rule, _SEVERITIES), asset=resource_id,
        ctx=ctx, pointer=pointer, raw=excerpt(record, _EXCERPT_KEYS), asset_hints=hints(_kind(resource_id)),
        exploitability=Level.high,  # an alert reports activity seen, not a possibility
    )


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Unhealthy assessments and open alerts as Findings; bad records as per-record errors."""
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    for pointer, record in records(data, "value", is_record):
        outcome: Finding | ErrorEntry | None
        if _is_alert(record):
            alert = validate(Alert, record, ctx, pointer)
            outcome = alert if isinstance(alert, ErrorEntry) else _alert(alert, ctx, pointer, record)
        else:
            parsed = validate(Assessment, record, ctx, pointer)
            outcome = parsed if isinstance(parsed, ErrorEntry) else _assessment(parsed, ctx, pointer, record)
        if isinstance(outcome, Finding):
            findings.append(outcome)
        elif outcome is not None:
            errors.append(outcome)
    return findings, errors
