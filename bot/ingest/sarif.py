"""Generic SARIF 2.1.0 (any tool: checkov, Trivy, KICS, ...): raw models and `to_findings()`.

Severity: the rule's or result's `security-severity` (CVSS-like) when given; else the curated
table when the canonical rule is known; else the SARIF level (error/warning/note). SARIF rarely
names an IaC resource, so `resource` stays None unless a logical location of kind "resource"
gives one; the mapping stage resolves file + line to the enclosing block.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field

from bot.errors import IngestError, InputError
from bot.ingest.base import (
    IngestContext,
    SourceOutput,
    clean_rule_id,
    clean_text,
    excerpt,
    line_span,
    path_error,
    validate,
)
from bot.models.common import ErrorEntry, Level, Severity
from bot.models.finding import Finding, SourceRef, fingerprint
from bot.rules import canonical_rule, default_severity, known_rule, rule_title

SOURCE = "sarif"
_LEVELS = {"error": Severity.high, "warning": Severity.medium, "note": Severity.low, "none": Severity.info}
_SKIPPED_KINDS = {"pass", "notApplicable"}
_GENERIC_NAMES = {"misconfiguration", "vulnerability", "secret", "license"}  # Trivy's rule `name`s
_MAX_BASE_DEPTH = 8


class _Raw(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Message(_Raw):
    text: str | None = None


class ArtifactLocation(_Raw):
    uri: str | None = None
    uriBaseId: str | None = None


class Region(_Raw):
    startLine: int | None = None
    endLine: int | None = None


class PhysicalLocation(_Raw):
    artifactLocation: ArtifactLocation | None = None
    region: Region | None = None


class LogicalLocation(_Raw):
    name: str | None = None
    fullyQualifiedName: str | None = None
    kind: str | None = None


class Location(_Raw):
    physicalLocation: PhysicalLocation | None = None
    logicalLocations: list[LogicalLocation] = Field(default_factory=list)


class Configuration(_Raw):
    level: str | None = None


class Rule(_Raw):
    id: str
    name: str | None = None
    shortDescription: Message | None = None
    fullDescription: Message | None = None
    defaultConfiguration: Configuration | None = None
    properties: dict[str, Any] = Field(default_factory=dict)


class Driver(_Raw):
    name: str
    rules: list[Rule] = Field(default_factory=list)


class Tool(_Raw):
    driver: Driver


class RuleRef(_Raw):
    id: str | None = None
    index: int | None = None


class Result(_Raw):
    ruleId: str | None = None
    ruleIndex: int | None = None
    rule: RuleRef | None = None
    level: str | None = None
    kind: str | None = None
    message: Message | None = None
    locations: list[Location] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)
    suppressions: list[dict[str, Any]] = Field(default_factory=list)


class Run(_Raw):
    tool: Tool
    results: list[dict[str, Any]] | None = None
    originalUriBaseIds: dict[str, ArtifactLocation] = Field(default_factory=dict)


class SarifLog(_Raw):
    version: str
    runs: list[dict[str, Any]]


def detect(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("runs"), list):
        return False
    return "sarif" in str(data.get("$schema", "")).lower() or str(data.get("version", "")).startswith("2.")


def security_severity(value: Any) -> Severity | None:
    """CVSS-like score → severity: ≥9 critical, ≥7 high, ≥4 medium, >0 low, 0 info."""
    try:
        score = float(value)
    except (TypeError, ValueError):
        return None
    bands = ((9.0, Severity.critical), (7.0, Severity.high), (4.0, Severity.medium))
    return next((sev for floor, sev in bands if score >= floor), Severity.low if score > 0 else Severity.info)


def _rule_for(result: Result, run: Run) -> Rule | None:
    rules = run.tool.driver.rules
    index = result.ruleIndex if result.ruleIndex is not None else (result.rule.index if result.rule else None)
    rid = result.ruleId or (result.rule.id if result.rule else None)
    if index is not None and 0 <= index < len(rules) and (rid is None or rules[index].id == rid):
        return rules[index]
    return next((r for r in rules if r.id == rid), None) if rid else None


def _severity(result: Result, rule: Rule | None, canonical: str) -> Severity:
    for props in (result.properties, rule.properties if rule else {}):
        sev = security_severity(props.get("security-severity"))
        if sev is not None:
            return sev
    if known_rule(canonical):
        return default_severity(canonical)
    level = result.level or (rule.defaultConfiguration.level if rule and rule.defaultConfiguration else None)
    return _LEVELS.get(level or "warning", Severity.medium)


def _title(result: Result, rule: Rule | None, canonical: str) -> str:
    candidates = []
    if rule:
        candidates += [rule.shortDescription.text if rule.shortDescription else None]
        candidates += [rule.name if rule.name and rule.name.lower() not in _GENERIC_NAMES else None]
    candidates += [rule_title(canonical), result.message.text if result.message else None, canonical]
    return clean_text(next(c for c in candidates if c and c.strip()))


def _base_path(base_id: str | None, bases: dict[str, ArtifactLocation], depth: int = 0) -> str:
    """Resolve a uriBaseId chain (originalUriBaseIds) to a URI prefix ('' when unknown)."""
    if not base_id or base_id not in bases or depth > _MAX_BASE_DEPTH:
        return ""
    base = bases[base_id]
    prefix = _base_path(base.uriBaseId, bases, depth + 1)
    uri = base.uri or ""
    return uri if urlsplit(uri).scheme or uri.startswith("/") else prefix + uri


def _file_path(uri: str, prefix: str, ctx: IngestContext) -> str:
    """Artifact URI (+ base) → a path for `anchored_path`; InputError for non-file URIs."""
    parts = urlsplit(uri)
    if parts.scheme and parts.scheme != "file":
        raise InputError(f"artifact URI {clean_text(uri)!r} is not a file")
    if parts.scheme == "file" or uri.startswith("/"):
        return unquote(parts.path)
    joined = unquote(urlsplit(prefix).path if prefix else "") + unquote(parts.path)
    if prefix and joined.startswith("/"):
        # base points at the producer's checkout: keep it if that is this repo, else scan-root relative
        try:
            return ctx.anchor(joined)
        except InputError:
            return unquote(parts.path)
    return joined


def _anchored_uri(art: ArtifactLocation, run: Run, ctx: IngestContext) -> str:
    uri = art.uri or ""
    try:
        return ctx.anchor(_file_path(uri, _base_path(art.uriBaseId, run.originalUriBaseIds), ctx))
    except InputError as exc:
        if exc.message.startswith("artifact URI"):
            raise
        raise InputError(f"artifact URI {clean_text(uri)!r}: {exc.message}") from exc


def _location(result: Result, run: Run, ctx: IngestContext) -> tuple[str | None, int | None, int | None]:
    for loc in result.locations:
        phys = loc.physicalLocation
        if phys and phys.artifactLocation and phys.artifactLocation.uri:
            art = phys.artifactLocation
            region = phys.region or Region()
            return _anchored_uri(art, run, ctx), region.startLine, region.endLine
    return None, None, None


def _resource(result: Result) -> str | None:
    for loc in result.locations:
        for logical in loc.logicalLocations:
            if (logical.kind or "").lower() == "resource" and (logical.fullyQualifiedName or logical.name):
                return clean_text(logical.fullyQualifiedName or logical.name)
    return None


def _exploitability(result: Result) -> Level:
    value = str(result.properties.get("exploitability", "")).lower()
    return Level(value) if value in Level.__members__ else Level.unknown


def _suppressed(result: Result) -> bool:
    return any(s.get("status") in (None, "accepted") for s in result.suppressions)


def _finding(result: Result, run: Run, ctx: IngestContext, pointer: str) -> Finding | ErrorEntry | None:
    if result.kind in _SKIPPED_KINDS or _suppressed(result):
        return None
    rule = _rule_for(result, run)
    rid = result.ruleId or (result.rule.id if result.rule else None) or (rule.id if rule else None)
    if not rid:
        return ErrorEntry(kind="ingest", message=f"{pointer}: result has no rule id", file=ctx.input)
    tool = clean_text(run.tool.driver.name, 80)
    canonical = canonical_rule(clean_rule_id(rid), tool, name=rule.name if rule else None)
    try:
        file, start, end = _location(result, run, ctx)
    except InputError as exc:
        return path_error(exc, ctx, pointer)
    resource = _resource(result)
    span = line_span(start, end)
    raw = excerpt({"ruleId": rid, "level": result.level, "message": result.message.text if result.message else None,
                   "uri": file, "startLine": start}, ("ruleId", "level", "message", "uri", "startLine"))
    return Finding(
        id=fingerprint(canonical, resource, file, span.start if span else None),
        source=SOURCE, rule_id=canonical, title=_title(result, rule, canonical),
        severity=_severity(result, rule, canonical), resource=resource, file=file, line=span,
        exploitability=_exploitability(result),
        sources=(SourceRef(source=SOURCE, tool=tool, rule_id=clean_rule_id(rid), input=ctx.input,
                           pointer=pointer, raw=raw),),
    )


def _run_findings(run: Run, ctx: IngestContext, prefix: str) -> SourceOutput:
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    for j, raw in enumerate(run.results or []):
        pointer = f"{prefix}.results[{j}]"
        result = validate(Result, raw, ctx, pointer)
        outcome = result if isinstance(result, ErrorEntry) else _finding(result, run, ctx, pointer)
        if isinstance(outcome, Finding):
            findings.append(outcome)
        elif outcome is not None:
            errors.append(outcome)
    return findings, errors


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Every failing result of every run as a Finding; unusable results as errors."""
    log = validate(SarifLog, data, ctx, "$")
    if isinstance(log, ErrorEntry):
        raise IngestError(f"{ctx.input}: not a SARIF log: {log.message}")
    if log.version != "2.1.0":
        raise IngestError(f"{ctx.input}: SARIF version {clean_text(log.version, 20)!r} is not supported (2.1.0 is)")
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    for i, raw_run in enumerate(log.runs):
        run = validate(Run, raw_run, ctx, f"runs[{i}]")
        if isinstance(run, ErrorEntry):
            errors.append(run)
            continue
        got, bad = _run_findings(run, ctx, f"runs[{i}]")
        findings += got
        errors += bad
    return findings, errors
