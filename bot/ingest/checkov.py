"""checkov's JSON report (`checkov -o json`): raw models and `to_findings()`.

checkov prints one report object per framework: a dict when one framework ran, a list when
several did, and a bare summary (`{"passed": 0, "failed": 0, ...}`) when there was nothing
to scan. Terraform resources are `aws_s3_bucket.b` / `module.x.aws_s3_bucket.y`, Kubernetes
ones `Pod.default.p`; paths look like `/main.tf` (relative to the scan root).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from bot.errors import IngestError, InputError
from bot.ingest.base import (
    IngestContext,
    SourceOutput,
    clean_rule_id,
    clean_text,
    path_error,
    validate,
)
from bot.ingest.checkov_memo import Memo, checkov_span
from bot.models.common import ErrorEntry, Frozen, Level, LineSpan, _construct
from bot.models.finding import Finding, SourceRef, fingerprint

SOURCE = "checkov"


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
        return [(prefix, _report(item)) for prefix, item in items]
    except ValidationError as exc:
        raise IngestError(f"{name}: not a checkov JSON report: {exc.errors()[0]['msg']}") from exc


_RECORD_LISTS = ("failed_checks", "passed_checks", "skipped_checks")


def _report(item: dict[str, Any]) -> CheckovReport:
    """`CheckovReport.model_validate(item)`. Record lists already shaped as validation wants them
    (lists of dicts with str keys — parsed JSON always is) are kept as they are rather than copied
    record by record; the rest of the report is validated as usual."""
    results = item["results"]
    lists = {key: results[key] for key in _RECORD_LISTS if key in results}
    if not all(_json_records(value) for value in lists.values()):
        return CheckovReport.model_validate(item)
    report = CheckovReport.model_validate({**item, "results": {k: v for k, v in results.items() if k not in lists}})
    for key, value in lists.items():
        setattr(report.results, key, value)
    return report


def _json_records(value: Any) -> bool:
    return (
        type(value) is list
        and all(type(record) is dict for record in value)
        and all(type(key) is str for key in set().union(*value))
    )


_FINDING_SET = frozenset({"id", "source", "rule_id", "title", "severity", "resource", "file", "line", "sources"})
_SOURCE_SET = frozenset({"source", "tool", "rule_id", "input", "pointer", "raw"})


def _finding(item: _Item, ctx: IngestContext, memo: Memo) -> Finding:
    """The Finding (and its SourceRef) built without re-validation: every value below is already
    of its field's type (validated raw fields, cleaned text, memoised Severity/LineSpan), so the
    result equals `Finding(id=..., ..., sources=(SourceRef(...),))` (tests compare the two)."""
    check = item.check
    spelled, canonical, title, severity = memo.check(check.check_id, check.check_name, check.severity)
    resource = clean_text(check.resource) if check.resource else None
    span = memo.span(check.file_line_range)
    source = _construct(SourceRef, {
        "source": SOURCE, "tool": "checkov", "rule_id": spelled, "input": ctx.input,
        "pointer": item.pointer, "raw": memo.excerpt(item.record),
    }, set(_SOURCE_SET))
    return _construct(Finding, {
        "id": fingerprint(canonical, resource, item.file, span.start if span else None),
        "source": SOURCE,
        "rule_id": canonical,
        "title": title,
        "severity": severity,
        "resource": resource,
        "asset": None,
        "file": item.file,
        "line": span,
        "environment": None,
        "owners": (),
        "data_classification": None,
        "internet_exposed": None,
        "exploitability": Level.unknown,
        "sources": (source,),
        "asset_hints": None,
        "mapping": None,
        "upgrade": None,
    }, set(_FINDING_SET))


_CHECK_LIST = TypeAdapter(list[CheckovCheck])


def _all_checks(records: list[dict[str, Any]]) -> list[CheckovCheck] | None:
    """Every record validated in one call (the same model, so the same checks), or None when
    one is invalid: then each is validated on its own and the bad ones become errors."""
    try:
        return _CHECK_LIST.validate_python(records)
    except ValidationError:
        return None


class _Item(NamedTuple):
    check: CheckovCheck
    record: dict[str, Any]
    pointer: str
    file: str  # repo-relative


def _checks(data: Any, ctx: IngestContext, key: str) -> Iterator[_Item | ErrorEntry]:
    """Each record of `results.<key>` validated and anchored in the repo, or its error."""
    for prefix, report in parse_reports(data, ctx.input):
        records = getattr(report.results, key)
        valid = _all_checks(records)
        for i, record in enumerate(records):
            pointer = f"{prefix}results.{key}[{i}]"
            check = valid[i] if valid is not None else validate(CheckovCheck, record, ctx, pointer)
            if isinstance(check, ErrorEntry):
                yield check
                continue
            try:
                yield _Item(check, record, pointer, ctx.anchor(check.file_path))
            except InputError as exc:
                yield path_error(exc, ctx, pointer)


def to_findings(data: Any, ctx: IngestContext) -> SourceOutput:
    """Every failed check as a Finding; unusable records (bad shape, bad path) as errors."""
    findings: list[Finding] = []
    errors: list[ErrorEntry] = []
    memo = Memo()
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
                                   file=item.file, line=checkov_span(item.check.file_line_range)))
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
