"""checkov's JSON report (`checkov -o json`): raw models and `to_findings()`.

checkov prints one report object per framework: a dict when one framework ran, a list when
several did, and a bare summary (`{"passed": 0, "failed": 0, ...}`) when there was nothing
to scan. Terraform resources are `aws_s3_bucket.b` / `module.x.aws_s3_bucket.y`, Kubernetes
ones `Pod.default.p`; paths look like `/main.tf` (relative to the scan root).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import IngestError, InputError
from bot.gcpause import gc_paused
from bot.ingest.base import (
    IngestContext,
    SourceOutput,
    clean_rule_id,
    clean_text,
    line_span,
    path_error,
)
from bot.models.common import ErrorEntry, Frozen, LineSpan, Severity
from bot.models.finding import Finding, SourceRef, fingerprint
from bot.rules import canonical_rule, default_severity, rule_title

SOURCE = "checkov"
_EXCERPT_KEYS = ("check_id", "resource", "file_path", "file_line_range", "check_class", "guideline")


class _Raw(BaseModel):
    model_config = ConfigDict(extra="ignore")


class CheckovCheck(_Raw):
    """One entry of `results.failed_checks` / `passed_checks`."""

    check_id: str
    check_name: str | None = None
    file_path: str
    file_line_range: list[int] | None = None
    resource: str | None = None
    severity: str | None = None  # usually null offline (`--skip-download`)
    guideline: str | None = None
    check_class: str | None = None
    bc_check_id: str | None = None


class CheckovResults(_Raw):
    failed_checks: list[dict[str, Any]] = Field(default_factory=list)
    passed_checks: list[dict[str, Any]] = Field(default_factory=list)
    skipped_checks: list[dict[str, Any]] = Field(default_factory=list)
    parsing_errors: list[str] = Field(default_factory=list)


class CheckovReport(_Raw):
    check_type: str
    results: CheckovResults = Field(default_factory=CheckovResults)
    summary: dict[str, Any] = Field(default_factory=dict)


class CheckResult(Frozen):
    """A check outcome as the verify stage needs it."""

    check_id: str
    resource: str | None
    file: str
    line: LineSpan | None


def _is_report(item: Any) -> bool:
    return isinstance(item, dict) and "check_type" in item and isinstance(item.get("results"), dict)


def _is_summary(item: Any) -> bool:
    return isinstance(item, dict) and "checkov_version" in item and "passed" in item and "failed" in item


def detect(data: Any) -> bool:
    """checkov JSON: a report, a non-empty list of reports, or the empty-scan summary."""
    if isinstance(data, list):
        return any(_is_report(i) for i in data) and all(_is_report(i) or _is_summary(i) for i in data)
    return _is_report(data) or _is_summary(data)


def parse_reports(data: Any, name: str) -> list[tuple[str, CheckovReport]]:
    """Reports with their JSON pointer prefix; IngestError when the shape is not checkov's."""
    if isinstance(data, dict) and not _is_report(data):
        if _is_summary(data):
            return []
        raise IngestError(f"{name}: not a checkov JSON report")
    if isinstance(data, dict):
        items = [("", data)]
    else:  # a framework with nothing to scan may appear as a bare summary: skip it
        items = [(f"[{i}].", d) for i, d in enumerate(data) if not _is_summary(d)]
    try:
        return [(prefix, CheckovReport.model_validate(item)) for prefix, item in items]
    except ValidationError as exc:
        raise IngestError(f"{name}: not a checkov JSON report: {exc.errors()[0]['msg']}") from exc


def _severity(raw: str | None, canonical: str) -> Severity:
    try:
        return Severity(raw.lower()) if raw else default_severity(canonical)
    except ValueError:
        return default_severity(canonical)


def _span(check: CheckovCheck) -> LineSpan | None:
    lines = check.file_line_range or []
    return line_span(lines[0], lines[1] if len(lines) > 1 else None) if lines else None


class _Memo:
    """Per-report memo of what findings share: rule ids, titles, spans, cleaned excerpt text.

    A report repeats a few hundred check ids and file paths over thousands of records; each
    value is still derived exactly as for a single record, only once.
    """

    def __init__(self) -> None:
        self.rules: dict[str, tuple[str, str]] = {}
        self.titles: dict[tuple[str | None, str], str] = {}
        self.severities: dict[tuple[str | None, str], Severity] = {}
        self.spans: dict[tuple[int, ...], LineSpan | None] = {}
        self.texts: dict[str, str] = {}

    def rule(self, check_id: str) -> tuple[str, str]:
        """(the id as checkov spells it, cleaned; its canonical id)."""
        got = self.rules.get(check_id)
        if got is None:
            spelled = clean_rule_id(check_id)
            got = self.rules[check_id] = (spelled, canonical_rule(spelled, "checkov"))
        return got

    def title(self, name: str | None, canonical: str) -> str:
        key = (name, canonical)
        got = self.titles.get(key)
        if got is None:
            got = self.titles[key] = clean_text(name or rule_title(canonical) or canonical)
        return got

    def severity(self, raw: str | None, canonical: str) -> Severity:
        key = (raw, canonical)
        got = self.severities.get(key)
        if got is None:
            got = self.severities[key] = _severity(raw, canonical)
        return got

    def span(self, check: CheckovCheck) -> LineSpan | None:
        key = tuple(check.file_line_range or ())
        if key not in self.spans:
            self.spans[key] = _span(check)
        return self.spans[key]

    def excerpt(self, record: dict[str, Any]) -> dict[str, Any]:
        """`excerpt(record, _EXCERPT_KEYS)`, with each distinct value cleaned once."""
        out: dict[str, Any] = {}
        texts = self.texts
        for key in _EXCERPT_KEYS:
            value = record.get(key)
            if value is None:
                continue
            if isinstance(value, int | float | bool):
                out[key] = value
                continue
            raw = value if isinstance(value, str) else str(value)  # what clean_text cleans
            cleaned = texts.get(raw)
            if cleaned is None:
                cleaned = texts[raw] = clean_text(raw, 200)
            out[key] = cleaned
        return out


def _finding(item: _Item, ctx: IngestContext, memo: _Memo) -> Finding:
    check = item.check
    spelled, canonical = memo.rule(check.check_id)
    resource = clean_text(check.resource) if check.resource else None
    span = memo.span(check)
    return Finding(
        id=fingerprint(canonical, resource, item.file, span.start if span else None),
        source=SOURCE,
        rule_id=canonical,
        title=memo.title(check.check_name, canonical),
        severity=memo.severity(check.severity, canonical),
        resource=resource,
        file=item.file,
        line=span,
        sources=(SourceRef(source=SOURCE, tool="checkov", rule_id=spelled,
                           input=ctx.input, pointer=item.pointer, raw=memo.excerpt(item.record)),),
    )


def _check(record: Any, ctx: IngestContext, pointer: str) -> CheckovCheck | ErrorEntry:
    try:
        return CheckovCheck.model_validate(record)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "record"
        return ErrorEntry(kind="ingest", message=f"{pointer}: {where}: {err['msg']}", file=ctx.input)


class _Item(NamedTuple):
    check: CheckovCheck
    record: dict[str, Any]
    pointer: str
    file: str  # repo-relative


def _checks(data: Any, ctx: IngestContext, key: str) -> Iterator[_Item | ErrorEntry]:
    """Each record of `results.<key>` validated and anchored in the repo, or its error."""
    for prefix, report in parse_reports(data, ctx.input):
        for i, record in enumerate(getattr(report.results, key)):
            pointer = f"{prefix}results.{key}[{i}]"
            check = _check(record, ctx, pointer)
            if isinstance(check, ErrorEntry):
                yield check
                continue
            try:
                yield _Item(check, record, pointer, ctx.anchor(check.file_path))
            except InputError as exc:
                yield path_error(exc, ctx, pointer)


@gc_paused
def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Every failed check as a Finding; unusable records (bad shape, bad path) as errors."""
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    memo = _Memo()
    for item in _checks(data, ctx, "failed_checks"):
        if isinstance(item, ErrorEntry):
            errors.append(item)
        else:
            findings.append(_finding(item, ctx, memo))
    return findings, errors


def check_results(data: Any, ctx: IngestContext, key: str) -> tuple[list[CheckResult], list[ErrorEntry]]:
    """`failed_checks` or `passed_checks` as plain results (check id, resource, file, lines)."""
    results: list[CheckResult] = []
    errors: list[ErrorEntry] = []
    for item in _checks(data, ctx, key):
        if isinstance(item, ErrorEntry):
            errors.append(item)
            continue
        resource = clean_text(item.check.resource) if item.check.resource else None
        results.append(CheckResult(check_id=clean_rule_id(item.check.check_id), resource=resource,
                                   file=item.file, line=_span(item.check)))
    return results, errors


def parsing_errors(data: Any, ctx: IngestContext) -> list[str]:
    """Files checkov could not parse (only listed when it ran without `--quiet`)."""
    out: list[str] = []
    for _prefix, report in parse_reports(data, ctx.input):
        for raw in report.results.parsing_errors:
            try:
                out.append(ctx.anchor(raw))
            except InputError:
                out.append(clean_text(raw))
    return out
