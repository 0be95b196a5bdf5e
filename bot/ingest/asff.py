"""AWS Security Hub findings in ASFF: raw models and `to_findings()`.

Accepted shapes: a `GetFindings` response (`{"Findings": [...]}`), the bare list sent to
`BatchImportFindings` (or one finding per line, JSON Lines), and a single finding. The
control id comes from `Compliance.SecurityControlId`, else `ProductFields.ControlId`, else
the last segment of `GeneratorId` (`.../S3.2`, `security-control/S3.2`); bot/data/rules.json
aliases `securityhub:S3.2` → `CKV_AWS_20`. The finding's asset is `Resources[0].Id`
(usually an ARN) with the resource's type, tags and name from `Details` as mapping hints.
Archived, suppressed or resolved findings and passed controls are skipped with a note.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from bot.ingest.base import IngestContext, SourceOutput, clean_text, excerpt
from bot.ingest.cloud import Raw, canonical, finding, hints, note, records, severity, shaped_list, validate
from bot.models.common import ErrorEntry, Level, Severity
from bot.models.finding import Finding

SOURCE = "asff"
_CONTROL = re.compile(r"^[A-Za-z][A-Za-z0-9]*\.\d+$")
_SEVERITIES = {"informational": Severity.info, "low": Severity.low, "medium": Severity.medium,
               "high": Severity.high, "critical": Severity.critical}
_CLOSED_WORKFLOW = {"SUPPRESSED", "RESOLVED"}
_EXCERPT_KEYS = ("Id", "GeneratorId", "Title", "RecordState")
# names of the live resource in Resources[].Details, per resource type (lookup hints only)
_DETAIL_NAMES = {"AwsEc2SecurityGroup": "GroupName", "AwsIamPolicy": "PolicyName", "AwsIamRole": "RoleName",
                 "AwsIamUser": "UserName", "AwsRdsDbInstance": "DbInstanceIdentifier",
                 "AwsLambdaFunction": "FunctionName", "AwsDynamoDbTable": "TableName"}


class SeverityRaw(Raw):
    Label: str | None = None
    Normalized: int | None = None


class ComplianceRaw(Raw):
    Status: str | None = None
    SecurityControlId: str | None = None


class WorkflowRaw(Raw):
    Status: str | None = None


class ResourceRaw(Raw):
    Type: str
    Id: str
    Partition: str | None = None
    Region: str | None = None
    Tags: dict[str, str] = Field(default_factory=dict)
    Details: dict[str, Any] = Field(default_factory=dict)


class VulnerabilityRaw(Raw):
    Id: str | None = None
    ExploitAvailable: str | None = None  # "YES" / "NO"
    FixAvailable: str | None = None


class NetworkRaw(Raw):
    Direction: str | None = None  # "IN" / "OUT"
    SourceIpV4: str | None = None


class AsffFinding(Raw):
    SchemaVersion: str | None = None
    Id: str
    ProductArn: str
    GeneratorId: str
    AwsAccountId: str | None = None
    Title: str | None = None
    Types: list[str] = Field(default_factory=list)
    Severity: SeverityRaw | None = None
    Compliance: ComplianceRaw | None = None
    ProductFields: dict[str, str] = Field(default_factory=dict)
    Resources: list[ResourceRaw] = Field(min_length=1)
    Workflow: WorkflowRaw | None = None
    RecordState: str | None = None
    Network: NetworkRaw | None = None
    Vulnerabilities: list[VulnerabilityRaw] = Field(default_factory=list)


def is_record(item: Any) -> bool:
    return isinstance(item, dict) and "ProductArn" in item and ("GeneratorId" in item or "SchemaVersion" in item)


def detect(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("Findings"), list):
        found = data["Findings"]
        return not found or any(is_record(r) for r in found[:10])
    return is_record(data) or shaped_list(data, is_record)


def control_id(f: AsffFinding) -> str | None:
    """Security Hub's control id (`S3.2`), if this is a control finding."""
    for candidate in (f.Compliance.SecurityControlId if f.Compliance else None, f.ProductFields.get("ControlId")):
        if candidate:
            return candidate
    last = f.GeneratorId.rstrip("/").rsplit("/", 1)[-1]
    return last if _CONTROL.match(last) else None


def rule_of(f: AsffFinding) -> tuple[str, str, str]:
    """(tool, rule id as the tool spells it, canonical id) of a control or another product's finding."""
    control = control_id(f)
    if control:
        return "securityhub", control, canonical("securityhub", control)
    product = f.ProductArn.rstrip("/").rsplit("/", 1)[-1] or "securityhub"
    vuln = next((v.Id for v in f.Vulnerabilities if v.Id), None)
    rule = vuln or (f.Types[0].rsplit("/", 1)[-1] if f.Types else f.GeneratorId)
    return product, rule, canonical(product, rule)


def _skip_reason(f: AsffFinding) -> str | None:
    if (f.RecordState or "").upper() == "ARCHIVED":
        return "RecordState ARCHIVED: the finding is no longer current; skipped"
    status = (f.Workflow.Status if f.Workflow else None) or ""
    if status.upper() in _CLOSED_WORKFLOW:
        return f"Workflow.Status {clean_text(status, 20)}: skipped"
    return None


def _exploitability(f: AsffFinding) -> Level:
    answers = {(v.ExploitAvailable or "").upper() for v in f.Vulnerabilities}
    if "YES" in answers:
        return Level.high
    return Level.low if answers == {"NO"} else Level.unknown


def _exposed(f: AsffFinding) -> bool | None:
    """An inbound network finding from an outside address is a hint of internet exposure."""
    if f.Network is None or (f.Network.Direction or "").upper() != "IN":
        return None
    return True


def _hint_name(resource: ResourceRaw) -> str | None:
    key = _DETAIL_NAMES.get(resource.Type)
    detail = resource.Details.get(resource.Type)
    value = detail.get(key) if key and isinstance(detail, dict) else None
    return str(value) if value else None


def _finding(f: AsffFinding, ctx: IngestContext, pointer: str, record: dict[str, Any]) -> Finding:
    tool, rid, rule = rule_of(f)
    resource = f.Resources[0]
    label = f.Severity.Label if f.Severity else None
    raw = excerpt(record, _EXCERPT_KEYS) | {"ResourceId": clean_text(resource.Id, 200)}
    return finding(
        source=SOURCE, tool=clean_text(tool, 80), rule_id=rid, canonical_id=rule, title=f.Title,
        sev=severity(label, rule, _SEVERITIES), asset=resource.Id, ctx=ctx, pointer=pointer, raw=raw,
        asset_hints=hints(resource.Type, _hint_name(resource), tags=resource.Tags.items()),
        exploitability=_exploitability(f), internet_exposed=_exposed(f),
    )


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Every current, failing finding as a Finding; the rest as per-record errors or notes."""
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    for pointer, record in records(data, "Findings", is_record):
        parsed = validate(AsffFinding, record, ctx, pointer)
        if isinstance(parsed, ErrorEntry):
            errors.append(parsed)
            continue
        reason = _skip_reason(parsed)
        if reason:
            errors.append(note(ctx, pointer, reason))
        elif parsed.Compliance is None or (parsed.Compliance.Status or "").upper() not in {"PASSED", "NOT_AVAILABLE"}:
            findings.append(_finding(parsed, ctx, pointer, record))
    return findings, errors
