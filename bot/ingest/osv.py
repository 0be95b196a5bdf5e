"""OSV advisories (osv.dev, GitHub Security Advisories in OSV form) against versions pinned in
the repository: raw models and `to_findings()`.

Accepted shapes: one OSV record, a list of them (or one per line), an OSV API response
(`{"vulns": [...]}`) and osv-scanner's JSON (`results[].packages[].vulnerabilities[]`). Each
`affected[]` package is matched by name against the repository's pins (bot.inventory.pins:
Terraform registry modules, providers in `.terraform.lock.hcl` / exact `required_providers`,
container image tags in Kubernetes workloads); a pin inside a `ranges` (introduced / fixed /
last_affected / limit) or listed in `versions` is a finding with the first fixed version as
`Finding.upgrade`. Rules: FIXBOT_VULNERABLE_MODULE / _PROVIDER / _IMAGE (the advisory id is
the source's rule id), so several advisories on one pin are one finding and one upgrade.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from bot.ingest.base import IngestContext, SourceOutput, clean_text, line_span
from bot.ingest.cloud import Raw, note, shaped_list, validate
from bot.ingest.sarif import security_severity
from bot.inventory.pins import Pin, find_pins
from bot.models.common import ErrorEntry, Severity
from bot.models.finding import Finding, SourceRef, VersionUpgrade, fingerprint
from bot.versions import affected, first_fix

SOURCE = "osv"
RULES = {"module": "FIXBOT_VULNERABLE_MODULE", "provider": "FIXBOT_VULNERABLE_PROVIDER",
         "image": "FIXBOT_VULNERABLE_IMAGE"}
_LABELS = {"critical": Severity.critical, "high": Severity.high, "moderate": Severity.medium,
           "medium": Severity.medium, "low": Severity.low}


class Package(Raw):
    ecosystem: str | None = None
    name: str


class Affected(Raw):
    package: Package
    ranges: list[dict[str, Any]] = Field(default_factory=list)
    versions: list[str] = Field(default_factory=list)


class SeverityEntry(Raw):
    type: str | None = None
    score: str | None = None


class OsvRecord(Raw):
    id: str
    summary: str | None = None
    aliases: list[str] = Field(default_factory=list)
    affected: list[Affected] = Field(min_length=1)
    severity: list[SeverityEntry] = Field(default_factory=list)
    database_specific: dict[str, Any] = Field(default_factory=dict)


def is_record(item: Any) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("affected"), list)
            and any(k in item for k in ("modified", "schema_version", "published")))


def _scanner_records(data: dict[str, Any]) -> list[tuple[str, Any]]:
    out = []
    for i, result in enumerate(data.get("results") or []):
        for j, package in enumerate(result.get("packages") or [] if isinstance(result, dict) else []):
            vulns = package.get("vulnerabilities") if isinstance(package, dict) else None
            out += [(f"results[{i}].packages[{j}].vulnerabilities[{k}]", v) for k, v in enumerate(vulns or [])]
    return out


def _is_scanner(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("results"), list) and any(
        isinstance(r, dict) and isinstance(r.get("packages"), list) for r in data["results"])


def detect(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("vulns"), list):
        return any(is_record(r) for r in data["vulns"][:10]) or not data["vulns"]
    return is_record(data) or shaped_list(data, is_record) or _is_scanner(data)


def records(data: Any) -> list[tuple[str, Any]]:
    if _is_scanner(data):
        return _scanner_records(data)
    if isinstance(data, dict) and isinstance(data.get("vulns"), list):
        return [(f"vulns[{i}]", r) for i, r in enumerate(data["vulns"])]
    if isinstance(data, list):
        return [(f"[{i}]", r) for i, r in enumerate(data)]
    return [("$", data)]


def _severity(rec: OsvRecord) -> Severity:
    label = _LABELS.get(str(rec.database_specific.get("severity", "")).lower())
    if label is not None:
        return label
    scores = [s for s in (security_severity(e.score) for e in rec.severity) if s is not None]
    return max(scores, key=lambda s: s.rank) if scores else Severity.medium


def _finding(rec: OsvRecord, hit: Affected, pin: Pin, ctx: IngestContext, pointer: str) -> Finding:
    rule = RULES[pin.kind]
    fixed = first_fix(pin.version, hit.ranges)
    advisory = clean_text(rec.id, 80)
    summary = clean_text(rec.summary or "known vulnerability", 200)
    return Finding(
        id=fingerprint(rule, pin.resource, pin.file, pin.line),
        source=SOURCE, rule_id=rule, severity=_severity(rec),
        title=clean_text(f"{advisory} in {pin.package} {pin.version}: {summary}"),
        resource=pin.resource, file=pin.file,
        line=None if pin.resource else line_span(pin.line, pin.line),
        upgrade=VersionUpgrade(package=clean_text(pin.package, 200), current=pin.version, fixed=fixed),
        sources=(SourceRef(source=SOURCE, tool="osv", rule_id=advisory, input=ctx.input, pointer=pointer,
                           raw={"package": clean_text(hit.package.name, 200), "installed": pin.version,
                                "fixed": fixed or "", "aliases": clean_text(", ".join(rec.aliases[:5]), 200)}),),
    )


def _matches(rec: OsvRecord, pins: list[Pin]) -> list[tuple[Affected, Pin]]:
    out = []
    for hit in rec.affected:
        name = hit.package.name.strip().lower()
        out += [(hit, p) for p in pins if name in p.names and affected(p.version, hit.ranges, hit.versions)]
    return out


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """A finding per (advisory, affected pin); records that affect nothing pinned are counted in a note."""
    pins = find_pins(ctx.root)
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    unaffected = 0
    for pointer, record in records(data):
        rec = validate(OsvRecord, record, ctx, pointer)
        if isinstance(rec, ErrorEntry):
            errors.append(rec)
            continue
        hits = _matches(rec, pins)
        unaffected += not hits
        findings += [_finding(rec, hit, pin, ctx, pointer) for hit, pin in hits]
    if unaffected:
        errors.append(note(ctx, "$", f"{unaffected} advisory record(s) affect no version pinned in the repository "
                                     f"({len(pins)} pin(s) checked)"))
    return findings, errors
